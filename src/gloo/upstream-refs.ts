/** Upstream references of routes, and which of them name an Upstream that only discovery creates. */
import type { KubeObject } from '../forms/manifests.js'
import { perProject, type DiscoveredRef, type Project } from './facts.js'
import { destinationHolders } from './routes.js'
import { getNode, isScalar, str } from '../yaml/query.js'
import type { ScalarNode } from '../yaml/tree.js'

export interface UpstreamRef {
  obj: KubeObject
  /** The `upstream.name` scalar. */
  node: ScalarNode
  name: string
  namespace?: string
}

const ROUTE_APIS = /^(gateway|gloo)\.solo\.io\//

/**
 * Upstream discovery names a Kubernetes service's Upstream `<namespace>-<service>-<port>` (DNS labels, so
 * lower-case; e.g. `default-petstore-8080`). A name of that shape is only a guess: one defined in the repo is
 * static, and `kube-svc:` in-memory upstreams are Kubernetes destinations, not discovery.
 */
const DISCOVERED_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d{1,5}$/

export const looksDiscovered = (name: string): boolean => DISCOVERED_NAME.test(name)

/** Every `upstream: {name, namespace}` a route object routes to (the holders of `destinationHolders`). */
export function upstreamRefs(obj: KubeObject): UpstreamRef[] {
  if (!ROUTE_APIS.test(obj.apiVersion)) return []
  const holders = destinationHolders(obj)
  const out: UpstreamRef[] = []
  for (const h of holders) {
    const node = getNode(h, ['upstream', 'name'])
    if (!isScalar(node) || !node.value) continue
    out.push({ obj, node, name: node.value, namespace: str(h, ['upstream', 'namespace']) })
  }
  return out
}

/** References to discovered-looking Upstreams that no file of the run defines (they exist only while discovery runs). */
export function undefinedDiscoveredRefs(project: Project): DiscoveredRef[] {
  return perProject(project, 'undefinedDiscoveredRefs', computeUndefinedDiscoveredRefs)
}

// By name alone: an Upstream of that name anywhere in the install is taken as the static replacement.
const computeUndefinedDiscoveredRefs = (project: Project): DiscoveredRef[] => project.discoveredRefs.filter((r) => !project.upstreamNames.has(r.name))

/** `default-petstore-8080 (routes/vs.yaml:14), …` — at most `max` listed, then how many more. */
export function describeRefs(refs: readonly DiscoveredRef[], max = 3): string {
  const shown = refs.slice(0, max).map((r) => `${r.name} (${r.path}:${r.line})`)
  if (refs.length > max) shown.push(`${refs.length - max} more`)
  return shown.join(', ')
}
