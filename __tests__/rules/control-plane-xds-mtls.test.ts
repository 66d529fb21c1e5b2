import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/control-plane-xds-mtls.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

const unset = yaml`
  gloo:
    deployment:
      replicas: 2
`

const enterprise = yaml`
  license_key: abc
  gloo:
    gatewayProxies:
      gatewayProxy:
        podTemplate:
          probes: true
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: mTLS on',
      code: yaml`
        global:
          glooMtls:
            enabled: true
      `
    },
    {
      name: 'values: chart 1.3.5 does not read global.glooMtls.enabled',
      glooVersion: '1.3.5',
      code: unset
    },
    {
      name: 'values: gateway disabled renders no gateway proxy to secure',
      code: yaml`
        gateway:
          enabled: false
        ingress:
          enabled: true
      `
    },
    {
      name: 'values: every gateway proxy disabled, custom proxies by inheritance too',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
          internalGw:
            service:
              type: ClusterIP
      `
    },
    {
      name: 'enterprise values: global stays at the root, not under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        global:
          glooMtls:
            enabled: true
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: chart 1.3.6 (first to read the key), key missing: on the document',
      glooVersion: '1.3.6',
      code: unset,
      errors: [
        {
          messageId: 'values',
          line: 1,
          column: 1,
          severity: 'notice',
          message: "global.glooMtls.enabled is not set (chart default false; chart 1.3.6): Gloo sends the gateway proxies their configuration (xDS, port 9977), TLS private keys included, in plaintext"
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.3.7',
      glooVersion: '1.3.7',
      code: unset,
      errors: [{ messageId: 'values', line: 1, column: 1 }],
      output: null
    },
    {
      name: 'values: unknown version counts as the newest',
      code: unset,
      errors: [{ messageId: 'values', line: 1, column: 1 }],
      output: null
    },
    {
      name: 'values: explicit false, on its value',
      glooVersion: '1.17.4',
      code: yaml`
        global:
          glooMtls:
            enabled: false
      `,
      errors: [{ messageId: 'values', line: 3, column: 14, message: 'global.glooMtls.enabled is false (chart 1.17.4):' }],
      output: null
    },
    {
      name: 'values: other global keys: on the nearest ancestor',
      code: yaml`
        global:
          glooMtls:
            sds:
              logLevel: info
      `,
      errors: [{ messageId: 'values', line: 2, column: 3 }],
      output: null
    },
    {
      name: 'values: a custom proxy enabled while gatewayProxy is disabled still talks xDS',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
          publicGw:
            disabled: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1 }],
      output: null
    },
    {
      name: 'enterprise values: the key is global.glooMtls.enabled at the root, not gloo.global',
      glooVersion: '1.17.4',
      code: enterprise,
      errors: [{ messageId: 'values', line: 1, column: 1, message: 'global.glooMtls.enabled is not set' }],
      output: null
    },
    {
      name: 'Flux HelmRelease of gloo-ee: spec.values.global',
      path: 'gloo-ee-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo-ee
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo-ee
              version: 1.17.4
          values:
            global:
              glooMtls:
                enabled: false
            gloo:
              gatewayProxies:
                gatewayProxy:
                  podTemplate:
                    probes: true
      `,
      errors: [{ messageId: 'values', line: 14, column: 18 }],
      output: null
    }
  ]
})

describe('control-plane-xds-mtls suggestions', () => {
  it('control-plane-xds-mtls/enable: inserts global.glooMtls.enabled at the root of an enterprise file', () => {
    const [finding] = runLint(rule, { code: enterprise, glooVersion: '1.17.4' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      'Set global.glooMtls.enabled: true (this adds an sds sidecar to gloo and to every gateway proxy, and a Job that issues the certificates).'
    ])
    expect(applyEdits(enterprise, finding.suggestions![0].edits).output).toBe(enterprise + 'global:\n  glooMtls:\n    enabled: true\n')
  })

  it('control-plane-xds-mtls/enable: replaces an explicit false', () => {
    const code = yaml`
      global:
        glooMtls:
          enabled: false # not yet
    `
    const [finding] = runLint(rule, { code })
    expect(applyEdits(code, finding.suggestions![0].edits).output).toBe(code.replace('enabled: false', 'enabled: true'))
  })
})
