import rule from '../../src/rules/invalid-routes-not-replaced.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'values: replaceInvalidRoutes true with a custom response',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
            invalidRouteResponseCode: 503
            invalidRouteResponseBody: Gloo has invalid configuration for this route.
      `
    },
    {
      name: 'values: the legacy alias settings.replaceInvalidRoutes counts',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: settings.create false with the Settings in the same change (checked there)',
      code: yaml`
        settings:
          create: false
          writeNamespace: gloo-system
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
              gloo:
                invalidConfigPolicy:
                  replaceInvalidRoutes: true
          `
        }
      ]
    },
    {
      name: 'Settings: replaceInvalidRoutes true',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gloo:
            xdsBindAddr: 0.0.0.0:9977
            invalidConfigPolicy:
              replaceInvalidRoutes: true
              invalidRouteResponseCode: 404
      `
    }
  ],
  invalid: [
    {
      name: 'values: absent, inserted under settings',
      code: yaml`
        settings:
          writeNamespace: gloo-system
          disableKubernetesDestinations: true
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'notice', message: 'settings.invalidConfigPolicy.replaceInvalidRoutes is not true' }],
      output: yaml`
        settings:
          writeNamespace: gloo-system
          disableKubernetesDestinations: true
          invalidConfigPolicy:
            replaceInvalidRoutes: true
        gateway:
          validation:
            alwaysAcceptResources: false
      `
    },
    {
      name: 'values: explicit false next to a custom response',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: false
            invalidRouteResponseCode: 404
      `,
      errors: [{ messageId: 'values', line: 3, column: 27 }],
      output: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
            invalidRouteResponseCode: 404
      `
    },
    {
      name: 'values: only the legacy alias, written false, is flipped',
      code: yaml`
        settings:
          replaceInvalidRoutes: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 25, message: 'settings.replaceInvalidRoutes is not true' }],
      output: yaml`
        settings:
          replaceInvalidRoutes: true
      `
    },
    {
      name: 'enterprise values: empty flow map under gloo.settings',
      code: yaml`
        license_key: abc
        gloo:
          settings: {}
      `,
      errors: [{ messageId: 'values', line: 3, column: 3, message: 'gloo.settings.invalidConfigPolicy.replaceInvalidRoutes' }],
      output: yaml`
        license_key: abc
        gloo:
          settings: {invalidConfigPolicy: {replaceInvalidRoutes: true}}
      `
    },
    {
      name: 'enterprise values: settings.create false and no Settings in the change: no fix',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            create: false
            invalidConfigPolicy:
              replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'settingsCreate', line: 4, column: 13, message: 'gloo.settings.create is false' }],
      output: null
    },
    {
      name: 'Settings: exported from a cluster, policy inserted under spec.gloo',
      path: 'default-settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gloo:
            disableKubernetesDestinations: false
            disableProxyGarbageCollection: false
            enableRestEds: false
            xdsBindAddr: 0.0.0.0:9977
          refreshRate: 60s
      `,
      errors: [{ messageId: 'settings', line: 10, column: 3, message: "Settings 'default'" }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gloo:
            disableKubernetesDestinations: false
            disableProxyGarbageCollection: false
            enableRestEds: false
            xdsBindAddr: 0.0.0.0:9977
            invalidConfigPolicy:
              replaceInvalidRoutes: true
          refreshRate: 60s
      `
    },
    {
      name: 'Settings inside a List: explicit false',
      path: 'list.yaml',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: gloo.solo.io/v1
          kind: Settings
          metadata:
            name: default
            namespace: gloo-system
          spec:
            gloo:
              invalidConfigPolicy: {replaceInvalidRoutes: false, invalidRouteResponseCode: 404}
      `,
      errors: [{ messageId: 'settings', line: 11, column: 51 }],
      output: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: gloo.solo.io/v1
          kind: Settings
          metadata:
            name: default
            namespace: gloo-system
          spec:
            gloo:
              invalidConfigPolicy: {replaceInvalidRoutes: true, invalidRouteResponseCode: 404}
      `
    }
  ]
})
