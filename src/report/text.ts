/**
 * The terminal format, ESLint's "stylish": a heading per file, then `line:col  severity  message  rule-id` rows
 * aligned in columns and wrapped to the terminal width, then the totals. Streamable: one file's block at a time
 * (formatFileBlock), then the totals from counts (formatSummary); formatText composes them.
 */
import { SEVERITIES, type Finding, type Severity } from '../model/finding.js'

export interface TextOptions {
  /** ANSI colours (the CLI decides with wantsColor). */
  color?: boolean
  /** Append how many findings `--fix` would fix to the totals line. */
  fixHint?: boolean
  /** The option that hint names: `--fix` (the default), or `--fix-dry-run` where `--fix` cannot write (standard input). */
  fixOption?: string
  /** Terminal width in columns: a row longer than this wraps its message (default DEFAULT_WIDTH). */
  width?: number
}

/** The width when the output is not a terminal (a pipe, a file, CI logs), as `tput cols` falls back to. */
export const DEFAULT_WIDTH = 80
/** A message column never gets narrower than this: on a very narrow terminal the row overflows instead. */
const MIN_MESSAGE_WIDTH = 20

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', underline: '\u001b[4m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m' }
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, notice: ANSI.cyan }

/**
 * Whether to colour, from the environment and whether stdout is a terminal. `FORCE_COLOR` wins over `NO_COLOR`,
 * as in Node's own `tty.getColorDepth` and chalk's supports-color: set and non-empty, it forces colour, except
 * `0` and `false`, which turn it off (force-color.org). Else a non-empty `NO_COLOR` turns it off (no-color.org:
 * an empty one is ignored). Else colour on a terminal, unless `TERM=dumb`.
 */
export function wantsColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTTY && env.TERM !== 'dumb'
}

/**
 * Escapes control characters: messages interpolate keys and values from the scanned files, which must not be
 * able to move the cursor, recolour the terminal or forge extra output lines.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Findings per severity, and how many carry a fix: what the totals line says. */
export type Counts = Record<Severity, number> & { fixable: number }

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0, fixable: 0 }
  for (const f of findings) {
    counts[f.severity]++
    if (f.fix?.length) counts.fixable++
  }
  return counts
}

/** Totals per severity, e.g. `3 findings: 1 error, 1 warning, 1 notice`; no newline, no colour. */
export function formatTotals(findings: readonly Finding[], options: Pick<TextOptions, 'fixHint' | 'fixOption'> = {}): string {
  return totalsLine(countFindings(findings), options)
}

function totalsLine(counts: Counts, options: Pick<TextOptions, 'fixHint' | 'fixOption'>): string {
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0)
  if (!total) return 'No findings.'
  let line = `${plural(total, 'finding')}: ${SEVERITIES.map((s) => plural(counts[s], s)).join(', ')}`
  if (options.fixHint && counts.fixable) line += ` (${counts.fixable} fixable with ${options.fixOption ?? '--fix'})`
  return line
}

/** The totals line, ending with a newline: bold, and in the colour of the worst severity found, with colour. */
export function formatSummary(counts: Counts, options: TextOptions = {}): string {
  const line = totalsLine(counts, options)
  const worst = SEVERITIES.find((s) => counts[s] > 0)
  return `${options.color && worst ? `${ANSI.bold}${SEVERITY_COLOR[worst]}${line}${ANSI.reset}` : line}\n`
}

const byPosition = (a: Finding, b: Finding): number =>
  a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)

/**
 * Display width: code points (a wide CJK glyph counts one; good enough for messages that are mostly ASCII): the
 * UTF-16 length less one per surrogate pair.
 */
export const widthOf = (s: string): number => {
  let n = s.length
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) {
      const before = s.charCodeAt(i - 1)
      if (before >= 0xd800 && before <= 0xdbff) n--
    }
  }
  return n
}

