import { insertionSite, keyPath, locate, proxyPath, proxyValue, renderedProxy, renderedReplicas, setValueFix } from '../gloo/values.js'
import { setPath, type YamlValue } from '../yaml/edits.js'
import type { SourceFile } from '../forms/manifests.js'
import { deref, findPair, getNode, keyOf, mapEntries, str } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'
import { coveredByDefault, inFlow, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const REQUESTS = ['podTemplate', 'resources', 'requests']
const LIMITS = ['podTemplate', 'resources', 'limits']
// Placeholders only: the right numbers depend on traffic, filters and connection counts, so they are
// offered as a suggestion for a human to size, never applied by --fix.
const PLACEHOLDER = { cpu: '500m', memory: '256Mi' }

/** True when a requests/limits map names cpu or memory. */
const namesCpuOrMemory = (node: YamlNode | null | undefined): boolean => mapEntries(node).some((p) => ['cpu', 'memory'].includes(keyOf(p)))

/** The placeholder block, with a tuning marker on each line unless the text lands inside a flow map. */
function placeholders(flow: boolean): { [k: string]: YamlValue } {
  return flow ? { ...PLACEHOLDER } : { cpu: `${PLACEHOLDER.cpu}  # TODO: tune`, memory: `${PLACEHOLDER.memory}  # TODO: tune` }
}

/** `limits` entries as their own source text (quoting kept), to propose them as requests. */
function copyOfLimits(file: SourceFile, limits: YamlNode | null | undefined): { [k: string]: YamlValue } {
  const out: { [k: string]: YamlValue } = {}
  for (const p of mapEntries(limits)) {
    const k = keyOf(p)
    const val = deref(p.value)
    if (['cpu', 'memory'].includes(k) && val?.kind === 'scalar' && !['literal', 'folded'].includes(val.style)) out[k] = file.text.slice(val.start, val.end)
  }
  return out
}


export default defineRule({
  meta: {
    id: 'proxy-resources',
    category: 'reliability',
    severity: 'warning',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: 'Gateway proxy pods must request CPU and memory.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.resources.requests (cpu and memory sized from measured load) in the values, or resources.requests on the rendered Envoy container.',
    messages: {
      values:
        "{{key}} is not set: gateway proxy '{{proxy}}' pods request no CPU or memory (the chart renders none), so they are scheduled anywhere and evicted first under node pressure.",
      limitsOnly:
        "{{key}} is not set: gateway proxy '{{proxy}}' states only limits, which Kubernetes copies into requests; state the requests so they can be sized apart from the limits.",
      rendered:
        "The Envoy container '{{container}}' of gateway proxy '{{proxy}}' has no resources.requests, so it is scheduled anywhere and evicted first under node pressure.",
      addRequests: 'Add resources.requests with placeholder values (cpu {{cpu}}, memory {{memory}}) and size them from measured load.',
      copyLimits: 'Add resources.requests equal to the limits (what Kubernetes applies today).'
    }
  },

  *checkValues(v) {
    const suggestedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      if (namesCpuOrMemory(proxyValue(v, proxy, REQUESTS)?.node)) continue
      const limits = proxyValue(v, proxy, LIMITS)
      const limitsOnly = namesCpuOrMemory(limits?.node)
      const path = proxyPath(proxy, REQUESTS)
      // Limits-only proxies get their own limits copied, never the default proxy's placeholders.
      const covered = !limitsOnly && coveredByDefault(v, proxy, REQUESTS, suggestedOnDefault)
      const value = limitsOnly ? copyOfLimits(limits!.layer.file, limits?.node) : placeholders(inFlow(insertionSite(v, path)))
      const edits = covered ? null : setValueFix(v, path, value)
      if (proxy.isDefault && !limitsOnly && edits?.length) suggestedOnDefault.add(REQUESTS.join('.'))
      yield {
        messageId: limitsOnly ? 'limitsOnly' : 'values',
        severity: limitsOnly ? 'notice' : undefined,
        node: locate(v, path),
        data: { key: keyPath(v, path), proxy: proxy.name, ...PLACEHOLDER },
        suggest: edits?.length ? [{ messageId: limitsOnly ? 'copyLimits' : 'addRequests', edits }] : undefined,
        key: proxy.name
      }
    }
  },

  *checkObject(obj) {
    const proxy = renderedProxy(obj)
    if (!proxy?.container) return
    // `replicas: 0` runs no pod, so there is nothing to size: what the values form says of a chart before 1.3.15,
    // which renders a 0 as written (catalog 4.2, "Replicas").
    if (!proxy.daemonSet && renderedReplicas(proxy) === 0) return
    const resources = getNode(proxy.container, ['resources'])
    if (namesCpuOrMemory(getNode(resources, ['requests']))) return
    const limits = getNode(resources, ['limits'])
    const limitsOnly = namesCpuOrMemory(limits)
    const requestsPair = findPair(resources, 'requests')
    const site = requestsPair ? requestsPair.value : resources ?? proxy.container
    const value = limitsOnly ? copyOfLimits(obj.file, limits) : placeholders(inFlow(site))
    const edits = setPath(obj.file.edit, proxy.container, ['resources', 'requests'], value)
    const container = str(proxy.container, ['name']) ?? proxy.name
    yield {
      messageId: limitsOnly ? 'limitsOnly' : 'rendered',
      severity: limitsOnly ? 'notice' : undefined,
      node: requestsPair?.key ?? findPair(proxy.container, 'resources')?.key ?? getNode(proxy.container, ['name']) ?? proxy.container,
      data: { key: `resources.requests of container '${container}'`, container, proxy: proxy.name, ...PLACEHOLDER },
      suggest: edits?.length ? [{ messageId: limitsOnly ? 'copyLimits' : 'addRequests', edits }] : undefined
    }
  }
})
