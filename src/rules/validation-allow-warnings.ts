/** The validation webhook should reject resources whose validation produced warnings, not only errors. */
import { getValue, keyPath, locate, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import type { ValuesInput } from '../forms/manifests.js'
import { getNode, isFalse, locatePath } from '../yaml/query.js'
import { hasSince } from '../gloo/version.js'
import { isUnset } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'allowWarnings']
const CR_PATH = ['spec', 'gateway', 'validation', 'allowWarnings']
/** The chart defaults allowWarnings to true from these versions (catalog 4.1). */
const DEFAULT_SINCE = '1.3.30/1.4.0-beta15'

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

/** How an absent key reads: the chart default, and the version that default is assumed for. */
function absentState(v: ValuesInput): string {
  if (!v.chartVersion) return `not set (the chart default is true; assuming chart ≥ ${DEFAULT_SINCE}; the chart version is unknown)`
  if (hasSince(v.chartVersion, DEFAULT_SINCE)) return `not set (the default of chart ${v.chartVersion.raw} is true)`
  return `not set (chart ${v.chartVersion.raw} predates the default of ${DEFAULT_SINCE} and renders none, so Gloo's own applies)`
}

export default defineRule({
  meta: {
    id: 'validation-allow-warnings',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: false,
    // A Settings resource of an install whose values turn the gateway off configures no webhook (catalog
    // "Control-plane safeguards": no finding with gateway.enabled: false).
    readsValuesFacts: true,
    description: 'The validation webhook should reject resources that validate with warnings.',
    remediation: 'Set gateway.validation.allowWarnings: false (Settings: spec.gateway.validation.allowWarnings: false).',
    messages: {
      values:
        '{{key}} is {{state}}: resources that validate with warnings (such as a route to a missing Upstream or TLS secret) are accepted.',
      settings: "Settings '{{name}}' accepts resources that validate with warnings: spec.gateway.validation.allowWarnings is not false.",
      reject:
        'Set {{key}}: false (check first that resources are applied in order: a VirtualService whose TLS secret is not there yet is then rejected).'
    }
  },
  *checkValues(v) {
    if (silenced(v)) return
    const found = getValue(v, PATH)
    if (isFalse(found?.node)) return
    const data = { key: keyPath(v, PATH), state: isUnset(found?.node) ? absentState(v) : 'not false' }
    const edits = setValueFix(v, PATH, 'false')
    // Suggest only (catalog: it can reject resources applied before what they reference).
    yield { messageId: 'values', node: locate(v, PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined }
  },
  *checkObject(obj, { project }) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/') || project.gatewayDisabled) return
    // No spec.gateway.validation means validation is off for this Settings; inserting allowWarnings alone
    // would silently turn validation on with default addresses, which is not a minimal change.
    if (!getNode(obj.root, ['spec', 'gateway', 'validation'])) return
    if (isFalse(getNode(obj.root, CR_PATH))) return
    const edits = setPath(obj.file.edit, obj.root, CR_PATH, 'false')
    const data = { name: obj.name, key: CR_PATH.join('.') }
    yield { messageId: 'settings', node: locatePath(obj.root, CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined }
  }
})
