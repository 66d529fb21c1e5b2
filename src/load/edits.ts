/**
 * Minimal text edits on the original YAML source: set a value, insert a missing key path under the nearest
 * existing ancestor, remove a pair or a sequence item. Nothing is ever re-serialised, so comments, quoting,
 * key order and blank lines elsewhere stay as they were.
 */
import type { TextEdit } from '../model/finding.js'
import { detectEol, LineIndex } from './position.js'
import { deepestExisting, deref } from './query.js'
import type { MapNode, Pair, ScalarNode, SeqNode, YamlNode } from './tree.js'
import { walk } from './tree.js'

/** A YAML value to write: a scalar as YAML source text (`true`, `10101`, `"x"`), or a map of them. */
export type YamlValue = string | { [key: string]: YamlValue }

/** What an edit needs to know about the file it edits. */
export class EditSource {
  readonly lines: LineIndex
  readonly eol: string
  private step?: number
  constructor(
    readonly text: string,
    private readonly roots: readonly (YamlNode | null)[] = []
  ) {
    this.lines = new LineIndex(text)
    this.eol = detectEol(text)
  }

  /** 0-based column of an offset. */
  col(offset: number): number {
    return this.lines.positionAt(offset).column - 1
  }

  /** The file's own indentation step, from the first nested block map (2 when none). */
  get indentStep(): number {
    if (this.step !== undefined) return this.step
    this.step = 2
    outer: for (const root of this.roots)
      for (const n of walk(root)) {
        if (n.kind !== 'map' || n.flow) continue
        for (const p of n.pairs) {
          const v = p.value
          if (v.kind === 'map' && !v.flow && v.pairs.length > 0 && this.lineOf(v.pairs[0].key.start) > this.lineOf(p.key.start)) {
            const d = this.col(v.pairs[0].key.start) - this.col(p.key.start)
            if (d > 0 && d <= 8) {
              this.step = d
              break outer
            }
          }
        }
      }
    return this.step
  }

  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line
  }

  /** Offset of the start of the line after the one holding `offset - 1` (or the text end). */
  nextLineStart(endOffset: number): number {
    const line = this.lineOf(Math.max(endOffset - 1, 0))
    return line < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length
  }
}

const SIMPLE_KEY = /^[A-Za-z0-9_.\/-]+$/
const fmtKey = (k: string): string => (SIMPLE_KEY.test(k) ? k : JSON.stringify(k))

function renderBlock(src: EditSource, entries: [string, YamlValue][], col: number): string {
  let out = ''
  const pad = ' '.repeat(col)
  for (const [k, v] of entries) {
    if (typeof v === 'string') out += `${pad}${fmtKey(k)}: ${v}${src.eol}`
    else out += `${pad}${fmtKey(k)}:${src.eol}${renderBlock(src, Object.entries(v), col + src.indentStep)}`
  }
  return out
}

function renderFlow(entries: [string, YamlValue][]): string {
  return entries
    .map(([k, v]) => `${fmtKey(k)}: ${typeof v === 'string' ? v : `{${renderFlow(Object.entries(v))}}`}`)
    .join(', ')
}

/** Nests the rest of a path around a value: (['a','b'], 'x') → {a: {b: 'x'}} as entries. */
function nest(path: readonly string[], value: YamlValue): [string, YamlValue][] {
  let v: YamlValue = value
  for (let i = path.length - 1; i > 0; i--) v = { [path[i]]: v }
  return [[path[0], v]]
}

/** Replaces a scalar (quotes included) with `text`. An empty value gets a separating space. */
export function replaceScalar(node: ScalarNode, text: string): TextEdit {
  if (node.empty) return { range: [node.start, node.start], text: ` ${text}` }
  return { range: [node.start, node.end], text }
}

/**
 * Sets `path` under `root` to `value`, inserting whatever part of the path is missing under the nearest
 * existing ancestor. Returns null when no safe minimal edit exists (the path runs through a sequence or a
 * non-empty scalar, the value to replace is a collection, or the document has no root mapping).
 */
export function setPath(src: EditSource, root: YamlNode | null, path: readonly string[], value: YamlValue): TextEdit[] | null {
  const r = deref(root)
  if (!r || r.kind !== 'map' || path.length === 0) return null
  const { node, depth, pair } = deepestExisting(r, path)
  if (depth === path.length) {
    if (node.kind === 'scalar' && typeof value === 'string') {
      if (node.value === value && node.style === 'plain') return []
      return [replaceScalar(node, value)]
    }
    if (node.kind === 'map' && typeof value !== 'string') return mergeInto(src, node, value)
    // `key:` / `key: null` takes a map the way a missing key would.
    if (node.kind === 'scalar' && typeof value !== 'string' && pair && isNullish(node)) return [fillNull(src, pair, node, Object.entries(value))]
    return null
  }
  const rest = path.slice(depth)
  if (node.kind === 'map') return insertInto(src, node, nest(rest, value))
  if (node.kind === 'scalar' && pair && isNullish(node)) return [fillNull(src, pair, node, nest(rest, value))]
  return null
}

