/**
 * The one place rules ask chart questions: which values keys the gloo chart reads at a version, their types and
 * defaults, and "did you mean" for a near miss. Answers come from the generated schema (chart-data, the newest
 * patch of each minor 1.6 … 1.22; docs/chart-schema.md) plus the template-only keys below.
 */
import { CHART_DEFAULTS, CHART_KEYS, CHART_VERSIONS } from './chart-schema.generated.js'
import type { Version } from './version.js'

/** A values key's type as the data writes it (chart-data/README.md, "Types"). */
export type ChartType = 'bool' | 'string' | 'int' | 'float' | 'object' | 'map' | 'list' | 'any' | `k8s:${string}` | `ext:${string}`

/** The covered chart version whose data answers for a detected version. */
export interface CoveredVersion {
  /** Index into the covered versions, oldest first. */
  index: number
  /** The covered version, e.g. `1.17.38`. */
  version: string
  /** True when the detected version is this very release (not a pre-release or another patch of the minor). */
  exact: boolean
  /**
   * Set when the detected version's minor is not covered: `below` (older than 1.6: the oldest covered minor stands
   * in), `above` (newer than the newest covered minor), `unknown` (no version: the newest stands in), `uncovered`
   * (a minor between covered ones: the newest older covered minor stands in).
   */
  fallback?: 'below' | 'above' | 'unknown' | 'uncovered'
}

export type KeyInfo =
  /**
   * The chart reads the key. `free`: its value is free-form (`any`, a map or list of non-objects, `k8s:*`, `ext:*`),
   * so keys below it are accepted. `gap`: a template-only key (TEMPLATE_ONLY_KEYS).
   */
  | { known: true; type: ChartType; items?: ChartType; free?: boolean; gap?: boolean }
  /** The data does not list the key. `parentFree`: it lies below a free-form key, so the chart accepts it all the same. */
  | { known: false; parentFree?: boolean }

/** A "did you mean": `path` is the input path with segment `index` replaced by `key`. */
export interface KeySuggestion {
  index: number
  key: string
  path: string[]
}

/**
 * Keys the templates read although values.go lacks them, so the data cannot list them; chart-data/README.md,
 * "Known gaps": `settings.replaceInvalidRoutes` is a legacy alias the settings template reads;
 * `gloo.deployment.serviceAccount` (all versions) and `global.AddEnterpriseSettings` (1.7+) are in
 * values-template.yaml but dropped by the generator. `since` is the first covered minor that reads the key.
 */
export const TEMPLATE_ONLY_KEYS: readonly { path: string; type: ChartType; since: string }[] = [
  { path: 'gloo.deployment.serviceAccount', type: 'any', since: '1.6' },
  { path: 'global.AddEnterpriseSettings', type: 'bool', since: '1.7' },
  { path: 'settings.replaceInvalidRoutes', type: 'bool', since: '1.6' }
]

/** The covered chart versions, oldest first (`1.6.38` … `1.22.1`). */
export const COVERED_VERSIONS: readonly string[] = CHART_VERSIONS.map(([v]) => v)

interface Covered {
  major: number
  minor: number
  patch: number
}
const COVERED: readonly Covered[] = COVERED_VERSIONS.map((v) => {
  const [major, minor, patch] = v.split('.').map(Number)
  return { major, minor, patch }
})
const NEWEST = COVERED.length - 1

const minorOrder = (a: { major: number; minor: number }, b: { major: number; minor: number }): number =>
  a.major !== b.major ? a.major - b.major : a.minor - b.minor

/** Which covered data version applies to `version`: the same minor, else the nearest (see `fallback`). */
export function coveredMinorFor(version: Version | undefined): CoveredVersion {
  const at = (index: number, fallback?: CoveredVersion['fallback']): CoveredVersion => {
    const c = COVERED[index]
    const exact =
      !fallback && !!version && !version.pre && version.major === c.major && version.minor === c.minor && version.patch === c.patch
    const covered: CoveredVersion = { index, version: COVERED_VERSIONS[index], exact }
    if (fallback) covered.fallback = fallback
    return covered
  }
  if (!version) return at(NEWEST, 'unknown')
  if (minorOrder(version, COVERED[0]) < 0) return at(0, 'below')
  if (minorOrder(version, COVERED[NEWEST]) > 0) return at(NEWEST, 'above')
  let index = 0
  while (index < NEWEST && minorOrder(COVERED[index + 1], version) <= 0) index++
  return at(index, minorOrder(COVERED[index], version) === 0 ? undefined : 'uncovered')
}

interface TypeAt {
  type: ChartType
  items?: ChartType
  gap?: boolean
}

const SINCE_INDEX = (since: string): number => {
  const [major, minor] = since.split('.').map(Number)
  const i = COVERED.findIndex((c) => minorOrder(c, { major, minor }) >= 0)
  return i < 0 ? COVERED.length : i
}

