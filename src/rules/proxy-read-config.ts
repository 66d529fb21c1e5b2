/** A gateway proxy should not serve its configuration dump and stats on an open listener. */
import { helmTruthy, keyPath, locate, proxyPath, proxyValue, setValueFix, type ProxyFound } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { deref } from '../yaml/query.js'
import { isAtLeast, versionNote } from '../gloo/version.js'
import { coveredByDefault, describeSetting, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const READ_CONFIG = ['readConfig']
const MULTICLUSTER = ['readConfigMulticluster']
/** First chart that renders the `<name>-config-dump-service` Service (catalog section 4.3). */
const MULTICLUSTER_SINCE = '1.6.0-beta24'


/** How a setting reads in a message; a quoted value keeps its quotes (`"false"` is a string, and truthy). */
function describe(v: ValuesInput, path: readonly string[], found: ProxyFound | null): string {
  const text = describeSetting(v, path, found, 'unset')
  const n = deref(found?.node)
  return n?.kind === 'scalar' && (n.style === 'single' || n.style === 'double') ? JSON.stringify(n.value) + text.slice(n.value.length) : text
}

export default defineRule({
  meta: {
    id: 'proxy-read-config',
    category: 'security',
    severity: 'warning',
    kinds: ['values'],
    fixable: false,
    description: "Gateway proxies should not expose Envoy's config dump, stats and clusters on the read-config listener.",
    remediation:
      'Remove gatewayProxies.<proxy>.readConfig (and readConfigMulticluster) unless Gloo Fed or a tool needs it, and then restrict who can reach port 8082.',
    messages: {
      values:
        "{{key}} is {{state}}: gateway proxy '{{proxy}}' serves Envoy's /config_dump, /stats and /clusters to anyone who reaches its pods on port 8082, which reveals every route, upstream and cluster address.",
      multicluster:
        "{{key}} is {{state}}, and {{multiKey}} is {{multiState}}{{chart}}: gateway proxy '{{proxy}}' serves Envoy's /config_dump, /stats and /clusters on port 8082, and Service '{{service}}' gives every pod in the cluster a stable address for them.",
      disable: 'Set {{key}}: false (check first that neither Gloo Fed nor another tool reads the config dump).'
    }
  },

  *checkValues(v) {
    const suggestedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const found = proxyValue(v, proxy, READ_CONFIG)
      if (!helmTruthy(found)) continue
      // The chart renders the Service only when both keys are truthy (1.22.1 T8s:168).
      const multi = proxyValue(v, proxy, MULTICLUSTER)
      const multicluster = isAtLeast(v.chartVersion, MULTICLUSTER_SINCE) && helmTruthy(multi)
      const path = proxyPath(proxy, READ_CONFIG)
      const edits = coveredByDefault(v, proxy, READ_CONFIG, suggestedOnDefault) ? null : setValueFix(v, path, 'false')
      if (proxy.isDefault && edits?.length) suggestedOnDefault.add(READ_CONFIG.join('.'))
      yield {
        messageId: multicluster ? 'multicluster' : 'values',
        node: locate(v, path),
        data: {
          key: keyPath(v, path),
          state: describe(v, READ_CONFIG, found),
          proxy: proxy.name,
          multiKey: keyPath(v, proxyPath(proxy, MULTICLUSTER)),
          multiState: describe(v, MULTICLUSTER, multi),
          service: `${proxy.name}-config-dump-service`,
          // Only the Service depends on the version (readConfigMulticluster, catalog 4.3).
          chart: versionNote(v.chartVersion, MULTICLUSTER_SINCE)
        },
        suggest: edits?.length ? [{ messageId: 'disable', edits }] : undefined,
        key: proxy.name
      }
    }
  }
})
