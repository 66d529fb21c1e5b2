/** Markdown escaping for text taken from files: no raw HTML, no @mention pings, no breaking out of fences, cells or markers. */

/** Zero-width joiner: breaks `@team` and `#123` autolinks while rendering the same characters. */
const ZWJ = '\u200D'

/**
 * Escapes file-derived text for a Markdown paragraph: HTML becomes entities (so neither `<!--` nor `-->` can
 * survive), punctuation that starts Markdown constructs is backslash-escaped, line breaks become spaces, and
 * `@name` / `#123` get a zero-width joiner so GitHub neither pings nor cross-references.
 */
export function escapeMarkdown(text: string): string {
  const out = text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]~|]/g, (c) => '\\' + c)
    .replace(/@/g, '@' + ZWJ)
    .replace(/#(?=\d)/g, '#' + ZWJ)
  // Block syntax only matters at the start of a line: a list marker, heading, or setext underline.
  return out.replace(/^(\s*)([-+=#]|\d+[.)])/, (_m, ws: string, mark: string) => ws + '\\' + mark)
}

/** Escapes text for a GFM table cell: as a paragraph, and `|` stays escaped inside code spans too (GFM rule). */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(text)
}

/** Longest run of backticks in a text. */
export function longestBacktickRun(text: string): number {
  let max = 0
  for (const m of text.matchAll(/`+/g)) max = Math.max(max, m[0].length)
  return max
}

/** A code span that no backtick inside the text can close; mentions and HTML are inert inside it. */
export function inlineCode(text: string, options: { inTable?: boolean } = {}): string {
  let t = text.replace(/\r\n|\r|\n/g, ' ')
  if (options.inTable) t = t.replace(/\|/g, '\\|')
  if (t === '') return '` `'
  const ticks = '`'.repeat(longestBacktickRun(t) + 1)
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') ? ' ' : ''
  return ticks + pad + t + pad + ticks
}

/**
 * A fenced code block whose fence is longer than any backtick run in the content, so the content cannot close it.
 * The content is lines without a final line break: a trailing `\n` is kept as an empty last line (a suggestion
 * that ends with a blank line), and '' is an empty block (a suggestion that deletes the lines).
 */
export function fencedBlock(info: string, content: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1))
  return `${fence}${info}\n${content === '' ? '' : content + '\n'}${fence}`
}

/** A URL path safe inside `(…)` of a Markdown link: every segment percent-encoded, parentheses included. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/')
}
