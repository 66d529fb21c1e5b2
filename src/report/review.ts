/** Plans a pull-request review: which findings become line comments, with one-click suggestion blocks where GitHub allows them. */
import { hunkContaining, hunkEnd, isReported, spanLines, type FilterMode } from '../diff/filter.js'
import type { Hunk } from '../diff/parse.js'
import type { SourceFile } from '../forms/manifests.js'
import { firstNotBefore } from '../model/sorted.js'
import { applyEdits, editsOverlap } from '../model/edit.js'
import { SEVERITY_RANK, type Finding, type TextEdit } from '../model/finding.js'
import { marker } from './fingerprint.js'
import { encodePath, escapeMarkdown, fencedBlock } from './markdown.js'
import { remediationOf, severityBadge } from './rule-text.js'

export interface ReviewComment {
  path: string
  body: string
  /** Last line of the range (1-based, new side). */
  line: number
  /** First line, only when the comment spans several lines (the API wants start_line before line). */
  start_line?: number
  side: 'RIGHT'
  start_side?: 'RIGHT'
  /** Of `finding`: the one the hidden marker names. */
  fingerprint: string
  finding: Finding
  /** Further findings this comment speaks for (merged suggestion, or listed because their suggestion overlapped). */
  also?: Finding[]
}

export interface ReviewPlan {
  comments: ReviewComment[]
  /** in-hunk findings beyond maxComments */
  overflow: Finding[]
  /** reported findings that cannot be review comments (outside hunks) */
  outside: Finding[]
}

export interface ReviewOptions {
  mode: FilterMode
  maxComments: number
  /** Where `<rule-id>.md` pages live; pass an absolute URL (the action's repository), relative links break in comments. */
  docsBase?: string
  /** Where the summary with the combined patch is, as the comments name it (no check run: the job summary). */
  summaryName?: string
}

const DEFAULT_SUMMARY_NAME = 'the check run summary'

export const DEFAULT_DOCS_BASE = 'docs/rules/'

type Lines = { start: number; end: number }

interface Proposal {
  kind: 'fix' | 'review'
  edits: TextEdit[]
  /** The needs-a-human suggestion's message. */
  message?: string
  /** The whole-line replacement of `range`. */
  text: string
}

interface Group {
  /** Its place in the order groups were made (the first made wins a clash). */
  seq: number
  path: string
  range: Lines
  /** Lines of the hunk the comment must stay in. */
  bound: Lines
  file?: SourceFile
  /** Primary first; all share `proposal`. */
  findings: Finding[]
  proposal?: Proposal
  /** Listed in the body without their own suggestion (it overlapped this one). */
  attached: Finding[]
}

/** Errors first, then by place, so caps keep the most severe and output never depends on input order. */
export function comparePriority(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    cmp(a.path, b.path) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint)
  )
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The whole lines (1-based, inclusive) a set of edits touches, or undefined if an edit is out of range. An
 * insertion of whole lines at the start of line N+1 (or at the end of the file) belongs to line N: GitHub's
 * suggestion then repeats line N followed by the inserted lines, and line N+1 need not be in the diff.
 */
export function editLines(file: SourceFile, edits: readonly TextEdit[]): Lines | undefined {
  if (!edits.length) return undefined
  let start = Infinity
  let end = -Infinity
  for (const e of edits) {
    const [s, t] = e.range
    if (s < 0 || t > file.text.length || t < s) return undefined
    const p = file.lines.positionAt(s)
    let first = p.line
    let last: number
    if (s === t && p.column === 1 && p.line > 1 && (/\n$/.test(e.text) || s === file.text.length)) {
      first = last = p.line - 1
    } else {
      const q = file.lines.positionAt(t)
      last = t > s && q.column === 1 && q.line > p.line ? q.line - 1 : q.line
    }
    start = Math.min(start, first)
    end = Math.max(end, last)
  }
  return { start, end }
}

/**
 * The text that replaces lines start..end once the edits are applied, as a suggestion block wants it (LF line
 * breaks, no final one); undefined when an edit falls outside those lines or the change cannot be expressed as
 * a whole-line replacement (it would join the last line with the next).
 */
