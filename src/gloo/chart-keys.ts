/**
 * Every key of an install's values layers judged against the chart's key schema by version (docs/chart-schema.md),
 * with the keys the templates read that the schema lacks, and the catalog's known misplacements: the one walk that
 * values-unknown-key and values-key-unsupported-version both read.
 */
import type { ValuesInput, ValuesLayer } from '../forms/manifests.js'
import { memo, memoKind, newMap } from '../model/memo.js'
import { getNode, keyOf, mapEntries } from '../yaml/query.js'
import type { MapNode, Pair, YamlNode } from '../yaml/tree.js'
import { COVERED_VERSIONS, coveredMinorFor, isAccepted, keyInfo } from './chart.js'
import type { Chart } from './evidence.js'
import { parseVersion, type Version } from './version.js'

/** A misplaced OSS key and its real place; `*` is any proxy (the same one in `to`), `<proxy>` the proxy to pick. */
export interface Misplacement {
  from: readonly string[]
  to: readonly string[]
}

export const ANY = '*'
export const PICK = '<proxy>'

// The catalog's "known in the wild" list (section 2, Hygiene).
export const KNOWN: readonly Misplacement[] = [
  { from: ['gatewayProxies', ANY, 'deployment', 'replicas'], to: ['gatewayProxies', ANY, 'kind', 'deployment', 'replicas'] },
  { from: ['gatewayProxies', ANY, 'gracefulShutdown'], to: ['gatewayProxies', ANY, 'podTemplate', 'gracefulShutdown'] },
  { from: ['gatewayProxies', ANY, 'terminationGracePeriodSeconds'], to: ['gatewayProxies', ANY, 'podTemplate', 'terminationGracePeriodSeconds'] },
  { from: ['gatewayProxies', ANY, 'disableGeneratedGateways'], to: ['gatewayProxies', ANY, 'gatewaySettings', 'disableGeneratedGateways'] },
  { from: ['gatewayProxies', ANY, 'logLevel'], to: ['gatewayProxies', ANY, 'envoyLogLevel'] },
  { from: ['settings', 'disableTransformationValidation'], to: ['gateway', 'validation', 'disableTransformationValidation'] },
  { from: ['settings', 'accessLoggingService'], to: ['gatewayProxies', PICK, 'gatewaySettings', 'accessLoggingService'] },
  { from: ['settings', 'gloo', 'disableKubernetesDestinations'], to: ['settings', 'disableKubernetesDestinations'] }
]

// ---------------------------------------------------------------------------------------------------------
// Every key against the chart data (docs/chart-schema.md)

/** The covered chart versions as versions, oldest first: `keyInfo(path, COVERED[i])` answers with data version i. */
export const COVERED: readonly Version[] = COVERED_VERSIONS.map((v) => parseVersion(v)!)
const ALL: readonly number[] = COVERED.map((_, i) => i)

/** What the chart data says of one key of a layer. */
export interface KeyVerdict {
  /**
   * `unknown`: no covered version whose chart reads the key's parent reads the key. `otherVersion`: the detected
   * version does not read it, other covered versions do. `watched`: the detected version reads it and the caller's
   * `watch` asked for it.
   */
  kind: 'unknown' | 'otherVersion' | 'watched'
  layer: ValuesLayer
  /** The pair whose key is the segment judged (for a `--set` name, the parameter: its key spans the whole item). */
  pair: Pair
  /** The map holding `pair` (a rename must not collide with a sibling). */
  map: MapNode
  /** The chart path as `keyInfo` takes it, up to the judged segment: proxy names as written, list indexes as digits. */
  path: string[]
  /** The path as the user writes it, with the install's prefix: `gloo.gatewayProxies.publicGw.podTemplate.probes`. */
  key: string
  /** The covered version indexes the key was checked against: the detected one, or all when it is unknown. */
  checked: readonly number[]
  /** True when `checked` is the install's own set (not the versions of an ancestor only other versions read). */
  own: boolean
  /** `otherVersion`: the covered version indexes whose chart reads the key. */
  readBy?: readonly number[]
  /** The YAML key is exactly the judged segment (not one part of a `--set` name such as `extraContainers[0]`). */
  whole: boolean
}

/**
 * Keys the templates read although the chart data lacks them, beyond chart.ts TEMPLATE_ONLY_KEYS: every
 * `.Values.…`, `$spec.…`, `$global.…` and `$gatewayProxy.…` path of install/helm/gloo/templates at each covered tag
 * that `keyInfo` rejects there (template comments left out). `from`/`until` are the covered minors whose templates
 * read the key; the key and anything below it count as accepted there, and so do its ancestors.
 */
