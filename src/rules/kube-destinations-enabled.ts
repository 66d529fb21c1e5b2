/** kube-destinations-enabled: Gloo should not turn every Kubernetes Service into an in-memory Upstream. */
import { getValue, keyPath, locate, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import type { ValuesInput } from '../forms/manifests.js'
import { describeDestinations } from '../gloo/project.js'
import { getNode, isFalse, isTrue, locatePath } from '../yaml/query.js'
import { isBefore, versionNote } from '../gloo/version.js'
import { defineRule, safeIf } from './types.js'

const PATH = ['settings', 'disableKubernetesDestinations']
const CR_PATH = ['spec', 'gloo', 'disableKubernetesDestinations']
const SINCE = '1.3.3'

const isSettings = (apiVersion: string, kind: string): boolean => kind === 'Settings' && apiVersion.startsWith('gloo.solo.io/')

/** Where the file sets the key somewhere the chart never reads it (the Settings CR path, or OSS keys at a gloo-ee root). */
function misplacedKey(v: ValuesInput): string | undefined {
  if (isTrue(getValue(v, ['settings', 'gloo', 'disableKubernetesDestinations'])?.node)) return keyPath(v, ['settings', 'gloo', 'disableKubernetesDestinations'])
  if (v.chart !== 'gloo-ee') return undefined
  for (const layer of v.layers) {
    const chartRoot = getNode(layer.root, layer.ossPath.slice(0, -1))
    if (isTrue(getNode(chartRoot, PATH))) return [...layer.ossPath.slice(0, -1), ...PATH].join('.')
  }
  return undefined
}

export default defineRule({
  meta: {
    id: 'kube-destinations-enabled',
    category: 'security',
    severity: 'warning',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: true,
    readsValuesFacts: true,
    description: 'Kubernetes destinations should be disabled so that routes reach services only through declared Upstreams.',
    remediation:
      'Move routes that use kube destinations to Upstreams, then set settings.disableKubernetesDestinations: true in the values (Settings: spec.gloo.disableKubernetesDestinations: true).',
    messages: {
      values:
        '{{key}} is not true{{chart}}, and the chart default is false: Gloo turns every Kubernetes Service into an in-memory Upstream that any route can reach, at a cost in control-plane memory and translation time.',
      valuesInUse:
        '{{key}} is not true{{chart}}, and routes in this change use Kubernetes destinations ({{routes}}); migrate them to Upstreams first, then set it to true.',
      misplaced:
        '{{key}} is not true{{chart}}: {{misplaced}} is set instead, but the chart ignores that key, so Kubernetes destinations stay enabled.',
      settingsCreate:
        '{{key}} is false, so the chart renders no Settings resource and its settings.disableKubernetesDestinations has no effect: disable Kubernetes destinations in the separately managed Settings (spec.gloo.disableKubernetesDestinations: true).',
      oldChart:
        'Chart {{version}} has no {{key}} (added in {{since}}): disable Kubernetes destinations in the Settings resource (spec.gloo.disableKubernetesDestinations: true) or upgrade the chart.',
      disable:
        'Disable Kubernetes destinations once no route of the install uses one (declare the install complete: true in the config to have --fix apply this).',
      settings:
        "Settings '{{name}}' does not set spec.gloo.disableKubernetesDestinations: true: Gloo turns every Kubernetes Service into an in-memory Upstream that any route can reach.",
      settingsInUse:
        "Settings '{{name}}' keeps Kubernetes destinations enabled, and routes in this change use them ({{routes}}); migrate them to Upstreams first, then set spec.gloo.disableKubernetesDestinations: true."
    }
  },

  *checkValues(v, { project, install }) {
    const complete = install?.complete === true
    // The Knative integration routes to Kubernetes destinations by design.
    if (project.knative) return
    const create = getValue(v, ['settings', 'create'])
    if (create && isFalse(create.node)) {
      // The chart renders no Settings, so even a true value here changes nothing; a Settings resource in the
      // same change is checked on its own.
      if (project.settings > 0) return
      yield { messageId: 'settingsCreate', node: create.node, data: { key: keyPath(v, ['settings', 'create']) } }
      return
    }
    if (isTrue(getValue(v, PATH)?.node)) return
    const key = keyPath(v, PATH)
    const node = locate(v, PATH)
    // The key is read from 1.3.3 (catalog 4.3): below, oldChart; the other verdicts rest on a chart that reads it.
    const chart = versionNote(v.chartVersion, SINCE)
    if (isBefore(v.chartVersion, SINCE)) {
      yield { messageId: 'oldChart', node, data: { key, version: v.chartVersion!.raw, since: SINCE } }
      return
    }
    if (project.kubeDestinations.length) {
      yield { messageId: 'valuesInUse', node, data: { key, chart, routes: describeDestinations(project.kubeDestinations) } }
      return
    }
    const misplaced = misplacedKey(v)
    if (misplaced) {
      // values-unknown-key moves the misplaced key; inserting here too would leave a duplicate.
      yield { messageId: 'misplaced', node, data: { key, chart, misplaced } }
      return
    }
    // Safe only for a complete install: a route outside the checked files may still use a Kubernetes destination.
    yield { messageId: 'values', node, data: { key, chart }, ...safeIf(complete, setValueFix(v, PATH, 'true'), 'disable') }
  },

  *checkObject(obj, { project, install }) {
    if (!isSettings(obj.apiVersion, obj.kind)) return
    if (project.knative) return
    if (isTrue(getNode(obj.root, CR_PATH))) return
    const node = locatePath(obj.root, CR_PATH)
    if (project.kubeDestinations.length) {
      yield { messageId: 'settingsInUse', node, data: { name: obj.name, routes: describeDestinations(project.kubeDestinations) } }
      return
    }
    yield { messageId: 'settings', node, data: { name: obj.name }, ...safeIf(install?.complete === true, setPath(obj.file.edit, obj.root, CR_PATH, 'true'), 'disable') }
  }
})
