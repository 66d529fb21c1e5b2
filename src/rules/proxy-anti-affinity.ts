import { getValue, keyPath, locate, proxyPath, proxyValue, renderedProxy, renderedReplicas, setValueFix, type ValuesProxy } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import type { ValuesInput } from '../forms/manifests.js'
import { asNumber, asString, deref, getNode, isTrue, locatePath, mapEntries, keyOf } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'
import { coveredByDefault, describeSetting, hpasFor, renderedValuesProxies, valuesScale } from '../gloo/workloads.js'
import { OVERRIDE_POD_SPEC, OVERRIDE_SINCE } from '../gloo/security.js'
import { hasSince } from '../gloo/version.js'
import { defineRule } from './types.js'

const ANTI_AFFINITY = ['antiAffinity']
/**
 * First chart that renders `gatewayProxies.<p>.affinity` (7-gateway-proxy-deployment.yaml: absent in v1.7.0-beta16
 * and the whole 1.6 line, `{{ if or ($spec.antiAffinity) ($spec.affinity) }}` from v1.7.0-beta17). Not in catalog 4.3.
 */
const AFFINITY_SINCE = '1.7.0-beta17'
/** First charts that render `gatewayProxies.<p>.topologySpreadConstraints` (catalog row and section 4.3). */
const SPREAD_SINCE = '1.11.48/1.12.41/1.13.3/1.14.0-beta4'

/** A non-empty map or list (Helm renders neither `{}` nor `[]`). */
function nonEmpty(node: YamlNode | null | undefined): boolean {
  const n = deref(node)
  return !!n && ((n.kind === 'map' && n.pairs.length > 0) || (n.kind === 'seq' && n.items.length > 0))
}

interface Spread {
  /** The key that spreads the pods at this chart version (as the user writes it), if any. */
  by?: string
  /** Keys written that would spread them, which this chart version does not render, with the version that does. */
  ignored: { key: string; since: string }[]
}

/** The keys that place a proxy's pods apart: path, first chart that renders it, inherited from gatewayProxy. */
const SPREAD_CANDIDATES: readonly (readonly [string[], string, boolean])[] = [
  [['affinity'], AFFINITY_SINCE, true],
  [['topologySpreadConstraints'], SPREAD_SINCE, true],
  [[...OVERRIDE_POD_SPEC, 'affinity'], OVERRIDE_SINCE, false],
  [[...OVERRIDE_POD_SPEC, 'topologySpreadConstraints'], OVERRIDE_SINCE, false]
]

/**
 * Where the values place the proxy pods apart (catalog row: `antiAffinity: true`, `affinity`,
 * `topologySpreadConstraints`, all merged from `gatewayProxy`), or the pod spec the proxy's own
 * `kubeResourceOverride` merges onto the Deployment (≥ 1.8.0-beta14, not inherited: 1.22.1 T7:521) — each only on
 * the charts that render it.
 */
function spreadOf(v: ValuesInput, proxy: ValuesProxy): Spread {
  const out: Spread = { ignored: [] }
  for (const [path, since, inherited] of SPREAD_CANDIDATES) {
    const found = inherited ? proxyValue(v, proxy, path) : getValue(v, proxyPath(proxy, path))
    if (!nonEmpty(found?.node)) continue
    if (!hasSince(v.chartVersion, since)) out.ignored.push({ key: keyPath(v, proxyPath(proxy, path)), since })
    else if (!out.by) out.by = path.join('.')
  }
  return out
}

