/** A gateway proxy's cloud load balancer should accept only the clients' address ranges (for installs that are not public). */
import { insertionSite, keyPath, locate, proxyPath, proxyValue, setValueFix } from '../gloo/values.js'
import { asString, deref, scalarValue, seqItems } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'
import { hasSince, versionNote, withNote } from '../gloo/version.js'
import { coveredByDefault, inFlow, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const TYPE = ['service', 'type']
const RANGES = ['service', 'loadBalancerSourceRanges']
/** First chart of each release line that renders `service.loadBalancerSourceRanges` (catalog section 4.3). */
const SINCE = '1.3.28/1.4.0-beta12'
/** The chart's `gatewayProxies.gatewayProxy.service.type` in every version (chart data 1.6 … 1.22). */
const CHART_TYPE = 'LoadBalancer'
// A documentation range (RFC 5737 TEST-NET-3): it stands out as a placeholder and, applied unchanged,
// shuts the load balancer rather than opening it. The real ranges need a human.
const PLACEHOLDER = '"203.0.113.0/24"'


/** The chart renders the list only when it is truthy: an empty list, `""` or a null sets no ranges. */
function setsRanges(node: YamlNode | null | undefined): boolean {
  const n = deref(node)
  if (!n) return false
  if (n.kind === 'seq') return seqItems(n).length > 0
  const value = scalarValue(n)
  return value !== null && value !== ''
}

export default defineRule({
  meta: {
    id: 'proxy-lb-source-ranges',
    category: 'security',
    severity: 'notice',
    defaultOff: true,
    kinds: ['values'],
    fixable: false,
    description: 'LoadBalancer Services of gateway proxies that are not public should restrict their client address ranges.',
    remediation:
      'Set gatewayProxies.<proxy>.service.loadBalancerSourceRanges to the CIDR ranges of the clients (chart 1.3.28, 1.4.0-beta12 and later), or use another service.type for a proxy that no client outside the cluster reaches.',
    messages: {
      values:
        "{{key}} is {{state}}: the LoadBalancer Service of gateway proxy '{{proxy}}' accepts connections from every address the cloud load balancer can be reached from.",
      addRanges: 'Add {{key}} with a placeholder range ({{placeholder}}) and replace it with the CIDR ranges of the clients.'
    }
  },

  *checkValues(v) {
    if (!hasSince(v.chartVersion, SINCE)) return
    const suggestedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const typeFound = proxyValue(v, proxy, TYPE)
      // Chart defaults reach the default proxy and, from chart 1.7, every custom proxy through inheritance.
      const type = typeFound ? asString(typeFound.node) : proxy.isDefault || proxy.inherits ? CHART_TYPE : undefined
      if (type !== 'LoadBalancer') continue
      const found = proxyValue(v, proxy, RANGES)
      if (setsRanges(found?.node)) continue
      const path = proxyPath(proxy, RANGES)
      const value = inFlow(insertionSite(v, path)) ? `[${PLACEHOLDER}]` : `[${PLACEHOLDER}]  # TODO: the clients' CIDR ranges`
      const written = deref(found?.node)
      // setValueFix replaces scalars only: an own empty list `[]` is replaced here, as it is written.
      const edits = coveredByDefault(v, proxy, RANGES, suggestedOnDefault)
        ? null
        : written?.kind === 'seq' && !found!.inherited
          ? [{ range: [written.start, written.end] as const, text: `[${PLACEHOLDER}]` }]
          : setValueFix(v, path, value)
      const inheritedFrom = found?.inherited ? `, inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...RANGES])}` : ''
      if (proxy.isDefault && edits?.length) suggestedOnDefault.add(RANGES.join('.'))
      yield {
        messageId: 'values',
        node: locate(v, path),
        data: { key: keyPath(v, path), state: withNote(written ? `empty${inheritedFrom}` : 'not set', versionNote(v.chartVersion, SINCE)), proxy: proxy.name, placeholder: PLACEHOLDER.replace(/"/g, '') },
        suggest: edits?.length ? [{ messageId: 'addRanges', edits }] : undefined,
        key: proxy.name
      }
    }
  }
})
