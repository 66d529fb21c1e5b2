/** A gateway proxy's values should render the workload kind they suggest: a DaemonSet for `kind.daemonSet`. */
import type { TextEdit } from '../model/finding.js'
import { getValueOrNull, helmTruthy, keyPath, locate, proxyPath, setValueFix, type Found, type ProxyFound, type ValuesProxy } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { deref, isFalse } from '../yaml/query.js'
import { hasSince, isAtLeast, chartNamed } from '../gloo/version.js'
import {
  coveredByDefault,
  customMerge,
  CUSTOM_OVERWRITE_SINCE,
  KIND_IS_MAP_SINCE,
  mergedProxyValue,
  renderedValuesProxies,
  workloadKind,
  WORKLOAD_TYPE_SINCE
} from '../gloo/workloads.js'
import { defineRule } from './types.js'

const DAEMON_SET = ['kind', 'daemonSet']
const DEPLOYMENT = ['kind', 'deployment']
const WORKLOAD_TYPE = ['kind', 'workloadType']
const HOST_PORT = ['kind', 'daemonSet', 'hostPort']
const HOST_NETWORK = ['kind', 'daemonSet', 'hostNetwork']
/** First chart that reads `kind.daemonSet.hostNetwork` (catalog section 4.3). */
const HOST_NETWORK_SINCE = '1.8.0-beta13'

type Suggestion = { messageId: 'nullDeployment' | 'workloadTypeDaemonSet'; edits: TextEdit[] }

/** `kind.daemonSet` as the user means it: a map (even `{}`) or a truthy value, merged as the chart merges proxies. */
function daemonSetSet(found: ProxyFound | null): boolean {
  if (!found || found.deleted) return false
  return deref(found.node)?.kind === 'map' || helmTruthy(found)
}

/** The chart still renders hostNetwork for `kind.daemonSet.hostPort` (1.22.1 T7:137-139), even on a Deployment. */
function rendersHostNetwork(v: ValuesInput, proxy: ValuesProxy): boolean {
  if (!helmTruthy(mergedProxyValue(v, proxy, HOST_PORT))) return false
  return !(isAtLeast(v.chartVersion, HOST_NETWORK_SINCE) && isFalse(mergedProxyValue(v, proxy, HOST_NETWORK)?.node))
}

/**
 * `kind.deployment: null` where the map is written: the whole value becomes `null` (setPath never replaces a
 * collection). A block map loses its lines; a comment after its last value stays on the key's line.
 */
function replaceMapWithNull(found: Found): TextEdit[] | null {
  const map = found.node
  if (map.kind !== 'map' || !found.pair || map.anchor || map.tag || found.layer.synthetic) return null
  if (map.flow) return [{ range: [map.start, map.end], text: 'null' }]
  return [{ range: [found.pair.key.end, map.end], text: ': null' }]
}

/** The edits setting `kind.deployment: null` on the proxy, or null when none is safe or the chart ignores it. */
function nullDeployment(v: ValuesInput, proxy: ValuesProxy): TextEdit[] | null {
  // 1.7.0-beta21 … 1.7.0 `merge` refills a custom null from gatewayProxy (1.7.0 T7:10).
  if (!proxy.isDefault && customMerge(v) === 'merge') return null
  const path = proxyPath(proxy, DEPLOYMENT)
  const found = getValueOrNull(v, path)
  if (found?.layer.synthetic) return null // `--set …=null` is not a text replacement of a scalar: leave parameters alone.
  if (found && found.node.kind === 'map') return replaceMapWithNull(found)
  return setValueFix(v, path, 'null')
}

/** How the chart version reads in a message; unknown is the newest chart (catalog section 1.4). */
const chartOf = (v: ValuesInput): string => chartNamed(v.chartVersion, WORKLOAD_TYPE_SINCE)

