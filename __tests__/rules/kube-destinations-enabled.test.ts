import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/kube-destinations-enabled.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A VirtualService with one route to a Kubernetes destination per service name. */
const kubeRoutes = (...services: string[]): string =>
  yaml`
    apiVersion: gateway.solo.io/v1
    kind: VirtualService
    metadata:
      name: shop
      namespace: gloo-system
    spec:
      virtualHost:
        domains: ['shop.example.com']
        routes:
  ` +
  services
    .map(
      (s) => `    - matchers: [{prefix: /${s}}]
      routeAction:
        single:
          kube:
            ref: {name: ${s}, namespace: shop}
            port: 8080
`
    )
    .join('')

const routeTable = yaml`
  apiVersion: gateway.solo.io/v1
  kind: RouteTable
  metadata:
    name: petstore-routes
    namespace: shop
  spec:
    routes:
    - matchers:
      - prefix: /api
      routeAction:
        single:
          kube:
            ref:
              name: petstore
              namespace: shop
            port: 8080
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: Kubernetes destinations disabled',
      code: yaml`
        settings:
          writeNamespace: gloo-system
          disableKubernetesDestinations: true
      `
    },
    {
      name: 'enterprise values: under gloo.',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            disableKubernetesDestinations: true
      `
    },
    {
      name: 'values: the Knative integration needs Kubernetes destinations',
      code: yaml`
        settings:
          integrations:
            knative:
              enabled: true
              version: "0.10.0"
      `
    },
    {
      name: 'values: settings.create false, the Settings resource in the change is checked instead',
      code: yaml`
        settings:
          create: false
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
                disableKubernetesDestinations: true
          `
        }
      ]
    },
    {
      name: 'Settings: disabled',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gloo:
            xdsBindAddr: 0.0.0.0:9977
            disableKubernetesDestinations: true
      `
    },
    {
      name: 'Settings: Knative integration configured in another file of the change',
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
      `,
      context: [{ path: 'values.yaml', text: 'settings:\n  integrations:\n    knative:\n      enabled: true\n' }]
    },
    {
      name: 'a Settings kind of another API group is not Gloo',
      path: 'other.yaml',
      code: yaml`
        apiVersion: example.com/v1
        kind: Settings
        metadata:
          name: default
        spec: {}
      `
    }
  ],
  invalid: [
    {
      name: 'values: key absent, inserted under settings',
      glooVersion: '1.17.3',
      complete: true,
      code: yaml`
        settings:
          writeNamespace: gloo-system
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'warning', message: 'settings.disableKubernetesDestinations is not true (chart 1.17.3), and the chart default is false' }],
      output: yaml`
        settings:
          writeNamespace: gloo-system
          disableKubernetesDestinations: true
        gateway:
          validation:
            alwaysAcceptResources: false
      `
    },
    {
      name: 'values: explicit false replaced in place, comment kept',
      glooVersion: '1.17.3',
      complete: true,
      code: yaml`
        settings:
          disableKubernetesDestinations: false # needed by the old routes
      `,
      errors: [{ messageId: 'values', line: 2, column: 34 }],
      output: yaml`
        settings:
          disableKubernetesDestinations: true # needed by the old routes
      `
    },
    {
      name: 'values: flow map',
      complete: true,
      glooVersion: '1.17.3',
      code: yaml`
        settings: {writeNamespace: gloo-system}
        discovery:
          enabled: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1 }],
      output: yaml`
        settings: {writeNamespace: gloo-system, disableKubernetesDestinations: true}
        discovery:
          enabled: false
      `
    },
    {
      name: 'enterprise values: no settings at all',
      glooVersion: '1.17.3',
      complete: true,
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 1, message: 'gloo.settings.disableKubernetesDestinations is not true' }],
      output: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              alwaysAcceptResources: false
          settings:
            disableKubernetesDestinations: true
      `
    },
    {
      name: 'Flux HelmRelease: values inserted under spec.values',
      path: 'release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          interval: 10m
          chart:
            spec:
              chart: gloo
              version: 1.17.3
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            discovery:
              enabled: false
      `,
      errors: [{ messageId: 'values', line: 15, column: 3 }],
      output: null
    },
    {
      name: 'values: routes in the change use Kubernetes destinations, so no flip is offered',
      code: yaml`
        settings:
          writeNamespace: gloo-system
      `,
      context: [{ path: 'routes/petstore.yaml', text: routeTable }],
      errors: [
        {
          messageId: 'valuesInUse',
          line: 1,
          column: 1,
          message: 'routes in this change use Kubernetes destinations (routes/petstore.yaml:12); migrate them to Upstreams first'
        }
      ],
      output: null
    },
    {
      name: 'values: at most five routes are listed',
      code: yaml`
        settings:
          disableKubernetesDestinations: false
      `,
      context: [{ path: 'vs.yaml', text: kubeRoutes('a', 'b', 'c', 'd', 'e', 'f', 'g') }],
      errors: [{ messageId: 'valuesInUse', line: 2, column: 34, message: '(vs.yaml:13, vs.yaml:19, vs.yaml:25, vs.yaml:31, vs.yaml:37 and 2 more)' }],
      output: null
    },
    {
      name: 'values: settings.create false and no Settings resource in the change',
      code: yaml`
        settings:
          create: false
          disableKubernetesDestinations: true
      `,
      errors: [{ messageId: 'settingsCreate', line: 2, column: 11, message: 'settings.create is false' }],
      output: null
    },
    {
      name: 'values: chart before 1.3.3 has no such key',
      glooVersion: '1.3.2',
      code: yaml`
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'oldChart', line: 1, column: 1, message: 'Chart 1.3.2 has no settings.disableKubernetesDestinations (added in 1.3.3)' }],
      output: null
    },
    {
      name: 'values: set at the Settings CR path, which the chart ignores',
      code: yaml`
        settings:
          gloo:
            disableKubernetesDestinations: true
      `,
      errors: [{ messageId: 'misplaced', line: 1, column: 1, message: 'settings.gloo.disableKubernetesDestinations is set instead' }],
      output: null
    },
    {
      name: 'Settings: key absent, inserted under spec.gloo',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gloo:
            xdsBindAddr: 0.0.0.0:9977
      `,
      errors: [{ messageId: 'settings', line: 8, column: 3, message: "Settings 'default'" }],
      output: null
    },
    {
      name: 'Settings: empty flow spec',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata: {name: default, namespace: gloo-system}
        spec: {}
      `,
      errors: [{ messageId: 'settings', line: 4, column: 1 }],
      output: null
    },
    {
      name: 'Settings inside a List: inserted into the sequence-item map',
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
      `,
      errors: [{ messageId: 'settings', line: 5, column: 3 }],
      output: null
    },
    {
      name: 'Settings: explicit false, routes in use elsewhere',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gloo:
            disableKubernetesDestinations: false
      `,
      context: [{ path: 'routes/petstore.yaml', text: routeTable }],
      errors: [{ messageId: 'settingsInUse', line: 8, column: 36, message: '(routes/petstore.yaml:12)' }],
      output: null
    }
  ]
})

describe('kube-destinations-enabled without a safe fix', () => {
  it("offers the edit as a suggestion (messageId: 'disable'), never as a fix", () => {
    const findings = runLint(rule, { glooVersion: '1.17.3', code: 'gatewayProxies:\n  gatewayProxy: {}\n' })
    const f = findings.find((x) => x.ruleId === 'kube-destinations-enabled')!
    expect(f.fix).toBeUndefined()
    expect(f.suggestions?.map((s) => s.message)).toEqual([formatMessage(rule.meta.messages['disable' as keyof typeof rule.meta.messages], { key: f.message.split(' ')[0] })])
    // Applied by hand, the suggestion does what its message says, and the finding is gone.
    const applied = applyEdits('gatewayProxies:\n  gatewayProxy: {}\n', f.suggestions![0].edits).output
    expect(applied).toBe('gatewayProxies:\n  gatewayProxy: {}\nsettings:\n  disableKubernetesDestinations: true\n')
    expect(runLint(rule, { glooVersion: '1.17.3', code: applied }).filter((x) => x.ruleId === 'kube-destinations-enabled')).toEqual([])
  })
})