const TEMPLATE_READ: readonly { path: string; from: string; until?: string; chart?: Chart }[] = [
  // 1-gloo-deployment.yaml env GLOO_LICENSE_KEY (1.22.1 T1:212); gloo-ee ships `gloo.license_secret_name: license`.
  { path: 'license_secret_name', from: '1.10' },
  // values.go types the proxy's `logLevel` until 1.13, but the template reads `envoyLogLevel` (1.13.39 T7:168).
  { path: 'gatewayProxies.*.envoyLogLevel', from: '1.7' },
  { path: 'accessLogger.floatingUserId', from: '1.6' },
  { path: 'gateway.upgrade', from: '1.6' },
  { path: 'gateway.service.kubeResourceOverride', from: '1.8', until: '1.11' },
  { path: 'ingressProxy.deployment.stats', from: '1.6' },
  { path: 'settings.integrations.knative.proxy.stats', from: '1.6' },
  // Read by the 1.8 and 1.9 templates; the structs have them from 1.10.
  { path: 'accessLogger.deployment.kubeResourceOverride', from: '1.8' },
  { path: 'accessLogger.extraAccessLoggerAnnotations', from: '1.8' },
  { path: 'discovery.deployment.extraDiscoveryAnnotations', from: '1.8' },
  { path: 'gateway.deployment.extraGatewayAnnotations', from: '1.8', until: '1.9' },
  { path: 'gloo.deployment.extraGlooAnnotations', from: '1.8' },
  { path: 'ingress.deployment.extraIngressAnnotations', from: '1.8' },
  { path: 'settings.integrations.knative.extraKnativeExternalAnnotations', from: '1.8' },
  { path: 'settings.integrations.knative.extraKnativeInternalAnnotations', from: '1.8' },
  { path: 'settings.integrations.knative.proxy.deployment.kubeResourceOverride', from: '1.8' },
  { path: 'settings.integrations.knative.proxy.extraClusterIngressProxyAnnotations', from: '1.8' },
  // gloo-ee's own keys under `gloo.` (gloo-ee 1.17.0, stevenctl/service-mesh-for-less-blog@ed1a694:gloo-ee): its
  // templates read `.Values.gloo.license_secret_name` and `.Values.gloo.deployment.xdsPort` (_helpers.tpl:55, 134),
  // and its values.yaml ships a `gloo.redis` block no template reads (the Redis templates read root `redis`):
  // like its dead root `settings` (catalog, values-unknown-key row), a shipped default is not reported.
  { path: 'license_secret_name', from: '1.6', chart: 'gloo-ee' },
  { path: 'deployment.xdsPort', from: '1.6', chart: 'gloo-ee' },
  { path: 'redis', from: '1.6', chart: 'gloo-ee' }
]

const minorIndex = (minor: string): number => coveredMinorFor(parseVersion(minor)).index
const TEMPLATE_READ_AT = TEMPLATE_READ.map((g) => ({
  segs: g.path.split('.'),
  from: minorIndex(g.from),
  until: g.until ? minorIndex(g.until) : COVERED.length - 1,
  chart: g.chart
}))

/** `free`: `path` is a TEMPLATE_READ key read at `vi`, or below one; `ancestor`: one lies below `path`. */
function templateRead(path: readonly string[], vi: number, chart: Chart): 'free' | 'ancestor' | undefined {
  let found: 'ancestor' | undefined
  for (const g of TEMPLATE_READ_AT) {
    if (vi < g.from || vi > g.until || (g.chart && g.chart !== chart)) continue
    const n = Math.min(path.length, g.segs.length)
    let same = true
    for (let i = 0; i < n && same; i++) same = g.segs[i] === '*' ? path[0] === 'gatewayProxies' && i === 1 : g.segs[i] === path[i]
    if (!same) continue
    if (path.length >= g.segs.length) return 'free'
    found = 'ancestor'
  }
  return found
}

/**
 * Per path, chart and covered version: whether the chart reads the key (bit 0) and whether it lies below a
 * free-form value (bit 1). Values files repeat the same paths (every proxy, every install): each is resolved once.
 */
interface Verdicts {
  /** Per covered version: COMPUTED once known, then READ (the chart reads the key) and FREE (below a free-form value). */
  bits: Uint8Array
  /** The key's path and chart, to work a version's verdict out when first asked (most runs ask for one version). */
  path: readonly string[]
  chart: Chart
  /** The verdicts of the keys below, by segment (a proxy's own name as `*`). */
  below: Map<string, Verdicts>
}

const READ = 1
const FREE = 2
const COMPUTED = 4

