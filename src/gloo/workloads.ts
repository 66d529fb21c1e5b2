/** How each gateway proxy is scaled and protected (replicas, DaemonSet, HPAs, PDBs), from values and from objects of the run. */
import type { TextEdit } from '../model/finding.js'
import { memoKind } from '../model/memo.js'
import type { YamlValue } from '../yaml/edits.js'
import {
  getValue,
  helmTruthy,
  keyPath,
  perProxy,
  perValues,
  proxyPath,
  proxyLookup,
  proxyValue,
  setValueFix,
  withInherited,
  writableLayer,
  type Found,
  type ProxyFact,
  type ProxyFound,
  type ValuesProxy
} from './values.js'
import type { KubeObject, ValuesInput } from '../forms/manifests.js'
import { perProject, type Project } from './facts.js'
import { asNumber, asString, deref, getNode, keyOf, mapEntries, scalarValue } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'
import { hasSince, isAtLeast, isBefore } from './version.js'

/** Project-wide indexes, built once per run in one pass over the objects. */
export interface WorkloadIndex {
  /** HorizontalPodAutoscalers by `spec.scaleTargetRef.name` (Deployment targets, or kind unset). */
  hpasByTarget: Map<string, KubeObject[]>
  /** PodDisruptionBudgets by the `gateway-proxy-id` they select (`spec.selector.matchLabels`). */
  pdbsByProxyId: Map<string, KubeObject[]>
  /** PodDisruptionBudgets selecting without `gateway-proxy-id` (matched by label subset). */
  otherPdbs: KubeObject[]
  /** Rendered gateway proxies by name. */
  proxiesByName: Map<string, ProxyFact[]>
}


function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function workloadIndex(project: Project): WorkloadIndex {
  return perProject(project, 'workloadIndex', buildWorkloadIndex)
}