let keyTable: Map<string, readonly (number | string)[]> | undefined
let childTable: Map<string, string[]> | undefined
let defaultTable: Map<string, readonly (readonly [number, unknown?])[]> | undefined
const gapTable = new Map(TEMPLATE_ONLY_KEYS.map((g) => [g.path, { type: g.type, from: SINCE_INDEX(g.since) }]))

function keys(): Map<string, readonly (number | string)[]> {
  return (keyTable ??= new Map(Object.entries(CHART_KEYS)))
}

function defaults(): Map<string, readonly (readonly [number, unknown?])[]> {
  return (defaultTable ??= new Map(Object.entries(CHART_DEFAULTS)))
}

/** Parent key → the child segments any version has (`*` and `[]` included). The root is ''. */
function children(): Map<string, string[]> {
  if (childTable) return childTable
  childTable = new Map()
  for (const key of [...keys().keys(), ...gapTable.keys()]) {
    const [parent, child] = key.endsWith('[]')
      ? [key.slice(0, -2), '[]']
      : key.lastIndexOf('.') < 0
        ? ['', key]
        : [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)]
    const list = childTable.get(parent) ?? []
    if (!list.includes(child)) list.push(child)
    childTable.set(parent, list)
  }
  return childTable
}

/** The type of a normalised key at covered version index `vi`, or undefined when that version lacks it. */
function typeAt(key: string, vi: number): TypeAt | undefined {
  let row = typeCache.get(key)
  if (!row) {
    // A key no version has (a typo, another chart's key) gets no row: a values file may hold thousands.
    if (!keys().has(key) && !gapTable.has(key)) return undefined
    typeCache.set(key, (row = new Array<TypeAt | null | undefined>(COVERED_VERSIONS.length)))
  }
  let t = row[vi]
  if (t === undefined) row[vi] = t = computeTypeAt(key, vi) ?? null
  return t ?? undefined
}
/** Normalised key → type per covered version (null: absent there); the schema's keys are finite. */
const typeCache = new Map<string, (TypeAt | null | undefined)[]>()

function computeTypeAt(key: string, vi: number): TypeAt | undefined {
  const changes = keys().get(key)
  if (changes) {
    let state = ''
    for (let i = 0; i < changes.length && (changes[i] as number) <= vi; i += 2) state = changes[i + 1] as string
    if (!state) return undefined
    const m = /^([^<]+)(?:<(.+)>)?$/.exec(state)!
    return m[2] ? { type: m[1] as ChartType, items: m[2] as ChartType } : { type: m[1] as ChartType }
  }
  const gap = gapTable.get(key)
  return gap && vi >= gap.from ? { type: gap.type, gap: true } : undefined
}

/**
 * Objects the data lists by their struct fields that the templates render whole with `toYaml`: values.go types
 * every `…resources.limits`/`.requests` as gloo's ResourceAllocation (`cpu`, `memory`), but any Kubernetes resource
 * name (`ephemeral-storage`, `nvidia.com/gpu`) reaches the container as written. `resources` itself stays closed,
 * so a typo such as `resources.limit` is still caught.
 */
const RENDERED_WHOLE = /(^|\.)resources\.(limits|requests)$/

function isFree(t: TypeAt, key: string): boolean {
  if (t.type === 'any' || t.type.startsWith('k8s:') || t.type.startsWith('ext:')) return true
  if (t.type === 'object') return RENDERED_WHOLE.test(key)
  return (t.type === 'map' || t.type === 'list') && t.items !== 'object'
}

const INDEX = /^(\d+|\[\d*\])$/
/** A key as the data could list it: a YAML key `deployment.replicas` or `configMaps[]` is not a path. */
const NAME = /^[^.[\]*]+$/

type Resolved = { key: string; type: TypeAt } | { parentFree: true } | undefined

/** Walks `path` down the schema at version index `vi`: proxy names become `*`, list indexes `[]`. */
function resolve(path: readonly string[], vi: number): Resolved {
  let key = ''
  let type: TypeAt = { type: 'object' }
  for (const seg of path) {
    let next: string | undefined
    // Below a map of objects any entry name stands for `*` (gatewayProxies: the proxy name); below a list of
    // objects only an index is an element.
    if (type.type === 'map' && type.items === 'object') next = `${key}.*`
    else if (type.type === 'list' && type.items === 'object') next = INDEX.test(seg) ? `${key}[]` : undefined
    else if (NAME.test(seg)) next = key ? `${key}.${seg}` : seg
    const t = next === undefined ? undefined : typeAt(next, vi)
    // A listed child wins even below a free-form key: a k8s: type can carry gloo's own fields (mergePolicy).
    if (!t) return isFree(type, key) ? { parentFree: true } : undefined
    key = next!
    type = t
  }
  return { key, type }
}

