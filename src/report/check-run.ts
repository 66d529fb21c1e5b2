/** The check run: annotations in API-sized batches, the conclusion, and a Markdown summary that fits GitHub's cap. */
import { spanLines } from '../diff/filter.js'
import { firstNotBefore } from '../model/sorted.js'
import type { Finding, Severity } from '../model/finding.js'
import { compareShown, isExisting, judge, shownSeverity, type Conclusion, type FailOn, type Gate } from './gate.js'
import { DEFAULT_DOCS_BASE, comparePriority } from './review.js'
import { encodePath, escapeMarkdown, escapeTableCell, fencedBlock, inlineCode } from './markdown.js'
import { remediationOf, severityBadge } from './rule-text.js'

export type { FailOn } from './gate.js'

/** "The Checks API limits the number of annotations to a maximum of 50 per API request" (REST docs, Update a check run). */
export const MAX_ANNOTATIONS_PER_REQUEST = 50
/** `output.summary`: "Maximum length: 65535 characters", enforced in bytes in practice (github/rest-api-description#5399). */
export const MAX_SUMMARY_BYTES = 65_535
/** Annotation `message`: "The maximum size is 64 KB"; `title`: "The maximum size is 255 characters". */
export const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024
export const MAX_ANNOTATION_TITLE_CHARS = 255

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  /** Only when start_line === end_line: the API rejects columns on multi-line annotations. 1-based, inclusive. */
  start_column?: number
  end_column?: number
  annotation_level: 'failure' | 'warning' | 'notice'
  message: string
  title: string
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' }

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(s: string, max: number, ellipsis = '…'): string {
  if (bytes(s) <= max) return s
  const room = max - bytes(ellipsis)
  // The longest prefix that fits: one before the first that does not (the empty one always fits).
  let lo = firstNotBefore(s.length, (i) => bytes(s.slice(0, i + 1)) <= room)
  // Do not leave half a surrogate pair.
  if (lo > 0 && /[\uD800-\uDBFF]/.test(s[lo - 1])) lo--
  return s.slice(0, lo) + ellipsis
}

/** Plain-text message of a finding for annotations and logs: message, remediation, and whether `--fix` handles it. */
export function plainMessage(f: Finding): string {
  const parts = [f.message]
  const remediation = remediationOf(f.ruleId)
  if (remediation) parts.push(remediation)
  if (f.fix?.length) parts.push('Fixable with gloo-harden --fix.')
  return parts.join('\n')
}

/**
 * One annotation per finding, most severe first. With a gate, an existing finding (already on the base branch)
 * says so in its title, and under gate: new it is a notice whatever its severity, after the new findings.
 */
export function toAnnotations(findings: Finding[], options: { gate?: Gate } = {}): Annotation[] {
  const gate = options.gate
  return [...findings].sort(gate ? compareShown(gate) : comparePriority).map((f) => {
    const { start, end } = spanLines(f.span)
    const a: Annotation = {
      path: f.path,
      start_line: start,
      end_line: end,
      annotation_level: LEVEL[gate ? shownSeverity(f, gate) : f.severity],
      message: truncateBytes(plainMessage(f), MAX_ANNOTATION_MESSAGE_BYTES),
      title: `gloo-harden: ${f.ruleId}${gate && isExisting(f) ? ' (already on the base branch)' : ''}`.slice(0, MAX_ANNOTATION_TITLE_CHARS)
    }
    if (start === end && f.span.start.line === f.span.end.line) {
      a.start_column = f.span.start.column
      a.end_column = Math.max(f.span.start.column, f.span.end.column - 1)
    }
    return a
  })
}

export function batchAnnotations(a: Annotation[]): Annotation[][] {
  const out: Annotation[][] = []
  for (let i = 0; i < a.length; i += MAX_ANNOTATIONS_PER_REQUEST) out.push(a.slice(i, i + MAX_ANNOTATIONS_PER_REQUEST))
  return out
}

/** failure if a finding reaches `failOn`; neutral if there are findings below it; success if none (the gate's rule, every finding judged). */
export function conclusionFor(findings: Finding[], failOn: FailOn): Conclusion {
  return judge(findings, 'all', failOn).conclusion
}

