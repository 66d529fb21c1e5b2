/** The Gloo validation webhook should fail closed: while it cannot answer, Gloo resources are not admitted. */
import { getValue, keyPath, locate, setValueFix } from '../load/install.js'
import { insertInto, replaceScalar } from '../load/edits.js'
import { getNode, isFalse, isMap, isScalar, seqItems, str } from '../load/query.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'failurePolicy']
const VWC_PREFIX = 'gloo-gateway-validation-webhook-'
// `gloo.<ns>.svc` since 1.12, `gateway.<ns>.svc` before; `kube.<ns>.svc` (core resources) is deliberately not matched.
const GLOO_WEBHOOK = /^(gloo|gateway)\.[^.]+\.svc$/

export default defineRule({
  meta: {
    id: 'validation-failure-policy',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration'],
    fixable: true,
    description: 'The Gloo validation webhook should reject Gloo resources while validation is unavailable.',
    remediation:
      'Set gateway.validation.failurePolicy: Fail (rendered: failurePolicy: Fail on the gloo webhook); leave kubeCoreFailurePolicy alone.',
    messages: {
      values:
        '{{key}} is {{policy}}: while the gloo validation service is down or unreachable, any Gloo resource is admitted unvalidated.',
      rendered:
        "Webhook '{{webhook}}' of ValidatingWebhookConfiguration '{{name}}' has failurePolicy {{policy}}: while the gloo validation service is down, any Gloo resource is admitted unvalidated."
    }
  },
  *checkValues(v) {
    // The chart renders the webhook only when all three are on.
    for (const gate of [['gateway', 'enabled'], ['gateway', 'validation', 'enabled'], ['gateway', 'validation', 'webhook', 'enabled']])
      if (isFalse(getValue(v, gate)?.node)) return
    const found = getValue(v, PATH)
    const policy = found && isScalar(found.node) ? found.node.value : ''
    if (policy === 'Fail') return
    yield {
      messageId: 'values',
      node: locate(v, PATH),
      data: { key: keyPath(v, PATH), policy: found ? policy || 'empty' : 'not set (the chart default is Ignore)' },
      fix: setValueFix(v, PATH, 'Fail')
    }
  },
  *checkObject(obj) {
    if (obj.kind !== 'ValidatingWebhookConfiguration' || !obj.apiVersion.startsWith('admissionregistration.k8s.io/')) return
    if (!obj.name.startsWith(VWC_PREFIX)) return
    for (const hook of seqItems(getNode(obj.root, ['webhooks']))) {
      const webhook = str(hook, ['name']) ?? ''
      if (!isMap(hook) || !GLOO_WEBHOOK.test(webhook)) continue
      const node = getNode(hook, ['failurePolicy'])
      if (isScalar(node) && node.value === 'Fail') continue
      // The API server defaults an absent failurePolicy to Fail in v1 and to Ignore in v1beta1.
      if (!node && !obj.apiVersion.endsWith('/v1beta1')) continue
      const policy = isScalar(node) ? node.value : 'Ignore (the v1beta1 default)'
      yield {
        messageId: 'rendered',
        node: node ?? getNode(hook, ['name'])!,
        data: { webhook, name: obj.name, policy },
        key: webhook,
        fix: isScalar(node) ? [replaceScalar(node, 'Fail')] : insertInto(obj.file.edit, hook, [['failurePolicy', 'Fail']])
      }
    }
  }
})
