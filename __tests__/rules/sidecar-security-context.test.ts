import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/sidecar-security-context.js'
import { formatMessage } from '../../src/rules/types.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A suggestion's text, from its messageId and data. */
const suggestion = (s: { messageId: keyof typeof rule.meta.messages; data: Record<string, string> }): string => formatMessage(rule.meta.messages[s.messageId], s.data)

const BOTH = 'allowPrivilegeEscalation: false and capabilities.drop: [ALL]'

const mtls = yaml`
  global:
    glooMtls:
      enabled: true
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        httpPort: 8080
`

const istioIntegration = yaml`
  global:
    istioIntegration:
      enabled: true
`

const pss = yaml`
  global:
    podSecurityStandards:
      container:
        enableRestrictedContainerDefaults: true
    glooMtls:
      enabled: true
`

/** A rendered gateway-proxy Deployment with Gloo mTLS and Istio sidecars, as chart 1.17 renders it without any securityContext value. */
const renderedSidecars = yaml`
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
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
        - name: sds
          image: quay.io/solo-io/sds:1.17.4
          imagePullPolicy: IfNotPresent
        - name: istio-proxy
          image: docker.io/istio/proxyv2:1.22.0
          securityContext:
            allowPrivilegeEscalation: false
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: neither Gloo mTLS nor Istio: no sidecar',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'values: the sds sidecar with both settings',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          glooMtls:
            enabled: true
            sds:
              securityContext:
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                capabilities:
                  drop:
                  - ALL
      `
    },
    {
      name: 'values: the PSS restricted defaults reach the sidecars (1.16.14)',
      glooVersion: '1.16.14',
      code: pss
    },
    {
      name: "values: helm-merge keeps the PSS defaults under the sidecar's own keys (1.17.0-beta29)",
      glooVersion: '1.17.0-beta29',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
          glooMtls:
            enabled: true
            sds:
              securityContext:
                mergePolicy: helm-merge
                runAsUser: 10101
      `
    },
    {
      name: 'values: istioIntegration.enabled adds no sidecar before 1.17.0',
      glooVersion: '1.17.0-beta35',
      code: istioIntegration
    },
    {
      name: 'values: istioSDS.customSidecars without istioSDS.enabled is not rendered',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          istioSDS:
            enabled: false
            customSidecars:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.6.6
      `
    },
    {
      name: 'values: global.glooMtls.enabled is read from 1.3.6',
      glooVersion: '1.3.5',
      code: mtls
    },
    {
      name: 'values: gateway.enabled: false renders no proxy, so no sidecar',
      glooVersion: '1.17.4',
      code: yaml`
        gateway:
          enabled: false
        global:
          glooMtls:
            enabled: true
      `
    },
    {
      name: 'values: custom sidecars written with both settings replace istio-proxy',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          istioSDS:
            enabled: true
            customSidecars:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.6.6
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          glooMtls:
            sds:
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: 'rendered: sidecars with both settings',
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
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
              - name: sds
                image: quay.io/solo-io/sds:1.17.4
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
      `
    }
  ],
  invalid: [
    {
      name: 'values: chart 1.14.0-beta10 has no securityContext key for the sidecars: notice on the switch',
      glooVersion: '1.14.0-beta10',
      code: mtls,
      errors: [
        {
          messageId: 'noKnob',
          line: 3,
          column: 14,
          severity: 'notice',
          message:
            "Chart 1.14.0-beta10 renders the sds sidecar of proxy 'gateway-proxy' without a securityContext and reads no key for one (from 1.14.0-beta11): a process in it may escalate privileges or keep the container runtime's default capabilities."
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.14.0-beta11 reads global.glooMtls.sds.securityContext; a map without drop: [ALL]',
      glooVersion: '1.14.0-beta11',
      code: yaml`
        global:
          glooMtls:
            enabled: true
            sds:
              securityContext:
                allowPrivilegeEscalation: false
                runAsUser: 10101
      `,
      errors: [
        {
          messageId: 'sidecar',
          line: 5,
          column: 7,
          severity: 'warning',
          message:
            "global.glooMtls.sds.securityContext does not give the sds sidecar of proxy 'gateway-proxy' capabilities.drop: [ALL] (chart 1.14.0-beta11), and the chart sets no default: a process in it may escalate privileges or keep the container runtime's default capabilities."
        }
      ],
      output: null
    },
    {
      name: 'values: istioSDS adds sds and istio-proxy; the message names every proxy',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          istioSDS:
            enabled: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
          publicGw:
            disabled: false
      `,
      errors: [
        { messageId: 'sidecar', line: 1, column: 1, message: `global.glooMtls.sds.securityContext does not give the sds sidecar of proxies 'gateway-proxy' and 'public-gw' ${BOTH}` },
        { messageId: 'sidecar', line: 1, column: 1, message: `global.glooMtls.istioProxy.securityContext does not give the istio-proxy sidecar of proxies 'gateway-proxy' and 'public-gw' ${BOTH}` }
      ],
      output: null
    },
    {
      name: 'values: istioIntegration.enabled adds both sidecars from 1.17.0',
      glooVersion: '1.17.0',
      code: istioIntegration,
      errors: [
        { messageId: 'sidecar', line: 1, column: 1, message: 'the sds sidecar' },
        { messageId: 'sidecar', line: 1, column: 1, message: 'the istio-proxy sidecar' }
      ],
      output: null
    },
    {
      name: 'values: the PSS switch is ignored by chart 1.16.13',
      glooVersion: '1.16.13',
      code: pss,
      errors: [{ messageId: 'sidecar', line: 5, column: 3, message: `sds sidecar of proxy 'gateway-proxy' ${BOTH} (chart 1.16.13), and the chart sets no default` }],
      output: null
    },
    {
      name: 'values: a replacing sds map drops the PSS defaults (1.17.4)',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
          glooMtls:
            enabled: true
            sds:
              securityContext:
                runAsUser: 999
      `,
      errors: [{ messageId: 'sidecar', line: 8, column: 7, message: `${BOTH} (chart 1.17.4), and it replaces the PSS restricted defaults` }],
      output: null
    },
    {
      name: 'values: helm-merge keeps an explicit allowPrivilegeEscalation: true',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
          glooMtls:
            enabled: true
            sds:
              securityContext:
                mergePolicy: helm-merge
                allowPrivilegeEscalation: true
      `,
      errors: [{ messageId: 'sidecar', line: 8, column: 7, message: 'sidecar of proxy \'gateway-proxy\' allowPrivilegeEscalation: false (chart 1.17.4), and the chart sets no default' }],
      output: null
    },
    {
      name: 'values: custom sidecars are judged as written; sds still renders',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          istioSDS:
            enabled: true
            customSidecars:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.6.6
              args: [proxy, sidecar]
          glooMtls:
            sds:
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `,
      errors: [
        {
          messageId: 'customSidecar',
          line: 5,
          column: 7,
          severity: 'warning',
          message:
            "Custom sidecar 'istio-proxy' of proxy 'gateway-proxy' (global.istioSDS.customSidecars) runs without allowPrivilegeEscalation: false and capabilities.drop: [ALL]: a process in it may escalate privileges or keep the container runtime's default capabilities."
        }
      ],
      output: null
    },
    {
      name: 'values: below 1.14.0-beta11 custom sidecars are notices too',
      glooVersion: '1.13.10',
      code: yaml`
        global:
          istioSDS:
            enabled: true
            customSidecars:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.6.6
              securityContext:
                capabilities:
                  drop: [NET_RAW]
      `,
      errors: [
        { messageId: 'noKnob', line: 3, column: 14, severity: 'notice', message: 'the sds sidecar' },
        { messageId: 'customSidecar', line: 7, column: 7, severity: 'notice' }
      ],
      output: null
    },
    {
      name: 'enterprise values: globals at the root, proxies under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: ""
        global:
          glooMtls:
            enabled: true
            sds:
              securityContext:
                capabilities:
                  drop: [ALL]
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                httpPort: 8080
            internalGw:
              service:
                type: ClusterIP
      `,
      errors: [
        {
          messageId: 'sidecar',
          line: 6,
          column: 7,
          message: "global.glooMtls.sds.securityContext does not give the sds sidecar of proxies 'gateway-proxy' and 'internal-gw' allowPrivilegeEscalation: false (chart 1.17.4), and the chart sets no default"
        }
      ],
      output: null
    },
    {
      name: 'rendered: the sds and istio-proxy containers of the proxy pod (same verdict as the values)',
      path: 'gateway-proxy.yaml',
      code: renderedSidecars,
      errors: [
        { messageId: 'rendered', line: 19, column: 9, severity: 'warning', message: `The sds sidecar of proxy 'gateway-proxy' runs without ${BOTH}` },
        { messageId: 'rendered', line: 24, column: 9, message: "The istio-proxy sidecar of proxy 'gateway-proxy' runs without capabilities.drop: [ALL]" }
      ],
      output: null
    }
  ]
})

