import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-run-as-root.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const renderedUnset = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    labels:
      gloo: gateway-proxy
      gateway-proxy-id: gateway-proxy
  spec:
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop:
              - ALL
`

const renderedNonRootFalse = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    labels:
      gloo: gateway-proxy
  spec:
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
          securityContext:
            runAsNonRoot: false
`

/** Invalid cases; `suggested` is the file after applying every finding's first suggestion. */
const cases: { valid: ValidCase[]; invalid: (InvalidCase & { suggested?: string })[] } = {
  valid: [
    {
      name: 'values: the chart defaults of an unknown (newest) chart',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: an old chart with runUnprivileged: true',
      glooVersion: '1.2.5',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              runAsUser: 10101
      `
    },
    {
      name: 'values: floatingUserId (OpenShift) leaves runAsUser out, so its value does not matter',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
              runAsUser: 0
              runUnprivileged: true
      `
    },
    {
      name: 'values: a glooContainerSecurityContext that replaces the defaults supersedes runUnprivileged',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                runAsNonRoot: true
                runAsUser: 10101
      `
    },
    {
      name: "values: with helm-merge, runAsUser: 0 is filled from the chart's 10101",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                runAsUser: 0
      `
    },
    {
      name: 'values: a custom proxy on chart 1.8 inherits runUnprivileged',
      glooVersion: '1.8.0',
      code: yaml`
        gatewayProxies:
          publicGw:
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      name: 'rendered: the chart output of 1.4.10',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 10101
                runAsUser: 10101
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.4.10
                securityContext:
                  readOnlyRootFilesystem: true
                  runAsNonRoot: true
                  runAsUser: 10101
      `
    },
    {
      name: 'rendered: OpenShift (floatingUserId) keeps runAsNonRoot: true without a runAsUser',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsNonRoot: true
      `
    },
    {
      name: 'boundary: runUnprivileged defaults to true at 1.3.31',
      glooVersion: '1.3.31',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'boundary: runUnprivileged defaults to true at 1.4.0-beta15',
      glooVersion: '1.4.0-beta15',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'boundary: floatingUserId omits runAsUser on 1.14.0-beta10',
      glooVersion: '1.14.0-beta10',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `
    },
    {
      name: 'boundary: floatingUserId is fixed on 1.14.9',
      glooVersion: '1.14.9',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `
    },
    {
      name: 'boundary: floatingUserId is fixed on 1.15.0-beta14',
      glooVersion: '1.15.0-beta14',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `
    },
    {
      name: 'boundary: global floatingUserId drops runAsUser from 1.17.3',
      glooVersion: '1.17.3',
      code: yaml`
        global:
          securitySettings:
            floatingUserId: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runAsUser: 0
      `
    },
    {
      name: 'boundary: global floatingUserId drops runAsUser from 1.18.0-beta14',
      glooVersion: '1.18.0-beta14',
      code: yaml`
        global:
          securitySettings:
            floatingUserId: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runAsUser: 0
      `
    },
    {
      name: "boundary: 1.7.0-beta21's merge refills a custom false from gatewayProxy",
      glooVersion: '1.7.0-beta21',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              runUnprivileged: false
      `
    },
    {
      name: "1.7.0's merge refills a custom false from gatewayProxy",
      glooVersion: '1.7.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              runUnprivileged: false
      `
    }
  ],
  invalid: [
    {
      name: 'enterprise values on chart 1.0: runs as root',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                floatingUserId: false
                image:
                  repository: gloo-ee-envoy-wrapper
                  tag: 1.0.0-rc5
                runAsUser: 0
                runUnprivileged: false
      `,
      errors: [
        { messageId: 'runAsUser', line: 10, column: 20, severity: 'error', message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.runAsUser is 0' },
        { messageId: 'runUnprivileged', line: 11, column: 26, severity: 'error', message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.runUnprivileged is false' }
      ],
      suggested: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                floatingUserId: false
                image:
                  repository: gloo-ee-envoy-wrapper
                  tag: 1.0.0-rc5
                runAsUser: 10101
                runUnprivileged: true
      `
    },
    {
      name: 'values: absent on chart 1.3.12 (error: the image has no USER), inserted under podTemplate',
      glooVersion: '1.3.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
      `,
      errors: [{ messageId: 'runUnprivilegedDefault', line: 3, column: 5, severity: 'error', message: 'chart 1.3.12 does not run Envoy unprivileged by default' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
              runUnprivileged: true
      `
    },
    {
      name: 'values: a custom proxy before chart 1.7 stands alone (warning), inserted into a flow map',
      glooVersion: '1.6.9',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
          publicGw:
            podTemplate: {httpPort: 8080, httpsPort: 8443}
      `,
      errors: [{ messageId: 'runUnprivilegedImageUser', line: 6, column: 5, severity: 'warning', message: "custom proxy does not inherit gatewayProxy's runUnprivileged: true" }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
          publicGw:
            podTemplate: {httpPort: 8080, httpsPort: 8443, runUnprivileged: true}
      `
    },
    {
      name: 'values: glooContainerSecurityContext runs as root',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                runAsNonRoot: false
                runAsUser: 0
      `,
      errors: [
        { messageId: 'runAsNonRoot', line: 6, column: 23, message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.runAsNonRoot is false' },
        { messageId: 'runAsUser', line: 7, column: 20 }
      ],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                runAsNonRoot: true
                runAsUser: 10101
      `
    },
    {
      name: 'values: with helm-merge, runAsNonRoot: false is only filled when runUnprivileged is true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                runAsNonRoot: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 4, column: 24, severity: 'warning', message: 'still runs as uid 10101' },
        { messageId: 'runAsNonRoot', line: 7, column: 23, severity: 'warning' }
      ],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                runAsNonRoot: true
      `
    },
    {
      name: 'Argo CD Application: runUnprivileged: false inside the values string',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.12.16
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      runUnprivileged: false
      `,
      errors: [{ messageId: 'runUnprivilegedImageUser', line: 15, column: 32, severity: 'warning', message: 'still runs as uid 10101' }],
      suggested: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.12.16
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      runUnprivileged: true
      `
    },
    {
      name: 'Flux HelmRelease: absent on chart 1.3.20 (error), spec.values is created',
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.3.20
          interval: 10m
      `,
      errors: [{ messageId: 'runUnprivilegedDefault', line: 5, column: 1, severity: 'error' }],
      suggested: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.3.20
          interval: 10m
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  runUnprivileged: true
      `
    },
    {
      name: 'rendered: runAsUser: 0 next to runAsNonRoot: true: the kubelet refuses the pod',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 0
      `,
      errors: [{ messageId: 'refused', line: 15, column: 22, severity: 'error', message: 'spec.template.spec.containers[0].securityContext.runAsUser is 0 next to runAsNonRoot: true' }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 10101
      `
    },
    {
      name: "rendered: the pod's runAsUser: 0 applies when the container sets none",
      path: 'gateway-proxy-ds.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              securityContext: {runAsUser: 0, fsGroup: 10101}
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  readOnlyRootFilesystem: true
      `,
      errors: [{ messageId: 'runAsUser', line: 10, column: 36, message: 'spec.template.spec.securityContext.runAsUser is 0' }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              securityContext: {runAsUser: 10101, fsGroup: 10101}
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  readOnlyRootFilesystem: true
      `
    },
    {
      name: 'rendered: runAsNonRoot: false next to a non-root user is fixed',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 10101
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsNonRoot: false
      `,
      errors: [{ messageId: 'runAsNonRoot', line: 16, column: 25 }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 10101
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsNonRoot: true
      `
    },
    {
      name: 'rendered: runAsNonRoot: false without any user is only a suggestion',
      path: 'gateway-proxy.yaml',
      code: renderedNonRootFalse,
      errors: [{ messageId: 'runAsNonRoot', line: 14, column: 25, severity: 'warning' }],
      output: null
    },
    {
      name: 'rendered: neither pod nor container says who Envoy runs as, on a 1.5.0 image without USER (error)',
      path: 'gateway-proxy.yaml',
      code: renderedUnset,
      errors: [{ messageId: 'rootImage', line: 14, column: 9, severity: 'error', message: 'has no USER' }],
      output: null
    },
    {
      name: 'boundary: runUnprivileged unset just below 1.3.31 runs as root',
      glooVersion: '1.3.30',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'runUnprivilegedDefault', line: 3, column: 5, severity: 'error', message: 'until 1.3.31/1.4.0-beta15' }
      ]
    },
    {
      name: 'boundary: 1.4.0-beta14 still has the old defaults',
      glooVersion: '1.4.0-beta14',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'runUnprivilegedDefault', line: 3, column: 5, severity: 'error' }
      ]
    },
    {
      name: 'boundary: runUnprivileged: false below 1.5.1: the image has no USER',
      glooVersion: '1.5.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivileged', line: 4, column: 24, severity: 'error', message: 'has no USER' }
      ]
    },
    {
      name: 'boundary: runUnprivileged: false at 1.5.1 still runs as uid 10101 (warning)',
      glooVersion: '1.5.1',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 4, column: 24, severity: 'warning', message: 'still runs as uid 10101' }
      ]
    },
    {
      name: 'boundary: runUnprivileged: false at 1.6.0-beta1 (warning)',
      glooVersion: '1.6.0-beta1',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 4, column: 24, severity: 'warning' }
      ]
    },
    {
      name: 'boundary: runUnprivileged: false above 1.5.1 (warning)',
      glooVersion: '1.5.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 4, column: 24, severity: 'warning' }
      ]
    },
    {
      name: 'runUnprivileged: false with runAsUser: 0 runs as root (error, no uid-10101 warning)',
      glooVersion: '1.17.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              runAsUser: 0
      `,
      errors: [
        { messageId: 'runAsUser', line: 5, column: 18, severity: 'error' }
      ]
    },
    {
      name: 'runAsUser: 0 alone renders next to runAsNonRoot: true: refused',
      glooVersion: '1.17.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runAsUser: 0
      `,
      errors: [
        { messageId: 'refused', line: 4, column: 18, severity: 'error', message: 'kubelet refuses' }
      ]
    },
    {
      name: 'boundary: floatingUserId renders runAsUser: 0 from 1.14.0-beta11',
      glooVersion: '1.14.0-beta11',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `,
      errors: [
        { messageId: 'floatingRefused', line: 4, column: 23, severity: 'error', message: 'renders runAsUser: 0' }
      ]
    },
    {
      name: 'boundary: floatingUserId renders runAsUser: 0 on 1.14.8',
      glooVersion: '1.14.8',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `,
      errors: [
        { messageId: 'floatingRefused', line: 4, column: 23, severity: 'error' }
      ]
    },
    {
      name: 'boundary: floatingUserId renders runAsUser: 0 on 1.15.0-beta13',
      glooVersion: '1.15.0-beta13',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
      `,
      errors: [
        { messageId: 'floatingRefused', line: 4, column: 23, severity: 'error' }
      ]
    },
    {
      name: 'boundary: global floatingUserId is not read on 1.17.2, so runAsUser: 0 renders',
      glooVersion: '1.17.2',
      code: yaml`
        global:
          securitySettings:
            floatingUserId: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runAsUser: 0
      `,
      errors: [
        { messageId: 'refused', line: 7, column: 18, severity: 'error' }
      ]
    },
    {
      name: 'boundary: global floatingUserId is not read on 1.18.0-beta13',
      glooVersion: '1.18.0-beta13',
      code: yaml`
        global:
          securitySettings:
            floatingUserId: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runAsUser: 0
      `,
      errors: [
        { messageId: 'refused', line: 7, column: 18, severity: 'error' }
      ]
    },
    {
      name: 'boundary: a custom proxy stands alone on 1.7.0-beta20 (its false counts)',
      glooVersion: '1.7.0-beta20',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 7, column: 24, severity: 'warning' }
      ]
    },
    {
      name: 'boundary: from 1.7.1 mergeOverwrite keeps a custom false (warning)',
      glooVersion: '1.7.1',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              runUnprivileged: false
      `,
      errors: [
        { messageId: 'runUnprivilegedImageUser', line: 7, column: 24, severity: 'warning' }
      ]
    },
    {
      name: 'rendered: runAsUser: 0 without runAsNonRoot runs as root',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  runAsUser: 0
      `,
      errors: [
        { messageId: 'runAsUser', line: 14, column: 22, severity: 'error' }
      ]
    },
    {
      name: 'rendered: nothing set on a 1.5.1 image (USER 10101): warning only',
      path: 'gateway-proxy.yaml',
      code: renderedUnset.replace('1.5.0-beta20', '1.5.1'),
      errors: [
        { messageId: 'unset', line: 14, column: 9, severity: 'warning' }
      ]
    }
  ]
}

