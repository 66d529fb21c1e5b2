import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-read-config.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

const multicluster = yaml`
  gatewayProxies:
    gatewayProxy:
      readConfig: true
      readConfigMulticluster: true
`

const inherited = yaml`
  gatewayProxies:
    gatewayProxy:
      readConfig: true # for glooctl proxy dump
    internalGw:
      service:
        type: ClusterIP
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: readConfig unset (chart default)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: readConfig false, and an empty string is falsy too',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfig: false
          internalGw:
            readConfig: ""
      `
    },
    {
      name: 'values: readConfigMulticluster alone renders nothing',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfigMulticluster: true
      `
    },
    {
      name: 'values before chart 1.7: a custom proxy does not inherit readConfig',
      glooVersion: '1.6.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfig: false
          publicGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
        gatewayProxies:
          gatewayProxy:
            readConfig: true
      `
    },
    {
      name: 'values: a disabled proxy is not checked',
      code: yaml`
        gatewayProxies:
          debugGw:
            disabled: true
            readConfig: true
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
              readConfig: false
            publicGw:
              service:
                type: LoadBalancer
      `
    }
  ],
  invalid: [
    {
      name: 'values: readConfig true, reported on its value',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfig: true
      `,
      errors: [
        {
          messageId: 'values',
          line: 3,
          column: 17,
          severity: 'warning',
          message: "gatewayProxies.gatewayProxy.readConfig is true: gateway proxy 'gateway-proxy' serves Envoy's /config_dump, /stats and /clusters to anyone who reaches its pods on port 8082"
        }
      ],
      output: null
    },
    {
      name: 'values: a quoted "false" is a non-empty string, which the template treats as true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfig: "false"
      `,
      errors: [{ messageId: 'values', line: 3, column: 17, message: 'readConfig is "false":' }],
      output: null
    },
    {
      name: 'values: chart 1.6.0-beta23 renders no config-dump Service',
      glooVersion: '1.6.0-beta23',
      code: multicluster,
      errors: [{ messageId: 'values', line: 3, column: 17 }],
      output: null
    },
    {
      name: 'values: chart 1.6.0-beta24 adds the config-dump Service',
      glooVersion: '1.6.0-beta24',
      code: multicluster,
      errors: [
        {
          messageId: 'multicluster',
          line: 3,
          column: 17,
          message:
            "gatewayProxies.gatewayProxy.readConfig is true, and gatewayProxies.gatewayProxy.readConfigMulticluster is true (chart 1.6.0-beta24): gateway proxy 'gateway-proxy' serves Envoy's /config_dump, /stats and /clusters on port 8082, and Service 'gateway-proxy-config-dump-service'"
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.6.0 adds the config-dump Service',
      glooVersion: '1.6.0',
      code: multicluster,
      errors: [{ messageId: 'multicluster', line: 3, column: 17 }],
      output: null
    },
    {
      name: 'values: a custom proxy inherits readConfig from gatewayProxy (chart 1.7 and later)',
      glooVersion: '1.17.4',
      code: inherited,
      errors: [
        { messageId: 'values', line: 3, column: 17, message: "gateway proxy 'gateway-proxy'" },
        {
          messageId: 'values',
          line: 4,
          column: 3,
          message: "gatewayProxies.internalGw.readConfig is true, inherited from gatewayProxies.gatewayProxy.readConfig: gateway proxy 'internal-gw'"
        }
      ],
      output: null
    },
    {
      name: 'values: a custom proxy of its own, named by its kebab-case name',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            readConfig: false
          publicGwProxy:
            readConfig: yes
            readConfigMulticluster: true
      `,
      errors: [{ messageId: 'multicluster', line: 5, column: 17, message: "Service 'public-gw-proxy-config-dump-service'" }],
      output: null
    },
    {
      name: 'enterprise values: keys under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              readConfig: true
      `,
      errors: [{ messageId: 'values', line: 5, column: 19, message: 'gloo.gatewayProxies.gatewayProxy.readConfig is true:' }],
      output: null
    },
    {
      name: 'Argo CD Application: valuesObject',
      path: 'gloo-app.yaml',
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
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    readConfig: true
          destination:
            namespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 15, column: 25 }],
      output: null
    }
  ]
})

describe('proxy-read-config suggestions', () => {
  it('proxy-read-config/disable: turns readConfig off on gatewayProxy once, not again on the proxy that inherits it', () => {
    const findings = runLint(rule, { code: inherited, glooVersion: '1.17.4' })
    expect(findings.map((f) => f.suggestions?.map((s) => s.message))).toEqual([
      ['Set gatewayProxies.gatewayProxy.readConfig: false (check first that neither Gloo Fed nor another tool reads the config dump).'],
      undefined
    ])
    expect(findings.every((f) => !f.fix)).toBe(true)
    expect(applyEdits(inherited, findings[0].suggestions![0].edits).output).toBe(inherited.replace('readConfig: true', 'readConfig: false'))
  })
})