/** One tree of verdicts per chart, walked as the values are: a key costs one map lookup once seen. */
const verdictTrees = new Map<Chart, Verdicts>()
let verdictCount = 0
const VERDICT_CACHE_MAX = 200_000

/** The verdict bits of a key at covered version `vi`, worked out on first use. */
function verdictAt(at: Verdicts, vi: number): number {
  let b = at.bits[vi]
  if (!(b & COMPUTED)) {
    const info = keyInfo(at.path, COVERED[vi])
    const read = templateRead(at.path, vi, at.chart)
    b = COMPUTED
    if (isAccepted(info) || read) b |= READ
    if (read === 'free' || (!info.known && info.parentFree)) b |= FREE
    at.bits[vi] = b
  }
  return b
}

/** The verdicts of the root of `chart`'s values (the walk starts there). */
function verdictRoot(chart: Chart): Verdicts {
  if (verdictCount >= VERDICT_CACHE_MAX) {
    verdictTrees.clear()
    verdictCount = 0
  }
  let root = verdictTrees.get(chart)
  if (!root) verdictTrees.set(chart, (root = { bits: new Uint8Array(COVERED.length).fill(COMPUTED | READ), path: [], chart, below: new Map() }))
  return root
}

/** The verdicts of `path` (whose last segment is new below `parent`, the verdicts of the path without it). */
function childVerdicts(parent: Verdicts, path: readonly string[], chart: Chart): Verdicts {
  // A proxy's own name stands for any proxy, in the schema and in TEMPLATE_READ alike: one entry for them all.
  const seg = path.length === 2 && path[0] === 'gatewayProxies' ? '*' : path[path.length - 1]
  let child = parent.below.get(seg)
  if (!child) {
    parent.below.set(seg, (child = { bits: new Uint8Array(COVERED.length), path: [...path], chart, below: new Map() }))
    verdictCount++
  }
  return child
}

/**
 * The versions among `versions` whose chart reads the key: `versions` itself when all do (most keys; no copy),
 * else a new list.
 */
function readBy(at: Verdicts, versions: readonly number[]): readonly number[] {
  for (let i = 0; i < versions.length; i++)
    if (!(verdictAt(at, versions[i]) & READ)) return versions.filter((vi) => (verdictAt(at, vi) & READ) !== 0)
  return versions
}

/** A key the data accepts only because it lies below a free-form value: nothing below it is checked. */
function freeBelow(at: Verdicts, versions: readonly number[]): boolean {
  for (let i = 0; i < versions.length; i++) if (!(verdictAt(at, versions[i]) & FREE)) return false
  return true
}

/** Whether `path` is a known misplacement (`exact`), or an ancestor of one (`prefix`). */
function knownMatch(path: readonly string[]): 'exact' | 'prefix' | undefined {
  let prefix = false
  for (const m of KNOWN) {
    if (path.length > m.from.length || !path.every((s, i) => m.from[i] === ANY || m.from[i] === s)) continue
    if (path.length === m.from.length) return 'exact'
    prefix = true
  }
  return prefix ? 'prefix' : undefined
}

/** A `--set` name segment `extraContainers[0]` is the key `extraContainers` and the list index `0`. */
function segmentsOf(raw: string): { seg: string; index: boolean }[] {
  const m = /^([^[\]]+)((?:\[\d+\])+)$/.exec(raw)
  if (!m) return [{ seg: raw, index: false }]
  return [{ seg: m[1], index: false }, ...[...m[2].matchAll(/\d+/g)].map((d) => ({ seg: d[0], index: true }))]
}

/** `gatewayProxies.publicGw.podTemplate.extraContainers[0].name`, after the install's prefix (`index`: a list index). */
function printPath(v: ValuesInput, segs: readonly string[], index: readonly boolean[]): string {
  let out = v.prefix
  for (let i = 0; i < segs.length; i++) out += index[i] ? `[${segs[i]}]` : i ? `.${segs[i]}` : segs[i]
  return out
}

/** The walk of each effective values, per `watch` (both rules walk the same values). */
const walks = memoKind<Map<((path: readonly string[]) => boolean) | null, KeyVerdict[]>>('key walks')

/**
 * Judges every key of every layer under the chart's OSS root (`layer.ossPath`; for gloo-ee the `gloo.` part
 * only: the gloo-ee chart's own keys are not in the data) against the covered versions, and returns the first
 * segment of each path that the chart does not read. Keys below a free-form value (`isAccepted`), the known
 * misplacements (the rule's own messages cover them) and list items where the chart wants no list (a type
 * problem, not a key) are never returned; an alias is not followed (its anchor is judged where it stands). With
 * an unknown version every covered version counts, so nothing is `otherVersion` then. Worked out once per
 * values and `watch`.
 */
