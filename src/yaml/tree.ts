/**
 * A small located YAML tree built from js-yaml 5's `parseEvents`: every node knows its source offsets,
 * so rules can point at exact spans and fixes can be minimal text edits on the original source.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml'

export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode

interface NodeBase {
  /** Offset of the node's first character (for a quoted scalar, the opening quote; for a block scalar, `|`/`>`). */
  start: number
  /** Offset just past the node's last character (for a flow collection, past `}` / `]`). */
  end: number
  parent: MapNode | SeqNode | null
  anchor?: string
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar'
  /** Decoded text of the scalar. */
  value: string
  style: 'plain' | 'single' | 'double' | 'literal' | 'folded'
  /** An empty value (`key:` with nothing after it); start === end. */
  empty: boolean
  tag?: string
  /** Block scalars only: content indentation. */
  blockIndent?: number
  /** Block scalars only: a comment after the `|`/`>` header, with the blanks before it (a replacement keeps it). */
  headerComment?: string
}

export interface Pair {
  key: ScalarNode | MapNode | SeqNode | AliasNode
  value: YamlNode
}

export interface MapNode extends NodeBase {
  kind: 'map'
  pairs: Pair[]
  flow: boolean
  tag?: string
  /** True when one of the keys is the YAML merge key `<<`. */
  merge?: boolean
}

export interface SeqNode extends NodeBase {
  kind: 'seq'
  items: YamlNode[]
  flow: boolean
  tag?: string
}

export interface AliasNode extends NodeBase {
  kind: 'alias'
  name: string
  /** The anchored node it refers to (not a copy: aliases are never expanded). */
  target: YamlNode | null
}

export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number
  root: YamlNode | null
  /** Offset range covered by the document's content. */
  start: number
  end: number
  /** Duplicate keys found while building: the second (and later) key node of each. */
  duplicateKeys: ScalarNode[]
}

export interface SyntaxProblem {
  message: string
  /** Offset of js-yaml's mark. */
  offset: number
  /** 1-based line and column, from js-yaml's mark. */
  line: number
  column: number
}

export interface ParseResult {
  documents: YamlDocument[]
  error?: SyntaxProblem
  /** Alias nodes seen (reported as a notice by the engine past a limit). */
  aliasCount: number
}

export const MAX_DEPTH = 200

const STYLES: Record<number, ScalarNode['style']> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded'
}

/**
 * Parses every document of `text`. Never throws for bad YAML: the error is returned with its position.
 * `events`: what `parseEvents(text)` already returned (the engine keeps them between its passes).
 */
export function parseDocuments(text: string, options: { maxDepth?: number; events?: Event[] } = {}): ParseResult {
  let events: Event[]
  try {
    events = options.events ?? parseEvents(text, { maxDepth: options.maxDepth ?? MAX_DEPTH })
  } catch (err) {
    return { documents: [], error: toSyntaxProblem(err, text), aliasCount: 0 }
  }
  try {
    return buildTree(text, events)
  } catch (err) {
    return { documents: [], error: toSyntaxProblem(err, text), aliasCount: 0 }
  }
}

function toSyntaxProblem(err: unknown, text: string): SyntaxProblem {
  const e = err as { reason?: string; message?: string; mark?: { position: number; line: number; column: number } }
  const mark = e.mark
  const offset = mark ? Math.min(mark.position, text.length) : 0
  return {
    message: e.reason ?? e.message ?? String(err),
    offset,
    line: mark ? mark.line + 1 : 1,
    column: mark ? mark.column + 1 : 1
  }
}

