import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-run-as-root.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
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

ruleTester(rule, {
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
      output: yaml`
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
      name: 'values: absent on chart 1.3.12 (warning), inserted under podTemplate',
      glooVersion: '1.3.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
      `,
      errors: [{ messageId: 'runUnprivilegedDefault', line: 3, column: 5, severity: 'warning', message: 'chart 1.3.12 does not run Envoy unprivileged by default' }],
      output: yaml`
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
      errors: [{ messageId: 'runUnprivilegedDefault', line: 6, column: 5, severity: 'warning', message: "custom proxy does not inherit gatewayProxy's runUnprivileged: true" }],
      output: yaml`
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
      output: yaml`
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
        { messageId: 'runUnprivileged', line: 4, column: 24 },
        { messageId: 'runAsNonRoot', line: 7, column: 23 }
      ],
      output: yaml`
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
      errors: [{ messageId: 'runUnprivileged', line: 15, column: 32 }],
      output: yaml`
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
      name: 'Flux HelmRelease: absent on chart 1.3.20 (warning), spec.values is created',
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
      errors: [{ messageId: 'runUnprivilegedDefault', line: 5, column: 1, severity: 'warning' }],
      output: yaml`
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
      name: 'rendered: the container runs as user 0',
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
      errors: [{ messageId: 'runAsUser', line: 15, column: 22, message: 'spec.template.spec.containers[0].securityContext.runAsUser is 0' }],
      output: yaml`
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
      output: yaml`
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
      output: yaml`
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
      errors: [{ messageId: 'runAsNonRoot', line: 14, column: 25, severity: 'error' }],
      output: null
    },
    {
      name: 'rendered: neither pod nor container says who Envoy runs as (warning, suggestion only)',
      path: 'gateway-proxy.yaml',
      code: renderedUnset,
      errors: [{ messageId: 'unset', line: 14, column: 9, severity: 'warning' }],
      output: null
    }
  ]
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
