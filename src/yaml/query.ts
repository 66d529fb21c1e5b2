/** Reading the located tree: paths, pairs and typed scalar values. */
import type { MapNode, Pair, ScalarNode, SeqNode, YamlNode } from './tree.js'
import { memo, memoKind } from '../model/memo.js'

/** Follows an alias to its anchored node (one hop chain, bounded). */
export function deref(node: YamlNode | null | undefined): YamlNode | null {
  let n = node ?? null
  for (let i = 0; n && n.kind === 'alias' && i < 64; i++) n = n.target
  return n && n.kind === 'alias' ? null : n
}

export function isMap(node: YamlNode | null | undefined): node is MapNode {
  return node?.kind === 'map'
}
export function isSeq(node: YamlNode | null | undefined): node is SeqNode {
  return node?.kind === 'seq'
}
export function isScalar(node: YamlNode | null | undefined): node is ScalarNode {
  return node?.kind === 'scalar'
}

/** The last pair of `map` whose key is `key` (Helm and kubectl keep the last duplicate). */
export function findPair(map: YamlNode | null | undefined, key: string): Pair | undefined {
  const m = deref(map)
  if (!m || m.kind !== 'map') return undefined
  const own = ownPair(m, key)
  // YAML merge keys: `<<: *anchor` (the tree flags maps that have one, so the common miss stays one scan).
  if (own || !m.merge) return own
  return mergedPair(m, key)
}

/**
 * The last pair of `m` written with `key` itself (not reached through a merge key). A large map is looked up through
 * an index of its keys, made on the first lookup and kept on the map: rules look up each of a values file's proxies
 * in `gatewayProxies`, and a scan per lookup made a file of thousands of proxies quadratic. The index is made again
 * if the map has grown since (trees are built once; only a map being built changes).
 */
export function ownPair(m: MapNode, key: string): Pair | undefined {
  const n = m.pairs.length
  if (n > INDEXED) {
    const keys = memo(m, ownKeys, noKeys)
    if (keys.size !== n) {
      keys.pairs.clear()
      for (const p of m.pairs) if (p.key.kind === 'scalar') keys.pairs.set(p.key.value, p)
      keys.size = n
    }
    return keys.pairs.get(key)
  }
  for (let i = n - 1; i >= 0; i--) {
    const k = m.pairs[i].key
    if (k.kind === 'scalar' && k.value === key) return m.pairs[i]
  }
  return undefined
}
/** Collections larger than this are looked up through an index (`ownPair`, `childStep`); a scan of a smaller one is cheaper. */
const INDEXED = 32
const ownKeys = memoKind<{ size: number; pairs: Map<string, Pair> }>('own keys')
const noKeys = (): { size: number; pairs: Map<string, Pair> } => ({ size: -1, pairs: new Map() })

/**
 * Looks `key` up through merge sources, depth-first in YAML's precedence order (earlier sources win).
 * Each map is searched once: `a: &a {<<: *a}` cycles and merge chains that fan out exponentially
 * (billion laughs built from `<<`) stay linear in the size of the tree.
 */
function mergedPair(m: MapNode, key: string): Pair | undefined {
  const seen = new Set<MapNode>([m])
  const sourcesOf = (map: MapNode): MapNode[] => {
    const out: MapNode[] = []
    for (const p of map.pairs) {
      if (p.key.kind !== 'scalar' || p.key.value !== '<<') continue
      const merged = deref(p.value)
      const items = merged?.kind === 'seq' ? merged.items.map(deref) : [merged]
      for (const s of items) if (s && s.kind === 'map') out.push(s)
    }
    return out
  }
  const stack = sourcesOf(m).reverse()
  while (stack.length) {
    const s = stack.pop()!
    if (seen.has(s)) continue
    seen.add(s)
    const found = ownPair(s, key)
    if (found) return found
    if (s.merge) for (const next of sourcesOf(s).reverse()) stack.push(next)
  }
  return undefined
}

/** The value at `path` (map keys and sequence indices), following aliases; null when absent. */
export function getNode(node: YamlNode | null | undefined, path: readonly (string | number)[]): YamlNode | null {
  let n = deref(node)
  for (const seg of path) {
    if (!n) return null
    if (typeof seg === 'number') {
      if (n.kind !== 'seq') return null
      n = deref(n.items[seg])
    } else {
      const p = findPair(n, seg)
      n = p ? deref(p.value) : null
    }
  }
  return n
}

