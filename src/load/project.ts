/**
 * Facts across every file of a run, for rules that reason across documents (a Settings file and a
 * VirtualService in different files inform each other). Built in one linear pass over the objects.
 */
import type { KubeObject, LoadedFile, ValuesInput } from './manifests.js'
import { getValue, renderedProxy, type RenderedProxy } from './install.js'
import { asString, deref, findPair, getNode, isFalse, isTrue, seqItems, str } from './query.js'
import type { MapNode, Pair, YamlNode } from './tree.js'

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

export interface DisabledKubeDestinations {
  path: string
  line: number
  what: string
}

export interface Project {
  files: LoadedFile[]
  objects: KubeObject[]
  values: ValuesInput[]
  kubeDestinations: KubeDestination[]
  /** Every place that disables Kubernetes destinations. */
  kubeDestinationsDisabled: DisabledKubeDestinations[]
  /** Upstream resources with `spec.kube`. */
  kubeUpstreams: KubeObject[]
  /** Names (and `namespace/name`) of every Upstream defined in the run. */
  upstreamNames: Set<string>
  /** ServiceAccounts by name. */
  serviceAccounts: Map<string, KubeObject[]>
  proxies: RenderedProxy[]
  /** Rendered proxies by the ServiceAccount their pods run as (`gateway-proxy` when unset). */
  proxiesByServiceAccount: Map<string, RenderedProxy[]>
  /** Some input turns on the Knative integration (needs Kubernetes destinations). */
  knative: boolean
}

const ROUTE_APIS = /^(gateway|gloo)\.solo\.io\//

export function buildProject(files: LoadedFile[]): Project {
  const p: Project = {
    files,
    objects: [],
    values: [],
    kubeDestinations: [],
    kubeDestinationsDisabled: [],
    kubeUpstreams: [],
    upstreamNames: new Set(),
    serviceAccounts: new Map(),
    proxies: [],
    proxiesByServiceAccount: new Map(),
    knative: false
  }
  for (const f of files) {
    p.objects.push(...f.objects)
    p.values.push(...f.values)
  }
  for (const obj of p.objects) {
    if (obj.kind === 'ServiceAccount') {
      const list = p.serviceAccounts.get(obj.name) ?? []
      list.push(obj)
      p.serviceAccounts.set(obj.name, list)
    }
    const proxy = renderedProxy(obj)
    if (proxy) {
      p.proxies.push(proxy)
      const sa = str(proxy.podSpec, ['serviceAccountName']) ?? str(proxy.podSpec, ['serviceAccount']) ?? 'default'
      const list = p.proxiesByServiceAccount.get(sa) ?? []
      list.push(proxy)
      p.proxiesByServiceAccount.set(sa, list)
    }
    if (!ROUTE_APIS.test(obj.apiVersion)) continue
    switch (obj.kind) {
      case 'Upstream':
        p.upstreamNames.add(obj.name)
        if (obj.namespace) p.upstreamNames.add(`${obj.namespace}/${obj.name}`)
        if (getNode(obj.root, ['spec', 'kube'])) p.kubeUpstreams.push(obj)
        break
      case 'Settings':
        if (isTrue(getNode(obj.root, ['spec', 'gloo', 'disableKubernetesDestinations'])))
          p.kubeDestinationsDisabled.push({ path: obj.file.path, line: lineOf(obj, ['spec', 'gloo', 'disableKubernetesDestinations']), what: `Settings ${obj.name} sets spec.gloo.disableKubernetesDestinations: true` })
        if (isTrue(getNode(obj.root, ['spec', 'knative', 'enabled'])) || getNode(obj.root, ['spec', 'knative', 'clusterIngressProxyAddress'])) p.knative = true
        break
      default:
        collectDestinations(obj, p.kubeDestinations)
    }
  }
  for (const v of p.values) {
    const d = getValue(v, ['settings', 'disableKubernetesDestinations'])
    // With settings.create: false the chart renders no Settings, so the values key changes nothing.
    if (d && isTrue(d.node) && !isFalse(getValue(v, ['settings', 'create'])?.node))
      p.kubeDestinationsDisabled.push({ path: v.file.path, line: v.file.lines.positionAt(d.node.start).line, what: `${v.prefix}settings.disableKubernetesDestinations is true` })
    if (isTrue(getValue(v, ['settings', 'integrations', 'knative', 'enabled'])?.node)) p.knative = true
  }
  return p
}

