import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-resources.js'
import { ruleTester, runLint, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

/** Each finding's suggestions, applied one at a time: `[message, fixed text]`. */
function suggested(c: ValidCase): [string, string][] {
  return runLint(rule, c).flatMap((f) => (f.suggestions ?? []).map((s): [string, string] => [s.message, applyEdits(c.code, s.edits).output]))
}

const blockValues = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        probes: true
`

const flowCustomProxy = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        resources:
          requests: {cpu: "1", memory: 1Gi}
    internalGw:
      podTemplate: {probes: true}
`

const limitsOnly = yaml`
  license_key: abc
  gloo:
    gatewayProxies:
      gatewayProxy:
        podTemplate:
          resources:
            limits:
              cpu: "2"
              memory: 2Gi
`

const helmRelease = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: gloo
    namespace: gloo-system
  spec:
    chart:
      spec:
        chart: gloo
        version: 1.17.4
`

const renderedEmpty = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    labels: {gloo: gateway-proxy, gateway-proxy-id: gateway-proxy}
  spec:
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0
          resources: {}
`

const renderedNone = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: public-gw
    labels:
      gloo: gateway-proxy
      gateway-proxy-id: public-gw
  spec:
    template:
      spec:
        containers:
        - image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.4
          name: public-gw
          args: [--disable-hot-restart]
`

const renderedLimits = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    labels: {gloo: gateway-proxy}
  spec:
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
          resources:
            limits:
              cpu: 1500m
              memory: '1Gi'
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: requests set',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              resources:
                requests:
                  cpu: 500m
                  memory: 256Mi
      `
    },
    {
      name: 'enterprise values: a custom proxy inherits the requests on chart 1.14',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                resources:
                  requests: {cpu: "1", memory: 1Gi}
            publicGw:
              service:
                type: LoadBalancer
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
      name: 'rendered: Envoy container with requests; the sds sidecar is not the proxy',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels: {gloo: gateway-proxy}
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
                resources:
                  requests:
                    memory: 256Mi
              - name: sds
                image: quay.io/solo-io/sds:1.17.4
      `
    }
  ],
  invalid: [
    {
      name: 'values: no requests in a block podTemplate (suggestion only, never a fix)',
      code: blockValues,
      errors: [
        { messageId: 'values', line: 3, column: 5, severity: 'warning', message: "gatewayProxies.gatewayProxy.podTemplate.resources.requests is not set: gateway proxy 'gateway-proxy'" }
      ],
      output: null
    },
    {
      name: 'values before chart 1.7: the custom proxy stands alone',
      glooVersion: '1.6.12',
      code: flowCustomProxy,
      errors: [{ messageId: 'values', line: 7, column: 5, message: "gateway proxy 'internal-gw'" }],
      output: null
    },
    {
      name: 'enterprise values: limits only is a notice',
      code: limitsOnly,
      errors: [{ messageId: 'limitsOnly', line: 6, column: 9, severity: 'notice', message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.resources.requests is not set' }],
      output: null
    },
    {
      name: 'Flux HelmRelease without spec.values',
      path: 'release.yaml',
      code: helmRelease,
      errors: [{ messageId: 'values', line: 6, column: 1 }],
      output: null
    },
    {
      name: 'rendered: resources: {}',
      path: 'gateway-proxy.yaml',
      code: renderedEmpty,
      errors: [{ messageId: 'rendered', line: 12, column: 9, severity: 'warning', message: "The Envoy container 'gateway-proxy' of gateway proxy 'gateway-proxy'" }],
      output: null
    },
    {
      name: 'rendered DaemonSet: no resources key',
      path: 'public-gw.yaml',
      code: renderedNone,
      errors: [{ messageId: 'rendered', line: 13, column: 15 }],
      output: null
    },
    {
      name: 'rendered: limits only is a notice',
      path: 'gateway-proxy.yaml',
      code: renderedLimits,
      errors: [{ messageId: 'limitsOnly', line: 12, column: 9, severity: 'notice', message: "resources.requests of container 'gateway-proxy' is not set" }],
      output: null
    }
  ]
})

describe('proxy-resources suggestions', () => {
  it('proxy-resources/addRequests: placeholders marked for tuning in a block map', () => {
    expect(suggested({ code: blockValues })).toEqual([
      [
        'Add resources.requests with placeholder values (cpu 500m, memory 256Mi) and size them from measured load.',
        yaml`
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
                resources:
                  requests:
                    cpu: 500m  # TODO: tune
                    memory: 256Mi  # TODO: tune
        `
      ]
    ])
  })

  it('proxy-resources/addRequests: no comment inside a flow map, where it would swallow the closing brace', () => {
    expect(suggested({ code: flowCustomProxy, glooVersion: '1.6.12' }).map(([, text]) => text)).toEqual([
      flowCustomProxy.replace('{probes: true}', '{probes: true, resources: {requests: {cpu: 500m, memory: 256Mi}}}')
    ])
  })

  it('proxy-resources/copyLimits: requests copied from the limits, quoting kept', () => {
    expect(suggested({ code: limitsOnly })).toEqual([
      [
        'Add resources.requests equal to the limits (what Kubernetes applies today).',
        yaml`
          license_key: abc
          gloo:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  resources:
                    limits:
                      cpu: "2"
                      memory: 2Gi
                    requests:
                      cpu: "2"
                      memory: 2Gi
        `
      ]
    ])
    expect(suggested({ path: 'gateway-proxy.yaml', code: renderedLimits }).map(([, text]) => text)).toEqual([
      renderedLimits + "          requests:\n            cpu: 1500m\n            memory: '1Gi'\n"
    ])
  })

  it('proxy-resources/addRequests: a HelmRelease gets spec.values created', () => {
    expect(suggested({ path: 'release.yaml', code: helmRelease }).map(([, text]) => text)).toEqual([
      helmRelease +
        [
          '  values:',
          '    gatewayProxies:',
          '      gatewayProxy:',
          '        podTemplate:',
          '          resources:',
          '            requests:',
          '              cpu: 500m  # TODO: tune',
          '              memory: 256Mi  # TODO: tune',
          ''
        ].join('\n')
    ])
  })

  it('proxy-resources/addRequests: rendered containers, an empty `resources: {}` filled in block style, and a `- ` sequence item', () => {
    expect(suggested({ path: 'gateway-proxy.yaml', code: renderedEmpty }).map(([, text]) => text)).toEqual([
      renderedEmpty.replace('resources: {}', 'resources:\n          requests:\n            cpu: 500m\n            memory: 256Mi')
    ])
    expect(suggested({ path: 'public-gw.yaml', code: renderedNone }).map(([, text]) => text)).toEqual([
      renderedNone + '        resources:\n          requests:\n            cpu: 500m  # TODO: tune\n            memory: 256Mi  # TODO: tune\n'
    ])
  })
})
