import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'input-unresolved',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['values', '*'],
    fixable: false,
    builtin: true,
    description:
      'Part of a Gloo install cannot be read from the repository (a Secret or remote values layer, a Helm template, an unparsable values string), so findings that depend on it are not checked.',
    remediation: 'Keep the values in the repository (or declare the install in the config file), or check the missing part separately.',
    messages: {
      unresolved: '{{message}}',
      layers: 'Install {{install}} has values layers that cannot be read from the repository: {{what}}; keys they set are not seen.',
      template: '{{path}} is a Helm template (Go template directives), not YAML: it was not checked; check the rendered output (helm template) instead.'
    }
  }
})
