/** The diff filter (reviewdog's modes): marks which findings touch the diff and decides which are reported. */
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
  if (mode === 'added') return hunks.some((h) => h.added.some((l) => l >= start && l <= end))
  return hunks.some((h) => h.newLines > 0 && h.newStart <= end && start <= hunkEnd(h))
}