export function replacementLines(file: SourceFile, edits: readonly TextEdit[], lines: Lines): string | undefined {
  const touched = editLines(file, edits)
  if (!touched || touched.start < lines.start || touched.end > lines.end) return undefined
  const from = file.lines.lineStart(lines.start)
  const to = lines.end < file.lines.lineCount ? file.lines.lineStart(lines.end + 1) : file.text.length
  const region = file.text.slice(from, to)
  const shifted = edits.map((e) => ({ range: [e.range[0] - from, e.range[1] - from] as const, text: e.text }))
  const { output, skipped } = applyEdits(region, shifted)
  if (skipped.length) return undefined
  const hadEol = /\n$/.test(region)
  let text = output
  if (hadEol) {
    if (/\n$/.test(text)) text = text.replace(/\r?\n$/, '')
    else if (text !== '') return undefined
  }
  return text.replace(/\r\n/g, '\n')
}

function union(a: Lines, b: Lines): Lines {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}

const within = (bound: Lines, l: Lines): boolean => bound.start <= l.start && l.end <= bound.end

/**
 * The suggestion for a finding on `lines`: its safe fix, or (only without one) the first needs-a-human
 * suggestion. The comment's range grows to every line the edits touch, as long as it stays in the hunk.
 */
function propose(f: Finding, file: SourceFile | undefined, lines: Lines, bound: Lines): { range: Lines; proposal?: Proposal } {
  if (!file) return { range: lines }
  const candidates: Omit<Proposal, 'text'>[] = f.fix?.length
    ? [{ kind: 'fix', edits: f.fix }]
    : (f.suggestions ?? []).map((s) => ({ kind: 'review' as const, edits: s.edits, message: s.message }))
  for (const c of candidates) {
    const touched = editLines(file, c.edits)
    if (!touched) continue
    const range = union(lines, touched)
    if (!within(bound, range)) continue
    const text = replacementLines(file, c.edits, range)
    if (text !== undefined) return { range, proposal: { ...c, text } }
  }
  return { range: lines }
}

/** Plans the review: comments for findings inside one hunk (capped, errors first), the rest as overflow or outside. */
export function planReview(
  findings: Finding[],
  files: ReadonlyMap<string, SourceFile>,
  diffs: ReadonlyMap<string, Hunk[]>,
  opts: ReviewOptions
): ReviewPlan {
  const outside: Finding[] = []
  const groups: Group[] = []
  // The groups of each file with a suggestion, in line order: a clash is looked for among them by bisection. Their
  // ranges never overlap (a group is made only without a clash, and a merge that would overlap another is refused).
  const proposing = new Map<string, Group[]>()
  const reported = findings.filter((f) => isReported(f, opts.mode, diffs)).sort(comparePriority)
  for (const f of reported) {
    const lines = spanLines(f.span)
    const hunk = hunkContaining(diffs.get(f.path), lines.start, lines.end)
    if (!hunk) {
      outside.push(f)
      continue
    }
    const file = files.get(f.path)
    const bound = { start: hunk.newStart, end: hunkEnd(hunk) }
    const { range, proposal } = propose(f, file, lines, bound)
    let inLine: Group[] | undefined
    if (proposal) {
      // GitHub applies suggestions independently: two on overlapping lines would undo each other.
      inLine = proposing.get(f.path)
      if (!inLine) proposing.set(f.path, (inLine = []))
      const clash = firstClash(inLine, range)
      if (clash) {
        if (!mergeInto(clash, f, proposal, range, inLine)) clash.attached.push(f)
        continue
      }
    }
    const group: Group = { seq: groups.length, path: f.path, range, bound, file, findings: [f], proposal, attached: [] }
    groups.push(group)
    if (inLine) inLine.splice(endingFrom(inLine, range.start), 0, group)
  }
  const max = Math.max(0, Math.floor(opts.maxComments))
  const kept = groups.slice(0, max)
  const overflow = groups.slice(max).flatMap((g) => [...g.findings, ...g.attached])
  const comments = kept.map((g) => toComment(g, opts.docsBase ?? DEFAULT_DOCS_BASE, opts.summaryName ?? DEFAULT_SUMMARY_NAME))
  return { comments, overflow, outside }
}

/** Where in `inLine` (groups of one file whose ranges do not overlap, in line order) the first range ending at or after `line` is. */
const endingFrom = (inLine: readonly Group[], line: number): number => firstNotBefore(inLine.length, (i) => inLine[i].range.end < line)

/** The first made of the groups in `inLine` on lines that overlap `range`, `except` left out. */
function firstClash(inLine: readonly Group[], range: Lines, except?: Group): Group | undefined {
  let first: Group | undefined
  for (let i = endingFrom(inLine, range.start); i < inLine.length && inLine[i].range.start <= range.end; i++) {
    const g = inLine[i]
    if (g !== except && (!first || g.seq < first.seq)) first = g
  }
  return first
}