function lineOf(obj: KubeObject, path: string[]): number {
  const n = getNode(obj.root, path)
  return n ? obj.file.lines.positionAt(n.start).line : 1
}

/** Route actions of a resource per catalog section 3. */
function routeActionHolders(obj: KubeObject): YamlNode[] {
  const spec = getNode(obj.root, ['spec'])
  const holders: YamlNode[] = []
  const routeList = (routes: YamlNode | null): void => {
    for (const r of seqItems(routes)) {
      const ra = getNode(r, ['routeAction'])
      if (!ra) continue
      const single = getNode(ra, ['single'])
      if (single) holders.push(single)
      for (const d of seqItems(getNode(ra, ['multi', 'destinations']))) {
        const dest = getNode(d, ['destination'])
        if (dest) holders.push(dest)
      }
    }
  }
  const tcp = (gw: YamlNode | null): void => {
    for (const h of seqItems(getNode(gw, ['tcpHosts']))) {
      const single = getNode(h, ['destination', 'single'])
      if (single) holders.push(single)
      for (const d of seqItems(getNode(h, ['destination', 'multi', 'destinations']))) {
        const dest = getNode(d, ['destination'])
        if (dest) holders.push(dest)
      }
    }
  }
  switch (obj.kind) {
    case 'VirtualService':
      routeList(getNode(spec, ['virtualHost', 'routes']))
      break
    case 'RouteTable':
      routeList(getNode(spec, ['routes']))
      break
    case 'UpstreamGroup':
      for (const d of seqItems(getNode(spec, ['destinations']))) {
        const dest = getNode(d, ['destination'])
        if (dest) holders.push(dest)
      }
      break
    case 'Gateway':
    case 'MatchableTcpGateway':
      tcp(getNode(spec, ['tcpGateway']))
      for (const m of seqItems(getNode(spec, ['hybridGateway', 'matchedGateways']))) tcp(getNode(m, ['tcpGateway']))
      break
  }
  return holders
}

function collectDestinations(obj: KubeObject, out: KubeDestination[]): void {
  for (const h of routeActionHolders(obj)) {
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
}

/** 1-based line of a destination in its file. */
export function destinationLine(d: KubeDestination): number {
  return d.obj.file.lines.positionAt(d.pair.key.start).line
}

/** `file:line` of each destination, at most `max` of them, then "and N more". */
export function describeDestinations(list: readonly KubeDestination[], max = 5): string {
  const shown = list.slice(0, max).map((d) => `${d.obj.file.path}:${destinationLine(d)}`)
  return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ')
}

const memos = new WeakMap<Project, Map<string, unknown>>()

/**
 * Computes a project-wide index once per run (rules are called per object; an index rebuilt per call would make
 * cross-document rules quadratic in the number of objects).
 */
export function perProject<T>(project: Project, key: string, compute: (p: Project) => T): T {
  let m = memos.get(project)
  if (!m) memos.set(project, (m = new Map()))
  if (!m.has(key)) m.set(key, compute(project))
  return m.get(key) as T
}

/** Kubernetes destinations grouped by the object that holds them. */
export function destinationsOf(project: Project, obj: KubeObject): KubeDestination[] {
  const byObj = perProject(project, 'destinationsByObject', (p) => {
    const m = new Map<KubeObject, KubeDestination[]>()
    for (const d of p.kubeDestinations) {
      const list = m.get(d.obj)
      if (list) list.push(d)
      else m.set(d.obj, [d])
    }
    return m
  })
  return byObj.get(obj) ?? []
}
