import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-resources.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
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

describe('proxy-resources: version boundaries and exceptions (catalog section 2 and 4.2)', () => {
  const verdict = (f: { severity: string; fix?: unknown; suggestions?: unknown[] }): string => `${f.severity} ${f.fix ? 'fix' : f.suggestions?.length ? 'suggest' : '-'}`
  const values = (proxies: string): string => `gatewayProxies:\n${proxies.replace(/^/gm, '  ')}\n`
  const REQUESTS = 'gatewayProxy:\n  podTemplate:\n    resources:\n      requests: {cpu: 500m, memory: 256Mi}'
  const FIRES = ['warning suggest']

  it.each<[string, string | undefined, string, string[]]>([
    ['requests absent', '1.17.3', 'gatewayProxy:\n  podTemplate: {probes: true}', FIRES],
    ['requests absent, unknown version', undefined, 'gatewayProxy:\n  podTemplate: {probes: true}', FIRES],
    ['requests set', '1.17.3', REQUESTS, []],
    ['limits only (a notice)', '1.17.3', 'gatewayProxy:\n  podTemplate:\n    resources:\n      limits: {cpu: "1", memory: 1Gi}', ['notice suggest']],
    ['requests without cpu or memory', '1.17.3', 'gatewayProxy:\n  podTemplate:\n    resources:\n      requests: {ephemeral-storage: 1Gi}', FIRES],
    // replicas: before 1.3.15 a 0 renders zero pods (nothing to size); from 1.3.15 it is omitted: one pod.
    ['replicas 0 on 1.3.14 (zero pods)', '1.3.14', 'gatewayProxy:\n  kind: {deployment: {replicas: 0}}', []],
    ['replicas 0 on 1.8.0 (one pod)', '1.8.0', 'gatewayProxy:\n  kind: {deployment: {replicas: 0}}', FIRES],
    // disabled: read from 1.4.7/1.5.0-beta13.
    ['disabled on 1.4.7 (read)', '1.4.7', 'gatewayProxy:\n  disabled: true', []],
    ['disabled on 1.5.0-beta13 (read)', '1.5.0-beta13', 'gatewayProxy:\n  disabled: true', []],
    ['disabled on 1.17.3', '1.17.3', 'gatewayProxy:\n  disabled: true', []],
    // Custom proxies inherit gatewayProxy's values from 1.7.0-beta21; before, they stand alone.
    ['custom proxy on 1.7.0-beta20 (alone)', '1.7.0-beta20', `${REQUESTS}\npublicGw:\n  podTemplate: {probes: true}`, FIRES],
    ['custom proxy on 1.7.0-beta21 (inherits)', '1.7.0-beta21', `${REQUESTS}\npublicGw:\n  podTemplate: {probes: true}`, []]
  ])('%s', (_name, glooVersion, proxies, want) => {
    expect(runLint(rule, { code: values(proxies), glooVersion }).map(verdict)).toEqual(want)
  })

  it('renders nothing with gateway.enabled: false', () => {
    expect(runLint(rule, { code: 'gateway:\n  enabled: false\ngatewayProxies:\n  gatewayProxy:\n    podTemplate: {probes: true}\n', glooVersion: '1.17.3' })).toEqual([])
  })

  // Catalog 4.2: "Replicas render only when truthy (≥ 1.3.15): 0/null → omitted → 1 pod", and `disabled` is read
  // from 1.4.7/1.5.0-beta13 (4.3); both decided by valuesProxies in gloo/values.ts.
  it.each<[string, string, string]>([
    ['replicas 0 on 1.3.15 (one pod)', '1.3.15', 'gatewayProxy:\n  kind: {deployment: {replicas: 0}}'],
    ['replicas 0 on 1.7.0 (one pod)', '1.7.0', 'gatewayProxy:\n  kind: {deployment: {replicas: 0}}'],
    ['disabled on 1.4.6 (not read: the proxy renders)', '1.4.6', 'gatewayProxy:\n  disabled: true'],
    ['disabled on 1.5.0-beta12 (not read: the proxy renders)', '1.5.0-beta12', 'gatewayProxy:\n  disabled: true'],
  ])('%s', (_name, glooVersion, proxies) => {
    expect(runLint(rule, { code: values(proxies), glooVersion }).map(verdict)).toEqual(FIRES)
  })

  it('a custom disabled: false under gatewayProxy.disabled: true renders from 1.7.1/1.8.0-beta3 only (1.7.0 merges the true back)', () => {
    const code = values('gatewayProxy:\n  disabled: true\npublicGw:\n  disabled: false')
    expect(runLint(rule, { code, glooVersion: '1.7.0' })).toEqual([])
    expect(runLint(rule, { code, glooVersion: '1.7.1' }).map((f) => `${f.span.start.line}:${f.span.start.column} ${f.message}`)).toEqual([
      "4:3 gatewayProxies.publicGw.podTemplate.resources.requests is not set: gateway proxy 'public-gw' pods request no CPU or memory (the chart renders none), so they are scheduled anywhere and evicted first under node pressure."
    ])
  })

  const deployment = (container: string, replicas = 1): string =>
    renderProxyDeployment({ flowLabels: true, replicas, version: '1.17.3', container })
  it.each<[string, string, string, string]>([
    ['requests absent', '1.17.3', 'gatewayProxy:\n  podTemplate: {probes: true}', deployment('')],
    ['requests set', '1.17.3', REQUESTS, deployment('\n            resources:\n              requests: {cpu: 500m, memory: 256Mi}')],
    ['limits only', '1.17.3', 'gatewayProxy:\n  podTemplate:\n    resources:\n      limits: {cpu: "1", memory: 1Gi}', deployment('\n            resources:\n              limits: {cpu: "1", memory: 1Gi}')],
    ['replicas 0 on 1.3.14: zero pods', '1.3.14', 'gatewayProxy:\n  kind: {deployment: {replicas: 0}}', deployment('', 0)]
  ])('values and rendered agree: %s', (_name, glooVersion, proxies, manifest) => {
    const fromValues = runLint(rule, { code: values(proxies), glooVersion }).map(verdict)
    expect(runLint(rule, { path: 'gateway-proxy.yaml', code: manifest }).map(verdict)).toEqual(fromValues)
  })
})