export function chartKeyVerdicts(v: ValuesInput, watch?: (path: readonly string[]) => boolean): readonly KeyVerdict[] {
  const byWatch = memo(v, walks, newMap<((path: readonly string[]) => boolean) | null, KeyVerdict[]>)
  let out = byWatch.get(watch ?? null)
  if (!out) byWatch.set(watch ?? null, (out = walkKeys(v, watch)))
  return out
}

function walkKeys(v: ValuesInput, watch: ((path: readonly string[]) => boolean) | undefined): KeyVerdict[] {
  const out: KeyVerdict[] = []
  const initial: readonly number[] = v.chartVersion ? [coveredMinorFor(v.chartVersion).index] : ALL
  // The path being walked: the strings `keyInfo` takes, and which of them are list indexes (pushed and popped).
  const segs: string[] = []
  const indexes: boolean[] = []

  /** What a verdict on the key being judged (the end of `path`) says besides its kind. */
  const found = (layer: ValuesLayer, pair: Pair, map: MapNode, whole: boolean): Omit<KeyVerdict, 'kind' | 'checked' | 'own'> => ({
    layer,
    pair,
    map,
    path: [...segs],
    key: printPath(v, segs, indexes),
    whole
  })

  // `mine`: `checked` still stands for the install's version (not for the versions of an ancestor only they read).
  const visit = (layer: ValuesLayer, node: YamlNode, at: Verdicts, checked: readonly number[], mine: boolean): void => {
    if (node.kind === 'map') {
      for (const pair of mapEntries(node)) judge(layer, node, pair, at, checked, mine)
    } else if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]
        segs.push(String(i))
        indexes.push(true)
        const below = childVerdicts(at, segs, v.chart)
        const read = readBy(below, checked)
        if (read.length && item.kind !== 'alias' && !freeBelow(below, read)) visit(layer, item, below, read, mine)
        segs.pop()
        indexes.pop()
      }
    }
  }

  const judge = (layer: ValuesLayer, map: MapNode, pair: Pair, parentVerdicts: Verdicts, checked: readonly number[], mine: boolean): void => {
    const depth = segs.length
    const raw = keyOf(pair)
    // A `--set` name may be several segments (`extraContainers[0]`); any other key is one, split without a list.
    const pieces = layer.synthetic ? segmentsOf(raw) : undefined
    const count = pieces ? pieces.length : 1
    let versions = checked
    let own = mine
    // The verdicts of the last segment judged (of `segs`).
    let at = parentVerdicts
    let descend = true
    for (let k = 0; k < count; k++) {
      segs.push(pieces ? pieces[k].seg : raw)
      indexes.push(pieces ? pieces[k].index : false)
      at = childVerdicts(at, segs, v.chart)
      const read = readBy(at, versions)
      if (read.length) {
        if (watch && own && watch(segs)) out.push({ ...found(layer, pair, map, count === 1), kind: 'watched', checked: versions, own })
        versions = read
        continue
      }
      const known = knownMatch(segs)
      if (known === 'exact') {
        descend = false
        break
      }
      if (known === 'prefix') continue
      const others = readBy(at, ALL)
      if (!others.length) {
        out.push({ ...found(layer, pair, map, count === 1), kind: 'unknown', checked: versions, own })
        descend = false
        break
      }
      // Only other versions read it (values-key-unsupported-version); below it, check against those versions.
      out.push({ ...found(layer, pair, map, count === 1), kind: 'otherVersion', checked: versions, own, readBy: others })
      versions = others
      own = false
    }
    const value = pair.value
    if (descend && value.kind !== 'alias' && (value.kind === 'map' || value.kind === 'seq') && !freeBelow(at, versions)) visit(layer, value, at, versions, own)
    // Popped, not cut by setting the length (which may trim the arrays' storage each time).
    while (segs.length > depth) {
      segs.pop()
      indexes.pop()
    }
  }

  for (const layer of v.layers) {
    const base = layer.ossPath.length ? getNode(layer.root, layer.ossPath) : layer.root
    if (base && base.kind === 'map') visit(layer, base, verdictRoot(v.chart), initial, true)
  }
  return out
}

/** "chart 1.17 (checked against 1.17.38)", or "any chart version" when the version is unknown. */
export function describeChart(version: Version | undefined): string {
  if (!version) return 'any chart version'
  return `chart ${version.major}.${version.minor} (checked against ${coveredMinorFor(version).version})`
}

