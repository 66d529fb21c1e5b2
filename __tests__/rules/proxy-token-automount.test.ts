import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/proxy-token-automount.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const istioDeployment = (automount: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    namespace: gloo-system
    labels:
      gloo: gateway-proxy
  spec:
    template:
      spec:
        serviceAccountName: gateway-proxy
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
        - name: sds
          image: quay.io/solo-io/sds:1.17.0
        - name: istio-proxy
          image: docker.io/istio/proxyv2:1.22.0
`.replace(/^( *)serviceAccountName: gateway-proxy\n/m, (line, pad: string) => line + (automount && `${pad}${automount}\n`))

const istioValues = (disableAutomount: boolean) => yaml`
  global:
    istioSDS:
      enabled: true
  gateway:
    proxyServiceAccount:
      disableAutomount: ${String(disableAutomount)}
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: automount disabled',
      code: yaml`
        gateway:
          proxyServiceAccount:
            disableAutomount: true
      `
    },
    {
      name: 'values: gateway disabled',
      code: yaml`
        gateway:
          enabled: false
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'rendered: ServiceAccount without automount',
      path: 'sa.yaml',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
          namespace: gloo-system
        automountServiceAccountToken: false
      `
    },
    {
      name: 'rendered: pod-level false wins over the ServiceAccount',
      path: 'sa.yaml',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
      `,
      context: [
        {
          path: 'deploy.yaml',
          text: yaml`
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway-proxy
              labels: {gloo: gateway-proxy}
            spec:
              template:
                spec:
                  serviceAccountName: gateway-proxy
                  automountServiceAccountToken: false
                  containers:
                  - name: gateway-proxy
                    image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
          `
        }
      ]
    },
    {
      name: 'values: Istio SDS with disableAutomount: true',
      code: istioValues(true)
    },
    {
      name: 'rendered: an Istio SDS proxy that sets automountServiceAccountToken: false (as the values form with disableAutomount: true)',
      path: 'deploy.yaml',
      code: istioDeployment('automountServiceAccountToken: false')
    },
    {
      name: 'rendered: the ServiceAccount of an Istio SDS proxy that turns the token off at pod level',
      path: 'sa.yaml',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
          namespace: gloo-system
      `,
      context: [{ path: 'deploy.yaml', text: istioDeployment('automountServiceAccountToken: false') }]
    }
  ],
  invalid: [
    {
      name: 'rendered: an Istio SDS proxy alone that mounts the token gets the values form\'s notice, the edit only a suggestion',
      path: 'deploy.yaml',
      code: istioDeployment(''),
      errors: [{ messageId: 'istioPod', line: 11, column: 27, severity: 'notice', message: "Proxy 'gateway-proxy' runs with Istio (the pod runs an istio-proxy container)" }],
      output: null
    },
    {
      name: 'rendered: the gateway-proxy ServiceAccount of an Istio proxy: a notice, the edit only a suggestion',
      path: 'sa.yaml',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
          namespace: gloo-system
      `,
      context: [{ path: 'deploy.yaml', text: istioDeployment('') }],
      errors: [{ messageId: 'istioServiceAccount', line: 4, column: 9, severity: 'notice' }],
      output: null
    },
    {
      name: 'values: with Istio SDS the token may be wanted: a notice, and the edit only a suggestion',
      code: yaml`
        global:
          istioSDS:
            enabled: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [{ messageId: 'istio', line: 1, column: 1, severity: 'notice', message: 'the proxy runs with Istio (global.istioSDS.enabled is true)' }],
      output: null
    },
    {
      name: 'values: key absent, inserted under the nearest ancestor',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'error' }],
      output: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
          proxyServiceAccount:
            disableAutomount: true
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: explicit false is replaced in place, comment kept',
      code: yaml`
        gateway:
          proxyServiceAccount:
            disableAutomount: false # TODO
      `,
      errors: [{ messageId: 'values', line: 3, column: 23 }],
      output: null
    },
    {
      name: 'enterprise values: under gloo., IRSA lowers to notice',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            proxyServiceAccount:
              extraAnnotations:
                eks.amazonaws.com/role-arn: arn:aws:iam::1:role/x
      `,
      errors: [{ messageId: 'irsa', line: 4, column: 5, severity: 'notice', message: 'gloo.gateway.proxyServiceAccount.disableAutomount' }],
      output: null
    },
    {
      name: 'rendered: ServiceAccount gets automountServiceAccountToken: false',
      path: 'sa.yaml',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
          namespace: gloo-system
      `,
      errors: [{ messageId: 'serviceAccount', line: 4, column: 9 }],
      output: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: gateway-proxy
          namespace: gloo-system
        automountServiceAccountToken: false
      `
    },
    {
      name: 'rendered: Deployment alone cannot be verified, fixed at pod level',
      path: 'deploy.yaml',
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
              serviceAccountName: gateway-proxy
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
      `,
      errors: [{ messageId: 'unverified', line: 10, column: 27, severity: 'warning' }],
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
              serviceAccountName: gateway-proxy
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
              automountServiceAccountToken: false
      `
    }
  ]
})

describe('proxy-token-automount without a safe fix', () => {
  it("offers the edit as a suggestion (messageId: 'disableAutomount'), never as a fix", () => {
    const findings = runLint(rule, { glooVersion: '1.17.3', code: 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n' })
    const f = findings.find((x) => x.ruleId === 'proxy-token-automount')!
    expect(f.fix).toBeUndefined()
    expect(f.suggestions?.map((s) => s.message)).toEqual([formatMessage(rule.meta.messages['disableAutomount' as keyof typeof rule.meta.messages], { key: f.message.split(' ')[0] })])
    // Applied by hand, the suggestion does what its message says, and the finding is gone.
    const applied = applyEdits('gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n', f.suggestions![0].edits).output
    expect(applied).toBe('gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n')
    expect(runLint(rule, { glooVersion: '1.17.3', code: applied }).filter((x) => x.ruleId === 'proxy-token-automount')).toEqual([])
  })
})

describe('proxy-token-automount: an Istio SDS proxy, values form and rendered form', () => {
  // Catalog section 2, proxy-token-automount: "Notice with Istio integration"; the rendered form of the same
  // install gets the same verdict.
  const verdict = (path: string, code: string) => runLint(rule, { path, code, glooVersion: '1.17.3' }).map((f) => `${f.severity} ${f.fix ? 'fix' : f.suggestions?.length ? 'suggest' : '-'}`)
  it.each([
    ['the token mounted', false, ''],
    ['the token turned off', true, 'automountServiceAccountToken: false']
  ])('%s', (_name, off, podLine) => {
    expect(verdict('deploy.yaml', istioDeployment(podLine))).toEqual(verdict('values.yaml', istioValues(off)))
  })
})

describe('proxy-token-automount: the rendered Istio notice', () => {
  it("offers pod-level automountServiceAccountToken: false as a suggestion (messageId: 'automountOff'), never as a fix", () => {
    const code = istioDeployment('')
    const [f] = runLint(rule, { path: 'deploy.yaml', code })
    expect(f.fix).toBeUndefined()
    expect(f.suggestions?.map((s) => s.message)).toEqual([rule.meta.messages.automountOff])
    const applied = applyEdits(code, f.suggestions![0].edits).output
    // Appended as the pod spec's last key (no conventional order for a rendered pod spec).
    expect(applied).toBe(`${code}      automountServiceAccountToken: false\n`)
    expect(runLint(rule, { path: 'deploy.yaml', code: applied })).toEqual([])
  })
})
