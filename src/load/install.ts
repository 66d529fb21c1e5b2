/**
 * The Gloo install as the rules see it: chart values with layered lookup and chart defaults, gateway
 * proxies in values and in rendered output, Istio integration, and fixes aimed at the right layer.
 */
import type { TextEdit } from '../model/finding.js'
import { replaceScalar, setPath, type YamlValue } from './edits.js'
import type { KubeObject, ValuesInput, ValuesLayer } from './manifests.js'
import { asNumber, asString, deepestExisting, deref, findPair, getNode, isFalse, isTrue, keyOf, mapEntries, scalarValue, seqItems, str } from './query.js'
import type { MapNode, Pair, YamlNode } from './tree.js'
import { isBefore } from './version.js'

export interface Found {
  node: YamlNode
  /** The key pair holding the node (for removal or reporting on the key). */
  pair?: Pair
  layer: ValuesLayer
}

/** The value at an OSS chart key path (`['gateway','validation','enabled']`), highest-precedence layer first. */
export function getValue(v: ValuesInput, path: readonly string[]): Found | null {
  for (const layer of v.layers) {
    const oss = getNode(layer.root, layer.ossPath)
    if (!oss) continue
    const parent = path.length > 1 ? getNode(oss, path.slice(0, -1)) : oss
    const pair = findPair(parent, path[path.length - 1])
    const node = pair ? deref(pair.value) : null
    if (node) return { node, pair, layer }
  }
  return null
}

/** The value at a `global.*` path (global stays at the values root, even in gloo-ee). */
export function getGlobal(v: ValuesInput, path: readonly string[]): Found | null {
  for (const layer of v.layers) {
    const globalRoot = layer.ossPath.length > 1 ? getNode(layer.root, layer.ossPath.slice(0, -1)) : layer.root
    const parent = getNode(globalRoot, ['global', ...path.slice(0, -1)])
    const pair = findPair(parent, path[path.length - 1])
    const node = pair ? deref(pair.value) : null
    if (node) return { node, pair, layer }
  }
  return null
}

/** The layer new keys go into: the highest-precedence layer that is not built from parameters. */
function writableLayer(v: ValuesInput): ValuesLayer | undefined {
  return v.layers.find((l) => !l.synthetic)
}

/**
 * The node a finding about `path` points at: the value when present, otherwise the nearest existing
 * ancestor key (or the values anchor when nothing of the path exists).
 */
export function locate(v: ValuesInput, path: readonly string[]): YamlNode {
  const found = getValue(v, path)
  if (found) return found.node
  let best: { node: YamlNode; depth: number } | null = null
  for (const layer of v.layers) {
    const full = [...layer.ossPath, ...path]
    const d = deepestExisting(layer.root, full)
    if (!best || d.depth > best.depth) best = { node: d.pair ? d.pair.key : layer.root, depth: d.depth }
  }
  if (best && best.depth > 0) return best.node
  const layer = writableLayer(v) ?? v.layers[0]
  if (layer) return keyNodeOf(layer.root) ?? layer.root
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

/** The printable key path a user writes: `gloo.gateway.validation.enabled` in an enterprise file. */
export function keyPath(v: ValuesInput, path: readonly string[]): string {
  return v.prefix + path.join('.')
}

/**
 * A fix setting an OSS chart key path to `value`: replaces the value where it is set (any layer), or
 * inserts the missing path into the highest-precedence writable layer (creating `spec.values` /
 * `helm.valuesObject` when a wrapper has none). Null when no safe edit exists.
 */
export function setValueFix(v: ValuesInput, path: readonly string[], value: YamlValue): TextEdit[] | null {
  const found = getValue(v, path)
  const src = v.file.edit
  if (found) {
    if (found.layer.synthetic) {
      if (found.node.kind !== 'scalar' || typeof value !== 'string') return null
      // Parameters hold strings: keep them quoted.
      const text = /^".*"$/.test(value) ? value : JSON.stringify(value)
      // replaceScalar: an empty `value:` needs a space after its colon.
      return [replaceScalar(found.node, text)]
    }
    return setPath(src, found.layer.root, [...found.layer.ossPath, ...path], value)
  }
  const layer = writableLayer(v)
  if (layer) return setPath(src, layer.root, [...layer.ossPath, ...path], value)
  const ossPath = v.chart === 'gloo-ee' ? ['gloo'] : []
  if (v.wrapper?.kind === 'HelmRelease') return setPath(src, getNode(v.wrapper.root, ['spec']), ['values', ...ossPath, ...path], value)
  if (v.wrapper?.kind === 'Application' && v.anchor.kind === 'map') {
    // The anchor is `source.helm` when it exists, else the `source` itself (then `helm:` is created too).
    const home = findPair(v.anchor, 'chart') ? ['helm', 'valuesObject'] : ['valuesObject']
    return setPath(src, v.anchor, [...home, ...ossPath, ...path], value)
  }
  return null
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

export const kebab = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()

/** Every enabled gateway proxy of the values (the default proxy exists even when not written). */
export function valuesProxies(v: ValuesInput): ValuesProxy[] {
  const keys = new Set<string>(['gatewayProxy'])
  for (const layer of v.layers) for (const p of mapEntries(getNode(layer.root, [...layer.ossPath, 'gatewayProxies']))) keys.add(keyOf(p))
  const out: ValuesProxy[] = []
  const newInheritance = !isBefore(v.chartVersion, '1.7.0')
  for (const key of keys) {
    const isDefault = key === 'gatewayProxy'
    const proxy: ValuesProxy = { key, name: kebab(key), isDefault, inherits: !isDefault && newInheritance }
    if (isTrue(proxyValue(v, proxy, ['disabled'])?.node)) continue
    if (isBefore(v.chartVersion, '1.8.0') && asNumber(proxyValue(v, proxy, ['kind', 'deployment', 'replicas'])?.node) === 0) continue
    out.push(proxy)
  }
  return out
}

export interface ProxyFound extends Found {
  /** True when the value comes from `gatewayProxies.gatewayProxy` by inheritance. */
  inherited: boolean
}

/** A proxy's value at `path` under `gatewayProxies.<key>`, with inheritance from the default proxy. */
export function proxyValue(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): ProxyFound | null {
  const own = getValue(v, ['gatewayProxies', proxy.key, ...path])
  if (own) return { ...own, inherited: false }
  if (!proxy.inherits) return null
  const base = getValue(v, ['gatewayProxies', 'gatewayProxy', ...path])
  return base ? { ...base, inherited: true } : null
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
