import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    category: 'hygiene',
    severity: 'error',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'The file is not valid YAML (and is not a Helm template).',
    remediation: 'Fix the YAML syntax at the reported line and column.',
    messages: { invalid: 'Invalid YAML: {{reason}}.' }
  }
})
