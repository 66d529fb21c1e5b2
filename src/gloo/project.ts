/**
 * Facts across every file of a run, for rules that reason across documents (a Settings file and a
 * VirtualService in different files inform each other). Built one file at a time in a linear pass: the
 * engine drops each file's tree once its facts are taken, so a project keeps facts, and whole objects
 * only of the few kinds rules read from other files (CROSS_DOCUMENT_KINDS).
 */
import type { KubeObject, LoadedFile, ValuesInput } from '../forms/manifests.js'
import { memo, memoKind } from '../model/memo.js'
import { emptyProject, mergeProjects, type KubeDestinationRef, type Project } from './facts.js'
export { emptyProject, mergeProjects, perProject } from './facts.js'
export type { DisabledKubeDestinations, DiscoveredRef, KubeDestinationRef, KubeUpstreamRef, Project } from './facts.js'
import { getValue, proxyFact, renderedProxy } from './values.js'
import { asString, deref, findPair, getNode, isFalse, isTrue, str } from '../yaml/query.js'
import type { MapNode, Pair, YamlNode } from '../yaml/tree.js'
import { destinationHolders } from './routes.js'
import { looksDiscovered, upstreamRefs } from './upstream-refs.js'

export interface KubeDestination {
  obj: KubeObject
  /** The `kube:` map, or the `upstream.name` scalar of a `kube-svc:` in-memory upstream. */
  node: YamlNode
  /** The pair `kube: …` or `upstream: …` inside its holder (`single`, `destination`). */
  pair: Pair
  holder: MapNode
  via: 'kube' | 'kube-svc'
  service: string
  namespace?: string
  port?: string
}

/** A Kubernetes destination as the project remembers it: where it is and what it names, no tree. */
const ROUTE_APIS = /^(gateway|gloo)\.solo\.io\//

/** Kinds kept whole in `Project.objects`, whatever their API group: HPAs and PDBs (workloads.ts), Gateways (security.ts). */
export const CROSS_DOCUMENT_KINDS: ReadonlySet<string> = new Set(['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Gateway'])

// Every fact fileFacts takes comes from text holding one of these words: the kinds it keeps, rendered proxies
// (Deployment, DaemonSet), Gloo's APIs (`gateway.solo.io`, `gloo.solo.io`), and the values keys it reads; keep the
// list in step with fileFacts. Values documents and descriptors of installs hold `gloo` (a chart name, a key) or
// one of the Gloo-only keys of catalog section 1.2; ConfigMaps may hold a HelmRelease's values.
export const FACT_WORDS = [
  'solo.io', 'Deployment', 'DaemonSet', 'ServiceAccount', 'Settings', 'Gateway', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
  'disableKubernetesDestinations', 'knative', 'gloo', 'Gloo', 'gatewayProxies', 'invalidConfigPolicy', 'replaceInvalidRoutes',
  'alwaysAcceptResources', 'proxyServiceAccount', 'certGenJob', 'fdsMode', 'ingressProxy', 'ConfigMap', 'configMapGenerator'
]

/**
 * False when a file cannot add anything to the project (ConfigMaps, Services, most YAML of a repository): the
 * engine then parses it only once, when its rules run, or not at all when it is context only. A word spelled
 * with YAML escapes (`"Settin\x67s"`) is not seen; such a file counts as fact-free.
 */
export function mayHoldFacts(text: string): boolean {
  // `gloo` first, alone: a values file holds it near its top. The rest in one search, not a search per word (a file
  // with none of them was read whole 22 times).
  return text.includes('gloo') || FACT_SEARCH.test(text)
}
const FACT_SEARCH = new RegExp(FACT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))

/** The facts one file holds, and the objects they keep a reference to (the rest of its tree may be dropped). */
export function fileFacts(file: LoadedFile): { facts: Project; kept: Set<KubeObject> } {
  const p = emptyProject()
  const kept = new Set<KubeObject>()
  for (const obj of file.objects) {
    if (CROSS_DOCUMENT_KINDS.has(obj.kind)) kept.add(obj)
    if (obj.kind === 'ServiceAccount') p.serviceAccounts.add(obj.name)
    const rendered = renderedProxy(obj)
    if (rendered) {
      const proxy = proxyFact(rendered)
      p.proxies.push(proxy)
      const list = p.proxiesByServiceAccount.get(proxy.serviceAccount) ?? []
      list.push(proxy)
      p.proxiesByServiceAccount.set(proxy.serviceAccount, list)
    }
    if (!ROUTE_APIS.test(obj.apiVersion)) continue
    switch (obj.kind) {
      case 'Upstream': {
        p.upstreamNames.add(obj.name)
        if (obj.namespace) p.upstreamNames.add(`${obj.namespace}/${obj.name}`)
        const kube = getNode(obj.root, ['spec', 'kube'])
        if (kube)
          p.kubeUpstreams.push({
            name: obj.name,
            ...(obj.namespace !== undefined ? { namespace: obj.namespace } : {}),
            service: str(kube, ['serviceName']),
            serviceNamespace: str(kube, ['serviceNamespace']) ?? obj.namespace,
            port: asString(getNode(kube, ['servicePort']))
          })
        break
      }
      case 'Settings':
        if (obj.apiVersion.startsWith('gloo.solo.io/')) p.settings++
        if (isTrue(getNode(obj.root, ['spec', 'gloo', 'disableKubernetesDestinations'])))
          p.kubeDestinationsDisabled.push({ path: obj.file.path, line: lineOf(obj, ['spec', 'gloo', 'disableKubernetesDestinations']), what: `Settings ${obj.name} sets spec.gloo.disableKubernetesDestinations: true` })
        if (isTrue(getNode(obj.root, ['spec', 'knative', 'enabled'])) || getNode(obj.root, ['spec', 'knative', 'clusterIngressProxyAddress'])) p.knative = true
        break
      default:
        for (const d of collectDestinations(obj)) p.kubeDestinations.push(destinationRef(d))
        for (const r of upstreamRefs(obj))
          if (looksDiscovered(r.name))
            p.discoveredRefs.push({ name: r.name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), path: obj.file.path, line: obj.file.lines.positionAt(r.node.start).line })
    }
  }
  for (const obj of file.objects) if (kept.has(obj)) p.objects.push(obj)
  return { facts: p, kept }
}