function buildWorkloadIndex(project: Project): WorkloadIndex {
  const index: WorkloadIndex = { hpasByTarget: new Map(), pdbsByProxyId: new Map(), otherPdbs: [], proxiesByName: new Map() }
  for (const p of project.proxies) push(index.proxiesByName, p.name, p)
  for (const obj of project.objects) {
    if (obj.kind === 'HorizontalPodAutoscaler' && obj.apiVersion.startsWith('autoscaling/')) {
      const ref = getNode(obj.root, ['spec', 'scaleTargetRef'])
      const kind = asString(getNode(ref, ['kind']))
      const name = asString(getNode(ref, ['name']))
      if (name && (!kind || kind === 'Deployment')) push(index.hpasByTarget, name, obj)
    } else if (obj.kind === 'PodDisruptionBudget' && obj.apiVersion.startsWith('policy/')) {
      const id = asString(getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id']))
      if (id) push(index.pdbsByProxyId, id, obj)
      else index.otherPdbs.push(obj)
    }
  }
  return index
}

/** Unset namespaces match anything: a values file or a bare manifest does not say where it lands. */
export const sameNamespace = (a: string | undefined, b: string | undefined): boolean => !a || !b || a === b

/** HPAs scaling the Deployment `name`. */
export function hpasFor(project: Project, name: string, namespace?: string): KubeObject[] {
  return (workloadIndex(project).hpasByTarget.get(name) ?? []).filter((h) => sameNamespace(h.namespace, namespace))
}

/** `spec.minReplicas` of an HPA (Kubernetes default 1). */
export const hpaMinReplicas = (hpa: KubeObject): number => asNumber(getNode(hpa.root, ['spec', 'minReplicas'])) ?? 1

/** PDBs whose `matchLabels` select the pods of a rendered proxy. */
export function pdbsForProxy(project: Project, proxy: ProxyFact): KubeObject[] {
  const index = workloadIndex(project)
  const labels = proxy.labels
  const id = labels.get('gateway-proxy-id') ?? proxy.name
  const selects = (pdb: KubeObject): boolean => {
    if (!sameNamespace(pdb.namespace, proxy.namespace)) return false
    const match = mapEntries(getNode(pdb.root, ['spec', 'selector', 'matchLabels']))
    // matchExpressions cannot be evaluated without the cluster: an expression-only selector does not count.
    return match.length > 0 && match.every((p) => labels.get(keyOf(p)) === (asString(p.value) ?? ''))
  }
  return [...(index.pdbsByProxyId.get(id) ?? []), ...index.otherPdbs].filter(selects)
}

/** Rendered proxies a PDB selects (the inverse of `pdbsForProxy`). */
export function proxiesForPdb(project: Project, pdb: KubeObject): ProxyFact[] {
  const index = workloadIndex(project)
  const id = asString(getNode(pdb.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id']))
  const candidates = id ? index.proxiesByName.get(id) ?? [] : project.proxies
  return candidates.filter((p) => pdbsForProxy(project, p).includes(pdb))
}

/** Rendered proxies an HPA scales. */
export function proxiesForHpa(project: Project, hpa: KubeObject): ProxyFact[] {
  const ref = getNode(hpa.root, ['spec', 'scaleTargetRef'])
  const kind = asString(getNode(ref, ['kind']))
  const name = asString(getNode(ref, ['name']))
  if (!name || (kind && kind !== 'Deployment')) return []
  return (workloadIndex(project).proxiesByName.get(name) ?? []).filter((p) => !p.daemonSet && sameNamespace(p.namespace, hpa.namespace))
}

// ---------------------------------------------------------------------------------------------------------
// Values

export { renderedValuesProxies } from './values.js'

/** True for a value Helm treats as absent: a missing key, `key:` or `key: null`. */
export function isUnset(node: YamlNode | null | undefined): boolean {
  return !node || scalarValue(node) === null
}

export interface ValuesHpa {
  /** `horizontalPodAutoscaler` in values, or an HPA object of the run. */
  source: 'values' | 'object'
  min: number
  /** The `minReplicas` value, when written. */
  minNode?: YamlNode
  found?: ProxyFound
  obj?: KubeObject
}

/** Whether a proxy is a Deployment or a DaemonSet, and which key decided it (catalog section 4.2, "Workload kind"). */
export interface WorkloadKind {
  daemonSet: boolean
  reason: WorkloadKindReason
  /**
   * The written value that decided: the `kind.workloadType` scalar, the `kind.deployment` map or `null`, the
   * `kind.deployment.replicas: null` that emptied the map. Null when only chart defaults (or nothing) decided.
   */
  found: ProxyFound | null
  /** For messages: `gatewayProxies.gatewayProxy.kind.deployment is null`, `… keeps the chart default {replicas: 1}`. */
  because: string
}

/**
 * - `workloadType`: `kind.workloadType` is `DaemonSet` or `Deployment` (read from 1.22.0-beta11; beats both maps).
 * - `deploymentMap`: the merged `kind.deployment` is a map (non-empty up to 1.22.0-beta4): a Deployment.
 * - `deploymentEmpty`: it is `{}` up to 1.22.0-beta4 (falsy): a DaemonSet.
 * - `replicasNull`: like `deploymentEmpty`, because `kind.deployment.replicas: null` deleted the only key.
 * - `deploymentNull`: `kind.deployment: null` (or a null above it) deleted the map: a DaemonSet.
 * - `deploymentScalar`: `kind.deployment` is a scalar or a list: a Deployment iff truthy up to 1.22.0-beta4.
 * - `deploymentUnset`: a custom proxy standing alone (before 1.7.0-beta21) without `kind.deployment`: a DaemonSet.
 */
export type WorkloadKindReason = 'workloadType' | 'deploymentMap' | 'deploymentEmpty' | 'replicasNull' | 'deploymentNull' | 'deploymentScalar' | 'deploymentUnset'

/** From here the chart tests `kindIs "map" kind.deployment` instead of its truthiness (commit e16095a6e8). */
export const KIND_IS_MAP_SINCE = '1.22.0-beta5'
/** First chart that reads `kind.workloadType` (75c1cbe63f; catalog section 4.3). */
export const WORKLOAD_TYPE_SINCE = '1.22.0-beta11'
/** Before this a custom proxy stands alone: nothing of `gatewayProxy` (nor the chart defaults) reaches it. */
export const CUSTOM_MERGE_SINCE = '1.7.0-beta21'
/** From these, `mergeOverwrite`: a custom `false`, `0` or `null` wins over `gatewayProxy` (1.8.0 T7:12). */
export const CUSTOM_OVERWRITE_SINCE = '1.7.1/1.8.0-beta3'

const KIND = ['kind']
const DEPLOYMENT = ['kind', 'deployment']
const WORKLOAD_TYPE = ['kind', 'workloadType']
/** The chart's only default under `kind` (`V`): `gatewayProxies.gatewayProxy.kind.deployment.replicas: 1`. */
const DEFAULT_DEPLOYMENT_KEYS = ['replicas']

/** How a custom proxy's values meet `gatewayProxy`'s at chart `v` (catalog section 4.2, "Custom proxy merge"). */
export function customMerge(v: ValuesInput): 'alone' | 'merge' | 'overwrite' {
  if (isBefore(v.chartVersion, CUSTOM_MERGE_SINCE)) return 'alone'
  return hasSince(v.chartVersion, CUSTOM_OVERWRITE_SINCE) ? 'overwrite' : 'merge'
}

const DEFAULT_PROXY: ValuesProxy = { key: 'gatewayProxy', name: 'gateway-proxy', isDefault: true, inherits: false }

/**
 * The proxy's own value at `path` under `gatewayProxies.<key>` as the layers coalesce, a deleting `null`
 * included; a `null` (or a scalar) on the way down under the proxy deletes the path too.
 */
function ownValue(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): Found | null {
  for (let i = 1; i < path.length; i++) {
    const up = proxyLookup(v, proxy.key, path, i)
    if (up && (up.deleted || deref(up.node)?.kind !== 'map')) return { ...up, deleted: true }
  }
  return proxyLookup(v, proxy.key, path)
}

/** A `null`, `false`, `0` or `""`: what sprig `merge` (1.7.0-beta21 … 1.7.0) refills from `gatewayProxy`. */
function mergoEmpty(found: Found): boolean {
  if (found.deleted) return true
  const n = deref(found.node)
  return !!n && n.kind === 'scalar' && !helmTruthy(found)
}

/**
 * A proxy's value at `path` as the chart merges custom proxies over `gatewayProxy` (catalog section 4.2):
 * alone before 1.7.0-beta21; `merge` up to 1.7.0, where a custom `null`/`false`/`0` is refilled; `mergeOverwrite`
 * from 1.7.1/1.8.0-beta3, where it wins. A deleting `null` is returned with `deleted`. Chart defaults are not
 * included (the caller knows which key has one).
 */
export function mergedProxyValue(v: ValuesInput, proxy: ValuesProxy, path: readonly string[]): ProxyFound | null {
  const own = ownValue(v, proxy, path)
  const mode = proxy.isDefault ? 'alone' : customMerge(v)
  if (mode === 'alone' || (own && mode === 'overwrite') || (own && !mergoEmpty(own))) return own ? withInherited(own, false) : null
  const base = ownValue(v, DEFAULT_PROXY, path)
  if (base && !(mode === 'merge' && mergoEmpty(base) && own)) return withInherited(base, true)
  return own ? withInherited(own, false) : null
}

/** The keys written in any layer under the map at the OSS path `path` (merge keys excluded). */
function writtenKeys(v: ValuesInput, path: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const layer of v.layers) for (const p of mapEntries(getNode(layer.root, [...layer.ossPath, ...path]))) keys.add(keyOf(p))
  return [...keys]
}

interface MergedDeployment {
  state: 'map' | 'null' | 'scalar' | 'absent'
  /** The written `kind.deployment` that decided (null: the chart default, or nothing). */
  found: ProxyFound | null
  /** Keys of the merged map that survive (chart defaults included). */
  keys: Set<string>
  /** The `replicas: null` that deleted the default replicas, when it did. */
  replicasNull: ProxyFound | null
}

/** The merged `kind.deployment` of `gatewayProxies.gatewayProxy`: the chart default `{replicas: 1}` under the layers. */
function defaultDeployment(v: ValuesInput): MergedDeployment {
  // Every custom proxy merges over it: worked out once per effective values.
  return perValues(defaults, v, computeDefaultDeployment)
}
const defaults = memoKind<MergedDeployment>('default deployment')

function computeDefaultDeployment(v: ValuesInput): MergedDeployment {
  const dep = ownValue(v, DEFAULT_PROXY, DEPLOYMENT)
  const found = dep ? withInherited(dep, false) : null
  if (dep?.deleted) return { state: 'null', found, keys: new Set(), replicasNull: null }
  if (dep && deref(dep.node)?.kind !== 'map') return { state: 'scalar', found, keys: new Set(), replicasNull: null }
  const keys = new Set<string>()
  let replicasNull: ProxyFound | null = null
  for (const key of new Set([...DEFAULT_DEPLOYMENT_KEYS, ...writtenKeys(v, proxyPath(DEFAULT_PROXY, DEPLOYMENT))])) {
    const f = proxyLookup(v, DEFAULT_PROXY.key, [...DEPLOYMENT, key])
    if (f?.deleted) {
      if (key === 'replicas') replicasNull = withInherited(f, false)
    } else if (f || DEFAULT_DEPLOYMENT_KEYS.includes(key)) keys.add(key)
  }
  return { state: 'map', found, keys, replicasNull }
}

/** The merged `kind.deployment` of any proxy (catalog section 4.2, "Custom proxy merge" and "Workload kind"). */
function mergedDeployment(v: ValuesInput, proxy: ValuesProxy): MergedDeployment {
  if (proxy.isDefault) return defaultDeployment(v)
  const mode = customMerge(v)
  const dep = ownValue(v, proxy, DEPLOYMENT)
  const own = dep ? withInherited(dep, false) : null
  const ownMap = !!dep && !dep.deleted && deref(dep.node)?.kind === 'map'
  // What the custom proxy writes stands when nothing is merged in, or when its null or scalar wins the merge.
  if (!ownMap && (mode === 'alone' || (dep && (mode === 'overwrite' || !mergoEmpty(dep))))) {
    if (!dep) return { state: 'absent', found: null, keys: new Set(), replicasNull: null }
    return { state: dep.deleted ? 'null' : 'scalar', found: own, keys: new Set(), replicasNull: null }
  }
  const base = mode === 'alone' ? null : defaultDeployment(v)
  if (!ownMap)
    return { ...base!, found: base!.found && { ...base!.found, inherited: true }, replicasNull: base!.replicasNull && { ...base!.replicasNull, inherited: true } }
  // The custom map merges key by key over gatewayProxy's: its nulls delete (`mergeOverwrite`) or are refilled (`merge`).
  const keys = new Set(base?.state === 'map' ? base.keys : [])
  let replicasNull = base?.state === 'map' && base.replicasNull ? { ...base.replicasNull, inherited: true } : null
  for (const key of writtenKeys(v, proxyPath(proxy, DEPLOYMENT))) {
    const f = proxyLookup(v, proxy.key, [...DEPLOYMENT, key])
    if (!f || (f.deleted && mode === 'merge' && keys.has(key))) continue
    if (f.deleted) keys.delete(key)
    else keys.add(key)
    if (key === 'replicas') replicasNull = f.deleted ? withInherited(f, false) : null
  }
  return { state: 'map', found: own, keys, replicasNull }
}

/**
 * Whether the chart renders a proxy as a Deployment or a DaemonSet, and why (catalog section 4.2, "Workload
 * kind"): `kind.workloadType` from 1.22.0-beta11; else a Deployment iff the merged `kind.deployment` is truthy
 * (a non-empty map) up to 1.22.0-beta4, or a map from 1.22.0-beta5. The chart default
 * `kind.deployment.replicas: 1` is merged in, so `kind.daemonSet` alone still renders a Deployment; a DaemonSet
 * needs `kind.deployment: null` (on custom proxies from 1.7.1/1.8.0-beta3) or `kind.workloadType: DaemonSet`.
 */
export function workloadKind(v: ValuesInput, proxy: ValuesProxy): WorkloadKind {
  return perProxy(kinds, v, proxy, computeWorkloadKind)
}

/**
 * Per effective values and proxy (several rules ask for the same proxy's kind and scale): worked out once. The
 * values, their trees and the project do not change while an install's rules run.
 */
const kinds = memoKind<Map<ValuesProxy, WorkloadKind>>('workload kinds')
const scales = memoKind<Map<ValuesProxy, { project: Project; scale: ValuesScale }>>('scales')

function computeWorkloadKind(v: ValuesInput, proxy: ValuesProxy): WorkloadKind {
  /** `<key> is <what>`, naming the default proxy's key when the value is inherited from it. */
  const says = (f: { inherited: boolean } | null, path: readonly string[], what: string): string =>
    f?.inherited
      ? `${keyPath(v, proxyPath(proxy, path))} ${what}, inherited from ${keyPath(v, proxyPath(DEFAULT_PROXY, path))}`
      : `${keyPath(v, proxyPath(proxy, path))} ${what}`
  if (isAtLeast(v.chartVersion, WORKLOAD_TYPE_SINCE)) {
    const type = mergedProxyValue(v, proxy, WORKLOAD_TYPE)
    const value = type && !type.deleted ? asString(type.node) : undefined
    // Any other non-empty value fails the render (1.22.1 H:415); the maps are then the best guess.
    if (value === 'DaemonSet' || value === 'Deployment')
      return { daemonSet: value === 'DaemonSet', reason: 'workloadType', found: type, because: says(type, WORKLOAD_TYPE, `is ${value}`) }
  }
  const dep = mergedDeployment(v, proxy)
  const kindIsMap = isAtLeast(v.chartVersion, KIND_IS_MAP_SINCE)
  if (dep.state === 'absent')
    return { daemonSet: true, reason: 'deploymentUnset', found: null, because: says(null, DEPLOYMENT, `is not set (before chart ${CUSTOM_MERGE_SINCE} a custom proxy inherits nothing)`) }
  if (dep.state === 'null') {
    // `kind: null` deletes kind.deployment with it: name the key that holds the null.
    const path = dep.found?.pair && keyOf(dep.found.pair) === 'kind' ? KIND : DEPLOYMENT
    return { daemonSet: true, reason: 'deploymentNull', found: dep.found, because: says(dep.found, path, scalarValue(dep.found?.node) === null ? 'is null' : 'is not a map') }
  }
  if (dep.state === 'scalar') {
    const deployment = !kindIsMap && helmTruthy(dep.found)
    return { daemonSet: !deployment, reason: 'deploymentScalar', found: dep.found, because: says(dep.found, DEPLOYMENT, 'is not a map') }
  }
  if (kindIsMap || dep.keys.size > 0) {
    let because = dep.found ? says(dep.found, DEPLOYMENT, 'is a map') : says({ inherited: !proxy.isDefault }, DEPLOYMENT, 'keeps the chart default {replicas: 1}')
    // 1.7.0-beta21 … 1.7.0: the custom proxy's own null or false is refilled by `merge` (1.7.0 T7:10).
    const own = !proxy.isDefault && customMerge(v) === 'merge' ? ownValue(v, proxy, DEPLOYMENT) : null
    if (own && mergoEmpty(own))
      because = `${keyPath(v, proxyPath(proxy, DEPLOYMENT))} is ${own.deleted ? 'null' : asString(own.node)}, which chart ${v.chartVersion?.raw} refills from ${keyPath(v, proxyPath(DEFAULT_PROXY, DEPLOYMENT))} (sprig merge)`
    return { daemonSet: false, reason: 'deploymentMap', found: dep.found, because }
  }
  if (dep.replicasNull)
    return {
      daemonSet: true,
      reason: 'replicasNull',
      found: dep.replicasNull,
      because: `${says(dep.replicasNull, [...DEPLOYMENT, 'replicas'], 'is null')}, which leaves ${keyPath(v, proxyPath(proxy, DEPLOYMENT))} empty`
    }
  return { daemonSet: true, reason: 'deploymentEmpty', found: dep.found, because: says(dep.found, DEPLOYMENT, 'is empty') }
}

export interface ValuesScale {
  /** The chart renders a DaemonSet (`workloadKind`: catalog section 4.2, "Workload kind"). */
  daemonSet: boolean
  /** Why it is (or is not) a DaemonSet. */
  kind: WorkloadKind
  /** `kind.deployment.replicas` (chart default 1). */
  replicas: number
  replicasFound: ProxyFound | null
  hpa: ValuesHpa | null
}

/** How a values proxy is scaled: DaemonSet, replicas, and the HPA (values first, then objects of the run). */
export function valuesScale(v: ValuesInput, proxy: ValuesProxy, project: Project): ValuesScale {
  // The HPA may come from the project's objects: one project at a time (an install's rules share one).
  const known = perProxy(scales, v, proxy, () => ({ project, scale: computeValuesScale(v, proxy, project) }))
  if (known.project !== project) {
    known.project = project
    known.scale = computeValuesScale(v, proxy, project)
  }
  return known.scale
}

function computeValuesScale(v: ValuesInput, proxy: ValuesProxy, project: Project): ValuesScale {
  const kind = workloadKind(v, proxy)
  const replicasFound = proxyValue(v, proxy, ['kind', 'deployment', 'replicas'])
  const replicas = asNumber(replicasFound?.node) ?? 1
  let hpa: ValuesHpa | null = null
  const hpaFound = proxyValue(v, proxy, ['horizontalPodAutoscaler'])
  if (hpaFound && hpaFound.node.kind === 'map') {
    const minNode = getNode(hpaFound.node, ['minReplicas']) ?? undefined
    hpa = { source: 'values', min: asNumber(minNode) ?? 1, minNode, found: hpaFound }
  } else {
    const objects = hpasFor(project, proxy.name)
    if (objects.length) {
      const best = objects.reduce((a, b) => (hpaMinReplicas(b) > hpaMinReplicas(a) ? b : a))
      hpa = { source: 'object', min: hpaMinReplicas(best), obj: best, minNode: getNode(best.root, ['spec', 'minReplicas']) ?? undefined }
    }
  }
  return { daemonSet: kind.daemonSet, kind, replicas, replicasFound, hpa }
}

/** Fewest pods the proxy runs with: the HPA's floor when one scales it, else the replicas. */
export const minimumPods = (s: ValuesScale): number => (s.hpa ? s.hpa.min : s.replicas)

/** Whether `node` sits inside a flow collection (where an inserted `# comment` would swallow the rest). */
export function inFlow(node: YamlNode | null | undefined): boolean {
  for (let n: YamlNode | null | undefined = node; n; n = n.parent) if ((n.kind === 'map' || n.kind === 'seq') && n.flow) return true
  return false
}

/**
 * How a proxy setting reads in a message: `false`, `not set (chart default false)`, or
 * `false, inherited from gatewayProxies.gatewayProxy.…`.
 */
export function describeSetting(v: ValuesInput, path: readonly string[], found: ProxyFound | null | undefined, chartDefault: string, whose = 'chart'): string {
  if (!found || isUnset(found.node)) return `not set (${whose} default ${chartDefault})`
  const n = deref(found.node)
  const text = n && n.kind === 'scalar' ? n.value : n?.kind === 'map' ? 'a map' : 'a list'
  return found.inherited ? `${text}, inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...path])}` : text
}

/**
 * Fixes setting several keys under one proxy map (`podTemplate`): one independent fix per key when the map
 * exists in the layer new keys go to; otherwise a single fix on the first key that creates the map with
 * every key, since separate insertions would each create the map and duplicate it.
 */
export function fixKeysUnder(v: ValuesInput, proxy: ValuesProxy, base: readonly string[], entries: readonly [string, YamlValue][]): (TextEdit[] | null)[] {
  const basePath = proxyPath(proxy, base)
  const found = getValue(v, basePath)
  const writable = writableLayer(v)
  if (entries.length === 1 || (found && found.node.kind === 'map' && found.layer === writable))
    return entries.map(([k, value]) => setValueFix(v, [...basePath, k], value))
  return entries.map((_, i) => (i === 0 ? setValueFix(v, basePath, Object.fromEntries(entries)) : null))
}

/**
 * True when the fix made on `gatewayProxies.gatewayProxy` for `path` reaches this proxy as well: it inherits
 * (chart 1.7 and later) and sets nothing of its own there, so a second edit would only repeat the first.
 * `fixedOnDefault` holds the `path.join('.')` of every fix already offered on the default proxy.
 */
export function coveredByDefault(v: ValuesInput, proxy: ValuesProxy, path: readonly string[], fixedOnDefault: ReadonlySet<string>): boolean {
  return proxy.inherits && fixedOnDefault.has(path.join('.')) && !getValue(v, proxyPath(proxy, path))
}