/** The largest `width(row)`, 0 for none (a loop: a file may have more findings than a call takes arguments). */
function widest<T>(rows: readonly T[], width: (row: T) => number): number {
  let most = 0
  for (const r of rows) most = Math.max(most, width(r))
  return most
}
const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - widthOf(s)))
const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - widthOf(s))) + s

/** Greedy word wrap to `width`; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  // The width of `line`, kept as it grows (a message may have hundreds of words: one that names forty installs).
  let lineWidth = 0
  for (let word of text.split(' ')) {
    let wordWidth = widthOf(word)
    while (wordWidth > width) {
      if (line) lines.push(line)
      const chars = [...word]
      lines.push(chars.slice(0, width).join(''))
      word = chars.slice(width).join('')
      wordWidth = chars.length - width
      line = ''
      lineWidth = 0
    }
    if (!line) {
      line = word
      lineWidth = wordWidth
    } else if (lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`
      lineWidth += 1 + wordWidth
    } else {
      lines.push(line)
      line = word
      lineWidth = wordWidth
    }
  }
  lines.push(line)
  return lines
}

/**
 * One file's block: the path as a heading (underlined with colour), then one row per finding, sorted by
 * position, as `  line:col  severity  message  rule-id`, the columns aligned within the file. When a row would
 * be wider than `width`, messages wrap under the message column and each rule id follows its message's last
 * line instead of lining up. Ends with a blank line; empty for no findings.
 */
export function formatFileBlock(path: string, findings: readonly Finding[], options: TextOptions = {}): string {
  if (!findings.length) return ''
  const c = (code: string, s: string): string => (options.color ? `${code}${s}${ANSI.reset}` : s)
  const width = options.width ?? DEFAULT_WIDTH
  const rows = [...findings].sort(byPosition).map((f) => ({
    line: String(f.span.start.line),
    column: String(f.span.start.column),
    severity: f.severity,
    message: printable(f.message),
    ruleId: printable(f.ruleId)
  }))
  const lineWidth = widest(rows, (r) => r.line.length)
  const columnWidth = widest(rows, (r) => r.column.length)
  const severityWidth = widest(rows, (r) => r.severity.length)
  const ruleWidth = widest(rows, (r) => widthOf(r.ruleId))
  // `  ` + line:col + `  ` + severity + `  `: where the message column starts.
  const indent = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2
  const longest = widest(rows, (r) => widthOf(r.message))
  // Rule ids line up in a column when every row fits; else each follows its message, which wraps.
  const table = indent + longest + 2 + ruleWidth <= width
  const messageWidth = table ? longest : Math.max(MIN_MESSAGE_WIDTH, width - indent)
  const out = [c(ANSI.underline, printable(path))]
  for (const r of rows) {
    const where = `${padStart(r.line, lineWidth)}:${padEnd(r.column, columnWidth)}`
    const lead = `  ${c(ANSI.dim, where)}  ${c(SEVERITY_COLOR[r.severity], r.severity)}${' '.repeat(severityWidth - r.severity.length)}  `
    const lines = wrap(r.message, messageWidth)
    const last = lines.length - 1
    const rule = c(ANSI.dim, r.ruleId)
    if (table) lines[last] = `${padEnd(lines[last], messageWidth)}  ${rule}`
    else if (widthOf(lines[last]) + 2 + widthOf(r.ruleId) <= messageWidth) lines[last] += `  ${rule}`
    else lines.push(rule)
    out.push(`${lead}${lines[0]}`, ...lines.slice(1).map((l) => `${' '.repeat(indent)}${l}`))
  }
  return `${out.join('\n')}\n\n`
}

/** Formats findings for a terminal: a block per file, sorted by path, then the totals. Ends with a newline. */
export function formatText(findings: readonly Finding[], options: TextOptions = {}): string {
  const byPath = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = byPath.get(f.path)
    if (list) list.push(f)
    else byPath.set(f.path, [f])
  }
  let out = ''
  for (const [path, list] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out += formatFileBlock(path, list, options)
  return out + formatSummary(countFindings(findings), options)
}
