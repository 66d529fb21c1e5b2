/** The Envoy container's security settings as the gateway proxy rules see them: chart values with the chart's merge rules, and rendered pod specs. */
import type { TextEdit } from '../model/finding.js'
import { memoKind, newMap } from '../model/memo.js'
import { removePair, removeSeqItem, type EditSource } from '../yaml/edits.js'
import { getGlobal, getValue, helmTruthy, perProxy, perValues, proxyPath, proxyValue, type Found, type ProxyFound, type RenderedProxy, type ValuesProxy } from './values.js'
import type { KubeObject, ValuesInput } from '../forms/manifests.js'
import { perProject, type Project } from './facts.js'
import { asNumber, asString, deref, findPair, getNode, isFalse, isTrue, mapEntries, scalarValue, seqItems, str } from '../yaml/query.js'
import type { MapNode, Pair, SeqNode, YamlNode } from '../yaml/tree.js'
import { hasSince } from './version.js'

/** `gatewayProxies.<p>.podTemplate.glooContainerSecurityContext` */
export const CONTAINER_SC = ['podTemplate', 'glooContainerSecurityContext'] as const

export { renderedValuesProxies } from './values.js'

export interface CustomContext {
  /** The glooContainerSecurityContext map (own or inherited from gatewayProxy). */
  found: ProxyFound
  /**
   * `mergePolicy: helm-merge`: the values are merged into the chart's defaults with Helm's `merge`, so a
   * key the values leave out, or set to a zero value (false, 0, ""), keeps the default. Otherwise the map
   * replaces the defaults wholesale (the chart's `gloo.securityContext` helper).
   */
  merge: boolean
}

/**
 * The proxy's glooContainerSecurityContext when it takes effect: on charts that read it (≥ 1.14.0-beta11, catalog
 * 4.3; older ones render a fixed block), and non-empty (the chart's `or $values $defaults` treats an empty dict as
 * unset). `mergePolicy: helm-merge` merges only where the chart reads it (≥ 1.14.5/1.15.0-beta6); before, the map
 * replaces the defaults like any other.
 */
export function customContext(v: ValuesInput, proxy: ValuesProxy): CustomContext | null {
  // The same map as contextMap's (one lookup for the rules that ask for either), read at this chart version.
  if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) return null
  const map = contextMap(v, proxy, CONTAINER_SC)
  return map && { found: map.found, merge: mergesAt(v, map) }
}

/** A proxy's value at `path`, and the chart path where it is written (its own key or gatewayProxy's). */
export function proxySetting(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): (ProxyFound & { path: string[] }) | null {
  const found = proxyValue(v, proxy, path)
  if (!found) return null
  return { ...found, path: found.inherited ? ['gatewayProxies', 'gatewayProxy', ...path] : proxyPath(proxy, path) }
}

/**
 * A scalar as Helm reads it. Argo CD `helm.parameters` are `--set` values, where `false` and `true` are
 * booleans even though the manifest quotes them; in YAML values a quoted "false" stays a (truthy) string.
 */
