/** proxy-graceful-shutdown: gateway proxy pods should fail their health check and drain before Envoy stops. */
import { getValue, helmTruthy, keyPath, locate, proxyPath, proxyValue, renderedProxy, setValueFix, imageVersion } from '../gloo/values.js'
import { hasSince, versionNote, withNote } from '../gloo/version.js'
import type { TextEdit } from '../model/finding.js'
import { setPath, type YamlValue } from '../yaml/edits.js'
import { asNumber, asString, findPair, getNode, isTrue, locatePath, seqItems, str } from '../yaml/query.js'
import { coveredByDefault, describeSetting, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const ENABLED = ['podTemplate', 'gracefulShutdown', 'enabled']
const SLEEP = ['podTemplate', 'gracefulShutdown', 'sleepTimeSeconds']
const TGPS = ['podTemplate', 'terminationGracePeriodSeconds']
/** Where people put the setting by mistake: directly under the proxy, which the chart never reads. */
const MISPLACED = ['gracefulShutdown']
/** Chart default of sleepTimeSeconds, and Kubernetes' default grace period (the chart renders none unless set). */
const CHART_SLEEP = 25
const KUBE_GRACE = 30
/** Solo's zero-downtime values: fail the health check, sleep 5 s, let Envoy exit within 7 s. */
const FIX_SLEEP = 5
/** Seconds Envoy gets after the preStop sleep to finish and exit. */
const EXIT_MARGIN = 2
/** First charts that read `podTemplate.gracefulShutdown` and `terminationGracePeriodSeconds` (catalog 4.3). */
const GRACEFUL_SINCE = '1.4.8/1.5.0-beta14'
/** The Gateway health-check filter that makes a failed Envoy health check visible to load balancers. */
const HEALTH_CHECK = ['gatewaySettings', 'customHttpGateway', 'options', 'healthCheck']
type MessageId = 'disabled' | 'misplaced' | 'tooShort' | 'renderedNoPreStop' | 'renderedTooShort'
/** Every edit of this rule needs a human (timings depend on the load balancer): a suggestion, never `--fix`. */
const suggestion = (messageId: MessageId, edits: TextEdit[] | null | undefined) => (edits?.length ? [{ messageId, edits }] : undefined)

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-graceful-shutdown',
    category: 'reliability',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: 'Gateway proxy pods should fail their health check and drain before Envoy stops.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.gracefulShutdown: {enabled: true, sleepTimeSeconds: 5} and podTemplate.terminationGracePeriodSeconds above the sleep (7), or give the rendered Envoy container a preStop hook and a longer grace period.',
    messages: {
      disabled:
        "{{key}} is {{state}}: gateway proxy '{{proxy}}' pods stop without failing Envoy's health check and draining first, so rollouts and scale-downs drop in-flight requests.{{healthCheck}}",
      misplaced:
        "{{key}} is {{state}}, and {{misplaced}} is not read by the chart (it belongs under podTemplate): gateway proxy '{{proxy}}' pods stop without draining.",
      tooShort:
        "{{key}} is {{grace}}, not more than the preStop sleep ({{sleepKey}} is {{sleep}}){{chart}}: Kubernetes kills Envoy of gateway proxy '{{proxy}}' before it finishes draining.{{healthCheck}}",
      renderedNoPreStop:
        "The Envoy container '{{container}}' of gateway proxy '{{name}}' has no preStop hook, so pods stop without failing Envoy's health check and draining first.",
      renderedTooShort:
        "terminationGracePeriodSeconds of gateway proxy '{{name}}' is {{grace}}, not more than its preStop sleep of {{sleep}} s: Kubernetes kills Envoy before it finishes draining."
    }
  },

  *checkValues(v) {
    // Older charts have no gracefulShutdown key at all (values-key-unsupported-version reports one written there).
    if (!hasSince(v.chartVersion, GRACEFUL_SINCE)) return
    // Every verdict below rests on a chart with the gracefulShutdown keys (catalog 4.3).
    const chart = versionNote(v.chartVersion, GRACEFUL_SINCE)
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const enabled = proxyValue(v, proxy, ENABLED)
      const sleepFound = proxyValue(v, proxy, SLEEP)
      const graceFound = proxyValue(v, proxy, TGPS)
      const sleep = asNumber(sleepFound?.node)
      const grace = asNumber(graceFound?.node)
      // What only a finding needs is worked out for a finding: most proxies have none. The preStop hook fails
      // Envoy's health check, which load balancers see only through this filter.
      const healthCheck = (): string =>
        helmTruthy(proxyValue(v, proxy, HEALTH_CHECK))
          ? ''
          : ` The preStop hook only fails Envoy's health check, which helps only with a Gateway health-check filter: set ${keyPath(v, proxyPath(proxy, HEALTH_CHECK))} (e.g. {path: /envoy-hc}) and point the load balancer's health check at it.`
      const ownTiming = (): boolean => !!getValue(v, proxyPath(proxy, SLEEP)) || !!getValue(v, proxyPath(proxy, TGPS))
      if (!isTrue(enabled?.node)) {
        const data = { key: keyPath(v, proxyPath(proxy, ENABLED)), state: withNote(describeSetting(v, ENABLED, enabled, 'false'), chart), proxy: proxy.name, healthCheck: healthCheck() }
        const misplaced = getValue(v, proxyPath(proxy, MISPLACED))
        if (misplaced) {
          // values-unknown-key moves the block under podTemplate; a fix here would set it twice.
          yield { messageId: 'misplaced', node: misplaced.pair?.key ?? misplaced.node, data: { ...data, misplaced: keyPath(v, proxyPath(proxy, MISPLACED)) }, key: proxy.name }
          continue
        }
        // Keep whatever sleep and grace period the user chose; only fill in what is missing, and raise the
        // grace period when it would cut the sleep short.
        const newSleep = sleep ?? FIX_SLEEP
        const podTemplate: { [k: string]: YamlValue } = { gracefulShutdown: sleep === undefined ? { enabled: 'true', sleepTimeSeconds: String(newSleep) } : { enabled: 'true' } }
        // With the fix's own 5 s sleep the grace period goes to 7 (Solo's pair); a sleep the user chose keeps
        // Kubernetes' 30 s default when that is already longer.
        const effectiveGrace = grace ?? (sleep === undefined ? 0 : KUBE_GRACE)
        if (effectiveGrace <= newSleep) podTemplate.terminationGracePeriodSeconds = String(newSleep + EXIT_MARGIN)
        const covered = !ownTiming() && coveredByDefault(v, proxy, ENABLED, fixedOnDefault)
        const fix = covered ? null : setValueFix(v, proxyPath(proxy, ['podTemplate']), podTemplate)
        if (proxy.isDefault && fix) fixedOnDefault.add(ENABLED.join('.'))
        yield { messageId: 'disabled', node: locate(v, proxyPath(proxy, ENABLED)), data, suggest: suggestion('disabled', fix), key: proxy.name }
        continue
      }
      const effectiveSleep = sleep ?? CHART_SLEEP
      if ((grace ?? KUBE_GRACE) > effectiveSleep) continue
      const covered = !ownTiming() && coveredByDefault(v, proxy, TGPS, fixedOnDefault)
      const fix = covered ? null : setValueFix(v, proxyPath(proxy, TGPS), String(effectiveSleep + EXIT_MARGIN))
      if (proxy.isDefault && fix) fixedOnDefault.add(TGPS.join('.'))
      yield {
        messageId: 'tooShort',
        node: locate(v, proxyPath(proxy, TGPS)),
        data: {
          key: keyPath(v, proxyPath(proxy, TGPS)),
          grace: describeSetting(v, TGPS, graceFound, String(KUBE_GRACE), 'Kubernetes'),
          sleepKey: keyPath(v, proxyPath(proxy, SLEEP)),
          sleep: describeSetting(v, SLEEP, sleepFound, String(CHART_SLEEP)),
          proxy: proxy.name,
          healthCheck: healthCheck(),
          chart
        },
        suggest: suggestion('tooShort', fix),
        key: proxy.name
      }
    }
  },

  *checkObject(obj) {
    const proxy = renderedProxy(obj)
    if (!proxy?.container || !proxy.podSpec) return
    const preStop = getNode(proxy.container, ['lifecycle', 'preStop'])
    if (!preStop) {
      // A chart older than the gracefulShutdown key (by its image tag) has no knob to render a hook with.
      if (!hasSince(imageVersion(proxy.container), GRACEFUL_SINCE)) return
      yield {
        messageId: 'renderedNoPreStop',
        node: findPair(proxy.container, 'lifecycle')?.key ?? getNode(proxy.container, ['name']) ?? proxy.container,
        data: { name: proxy.name, container: str(proxy.container, ['name']) ?? proxy.name }
      }
      return
    }
    // The chart's hook is `wget …/healthcheck/fail; sleep N`; without a recognisable sleep there is nothing to compare.
    const command = seqItems(getNode(preStop, ['exec', 'command'])).map((c) => asString(c) ?? '').join(' ')
    const m = /\bsleep\s+(\d+)/.exec(command)
    if (!m) return
    const sleep = Number(m[1])
    const graceNode = getNode(proxy.podSpec, ['terminationGracePeriodSeconds'])
    const grace = asNumber(graceNode) ?? KUBE_GRACE
    if (grace > sleep) return
    yield {
      messageId: 'renderedTooShort',
      node: graceNode ?? locatePath(obj.root, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds']),
      data: { name: proxy.name, grace: graceNode ? String(grace) : `not set (Kubernetes default ${KUBE_GRACE})`, sleep },
      suggest: suggestion('renderedTooShort', setPath(obj.file.edit, proxy.podSpec, ['terminationGracePeriodSeconds'], String(sleep + EXIT_MARGIN)))
    }
  }
})
