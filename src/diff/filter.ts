/**
 * The diff filter (reviewdog's modes): marks which findings touch the diff and decides which are reported, and
 * makes the one filtered stream every output of the action reads (reviewdog's FilteredDiagnostic).
 */
import { firstAtLeast } from '../model/sorted.js'
import type { Finding, Span } from '../model/finding.js'
import type { Hunk } from './parse.js'

export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter'

export const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file', 'nofilter']

/**
 * First and last line (1-based, inclusive) a span covers. The end is exclusive, so a span ending at column 1
 * of a later line stops at the end of the line before it.
 */
export function spanLines(span: Span): { start: number; end: number } {
  const start = span.start.line
  const end = span.end.line > start && span.end.column === 1 ? span.end.line - 1 : Math.max(span.end.line, start)
  return { start, end }
}

/** Last new-side line of a hunk (a hunk that adds nothing on the new side covers no line). */
export function hunkEnd(h: Hunk): number {
  return h.newStart + h.newLines - 1
}

/** The hunk whose new-side range holds every line of start..end, if any. */
export function hunkContaining(hunks: readonly Hunk[] | undefined, start: number, end: number): Hunk | undefined {
  return hunks?.find((h) => h.newLines > 0 && h.newStart <= start && end <= hunkEnd(h))
}

/** Marks each finding's inDiffFile / inDiffContext (span start..end lines all inside one hunk's new range) — never drops. */
export function markFindings(findings: Finding[], diffs: ReadonlyMap<string, Hunk[]>): Finding[] {
  return findings.map((f) => {
    const hunks = diffs.get(f.path)
    const { start, end } = spanLines(f.span)
    return { ...f, inDiffFile: hunks !== undefined, inDiffContext: hunkContaining(hunks, start, end) !== undefined }
  })
}

/**
 * reviewdog semantics: which findings are reported at all for a mode (added: lines added; diff_context: inside
 * hunks; file: in changed files; nofilter: all). As in reviewdog's FilterCheck, a multi-line finding is reported
 * when any one of its lines qualifies.
 */
export function isReported(f: Finding, mode: FilterMode, diffs: ReadonlyMap<string, Hunk[]>): boolean {
  if (mode === 'nofilter') return true
  const hunks = diffs.get(f.path)
  if (!hunks) return false
  if (mode === 'file') return true
  const { start, end } = spanLines(f.span)
  if (mode === 'added') return hunks.some((h) => firstFrom(h.added, start) <= end)
  return hunks.some((h) => h.newLines > 0 && h.newStart <= end && start <= hunkEnd(h))
}

/**
 * The first of ascending `lines` at or after `line` (Infinity for none), by bisection: an added file's hunk lists
 * every line, and a finding asks once.
 */
function firstFrom(lines: readonly number[], line: number): number {
  const i = firstAtLeast(lines, line)
  return i < lines.length ? lines[i] : Infinity
}

/**
 * A finding as every sink sees it: `inDiffFile` / `inDiffContext` set when there is a diff, `baseline`
 * ('new' | 'existing') set when there is a baseline (absent: no baseline, and it counts as new).
 */
export type FilteredFinding = Finding

/** What the baseline found: which head findings the base commit had, and which base findings are gone. */
export interface BaselineMarks {
  existing: ReadonlySet<Finding>
  /** Base findings missing at head (their spans are the base's). */
  fixed: Finding[]
  baseSha: string
}

/** The one filtered stream of a run: reported head findings marked new/existing and in-diff, and the fixed ones. */
export interface FilteredStream {
  /** Head findings the filter mode reports, in lint order. */
  reported: FilteredFinding[]
  /** Base findings this change removes. */
  fixed: Finding[]
  /** The base commit the baseline was read at, when there was one. */
  baseSha?: string
}

/**
 * Filters once: marks each head finding new or existing (by the baseline) and in the diff or not, and keeps
 * what `mode` reports. Without diffs (no pull request) every finding is reported.
 */
export function filterFindings(head: readonly Finding[], baseline: BaselineMarks | undefined, diffs: ReadonlyMap<string, Hunk[]> | undefined, mode: FilterMode): FilteredStream {
  const marked = baseline ? head.map((f): Finding => ({ ...f, baseline: baseline.existing.has(f) ? 'existing' : 'new' })) : [...head]
  const reported = diffs ? markFindings(marked, diffs).filter((f) => isReported(f, mode, diffs)) : marked
  return { reported, fixed: baseline?.fixed ?? [], ...(baseline ? { baseSha: baseline.baseSha } : {}) }
}
