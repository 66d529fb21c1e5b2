/** Gloo's validation (and its admission webhook) must stay on, so invalid resources never reach the proxies. */
import { getValue, keyPath, setValueFix } from '../load/install.js'
import { isFalse } from '../load/query.js'
import { defineRule } from './types.js'

const VALIDATION = ['gateway', 'validation', 'enabled']
const WEBHOOK = ['gateway', 'validation', 'webhook', 'enabled']

export default defineRule({
  meta: {
    id: 'validation-disabled',
    category: 'control-plane',
    severity: 'warning',
    kinds: ['values'],
    fixable: true,
    description: 'Gateway resource validation and its admission webhook must stay enabled.',
    remediation: 'Set gateway.validation.enabled: true and gateway.validation.webhook.enabled: true (or remove the false values: true is the chart default).',
    messages: {
      validation: '{{key}} is false: Gloo resources are no longer validated, and a broken VirtualService is only noticed when its routes stop working.',
      webhook: '{{key}} is false: no admission webhook rejects invalid Gloo resources, so kubectl apply succeeds with configuration the proxies cannot use.'
    }
  },
  *checkValues(v) {
    // Without the gateway controller nothing is validated or rendered, whatever these keys say.
    if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return
    for (const [messageId, path] of [['validation', VALIDATION], ['webhook', WEBHOOK]] as const) {
      const found = getValue(v, path)
      if (!found || !isFalse(found.node)) continue
      yield { messageId, node: found.node, data: { key: keyPath(v, path) }, fix: setValueFix(v, path, 'true') }
    }
  }
})
