import rule from '../../src/rules/validation-always-accept.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'values: explicitly false',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `
    },
    {
      name: 'Settings CR: alwaysAccept false',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            validation:
              alwaysAccept: false
      `
    },
    {
      name: 'not Gloo values at all',
      undeclared: true,
      code: yaml`
        replicaCount: 2
        image:
          repository: nginx
      `
    }
  ],
  invalid: [
    {
      name: 'values: the chart default (true) applies when the key is absent',
      code: yaml`
        settings:
          writeNamespace: gloo-system
        gateway:
          validation:
            allowWarnings: false
      `,
      errors: [{ messageId: 'values', line: 4, column: 3, severity: 'warning' }],
      output: yaml`
        settings:
          writeNamespace: gloo-system
        gateway:
          validation:
            allowWarnings: false
            alwaysAcceptResources: false
      `
    },
    {
      name: 'enterprise values, explicit true in a flow map',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation: {alwaysAcceptResources: true, allowWarnings: false}
      `,
      errors: [{ messageId: 'values', line: 4, column: 41, message: 'gloo.gateway.validation.alwaysAcceptResources' }],
      output: yaml`
        license_key: abc
        gloo:
          gateway:
            validation: {alwaysAcceptResources: false, allowWarnings: false}
      `
    },
    {
      name: 'Settings CR: missing path inserted under spec.gateway',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            readGatewaysFromAllNamespaces: false
          discoveryNamespace: gloo-system
      `,
      errors: [{ messageId: 'settings', line: 7, column: 3 }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            readGatewaysFromAllNamespaces: false
            validation:
              alwaysAccept: false
          discoveryNamespace: gloo-system
      `
    }
  ]
})
