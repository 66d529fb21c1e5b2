/** The validation webhook must reject resources that fail validation, not only log them. */
import { getValue, keyPath, locate, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import type { ValuesInput } from '../forms/manifests.js'
import { getNode, isFalse, locatePath } from '../yaml/query.js'
import { hasSince } from '../gloo/version.js'
import { isUnset } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'alwaysAcceptResources']
const CR_PATH = ['spec', 'gateway', 'validation', 'alwaysAccept']

/**
 * Whether the values leave this rule nothing to say (catalog "Control-plane safeguards"): no gateway (no webhook,
 * every version), validation or its webhook off (validation-disabled reports that), or no Settings rendered
 * (`settings.create: false`: the member Settings CR is checked on its own, and none is the engine's notice).
 */
function silenced(v: ValuesInput): boolean {
  if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return true
  if (isFalse(getValue(v, ['gateway', 'validation', 'enabled'])?.node)) return true
  if (hasSince(v.chartVersion, '1.3.27/1.4.0-beta11') && isFalse(getValue(v, ['gateway', 'validation', 'webhook', 'enabled'])?.node)) return true
  return isFalse(getValue(v, ['settings', 'create'])?.node)
}

export default defineRule({
  meta: {
    id: 'validation-always-accept',
    category: 'control-plane',
    severity: 'warning',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: true,
    // A Settings resource of an install whose values turn the gateway off configures no webhook (catalog
    // "Control-plane safeguards": no finding with gateway.enabled: false).
    readsValuesFacts: true,
    description: 'The validation webhook must reject resources that fail validation.',
    remediation: 'Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).',
    messages: {
      values: '{{key}} is {{state}}: the validation webhook accepts invalid resources.',
      settings: "Settings '{{name}}' accepts invalid resources: spec.gateway.validation.alwaysAccept is {{state}}.",
      reject: 'Set {{key}}: false (check first why it was set to true: invalid resources are then rejected on apply).'
    }
  },
  *checkValues(v) {
    if (silenced(v)) return
    const found = getValue(v, PATH)
    if (isFalse(found?.node)) return
    const data = { key: keyPath(v, PATH), state: isUnset(found?.node) ? 'not set (the chart default is true)' : 'not false' }
    const edits = setValueFix(v, PATH, 'false')
    // Safe only when nothing a human wrote is reversed (catalog section 2); the key is read since 1.3.0.
    if (isUnset(found?.node)) yield { messageId: 'values', node: locate(v, PATH), data, fix: edits }
    else yield { messageId: 'values', node: locate(v, PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined }
  },
  *checkObject(obj, { project }) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/') || project.gatewayDisabled) return
    const node = getNode(obj.root, CR_PATH)
    if (isFalse(node)) return
    const edits = setPath(obj.file.edit, obj.root, CR_PATH, 'false')
    const data = { name: obj.name, key: CR_PATH.join('.'), state: isUnset(node) ? 'not set' : 'not false' }
    // Without a spec.gateway.validation block the Settings configures no validation at all: creating the block is
    // more than flipping one value (allowWarnings and the rest then take their defaults), so it needs a human.
    const configured = getNode(obj.root, CR_PATH.slice(0, -1)) !== null
    if (isUnset(node) && configured) yield { messageId: 'settings', node: locatePath(obj.root, CR_PATH), data, fix: edits }
    else if (isUnset(node)) yield { messageId: 'settings', node: locatePath(obj.root, CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined }
    else yield { messageId: 'settings', node: locatePath(obj.root, CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined }
  }
})
