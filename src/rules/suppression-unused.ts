import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'suppression-unused',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A gloo-harden-ignore comment or annotation matches no finding, or cannot be read.',
    remediation: 'Remove the stale suppression; write a malformed one as `# gloo-harden-ignore <rule-id>: <reason>` or `gloo-harden.io/ignore: "<rule-id>, <rule-id>"`.',
    messages: {
      unused: "This suppression of '{{rule}}' matches no finding; remove it.",
      unknownRule: "'{{rule}}' is not a gloo-harden rule id.",
      noReason: "This suppression of '{{rule}}' gives no reason; write one after a colon.",
      noRule: 'The suppression {{what}} names no rule id, so it suppresses nothing.',
      badDirective: "'{{word}}' is not a gloo-harden suppression, so it suppresses nothing; write {{expected}}.",
      badSeparator: "'{{separator}}' has no place in a suppression {{what}}, so it suppresses nothing; write {{expected}}.",
      spacedId: "'{{rule}}' is not a rule id (rule ids have no spaces), so the suppression suppresses nothing; separate rule ids with commas and write the reason after a colon.",
      didYouMean: "'{{rule}}' is not a rule id; did you mean {{suggestion}}?"
    }
  }
})
