/** The only offset → line/column conversion of the project. */
import type { Position, Span } from '../model/finding.js'

/** Offsets at which each line starts; index 0 is line 1. Exactly sized: the engine keeps one per file. */
function lineStarts(text: string): Int32Array {
  // A UTF-8/UTF-16 byte-order mark is kept in the text (so --fix writes it back) but is not a column:
  // line 1 starts after it, as editors and GitHub count columns.
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let starts: Int32Array
  if (text.indexOf('\r') < 0) {
    // The common case: indexOf finds line feeds far faster than a loop over every character.
    let n = 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
    starts = new Int32Array(n)
    starts[0] = first
    n = 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1
  } else {
    const list = [first]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) list.push(i + 1)
      // A lone CR is a line break too (YAML 1.2 §5.4); CRLF counts once.
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) list.push(i + 1)
    }
    starts = Int32Array.from(list)
  }
  return starts
}

/** 1-based line and column (UTF-16 code units) of an offset in a text of `length` whose lines start at `starts`. */
export function positionIn(starts: Int32Array, length: number, offset: number): Position {
  const o = Math.max(0, Math.min(offset, length))
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= o) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: Math.max(0, o - starts[lo]) + 1 }
}

export class LineIndex {
  private table?: Int32Array
  constructor(readonly text: string) {}

  /** Offsets at which each line starts; index 0 is line 1. Built on first use. */
  get starts(): Int32Array {
    return (this.table ??= lineStarts(this.text))
  }

  get lineCount(): number {
    return this.starts.length
  }

  /** 1-based line and column (UTF-16 code units) of an offset. */
  positionAt(offset: number): Position {
    return positionIn(this.starts, this.text.length, offset)
  }

  /**
   * The 1-based line of an offset. Before the table is built (a file with no finding may never need it), the line
   * feeds before the offset are counted instead: one look at the text up to there, not a table of the whole file.
   */
  lineAt(offset: number): number {
    const text = this.text
    // A carriage return before the offset may be a line break of its own: the table knows.
    if (this.table || (offset > 0 && text.lastIndexOf('\r', offset - 1) >= 0)) return this.positionAt(offset).line
    let line = 1
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
    return line
  }

  /** Offset of a 1-based line and column. */
  offsetAt(pos: Position): number {
    const starts = this.starts
    const line = Math.max(1, Math.min(pos.line, starts.length))
    return Math.min(starts[line - 1] + pos.column - 1, this.text.length)
  }

  lineStart(line: number): number {
    const starts = this.starts
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))]
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const starts = this.starts
    const next = line < starts.length ? starts[line] : this.text.length
    let e = next
    if (e > 0 && this.text[e - 1] === '\n') e--
    if (e > 0 && this.text[e - 1] === '\r' && e > starts[line - 1]) e--
    return Math.max(e, starts[line - 1])
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line))
  }

  spanOf(start: number, end: number): Span {
    return { start: this.positionAt(start), end: this.positionAt(end) }
  }
}

/** The line break the file uses (first one found; `\n` by default). */
export function detectEol(text: string): string {
  const i = text.indexOf('\n')
  if (i > 0 && text[i - 1] === '\r') return '\r\n'
  if (i < 0 && text.includes('\r')) return '\r'
  return '\n'
}