/** Sets each entry of `value` into an existing map, recursively. */
function mergeInto(src: EditSource, map: MapNode, value: { [k: string]: YamlValue }): TextEdit[] | null {
  const out: TextEdit[] = []
  const missing: [string, YamlValue][] = []
  for (const [k, v] of Object.entries(value)) {
    const { node, depth } = deepestExisting(map, [k])
    if (depth === 1) {
      const e = setPath(src, map, [k], v)
      if (!e) return null
      out.push(...e)
      void node
    } else missing.push([k, v])
  }
  if (missing.length) {
    const e = insertInto(src, map, missing)
    if (!e) return null
    out.push(...e)
  }
  return out
}

function isNullish(node: ScalarNode): boolean {
  return node.empty || (node.style === 'plain' && ['~', 'null', 'Null', 'NULL'].includes(node.value))
}

/** Inserts entries as the last keys of a map, in the map's own style and indentation. */
export function insertInto(src: EditSource, map: MapNode, entries: [string, YamlValue][]): TextEdit[] | null {
  if (map.flow) {
    // Before the closing brace: `{a: 1}` → `{a: 1, b: 2}`; `{}` → `{b: 2}`.
    const close = map.end - 1
    if (src.text[close] !== '}') return null
    const body = renderFlow(entries)
    return [{ range: [close, close], text: map.pairs.length ? `, ${body}` : body }]
  }
  if (map.pairs.length === 0) return null
  const col = src.col(map.pairs[0].key.start)
  const at = src.nextLineStart(map.end)
  const needsEol = at === src.text.length && src.text.length > 0 && !/[\r\n]$/.test(src.text)
  return [{ range: [at, at], text: (needsEol ? src.eol : '') + renderBlock(src, entries, col) }]
}

/** Replaces `key:` / `key: null` with a nested block (or flow map inside a flow parent). */
function fillNull(src: EditSource, pair: Pair, node: ScalarNode, entries: [string, YamlValue][]): TextEdit {
  const parent = pair.value.parent
  if (parent && parent.kind === 'map' && parent.flow) return { range: [node.start, node.end], text: ` {${renderFlow(entries)}}`.trimStart() }
  let start = node.start
  while (start > 0 && (src.text[start - 1] === ' ' || src.text[start - 1] === '\t')) start--
  const col = src.col(pair.key.start) + src.indentStep
  const block = renderBlock(src, entries, col)
  return { range: [start, node.end], text: src.eol + block.slice(0, block.length - src.eol.length) }
}

/** Removes a key/value pair with its lines. Null when it cannot be done safely. */
export function removePair(src: EditSource, map: MapNode, pair: Pair): TextEdit | null {
  const idx = map.pairs.indexOf(pair)
  if (idx < 0) return null
  if (map.flow) {
    if (map.pairs.length === 1) return { range: [pair.key.start, pair.value.end], text: '' }
    if (idx < map.pairs.length - 1) return { range: [pair.key.start, map.pairs[idx + 1].key.start], text: '' }
    return { range: [map.pairs[idx - 1].value.end, pair.value.end], text: '' }
  }
  const keyLine = src.lineOf(pair.key.start)
  const lineStart = src.lines.lineStart(keyLine)
  // `- key: v` where key is the item's first key: removing the line would drop the dash.
  if (src.text.slice(lineStart, pair.key.start).trim() !== '') return null
  const end = src.nextLineStart(Math.max(pair.value.end, pair.key.end + 1))
  return { range: [lineStart, end], text: '' }
}

/** Removes one item of a sequence. Null when it is the only item (remove the owning pair instead). */
export function removeSeqItem(src: EditSource, seq: SeqNode, index: number): TextEdit | null {
  const item = seq.items[index]
  if (!item || seq.items.length < 2) return null
  if (seq.flow) {
    if (index < seq.items.length - 1) return { range: [item.start, seq.items[index + 1].start], text: '' }
    return { range: [seq.items[index - 1].end, item.end], text: '' }
  }
  let dash = item.start - 1
  while (dash > 0 && src.text[dash] !== '-') dash--
  const line = src.lineOf(dash)
  const lineStart = src.lines.lineStart(line)
  if (src.text.slice(lineStart, dash).trim() !== '') return null
  return { range: [lineStart, src.nextLineStart(item.end)], text: '' }
}
