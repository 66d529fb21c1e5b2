import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'values-unresolved',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['values'],
    fixable: false,
    builtin: true,
    description: 'Chart values come from a place gloo-harden cannot read (Flux valuesFrom, an unparsable values string).',
    remediation: 'Inline the values in the repository, or check the values source separately.',
    messages: { unresolved: '{{message}}' }
  }
})
