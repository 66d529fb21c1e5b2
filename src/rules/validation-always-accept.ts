import { getValue, keyPath, locate, setValueFix } from '../load/install.js'
import { setPath } from '../load/edits.js'
import { getNode, isFalse, locatePath } from '../load/query.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'alwaysAcceptResources']
const CR_PATH = ['spec', 'gateway', 'validation', 'alwaysAccept']

export default defineRule({
  meta: {
    id: 'validation-always-accept',
    category: 'control-plane',
    severity: 'warning',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: true,
    description: 'The validation webhook must reject resources that fail validation.',
    remediation: 'Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).',
    messages: {
      values: '{{key}} is not false: the validation webhook accepts invalid resources (the chart default is true).',
      settings: "Settings '{{name}}' accepts invalid resources: spec.gateway.validation.alwaysAccept is not false."
    }
  },
  *checkValues(v) {
    if (isFalse(getValue(v, PATH)?.node)) return
    yield { messageId: 'values', node: locate(v, PATH), data: { key: keyPath(v, PATH) }, fix: setValueFix(v, PATH, 'false') }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/')) return
    const node = getNode(obj.root, CR_PATH)
    if (isFalse(node)) return
    yield {
      messageId: 'settings',
      node: locatePath(obj.root, CR_PATH),
      data: { name: obj.name },
      fix: setPath(obj.file.edit, obj.root, CR_PATH, 'false')
    }
  }
})
