import rule from '../../src/rules/validation-allow-warnings.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'values: allowWarnings false',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
            allowWarnings: false
      `
    },
    {
      name: 'values: validation disabled (validation-disabled reports it)',
      code: yaml`
        gateway:
          validation:
            enabled: false
      `
    },
    {
      name: 'values: gateway controller disabled',
      code: yaml`
        gateway:
          enabled: false
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: settings.create false with the Settings in the same change (checked there)',
      code: yaml`
        settings:
          create: false
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      context: [
        {
          path: 'settings.yaml',
          text: yaml`
            apiVersion: gloo.solo.io/v1
            kind: Settings
            metadata:
              name: default
              namespace: gloo-system
            spec:
              discoveryNamespace: gloo-system
          `
        }
      ]
    },
    {
      name: 'Settings: allowWarnings false',
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
            validation:
              allowWarnings: false
              alwaysAccept: false
              proxyValidationServerAddr: gloo:9988
      `
    },
    {
      name: 'Settings: no spec.gateway.validation (validation off, nothing to tighten)',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discovery:
            fdsMode: WHITELIST
          discoveryNamespace: gloo-system
          kubernetesArtifactSource: {}
          refreshRate: 60s
      `
    },
    {
      name: 'not a Gloo Settings',
      path: 'other.yaml',
      code: yaml`
        apiVersion: example.com/v1
        kind: Settings
        metadata:
          name: default
        spec:
          gateway:
            validation:
              allowWarnings: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: key absent, inserted under gateway.validation',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, severity: 'notice', message: 'gateway.validation.allowWarnings is not false' }],
      output: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
            allowWarnings: false
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'enterprise values: flow map under gloo.gateway',
      code: yaml`
        license_key: abc
        gloo:
          gateway: {validation: {alwaysAcceptResources: false}}
      `,
      errors: [{ messageId: 'values', line: 3, column: 13, message: 'gloo.gateway.validation.allowWarnings' }],
      output: yaml`
        license_key: abc
        gloo:
          gateway: {validation: {alwaysAcceptResources: false, allowWarnings: false}}
      `
    },
    {
      name: 'Flux HelmRelease without spec.values: the values block is created',
      path: 'gloo-helmrelease.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.16
          interval: 5m
      `,
      errors: [{ messageId: 'values', line: 5, column: 1 }],
      output: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.16
          interval: 5m
          values:
            gateway:
              validation:
                allowWarnings: false
      `
    },
    {
      name: 'values: settings.create false and no Settings in the change: no fix, points at create',
      code: yaml`
        settings:
          create: false
        gateway:
          validation:
            allowWarnings: false
      `,
      errors: [{ messageId: 'settingsCreate', line: 2, column: 11, severity: 'notice', message: 'settings.create is false, so the chart renders no Settings' }],
      output: null
    },
    {
      name: 'Settings: allowWarnings true is flipped (cluster export with managedFields)',
      path: 'default-settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          generation: 4
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gateway:
            readGatewaysFromAllNamespaces: false
            validation:
              allowWarnings: true
              alwaysAccept: true
              proxyValidationServerAddr: gloo:9988
          gloo:
            xdsBindAddr: 0.0.0.0:9977
          refreshRate: 60s
      `,
      errors: [{ messageId: 'settings', line: 14, column: 22, severity: 'notice', message: "Settings 'default'" }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          generation: 4
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gateway:
            readGatewaysFromAllNamespaces: false
            validation:
              allowWarnings: false
              alwaysAccept: true
              proxyValidationServerAddr: gloo:9988
          gloo:
            xdsBindAddr: 0.0.0.0:9977
          refreshRate: 60s
      `
    },
    {
      name: 'Settings: validation block without allowWarnings gets it inserted',
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
              proxyValidationServerAddr: gloo:9988
      `,
      errors: [{ messageId: 'settings', line: 8, column: 5 }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            validation:
              alwaysAccept: false
              proxyValidationServerAddr: gloo:9988
              allowWarnings: false
      `
    }
  ]
})