/** True when a project holds no fact at all (most files: kept as nothing). */
export function isEmptyProject(p: Project): boolean {
  return !p.objects.length && !p.discoveredRefs.length && !p.kubeDestinations.length && !p.kubeDestinationsDisabled.length && !p.kubeUpstreams.length && !p.upstreamNames.size && !p.serviceAccounts.size && !p.settings && !p.proxies.length && !p.knative && p.gatewayDisabled === undefined
}

/**
 * The facts an install's effective values add: Kubernetes destinations disabled, the Knative integration, the
 * gateway turned off.
 */
export function valuesFacts(v: ValuesInput): Project {
  const p = emptyProject()
  const d = getValue(v, ['settings', 'disableKubernetesDestinations'])
  // With settings.create: false the chart renders no Settings, so the values key changes nothing.
  if (d && isTrue(d.node) && !isFalse(getValue(v, ['settings', 'create'])?.node))
    p.kubeDestinationsDisabled.push({ path: d.layer.file.path, line: d.layer.file.lines.lineAt(d.node.start), what: `${v.prefix}settings.disableKubernetesDestinations is true`, byValues: true })
  if (isTrue(getValue(v, ['settings', 'integrations', 'knative', 'enabled'])?.node)) p.knative = true
  if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) p.gatewayDisabled = `${v.prefix}gateway.enabled is false`
  return p
}

/** The project of a set of loaded files, values included, as one install (tests and tools). */
export function buildProject(files: LoadedFile[]): Project {
  return mergeProjects(files.flatMap((f) => [fileFacts(f).facts, ...f.values.map(valuesFacts)]))
}

function destinationRef(d: KubeDestination): KubeDestinationRef {
  const o = d.obj
  return {
    path: o.file.path,
    line: destinationLine(d),
    resource: `${o.kind}/${o.namespace ?? ''}/${o.name}`,
    via: d.via,
    service: d.service,
    ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
    ...(d.port !== undefined ? { port: d.port } : {})
  }
}

function lineOf(obj: KubeObject, path: string[]): number {
  const n = getNode(obj.root, path)
  return n ? obj.file.lines.positionAt(n.start).line : 1
}

function collectDestinations(obj: KubeObject): KubeDestination[] {
  const out: KubeDestination[] = []
  for (const h of destinationHolders(obj)) {
    const holder = deref(h)
    if (!holder || holder.kind !== 'map') continue
    const kubePair = findPair(holder, 'kube')
    if (kubePair) {
      const kube = deref(kubePair.value)
      out.push({
        obj,
        node: kube ?? kubePair.key,
        pair: kubePair,
        holder,
        via: 'kube',
        service: str(kube, ['ref', 'name']) ?? '',
        namespace: str(kube, ['ref', 'namespace']),
        port: asString(getNode(kube, ['port']))
      })
    }
    const upPair = findPair(holder, 'upstream')
    const name = str(upPair?.value, ['name'])
    if (upPair && name?.startsWith('kube-svc:')) {
      const m = /^kube-svc:(?:([^-]+)-)?(.+?)(?:-(\d+))?$/.exec(name)
      out.push({
        obj,
        node: getNode(upPair.value, ['name'])!,
        pair: upPair,
        holder,
        via: 'kube-svc',
        service: m?.[2] ?? name.slice(9),
        namespace: m?.[1],
        port: m?.[3]
      })
    }
  }
  return out
}

/** 1-based line of a destination in its file. */
export function destinationLine(d: KubeDestination): number {
  return d.obj.file.lines.positionAt(d.pair.key.start).line
}

/** `file:line` of each destination, at most `max` of them, then "and N more". */
export function describeDestinations(list: readonly (KubeDestinationRef | KubeDestination)[], max = 5): string {
  const shown = list.slice(0, max).map((d) => ('obj' in d ? `${d.obj.file.path}:${destinationLine(d)}` : `${d.path}:${d.line}`))
  return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ')
}

/**
 * The Kubernetes destinations of one route object, read from its own tree (the project keeps only their refs);
 * once per object, whatever the number of installs it is checked for.
 */
export function destinationsOf(project: Project, obj: KubeObject): KubeDestination[] {
  void project
  if (!ROUTE_APIS.test(obj.apiVersion)) return []
  return memo(obj, destinations, collectDestinations)
}
const destinations = memoKind<KubeDestination[]>('destinations')