describe('sidecar-security-context suggestions', () => {
  it('values: the missing keys go into the sidecar map, or the PSS switch turns them on', () => {
    const [finding] = runLint(rule, { code: mtls, glooVersion: '1.17.4' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      suggestion({ messageId: 'setContext', data: { missing: BOTH, key: 'global.glooMtls.sds.securityContext' } }),
      suggestion({ messageId: 'pss', data: { key: 'global.podSecurityStandards.container.enableRestrictedContainerDefaults' } })
    ])
    expect(finding.suggestions!.map((s) => applyEdits(mtls, s.edits).output)).toEqual([
      mtls.replace('enabled: true\n', 'enabled: true\n    sds:\n      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n'),
      mtls.replace('enabled: true\n', 'enabled: true\n  podSecurityStandards:\n    container:\n      enableRestrictedContainerDefaults: true\n')
    ])
  })

  it('values: a drop list gets ALL appended, an explicit true is turned to false', () => {
    const code = yaml`
      global:
        glooMtls:
          enabled: true
          sds:
            securityContext:
              allowPrivilegeEscalation: true
              capabilities:
                drop:
                - NET_RAW
    `
    const [finding] = runLint(rule, { code, glooVersion: '1.16.13' })
    expect(finding.suggestions?.map((s) => [s.message, applyEdits(code, s.edits).output])).toEqual([
      [
        suggestion({ messageId: 'setContext', data: { missing: BOTH, key: 'global.glooMtls.sds.securityContext' } }),
        code.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false').replace('- NET_RAW\n', '- NET_RAW\n          - ALL\n')
      ]
    ])
  })

  it('values: a custom sidecar gets a securityContext', () => {
    const code = yaml`
      global:
        istioSDS:
          enabled: true
          customSidecars:
          - name: istio-proxy
            image: docker.io/istio/proxyv2:1.6.6
    `
    const custom = runLint(rule, { code, glooVersion: '1.17.4' }).find((f) => f.messageId === 'customSidecar')!
    expect(custom.suggestions?.map((s) => [s.message, applyEdits(code, s.edits).output])).toEqual([
      [
        suggestion({ messageId: 'setContext', data: { missing: BOTH, key: 'global.istioSDS.customSidecars[0].securityContext' } }),
        code + '      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n'
      ]
    ])
  })

  it('rendered: the sidecar container gets the missing keys', () => {
    const findings = runLint(rule, { code: renderedSidecars, path: 'gateway-proxy.yaml' })
    expect(findings.map((f) => f.suggestions?.map((s) => s.message))).toEqual([
      [suggestion({ messageId: 'setContext', data: { missing: BOTH, key: 'spec.template.spec.containers[1].securityContext' } })],
      [suggestion({ messageId: 'setContext', data: { missing: 'capabilities.drop: [ALL]', key: 'spec.template.spec.containers[2].securityContext' } })]
    ])
    expect(applyEdits(renderedSidecars, findings[0].suggestions![0].edits).output).toBe(
      renderedSidecars.replace(
        '        imagePullPolicy: IfNotPresent\n',
        '        imagePullPolicy: IfNotPresent\n        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            drop: [ALL]\n'
      )
    )
    expect(applyEdits(renderedSidecars, findings[1].suggestions![0].edits).output).toBe(
      renderedSidecars + '          capabilities:\n            drop: [ALL]\n'
    )
  })
})
