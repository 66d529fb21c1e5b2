import { getValue, keyPath, locate, proxyPath, proxyValue, renderedProxy, renderedReplicas, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import { versionNote, withNote } from '../gloo/version.js'
import { asNumber, getNode, locatePath } from '../yaml/query.js'
import { coveredByDefault, describeSetting, hpaMinReplicas, hpasFor, proxiesForHpa, renderedValuesProxies, valuesScale } from '../gloo/workloads.js'
import { valuesHostNetwork } from '../gloo/security.js'
import { defineRule } from './types.js'

/** From here a `replicas: 0` is omitted and the proxy runs one pod (or its autoscaler's); before, zero pods (catalog 4.2). */
const ZERO_DROPPED_SINCE = '1.3.15'
const REPLICAS = ['kind', 'deployment', 'replicas']
const HPA_MIN = ['horizontalPodAutoscaler', 'minReplicas']
/** A key people write for the proxy's replicas that the chart never reads. */
const MISPLACED = ['deployment', 'replicas']

/** Raising minReplicas above maxReplicas would make the HPA invalid. */
const roomForTwo = (max: number | undefined): boolean => max === undefined || max >= 2

export default defineRule({
  meta: {
    id: 'proxy-single-replica',
    category: 'reliability',
    severity: 'warning',
    kinds: ['values', 'apps/v1/Deployment', 'autoscaling/v2/HorizontalPodAutoscaler', 'autoscaling/v1/HorizontalPodAutoscaler'],
    fixable: true,
    description: 'Every gateway proxy must run at least two pods.',
    remediation:
      'Set gatewayProxies.<proxy>.kind.deployment.replicas: 2 (or an autoscaler minReplicas of at least 2), or spec.replicas: 2 on the rendered proxy Deployment.',
    messages: {
      values: "{{key}} is {{state}}: gateway proxy '{{proxy}}' runs a single Envoy pod, so a node drain, eviction or crash drops all its traffic.",
      misplaced:
        "{{key}} is {{state}}, and {{misplaced}} is not a chart key (the chart reads kind.deployment.replicas): gateway proxy '{{proxy}}' runs a single Envoy pod.",
      hpaMin: "{{key}} is {{state}}: the autoscaler can shrink gateway proxy '{{proxy}}' to a single Envoy pod, so a node drain, eviction or crash drops all its traffic.",
      rendered: "Gateway proxy '{{name}}' runs a single Envoy pod ({{state}}) and no HorizontalPodAutoscaler keeps two, so a node drain, eviction or crash drops all its traffic.",
      twoOnHostNetwork:
        'Set two replicas where the pods can run on different nodes: under hostNetwork each pod binds the host ports, so two pods never share a node.',
      renderedHpa: "HorizontalPodAutoscaler '{{hpa}}' can shrink gateway proxy '{{name}}' to a single Envoy pod ({{state}}), so a node drain, eviction or crash drops all its traffic."
    }
  },

  *checkValues(v, { project }) {
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const scale = valuesScale(v, proxy, project)
      if (scale.daemonSet) continue
      const { hpa } = scale
      if (hpa) {
        // An HPA object elsewhere in the run is reported on that object, where its fix belongs.
        if (hpa.min >= 2 || hpa.source === 'object') continue
        const max = asNumber(getNode(hpa.found?.node, ['maxReplicas']))
        const covered = coveredByDefault(v, proxy, HPA_MIN, fixedOnDefault)
        const fix = covered || !roomForTwo(max) ? null : setValueFix(v, proxyPath(proxy, HPA_MIN), '2')
        if (proxy.isDefault && fix) fixedOnDefault.add(HPA_MIN.join('.'))
        yield {
          messageId: 'hpaMin',
          node: locate(v, proxyPath(proxy, HPA_MIN)),
          data: { key: keyPath(v, proxyPath(proxy, HPA_MIN)), state: describeSetting(v, HPA_MIN, proxyValue(v, proxy, HPA_MIN), '1'), proxy: proxy.name },
          fix,
          key: proxy.name
        }
        continue
      }
      if (scale.replicas >= 2) continue
      // The chart renders replicas only when truthy (catalog 4.2): a 0 is dropped and one pod runs.
      const zero = asNumber(scale.replicasFound?.node) === 0
      // Dropping a 0 is what charts ≥ 1.3.15 do (catalog 4.2, "Replicas"); before, a 0 runs no pod.
      const state = zero
        ? withNote('0, which the chart drops (it renders replicas only when truthy)', versionNote(v.chartVersion, ZERO_DROPPED_SINCE))
        : describeSetting(v, REPLICAS, scale.replicasFound, '1')
      const data = { key: keyPath(v, proxyPath(proxy, REPLICAS)), state, proxy: proxy.name }
      const misplaced = scale.replicasFound ? null : getValue(v, proxyPath(proxy, MISPLACED))
      if (misplaced) {
        // values-unknown-key moves the misplaced key; a second fix here would write kind.deployment twice.
        yield { messageId: 'misplaced', node: misplaced.node, data: { ...data, misplaced: keyPath(v, proxyPath(proxy, MISPLACED)) }, key: proxy.name }
        continue
      }
      const covered = coveredByDefault(v, proxy, REPLICAS, fixedOnDefault)
      const edits = covered ? null : setValueFix(v, proxyPath(proxy, REPLICAS), '2')
      // Under host networking every pod binds the node's ports: a second replica needs a second node (catalog: safe unless hostNetwork).
      if (valuesHostNetwork(v, proxy)) {
        yield { messageId: 'values', node: locate(v, proxyPath(proxy, REPLICAS)), data, suggest: edits?.length ? [{ messageId: 'twoOnHostNetwork', edits }] : undefined, key: proxy.name }
        continue
      }
      if (proxy.isDefault && edits) fixedOnDefault.add(REPLICAS.join('.'))
      yield { messageId: 'values', node: locate(v, proxyPath(proxy, REPLICAS)), data, fix: edits, key: proxy.name }
    }
  },

  *checkObject(obj, { project }) {
    if (obj.kind === 'HorizontalPodAutoscaler') {
      const targets = proxiesForHpa(project, obj)
      if (!targets.length) return
      const min = hpaMinReplicas(obj)
      if (min >= 2) return
      const minNode = getNode(obj.root, ['spec', 'minReplicas'])
      const max = asNumber(getNode(obj.root, ['spec', 'maxReplicas']))
      yield {
        messageId: 'renderedHpa',
        node: locatePath(obj.root, ['spec', 'minReplicas']),
        data: { hpa: obj.name, name: targets[0].name, state: minNode ? `spec.minReplicas is ${min}` : 'spec.minReplicas is not set (default 1)' },
        fix: roomForTwo(max) ? setPath(obj.file.edit, obj.root, ['spec', 'minReplicas'], '2') : null
      }
      return
    }
    const proxy = renderedProxy(obj)
    if (!proxy || proxy.daemonSet) return
    // An HPA owns the replica count; it is checked (and fixed) on the HPA itself.
    if (hpasFor(project, proxy.name, obj.namespace).length) return
    const replicas = renderedReplicas(proxy)
    if (replicas >= 2) return
    const node = getNode(obj.root, ['spec', 'replicas'])
    yield {
      messageId: 'rendered',
      node: locatePath(obj.root, ['spec', 'replicas']),
      data: { name: proxy.name, state: node ? `spec.replicas is ${replicas}` : 'spec.replicas is not set (default 1)' },
      fix: setPath(obj.file.edit, obj.root, ['spec', 'replicas'], '2')
    }
  }
})
