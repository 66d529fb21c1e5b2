/** Gloo should replace the routes of an invalid resource with a direct response instead of serving stale config. */
import { getValue, keyPath, locate, setValueFix } from '../load/install.js'
import { setPath } from '../load/edits.js'
import { getNode, isFalse, isTrue, locatePath } from '../load/query.js'
import { defineRule } from './types.js'

const PATH = ['settings', 'invalidConfigPolicy', 'replaceInvalidRoutes']
/** Still honoured by the chart "for backwards compatibility". */
const LEGACY = ['settings', 'replaceInvalidRoutes']
const CR_PATH = ['spec', 'gloo', 'invalidConfigPolicy', 'replaceInvalidRoutes']

export default defineRule({
  meta: {
    id: 'invalid-routes-not-replaced',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: true,
    description: 'Gloo should replace invalid routes instead of keeping the last valid configuration.',
    remediation:
      'Set settings.invalidConfigPolicy.replaceInvalidRoutes: true (Settings: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes: true).',
    messages: {
      values:
        '{{key}} is not true: when a VirtualService becomes invalid, the proxies keep serving its last valid routes and nothing tells clients (the chart default is false).',
      settingsCreate:
        '{{key}} is false, so the chart renders no Settings and its invalidConfigPolicy has no effect: set spec.gloo.invalidConfigPolicy.replaceInvalidRoutes: true in the separately managed Settings.',
      settings:
        "Settings '{{name}}' keeps serving the last valid routes of an invalid VirtualService: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes is not true."
    }
  },
  *checkValues(v, { project }) {
    const create = getValue(v, ['settings', 'create'])
    if (create && isFalse(create.node)) {
      // The chart renders no Settings; one in the same change is checked on its own.
      if (project.objects.some((o) => o.kind === 'Settings' && o.apiVersion.startsWith('gloo.solo.io/'))) return
      yield { messageId: 'settingsCreate', node: create.node, data: { key: keyPath(v, ['settings', 'create']) } }
      return
    }
    const current = getValue(v, PATH)
    const legacy = getValue(v, LEGACY)
    if (isTrue(current?.node) || isTrue(legacy?.node)) return
    // A written `settings.replaceInvalidRoutes: false` is the value to flip; otherwise the current key.
    const path = !current && legacy ? LEGACY : PATH
    yield { messageId: 'values', node: locate(v, path), data: { key: keyPath(v, path) }, fix: setValueFix(v, path, 'true') }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/')) return
    if (isTrue(getNode(obj.root, CR_PATH))) return
    yield {
      messageId: 'settings',
      node: locatePath(obj.root, CR_PATH),
      data: { name: obj.name },
      fix: setPath(obj.file.edit, obj.root, CR_PATH, 'true')
    }
  }
})
