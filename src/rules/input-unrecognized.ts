import { defineRule } from './types.js'

export default defineRule({
  meta: {
    id: 'input-unrecognized',
    category: 'hygiene',
    severity: 'notice',
    kinds: ['values'],
    fixable: false,
    builtin: true,
    description: 'A file named like Gloo holds values with no key that only the Gloo chart reads, so it is not checked as Gloo values.',
    remediation:
      'If the file is Gloo values, declare it: list it under inputs.gloo (or in an installs entry) of .github/gloo-harden.yml, or reference it from the Chart.yaml, Application, HelmRelease, helmfile or kustomization that installs Gloo.',
    messages: {
      chart2:
        'Install {{install}} is chart {{version}} ({{source}}): gloo 2.x is another product (Kubernetes Gateway API), out of scope for these rules; it was not checked.',
      weak: '{{path}} looks like Gloo values by its name, but none of its keys is one only the gloo / gloo-ee chart reads (keys such as gateway, settings or global prove nothing alone); it was not checked.'
    }
  }
})
