/** The terminal format: `path:line:column  severity  message  [rule-id]`, grouped by file, then totals. */
import { SEVERITIES, type Finding, type Severity } from '../model/finding.js'

export interface TextOptions {
  /** ANSI colours (the CLI turns them on for a TTY without NO_COLOR). */
  color?: boolean
  /** Append how many findings `--fix` would fix to the totals line. */
  fixHint?: boolean
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m' }
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, notice: ANSI.cyan }

/**
 * Escapes control characters: messages interpolate keys and values from the scanned files, which must not be
 * able to move the cursor, recolour the terminal or forge extra output lines.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the totals line counts: findings per severity, and how many have a fix. */
export type Counts = Record<Severity, number> & { fixable: number }

export const emptyCounts = (): Counts => ({ error: 0, warning: 0, notice: 0, fixable: 0 })

/** Adds findings to running counts (a report that streams counts as it writes). */
export function count(counts: Counts, findings: readonly Finding[]): Counts {
  for (const f of findings) {
    counts[f.severity]++
    if (f.fix?.length) counts.fixable++
  }
  return counts
}

/** The totals line from counts, e.g. `3 findings: 1 error, 1 warning, 1 notice`. */
export function formatSummary(counts: Counts, options: { fixHint?: boolean } = {}): string {
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0)
  if (!total) return 'No findings.'
  let line = `${plural(total, 'finding')}: ${SEVERITIES.map((s) => plural(counts[s], s)).join(', ')}`
  if (options.fixHint && counts.fixable) line += ` (${counts.fixable} fixable with --fix)`
  return line
}

/** Totals per severity, e.g. `3 findings: 1 error, 1 warning, 1 notice`. */
export function formatTotals(findings: readonly Finding[], options: { fixHint?: boolean } = {}): string {
  return formatSummary(count(emptyCounts(), findings), options)
}

/** One file's block: its findings by position, one line each, ending with a newline. */
export function formatFileBlock(path: string, findings: readonly Finding[], options: TextOptions = {}): string {
  const c = (code: string, s: string): string => (options.color ? `${code}${s}${ANSI.reset}` : s)
  const sorted = [...findings].sort((a, b) => a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
  return (
    sorted
      .map((f) => {
        const where = `${printable(path)}:${f.span.start.line}:${f.span.start.column}`
        return `${c(ANSI.bold, where)}  ${c(SEVERITY_COLOR[f.severity], f.severity)}  ${printable(f.message)}  ${c(ANSI.dim, `[${f.ruleId}]`)}`
      })
      .join('\n') + '\n'
  )
}

/** Formats findings for a terminal; a blank line separates files. Ends with a newline. */
export function formatText(findings: readonly Finding[], options: TextOptions = {}): string {
  const byPath = new Map<string, Finding[]>()
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f])
  const blocks = [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, list]) => formatFileBlock(path, list, options))
  return (blocks.length ? blocks.join('\n') + '\n' : '') + formatTotals(findings, options) + '\n'
}
