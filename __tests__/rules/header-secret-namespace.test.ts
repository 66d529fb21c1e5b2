import rule from '../../src/rules/header-secret-namespace.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'values: set to true',
      code: yaml`
        gloo:
          headerSecretRefNsMatchesUs: true
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: chart 1.14.12 has no such key',
      glooVersion: '1.14.12',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: chart 1.13 from the image tag',
      code: yaml`
        gloo:
          deployment:
            image:
              tag: 1.13.30
      `
    }
  ],
  invalid: [
    {
      name: 'values: unknown chart (newest), key absent, inserted under gloo',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'notice', message: 'gloo.headerSecretRefNsMatchesUs is not true' }],
      output: yaml`
        gloo:
          deployment:
            replicas: 2
          headerSecretRefNsMatchesUs: true
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: chart 1.14.13, explicit false',
      glooVersion: '1.14.13',
      code: yaml`
        settings:
          writeNamespace: gloo-system
        gloo:
          headerSecretRefNsMatchesUs: false
      `,
      errors: [{ messageId: 'values', line: 4, column: 31 }],
      output: yaml`
        settings:
          writeNamespace: gloo-system
        gloo:
          headerSecretRefNsMatchesUs: true
      `
    },
    {
      name: 'enterprise values: gloo.gloo is created under gloo',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 2, column: 1, message: 'gloo.gloo.headerSecretRefNsMatchesUs' }],
      output: yaml`
        license_key: abc
        gloo:
          settings:
            writeNamespace: gloo-system
          gloo:
            headerSecretRefNsMatchesUs: true
      `
    },
    {
      name: 'Argo CD Application 1.17 without values: helm.valuesObject is created',
      path: 'apps/gloo.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.0
            helm:
              releaseName: gloo
          destination:
            namespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 11, column: 5 }],
      output: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.0
            helm:
              releaseName: gloo
              valuesObject:
                gloo:
                  headerSecretRefNsMatchesUs: true
          destination:
            namespace: gloo-system
      `
    }
  ]
})
