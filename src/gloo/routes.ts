/** Where Gloo route objects keep their destinations (catalog section 3). */
import type { KubeObject } from '../forms/manifests.js'
import { getNode, seqItems } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'

/**
 * The maps that hold a route's destination (`routeAction.single`, each `multi.destinations[].destination`, TCP
 * hosts' `destination.single` …) of a VirtualService, RouteTable, UpstreamGroup, Gateway or MatchableTcpGateway,
 * per catalog section 3. The one walker of route objects: Kubernetes destinations and Upstream references both
 * read these holders.
 */
export function destinationHolders(obj: KubeObject): YamlNode[] {
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

