/** Header secrets of an Upstream should come from the Upstream's own namespace, not from anywhere in the cluster. */
import { getValue, keyPath, locate, setValueFix } from '../load/install.js'
import { isTrue } from '../load/query.js'
import { isAtLeast } from '../load/version.js'
import { defineRule } from './types.js'

const PATH = ['gloo', 'headerSecretRefNsMatchesUs']

export default defineRule({
  meta: {
    id: 'header-secret-namespace',
    category: 'security',
    severity: 'notice',
    kinds: ['values'],
    fixable: true,
    description: 'Secrets sent as headers via headerSecretRefs should be limited to the Upstream\'s namespace.',
    remediation: 'Set gloo.headerSecretRefNsMatchesUs: true (chart 1.14.13 and later).',
    messages: {
      values:
        '{{key}} is not true: an Upstream or route can send the contents of a header Secret from any namespace to its destination (the chart default is false).'
    }
  },
  *checkValues(v) {
    // The key exists since 1.14.13; an unknown version is taken as the newest chart.
    if (!isAtLeast(v.chartVersion, '1.14.13')) return
    if (isTrue(getValue(v, PATH)?.node)) return
    yield { messageId: 'values', node: locate(v, PATH), data: { key: keyPath(v, PATH) }, fix: setValueFix(v, PATH, 'true') }
  }
})
