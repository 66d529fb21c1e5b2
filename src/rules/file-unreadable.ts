import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'file-unreadable',
    category: 'hygiene',
    severity: 'error',
    kinds: ['*'],
    fixable: false,
    builtin: true,
    description: 'A changed file could not be read (not in the checkout, and the API failed), so it was not checked.',
    remediation: 'Re-run the job; if it fails again, check out the pull request head and give the token contents: read, or exclude the file.',
    messages: { unreadable: '{{path}} could not be read, so it was not checked: {{reason}}.' }
  }
})