export interface SummaryInput {
  title: string
  /** The findings of the table: what the gate judges (the new ones under gate: new when there is a baseline). */
  findings: Finding[]
  failOn: FailOn
  /** With `existing`: whether the table's findings are the new ones (new) or all of them (all). */
  gate?: Gate
  /** Reported findings the base commit already had: a collapsed section with counts per rule. */
  existing?: Finding[]
  /** Findings of the base commit that this pull request removes (their spans are the base's). */
  fixed?: Finding[]
  /** `baseSha`: where the fixed findings link to. */
  links?: { serverUrl: string; owner: string; repo: string; sha: string; baseSha?: string }
  /** The combined patch of every safe fix (`combinedPatch`). */
  patch?: string
  /** In-hunk findings beyond max-comments. */
  overflow?: Finding[]
  /** Review comments GitHub refused, with its reason. */
  rejected?: { finding: Finding; reason: string }[]
  suppressionsAdded?: { path: string; line: number; rule: string; reason: string }[]
  notes?: string[]
  docsBase?: string
  /** Byte cap; defaults to the API's. A step summary ($GITHUB_STEP_SUMMARY) allows more but this is plenty. */
  maxBytes?: number
}

/** Items listed in full in the small sections before "… and N more". */
const MAX_LISTED = 20

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

