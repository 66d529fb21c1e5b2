/** How each gateway proxy is scaled and protected (replicas, DaemonSet, HPAs, PDBs), from values and from objects of the run. */
import type { TextEdit } from '../model/finding.js'
import type { YamlValue } from './edits.js'
import { getValue, keyPath, proxyPath, proxyValue, setValueFix, type ProxyFact, type ProxyFound, type ValuesProxy, writableLayer } from './install.js'
import type { KubeObject, ValuesInput } from './manifests.js'
import { perProject, type Project } from './facts.js'
import { asNumber, asString, deref, getNode, keyOf, mapEntries, scalarValue } from './query.js'
import type { YamlNode } from './tree.js'

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

export { renderedValuesProxies } from './install.js'

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

export interface ValuesScale {
  /** The chart renders a DaemonSet (`kind.daemonSet` set, `kind.deployment` not). */
  daemonSet: boolean
  /** `kind.deployment.replicas` (chart default 1). */
  replicas: number
  replicasFound: ProxyFound | null
  hpa: ValuesHpa | null
}

/** How a values proxy is scaled: DaemonSet, replicas, and the HPA (values first, then objects of the run). */
export function valuesScale(v: ValuesInput, proxy: ValuesProxy, project: Project): ValuesScale {
  const daemonSetNode = proxyValue(v, proxy, ['kind', 'daemonSet'])?.node
  const deploymentNode = proxyValue(v, proxy, ['kind', 'deployment'])?.node
  const explicitDeployment = deref(deploymentNode)?.kind === 'map'
  const daemonSet = !isUnset(daemonSetNode) && !explicitDeployment
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
  return { daemonSet, replicas, replicasFound, hpa }
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