/** The deepest existing node along `path` and how many segments it covers. */
export function deepestExisting(
  node: YamlNode,
  path: readonly string[]
): { node: YamlNode; depth: number; pair?: Pair } {
  let n: YamlNode = node
  let pair: Pair | undefined
  for (let i = 0; i < path.length; i++) {
    const p = findPair(n, path[i])
    const v = p ? deref(p.value) : null
    if (!p || !v) return { node: n, depth: i, pair }
    n = v
    pair = p
  }
  return { node: n, depth: path.length, pair }
}

export function mapEntries(node: YamlNode | null | undefined): readonly Pair[] {
  const m = deref(node)
  if (!m || m.kind !== 'map') return NO_PAIRS
  // The map's own list when every key is a plain one (nearly always): no copy per map read.
  for (const p of m.pairs) if (p.key.kind !== 'scalar' || p.key.value === '<<') return m.pairs.filter((q) => q.key.kind === 'scalar' && q.key.value !== '<<')
  return m.pairs
}
const NO_PAIRS: readonly Pair[] = Object.freeze([])

export function seqItems(node: YamlNode | null | undefined): YamlNode[] {
  const s = deref(node)
  return s && s.kind === 'seq' ? s.items.map((i) => deref(i)).filter((i): i is YamlNode => !!i) : []
}

export function keyOf(pair: Pair): string {
  return pair.key.kind === 'scalar' ? pair.key.value : ''
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL'])
// Helm reads values with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1), so yes/no/on/off are booleans too.
const TRUES = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y'])
const FALSES = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N'])

export type Plain = string | number | boolean | null

/** A scalar's value as the YAML core schema (with YAML 1.1 booleans) resolves it; quoted scalars are strings. */
export function scalarValue(node: YamlNode | null | undefined): Plain | undefined {
  const n = deref(node)
  if (!n || n.kind !== 'scalar') return undefined
  if (n.style !== 'plain' || (n.tag && n.tag.startsWith('!!str'))) return n.value
  return plainValue(n.value)
}

/**
 * A plain scalar's text as the core schema resolves it. Rules ask for many scalars, most of them words: only a
 * text that starts like a number is matched against the number forms, and only one as short as `false` is
 * looked up among the null and boolean words.
 */
export function plainValue(v: string): Plain {
  const c = v.length ? v.charCodeAt(0) : -1
  // 0-9, `+`, `-`, `.`: how every number starts, and none of the words.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(v)) return Number(v.includes('_') ? v.replace(/_/g, '') : v)
    if (HEX.test(v)) return parseInt(v.slice(2), 16)
    if (OCT.test(v)) return parseInt(v.slice(2), 8)
    if (FLOAT.test(v)) return Number(v)
    return v
  }
  if (v.length > 5) return v
  if (NULLS.has(v)) return null
  if (TRUES.has(v)) return true
  if (FALSES.has(v)) return false
  return v
}
const INT = /^[-+]?(0|[1-9][0-9_]*)$/
const HEX = /^0x[0-9a-fA-F]+$/
const OCT = /^0o[0-7]+$/
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/

/** True only for a boolean true (quoted "true" is also accepted: Helm templates compare truthiness). */
export function isTrue(node: YamlNode | null | undefined): boolean {
  const v = scalarValue(node)
  return v === true || v === 'true'
}

export function isFalse(node: YamlNode | null | undefined): boolean {
  const v = scalarValue(node)
  return v === false || v === 'false'
}

export function asNumber(node: YamlNode | null | undefined): number | undefined {
  const v = scalarValue(node)
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v)
  return undefined
}

export function asString(node: YamlNode | null | undefined): string | undefined {
  const v = scalarValue(node)
  if (v === undefined || v === null) return undefined
  return String(v)
}

/** Getter shortcuts. */
export const str = (node: YamlNode | null | undefined, path: readonly (string | number)[]): string | undefined =>
  asString(getNode(node, path))

