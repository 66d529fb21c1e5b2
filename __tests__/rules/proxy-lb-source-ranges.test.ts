import { describe, expect, it } from 'vitest'
import base from '../../src/rules/proxy-lb-source-ranges.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { defaultConfig } from '../../src/engine/config.js'
import { lint } from '../../src/engine/lint.js'
import { applyEdits } from '../../src/model/edit.js'

// Off by default: the tables run the rule as a config that turns it on (`rules: {proxy-lb-source-ranges: notice}`) does.
const rule = { ...base, meta: { ...base.meta, defaultOff: false } }

const publicLb = yaml`
  gatewayProxies:
    gatewayProxy:
      service:
        type: LoadBalancer
        extraAnnotations:
          service.beta.kubernetes.io/aws-load-balancer-type: nlb
`

const flowService = yaml`
  gatewayProxies:
    gatewayProxy:
      service: {type: LoadBalancer, httpPort: 80}
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: source ranges set',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: LoadBalancer
              loadBalancerSourceRanges:
              - 10.0.0.0/8
              - 192.168.0.0/16
      `
    },
    {
      name: 'values: a ClusterIP or NodePort Service has no load balancer',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: ClusterIP
          nodeGw:
            service:
              type: NodePort
      `
    },
    {
      name: 'values: chart 1.3.27 does not read loadBalancerSourceRanges',
      glooVersion: '1.3.27',
      code: publicLb
    },
    {
      name: 'values: chart 1.4.0-beta11 does not read loadBalancerSourceRanges',
      glooVersion: '1.4.0-beta11',
      code: publicLb
    },
    {
      name: 'values: a custom proxy inherits the ranges from gatewayProxy (chart 1.7 and later)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              loadBalancerSourceRanges: [10.0.0.0/8]
          internalGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'values before chart 1.7: a custom proxy without service.type gets no load balancer',
      glooVersion: '1.6.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              loadBalancerSourceRanges: [10.0.0.0/8]
          internalGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
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
              service:
                loadBalancerSourceRanges: [10.0.0.0/8]
      `
    }
  ],
  invalid: [
    {
      name: 'values: chart default type LoadBalancer, nothing written: on the document',
      code: yaml`
        settings:
          writeNamespace: gloo-system
      `,
      errors: [
        {
          messageId: 'values',
          line: 1,
          column: 1,
          severity: 'notice',
          message: "gatewayProxies.gatewayProxy.service.loadBalancerSourceRanges is not set (assuming chart ≥ 1.3.28/1.4.0-beta12; the chart version is unknown): the LoadBalancer Service of gateway proxy 'gateway-proxy' accepts connections from every address"
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.3.28 (first of the 1.3 line)',
      glooVersion: '1.3.28',
      code: publicLb,
      errors: [{ messageId: 'values', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'values: chart 1.3.29',
      glooVersion: '1.3.29',
      code: publicLb,
      errors: [{ messageId: 'values', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'values: chart 1.4.0-beta12 (first of the 1.4 line)',
      glooVersion: '1.4.0-beta12',
      code: publicLb,
      errors: [{ messageId: 'values', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'values: chart 1.4.0-beta13',
      glooVersion: '1.4.0-beta13',
      code: publicLb,
      errors: [{ messageId: 'values', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'values: an empty list renders nothing, reported on the list',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: LoadBalancer
              loadBalancerSourceRanges: []
      `,
      errors: [{ messageId: 'values', line: 5, column: 33, message: 'loadBalancerSourceRanges is empty (assuming chart ≥ 1.3.28/1.4.0-beta12; the chart version is unknown):' }],
      output: null
    },
    {
      name: 'values: a custom proxy inherits type LoadBalancer and the missing ranges; suggested once, on gatewayProxy',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: LoadBalancer
          internalGw:
            service:
              extraAnnotations:
                service.beta.kubernetes.io/aws-load-balancer-internal: "true"
      `,
      errors: [
        { messageId: 'values', line: 3, column: 5, message: "gateway proxy 'gateway-proxy'" },
        { messageId: 'values', line: 6, column: 5, message: "gatewayProxies.internalGw.service.loadBalancerSourceRanges is not set (chart 1.17.4): the LoadBalancer Service of gateway proxy 'internal-gw'" }
      ],
      output: null
    },
    {
      name: 'values: a custom proxy that empties the inherited list',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              loadBalancerSourceRanges: [10.0.0.0/8]
          partnerGw:
            service:
              loadBalancerSourceRanges: []
      `,
      errors: [{ messageId: 'values', line: 7, column: 33, message: "gateway proxy 'partner-gw'" }],
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
              service:
                type: LoadBalancer
      `,
      errors: [{ messageId: 'values', line: 5, column: 7, message: 'gloo.gatewayProxies.gatewayProxy.service.loadBalancerSourceRanges is not set' }],
      output: null
    }
  ]
})

describe('proxy-lb-source-ranges', () => {
  it('is off by default and runs when the config turns it on', () => {
    const files = [{ path: 'values.yaml', text: publicLb }]
    const config = { ...defaultConfig(), inputs: { gloo: ['values.yaml'], ignore: [] } }
    expect(lint(files, { config, rules: [base] }).findings).toEqual([])
    const on = lint(files, { config: { ...config, rules: { 'proxy-lb-source-ranges': 'notice' } }, rules: [base] }).findings
    expect(on.map((f) => [f.ruleId, f.severity, f.span.start.line])).toEqual([['proxy-lb-source-ranges', 'notice', 3]])
  })

  it('proxy-lb-source-ranges/addRanges: adds a placeholder range with a TODO marker in a block map', () => {
    const [finding] = runLint(rule, { code: publicLb })
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      'Add gatewayProxies.gatewayProxy.service.loadBalancerSourceRanges with a placeholder range (203.0.113.0/24) and replace it with the CIDR ranges of the clients.'
    ])
    expect(applyEdits(publicLb, finding.suggestions![0].edits).output).toBe(
      publicLb + '      loadBalancerSourceRanges: ["203.0.113.0/24"]  # TODO: the clients\' CIDR ranges\n'
    )
  })

  it('proxy-lb-source-ranges/addRanges: no comment inside a flow map, and an empty list is replaced', () => {
    const [flow] = runLint(rule, { code: flowService })
    expect(applyEdits(flowService, flow.suggestions![0].edits).output).toBe(
      flowService.replace('httpPort: 80}', 'httpPort: 80, loadBalancerSourceRanges: ["203.0.113.0/24"]}')
    )
    const code = 'gatewayProxies:\n  gatewayProxy:\n    service:\n      loadBalancerSourceRanges: [] # TODO\n'
    const [empty] = runLint(rule, { code })
    expect(applyEdits(code, empty.suggestions![0].edits).output).toBe(code.replace('[]', '["203.0.113.0/24"]'))
  })

  it('proxy-lb-source-ranges/addRanges: a custom proxy that inherits the gap gets no second suggestion', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          service:
            type: LoadBalancer
        internalGw:
          podTemplate:
            httpPort: 8080
    `
    expect(runLint(rule, { code, glooVersion: '1.17.4' }).map((f) => f.suggestions?.length ?? 0)).toEqual([1, 0])
  })
})
