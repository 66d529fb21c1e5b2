/** Gloo's validation (and its admission webhook) must stay on, so invalid resources never reach the proxies. */
import { getValue, keyPath, setValueFix } from '../gloo/values.js'
import { isFalse } from '../yaml/query.js'
import { hasSince, versionNote } from '../gloo/version.js'
import { defineRule } from './types.js'

const VALIDATION = ['gateway', 'validation', 'enabled']
const WEBHOOK = ['gateway', 'validation', 'webhook', 'enabled']
/** First chart of each release line that reads `gateway.validation.webhook.enabled` (catalog 4.3). */
const WEBHOOK_SINCE = '1.3.27/1.4.0-beta11'

export default defineRule({
  meta: {
    id: 'validation-disabled',
    category: 'control-plane',
    severity: 'warning',
    kinds: ['values'],
    fixable: false,
    description: 'Gateway resource validation and its admission webhook must stay enabled.',
    remediation: 'Set gateway.validation.enabled: true and gateway.validation.webhook.enabled: true (or remove the false values: true is the chart default).',
    messages: {
      validation: '{{key}} is false: Gloo resources are no longer validated, and a broken VirtualService is only noticed when its routes stop working.',
      webhook: '{{key}} is false{{chart}}: no admission webhook rejects invalid Gloo resources, so kubectl apply succeeds with configuration the proxies cannot use.',
      enable: 'Set {{key}}: true (or remove it: true is the chart default); check first why it was turned off.'
    }
  },
  *checkValues(v) {
    // Without the gateway controller nothing is validated or rendered, whatever these keys say (1.22.1 T5:2).
    if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return
    for (const [messageId, path] of [['validation', VALIDATION], ['webhook', WEBHOOK]] as const) {
      // Charts before 1.3.27/1.4.0-beta11 do not read webhook.enabled: the webhook renders anyway.
      if (messageId === 'webhook' && !hasSince(v.chartVersion, WEBHOOK_SINCE)) continue
      const found = getValue(v, path)
      if (!found || !isFalse(found.node)) continue
      // The webhook key is read from 1.3.27/1.4.0-beta11 (catalog 4.3); validation.enabled by every chart.
      const data = { key: keyPath(v, path), chart: messageId === 'webhook' ? versionNote(v.chartVersion, WEBHOOK_SINCE) : '' }
      // Suggest only (catalog section 2): turning validation back on may start rejecting resources a human applies.
      const edits = setValueFix(v, path, 'true')
      yield { messageId, node: found.node, data, suggest: edits?.length ? [{ messageId: 'enable', data, edits }] : undefined }
    }
  }
})