/** JSON path of a node inside its document, e.g. `spec.containers[0].image`. */
export function jsonPathOf(node: YamlNode): string {
  const parts: string[] = []
  let n: YamlNode = node
  while (n.parent) {
    const p = n.parent
    const step = childStep(p, n)
    if (typeof step === 'number') parts.push(`[${step}]`)
    else parts.push(/^[A-Za-z0-9_-]+$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`)
    n = p
  }
  const s = parts.reverse().join('')
  return s.startsWith('.') ? s.slice(1) : s
}

// Per-collection index of child → position, built once: a finding on each of 100,000 duplicate keys must
// not rescan the map each time. A hit is checked against the collection, which is re-indexed if it changed.
// Only large collections are indexed: a scan of a small one is cheaper. The index is kept on the collection
// (`memo`), so it dies with its tree.
const positions = memoKind<{ index: Map<YamlNode, number> | null }>('child positions')
const noIndex = (): { index: Map<YamlNode, number> | null } => ({ index: null })

function childStep(p: MapNode | SeqNode, child: YamlNode): string | number {
  const at = (i: number | undefined): boolean =>
    i !== undefined && (p.kind === 'seq' ? p.items[i] === child : p.pairs[i]?.value === child || p.pairs[i]?.key === child)
  let i: number | undefined
  if ((p.kind === 'seq' ? p.items.length : p.pairs.length) <= INDEXED) {
    if (p.kind === 'seq') i = p.items.indexOf(child)
    else i = p.pairs.findIndex((pair) => pair.value === child || pair.key === child)
    if (i < 0) i = undefined
  } else i = memo(p, positions, noIndex).index?.get(child)
  if (!at(i) && (p.kind === 'seq' ? p.items.length : p.pairs.length) > INDEXED) {
    const index = new Map<YamlNode, number>()
    if (p.kind === 'seq') p.items.forEach((item, k) => index.has(item) || index.set(item, k))
    else
      p.pairs.forEach((pair, k) => {
        if (!index.has(pair.value)) index.set(pair.value, k)
        if (!index.has(pair.key)) index.set(pair.key, k)
      })
    memo(p, positions, noIndex).index = index
    i = index.get(child)
  }
  if (p.kind === 'seq') return i ?? -1
  const key = i === undefined ? undefined : p.pairs[i].key
  return key && key.kind === 'scalar' ? key.value : '?'
}

/**
 * Converts a subtree to plain JS. Aliases are followed within a node budget (alias bombs) and a depth
 * limit; an alias back into a map or sequence being converted (`a: &a {b: *a}`) becomes null.
 */
export function toPlain(node: YamlNode | null | undefined, budget = { left: 10000 }): unknown {
  return plain(node, budget, new Set(), 0)
}

const MAX_PLAIN_DEPTH = 512

function plain(node: YamlNode | null | undefined, budget: { left: number }, open: Set<YamlNode>, depth: number): unknown {
  const n = deref(node)
  if (!n || budget.left-- <= 0 || depth > MAX_PLAIN_DEPTH || open.has(n)) return null
  if (n.kind === 'scalar') return scalarValue(n)
  open.add(n)
  let out: unknown = null
  if (n.kind === 'seq') out = n.items.map((i) => plain(i, budget, open, depth + 1))
  else if (n.kind === 'map') {
    const o: Record<string, unknown> = {}
    for (const p of n.pairs) {
      if (p.key.kind !== 'scalar') continue
      const v = plain(p.value, budget, open, depth + 1)
      // A `__proto__` key is data, not the object's prototype.
      if (p.key.value === '__proto__') Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true, configurable: true })
      else o[p.key.value] = v
    }
    out = o
  }
  open.delete(n)
  return out
}

/**
 * The node a finding about `path` points at: the value when present, else the key of the nearest existing
 * ancestor, else the object's `kind` key (a whole-document span would be useless in a review).
 */
export function locatePath(root: YamlNode, path: readonly string[]): YamlNode {
  const d = deepestExisting(root, path)
  if (d.depth === path.length) return d.node
  if (d.pair) return d.pair.key
  const kind = findPair(root, 'kind')
  if (kind) return kind.key
  const first = deref(root)
  return first && first.kind === 'map' && first.pairs[0] ? first.pairs[0].key : root
}