/**
 * Two safe fixes on overlapping lines become one suggestion when their edits are disjoint and the union stays in the
 * hunk (and clashes with no other group of the file: `inLine`, which the grown range keeps in line order).
 */
function mergeInto(g: Group, f: Finding, p: Proposal, range: Lines, inLine: readonly Group[]): boolean {
  if (!g.file || !g.proposal || g.proposal.kind !== 'fix' || p.kind !== 'fix') return false
  if (editsOverlap(g.proposal.edits, p.edits)) return false
  const edits = [...g.proposal.edits, ...p.edits]
  const merged = union(g.range, range)
  if (!within(g.bound, merged)) return false
  if (firstClash(inLine, merged, g)) return false
  const text = replacementLines(g.file, edits, merged)
  if (text === undefined) return false
  g.findings.push(f)
  g.range = merged
  g.proposal = { kind: 'fix', edits, text }
  return true
}

function toComment(g: Group, docsBase: string, summaryName: string): ReviewComment {
  const [primary, ...rest] = g.findings
  const c: ReviewComment = {
    path: g.path,
    body: renderBody(g, docsBase, summaryName),
    line: g.range.end,
    side: 'RIGHT',
    fingerprint: primary.fingerprint,
    finding: primary
  }
  if (g.range.start < g.range.end) {
    c.start_line = g.range.start
    c.start_side = 'RIGHT'
  }
  const also = [...rest, ...g.attached]
  if (also.length) c.also = also
  return c
}

/** Body of a comment on `lines` for one finding: severity, linked rule id, message, remediation, suggestion, marker last. */
export function commentBody(f: Finding, file: SourceFile, lines: { start: number; end: number }, options: { docsBase?: string } = {}): string {
  // The caller vouches for the range (it is in a hunk): a suggestion is offered only if the edits fit inside it.
  const { proposal } = propose(f, file, lines, lines)
  return renderBody({ seq: 0, path: f.path, range: lines, bound: lines, file, findings: [f], proposal, attached: [] }, options.docsBase ?? DEFAULT_DOCS_BASE, DEFAULT_SUMMARY_NAME)
}

function ruleLink(ruleId: string, docsBase: string): string {
  return `[\`${ruleId.replace(/`/g, '')}\`](${docsBase}${encodePath(ruleId)}.md)`
}

function findingBlock(f: Finding, docsBase: string, where = ''): string[] {
  const out = [`${severityBadge(f.severity, { bold: true })} · ${ruleLink(f.ruleId, docsBase)}${where}`, '', escapeMarkdown(f.message)]
  const remediation = remediationOf(f.ruleId)
  if (remediation) out.push('', `**Remediation:** ${escapeMarkdown(remediation)}`)
  return out
}

function where(f: Finding): string {
  const { start, end } = spanLines(f.span)
  return start === end ? `line ${start}` : `lines ${start}–${end}`
}

function renderBody(g: Group, docsBase: string, summaryName: string): string {
  const parts: string[] = []
  g.findings.forEach((f, i) => {
    if (i > 0) parts.push('', '---', '')
    parts.push(...findingBlock(f, docsBase, i > 0 ? ` · ${where(f)}` : ''))
  })
  const p = g.proposal
  if (p) {
    parts.push('')
    if (p.kind === 'fix') parts.push(`Suggested fix${g.findings.length > 1 ? ` for these ${g.findings.length} findings` : ''} (what \`gloo-harden --fix\` applies):`)
    else parts.push(`Possible change, **needs review** (not applied by \`--fix\`): ${escapeMarkdown(p.message ?? '')}`)
    parts.push('', fencedBlock('suggestion', p.text))
  }
  for (const f of g.findings) {
    if (f.fix?.length && p?.kind !== 'fix') {
      parts.push('', `Fix available with \`gloo-harden --fix\` (it reaches outside this diff; the combined patch is in ${summaryName}).`)
    }
    const shown = p?.kind === 'review' ? p.message : undefined
    for (const s of f.suggestions ?? []) {
      if (f.fix?.length || s.message !== shown) parts.push('', `Possible change, **needs review**: ${escapeMarkdown(s.message)}`)
    }
  }
  for (const f of g.attached) {
    parts.push('', '---', '', `Also on ${where(f)}:`, '', ...findingBlock(f, docsBase), '')
    parts.push(
      f.fix?.length
        ? `Its fix overlaps the suggestion above; apply that first, or run \`gloo-harden --fix\` (the combined patch is in ${summaryName}).`
        : 'Its possible change overlaps the suggestion above; review it after applying that one.'
    )
  }
  parts.push('', marker(g.findings[0].fingerprint))
  return parts.join('\n')
}