/** Markdown ≤ 65,535 bytes, truncating the findings table (saying so) before it overflows. */
export function summarize(s: SummaryInput): string {
  const max = s.maxBytes ?? MAX_SUMMARY_BYTES
  const docsBase = s.docsBase ?? DEFAULT_DOCS_BASE
  const sorted = [...s.findings].sort(comparePriority)
  const count = (sev: Severity) => sorted.filter((f) => f.severity === sev).length
  const conclusion = conclusionFor(sorted, s.failOn)

  const location = (path: string, start: number, end = start, at = s.links?.sha): string => {
    const text = inlineCode(`${path}:${start}`, { inTable: true })
    if (!s.links || !at) return text
    const { serverUrl, owner, repo } = s.links
    const anchor = end > start ? `#L${start}-L${end}` : `#L${start}`
    return `[${text}](${serverUrl.replace(/\/$/, '')}/${encodePath(owner)}/${encodePath(repo)}/blob/${encodePath(at)}/${encodePath(path)}${anchor})`
  }
  const rule = (id: string): string => `[${inlineCode(id, { inTable: true })}](${docsBase}${encodePath(id)}.md)`
  const brief = (f: Finding, at?: string): string => {
    const { start, end } = spanLines(f.span)
    return `${location(f.path, start, end, at ?? s.links?.sha)} ${rule(f.ruleId)}: ${escapeMarkdown(f.message)}`
  }
  const existing = [...(s.existing ?? [])].sort(comparePriority)
  const fixedFindings = [...(s.fixed ?? [])].sort(comparePriority)
  // Only new findings are in the table under gate: new; the existing ones are counted apart.
  const onlyNew = s.gate === 'new' && existing.length > 0
  const severities = (list: Finding[]): string =>
    [plural(list.filter((f) => f.severity === 'error').length, 'error'), plural(list.filter((f) => f.severity === 'warning').length, 'warning'), plural(list.filter((f) => f.severity === 'notice').length, 'notice')].join(', ')

  // Blocks are joined by a blank line; none starts or ends with one.
  const head: string[] = [`## ${escapeMarkdown(s.title)}`]
  const gate = s.failOn === 'never' ? 'fail-on: never' : `fails on ${s.failOn} and above`
  const debt = existing.length ? ` ${plural(existing.length, 'finding')} ${existing.length === 1 ? 'was' : 'were'} already on the base branch${onlyNew ? ' and ' + (existing.length === 1 ? 'is' : 'are') + ' not judged (gate: new)' : ' (gate: all judges them too)'}.` : ''
  if (!sorted.length) head.push(onlyNew ? `**Passed**: no new findings; ${gate}.${debt}` : 'No findings.')
  else {
    const counts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('notice'), 'notice')].join(', ')
    head.push(`**${conclusion === 'failure' ? 'Failed' : 'Passed'}**: ${plural(sorted.length, onlyNew ? 'new finding' : 'finding')} (${counts}); ${gate}.${debt}`)
  }
  for (const n of s.notes ?? []) head.push(`> ${escapeMarkdown(truncateBytes(n, 2_000))}`)

  const tail: string[] = []
  const list = <T>(heading: string, intro: string, items: T[], line: (x: T) => string): void => {
    if (!items.length) return
    const out = items.slice(0, MAX_LISTED).map((x) => `- ${line(x)}`)
    if (items.length > MAX_LISTED) out.push(`- … and ${plural(items.length - MAX_LISTED, 'more finding')} (in the table above).`)
    tail.push(`### ${heading}`, intro, out.join('\n'))
  }
  const overflow = [...(s.overflow ?? [])].sort(comparePriority)
  list('Not posted as review comments', `The review is capped; ${plural(overflow.length, 'finding')} inside the diff got no comment:`, overflow, brief)
  list('Review comments GitHub rejected', 'These were reported here instead:', s.rejected ?? [], (r) => `${brief(r.finding)} (${escapeMarkdown(r.reason)})`)
  if (fixedFindings.length) {
    const out = fixedFindings.slice(0, MAX_LISTED).map((f) => `- ${brief(f, s.links?.baseSha)} (${f.severity})`)
    if (fixedFindings.length > MAX_LISTED) out.push(`- … and ${(fixedFindings.length - MAX_LISTED).toLocaleString('en-US')} more.`)
    tail.push(
      '### Fixed',
      `This pull request fixes ${plural(fixedFindings.length, 'finding')} that ${fixedFindings.length === 1 ? 'was' : 'were'} on the base branch (${severities(fixedFindings)}):`,
      out.join('\n'),
      'Thank you for paying down this debt!'
    )
  }
  if (existing.length) {
    const perRule = new Map<string, Finding[]>()
    for (const f of existing) {
      const list = perRule.get(f.ruleId)
      if (list) list.push(f)
      else perRule.set(f.ruleId, [f])
    }
    const rows = [...perRule].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1)).map(([id, list]) => `| ${rule(id)} | ${list.length.toLocaleString('en-US')} | ${severities(list)} |`)
    const out = existing.slice(0, MAX_LISTED).map((f) => `- ${brief(f)} (${f.severity})`)
    if (existing.length > MAX_LISTED) out.push(`- … and ${(existing.length - MAX_LISTED).toLocaleString('en-US')} more.`)
    tail.push(
      `<details>\n<summary>${plural(existing.length, 'finding')} ${existing.length === 1 ? 'was' : 'were'} already on the base branch${onlyNew ? ' (not judged: gate is new)' : ''}</summary>`,
      `${onlyNew ? 'They get no review comment and do not fail the check; they are notices in the annotations.' : 'They get no review comment; gate: all judges them with the new ones.'} Per rule:`,
      ['| Rule | Findings | Severities |', '|---|---|---|', ...rows].join('\n'),
      out.join('\n'),
      '</details>'
    )
  }
  const sup = s.suppressionsAdded ?? []
  if (sup.length) {
    const cap = MAX_LISTED * 5
    const rows = sup.slice(0, cap).map((x) => `| ${location(x.path, x.line)} | ${rule(x.rule)} | ${escapeTableCell(x.reason) || '_none given_'} |`)
    tail.push('### Suppressions added in this pull request', ['| Location | Rule | Reason |', '|---|---|---|', ...rows].join('\n'))
    if (sup.length > cap) tail.push(`… and ${plural(sup.length - cap, 'more suppression')}.`)
  }

  const patchBlocks = s.patch
    ? [
        '### Fixes',
        '<details><summary>Combined patch of every safe fix: save it and run <code>git apply</code>, or run <code>gloo-harden --fix</code></summary>',
        fencedBlock('diff', s.patch.replace(/\n$/, '')),
        '</details>'
      ]
    : []
  const patchOmitted = ['### Fixes', 'The combined patch of every safe fix is too large for this summary; run `gloo-harden --fix` locally.']

  const tableHead = ['### Findings', '| Severity | Rule | Location | Message |\n|---|---|---|---|']
  const rows = sorted.map((f) => {
    const { start, end } = spanLines(f.span)
    return `| ${severityBadge(f.severity)} | ${rule(f.ruleId)} | ${location(f.path, start, end)} | ${escapeTableCell(f.message)}${f.fix?.length ? ' 🔧' : ''} |`
  })
  const truncated = (shown: number): string =>
    `> The table is truncated: ${plural(sorted.length - shown, 'more finding')} not shown (a check run summary is capped at 65,535 characters). Each of them is a review comment or an annotation on this check run.`

  const size = (blocks: string[]): number => blocks.reduce((n, b) => n + bytes(b) + 2, 0)
  // Everything but the rows, with room for the longest truncation note, so one pass suffices.
  const fixed = size(head) + size(tail) + (rows.length ? size(tableHead) + size([truncated(0)]) : 0) + 1
  // The patch is worth less than the first rows of the table; it goes in whole or not at all.
  const firstRows = rows.slice(0, 50).reduce((n, r) => n + bytes(r) + 1, 0)
  const fixes = patchBlocks.length && fixed + firstRows + size(patchBlocks) > max ? patchOmitted : patchBlocks

  let budget = max - fixed - size(fixes)
  const kept: string[] = []
  for (const r of rows) {
    const n = bytes(r) + 1
    if (n > budget) break
    kept.push(r)
    budget -= n
  }
  const table = rows.length ? [...tableHead.slice(0, 1), [tableHead[1], ...kept].join('\n')] : []
  if (kept.length < rows.length) table.push(truncated(kept.length))

  const out = [...head, ...table, ...tail, ...fixes].join('\n\n') + '\n'
  // Notes and lists are bounded above; only absurd input reaches this guard.
  return bytes(out) <= max ? out : truncateBytes(out, max, '\n\n_(summary truncated)_\n')
}
