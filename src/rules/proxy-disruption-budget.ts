import { keyPath, locate, proxyPath, proxyValue, proxyFact, renderedProxy, setValueFix, type ProxyFound } from '../gloo/values.js'
import type { TextEdit } from '../model/finding.js'
import type { KubeObject } from '../forms/manifests.js'
import { asNumber, asString, deref, findPair, getNode, locatePath } from '../yaml/query.js'
import type { Pair, YamlNode } from '../yaml/tree.js'
import {
  coveredByDefault,
  hpaMinReplicas,
  hpasFor,
  minimumPods,
  pdbsForProxy,
  proxiesForPdb,
  renderedValuesProxies,
  valuesScale,
  workloadIndex
} from '../gloo/workloads.js'
import { isBefore, versionNote } from '../gloo/version.js'
import { defineRule } from './types.js'

/** First chart that renders a PodDisruptionBudget from `gatewayProxies.<p>.podDisruptionBudget` (catalog 4.3). */
const PDB_SINCE = '1.7.0-beta21'

const PDB = ['podDisruptionBudget']
const MIN = [...PDB, 'minAvailable']
const MAX = [...PDB, 'maxUnavailable']

const plural = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`

/**
 * Pods a PDB keeps from eviction when the workload runs `pods` of them; Kubernetes rounds percentages up.
 * Undefined when the value is neither an integer nor a percentage.
 */
function resolve(node: YamlNode | null | undefined, pods: number): number | undefined {
  const n = asNumber(node)
  if (n !== undefined) return n
  const m = /^(\d+)%$/.exec(asString(node) ?? '')
  return m ? Math.ceil((pods * Number(m[1])) / 100) : undefined
}

interface Blocking {
  field: 'minAvailable' | 'maxUnavailable'
  node: YamlNode
  pair?: Pair
}

/**
 * Whether a PDB spec blocks every voluntary eviction of a workload running at least `pods` pods: nothing may
 * go (`maxUnavailable: 0`) or all must stay (`minAvailable` ≥ pods). `pods` undefined: only what blocks at
 * any size (`maxUnavailable: 0`, `minAvailable: 100%`).
 */
function blocking(spec: YamlNode | null | undefined, pods: number | undefined): Blocking | null {
  const maxPair = findPair(spec, 'maxUnavailable')
  const max = deref(maxPair?.value)
  if (max && resolve(max, pods ?? 1) === 0) return { field: 'maxUnavailable', node: max, pair: maxPair }
  const minPair = findPair(spec, 'minAvailable')
  const min = deref(minPair?.value)
  if (!min || max) return null
  const always = asString(min) === '100%'
  if (always || (pods !== undefined && (resolve(min, pods) ?? 0) >= pods)) return { field: 'minAvailable', node: min, pair: minPair }
  return null
}

/** The fix for a blocking budget: `minAvailable: n` becomes `maxUnavailable: 1`, `maxUnavailable: 0` becomes 1. */
function unblock(b: Blocking): TextEdit[] | null {
  if (!b.pair || b.pair.key.kind !== 'scalar') return null
  if (b.field === 'maxUnavailable') return b.node.kind === 'scalar' ? [{ range: [b.node.start, b.node.end], text: '1' }] : null
  return [{ range: [b.pair.key.start, b.node.end], text: 'maxUnavailable: 1' }]
}

/** Fewest pods a rendered proxy runs: its HPA's floor when one scales it, else spec.replicas. */
function renderedPods(hpas: KubeObject[], replicas: number): { pods: number; how: string } {
  if (hpas.length) {
    const min = Math.max(...hpas.map(hpaMinReplicas))
    return { pods: min, how: `as few as ${plural(min)} (HorizontalPodAutoscaler minReplicas)` }
  }
  return { pods: replicas, how: plural(replicas) }
}

export default defineRule({
  meta: {
    id: 'proxy-disruption-budget',
    category: 'reliability',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment', 'policy/v1/PodDisruptionBudget', 'policy/v1beta1/PodDisruptionBudget'],
    fixable: true,
    description: 'Every gateway proxy Deployment needs a PodDisruptionBudget that still lets pods be evicted one at a time.',
    remediation:
      'Set gatewayProxies.<proxy>.podDisruptionBudget: {maxUnavailable: 1} (or a minAvailable below the replica count), or give the rendered proxy a PodDisruptionBudget that allows at least one eviction.',
    messages: {
      missing: "{{key}} is not set{{chart}}: gateway proxy '{{proxy}}' has no PodDisruptionBudget, so a node drain or cluster upgrade may evict all its pods at once.",
      missingOldChart:
        "Gateway proxy '{{proxy}}' has no PodDisruptionBudget, and chart {{version}} renders none from the values (podDisruptionBudget is read from 1.7.0-beta21): add a PodDisruptionBudget selecting gateway-proxy-id: {{proxy}}, or upgrade the chart.",
      blocks: "{{key}} is {{value}} while gateway proxy '{{proxy}}' runs {{pods}}: the PodDisruptionBudget blocks every voluntary eviction, so node drains and cluster upgrades stall.",
      renderedMissing:
        "No PodDisruptionBudget among the checked files selects gateway proxy '{{name}}' (gateway-proxy-id: {{name}}), so a node drain or cluster upgrade may evict all its pods at once.",
      renderedBlocks:
        "PodDisruptionBudget '{{pdb}}' sets {{field}}: {{value}} while gateway proxy '{{name}}' runs {{pods}}: it blocks every voluntary eviction, so node drains and cluster upgrades stall."
    }
  },

  *checkValues(v, { project }) {
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const scale = valuesScale(v, proxy, project)
      // kubectl drain skips DaemonSet pods, so a budget would guard nothing.
      if (scale.daemonSet) continue
      const pdb: ProxyFound | null = proxyValue(v, proxy, PDB)
      const spec = deref(pdb?.node)
      // The chart renders the budget only for a non-empty map (`{{ if $spec.podDisruptionBudget }}`).
      if (!spec || spec.kind !== 'map' || spec.pairs.length === 0) {
        // A PodDisruptionBudget object elsewhere in the run covers the proxy, and is checked there.
        if (workloadIndex(project).pdbsByProxyId.has(proxy.name)) continue
        // Before 1.7.0-beta21 the chart has no podDisruptionBudget key: a fix must not write a key it ignores.
        if (isBefore(v.chartVersion, PDB_SINCE)) {
          yield { messageId: 'missingOldChart', node: locate(v, proxyPath(proxy, PDB)), data: { proxy: proxy.name, version: v.chartVersion!.raw }, key: proxy.name }
          continue
        }
        const covered = coveredByDefault(v, proxy, PDB, fixedOnDefault)
        const fix = covered ? null : setValueFix(v, proxyPath(proxy, PDB), { maxUnavailable: '1' })
        if (proxy.isDefault && fix) fixedOnDefault.add(PDB.join('.'))
        yield { messageId: 'missing', node: locate(v, proxyPath(proxy, PDB)), data: { key: keyPath(v, proxyPath(proxy, PDB)), proxy: proxy.name, chart: versionNote(v.chartVersion, PDB_SINCE) }, fix, key: proxy.name }
        continue
      }
      const pods = minimumPods(scale)
      const b = blocking(spec, pods)
      if (!b) continue
      const path = b.field === 'minAvailable' ? MIN : MAX
      // An inherited minAvailable cannot be removed from the custom proxy (Helm merges maps), and
      // parameters hold no real key to rename.
      const own = !pdb!.inherited && !pdb!.layer.synthetic
      yield {
        messageId: 'blocks',
        severity: 'warning',
        node: b.node,
        data: {
          key: keyPath(v, proxyPath(proxy, path)),
          value: asString(b.node) ?? '',
          proxy: proxy.name,
          pods: scale.hpa ? `as few as ${plural(pods)} (autoscaler minReplicas)` : plural(pods)
        },
        fix: own ? unblock(b) : null,
        key: proxy.name
      }
    }
  },

  *checkObject(obj, { project }) {
    if (obj.kind === 'PodDisruptionBudget') {
      const targets = proxiesForPdb(project, obj).filter((p) => !p.daemonSet)
      const selectsProxy = targets.length > 0 || !!getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id'])
      if (!selectsProxy) return
      const sizes = targets.map((p) => renderedPods(hpasFor(project, p.name, p.namespace), p.replicas))
      const fewest = sizes.length ? sizes.reduce((a, b) => (b.pods < a.pods ? b : a)) : undefined
      const b = blocking(getNode(obj.root, ['spec']), fewest?.pods)
      if (!b) return
      const name = targets[0]?.name ?? asString(getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id'])) ?? ''
      yield {
        messageId: 'renderedBlocks',
        severity: 'warning',
        node: b.node,
        data: { pdb: obj.name, field: b.field, value: asString(b.node) ?? '', name, pods: fewest?.how ?? 'any number of pods' },
        fix: unblock(b)
      }
      return
    }
    const proxy = renderedProxy(obj)
    if (!proxy || proxy.daemonSet) return
    if (pdbsForProxy(project, proxyFact(proxy)).length) return
    yield { messageId: 'renderedMissing', node: locatePath(obj.root, ['metadata', 'name']), data: { name: proxy.name } }
  }
})
