/**
 * Minimal text edits on the original YAML source: set a value, insert a missing key path under the nearest
 * existing ancestor, remove a pair or a sequence item. Nothing is ever re-serialised, so comments, quoting,
 * key order and blank lines elsewhere stay as they were.
 */
import type { TextEdit } from '../model/finding.js'
import { detectEol, LineIndex } from './position.js'
import { deref, findPair, ownPair } from './query.js'
import type { MapNode, Pair, ScalarNode, SeqNode, YamlNode } from './tree.js'
import { walk } from './tree.js'

/** A YAML value to write: a scalar as YAML source text (`true`, `10101`, `"x"`), or a map of them. */
export type YamlValue = string | { [key: string]: YamlValue }

/** What an edit needs to know about the file it edits. */
export class EditSource {
  readonly lines: LineIndex
  readonly eol: string
  private step?: number
  /**
   * @param roots the file's trees, to measure its indentation step from
   * @param options.lines the file's line index, shared rather than built again
   * @param options.indentStep the step, when it was measured before the trees were dropped
   */
  constructor(
    readonly text: string,
    private readonly roots: readonly (YamlNode | null)[] = [],
    options: { lines?: LineIndex; indentStep?: number } = {}
  ) {
    this.lines = options.lines ?? new LineIndex(text)
    this.step = options.indentStep
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
            const d = this.col(v.start) - this.col(n.start)
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

// A key is written plain only when YAML (1.1 as Helm reads it, and 1.2) reads it back as the same string.
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_.\/-]*$/
const NON_STRING_KEY = /^(?:y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/
const fmtKey = (k: string): string => (SIMPLE_KEY.test(k) && !NON_STRING_KEY.test(k) ? k : JSON.stringify(k))

function renderBlock(src: EditSource, entries: [string, YamlValue][], col: number): string {
  let out = ''
  const pad = ' '.repeat(col)
  for (const [k, v] of entries) {
    if (typeof v === 'string') out += `${pad}${fmtKey(k)}: ${v}${src.eol}`
    // The one flow map a block ever gets: an empty map has no block form (`key:` alone is null, which in Helm
    // values deletes the chart's defaults for the whole map).
    else if (Object.keys(v).length === 0) out += `${pad}${fmtKey(k)}: {}${src.eol}`
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

/**
 * Replaces a scalar (quotes included; a block scalar from its header to its last line) with `text`. An empty
 * value gets a separating space; a comment on a block scalar's header line stays after the new value.
 */
export function replaceScalar(node: ScalarNode, text: string): TextEdit {
  if (node.empty) return { range: [node.start, node.start], text: ` ${text}` }
  return { range: [node.start, node.end], text: text + (node.headerComment ?? '') }
}

/**
 * The conventional order of keys in the maps an edit inserts into (a file's own order is kept: see `insertInto`).
 * `from` is the index in the path given to `setPath` from which the maps follow it: the maps above (a wrapper's
 * `spec` holding `values`) keep appending at their end.
 */
export interface KeyOrder {
  from: number
  /** Negative when key `a` comes before key `b`. */
  compare(a: string, b: string): number
}

/**
 * Sets `path` under `root` to `value`, inserting whatever part of the path is missing under the nearest
 * existing ancestor. Returns null when no safe minimal edit exists (the path runs through a sequence, a
 * non-empty scalar or an alias, the value to replace is a collection or a tagged scalar, or the document
 * has no root mapping).
 * @param order where a new key goes in an existing block map whose keys follow that order; else at its end
 */
export function setPath(src: EditSource, root: YamlNode | null, path: readonly string[], value: YamlValue, order?: KeyOrder): TextEdit[] | null {
  const r = deref(root)
  if (!r || r.kind !== 'map' || path.length === 0) return null
  return setIn(src, r, path, value, order, 0)
}

/** The compare function for a map whose keys sit at `depth` of the path, if that map follows the order. */
const orderAt = (order: KeyOrder | undefined, depth: number): KeyOrder['compare'] | undefined => (order && depth >= order.from ? order.compare : undefined)

function setIn(src: EditSource, map: MapNode, path: readonly string[], value: YamlValue, order: KeyOrder | undefined, depth: number): TextEdit[] | null {
  let m = map
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1
    const pair = ownPair(m, path[i])
    if (!pair) {
      // Only reachable through a merge key (`<<: *base`): an explicit key overrides the merged one, but
      // writing an intermediate map here would hide the merged map's other keys.
      if (!last && findPair(m, path[i])) return null
      return insertInto(src, m, nest(path.slice(i), value), orderAt(order, depth + i))
    }
    const v = pair.value
    if (v.kind === 'alias') {
      // Editing the anchored node would change every alias of it; replacing this alias is local.
      return last && typeof value === 'string' ? [{ range: [v.start, v.end], text: value }] : null
    }
    if (v.kind === 'map') {
      if (!last) {
        m = v
        continue
      }
      return typeof value === 'string' ? null : mergeInto(src, v, value, order, depth + i + 1)
    }
    if (v.kind !== 'scalar') return null
    // `? key` or `{key}` has an empty value but no `:` to write one after.
    if (v.empty && !src.text.slice(pair.key.end, v.start).includes(':')) return null
    if (last && typeof value === 'string') {
      // A tag would stay in front of the new text and change its meaning (`!!str true`).
      if (v.tag) return null
      // The same text (`"x"` over `"x"`), or the same plain value: nothing to do, so a second run changes nothing.
      if (src.text.slice(v.start, v.end) === value || (v.value === value && v.style === 'plain')) return []
      return [replaceScalar(v, value)]
    }
    // `key:` / `key: null` takes a map the way a missing key would.
    if (!isNullish(v)) return null
    return fillNull(src, pair, v, last ? Object.entries(value) : nest(path.slice(i + 1), value))
  }
  return null
}

/** Sets each entry of `value` into an existing map (whose keys sit at `depth` of the path), recursively. */
function mergeInto(src: EditSource, map: MapNode, value: { [k: string]: YamlValue }, order: KeyOrder | undefined, depth: number): TextEdit[] | null {
  const out: TextEdit[] = []
  const missing: [string, YamlValue][] = []
  for (const [k, v] of Object.entries(value)) {
    if (ownPair(map, k)) {
      const e = setIn(src, map, [k], v, order, depth)
      if (!e) return null
      out.push(...e)
    } else missing.push([k, v])
  }
  if (missing.length) {
    const e = insertInto(src, map, missing, orderAt(order, depth))
    if (!e) return null
    out.push(...e)
  }
  return out
}

function isNullish(node: ScalarNode): boolean {
  if (node.tag) return false
  return node.empty || (node.style === 'plain' && ['~', 'null', 'Null', 'NULL'].includes(node.value))
}

/**
 * Appends a key path where a layer has no mapping yet: by default at the end of an empty (or comments-only) file at
 * column 0; `at` names another line start and the column its keys are indented to (inside a literal block).
 */
export function appendTopLevel(src: EditSource, path: readonly string[], value: YamlValue, at?: { offset: number; column: number }): TextEdit {
  return insertLines(src, at?.offset ?? src.text.length, renderBlock(src, nest(path, value), at?.column ?? 0))
}

/**
 * Inserts entries into a map, in the map's own style and indentation: as its last keys, or, with `compare`, into a
 * block map whose keys already follow that order, each after the nearest key that comes before it (see `orderedSites`).
 */
export function insertInto(src: EditSource, map: MapNode, entries: [string, YamlValue][], compare?: KeyOrder['compare']): TextEdit[] | null {
  if (entries.length === 0) return []
  // `key: {}` in a block map takes the block style of the map around it: an empty flow map has no style of
  // its own to keep, and a flow map filled by fixes grows into one long line (`gloo-ee: {…430 characters…}`).
  const open = emptyFlowInBlock(src, map)
  if (open) return openBlock(src, src.col(open.start) + src.indentStep, map.start, map.end, entries)
  if (map.flow) {
    const close = map.end - 1
    if (src.text[close] !== '}' || src.text[map.start] !== '{') return null
    const body = renderFlow(entries)
    // `{}` (the root, a flow map's value or a sequence item) → `{b: 2}`; `{a: 1}` → `{a: 1, b: 2}` right after the last value, so a trailing comma or a
    // comment before the brace stays where it is.
    if (!map.pairs.length) return [{ range: [map.start + 1, map.start + 1], text: body }]
    const lastValue = map.pairs[map.pairs.length - 1].value
    const at = lastValue.kind === 'scalar' && lastValue.empty ? close : lastValue.end
    return [{ range: [at, at], text: `, ${body}` }]
  }
  if (map.pairs.length === 0) return null
  // A block map starts at its first key's properties or `?` (`&a key:`, `!!str key:`, `? key`): that is the
  // column its keys are indented to, not the first key's own text.
  const col = src.col(map.start)
  const sites = compare ? orderedSites(src, map, entries, compare) : undefined
  if (!sites) return [insertLines(src, endOfContent(src, map), renderBlock(src, entries, col))]
  return [...sites].map(([at, group]) => insertLines(src, at, renderBlock(src, group, col)))
}

/**
 * Where each entry goes in a block map whose two or more keys follow `compare` (strictly: a duplicate or a key out
 * of order means the file has an order of its own, and the entries go at the end; one key says nothing). An entry goes right after the last line of
 * the nearest key that comes before it, so the comment lines above the next key stay with that key; before every
 * key, it goes above the comment lines right above the first key (no blank line between). Undefined when the map
 * does not follow the order or a site is not a line start that only holds the key (`- key:` of a sequence item).
 * @returns insertion offset → the entries to insert there, in their given order
 */
function orderedSites(src: EditSource, map: MapNode, entries: [string, YamlValue][], compare: KeyOrder['compare']): Map<number, [string, YamlValue][]> | undefined {
  const keys: string[] = []
  for (const p of map.pairs) {
    if (p.key.kind !== 'scalar' || p.key.style === 'literal' || p.key.style === 'folded') return undefined
    if (p.key.value === '<<' && p.key.style === 'plain') return undefined
    if (keys.length && compare(keys[keys.length - 1], p.key.value) >= 0) return undefined
    keys.push(p.key.value)
  }
  // One key is no evidence of an order: the file may follow another.
  if (keys.length < 2) return undefined
  const sites = new Map<number, [string, YamlValue][]>()
  const end = endOfContent(src, map)
  for (const entry of entries) {
    const next = keys.findIndex((k) => compare(entry[0], k) < 0)
    let at: number
    if (next < 0) at = end
    else if (next > 0) {
      const prev = map.pairs[next - 1]
      at = belowNestedComments(src, endOfContent(src, prev.value.end > prev.key.end ? prev.value : prev.key), src.col(map.start))
    } else at = aboveComments(src, map)
    // The key after the site must start its own line: `- key:` keeps its dash on the first key.
    if (next >= 0) {
      const line = src.lineOf(map.pairs[next].key.start)
      if (src.text.slice(src.lines.lineStart(line), next === 0 ? map.start : map.pairs[next].key.start).trim() !== '') return undefined
    }
    sites.set(at, [...(sites.get(at) ?? []), entry])
  }
  return sites
}

/**
 * Past the comment lines at `at` indented deeper than the map's keys (column `col`): they belong to the block of the
 * key before (a commented-out child key), so they stay with it.
 */
function belowNestedComments(src: EditSource, at: number, col: number): number {
  while (at < src.text.length) {
    const text = src.lines.lineText(src.lineOf(at))
    const m = /^(\s*)#/.exec(text)
    if (!m || m[1].length <= col) break
    at = src.nextLineStart(at + 1)
  }
  return at
}

/**
 * The start of the comment lines right above a block map's first key (no blank line between), else of its line. A
 * comment block that opens the file is the file's header, not the key's: the entry goes below it.
 */
function aboveComments(src: EditSource, map: MapNode): number {
  const first = src.lineOf(map.start)
  let line = first
  while (line > 1 && /^\s*#/.test(src.lines.lineText(line - 1))) line--
  return src.lines.lineStart(line === 1 ? first : line)
}

/**
 * The offset where lines go after `node`: the start of the line after its last one, past the trailing
 * blank lines that a keeping block scalar (`|+`) at its end owns.
 */
function endOfContent(src: EditSource, node: YamlNode): number {
  let at = src.nextLineStart(node.end)
  let last: YamlNode | undefined = node
  while (last && (last.kind === 'map' || last.kind === 'seq') && !last.flow)
    last = last.kind === 'map' ? last.pairs[last.pairs.length - 1]?.value : last.items[last.items.length - 1]
  if (last && last.kind === 'scalar' && (last.style === 'literal' || last.style === 'folded') && /^[|>][-0-9]*\+/.test(src.text.slice(last.start, last.start + 4)))
    while (at < src.text.length && src.lines.lineText(src.lineOf(at)).trim() === '') at = src.nextLineStart(at + 1)
  return at
}

/** Inserts whole lines (each ending in the file's line break) at a line start, or at the end of the text. */
function insertLines(src: EditSource, at: number, lines: string): TextEdit {
  // At the end of a file without a final line break: break before the lines instead of after them.
  if (at === src.text.length && src.text.length > 0 && !/[\r\n]$/.test(src.text))
    return { range: [at, at], text: src.eol + lines.slice(0, lines.length - src.eol.length) }
  return { range: [at, at], text: lines }
}

/**
 * The block map around `map` when `map` is an empty one-line flow map (`{}`, `{ }`) written as the value of
 * one of its keys; undefined otherwise (a flow map with entries or a comment inside keeps its flow style).
 */
function emptyFlowInBlock(src: EditSource, map: MapNode): MapNode | undefined {
  const parent = map.parent
  if (!map.flow || map.pairs.length || !parent || parent.kind !== 'map' || parent.flow) return undefined
  if (!parent.pairs.some((p) => p.value === map)) return undefined
  if (src.text[map.start] !== '{' || src.text[map.end - 1] !== '}') return undefined
  return /^[ ]*$/.test(src.text.slice(map.start + 1, map.end - 1)) ? parent : undefined
}

/**
 * Replaces the value text `[start, end)` of a block map's key (`null`, `~`, `{}`) with a nested block of
 * `entries` at column `col`, on the lines after the key's. The blanks before the value go too; a comment after
 * it stays on the key's line (`key: # why`), an anchor or a tag before it stays on the key (`key: &a`), and a
 * comment line below the key stays above the key it documents, since the new lines come right after the key's.
 */
function openBlock(src: EditSource, col: number, start: number, end: number, entries: [string, YamlValue][]): TextEdit[] {
  let s = start
  while (s > 0 && (src.text[s - 1] === ' ' || src.text[s - 1] === '\t')) s--
  const out: TextEdit[] = []
  if (s < end) out.push({ range: [s, end], text: '' })
  out.push(insertLines(src, src.nextLineStart(end), renderBlock(src, entries, col)))
  return out
}

/** Replaces `key:` / `key: null` with a nested block (a flow map inside a flow parent, `{}` for no entries). */
function fillNull(src: EditSource, pair: Pair, node: ScalarNode, entries: [string, YamlValue][]): TextEdit[] {
  const parent = pair.value.parent
  if (parent && parent.kind === 'map' && parent.flow) {
    const text = `{${renderFlow(entries)}}`
    return [node.empty ? { range: [node.start, node.start], text: ` ${text}` } : { range: [node.start, node.end], text }]
  }
  if (!entries.length) return [node.empty ? { range: [node.start, node.start], text: ' {}' } : { range: [node.start, node.end], text: '{}' }]
  const col = src.col(parent && parent.kind === 'map' ? parent.start : pair.key.start) + src.indentStep
  return openBlock(src, col, node.start, node.end, entries)
}

/**
 * Removes a key/value pair with its lines. Null when it cannot be done safely. Removing the only key of a
 * nested map leaves `parent:` empty, which is null: in Helm values a null deletes the chart's defaults
 * for that whole map, so a caller either inserts into the map in the same fix or removes the parent too.
 */
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
  const end = endOfContent(src, pair.value.end > pair.key.end ? pair.value : pair.key)
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
  // The item's `- `: a `-` followed by a blank (a `-` inside `&my-anchor` is not it).
  let dash = item.start - 1
  while (dash >= 0 && !(src.text[dash] === '-' && /[\s]/.test(src.text[dash + 1] ?? ' '))) dash--
  if (dash < 0) return null
  const line = src.lineOf(dash)
  const lineStart = src.lines.lineStart(line)
  if (src.text.slice(lineStart, dash).trim() !== '') return null
  return { range: [lineStart, endOfContent(src, item)], text: '' }
}