ruleTester(rule, { valid: cases.valid, invalid: cases.invalid.map(({ suggested: _, ...c }) => ({ ...c, output: null })) })

describe('proxy-run-as-root suggestions as written', () => {
  for (const c of cases.invalid.filter((k) => k.suggested !== undefined))
    it(c.name ?? 'case', () => {
      const findings = runLint(rule, c)
      expect(findings.every((f) => !f.fix)).toBe(true)
      const edits = findings.flatMap((f) => f.suggestions?.[0]?.edits ?? [])
      expect(applyEdits(c.code, edits).output).toBe(c.suggested)
    })
})

describe('proxy-run-as-root suggestions', () => {
  it('suggests runAsNonRoot: true and runAsUser: 10101 in the container securityContext', () => {
    const [finding] = runLint(rule, { path: 'gateway-proxy.yaml', code: renderedUnset })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions).toHaveLength(1)
    const { output } = applyEdits(renderedUnset, finding.suggestions![0].edits)
    expect(output).toBe(renderedUnset.replace('            - ALL\n', '            - ALL\n          runAsNonRoot: true\n          runAsUser: 10101\n'))
  })

  it('suggests runAsNonRoot: true when no user is known (a root image would then refuse to start)', () => {
    const [finding] = runLint(rule, { path: 'gateway-proxy.yaml', code: renderedNonRootFalse })
    expect(finding.fix).toBeUndefined()
    expect(applyEdits(renderedNonRootFalse, finding.suggestions![0].edits).output).toBe(renderedNonRootFalse.replace('runAsNonRoot: false', 'runAsNonRoot: true'))
  })
})
