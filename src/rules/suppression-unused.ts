import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'suppression-unused',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A gloo-harden-ignore comment or annotation matches no finding.',
    remediation: 'Remove the stale suppression.',
    messages: {
      unused: "This suppression of '{{rule}}' matches no finding; remove it.",
      unknownRule: "'{{rule}}' is not a gloo-harden rule id.",
      noReason: "This suppression of '{{rule}}' gives no reason; write one after a colon."
    }
  }
})
