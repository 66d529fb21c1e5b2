import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-core-dumps.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

const unset = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        httpPort: 8080
`

const fixedUnset = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        httpPort: 8080
      disableCoreDumps: true
`

const explicitFalse = yaml`
  gatewayProxies:
    gatewayProxy:
      disableCoreDumps: false # debugging a crash, see INC-4211
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: core dumps disabled',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps: true
      `
    },
    {
      name: 'values: a custom proxy inherits disableCoreDumps from gatewayProxy',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps: true
          internalGw:
            service:
              type: ClusterIP
      `
    },
    {
      name: 'values: chart 1.12.42 has no disableCoreDumps',
      glooVersion: '1.12.42',
      code: unset
    },
    {
      name: 'values: chart 1.13.4 has no disableCoreDumps',
      glooVersion: '1.13.4',
      code: unset
    },
    {
      name: 'values: chart 1.14.0-beta6 has no disableCoreDumps',
      glooVersion: '1.14.0-beta6',
      code: unset
    },
    {
      name: 'values: gateway disabled renders no proxy',
      glooVersion: '1.17.4',
      code: yaml`
        gateway:
          enabled: false
      `
    },
    {
      name: 'values: a disabled custom proxy is not checked',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps: true
          canaryGw:
            disabled: true
            disableCoreDumps: false
      `
    },
    {
      name: 'enterprise values: keys under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              disableCoreDumps: true
            publicGw:
              service:
                type: LoadBalancer
      `
    }
  ],
  invalid: [
    {
      name: 'values: chart 1.12.43 (first of the 1.12 line), key missing, inserted',
      glooVersion: '1.12.43',
      code: unset,
      errors: [
        {
          messageId: 'values',
          line: 2,
          column: 3,
          severity: 'notice',
          message: "gatewayProxies.gatewayProxy.disableCoreDumps is not set (chart default false; chart 1.12.43): a crash of gateway proxy 'gateway-proxy'"
        }
      ],
      output: fixedUnset
    },
    {
      name: 'values: chart 1.12.44',
      glooVersion: '1.12.44',
      code: unset,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: fixedUnset
    },
    {
      name: 'values: chart 1.13.5 (first of the 1.13 line)',
      glooVersion: '1.13.5',
      code: unset,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: fixedUnset
    },
    {
      name: 'values: chart 1.14.0-beta7 (first of the 1.14 line)',
      glooVersion: '1.14.0-beta7',
      code: unset,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: fixedUnset
    },
    {
      name: 'values: chart 1.14.0-beta8',
      glooVersion: '1.14.0-beta8',
      code: unset,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: fixedUnset
    },
    {
      name: 'values: unknown version counts as the newest, but the fix is only a suggestion (F1)',
      code: unset,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: null
    },
    {
      name: 'values: an explicit false is reported on its value, and only a suggestion reverses it',
      glooVersion: '1.17.4',
      code: explicitFalse,
      errors: [{ messageId: 'values', line: 3, column: 23, message: 'gatewayProxies.gatewayProxy.disableCoreDumps is false (chart 1.17.4):' }],
      output: null
    },
    {
      name: 'values: a custom proxy inheriting the unset key is fixed once, on gatewayProxy',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
          internalGw:
            service:
              type: ClusterIP
      `,
      errors: [
        { messageId: 'values', line: 2, column: 3, message: "gateway proxy 'gateway-proxy'" },
        { messageId: 'values', line: 6, column: 3, message: "gatewayProxies.internalGw.disableCoreDumps is not set (chart default false; chart 1.17.4): a crash of gateway proxy 'internal-gw'" }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            disableCoreDumps: true
          internalGw:
            service:
              type: ClusterIP
      `
    },
    {
      name: 'values: a custom proxy that sets false overrides gatewayProxy (chart 1.8 and later)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps: true
          debugGw:
            disableCoreDumps: false
      `,
      errors: [{ messageId: 'values', line: 5, column: 23, message: "gatewayProxies.debugGw.disableCoreDumps is false (chart 1.17.4): a crash of gateway proxy 'debug-gw'" }],
      output: null
    },
    {
      name: 'values: a null deletes the key and is replaced',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps:
      `,
      errors: [{ messageId: 'values', line: 3, column: 22 }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            disableCoreDumps: true
      `
    },
    {
      name: 'enterprise values: the key is written under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
      `,
      errors: [{ messageId: 'values', line: 4, column: 5, message: 'gloo.gatewayProxies.gatewayProxy.disableCoreDumps is not set' }],
      output: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
              disableCoreDumps: true
      `
    },
    {
      name: 'Flux HelmRelease: chart 1.13.5 from spec.chart.spec.version, fixed in spec.values',
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
              version: 1.13.5
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  probes: true
      `,
      errors: [{ messageId: 'values', line: 13, column: 7 }],
      output: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.13.5
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  probes: true
                disableCoreDumps: true
      `
    }
  ]
})

describe('proxy-core-dumps suggestions', () => {
  it('proxy-core-dumps/disable: offers the reversal of an explicit false, keeping its comment', () => {
    const [finding] = runLint(rule, { code: explicitFalse, glooVersion: '1.17.4' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      'Set gatewayProxies.gatewayProxy.disableCoreDumps: true (check first that no one collects Envoy core dumps for debugging).'
    ])
    expect(applyEdits(explicitFalse, finding.suggestions![0].edits).output).toBe(explicitFalse.replace('disableCoreDumps: false', 'disableCoreDumps: true'))
  })

  it('proxy-core-dumps/disable: with an unknown chart version the insertion is a suggestion', () => {
    const [finding] = runLint(rule, { code: unset })
    expect(finding.fix).toBeUndefined()
    expect(applyEdits(unset, finding.suggestions![0].edits).output).toBe(fixedUnset)
  })
})