export function helmValue(found: Found | null): ReturnType<typeof scalarValue> {
  if (!found) return undefined
  const value = scalarValue(found.node)
  if (found.layer.synthetic && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/**
 * The chart path a missing key under glooContainerSecurityContext goes to: the proxy's own map when it
 * has one, else the map it inherits from gatewayProxy (so the fix lands next to what it completes).
 */
export function customPath(proxy: ValuesProxy, custom: CustomContext, sub: readonly string[]): string[] {
  const base = custom.found.inherited ? ['gatewayProxies', 'gatewayProxy', ...CONTAINER_SC] : proxyPath(proxy, CONTAINER_SC)
  return [...base, ...sub]
}

/**
 * Reports each node once per message: a value a custom proxy inherits from gatewayProxy is reported (and
 * fixed) once, for the first proxy that sees it.
 */
export function reportOnce(): (node: YamlNode, messageId: string) => boolean {
  const seen = new Set<string>()
  return (node, messageId) => {
    const k = `${node.start}:${node.end}:${messageId}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  }
}

/** `NET_BIND_SERVICE`, `CAP_NET_BIND_SERVICE` and `net_bind_service` name the same capability. */
export const capabilityName = (s: string): string => s.trim().toUpperCase().replace(/^CAP_/, '')

export interface SeqItemRef {
  seq: SeqNode
  index: number
  item: YamlNode
  name: string
}

/** The items of a capabilities list (`add` or `drop`), by normalised name. */
export function capabilityItems(seq: YamlNode | null | undefined): SeqItemRef[] {
  const s = deref(seq)
  if (!s || s.kind !== 'seq') return []
  const out: SeqItemRef[] = []
  s.items.forEach((raw, index) => {
    const item = deref(raw)
    const name = asString(item)
    if (item && name !== undefined) out.push({ seq: s, index, item, name: capabilityName(name) })
  })
  return out
}

/**
 * Removes one item of a list; when it is the only item, removes the whole `key: [item]` pair instead, so
 * no empty `add:` is left behind. Null when no safe edit exists.
 */
export function removeListItem(src: EditSource, ref: SeqItemRef): TextEdit[] | null {
  if (ref.seq.items.length > 1) {
    const e = removeSeqItem(src, ref.seq, ref.index)
    return e ? [e] : null
  }
  const map = ref.seq.parent
  if (!map || map.kind !== 'map') return null
  const pair = map.pairs.find((p) => deref(p.value) === ref.seq || p.value === ref.seq)
  const e = pair ? removePair(src, map, pair) : null
  return e ? [e] : null
}

/** Removes a `key: value` pair (e.g. `privileged: true`), falling back to replacing the value. */
export function removeOrReplace(src: EditSource, pair: Pair | undefined, replacement: string): TextEdit[] | null {
  if (!pair) return null
  const map = pair.key.parent
  if (map && map.kind === 'map') {
    const e = removePair(src, map, pair)
    if (e) return [e]
  }
  const value = deref(pair.value)
  return value && value.kind === 'scalar' && !value.empty ? [{ range: [value.start, value.end], text: replacement }] : null
}

/**
 * Appends a scalar item to a sequence in its own style: `[a]` → `[a, b]`, or a new `- b` line under the
 * last item. Null when the list's layout is not one of those.
 */
export function appendSeqItem(src: EditSource, seq: SeqNode, text: string): TextEdit[] | null {
  if (seq.flow) {
    const close = seq.end - 1
    if (src.text[close] !== ']') return null
    return [{ range: [close, close], text: seq.items.length ? `, ${text}` : text }]
  }
  const last = seq.items[seq.items.length - 1]
  if (!last) return null
  let dash = last.start - 1
  while (dash > 0 && src.text[dash] !== '-') dash--
  const lineStart = src.lines.lineStart(src.lineOf(dash))
  const indent = src.text.slice(lineStart, dash)
  if (indent.trim() !== '') return null
  const at = src.nextLineStart(last.end)
  const needsEol = at === src.text.length && !/[\r\n]$/.test(src.text)
  return [{ range: [at, at], text: `${needsEol ? src.eol : ''}${indent}- ${text}${src.eol}` }]
}

// ---------------------------------------------------------------------------------------------------------
// Ports: NET_BIND_SERVICE is only needed to bind a port below 1024.

export interface LowPort {
  port: number
  node: YamlNode
  /** Set when the port comes from another resource (it may be in another file): `Gateway 'gateway-ssl'`. */
  from?: KubeObject
}

const low = (n: YamlNode | null | undefined, from?: KubeObject): LowPort | null => {
  const port = asNumber(n)
  return n && port !== undefined && port > 0 && port < 1024 ? { port, node: n, from } : null
}

/** How a message names a low port's origin: ` (Gateway 'gateway-ssl')`, or nothing for the proxy's own port. */
export const lowPortOrigin = (p: LowPort): string => (p.from ? ` (${p.from.kind} '${p.from.name}')` : '')

/** Ports below 1024 a proxy binds according to its values (`httpPort`, `httpsPort`, `extraPorts`). */
export function valuesLowPorts(v: ValuesInput, proxy: ValuesProxy): LowPort[] {
  const out: LowPort[] = []
  for (const key of ['httpPort', 'httpsPort']) {
    const p = low(proxyValue(v, proxy, ['podTemplate', key])?.node)
    if (p) out.push(p)
  }
  for (const item of seqItems(proxyValue(v, proxy, ['podTemplate', 'extraPorts'])?.node)) {
    const p = low(getNode(item, ['containerPort']))
    if (p) out.push(p)
  }
  return out
}

/** The chart's `kind.daemonSet.hostPort: true` renders `hostNetwork: true` (unless `hostNetwork: false`). */
export function valuesHostNetwork(v: ValuesInput, proxy: ValuesProxy): boolean {
  return isTrue(proxyValue(v, proxy, ['kind', 'daemonSet', 'hostPort'])?.node) && !isFalse(proxyValue(v, proxy, ['kind', 'daemonSet', 'hostNetwork'])?.node)
}

/** Ports below 1024 of a rendered Envoy container (`containerPort`, `hostPort`). */
export function renderedLowPorts(container: MapNode | null): LowPort[] {
  const out: LowPort[] = []
  for (const port of seqItems(getNode(container, ['ports'])))
    for (const key of ['containerPort', 'hostPort']) {
      const p = low(getNode(port, [key]))
      if (p) out.push(p)
    }
  return out
}

/**
 * Gateway resources of the run that bind a port below 1024 on the named proxy. Envoy's listeners come from
 * `Gateway.spec.bindPort`; `containerPort` is informational, so a Gateway is the stronger evidence.
 */
export function gatewayLowPorts(project: Project, proxyName: string): LowPort[] {
  // Indexed once per run: rules ask per proxy, and a scan of every object per proxy is quadratic.
  const index = perProject(project, 'gatewayLowPorts', (p) => {
    const m = new Map<string, LowPort[]>()
    for (const obj of p.objects) {
      if (obj.kind !== 'Gateway' || !obj.apiVersion.startsWith('gateway.solo.io/')) continue
      const lp = low(getNode(obj.root, ['spec', 'bindPort']), obj)
      if (!lp) continue
      const names = seqItems(getNode(obj.root, ['spec', 'proxyNames'])).map((n) => asString(n) ?? '')
      for (const name of names.length ? names : ['gateway-proxy']) {
        const list = m.get(name)
        if (list) list.push(lp)
        else m.set(name, [lp])
      }
    }
    return m
  })
  return index.get(proxyName) ?? []
}

// ---------------------------------------------------------------------------------------------------------
// Rendered containers

/** The container's `securityContext` pair, if any. */
export function securityContextPair(container: MapNode | null): Pair | undefined {
  return findPair(container, 'securityContext')
}

/** What a finding about a container without the key points at: its `securityContext` key, else its `name` key. */
export function containerAnchor(container: MapNode, sub: readonly string[] = []): YamlNode {
  let node: YamlNode | null = container
  let anchor: YamlNode | null = null
  for (const seg of ['securityContext', ...sub]) {
    const pair = findPair(node, seg)
    if (!pair) break
    anchor = pair.key
    node = deref(pair.value)
  }
  return anchor ?? findPair(container, 'name')?.key ?? container.pairs[0]?.key ?? container
}

/** A map is empty when it is `{}` or a null scalar (`securityContext:`). */
export function isEmptyMap(node: YamlNode | null | undefined): boolean {
  const n = deref(node)
  if (!n) return true
  if (n.kind === 'map') return mapEntries(n).length === 0
  return n.kind === 'scalar' && scalarValue(n) === null
}

/** The rendered proxy's name for messages. */
export const proxyLabel = (p: RenderedProxy): string => p.name || str(p.container, ['name']) || 'gateway-proxy'

// ---------------------------------------------------------------------------------------------------------
// Replaced defaults, seccomp and sidecars: the chart's securityContext helpers (1.22.1 H:228-300)

/** `gatewayProxies.<p>.podTemplate.podSecurityContext` */
export const POD_SC = ['podTemplate', 'podSecurityContext'] as const

/** First charts that read `glooContainerSecurityContext`, `podSecurityContext` and the sidecars' securityContext keys (catalog 4.3). */
export const SECURITY_CONTEXT_SINCE = '1.14.0-beta11'
/** First charts whose securityContext helper reads `mergePolicy` (catalog 4.3); before, the key is rendered literally. */
export const MERGE_POLICY_SINCE = '1.14.5/1.15.0-beta6'
/**
 * First charts with `global.podSecurityStandards` (catalog 4.3). They are also the first to render the sidecars'
 * securityContext through the `gloo.containerSecurityContext` helper (mergePolicy, PSS defaults): 1.16.13 and
 * 1.17.0-beta28 still write `global.glooMtls.sds.securityContext` as it is.
 */
export const PSS_SINCE = '1.16.14/1.17.0-beta29'
/** First charts where `global.securitySettings.floatingUserId` unsets runAsUser and drops the proxy pod context (catalog 4.3). */
export const GLOBAL_FLOATING_SINCE = '1.17.3/1.18.0-beta14'
/** First chart where `global.istioIntegration.enabled` adds the sds and istio-proxy sidecars (catalog 1.5, 4.2). */
export const ISTIO_INTEGRATION_SIDECARS_SINCE = '1.17.0'

/**
 * The values seen from their root: Helm's globals stay at the root of every layer, also in gloo-ee and in an
 * umbrella chart, so a `global.*` key is looked up, located and fixed as a chart key at the root.
 */
export function globalValues(v: ValuesInput): ValuesInput {
  return { ...v, chart: 'gloo', prefix: '', layers: v.layers.map((l) => ({ ...l, ossPath: [] })) }
}

/** A securityContext map of a proxy's values as the chart reads it: own, or inherited from gatewayProxy. */
export interface ContextMap {
  /** The map (own, or gatewayProxy's when the proxy sets no non-empty map of its own). */
  found: ProxyFound
  /** The chart path of `found`. */
  path: string[]
  /** `mergePolicy` as written (own or inherited), if any, with its chart path. */
  policy?: ProxyFound & { path: string[]; value: string }
}

/**
 * A proxy's securityContext map at `sub` (`CONTAINER_SC`, `POD_SC`) when it is non-empty, the way `customContext`
 * reads glooContainerSecurityContext, plus where its `mergePolicy` is written.
 */
export function contextMap(v: ValuesInput, proxy: ValuesProxy, sub: readonly string[]): Readonly<ContextMap> | null {
  // Rules and their exceptions ask for it many times per proxy: worked out once per values, proxy and map. The
  // callers name the map by one of two constants (CONTAINER_SC, POD_SC): the list itself is the key, no string made.
  const bySub = perProxy(contextMaps, v, proxy, newMap<readonly string[], ContextMap | null>)
  let out = bySub.get(sub)
  if (out === undefined) bySub.set(sub, (out = computeContextMap(v, proxy, sub)))
  return out
}
const contextMaps = memoKind<Map<ValuesProxy, Map<readonly string[], ContextMap | null>>>('context maps')

function computeContextMap(v: ValuesInput, proxy: ValuesProxy, sub: readonly string[]): ContextMap | null {
  const nonEmpty = (f: Found | null): f is Found => {
    const map = f ? deref(f.node) : null
    return !!map && map.kind === 'map' && mapEntries(map).length > 0
  }
  const ownPath = proxyPath(proxy, sub)
  const basePath = ['gatewayProxies', 'gatewayProxy', ...sub]
  const own = getValue(v, ownPath)
  const base = proxy.inherits ? getValue(v, basePath) : null
  let out: ContextMap
  if (nonEmpty(own)) out = { found: { ...own, inherited: false }, path: ownPath }
  else if (nonEmpty(base)) out = { found: { ...base, inherited: true }, path: basePath }
  else return null
  const policy = proxySetting(v, proxy, [...sub, 'mergePolicy'])
  const value = policy ? asString(policy.node) : undefined
  if (policy && value !== undefined) out.policy = { ...policy, value }
  return out
}

/** True when `mergePolicy: helm-merge` merges the map into the chart's defaults at this chart version. */
export const mergesAt = (v: ValuesInput, map: ContextMap | null, since = MERGE_POLICY_SINCE): boolean =>
  !!map && map.policy?.value === 'helm-merge' && hasSince(v.chartVersion, since)

/** `global.podSecurityStandards.container.enableRestrictedContainerDefaults` in effect. */
export interface RestrictedDefaults {
  /** The switch. */
  found: Found
  /** `seccompProfile.type` it merges in: `defaultSeccompProfileType`, else RuntimeDefault. */
  seccompType: string
}

export const PSS_SWITCH = ['podSecurityStandards', 'container', 'enableRestrictedContainerDefaults'] as const

/**
 * The PSS restricted container defaults, when the chart reads them and the switch is on: `runAsNonRoot: true`,
 * `drop: [ALL]`, `allowPrivilegeEscalation: false` and a seccompProfile merged into every container's defaults,
 * sidecars included (1.22.1 H:261-300).
 */
export function restrictedDefaults(v: ValuesInput): RestrictedDefaults | null {
  return perValues(restricted, v, computeRestrictedDefaults)
}
const restricted = memoKind<RestrictedDefaults | null>('restricted defaults')

function computeRestrictedDefaults(v: ValuesInput): RestrictedDefaults | null {
  if (!hasSince(v.chartVersion, PSS_SINCE)) return null
  const found = getGlobal(v, [...PSS_SWITCH])
  if (!helmTruthy(found)) return null
  const type = getGlobal(v, ['podSecurityStandards', 'container', 'defaultSeccompProfileType'])
  return { found: found!, seccompType: (helmTruthy(type) && asString(type?.node)) || 'RuntimeDefault' }
}

/** One key of the chart's securityContext defaults. */
export interface DefaultEntry {
  /** Path below the securityContext map. */
  path: string[]
  /** The default value (a list as its items). */
  value: boolean | number | string | string[]
  /** How a message names it: `readOnlyRootFilesystem: true`. */
  label: string
  /** A hardening default (losing it weakens the container); false for the NET_BIND_SERVICE grant. */
  hardening: boolean
}

const proxyTruthy = (v: ValuesInput, proxy: ValuesProxy, path: readonly string[], chartDefault: boolean): boolean => {
  const found = proxyValue(v, proxy, path)
  return found ? helmTruthy(found) : chartDefault
}

/** floatingUserId (the proxy's, or the global one on charts that read it): runAsUser is left out. */
export function floatingUser(v: ValuesInput, proxy: ValuesProxy): Found | null {
  return perProxy(floating, v, proxy, computeFloatingUser)
}
const floating = memoKind<Map<ValuesProxy, Found | null>>('floating user')

function computeFloatingUser(v: ValuesInput, proxy: ValuesProxy): Found | null {
  const own = proxyValue(v, proxy, ['podTemplate', 'floatingUserId'])
  if (helmTruthy(own)) return own
  const global = hasSince(v.chartVersion, GLOBAL_FLOATING_SINCE) ? getGlobal(v, ['securitySettings', 'floatingUserId']) : null
  return helmTruthy(global) ? global : null
}

const userDefault = (v: ValuesInput, proxy: ValuesProxy, key: string): number => asNumber(proxyValue(v, proxy, ['podTemplate', key])?.node) ?? 10101

/**
 * The Envoy container's securityContext defaults on charts ≥ 1.14.0-beta11 (1.22.1 T7:218-223): `runAsNonRoot:
 * <runUnprivileged>`, `runAsUser` (not with floatingUserId), `capabilities` (drop ALL, add NET_BIND_SERVICE unless
 * disableNetBind), `readOnlyRootFilesystem: true`, `allowPrivilegeEscalation: false`, and the PSS restricted
 * defaults merged in. Zero values (`runAsNonRoot: false`) are left out: they are what a missing key gives.
 */
export function envoyContainerDefaults(v: ValuesInput, proxy: ValuesProxy): readonly DefaultEntry[] {
  return perProxy(containerDefaults, v, proxy, computeEnvoyContainerDefaults)
}
const containerDefaults = memoKind<Map<ValuesProxy, readonly DefaultEntry[]>>('container defaults')

function computeEnvoyContainerDefaults(v: ValuesInput, proxy: ValuesProxy): DefaultEntry[] {
  const pss = restrictedDefaults(v)
  const out: DefaultEntry[] = [
    { path: ['readOnlyRootFilesystem'], value: true, label: 'readOnlyRootFilesystem: true', hardening: true },
    { path: ['allowPrivilegeEscalation'], value: false, label: 'allowPrivilegeEscalation: false', hardening: true },
    { path: ['capabilities', 'drop'], value: ['ALL'], label: 'capabilities.drop: [ALL]', hardening: true }
  ]
  // runUnprivileged and disableNetBind default to true on every chart with these keys (catalog 4.1).
  if (!proxyTruthy(v, proxy, ['podTemplate', 'disableNetBind'], true))
    out.push({ path: ['capabilities', 'add'], value: ['NET_BIND_SERVICE'], label: 'capabilities.add: [NET_BIND_SERVICE]', hardening: false })
  // PSS merges runAsNonRoot: true over a false runUnprivileged (Helm's merge refills zero values).
  if (pss || proxyTruthy(v, proxy, ['podTemplate', 'runUnprivileged'], true))
    out.push({ path: ['runAsNonRoot'], value: true, label: 'runAsNonRoot: true', hardening: true })
  const user = userDefault(v, proxy, 'runAsUser')
  if (!floatingUser(v, proxy) && user !== 0) out.push({ path: ['runAsUser'], value: user, label: `runAsUser: ${user}`, hardening: true })
  if (pss) out.push({ path: ['seccompProfile', 'type'], value: pss.seccompType, label: `seccompProfile.type: ${pss.seccompType}`, hardening: true })
  return out
}

/**
 * True when a replacing glooContainerSecurityContext merely leaves out `path` (below the map) while the chart's
 * default for it hardens Envoy: that lost default is proxy-security-context-replaced's finding (catalog section 2,
 * "keys only missing from a replacing context"), so the rules about the key itself stay silent — one finding per
 * cause. A key written with a weak value is still theirs.
 */
export function leftOutOfReplacement(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): boolean {
  if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) return false
  const map = contextMap(v, proxy, CONTAINER_SC)
  if (!map || mergesAt(v, map)) return false
  if (proxySetting(v, proxy, [...CONTAINER_SC, ...path])) return false
  const key = path.join('.')
  return envoyContainerDefaults(v, proxy).some((e) => e.hardening && e.path.join('.') === key)
}

/** The proxy pod's securityContext defaults (1.22.1 T7:104-110): `fsGroup` and `runAsUser` (not with floatingUserId). */
export function proxyPodDefaults(v: ValuesInput, proxy: ValuesProxy): DefaultEntry[] {
  const out: DefaultEntry[] = []
  const group = userDefault(v, proxy, 'fsGroup')
  if (group !== 0) out.push({ path: ['fsGroup'], value: group, label: `fsGroup: ${group}`, hardening: true })
  const user = userDefault(v, proxy, 'runAsUser')
  if (!floatingUser(v, proxy) && user !== 0) out.push({ path: ['runAsUser'], value: user, label: `runAsUser: ${user}`, hardening: true })
  return out
}

/** The proxy pod gets a securityContext at all: `enablePodSecurityContext` (default true) and no global floatingUserId. */
export function podContextRendered(v: ValuesInput, proxy: ValuesProxy): boolean {
  if (!proxyTruthy(v, proxy, ['podTemplate', 'enablePodSecurityContext'], true)) return false
  const global = hasSince(v.chartVersion, GLOBAL_FLOATING_SINCE) ? getGlobal(v, ['securitySettings', 'floatingUserId']) : null
  return !helmTruthy(global)
}

/** A value Helm's `merge` treats as empty and refills from the defaults: false, 0, "", null, [] or {}. */
export function isHelmEmpty(node: YamlNode | null | undefined): boolean {
  const n = deref(node)
  if (!n) return true
  if (n.kind === 'map') return mapEntries(n).length === 0
  if (n.kind === 'seq') return n.items.length === 0
  const value = scalarValue(n)
  return value === null || value === false || value === 0 || value === ''
}

/** `gatewayProxies.<p>.kubeResourceOverride.spec.template.spec`: merged onto the rendered pod spec (proxy Deployment ≥ 1.8.0-beta14). */
export const OVERRIDE_POD_SPEC = ['kubeResourceOverride', 'spec', 'template', 'spec'] as const
/** First chart that merges a proxy's kubeResourceOverride onto its Deployment (catalog 4.3). */
export const OVERRIDE_SINCE = '1.8.0-beta14'

/**
 * The Envoy container of a proxy's `kubeResourceOverride` containers list, which replaces the rendered list whole
 * (Helm's mergeOverwrite replaces lists): the item named like the proxy, else the one running envoy-wrapper, else
 * the only one. Read from the proxy's own values: the chart does not inherit kubeResourceOverride (1.22.1 T7:521).
 */
export function overrideEnvoyContainer(v: ValuesInput, proxy: ValuesProxy): { found: Found; container: MapNode } | null {
  const found = getValue(v, proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers']))
  if (!found) return null
  const maps = seqItems(found.node).filter((c): c is MapNode => c.kind === 'map')
  const container =
    maps.find((c) => str(c, ['name']) === proxy.name) ?? maps.find((c) => /envoy-wrapper/.test(str(c, ['image']) ?? '')) ?? (maps.length === 1 ? maps[0] : undefined)
  return container ? { found, container } : null
}
