import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'file-skipped',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A file was not checked (Helm template, binary, too large, unreadable).',
    remediation: 'Check the rendered output instead (helm template), or raise max-file-size if the file is legitimately large.',
    messages: { skipped: '{{path}} was not checked: {{reason}}.' }
  }
})
