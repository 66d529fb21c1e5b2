import { keyPath, locate, proxyPath, proxyValue, renderedProxy } from '../load/install.js'
import { setPath } from '../load/edits.js'
import { getNode, isTrue, str } from '../load/query.js'
import { isAtLeast } from '../load/version.js'
import { coveredByDefault, describeSetting, fixKeysUnder, renderedValuesProxies } from '../load/workloads.js'
import { defineRule } from './types.js'

const PROBES = ['podTemplate', 'probes']
const LIVENESS = ['podTemplate', 'livenessProbeEnabled']
/** The chart's own readiness probe: Envoy's admin port answers only on the loopback address. */
const CHART_READINESS_PROBE = {
  exec: { command: '[wget, -O, /dev/null, "127.0.0.1:19000/ready"]' },
  initialDelaySeconds: '1',
  periodSeconds: '10',
  failureThreshold: '10'
}

export default defineRule({
  meta: {
    id: 'proxy-probes',
    category: 'reliability',
    severity: 'warning',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: true,
    description: 'Gateway proxy pods must have readiness (and, on charts 1.12 and later, liveness) probes.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.probes: true (and podTemplate.livenessProbeEnabled: true on charts 1.12 and later), or give the rendered Envoy container a readinessProbe.',
    messages: {
      readiness: "{{key}} is {{state}}: gateway proxy '{{proxy}}' has no readiness probe, so its pods get traffic before Envoy has its configuration.",
      liveness: "{{key}} is {{state}}: gateway proxy '{{proxy}}' has no liveness probe (a separate key since chart 1.12), so a hung Envoy is never restarted.",
      rendered: "The Envoy container '{{container}}' of gateway proxy '{{name}}' has no readinessProbe, so its pods get traffic before Envoy is ready.",
      addChartProbe: "Add the chart's readiness probe (wget of Envoy's /ready on the admin port 19000)."
    }
  },

  *checkValues(v) {
    const liveness = isAtLeast(v.chartVersion, '1.12.0')
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const missing: { messageId: 'readiness' | 'liveness'; path: string[] }[] = []
      if (!isTrue(proxyValue(v, proxy, PROBES)?.node)) missing.push({ messageId: 'readiness', path: PROBES })
      if (liveness && !isTrue(proxyValue(v, proxy, LIVENESS)?.node)) missing.push({ messageId: 'liveness', path: LIVENESS })
      const toFix = missing.filter((m) => !coveredByDefault(v, proxy, m.path, fixedOnDefault))
      const fixes = fixKeysUnder(v, proxy, ['podTemplate'], toFix.map((m) => [m.path[1], 'true']))
      for (const m of missing) {
        const i = toFix.indexOf(m)
        const fix = i >= 0 ? fixes[i] : null
        if (proxy.isDefault && i >= 0) fixedOnDefault.add(m.path.join('.'))
        yield {
          messageId: m.messageId,
          node: locate(v, proxyPath(proxy, m.path)),
          data: { key: keyPath(v, proxyPath(proxy, m.path)), state: describeSetting(v, m.path, proxyValue(v, proxy, m.path), 'false'), proxy: proxy.name },
          fix,
          key: `${proxy.name}/${m.messageId}`
        }
      }
    }
  },

  *checkObject(obj) {
    const proxy = renderedProxy(obj)
    if (!proxy?.container) return
    if (getNode(proxy.container, ['readinessProbe'])) return
    const edits = setPath(obj.file.edit, proxy.container, ['readinessProbe'], CHART_READINESS_PROBE)
    yield {
      messageId: 'rendered',
      node: getNode(proxy.container, ['name']) ?? proxy.container,
      data: { name: proxy.name, container: str(proxy.container, ['name']) ?? proxy.name },
      suggest: edits?.length ? [{ messageId: 'addChartProbe', edits }] : undefined
    }
  }
})