function infoOf(r: Resolved): KeyInfo {
  if (!r) return { known: false }
  if ('parentFree' in r) return { known: false, parentFree: true }
  const info: KeyInfo = { known: true, type: r.type.type }
  if (r.type.items) info.items = r.type.items
  if (isFree(r.type, r.key)) info.free = true
  if (r.type.gap) info.gap = true
  return info
}

/**
 * What the chart of `version` knows of a values path (segments as written: a proxy's own name, list indexes as
 * `0` or `[0]`).
 */
export function keyInfo(path: readonly string[], version: Version | undefined): KeyInfo {
  return infoOf(resolve(path, coveredMinorFor(version).index))
}

/** True when the chart accepts the key: known, or below a free-form key. */
export function isAccepted(info: KeyInfo): boolean {
  return info.known || !!info.parentFree
}

/**
 * The oldest covered version whose chart accepts `path`, e.g. `1.12.59`: the first *covered* version, not the release
 * that added the key (catalog §4.3 has those).
 */
export function firstVersionWithKey(path: readonly string[]): string | undefined {
  const i = COVERED_VERSIONS.findIndex((_, vi) => isAccepted(infoOf(resolve(path, vi))))
  return i < 0 ? undefined : COVERED_VERSIONS[i]
}

/** The newest covered version whose chart accepts `path`. */
export function lastVersionWithKey(path: readonly string[]): string | undefined {
  for (let vi = NEWEST; vi >= 0; vi--) if (isAccepted(infoOf(resolve(path, vi)))) return COVERED_VERSIONS[vi]
  return undefined
}

function defaultAt(key: string, vi: number): { value: unknown } | undefined {
  const changes = defaults().get(key)
  if (!changes) return undefined
  let found: readonly [number, unknown?] | undefined
  for (const c of changes) if (c[0] <= vi) found = c
  return found && found.length > 1 ? { value: found[1] } : undefined
}

/** `value` with its objects and lists copied, so callers cannot change the schema. */
const copy = <T>(value: T): T => (value !== null && typeof value === 'object' ? structuredClone(value) : value)

/**
 * The chart's default for `path` at `version`, as values.yaml ships it: undefined when values.yaml does not set
 * it, `null` for an explicit null. An object the data describes through its children is assembled from them. A
 * custom proxy (`gatewayProxies.<name>`) gets `gatewayProxies.gatewayProxy`'s values from 1.7 on, when the templates
 * deep-merge each entry over it, and none in 1.6 (the data's `notes`); values the user puts under
 * `gatewayProxies.gatewayProxy` are the install's business, not this function's.
 */
export function chartDefault(path: readonly string[], version: Version | undefined): unknown {
  const vi = coveredMinorFor(version).index
  if (!isAccepted(infoOf(resolve(path, vi)))) return undefined
  const segs = [...path]
  if (segs[0] === 'gatewayProxies' && segs.length > 1 && segs[1] !== 'gatewayProxy') {
    if (!CHART_VERSIONS[vi][2]) return undefined
    segs[1] = 'gatewayProxy'
  }
  // The key's own default, or an ancestor's whole value (a map, list, any or k8s: key) looked into.
  for (let n = segs.length; n > 0; n--) {
    const own = defaultAt(segs.slice(0, n).join('.'), vi)
    if (!own) continue
    let value = own.value
    for (const seg of segs.slice(n)) {
      const index = /^\[?(\d+)\]?$/.exec(seg)
      if (Array.isArray(value) && index) value = value[Number(index[1])]
      else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, seg))
        value = (value as Record<string, unknown>)[seg]
      else return undefined
    }
    return copy(value)
  }
  // An object without a default of its own: its children's defaults make up its value.
  const prefix = segs.length ? `${segs.join('.')}.` : ''
  let tree: Record<string, unknown> | undefined
  for (const key of defaults().keys()) {
    if (!key.startsWith(prefix)) continue
    const own = defaultAt(key, vi)
    if (!own) continue
    tree ??= {}
    const rest = key.slice(prefix.length).split('.')
    let node = tree
    for (const seg of rest.slice(0, -1)) node = (node[seg] ??= {}) as Record<string, unknown>
    node[rest[rest.length - 1]] = copy(own.value)
  }
  return tree
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, no substring edited twice). */
export function editDistance(a: string, b: string): number {
  // No alignment needs more edits than the longer string has characters: a band that wide is the whole table.
  return distanceWithin(a, b, Math.max(a.length, b.length))
}

/** Keys this short get no edit-distance suggestions: two edits turn `tag` into almost anything. */
const MIN_FUZZY_LENGTH = 5
const MAX_DISTANCE = 2

