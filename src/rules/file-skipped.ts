import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'file-skipped',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A file was not read (binary, too large, not UTF-8 or UTF-16, a link out of the repository).',
    remediation: 'Raise max-file-size if the file is legitimately large, or fix its encoding; a link out of the repository is never read.',
    messages: { skipped: '{{path}} was not checked: {{reason}}.' }
  }
})