const plural = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`

/** The chart's anti-affinity term, on the narrowest proxy label the pods carry. */
function antiAffinityTerm(labels: Map<string, string>): { [k: string]: string } | null {
  const [label, value] = labels.has('gateway-proxy-id') ? ['gateway-proxy-id', labels.get('gateway-proxy-id')!] : labels.get('gloo') === 'gateway-proxy' ? ['gloo', 'gateway-proxy'] : []
  if (!label || !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(value!)) return null
  return {
    preferredDuringSchedulingIgnoredDuringExecution: `[{weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {${label}: ${value}}}, topologyKey: kubernetes.io/hostname}}]`
  }
}

export default defineRule({
  meta: {
    id: 'proxy-anti-affinity',
    category: 'reliability',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment'],
    fixable: true,
    description: 'The pods of a replicated gateway proxy should be spread across nodes.',
    remediation:
      'Set gatewayProxies.<proxy>.antiAffinity: true (or affinity / topologySpreadConstraints), or give the rendered proxy pod spec a podAntiAffinity or topologySpreadConstraints.',
    messages: {
      values:
        "{{key}} is {{state}} and gateway proxy '{{proxy}}' runs {{pods}} with no affinity or topologySpreadConstraints{{ignored}}: its pods may share a node, so losing that node drops all its traffic.",
      rendered:
        "Gateway proxy '{{name}}' runs {{pods}} with no affinity or topologySpreadConstraints: its pods may share a node, so losing that node drops all its traffic."
    }
  },

  *checkValues(v, { project }) {
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const scale = valuesScale(v, proxy, project)
      // The chart adds anti-affinity only to Deployments; a DaemonSet runs one pod per node anyway.
      if (scale.daemonSet) continue
      const hpaMax = scale.hpa?.found
        ? asNumber(getNode(scale.hpa.found.node, ['maxReplicas']))
        : scale.hpa?.obj
          ? asNumber(getNode(scale.hpa.obj.root, ['spec', 'maxReplicas']))
          : undefined
      const pods = scale.hpa ? hpaMax : scale.replicas
      if (pods !== undefined && pods < 2) continue
      const found = proxyValue(v, proxy, ANTI_AFFINITY)
      if (isTrue(found?.node)) continue
      const spread = spreadOf(v, proxy)
      if (spread.by) continue
      const ignored = spread.ignored.length
        ? ` (chart ${v.chartVersion!.raw} does not render ${spread.ignored.map((i) => `${i.key} (from ${i.since})`).join(' or ')})`
        : ''
      const covered = coveredByDefault(v, proxy, ANTI_AFFINITY, fixedOnDefault)
      const fix = covered ? null : setValueFix(v, proxyPath(proxy, ANTI_AFFINITY), 'true')
      if (proxy.isDefault && fix) fixedOnDefault.add(ANTI_AFFINITY.join('.'))
      yield {
        messageId: 'values',
        node: locate(v, proxyPath(proxy, ANTI_AFFINITY)),
        data: {
          key: keyPath(v, proxyPath(proxy, ANTI_AFFINITY)),
          state: describeSetting(v, ANTI_AFFINITY, found, 'false'),
          proxy: proxy.name,
          ignored,
          pods: scale.hpa ? (pods === undefined ? 'an autoscaled number of pods' : `up to ${plural(pods)} (autoscaler maxReplicas)`) : plural(pods!)
        },
        fix,
        key: proxy.name
      }
    }
  },

  *checkObject(obj, { project }) {
    const proxy = renderedProxy(obj)
    if (!proxy?.podSpec || proxy.daemonSet) return
    const hpas = hpasFor(project, proxy.name, obj.namespace)
    const pods = hpas.length ? Math.max(...hpas.map((h) => asNumber(getNode(h.root, ['spec', 'maxReplicas'])) ?? 2)) : renderedReplicas(proxy)
    if (pods < 2) return
    // Any affinity counts, as `affinity` does in the values (catalog row): the same verdict for both forms.
    if (nonEmpty(getNode(proxy.podSpec, ['affinity'])) || nonEmpty(getNode(proxy.podSpec, ['topologySpreadConstraints']))) return
    const labels = new Map(mapEntries(getNode(obj.root, ['spec', 'template', 'metadata', 'labels'])).map((p) => [keyOf(p), asString(p.value) ?? '']))
    const term = antiAffinityTerm(labels)
    yield {
      messageId: 'rendered',
      node: locatePath(obj.root, ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity']),
      data: { name: proxy.name, pods: hpas.length ? `up to ${plural(pods)} (HorizontalPodAutoscaler maxReplicas)` : plural(pods) },
      // Preferred (not required) anti-affinity never leaves a pod unscheduled, so the edit is safe to apply.
      fix: term ? setPath(obj.file.edit, proxy.podSpec, ['affinity', 'podAntiAffinity'], term) : null
    }
  }
})
