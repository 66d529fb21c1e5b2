import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'yaml-duplicate-key',
    category: 'hygiene',
    severity: 'warning',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A mapping holds the same key twice; Helm keeps the last one, kubectl rejects the file.',
    remediation: 'Merge the two entries into one key.',
    messages: { duplicate: "Key '{{key}}' is defined again here (first on line {{firstLine}}); Helm keeps this one, kubectl apply rejects the file." }
  }
})
