/** Gateway proxies should run in their own network namespace, without host networking or host ports. */
import type { TextEdit } from '../model/finding.js'
import { helmTruthy, keyPath, locate, proxyPath, proxyValue, renderedProxy, setValueFix, type ProxyFound } from '../gloo/values.js'
import { removePair, replaceScalar } from '../yaml/edits.js'
import type { ValuesInput } from '../forms/manifests.js'
import { asString, deref, findPair, getNode, isFalse, isTrue, scalarValue, seqItems } from '../yaml/query.js'
import type { MapNode, Pair } from '../yaml/tree.js'
import { isAtLeast } from '../gloo/version.js'
import { coveredByDefault, describeSetting, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const HOST_PORT = ['kind', 'daemonSet', 'hostPort']
const HOST_NETWORK = ['kind', 'daemonSet', 'hostNetwork']
/** First chart that reads `kind.daemonSet.hostNetwork` (catalog section 4.3); before it hostPort always means hostNetwork. */
const HOST_NETWORK_SINCE = '1.8.0-beta13'


/** Every `hostPort` of the pod's containers, with the port map holding it. */
function hostPorts(containers: readonly MapNode[]): { port: MapNode; pair: Pair }[] {
  const out: { port: MapNode; pair: Pair }[] = []
  for (const c of containers)
    for (const port of seqItems(getNode(c, ['ports']))) {
      const pair = findPair(port, 'hostPort')
      if (port.kind === 'map' && pair && scalarValue(pair.value) !== null) out.push({ port, pair })
    }
  return out
}

/** How a setting reads in a message; a quoted value keeps its quotes (`"false"` is a string, and truthy). */
function describe(v: ValuesInput, path: readonly string[], found: ProxyFound | null): string {
  const text = describeSetting(v, path, found, 'unset')
  const n = deref(found?.node)
  return n?.kind === 'scalar' && (n.style === 'single' || n.style === 'double') ? JSON.stringify(n.value) + text.slice(n.value.length) : text
}

/** `hostPort 8080`, `hostPorts 8080 and 8443`, `hostPorts 80, 443 and 9000`. */
function portList(ports: readonly string[]): string {
  if (ports.length === 1) return `hostPort ${ports[0]}`
  return `hostPorts ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`
}

export default defineRule({
  meta: {
    id: 'proxy-host-network',
    category: 'security',
    severity: 'warning',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: "Gateway proxies should not use the node's network (hostNetwork or hostPort).",
    remediation:
      'Remove gatewayProxies.<proxy>.kind.daemonSet.hostPort (or, from chart 1.8.0-beta13, set kind.daemonSet.hostNetwork: false) and expose the proxy through its Service; in rendered manifests remove hostNetwork: true and the hostPort entries.',
    messages: {
      values:
        "{{key}} is {{state}}: gateway proxy '{{proxy}}' renders hostNetwork: true and hostPorts for httpPort and httpsPort, whether it is a Deployment or a DaemonSet, so Envoy shares the node's network namespace, its admin port included, and most network plugins no longer apply NetworkPolicies to it.",
      ignoredOff:
        "{{key}} is {{state}}, and {{offKey}} is false, but chart {{version}} reads hostNetwork only from {{since}}: gateway proxy '{{proxy}}' still renders hostNetwork: true, so Envoy shares the node's network namespace and most network plugins no longer apply NetworkPolicies to it.",
      renderedHostNetwork:
        "{{kind}} '{{name}}' sets hostNetwork: true: its Envoy shares the node's network namespace, its admin port included, and most network plugins no longer apply NetworkPolicies to it.",
      renderedHostPort:
        "{{kind}} '{{name}}' binds {{ports}} on every node it runs on, which exposes Envoy on the node's own address beside its Service.",
      noHostPort: 'Set {{key}}: false (the proxy is then reached through its Service only; check that nothing sends traffic to the nodes directly).',
      noHostNetwork: 'Set {{offKey}}: false (keeps the hostPorts but gives Envoy its own network namespace).',
      renderedNoHostNetwork: 'Set hostNetwork: false (check that nothing sends traffic to the nodes directly).',
      renderedNoHostPort: 'Remove the hostPort entries (the proxy is then reached through its Service only).'
    }
  },

  *checkValues(v) {
    const readsOff = isAtLeast(v.chartVersion, HOST_NETWORK_SINCE)
    const suggestedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const hostPort = proxyValue(v, proxy, HOST_PORT)
      if (!helmTruthy(hostPort)) continue
      const off = proxyValue(v, proxy, HOST_NETWORK)
      // The chart renders `hostNetwork: {{ ne "false" (toString .hostNetwork) }}` (1.22.1 T7:139).
      if (readsOff && isFalse(off?.node)) continue
      const path = proxyPath(proxy, HOST_PORT)
      const offPath = proxyPath(proxy, HOST_NETWORK)
      const data = {
        key: keyPath(v, path),
        state: describe(v, HOST_PORT, hostPort),
        proxy: proxy.name,
        offKey: keyPath(v, offPath),
        version: v.chartVersion?.raw,
        since: HOST_NETWORK_SINCE
      }
      const covered = coveredByDefault(v, proxy, HOST_PORT, suggestedOnDefault)
      const suggest: { messageId: 'noHostPort' | 'noHostNetwork'; edits: TextEdit[] }[] = []
      if (!covered) {
        const noPort = setValueFix(v, path, 'false')
        if (noPort?.length) suggest.push({ messageId: 'noHostPort', edits: noPort })
        const noNetwork = readsOff ? setValueFix(v, offPath, 'false') : null
        if (noNetwork?.length) suggest.push({ messageId: 'noHostNetwork', edits: noNetwork })
      }
      if (proxy.isDefault && suggest.length) suggestedOnDefault.add(HOST_PORT.join('.'))
      yield {
        messageId: !readsOff && isFalse(off?.node) ? 'ignoredOff' : 'values',
        node: locate(v, path),
        data,
        suggest: suggest.length ? suggest : undefined,
        key: proxy.name
      }
    }
  },

  *checkObject(obj) {
    const proxy = renderedProxy(obj)
    if (!proxy?.podSpec) return
    const hostNetwork = findPair(proxy.podSpec, 'hostNetwork')
    if (hostNetwork && isTrue(hostNetwork.value)) {
      const value = deref(hostNetwork.value)
      yield {
        messageId: 'renderedHostNetwork',
        node: hostNetwork.value,
        data: { kind: obj.kind, name: proxy.name },
        suggest: value?.kind === 'scalar' && !value.tag ? [{ messageId: 'renderedNoHostNetwork', edits: [replaceScalar(value, 'false')] }] : undefined
      }
      return
    }
    const ports = hostPorts(proxy.containers)
    if (!ports.length) return
    const edits = ports.map(({ port, pair }) => removePair(obj.file.edit, port, pair))
    yield {
      messageId: 'renderedHostPort',
      node: ports[0].pair.key,
      data: { kind: obj.kind, name: proxy.name, ports: portList(ports.map(({ pair }) => asString(pair.value) ?? '?')) },
      suggest: edits.every((e) => e) ? [{ messageId: 'renderedNoHostPort', edits: edits.map((e) => e!) }] : undefined
    }
  }
})
