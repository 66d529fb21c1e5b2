/**
 * The Gloo install as the rules see it: chart values with layered lookup and chart defaults, gateway
 * proxies in values and in rendered output, Istio integration, and fixes aimed at the right layer.
 */
import type { TextEdit } from '../model/finding.js'
import { appendTopLevel, replaceScalar, setPath, type YamlValue } from '../yaml/edits.js'
import type { KubeObject, ValuesInput, ValuesLayer } from '../forms/manifests.js'
import { asNumber, asString, deepestExisting, deref, findPair, getNode, isFalse, isTrue, keyOf, mapEntries, scalarValue, seqItems, str } from '../yaml/query.js'
import type { MapNode, Pair, YamlNode } from '../yaml/tree.js'
import { memo, memoKind, newMap, type Memo } from '../model/memo.js'
import { chartKeyOrder } from './key-order.js'
import { hasSince, isBefore, parseVersion, type Version } from './version.js'

export interface Found {
  node: YamlNode
  /** The key pair holding the node (for removal or reporting on the key). */
  pair?: Pair
  layer: ValuesLayer
  /** The key is set to `null` in the deciding layer: Helm deletes it (and the chart default with it). */
  deleted?: boolean
}

const isNullScalar = (n: YamlNode): boolean => n.kind === 'scalar' && n.style === 'plain' && !n.tag && (n.empty || ['~', 'null', 'Null', 'NULL'].includes(n.value))

/** Where a walk stopped in a layer: at a map to go on from, at nothing (the layer does not set the key), or blocked. */
const BLOCKED = 'blocked'
type Start = YamlNode | null | typeof BLOCKED

/**
 * The value at `path[from..to)` of each layer (`to`: the path's end), merged as Helm coalesces values: the highest
 * layer that sets the key wins; a map merges key by key with lower layers; a scalar or list on the way replaces what
 * lower layers have below it; a `null` deletes the key (it is returned, as the deciding node, with `deleted`). Each
 * layer's walk starts at `starts[i]` (what the walk of `path[0..from)` reached in layer i: a node, null for a layer
 * without it (or past the end of `starts`), or BLOCKED: a scalar on the way there decides). The result is made as a
 * proxy's own value (`inherited: false`): proxyValue hands it on as it is.
 */
function coalescedFrom(layers: readonly ValuesLayer[], starts: readonly Start[], path: readonly string[], from: number, to = path.length): ProxyFound | null {
  for (let l = 0; l < layers.length; l++) {
    const s = l < starts.length ? starts[l] : null
    if (s === BLOCKED) return null
    let node: YamlNode | null = s
    let pair: Pair | undefined
    let blocked = false
    for (let i = from; i < to && node; i++) {
      pair = findPair(node, path[i])
      node = pair ? deref(pair.value) : null
      if (node && i < to - 1 && node.kind !== 'map') {
        // A scalar (or null) on the way replaces, or deletes, everything lower layers have below it.
        blocked = true
        break
      }
    }
    if (blocked) return null
    if (node) return isNullScalar(node) ? { node, pair, layer: layers[l], deleted: true, inherited: false } : { node, pair, layer: layers[l], inherited: false }
  }
  return null
}

/**
 * Per effective values, where lookups start in each layer: the values root (globals), the chart's OSS root
 * (`layer.ossPath`), and per proxy `gatewayProxies.<proxy>`, as a walk on to a key below it finds it. Rules look up
 * many keys of every proxy: the first steps are walked once.
 */
interface LayerStarts {
  root: Start[]
  oss: Start[]
  proxies: Map<string, Start[]>
}
const layerStarts = memoKind<LayerStarts>('layer starts')

const makeStarts = (v: ValuesInput): LayerStarts => ({
  root: v.layers.map((l) => l.root),
  oss: v.layers.map((l) => getNode(l.root, l.ossPath)),
  proxies: new Map()
})

const startsOf = (v: ValuesInput): LayerStarts => memo(v, layerStarts, makeStarts)

function proxyStart(v: ValuesInput, proxy: string): readonly Start[] {
  const all = startsOf(v)
  let starts = all.proxies.get(proxy)
  if (!starts) {
    starts = []
    for (const root of all.oss) {
      let node: YamlNode | null = root as YamlNode | null
      for (const key of ['gatewayProxies', proxy]) {
        const pair = node ? findPair(node, key) : undefined
        node = pair ? deref(pair.value) : null
        if (node && node.kind !== 'map') break
      }
      // A non-map on the way stops a walk to any key below it, in this layer and the lower ones (coalesced).
      if (node && node.kind !== 'map') {
        starts.push(BLOCKED)
        break
      }
      starts.push(node)
    }
    all.proxies.set(proxy, starts)
  }
  return starts
}

