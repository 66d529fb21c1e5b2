import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'internal-error',
    category: 'hygiene',
    severity: 'warning',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A rule failed on this file; the other rules still ran.',
    remediation: 'Report the file and the message to the gloo-harden maintainers.',
    messages: { crashed: "Rule '{{rule}}' failed on this file: {{error}}." }
  }
})