/**
 * How near a typed key is to a chart key, both in lower case: 0 the same but for case, 1 a trailing `s` added or
 * missing, 2 + edit distance; else undefined.
 */
function nearness(a: string, b: string): number | undefined {
  if (a === b) return 0
  if (a + 's' === b || a === b + 's') return 1
  if (a.length < MIN_FUZZY_LENGTH || b.length < MIN_FUZZY_LENGTH) return undefined
  const d = distanceWithin(a, b, MAX_DISTANCE)
  return d <= MAX_DISTANCE ? 2 + d : undefined
}

/**
 * `editDistance(a, b)` when it is at most `max`, else `max + 1`. "Did you mean" compares an unknown key with every
 * key of its level, and almost none are near: only the cells of the table within `max` of its diagonal are worked
 * out (a cell further off needs more than `max` edits), in rows reused from call to call, and the walk gives up once
 * a whole row exceeds `max` (every alignment then needs more edits). `editDistance` is this with a bound no
 * alignment reaches.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  const over = max + 1
  if (rows[0].length < n + 2) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)]
  // Rows i - 2, i - 1 and i of the table; a cell outside the band holds `over` where a later row reads it.
  let [before, prev, row] = rows
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : over
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max)
    const hi = Math.min(n, i + max)
    row[0] = Math.min(i, over)
    row[lo - 1] = lo > 1 ? over : row[0]
    let least = lo > 1 ? over : row[0]
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1)
      if (d > over) d = over
      row[j] = d
      if (d < least) least = d
    }
    if (hi < n) row[hi + 1] = over
    // Every later cell comes from this row plus an edit, or from the row before plus a transposition; that row's
    // cells are at least this row's less one, so no later cell can come back to max.
    if (least > max) return over
    ;[before, prev, row] = [prev, row, before]
  }
  return Math.min(prev[n], over)
}
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * The keys the chart of covered version `vi` accepts below `parent` (a normalised key), with their lower case: the
 * candidates of a "did you mean", worked out once per level and version (a values file may hold thousands of
 * unknown keys at one level).
 */
function candidatesAt(parent: string, vi: number): readonly { key: string; lower: string }[] {
  let byVersion = candidateCache.get(parent)
  if (!byVersion) candidateCache.set(parent, (byVersion = []))
  let list = byVersion[vi]
  if (!list)
    byVersion[vi] = list = (children().get(parent) ?? [])
      .filter((key) => key !== '*' && key !== '[]' && typeAt(parent ? `${parent}.${key}` : key, vi))
      .map((key) => ({ key, lower: key.toLowerCase() }))
  return list
}
const candidateCache = new Map<string, (readonly { key: string; lower: string }[])[]>()

/**
 * "Did you mean": for the first segment of `path` that the chart of `version` does not accept, the nearest of the
 * keys it does accept at that level. Undefined when the path is accepted, nothing is near, or two keys are equally
 * near.
 */
export function suggestKey(path: readonly string[], version: Version | undefined): KeySuggestion | undefined {
  return suggestKeyAt(path, coveredMinorFor(version).index)
}

/**
 * `suggestKey` for the covered version of index `vi` (a rule asking for each version it checks). `ranks`, shared by
 * the calls for one path, remembers how near each typed key is to each chart key (by their lower case; -1: not
 * near): the versions' keys at a level are mostly the same, and a file of unknown version asks all seventeen.
 */
export function suggestKeyAt(path: readonly string[], vi: number, ranks?: Map<string, Map<string, number>>): KeySuggestion | undefined {
  let index = 0
  while (index < path.length && isAccepted(infoOf(resolve(path.slice(0, index + 1), vi)))) index++
  if (index === path.length) return undefined
  const parent = index === 0 ? { key: '', type: { type: 'object' as const } } : resolve(path.slice(0, index), vi)
  if (!parent || 'parentFree' in parent) return undefined
  let best: { key: string; rank: number } | undefined
  let tie = false
  const typed = path[index].toLowerCase()
  let known = ranks?.get(typed)
  if (ranks && !known) ranks.set(typed, (known = new Map()))
  for (const { key, lower } of candidatesAt(parent.key, vi)) {
    // More edits than allowed are needed when the lengths differ by more (nearness would say undefined).
    if (Math.abs(lower.length - typed.length) > MAX_DISTANCE) continue
    let rank = known?.get(lower)
    if (rank === undefined) {
      rank = nearness(typed, lower) ?? -1
      known?.set(lower, rank)
    }
    if (rank < 0) continue
    if (!best || rank < best.rank) {
      best = { key, rank }
      tie = false
    } else if (rank === best.rank) tie = true
  }
  if (!best || tie) return undefined
  const fixed = [...path]
  fixed[index] = best.key
  return { index, key: best.key, path: fixed }
}