/** The value at an OSS key path, as the layers merge (a key below a proxy starts from its remembered place). */
function lookup(v: ValuesInput, path: readonly string[]): Found | null {
  if (path.length > 2 && path[0] === 'gatewayProxies') return coalescedFrom(v.layers, proxyStart(v, path[1]), path, 2)
  return coalescedFrom(v.layers, startsOf(v).oss, path, 0)
}

/**
 * `getValueOrNull(v, ['gatewayProxies', proxy, ...path.slice(0, length)])` without making that array (rules ask for
 * proxies' keys often): a proxy's own value, not inherited.
 */
export function proxyLookup(v: ValuesInput, proxy: string, path: readonly string[], length = path.length): Found | null {
  return length ? coalescedFrom(v.layers, proxyStart(v, proxy), path, 0, length) : lookup(v, ['gatewayProxies', proxy])
}

/** The value at an OSS chart key path (`['gateway','validation','enabled']`), as the layers merge. */
export function getValue(v: ValuesInput, path: readonly string[]): Found | null {
  const found = lookup(v, path)
  return found && !found.deleted ? found : null
}

/** Like getValue, but a key deleted by a `null` is returned too (with `deleted`): the null decides. */
export function getValueOrNull(v: ValuesInput, path: readonly string[]): Found | null {
  return lookup(v, path)
}

/** The value at a `global.*` path (global stays at the values root, even in gloo-ee). */
export function getGlobal(v: ValuesInput, path: readonly string[]): Found | null {
  // Rules ask for the same globals for every proxy of an install: each is looked up once, found again segment by
  // segment (no key string made per call).
  let at = perValues(globals, v, newGlobal)
  for (const seg of path) {
    const below = (at.below ??= new Map())
    let next = below.get(seg)
    if (!next) below.set(seg, (next = {}))
    at = next
  }
  if (at.found === undefined) {
    // Helm's globals sit at the root of the values, whatever the prefix of the chart's own keys.
    const found = coalescedFrom(v.layers, startsOf(v).root, ['global', ...path], 0)
    at.found = found && !found.deleted ? found : null
  }
  return at.found
}
/** The globals looked up, by path: a segment's entry holds its value once looked up, and the entries below it. */
interface GlobalEntry {
  found?: Found | null
  below?: Map<string, GlobalEntry>
}
const globals = memoKind<GlobalEntry>('globals')
const newGlobal = (): GlobalEntry => ({})

/**
 * What an install's rules all ask of its effective values, worked out once per values (they do not change while
 * the rules run; a rule that makes other values, such as `globalValues`, gets its own). Kept on the values
 * (`memo`): they die together.
 */
export function perValues<T>(kind: Memo<T>, v: ValuesInput, make: (v: ValuesInput) => T): T {
  return memo(v, kind, make)
}

/** The same per values and proxy (an install's proxies are worked out once: `valuesProxies`). */
export function perProxy<T>(kind: Memo<Map<ValuesProxy, T>>, v: ValuesInput, proxy: ValuesProxy, make: (v: ValuesInput, proxy: ValuesProxy) => T): T {
  const byProxy = memo(v, kind, newMap<ValuesProxy, T>)
  if (byProxy.has(proxy)) return byProxy.get(proxy)!
  const out = make(v, proxy)
  byProxy.set(proxy, out)
  return out
}

/** The layer new keys go into: the highest-precedence layer that is a file's map (not built from parameters). */
export function writableLayer(v: ValuesInput): ValuesLayer | undefined {
  if (v.fixTarget) {
    const t = v.layers.find((l) => l.file.path === v.fixTarget && !l.synthetic)
    if (t) return t
  }
  return v.layers.find((l) => !l.synthetic)
}

/**
 * The node a finding about `path` points at: the value when present (or the `null` that deleted it), otherwise
 * the nearest existing ancestor in the layer a fix would write to (or the start of that layer, or the
 * descriptor when there is no writable layer).
 */
