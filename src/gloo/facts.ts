/**
 * The facts of an install (or of one file): what rules read across documents, as plain records. A project is
 * built per file in pass 1 and merged per install (`mergeProjects`): no fact crosses from one install to another.
 */
import type { KubeObject } from '../forms/manifests.js'
import { memo, memoKind, newMap } from '../model/memo.js'
import type { ProxyFact } from './values.js'

export interface KubeDestinationRef {
  path: string
  /** 1-based line of the `kube:` / `upstream:` key. */
  line: number
  /** `Kind/namespace/name` of the route object. */
  resource: string
  via: 'kube' | 'kube-svc'
  service: string
  namespace?: string
  port?: string
}

/** An Upstream with `spec.kube`, as the project remembers it: its name and the service it selects, no tree. */
export interface KubeUpstreamRef {
  name: string
  namespace?: string
  /** `spec.kube.serviceName`, `spec.kube.serviceNamespace` (else the Upstream's namespace), `spec.kube.servicePort`. */
  service?: string
  serviceNamespace?: string
  port?: string
}

/** A route's reference to an Upstream whose name looks discovered, as the project remembers it: no tree. */
export interface DiscoveredRef {
  name: string
  namespace?: string
  path: string
  /** 1-based line of the `upstream.name` scalar. */
  line: number
}

export interface DisabledKubeDestinations {
  path: string
  line: number
  what: string
  /** Set by the values of an install (listed after the Settings resources). */
  byValues?: boolean
}

export interface Project {
  /**
   * The objects of the run that rules read from other files: the kinds in CROSS_DOCUMENT_KINDS (HPAs, PDBs and
   * Gateways: small). Other objects are not kept (their trees would dominate memory); a rule that needs a new kind from other
   * files adds it there, or better a fact computed in fileFacts (as rendered proxies, Upstreams with `spec.kube`,
   * ServiceAccounts, Settings and references to discovered-looking Upstreams are).
   */
  objects: KubeObject[]
  /** Routes' references to Upstreams whose names look discovered. */
  discoveredRefs: DiscoveredRef[]
  kubeDestinations: KubeDestinationRef[]
  /** Every place that disables Kubernetes destinations. */
  kubeDestinationsDisabled: DisabledKubeDestinations[]
  /** Upstream resources with `spec.kube`. */
  kubeUpstreams: KubeUpstreamRef[]
  /** Names (and `namespace/name`) of every Upstream defined in the run. */
  upstreamNames: Set<string>
  /** Names of the ServiceAccounts defined (a proxy's own ServiceAccount decides its token, and is checked there). */
  serviceAccounts: Set<string>
  /** How many Gloo `Settings` resources there are (the chart's values then do not decide alone). */
  settings: number
  /** Rendered gateway proxies, as facts (their trees are not kept). */
  proxies: ProxyFact[]
  /** Rendered proxies by the ServiceAccount their pods run as (`default` when unset). */
  proxiesByServiceAccount: Map<string, ProxyFact[]>
  /** Some input turns on the Knative integration (needs Kubernetes destinations). */
  knative: boolean
  /**
   * The install's effective values set `gateway.enabled: false` (no gateway, no validation webhook: catalog
   * "Control-plane safeguards"): what says so, `gateway.enabled is false`. Only values set it.
   */
  gatewayDisabled?: string
}


/** A project with no facts: what a file that belongs to no install is checked with. */
export function emptyProject(): Project {
  return {
    objects: [],
    discoveredRefs: [],
    kubeDestinations: [],
    kubeDestinationsDisabled: [],
    kubeUpstreams: [],
    upstreamNames: new Set(),
    serviceAccounts: new Set(),
    settings: 0,
    proxies: [],
    proxiesByServiceAccount: new Map(),
    knative: false
  }
}

/** The facts of several files (or installs) together, in the order given. */
export function mergeProjects(parts: readonly Project[]): Project {
  const p = emptyProject()
  const values: DisabledKubeDestinations[] = []
  // Appended one by one: a file may hold more objects or routes than a call takes arguments.
  const append = <T>(to: T[], items: readonly T[]): void => {
    for (const x of items) to.push(x)
  }
  for (const q of parts) {
    append(p.objects, q.objects)
    append(p.discoveredRefs, q.discoveredRefs)
    append(p.kubeDestinations, q.kubeDestinations)
    for (const d of q.kubeDestinationsDisabled) (d.byValues ? values : p.kubeDestinationsDisabled).push(d)
    append(p.kubeUpstreams, q.kubeUpstreams)
    for (const n of q.upstreamNames) p.upstreamNames.add(n)
    for (const name of q.serviceAccounts) p.serviceAccounts.add(name)
    p.settings += q.settings
    append(p.proxies, q.proxies)
    for (const [k, list] of q.proxiesByServiceAccount) {
      // The merged project's lists are its own copies: appended to, not copied again per part.
      const have = p.proxiesByServiceAccount.get(k)
      if (have) append(have, list)
      else p.proxiesByServiceAccount.set(k, [...list])
    }
    if (q.knative) p.knative = true
    if (q.gatewayDisabled !== undefined) p.gatewayDisabled ??= q.gatewayDisabled
  }
  // Objects' entries come before values' entries (messages name the first one).
  append(p.kubeDestinationsDisabled, values)
  return p
}

const indexes = memoKind<Map<string, unknown>>('project indexes')

/**
 * Computes a project-wide index once per run (rules are called per object; an index rebuilt per call would make
 * cross-document rules quadratic in the number of objects).
 */
export function perProject<T>(project: Project, key: string, compute: (p: Project) => T): T {
  const m = memo(project, indexes, newMap<string, unknown>)
  if (!m.has(key)) m.set(key, compute(project))
  return m.get(key) as T
}

