/** The Gloo validation webhook should fail closed: while it cannot answer, Gloo resources are not admitted. */
import { getValue, getValueOrNull, helmTruthy, keyPath, locate, setValueFix } from '../gloo/values.js'
import { insertInto, replaceScalar } from '../yaml/edits.js'
import { getNode, isFalse, isMap, isScalar, seqItems, str } from '../yaml/query.js'
import { hasSince, isBefore } from '../gloo/version.js'
import { defineRule } from './types.js'

const PATH = ['gateway', 'validation', 'failurePolicy']
const VWC_PREFIX = 'gloo-gateway-validation-webhook-'
// `gloo.<ns>.svc` from 1.12.0-beta8, `gateway.<ns>.svc` before; `kube.<ns>.svc` (core resources,
// kubeCoreFailurePolicy) is deliberately not matched: failing closed there blocks deleting Secrets and namespaces.
const GLOO_WEBHOOK = /^(gloo|gateway)\.[^.]+\.svc$/
/** The webhook is `admissionregistration.k8s.io/v1` (API default `Fail`) from here, v1beta1 (`Ignore`) before. */
const V1_SINCE = '1.9.0-beta19'

export default defineRule({
  meta: {
    id: 'validation-failure-policy',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration'],
    fixable: false,
    description: 'The Gloo validation webhook should reject Gloo resources while validation is unavailable.',
    remediation:
      'Set gateway.validation.failurePolicy: Fail (rendered: failurePolicy: Fail on the gloo webhook); leave kubeCoreFailurePolicy alone.',
    messages: {
      values:
        '{{key}} is {{policy}}: while the gloo validation service is down or unreachable, any Gloo resource is admitted unvalidated.',
      rendered:
        "Webhook '{{webhook}}' of ValidatingWebhookConfiguration '{{name}}' has failurePolicy {{policy}}: while the gloo validation service is down, any Gloo resource is admitted unvalidated.",
      failClosed:
        'Set failurePolicy: Fail on the gloo webhook only (check first that gloo runs more than one replica: while it is down, no Gloo resource can be applied).'
    }
  },
  *checkValues(v) {
    // The chart renders the webhook only when all three are on (T5:2); webhook.enabled exists from 1.3.27/1.4.0-beta11.
    if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return
    if (isFalse(getValue(v, ['gateway', 'validation', 'enabled'])?.node)) return
    if (hasSince(v.chartVersion, '1.3.27/1.4.0-beta11') && isFalse(getValue(v, ['gateway', 'validation', 'webhook', 'enabled'])?.node)) return
    const found = getValueOrNull(v, PATH)
    let policy: string
    if (!found) policy = 'not set (the chart default is Ignore)'
    else if (helmTruthy(found)) {
      if (isScalar(found.node) && found.node.value === 'Fail') return
      policy = isScalar(found.node) ? found.node.value : 'not Fail'
    } else {
      // A falsy value renders no failurePolicy (T5:70): the API default decides, Fail for v1 webhooks.
      if (!isBefore(v.chartVersion, V1_SINCE)) return
      const what = found.deleted ? 'null' : isScalar(found.node) && found.node.value === '' ? 'empty' : 'falsy'
      policy = `${what}, so chart ${v.chartVersion!.raw} renders no failurePolicy and its admissionregistration.k8s.io/v1beta1 webhook defaults to Ignore`
    }
    const edits = setValueFix(v, PATH, 'Fail')
    yield {
      messageId: 'values',
      node: locate(v, PATH),
      data: { key: keyPath(v, PATH), policy },
      // Suggest only (catalog): failing closed blocks every Gloo resource while gloo is down.
      suggest: edits?.length ? [{ messageId: 'failClosed', edits }] : undefined
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
      const edits = isScalar(node) ? [replaceScalar(node, 'Fail')] : insertInto(obj.file.edit, hook, [['failurePolicy', 'Fail']])
      yield {
        messageId: 'rendered',
        node: node ?? getNode(hook, ['name'])!,
        data: { webhook, name: obj.name, policy },
        key: webhook,
        suggest: edits?.length ? [{ messageId: 'failClosed', edits }] : undefined
      }
    }
  }
})