export function locate(v: ValuesInput, path: readonly string[]): YamlNode {
  const found = getValueOrNull(v, path)
  if (found) return found.node
  const layer = writableLayer(v)
  if (layer) {
    const d = deepestExisting(layer.root, [...layer.ossPath, ...path])
    if (d.depth > 0 && d.pair) return d.pair.key
    return keyNodeOf(layer.root) ?? layer.root
  }
  return v.anchor.kind === 'map' ? keyNodeOf(v.anchor) ?? v.anchor : v.anchor
}

/** For a map that is a pair's value, the pair's key (nicer to point at than a whole map). */
function keyNodeOf(node: MapNode): YamlNode | null {
  const p = node.parent
  if (p && p.kind === 'map') {
    const pair = p.pairs.find((x) => x.value === node)
    if (pair) return pair.key
  }
  return null
}

/** The node an insertion at `path` would land in (to know whether new text goes into a flow collection). */
export function insertionSite(v: ValuesInput, path: readonly string[]): YamlNode | null {
  const found = getValue(v, path)
  if (found) return found.node
  const layer = writableLayer(v)
  return layer ? deepestExisting(layer.root, [...layer.ossPath, ...path]).node : null
}

/** Truthy as a Helm template `if` reads it: not absent, null, false, 0, "" or an empty map or list. */
export function helmTruthy(found: Found | null | undefined): boolean {
  const n = deref(found?.node)
  if (!n) return false
  if (n.kind === 'map') return mapEntries(n).length > 0
  if (n.kind === 'seq') return seqItems(n).length > 0
  const value = scalarValue(n)
  // `--set` parameters hold strings: `readConfig=false` is the boolean there.
  if (found?.layer.synthetic && value === 'false') return false
  return value !== null && value !== false && value !== 0 && value !== ''
}

/** The printable key path a user writes: `gloo.gateway.validation.enabled` in an enterprise file. */
export function keyPath(v: ValuesInput, path: readonly string[]): string {
  return v.prefix + path.join('.')
}

/**
 * A fix setting an OSS chart key path to `value`: replaces the value where it is set (the deciding layer), or
 * inserts the missing path into the layer fixes write to (`locate` points there). Null when no safe edit
 * exists (no writable layer: `--fix` creates no file). A new key goes where the chart's values.yaml would have it
 * when the map it joins already follows that order (`chartKeyOrder`), else at the map's end.
 */
export function setValueFix(v: ValuesInput, path: readonly string[], value: YamlValue): TextEdit[] | null {
  const found = getValueOrNull(v, path)
  if (found) {
    if (found.layer.synthetic) {
      if (found.node.kind !== 'scalar' || typeof value !== 'string') return null
      // Parameters hold strings: keep them quoted.
      const text = /^".*"$/.test(value) ? value : JSON.stringify(value)
      // replaceScalar: an empty `value:` needs a space after its colon.
      return [replaceScalar(found.node, text)]
    }
    return setPath(found.layer.file.edit, found.layer.root, [...found.layer.ossPath, ...path], value, chartKeyOrder())
  }
  const layer = writableLayer(v)
  if (!layer) {
    // A wrapper without inline values gets them in its own file: `spec.values`, `helm.valuesObject`.
    const ossPath = v.chart === 'gloo-ee' ? ['gloo'] : []
    const src = v.wrapper?.file.edit
    if (v.wrapper?.kind === 'HelmRelease') return setPath(src!, getNode(v.wrapper.root, ['spec']), ['values', ...ossPath, ...path], value, chartKeyOrder(1))
    if (v.wrapper?.kind === 'Application' && v.anchor.kind === 'map') {
      // The anchor is `source.helm` when it exists, else the `source` itself (then `helm:` is created too).
      const home = findPair(v.anchor, 'chart') || findPair(v.anchor, 'path') ? ['helm', 'valuesObject'] : ['valuesObject']
      return setPath(src!, v.anchor, [...home, ...ossPath, ...path], value, chartKeyOrder(home.length))
    }
    return null
  }
  if (layer.appendAt) return [appendTopLevel(layer.file.edit, [...layer.ossPath, ...path], value, layer.appendAt)]
  if (layer.emptyFile) return [appendTopLevel(layer.file.edit, [...layer.ossPath, ...path], value)]
  return setPath(layer.file.edit, layer.root, [...layer.ossPath, ...path], value, chartKeyOrder())
}

/**
 * Sets an install's chart version from the first source that has one (catalog section 1.4): the config install's
 * `version`, the `gloo-version` option, the descriptor's, then the image tags of the effective values.
 */