export default defineRule({
  meta: {
    id: 'proxy-workload-kind',
    category: 'reliability',
    severity: 'warning',
    kinds: ['values'],
    fixable: false,
    description: 'A gateway proxy must render the workload kind its values suggest (Deployment or DaemonSet).',
    remediation: `For a DaemonSet set gatewayProxies.<proxy>.kind.deployment: null (on custom proxies from chart ${CUSTOM_OVERWRITE_SINCE}) or, from chart ${WORKLOAD_TYPE_SINCE}, kind.workloadType: DaemonSet; for a Deployment remove kind.daemonSet and leave kind.deployment.replicas set.`,
    messages: {
      deployment:
        "{{daemonSet}} is set, but {{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a Deployment, not a DaemonSet, so it does not run one Envoy pod per node.",
      deploymentHostNetwork:
        "{{daemonSet}} is set, but {{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a Deployment, not a DaemonSet, and kind.daemonSet.hostPort still gives it hostNetwork: true, so two of its pods cannot share a node.",
      replicasNull: `{{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a DaemonSet, one Envoy pod per node, not a Deployment; from chart ${KIND_IS_MAP_SINCE} the same values render a Deployment.`,
      nullDeployment: 'Set {{deploymentKey}}: null, so the chart renders a DaemonSet (check that one Envoy pod per node is meant).',
      workloadTypeDaemonSet: `Set {{workloadTypeKey}}: DaemonSet (read from chart ${WORKLOAD_TYPE_SINCE}; check that one Envoy pod per node is meant).`
    }
  },

  *checkValues(v) {
    const suggestedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const kind = workloadKind(v, proxy)
      const daemonSet = mergedProxyValue(v, proxy, DAEMON_SET)
      const surprise =
        kind.reason === 'deploymentMap' && daemonSetSet(daemonSet) ? (rendersHostNetwork(v, proxy) ? 'deploymentHostNetwork' : 'deployment') : kind.reason === 'replicasNull' ? 'replicasNull' : null
      if (!surprise) continue
      const deploymentKey = keyPath(v, proxyPath(proxy, DEPLOYMENT))
      const workloadTypeKey = keyPath(v, proxyPath(proxy, WORKLOAD_TYPE))
      const suggest: Suggestion[] = []
      if (!coveredByDefault(v, proxy, DEPLOYMENT, suggestedOnDefault)) {
        const toNull = proxy.isDefault || hasSince(v.chartVersion, CUSTOM_OVERWRITE_SINCE) || customMerge(v) === 'alone' ? nullDeployment(v, proxy) : null
        if (toNull?.length) suggest.push({ messageId: 'nullDeployment', edits: toNull })
        const toType = isAtLeast(v.chartVersion, WORKLOAD_TYPE_SINCE) ? setValueFix(v, proxyPath(proxy, WORKLOAD_TYPE), 'DaemonSet') : null
        if (toType?.length) suggest.push({ messageId: 'workloadTypeDaemonSet', edits: toType })
      }
      if (proxy.isDefault && suggest.length) suggestedOnDefault.add(DEPLOYMENT.join('.'))
      // On the value that decided when the proxy writes it (§1A), else where `kind.deployment: null` would go.
      const own = kind.found && !kind.found.inherited ? kind.found : null
      const node = surprise === 'replicasNull' ? (own?.node ?? locate(v, proxyPath(proxy, [...DEPLOYMENT, 'replicas']))) : (own?.pair?.key ?? own?.node ?? locate(v, proxyPath(proxy, DEPLOYMENT)))
      const daemonSetKey = keyPath(v, proxyPath(proxy, DAEMON_SET))
      yield {
        messageId: surprise,
        node,
        data: {
          daemonSet: daemonSet?.inherited ? `${daemonSetKey} (inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...DAEMON_SET])})` : daemonSetKey,
          because: kind.because,
          chart: chartOf(v),
          proxy: proxy.name,
          deploymentKey,
          workloadTypeKey
        },
        suggest: suggest.length ? suggest : undefined,
        key: proxy.name
      }
    }
  }
})