function buildTree(text: string, events: Event[]): ParseResult {
  const documents: YamlDocument[] = []
  const anchors = new Map<string, YamlNode>()
  // Stack of open collections; for maps, a pending key while the value is being built.
  const stack: { node: MapNode | SeqNode; key: Pair['key'] | null; base: number }[] = []
  // The entries of every open collection, each collection's from its `base` on: a collection gets its list when it
  // closes, of its exact length (a list grown by pushes starts with room for 17 entries, and most maps hold a few).
  const entries: (Pair | YamlNode)[] = []
  let doc: YamlDocument | null = null
  let aliasCount = 0

  const attach = (node: YamlNode): void => {
    const top = stack[stack.length - 1]
    if (!top) {
      if (doc) doc.root = node
      return
    }
    node.parent = top.node
    // An empty scalar has no offsets of its own: put it where a value would be typed.
    const placeEmpty = node.kind === 'scalar' && node.empty && !node.anchor && !node.tag
    const hasPrev = entries.length > top.base
    if (top.node.kind === 'seq') {
      if (placeEmpty) {
        const prev = hasPrev ? (entries[entries.length - 1] as YamlNode) : undefined
        node.start = node.end = afterDash(text, prev ? prev.end : top.node.start)
      }
      entries.push(node)
    } else if (top.key === null) {
      if (placeEmpty) {
        const prev = hasPrev ? (entries[entries.length - 1] as Pair) : undefined
        node.start = node.end = prev ? prev.value.end : top.node.start
      }
      top.key = node as Pair['key']
    } else {
      if (placeEmpty) {
        // `key:` with no value: place the empty scalar just after the colon.
        const at = afterColon(text, top.key.end)
        node.start = node.end = at
      }
      if (top.key.kind === 'scalar' && top.key.value === '<<' && top.key.style === 'plain') top.node.merge = true
      entries.push({ key: top.key, value: node })
      top.key = null
    }
  }

  for (let i = 0; i < events.length; i++) {
    const ev = events[i]
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        anchors.clear()
        doc = { index: documents.length, root: null, start: 0, end: 0, duplicateKeys: [] }
        documents.push(doc)
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = ev.style === 2
        // js-yaml's anchor range is the name without its `&`.
        const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined
        const tag = ev.tagStart >= 0 ? text.slice(ev.tagStart, ev.tagEnd) : undefined
        // Written out, not spread from a common part: one object per collection, of one shape per kind.
        const node: MapNode | SeqNode =
          ev.type === EVENT_ID.MAPPING
            ? { kind: 'map', pairs: [], start: ev.start, end: ev.start, parent: null, flow, anchor, tag }
            : { kind: 'seq', items: [], start: ev.start, end: ev.start, parent: null, flow, anchor, tag }
        if (node.anchor) anchors.set(node.anchor, node)
        attach(node)
        stack.push({ node, key: null, base: entries.length })
        break
      }
      case EVENT_ID.SCALAR: {
        const node = scalarNode(text, ev)
        if (node.anchor) anchors.set(node.anchor, node)
        attach(node)
        break
      }
      case EVENT_ID.ALIAS: {
        aliasCount++
        // js-yaml's alias range is the name without its `*`; the node starts at the `*`.
        const name = text.slice(ev.anchorStart, ev.anchorEnd)
        const node: AliasNode = {
          kind: 'alias',
          name,
          target: anchors.get(name) ?? null,
          start: Math.max(ev.anchorStart - 1, 0),
          end: ev.anchorEnd,
          parent: null
        }
        attach(node)
        break
      }
      case EVENT_ID.POP: {
        const top = stack.pop()
        if (!top) {
          if (doc) finishDocument(text, doc)
          doc = null
          break
        }
        const list = entries.slice(top.base)
        entries.length = top.base
        if (top.node.kind === 'map') top.node.pairs = list as Pair[]
        else top.node.items = list as YamlNode[]
        closeCollection(text, top.node, doc)
        break
      }
    }
  }
  return { documents, aliasCount }
}

function scalarNode(text: string, ev: ScalarEvent): ScalarNode {
  const style = STYLES[ev.style] ?? 'plain'
  const empty = ev.valueStart < 0
  let start = ev.valueStart
  let end = ev.valueEnd
  let comment: string | undefined
  if (empty) {
    // `key: &a` / `- !!null`: after the properties; otherwise placed by the parent.
    start = end = Math.max(ev.anchorEnd, ev.tagEnd, 0)
  } else if (style === 'single' || style === 'double') {
    start -= 1
    end += 1
  } else if (style === 'literal' || style === 'folded') {
    const header = blockHeader(text, ev.valueStart)
    start = header.start
    comment = header.comment
    // js-yaml's range runs to the start of the next line, trailing blank lines included. The node ends
    // with its last content line instead, so a replacement keeps the line break and a span does not spill
    // onto the next key's line. (Trailing blank lines a `|+` keeps are content: edits.ts extends over them.)
    while (end > ev.valueStart && WHITESPACE.has(text.charCodeAt(end - 1))) end--
    if (end <= ev.valueStart) end = header.end
  }
  const node: ScalarNode = {
    kind: 'scalar',
    value: empty ? '' : getScalarValue(text, ev),
    style,
    empty,
    start,
    end,
    parent: null
  }
  if (ev.anchorStart >= 0) node.anchor = text.slice(ev.anchorStart, ev.anchorEnd)
  if (ev.tagStart >= 0) node.tag = text.slice(ev.tagStart, ev.tagEnd)
  if (style === 'literal' || style === 'folded') {
    node.blockIndent = ev.indent
    if (comment) node.headerComment = comment
  }
  return node
}

