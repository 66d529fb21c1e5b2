import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-probes.js'
import { ruleTester, runLint, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

const renderedProxy = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    namespace: gloo-system
    labels:
      app: gloo
      gloo: gateway-proxy
      gateway-proxy-id: gateway-proxy
  spec:
    replicas: 2
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
          ports:
          - containerPort: 8080
            name: http
        - name: sds
          image: quay.io/solo-io/sds:1.17.4
`

export const cases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'values: readiness and liveness probes on',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
              livenessProbeEnabled: true
      `
    },
    {
      name: 'values: chart 1.11 has no livenessProbeEnabled (probes: true enables both)',
      glooVersion: '1.11.9',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'enterprise values: a custom proxy inherits the default proxy probes on chart 1.14',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
                livenessProbeEnabled: true
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
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: a disabled custom proxy is not checked',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {probes: true, livenessProbeEnabled: true}
          internalGw:
            disabled: true
            podTemplate:
              probes: false
      `
    },
    {
      name: 'rendered: Envoy container with a readinessProbe',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels: {gloo: gateway-proxy, gateway-proxy-id: gateway-proxy}
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
                readinessProbe:
                  exec:
                    command: [wget, -O, /dev/null, 127.0.0.1:19000/ready]
      `
    },
    {
      name: 'rendered: the control plane is not a gateway proxy',
      path: 'gloo.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.17.4
      `
    },
    {
      name: 'boundary: probes: true gives both probes on 1.12.0-beta5',
      glooVersion: '1.12.0-beta5',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: both keys missing from an existing podTemplate, each fixed on its own',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
      `,
      errors: [
        { messageId: 'readiness', line: 3, column: 5, severity: 'warning', message: 'gatewayProxies.gatewayProxy.podTemplate.probes is not set (chart default false)' },
        { messageId: 'liveness', line: 3, column: 5, message: 'gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled is not set' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
              probes: true
      `
    },
    {
      name: 'values: explicit false replaced in place, comment kept',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: false # flaky in staging
              livenessProbeEnabled: true
      `,
      errors: [{ messageId: 'readiness', line: 4, column: 15, message: 'probes is false:' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true # flaky in staging
              livenessProbeEnabled: true
      `
    },
    {
      name: 'values: no podTemplate yet, one fix creates it with both keys',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [
        { messageId: 'readiness', line: 2, column: 3 },
        { messageId: 'liveness', line: 2, column: 3 }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: flow map podTemplate',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {httpPort: 8080, probes: false}
      `,
      errors: [
        { messageId: 'liveness', line: 3, column: 5 },
        { messageId: 'readiness', line: 3, column: 43 }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {httpPort: 8080, probes: true}
      `
    },
    {
      name: 'values: empty flow map podTemplate {}',
      glooVersion: '1.10.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {}
      `,
      errors: [{ messageId: 'readiness', line: 3, column: 5 }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {}
      `
    },
    {
      name: 'values: nothing written at all points at the document and inserts the whole path',
      code: yaml`
        settings:
          writeNamespace: gloo-system
      `,
      errors: [
        { messageId: 'readiness', line: 1, column: 1 },
        { messageId: 'liveness', line: 1, column: 1 }
      ],
      output: yaml`
        settings:
          writeNamespace: gloo-system
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'enterprise values: inherited false is fixed once, on the default proxy',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: false
                livenessProbeEnabled: true
            publicGw:
              service:
                type: LoadBalancer
      `,
      errors: [
        { messageId: 'readiness', line: 6, column: 17, message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.probes is false:' },
        { messageId: 'readiness', line: 8, column: 5, message: 'gloo.gatewayProxies.publicGw.podTemplate.probes is false, inherited from gloo.gatewayProxies.gatewayProxy.podTemplate.probes' }
      ],
      output: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
                livenessProbeEnabled: true
            publicGw:
              service:
                type: LoadBalancer
      `
    },
    {
      name: 'values before chart 1.7: a custom proxy stands alone and needs its own keys',
      glooVersion: '1.6.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              httpPort: 8080
      `,
      errors: [{ messageId: 'readiness', line: 6, column: 5, message: "gateway proxy 'public-gw'" }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'Flux HelmRelease: chart 1.11 from spec.chart.spec.version, readiness only',
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
              version: 1.11.31
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  probes: false
      `,
      errors: [{ messageId: 'readiness', line: 18, column: 19 }],
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
              version: 1.11.31
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  probes: false
      `
    },
    {
      name: 'Argo CD Application: values block string, fixed inside the string',
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
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      probes: true
          destination:
            namespace: gloo-system
      `,
      errors: [{ messageId: 'liveness', line: 15, column: 13 }],
      output: yaml`
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
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      probes: true
          destination:
            namespace: gloo-system
      `
    },
    {
      name: 'rendered: Envoy container without readinessProbe (suggestion only)',
      path: 'gateway-proxy.yaml',
      code: renderedProxy,
      errors: [{ messageId: 'rendered', line: 15, column: 15, severity: 'warning', message: "The Envoy container 'gateway-proxy'" }],
      output: null
    },
    {
      name: 'boundary: before 1.12.0-beta6 probes: true adds liveness too, so it is only suggested',
      glooVersion: '1.12.0-beta5',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
      `,
      errors: [
        { messageId: 'readiness', line: 3, column: 5, severity: 'warning' }
      ],
      output: null
    },
    {
      name: 'boundary: from 1.12.0-beta6 probes: true is a safe fix; livenessProbeEnabled is suggested',
      glooVersion: '1.12.0-beta6',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
      `,
      errors: [
        { messageId: 'readiness', line: 3, column: 5, severity: 'warning' },
        { messageId: 'liveness', line: 3, column: 5, severity: 'warning' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              probes: true
      `
    },
    {
      name: 'boundary: on 1.12.0-beta6 probes: true alone gives no liveness probe',
      glooVersion: '1.12.0-beta6',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'liveness', line: 3, column: 5, severity: 'warning' }
      ],
      output: null
    },
    {
      name: 'unknown version: newest, and the liveness message says which chart it assumes',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
      `,
      errors: [
        { messageId: 'readiness', line: 3, column: 5 },
        { messageId: 'liveness', line: 3, column: 5, message: 'assuming chart ≥ 1.12.0-beta6' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              probes: true
      `
    },
    {
      name: 'livenessProbeEnabled alone renders nothing',
      glooVersion: '1.17.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              livenessProbeEnabled: true
      `,
      errors: [
        { messageId: 'readiness', line: 3, column: 5, message: 'livenessProbeEnabled alone renders no probe' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              livenessProbeEnabled: true
              probes: true
      `
    }
  ]
}

ruleTester(rule, cases)

describe('proxy-probes suggestions', () => {
  it("proxy-probes/addChartProbe: adds the chart's readiness probe to the Envoy container item, not to the sds sidecar", () => {
    const [finding] = runLint(rule, { path: 'gateway-proxy.yaml', code: renderedProxy })
    expect(finding.suggestions?.map((s) => s.message)).toEqual(["Add the chart's readiness probe (wget of Envoy's /ready on the admin port 19000)."])
    expect(applyEdits(renderedProxy, finding.suggestions![0].edits).output).toBe(
      renderedProxy.replace(
        '          name: http\n',
        [
          '          name: http',
          '        readinessProbe:',
          '          exec:',
          '            command: [wget, -O, /dev/null, "127.0.0.1:19000/ready"]',
          '          initialDelaySeconds: 1',
          '          periodSeconds: 10',
          '          failureThreshold: 10',
          ''
        ].join('\n')
      )
    )
  })
})

describe('proxy-probes suggestions', () => {
  it('suggests probes: true before 1.12.0-beta6 and livenessProbeEnabled: true after', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            runUnprivileged: true
    `
    const old = runLint(rule, { code, glooVersion: '1.12.0-beta5' })
    expect(old.map((f) => f.suggestions?.map((s) => s.message))).toEqual([[rule.meta.messages.addProbes]])
    expect(applyEdits(code, old[0].suggestions![0].edits).output).toBe(code.replace('runUnprivileged: true\n', 'runUnprivileged: true\n      probes: true\n'))
    const now = runLint(rule, { code, glooVersion: '1.12.0-beta6' })
    const live = now.find((f) => f.messageId === 'liveness')!
    expect(live.fix).toBeUndefined()
    expect(live.suggestions?.map((s) => s.message)).toEqual([rule.meta.messages.addLiveness])
    expect(applyEdits(code, live.suggestions![0].edits).output).toBe(code.replace('runUnprivileged: true\n', 'runUnprivileged: true\n      livenessProbeEnabled: true\n'))
  })
  // messageIds of the suggestions: messageId: 'addProbes', messageId: 'addLiveness'
})
