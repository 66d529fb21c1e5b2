/** Upstream discovery watches every Service and writes an Upstream for each: turn it off and declare Upstreams. */
import { getValue, keyPath, locate, setValueFix } from '../gloo/values.js'
import { describeRefs, undefinedDiscoveredRefs } from '../gloo/upstream-refs.js'
import { asNumber, getNode, isFalse, isTrue } from '../yaml/query.js'
import { isBefore } from '../gloo/version.js'
import { defineRule, safeIf } from './types.js'

const PATH = ['discovery', 'enabled']
/** Discovery was on by default until chart 1.20.0-beta3. */
const DEFAULT_OFF_SINCE = '1.20.0-beta3'

export default defineRule({
  meta: {
    id: 'discovery-enabled',
    category: 'performance',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment'],
    fixable: true,
    description: 'Upstream discovery should be off in production; declare the Upstreams you route to.',
    remediation:
      'Set discovery.enabled: false after defining a static Upstream for every discovered one your routes use (rendered: delete the discovery Deployment).',
    messages: {
      values: '{{key}} is not false: discovery watches every Service and rewrites Upstreams for them, load that a declared set of Upstreams avoids.',
      chartDefault:
        '{{key}} is not set, and chart {{version}} runs discovery by default (until 1.20.0-beta3): it watches every Service and rewrites Upstreams for them.',
      rendered: "Deployment '{{name}}' runs Upstream discovery, which watches every Service and rewrites Upstreams for them.",
      turnOff:
        'Turn discovery off once every route of the install uses static Upstreams (declare the install complete: true in the config to have --fix apply this).',
      inUse:
        'Discovery is on ({{what}}) and routes use Upstreams that look discovered and that no file defines: {{refs}}; they must become static Upstreams before discovery is turned off.'
    }
  },
  *checkValues(v, { project, install }) {
    const found = getValue(v, PATH)
    if (isFalse(found?.node)) return
    if (!found && !isBefore(v.chartVersion, DEFAULT_OFF_SINCE)) return
    const key = keyPath(v, PATH)
    const severity = found ? undefined : 'warning'
    const refs = undefinedDiscoveredRefs(project)
    if (refs.length) {
      const what = found ? `${key}: ${found.node.kind === 'scalar' ? found.node.value : '…'}` : `the chart ${v.chartVersion?.raw} default`
      yield { messageId: 'inUse', severity, node: locate(v, PATH), data: { what, refs: describeRefs(refs) } }
      return
    }
    yield {
      messageId: found ? 'values' : 'chartDefault',
      severity,
      node: locate(v, PATH),
      data: { key, version: v.chartVersion?.raw },
      // Safe only for a complete install (a route outside the checked files may use a discovered Upstream) and
      // without the ingress integration, which needs discovered Upstreams.
      ...safeIf(install?.complete === true && !isTrue(getValue(v, ['ingress', 'enabled'])?.node), setValueFix(v, PATH, 'false'), 'turnOff')
    }
  },
  *checkObject(obj, { project }) {
    if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'discovery') return
    if (asNumber(getNode(obj.root, ['spec', 'replicas'])) === 0) return
    const node = getNode(obj.root, ['metadata', 'name']) ?? obj.root
    const refs = undefinedDiscoveredRefs(project)
    if (refs.length) {
      yield { messageId: 'inUse', node, data: { what: `Deployment '${obj.name}' runs`, refs: describeRefs(refs) } }
      return
    }
    yield { messageId: 'rendered', node, data: { name: obj.name } }
  }
})