const WHITESPACE = new Set([9, 10, 13, 32])
// `|`, `>`, `|-2`, `>+ # comment`: the indicator is the first `|`/`>` after a space (or at the line start)
// that only indicators, blanks and a comment follow. A `>` or `|` inside the comment is not it.
const BLOCK_HEADER = /(?:^|[ \t])([|>][-+0-9]*)([ \t]+#.*)?[ \t]*$/

/** The `|` / `>` header of a block scalar whose content starts at `contentStart` (the line after it). */
function blockHeader(text: string, contentStart: number): { start: number; end: number; comment?: string } {
  let e = contentStart
  if (e > 0 && text[e - 1] === '\n') e--
  if (e > 0 && text[e - 1] === '\r') e--
  let ls = e
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--
  const m = BLOCK_HEADER.exec(text.slice(ls, e))
  if (m) {
    const at = ls + m.index + m[0].indexOf(m[1])
    return { start: at, end: at + m[1].length, comment: m[2] }
  }
  let i = contentStart - 1
  while (i > 0 && text[i] !== '|' && text[i] !== '>') i--
  return { start: Math.max(i, 0), end: Math.max(i, 0) + 1 }
}

/** Just past the `-` of the next block sequence entry at or after `from` (`from` when there is none). */
function afterDash(text: string, from: number): number {
  let i = from
  while (i < text.length) {
    const c = text[i]
    if (c === '-') return i + 1
    if (c === '#') while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
    else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
    else break
  }
  return from
}

function afterColon(text: string, from: number): number {
  let i = from
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === "'")) i++
  if (text[i] === ':') return i + 1
  return from
}

function closeCollection(text: string, node: MapNode | SeqNode, doc: YamlDocument | null): void {
  const last = node.kind === 'map' ? node.pairs[node.pairs.length - 1]?.value : node.items[node.items.length - 1]
  let end = last ? Math.max(last.end, node.start) : node.start
  const open = node.kind === 'map' ? '{' : '['
  // A single `key: value` pair inside a flow sequence (`[a: 1]`) is a flow map without braces.
  if (node.flow && text[node.start] === open) {
    // Past the closing bracket: only blanks, commas and comments may come before it.
    const close = node.kind === 'map' ? '}' : ']'
    let i = last ? end : node.start + 1
    for (; i < text.length && text[i] !== close; i++) {
      const c = text[i]
      if (c === '#') while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++
      else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',') break
    }
    if (text[i] === close) end = i + 1
  }
  node.end = end
  if (node.kind === 'map' && doc) collectDuplicates(node, doc)
}

function collectDuplicates(node: MapNode, doc: YamlDocument): void {
  if (node.pairs.length < 2) return
  // Most maps are small: comparing with the keys before is cheaper than a Set per map (same result).
  if (node.pairs.length <= 8) {
    for (let i = 1; i < node.pairs.length; i++) {
      const k = node.pairs[i].key
      if (k.kind !== 'scalar' || k.value === '<<') continue
      for (let j = 0; j < i; j++) {
        const e = node.pairs[j].key
        if (e.kind === 'scalar' && e.value === k.value) {
          doc.duplicateKeys.push(k)
          break
        }
      }
    }
    return
  }
  const seen = new Set<string>()
  for (const p of node.pairs) {
    if (p.key.kind !== 'scalar') continue
    if (p.key.value === '<<') continue
    if (seen.has(p.key.value)) doc.duplicateKeys.push(p.key)
    else seen.add(p.key.value)
  }
}

function finishDocument(text: string, doc: YamlDocument): void {
  if (doc.root) {
    if (doc.root.kind === 'scalar' && doc.root.empty) doc.root.start = doc.root.end = 0
    doc.start = doc.root.start
    doc.end = doc.root.end
  }
  void text
}

/** Walks every node of a tree depth-first (aliases are visited, their targets are not). */
export function* walk(node: YamlNode | null): Generator<YamlNode> {
  if (!node) return
  const stack: YamlNode[] = [node]
  while (stack.length) {
    const n = stack.pop()!
    yield n
    if (n.kind === 'map') for (let i = n.pairs.length - 1; i >= 0; i--) stack.push(n.pairs[i].value, n.pairs[i].key)
    else if (n.kind === 'seq') for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i])
  }
}

/** Moves every offset of a tree by a mapping function (used for values embedded in a string). */
export function remapOffsets(node: YamlNode | null, map: (offset: number) => number): void {
  for (const n of walk(node)) {
    n.start = map(n.start)
    n.end = map(n.end)
  }
}
