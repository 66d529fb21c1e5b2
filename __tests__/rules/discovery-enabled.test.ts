import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/discovery-enabled.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const petstoreVs = {
  path: 'routes/vs.yaml',
  text: yaml`
    apiVersion: gateway.solo.io/v1
    kind: VirtualService
    metadata:
      name: petstore
      namespace: gloo-system
    spec:
      virtualHost:
        domains: ['*']
        routes:
        - matchers:
          - prefix: /httpbin
          routeAction:
            single:
              upstream:
                name: gloo-system-httpbin-8000
                namespace: gloo-system
        - matchers:
          - prefix: /
          routeAction:
            single:
              upstream:
                name: default-petstore-8080
                namespace: gloo-system
  `
}

const httpbinUpstream = {
  path: 'upstreams/httpbin.yaml',
  text: yaml`
    apiVersion: gloo.solo.io/v1
    kind: Upstream
    metadata:
      name: gloo-system-httpbin-8000
      namespace: gloo-system
    spec:
      kube:
        serviceName: httpbin
        serviceNamespace: gloo-system
        servicePort: 8000
  `
}

const canaryRouteTable = {
  path: 'routes/rt.yaml',
  text: yaml`
    apiVersion: gateway.solo.io/v1
    kind: RouteTable
    metadata:
      name: checkout
      namespace: shop
    spec:
      routes:
      - matchers:
        - prefix: /checkout
        routeAction:
          multi:
            destinations:
            - weight: 90
              destination:
                upstream: {name: shop-checkout-v1-8080, namespace: gloo-system}
            - weight: 10
              destination:
                upstream: {name: shop-checkout-v2-8080, namespace: gloo-system}
  `
}

const discoveryDeployment = (replicas: number): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    labels:
      app: gloo
      gloo: discovery
    name: discovery
    namespace: gloo-system
  spec:
    replicas: ${replicas}
    selector:
      matchLabels:
        gloo: discovery
    template:
      spec:
        serviceAccountName: discovery
        containers:
        - image: quay.io/solo-io/discovery:1.17.3
          name: discovery
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: discovery disabled',
      code: yaml`
        discovery:
          enabled: false
          fdsMode: DISABLED
      `
    },
    {
      name: 'values: key absent, unknown chart (newest: off by default)',
      code: yaml`
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: key absent on 1.20.0 (off by default)',
      glooVersion: '1.20.0',
      code: yaml`
        discovery:
          fdsMode: WHITELIST
      `
    },
    {
      name: 'rendered: discovery scaled to zero',
      path: 'discovery.yaml',
      code: discoveryDeployment(0)
    },
    {
      name: 'rendered: the gloo Deployment is not discovery',
      path: 'gloo.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels: {app: gloo, gloo: gloo}
          name: gloo
        spec:
          replicas: 1
      `
    }
  ],
  invalid: [
    {
      name: 'values: explicit true is flipped (notice)',
      complete: true,
      code: yaml`
        discovery:
          enabled: true
          fdsMode: WHITELIST
      `,
      errors: [{ messageId: 'values', line: 2, column: 12, severity: 'notice', message: 'discovery.enabled is not false' }],
      output: yaml`
        discovery:
          enabled: false
          fdsMode: WHITELIST
      `
    },
    {
      name: 'values: key absent on 1.17 (on by default): warning, inserted under discovery',
      complete: true,
      glooVersion: '1.17.3',
      code: yaml`
        discovery:
          fdsMode: WHITELIST
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'chartDefault', line: 1, column: 1, severity: 'warning', message: 'chart 1.17.3 runs discovery by default' }],
      output: yaml`
        discovery:
          fdsMode: WHITELIST
          enabled: false
        gateway:
          validation:
            alwaysAcceptResources: false
      `
    },
    {
      name: 'values: 1.20.0-beta2 still ran discovery by default',
      complete: true,
      glooVersion: '1.20.0-beta2',
      code: yaml`
        discovery: {fdsMode: WHITELIST}
      `,
      errors: [{ messageId: 'chartDefault', line: 1, column: 1, severity: 'warning' }],
      output: yaml`
        discovery: {fdsMode: WHITELIST, enabled: false}
      `
    },
    {
      name: 'Flux HelmRelease 1.16: chart default on, discovery block created',
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.16.8
          values:
            gateway:
              validation:
                alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'chartDefault', line: 11, column: 3, severity: 'warning', message: 'chart 1.16.8' }],
      output: null
    },
    {
      name: 'enterprise values: a route uses a discovered Upstream no file defines: no fix',
      code: yaml`
        license_key: abc
        gloo:
          discovery:
            enabled: true
      `,
      context: [petstoreVs, httpbinUpstream],
      errors: [
        {
          messageId: 'inUse',
          line: 4,
          column: 14,
          severity: 'notice',
          message: 'Discovery is on (gloo.discovery.enabled: true) and routes use Upstreams that look discovered and that no file defines: default-petstore-8080 (routes/vs.yaml:22); they must'
        }
      ],
      output: null
    },
    {
      name: 'values: every referenced Upstream is defined statically, so the fix is offered',
      complete: true,
      code: yaml`
        discovery:
          enabled: true
      `,
      context: [
        httpbinUpstream,
        {
          path: 'routes/vs.yaml',
          text: yaml`
            apiVersion: gateway.solo.io/v1
            kind: VirtualService
            metadata:
              name: httpbin
              namespace: gloo-system
            spec:
              virtualHost:
                domains: ['*']
                routes:
                - matchers: [{prefix: /}]
                  routeAction:
                    single:
                      upstream: {name: gloo-system-httpbin-8000, namespace: gloo-system}
          `
        }
      ],
      errors: [{ messageId: 'values', line: 2, column: 12 }],
      output: yaml`
        discovery:
          enabled: false
      `
    },
    {
      name: 'rendered: discovery Deployment (remediation only)',
      path: 'discovery.yaml',
      code: discoveryDeployment(1),
      errors: [{ messageId: 'rendered', line: 7, column: 9, severity: 'notice', message: "Deployment 'discovery' runs Upstream discovery" }],
      output: null
    },
    {
      name: 'rendered: RouteTable multi destinations use discovered Upstreams',
      path: 'discovery.yaml',
      code: discoveryDeployment(1),
      context: [canaryRouteTable],
      errors: [
        {
          messageId: 'inUse',
          line: 7,
          column: 9,
          message: "(Deployment 'discovery' runs) and routes use Upstreams that look discovered and that no file defines: shop-checkout-v1-8080 (routes/rt.yaml:15), shop-checkout-v2-8080 (routes/rt.yaml:18);"
        }
      ],
      output: null
    }
  ]
})

describe('discovery-enabled without a safe fix', () => {
  it("offers the edit as a suggestion (messageId: 'turnOff'), never as a fix", () => {
    const findings = runLint(rule, { glooVersion: '1.17.3', code: 'discovery:\n  enabled: true\n' })
    const f = findings.find((x) => x.ruleId === 'discovery-enabled')!
    expect(f.fix).toBeUndefined()
    expect(f.suggestions?.map((s) => s.message)).toEqual([formatMessage(rule.meta.messages['turnOff' as keyof typeof rule.meta.messages], { key: f.message.split(' ')[0] })])
    // Applied by hand, the suggestion does what its message says, and the finding is gone.
    const applied = applyEdits('discovery:\n  enabled: true\n', f.suggestions![0].edits).output
    expect(applied).toBe('discovery:\n  enabled: false\n')
    expect(runLint(rule, { glooVersion: '1.17.3', code: applied }).filter((x) => x.ruleId === 'discovery-enabled')).toEqual([])
  })
})
