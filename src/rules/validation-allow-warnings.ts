/** The validation webhook should reject resources whose validation produced warnings, not only errors. */
import { getValue, keyPath, locate, setValueFix } from '../load/install.js'
import { setPath } from '../load/edits.js'
import { getNode, isFalse, locatePath } from '../load/query.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'allowWarnings']
const CR_PATH = ['spec', 'gateway', 'validation', 'allowWarnings']

export default defineRule({
  meta: {
    id: 'validation-allow-warnings',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: true,
    description: 'The validation webhook should reject resources that validate with warnings.',
    remediation: 'Set gateway.validation.allowWarnings: false (Settings: spec.gateway.validation.allowWarnings: false).',
    messages: {
      values:
        '{{key}} is not false: resources that validate with warnings (such as a route to a missing Upstream or TLS secret) are accepted (the chart default is true).',
      settingsCreate:
        '{{key}} is false, so the chart renders no Settings and gateway.validation.allowWarnings has no effect: set spec.gateway.validation.allowWarnings: false in the separately managed Settings.',
      settings: "Settings '{{name}}' accepts resources that validate with warnings: spec.gateway.validation.allowWarnings is not false."
    }
  },
  *checkValues(v, { project }) {
    if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return
    // With validation off the chart renders no spec.gateway.validation at all: validation-disabled reports that.
    if (isFalse(getValue(v, ['gateway', 'validation', 'enabled'])?.node)) return
    const create = getValue(v, ['settings', 'create'])
    if (create && isFalse(create.node)) {
      // The chart renders no Settings; one in the same change is checked on its own.
      if (project.objects.some((o) => o.kind === 'Settings' && o.apiVersion.startsWith('gloo.solo.io/'))) return
      yield { messageId: 'settingsCreate', node: create.node, data: { key: keyPath(v, ['settings', 'create']) } }
      return
    }
    if (isFalse(getValue(v, PATH)?.node)) return
    yield { messageId: 'values', node: locate(v, PATH), data: { key: keyPath(v, PATH) }, fix: setValueFix(v, PATH, 'false') }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/')) return
    // No spec.gateway.validation means validation is off for this Settings; inserting allowWarnings alone
    // would silently turn validation on with default addresses, which is not a minimal fix.
    if (!getNode(obj.root, ['spec', 'gateway', 'validation'])) return
    if (isFalse(getNode(obj.root, CR_PATH))) return
    yield {
      messageId: 'settings',
      node: locatePath(obj.root, CR_PATH),
      data: { name: obj.name },
      fix: setPath(obj.file.edit, obj.root, CR_PATH, 'false')
    }
  }
})