export function settleVersion(v: ValuesInput, glooVersion: string | undefined, planned: { raw: string; source: string } | undefined): void {
  const all: [string, string | undefined][] = []
  if (planned && planned.source.startsWith('the config')) all.push([planned.source, planned.raw])
  all.push(['the gloo-version option', glooVersion])
  if (planned && !planned.source.startsWith('the config')) all.push([planned.source, planned.raw])
  if (v.declaredVersion) all.push([v.declaredVersion.source, v.declaredVersion.raw])
  const tag = (path: string[], global = false): string | undefined => {
    const found = global ? getGlobal(v, path) : getValue(v, path)
    return found ? asString(found.node) : undefined
  }
  all.push(['the image tag', tag(['gatewayProxies', 'gatewayProxy', 'podTemplate', 'image', 'tag'])])
  all.push(['the image tag', tag(['gloo', 'deployment', 'image', 'tag'])])
  all.push(['the image tag', tag(['image', 'tag'], true)])
  for (const [source, raw] of all) {
    const parsed = parseVersion(raw)
    if (parsed) {
      v.chartVersion = parsed
      v.versionSource = source
      return
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Gateway proxies in values

export interface ValuesProxy {
  /** The values key: `gatewayProxy`, `publicGw` … */
  key: string
  /** Kebab-case name of the rendered Deployment: `gateway-proxy`, `public-gw`. */
  name: string
  isDefault: boolean
  /** Since chart 1.7.0 a custom proxy inherits `gatewayProxies.gatewayProxy`'s values. */
  inherits: boolean
}

/**
 * A proxy's name from its values key, as sprig `kebabcase` makes it (1.22.1 T7:40; catalog section 1.3): a word
 * starts at each upper-case letter after a lower-case one or a digit, and before the last capital of an acronym
 * followed by a lower-case letter; `_` separates words. `GWProxy` → `gw-proxy`, `publicGw` → `public-gw`.
 */
export const kebab = (key: string): string => {
  // A camelCase key (ASCII letters, digits, `.` and `-`, no two capitals in a row) in one pass: a dash before each
  // capital that follows a lower-case letter or a digit. Every proxy of an install asks, once.
  let out = ''
  let prev = 0
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    const upper = c >= 65 && c <= 90
    if (upper) {
      if (prev >= 65 && prev <= 90) return kebabOf(key)
      out += (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) ? `-${String.fromCharCode(c + 32)}` : String.fromCharCode(c + 32)
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46) out += key[i]
    else return kebabOf(key)
    prev = c
  }
  return out
}

/** sprig `kebabcase` as written (acronyms, `_`, blanks, other characters). */
export const kebabOf = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase()

/** Per effective values (an install's rules all ask): its proxies, worked out once. */
const proxiesOf = memoKind<ValuesProxy[]>('proxies')

/** Every enabled gateway proxy of the values (the default proxy exists even when not written). */
export function valuesProxies(v: ValuesInput): ValuesProxy[] {
  return perValues(proxiesOf, v, computeValuesProxies)
}

function computeValuesProxies(v: ValuesInput): ValuesProxy[] {
  const keys = new Set<string>(['gatewayProxy'])
  for (const layer of v.layers) for (const p of mapEntries(getNode(layer.root, [...layer.ossPath, 'gatewayProxies']))) keys.add(keyOf(p))
  const out: ValuesProxy[] = []
  // Custom proxies are merged over gatewayProxy from 1.7.0-beta21 (catalog 4.2).
  const newInheritance = !isBefore(v.chartVersion, '1.7.0-beta21')
  for (const key of keys) {
    const isDefault = key === 'gatewayProxy'
    const proxy: ValuesProxy = { key, name: kebab(key), isDefault, inherits: !isDefault && newInheritance }
    if (isDisabled(v, proxy)) continue
    // Before 1.3.15 a zero renders `replicas: 0`: that proxy runs no pod. From 1.3.15 a zero is dropped (one pod).
    if (isBefore(v.chartVersion, '1.3.15') && asNumber(proxyValue(v, proxy, ['kind', 'deployment', 'replicas'])?.node) === 0) continue
    out.push(proxy)
  }
  return out
}

/**
 * `disabled: true` turns a proxy's workload off from 1.4.7/1.5.0-beta13 (catalog 4.2); `gatewayProxy.disabled` is
 * inherited, and from 1.7.0-beta21 until 1.7.1/1.8.0-beta3 (`merge`) a custom `false` cannot override it.
 */
function isDisabled(v: ValuesInput, proxy: ValuesProxy): boolean {
  if (!hasSince(v.chartVersion, '1.4.7/1.5.0-beta13')) return false
  if (isTrue(proxyValue(v, proxy, ['disabled'])?.node)) return true
  return proxy.inherits && !hasSince(v.chartVersion, '1.7.1/1.8.0-beta3') && isTrue(getValue(v, ['gatewayProxies', 'gatewayProxy', 'disabled'])?.node)
}

/** The proxies the chart renders: none when `gateway.enabled: false` (the proxy templates are skipped). */
export function renderedValuesProxies(v: ValuesInput): ValuesProxy[] {
  // Every proxy rule asks first: worked out once per values.
  return perValues(renderedOf, v, computeRendered)
}
const renderedOf = memoKind<ValuesProxy[]>('rendered proxies')
const computeRendered = (v: ValuesInput): ValuesProxy[] => (isFalse(getValue(v, ['gateway', 'enabled'])?.node) ? [] : valuesProxies(v))

export interface ProxyFound extends Found {
  /** True when the value comes from `gatewayProxies.gatewayProxy` by inheritance. */
  inherited: boolean
}

/** A proxy's value at `path` under `gatewayProxies.<key>`, with inheritance from the default proxy. */
export function proxyValue(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): ProxyFound | null {
  const own = proxyLookup(v, proxy.key, path)
  if (own && !own.deleted) return withInherited(own, false)
  if (!proxy.inherits) return null
  // A custom `null` deletes the inherited value from 1.7.1/1.8.0-beta3 (`mergeOverwrite`); 1.7.0's `merge` refills it.
  if (own?.deleted && hasSince(v.chartVersion, '1.7.1/1.8.0-beta3')) return null
  const base = proxyLookup(v, 'gatewayProxy', path)
  return base && !base.deleted ? withInherited(base, true) : null
}

/** A found value as a proxy's (built field by field: rules ask for proxies' values many times over). */
export function withInherited(found: Found, inherited: boolean): ProxyFound {
  if ((found as Partial<ProxyFound>).inherited === inherited) return found as ProxyFound
  const out: ProxyFound = { node: found.node, layer: found.layer, inherited }
  if (found.pair !== undefined) out.pair = found.pair
  if (found.deleted !== undefined) out.deleted = found.deleted
  return out
}

export const proxyPath = (proxy: ValuesProxy, path: readonly string[]): string[] => ['gatewayProxies', proxy.key, ...path]

/** Istio integration in values (exempts proxy-token-automount). */
export function valuesIstio(v: ValuesInput): string | undefined {
  if (isTrue(getGlobal(v, ['istioSDS', 'enabled'])?.node)) return 'global.istioSDS.enabled is true'
  if (isTrue(getGlobal(v, ['istioIntegration', 'enabled'])?.node)) return 'global.istioIntegration.enabled is true'
  if (isTrue(getGlobal(v, ['istioIntegration', 'enableIstioSidecarOnGateway'])?.node))
    return 'global.istioIntegration.enableIstioSidecarOnGateway is true'
  return undefined
}

// ---------------------------------------------------------------------------------------------------------
// Gateway proxies in rendered output

const NOT_PROXY = new Set(['kube-gateway', 'ingress-proxy', 'clusteringress-proxy', 'knative-external-proxy', 'knative-internal-proxy', 'gloo', 'discovery', 'gateway'])
const ENVOY_IMAGE = /gloo[^/]*-envoy-wrapper|\/gloo-ee-envoy-wrapper|gloo-envoy-wrapper/

export interface RenderedProxy {
  obj: KubeObject
  name: string
  daemonSet: boolean
  /** `spec.template.spec` */
  podSpec: MapNode | null
  /** The Envoy container. */
  container: MapNode | null
  containers: MapNode[]
}

function podSpecOf(obj: KubeObject): MapNode | null {
  const n = getNode(obj.root, ['spec', 'template', 'spec'])
  return n && n.kind === 'map' ? n : null
}

/** The rendered proxy when `obj` is a gateway-proxy Deployment or DaemonSet, else null. */
export function renderedProxy(obj: KubeObject): RenderedProxy | null {
  if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet') return null
  const podSpec = podSpecOf(obj)
  const containers = seqItems(getNode(podSpec, ['containers'])).filter((c): c is MapNode => c.kind === 'map')
  const tplLabels = mapEntries(getNode(obj.root, ['spec', 'template', 'metadata', 'labels']))
  const label = obj.labels['gloo'] ?? asString(tplLabels.find((p) => keyOf(p) === 'gloo')?.value)
  if (label && NOT_PROXY.has(label)) return null
  const byLabel = label === 'gateway-proxy' || 'gateway-proxy-id' in obj.labels || tplLabels.some((p) => keyOf(p) === 'gateway-proxy-id')
  const byImage = containers.some((c) => ENVOY_IMAGE.test(str(c, ['image']) ?? ''))
  if (!byLabel && !byImage) return null
  const container =
    containers.find((c) => ENVOY_IMAGE.test(str(c, ['image']) ?? '')) ??
    containers.find((c) => str(c, ['name']) === obj.name) ??
    containers.find((c) => !['istio-proxy', 'sds'].includes(str(c, ['name']) ?? '')) ??
    null
  return { obj, name: obj.name, daemonSet: obj.kind === 'DaemonSet', podSpec, container, containers }
}

/**
 * What the rules of other files need to know of a rendered proxy (HPAs, PDBs and ServiceAccounts are checked
 * against it): plain facts, so the project does not keep the proxy's tree.
 */
export interface ProxyFact {
  name: string
  namespace?: string
  daemonSet: boolean
  /** `spec.replicas` (Kubernetes default 1). */
  replicas: number
  /** Pod template labels. */
  labels: Map<string, string>
  /** `serviceAccountName`, else `serviceAccount`, else `default`. */
  serviceAccount: string
  /** The pod sets `automountServiceAccountToken: false`. */
  podAutomountOff: boolean
  /** Why the pod integrates with Istio (renderedIstio), if it does. */
  istio?: string
}

export function proxyFact(p: RenderedProxy): ProxyFact {
  const labels = new Map<string, string>()
  for (const pair of mapEntries(getNode(p.obj.root, ['spec', 'template', 'metadata', 'labels']))) labels.set(keyOf(pair), asString(pair.value) ?? '')
  const fact: ProxyFact = {
    name: p.name,
    daemonSet: p.daemonSet,
    replicas: renderedReplicas(p),
    labels,
    serviceAccount: proxyServiceAccount(p),
    podAutomountOff: isFalse(getNode(p.podSpec, ['automountServiceAccountToken']))
  }
  if (p.obj.namespace !== undefined) fact.namespace = p.obj.namespace
  const istio = renderedIstio(p)
  if (istio !== undefined) fact.istio = istio
  return fact
}

/** `spec.replicas` of a rendered Deployment (Kubernetes default 1). */
export const renderedReplicas = (p: RenderedProxy): number => asNumber(getNode(p.obj.root, ['spec', 'replicas'])) ?? 1

/** The ServiceAccount a rendered proxy's pods run as: `serviceAccountName`, else `serviceAccount`, else `default`. */
export const proxyServiceAccount = (p: RenderedProxy): string => str(p.podSpec, ['serviceAccountName']) ?? str(p.podSpec, ['serviceAccount']) ?? 'default'

const ENVOY_IMAGE_TAG = /gloo[^/]*-envoy-wrapper[^:@]*:([^@\s]+)/

/** The chart version of a rendered proxy, from its envoy-wrapper image tag (catalog 1.4); undefined when unknown. */
export function imageVersion(container: MapNode | null): Version | undefined {
  const m = ENVOY_IMAGE_TAG.exec(str(container, ['image']) ?? '')
  return m ? parseVersion(m[1].replace(/^v/, '')) : undefined
}

/** Istio integration in a rendered proxy: an istio-proxy container, ISTIO_MTLS_SDS_ENABLED, an istio-token volume. */
export function renderedIstio(p: RenderedProxy): string | undefined {
  for (const c of p.containers) {
    if (str(c, ['name']) === 'istio-proxy') return 'the pod runs an istio-proxy container'
    for (const env of seqItems(getNode(c, ['env'])))
      if (str(env, ['name']) === 'ISTIO_MTLS_SDS_ENABLED' && String(scalarValue(getNode(env, ['value']))) === 'true')
        return 'ISTIO_MTLS_SDS_ENABLED is "true"'
  }
  for (const vol of seqItems(getNode(p.podSpec, ['volumes']))) if (str(vol, ['name']) === 'istio-token') return 'the pod mounts an istio-token volume'
  return undefined
}
