import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-privileged.js'
import replaced from '../../src/rules/proxy-security-context-replaced.js'
import readOnly from '../../src/rules/proxy-read-only-root-fs.js'
import { lint } from '../../src/engine/lint.js'
import { testConfig } from '../../__fixtures__/rule-tester.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const renderedWithNetAdmin = yaml`
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
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              add:
              - NET_ADMIN
              - NET_BIND_SERVICE
              drop:
              - ALL
`

ruleTester(rule, {
  valid: [
    {
      name: "values: no glooContainerSecurityContext keeps the chart's defaults",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              disableNetBind: false
      `
    },
    {
      name: 'values: a complete glooContainerSecurityContext (NET_BIND_SERVICE is proxy-net-bind)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                privileged: false
                capabilities:
                  add: [NET_BIND_SERVICE]
                  drop: [ALL]
      `
    },
    {
      name: "values: helm-merge fills missing and zero values from the chart's defaults",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                allowPrivilegeEscalation: false
                capabilities:
                  drop: []
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: 'rendered: the chart output with NET_BIND_SERVICE',
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
                image: quay.io/solo-io/gloo-envoy-wrapper:1.12.0
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities:
                    add:
                    - NET_BIND_SERVICE
                    drop:
                    - ALL
              - name: istio-proxy
                image: docker.io/istio/proxyv2:1.6.6
      `
    }
  ],
  invalid: [
    {
      name: 'values: privileged: true, and the escalation fix goes in on the next pass',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                privileged: true
                capabilities:
                  drop: [ALL]
      `,
      // allowPrivilegeEscalation is merely left out of the replacing map: proxy-security-context-replaced's finding.
      errors: [
        { messageId: 'privileged', line: 5, column: 21, severity: 'error', message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext sets privileged: true' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                privileged: false
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: 'values: a replacing context that writes allowPrivilegeEscalation: true and an empty drop list',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: true
                capabilities:
                  drop: []
      `,
      errors: [
        { messageId: 'escalation', line: 6, column: 35 },
        { messageId: 'drop', line: 8, column: 17 }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: 'enterprise values, helm-merge: an explicit true and a drop list without ALL still win',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext:
                  mergePolicy: helm-merge
                  allowPrivilegeEscalation: true
                  capabilities:
                    drop:
                    - NET_RAW
      `,
      errors: [
        { messageId: 'escalation', line: 8, column: 37, message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext does not set' },
        { messageId: 'drop', line: 11, column: 13 }
      ],
      output: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext:
                  mergePolicy: helm-merge
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - NET_RAW
                    - ALL
      `
    },
    {
      name: 'values: an added capability is only a suggestion',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  add: [NET_ADMIN]
                  drop: [ALL]
      `,
      errors: [{ messageId: 'added', line: 8, column: 17, message: 'adds capability NET_ADMIN' }],
      output: null
    },
    {
      name: 'values: a map inherited by a custom proxy (chart 1.14) is reported once',
      glooVersion: '1.14.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [NET_RAW]
          publicGw:
            disabled: false
      `,
      errors: [{ messageId: 'drop', line: 8, column: 17, message: "proxy 'gateway-proxy'" }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [NET_RAW, ALL]
          publicGw:
            disabled: false
      `
    },
    {
      name: 'Flux HelmRelease: a flow drop list gets ALL appended',
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
              version: 1.17.4
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  glooContainerSecurityContext:
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [NET_RAW]}
      `,
      errors: [{ messageId: 'drop', line: 16, column: 34 }],
      output: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.4
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  glooContainerSecurityContext:
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [NET_RAW, ALL]}
      `
    },
    {
      name: 'rendered: privileged: true is removed; allowPrivilegeEscalation is fixed on the next pass',
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
                  privileged: true
                  allowPrivilegeEscalation: true
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: [ALL]
      `,
      errors: [
        { messageId: 'privileged', line: 14, column: 23, message: 'spec.template.spec.containers[0].securityContext sets privileged: true' },
        { messageId: 'escalation', line: 15, column: 37 }
      ],
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
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: [ALL]
      `
    },
    {
      name: 'rendered: escalation and drop missing from a block securityContext',
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
                  readOnlyRootFilesystem: true
                ports:
                - containerPort: 8080
      `,
      errors: [
        { messageId: 'escalation', line: 13, column: 9 },
        { messageId: 'drop', line: 13, column: 9 }
      ],
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
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
                ports:
                - containerPort: 8080
      `
    },
    {
      name: 'rendered: no securityContext at all, inserted into the - container item',
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
      `,
      errors: [{ messageId: 'noSecurityContext', line: 11, column: 9 }],
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
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
      `
    },
    {
      name: 'rendered: an empty flow securityContext on a DaemonSet',
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
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext: {}
      `,
      errors: [{ messageId: 'noSecurityContext', line: 13, column: 9 }],
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
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
      `
    },
    {
      name: 'rendered: an empty drop: is replaced by [ALL]',
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
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
      `,
      errors: [{ messageId: 'drop', line: 16, column: 18 }],
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
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
      `
    },
    {
      name: 'rendered: an added capability other than NET_BIND_SERVICE',
      path: 'gateway-proxy.yaml',
      code: renderedWithNetAdmin,
      errors: [{ messageId: 'added', line: 19, column: 15, message: 'adds capability NET_ADMIN' }],
      output: null
    }
  ]
})

describe('proxy-privileged suggestions', () => {
  it('offers to remove an added capability, without a fix', () => {
    const [finding] = runLint(rule, { path: 'gateway-proxy.yaml', code: renderedWithNetAdmin })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      "spec.template.spec.containers[0].securityContext adds capability NET_ADMIN to the Envoy container of proxy 'gateway-proxy'; remove it unless Envoy really needs it."
    ])
    const { output } = applyEdits(renderedWithNetAdmin, finding.suggestions![0].edits)
    expect(output).toBe(renderedWithNetAdmin.replace('            - NET_ADMIN\n', ''))
  })

  it('removes the add: pair with its only item', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              allowPrivilegeEscalation: false
              capabilities:
                add:
                - SYS_PTRACE
                drop: [ALL]
    `
    const [finding] = runLint(rule, { code })
    expect(finding.messageId).toBe('added')
    expect(applyEdits(code, finding.suggestions![0].edits).output).toBe(code.replace('          add:\n          - SYS_PTRACE\n', ''))
  })
})

describe('one finding per cause: a default merely left out of a replacing context', () => {
  // Catalog section 2, proxy-privileged and proxy-read-only-root-fs: "keys only missing from a replacing context:
  // proxy-security-context-replaced".
  const run = (code: string, glooVersion = '1.17.3') =>
    lint([{ path: 'values.yaml', text: code }], { config: testConfig({ code, glooVersion }), rules: [rule, replaced, readOnly] }).findings.map(
      (f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.messageId}`
    )

  it('is reported by proxy-security-context-replaced alone', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              runAsUser: 10101
    `
    expect(run(code)).toEqual(['4:7 proxy-security-context-replaced replaced'])
  })

  it('leaves a key written with a weak value to the rule about that key', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              runAsUser: 10101
              allowPrivilegeEscalation: true
    `
    expect(run(code)).toEqual(['4:7 proxy-security-context-replaced replaced', '6:35 proxy-privileged escalation'])
  })

  it('is nobody\'s on a chart that does not read glooContainerSecurityContext (before 1.14.0-beta11)', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              allowPrivilegeEscalation: true
    `
    expect(run(code, '1.14.0-beta10')).toEqual([])
  })
})
