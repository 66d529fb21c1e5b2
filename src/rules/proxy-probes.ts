/** proxy-probes: gateway proxy pods need a readiness probe (and, from chart 1.12.0-beta6, a separate liveness switch). */
import { keyPath, locate, proxyPath, proxyValue, renderedProxy, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import { getNode, isTrue, str } from '../yaml/query.js'
import { isAtLeast, versionNote } from '../gloo/version.js'
import { coveredByDefault, describeSetting, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const PROBES = ['podTemplate', 'probes']
const LIVENESS = ['podTemplate', 'livenessProbeEnabled']
/** From here `probes: true` renders readiness only; liveness also needs livenessProbeEnabled (d2812c786c, catalog 4.2). */
const SPLIT_LIVENESS_SINCE = '1.12.0-beta6'
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
      readiness: "{{key}} is {{state}}: gateway proxy '{{proxy}}' has no readiness probe, so its pods get traffic before Envoy has its configuration{{alone}}.",
      liveness:
        "{{key}} is {{state}}{{chart}}: gateway proxy '{{proxy}}' has no liveness probe (a separate key from chart 1.12.0-beta6, which also needs probes: true), so a hung Envoy is never restarted.",
      addProbes: 'Set probes: true; before chart 1.12.0-beta6 this adds the liveness probe (/server_info) too.',
      addLiveness: 'Set livenessProbeEnabled: true (a hung Envoy is then restarted; check its start-up time first).',
      rendered: "The Envoy container '{{container}}' of gateway proxy '{{name}}' has no readinessProbe, so its pods get traffic before Envoy is ready.",
      addChartProbe: "Add the chart's readiness probe (wget of Envoy's /ready on the admin port 19000)."
    }
  },

  *checkValues(v) {
    // Unknown versions are the newest: split liveness, and `probes: true` adds readiness only (a safe fix).
    const split = isAtLeast(v.chartVersion, SPLIT_LIVENESS_SINCE)
    // The liveness verdict rests on a chart with the split key (1.12.0-beta6, catalog 4.2 Probes).
    const chart = versionNote(v.chartVersion, SPLIT_LIVENESS_SINCE)
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const livenessOn = isTrue(proxyValue(v, proxy, LIVENESS)?.node)
      const missing: { messageId: 'readiness' | 'liveness'; path: string[] }[] = []
      if (!isTrue(proxyValue(v, proxy, PROBES)?.node)) missing.push({ messageId: 'readiness', path: PROBES })
      if (split && !livenessOn) missing.push({ messageId: 'liveness', path: LIVENESS })
      for (const m of missing) {
        const covered = coveredByDefault(v, proxy, m.path, fixedOnDefault)
        const edits = covered ? null : setValueFix(v, proxyPath(proxy, m.path), 'true')
        if (proxy.isDefault && edits) fixedOnDefault.add(m.path.join('.'))
        // probes: true is safe only where it adds readiness alone; before 1.12.0-beta6 it adds liveness too.
        const safe = m.messageId === 'readiness' && split
        const suggestId = m.messageId === 'readiness' ? 'addProbes' : 'addLiveness'
        yield {
          messageId: m.messageId,
          node: locate(v, proxyPath(proxy, m.path)),
          data: {
            key: keyPath(v, proxyPath(proxy, m.path)),
            state: describeSetting(v, m.path, proxyValue(v, proxy, m.path), 'false'),
            proxy: proxy.name,
            chart: m.messageId === 'liveness' ? chart : '',
            alone: m.messageId === 'readiness' && livenessOn ? ' (livenessProbeEnabled alone renders no probe)' : ''
          },
          fix: safe ? edits : null,
          suggest: !safe && edits ? [{ messageId: suggestId, edits }] : undefined,
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
