import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-security-context-replaced.js'
import { formatMessage } from '../../src/rules/types.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A suggestion's text, from its messageId and data. */
const suggestion = (s: { messageId: keyof typeof rule.meta.messages; data: Record<string, string> }): string => formatMessage(rule.meta.messages[s.messageId], s.data)

const replacing = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        glooContainerSecurityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
`

const replacingMerged = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        glooContainerSecurityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
          mergePolicy: helm-merge
`

const KEY = 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext'

ruleTester(rule, {
  valid: [
    {
      name: "values: no glooContainerSecurityContext keeps the chart's defaults",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
      `
    },
    {
      name: 'values: helm-merge merges the map into the defaults (1.14.5)',
      glooVersion: '1.14.5',
      code: replacingMerged
    },
    {
      name: 'values: an empty map does not replace anything',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext: {}
              podSecurityContext: {}
      `
    },
    {
      name: 'values: a replacing map that writes every default drops nothing',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: 'values: chart 1.14.0-beta10 does not read glooContainerSecurityContext',
      glooVersion: '1.14.0-beta10',
      code: replacing
    },
    {
      name: 'values: gateway.enabled: false renders no proxy',
      glooVersion: '1.17.4',
      code: yaml`
        gateway:
          enabled: false
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
      `
    },
    {
      name: 'values: without enablePodSecurityContext the pod gets no securityContext to replace',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              enablePodSecurityContext: false
              podSecurityContext:
                runAsNonRoot: true
      `
    },
    {
      name: 'values: global.securitySettings.floatingUserId (1.17.3) drops the pod context',
      glooVersion: '1.17.3',
      code: yaml`
        global:
          securitySettings:
            floatingUserId: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                runAsNonRoot: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: chart 1.14.0-beta11 replaces the defaults and reads no mergePolicy yet: no edit',
      glooVersion: '1.14.0-beta11',
      code: replacing,
      errors: [
        {
          messageId: 'replaced',
          line: 4,
          column: 7,
          severity: 'warning',
          message: `${KEY} replaces the chart's securityContext defaults of the Envoy container of proxy 'gateway-proxy' (no mergePolicy: helm-merge), so Envoy runs without capabilities.drop: [ALL], runAsNonRoot: true, runAsUser: 10101 (chart 1.14.0-beta11).`
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.14.4 renders mergePolicy literally, so helm-merge still replaces',
      glooVersion: '1.14.4',
      code: replacingMerged,
      errors: [{ messageId: 'replaced', line: 4, column: 7, message: '(chart 1.14.4 does not read mergePolicy (from 1.14.5 and 1.15.0-beta6))' }],
      output: null
    },
    {
      name: 'values: chart 1.14.5 reads mergePolicy: safe fix',
      glooVersion: '1.14.5',
      code: replacing,
      errors: [{ messageId: 'replaced', line: 4, column: 7 }],
      output: replacingMerged
    },
    {
      name: 'values: chart 1.15.0-beta5 does not read mergePolicy yet: no edit',
      glooVersion: '1.15.0-beta5',
      code: replacing,
      errors: [{ messageId: 'replaced', line: 4, column: 7 }],
      output: null
    },
    {
      name: 'values: chart 1.15.0-beta6 reads mergePolicy: safe fix',
      glooVersion: '1.15.0-beta6',
      code: replacing,
      errors: [{ messageId: 'replaced', line: 4, column: 7 }],
      output: replacingMerged
    },
    {
      name: 'values: an unknown chart version makes the fix a suggestion',
      code: replacing,
      errors: [{ messageId: 'replaced', line: 4, column: 7 }],
      output: null
    },
    {
      name: 'values: PSS restricted defaults are ignored by chart 1.16.13',
      glooVersion: '1.16.13',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
      `,
      errors: [{ messageId: 'replaced', line: 8, column: 7, message: 'so Envoy runs without runAsNonRoot: true (chart 1.16.13).' }],
      output: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
                mergePolicy: helm-merge
      `
    },
    {
      name: 'values: chart 1.16.14 merges the PSS defaults, seccompProfile included, which the map drops',
      glooVersion: '1.16.14',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
      `,
      errors: [{ messageId: 'replaced', line: 9, column: 7, message: 'so Envoy runs without runAsNonRoot: true, seccompProfile.type: RuntimeDefault (chart 1.16.14).' }],
      output: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
                mergePolicy: helm-merge
      `
    },
    {
      name: 'values: chart 1.17.0-beta28 has no PSS defaults; runUnprivileged: false leaves runAsNonRoot out of the defaults',
      glooVersion: '1.17.0-beta28',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
              defaultSeccompProfileType: Localhost
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
      `,
      errors: [{ messageId: 'replaced', line: 10, column: 7, message: 'so Envoy runs without allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsUser: 10101 (chart 1.17.0-beta28).' }],
      output: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
              defaultSeccompProfileType: Localhost
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                mergePolicy: helm-merge
      `
    },
    {
      name: 'values: chart 1.17.0-beta29 takes the seccomp type from defaultSeccompProfileType',
      glooVersion: '1.17.0-beta29',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
              defaultSeccompProfileType: Localhost
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
      `,
      errors: [
        {
          messageId: 'replaced',
          line: 10,
          column: 7,
          message: 'so Envoy runs without allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, runAsUser: 10101, seccompProfile.type: Localhost (chart 1.17.0-beta29).'
        }
      ],
      output: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
              defaultSeccompProfileType: Localhost
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                mergePolicy: helm-merge
      `
    },
    {
      name: 'values: floatingUserId (OpenShift) makes the fix a suggestion, and runAsUser is no default',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              floatingUserId: true
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
      `,
      errors: [{ messageId: 'replaced', line: 5, column: 7, message: 'so Envoy runs without allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true (chart 1.17.4).' }],
      output: null
    },
    {
      name: 'values: a key set to false would be refilled by helm-merge: suggestion',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: false # envoy writes /tmp
                allowPrivilegeEscalation: false
      `,
      errors: [{ messageId: 'replaced', line: 4, column: 7 }],
      output: null
    },
    {
      name: 'values: mergePolicy: no-merge is a choice: suggestion',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: no-merge
                readOnlyRootFilesystem: true
      `,
      errors: [{ messageId: 'replaced', line: 4, column: 7, message: '(mergePolicy is no-merge)' }],
      output: null
    },
    {
      name: 'values: with disableNetBind: false helm-merge would grant NET_BIND_SERVICE back: suggestion',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `,
      errors: [{ messageId: 'replaced', line: 5, column: 7, message: 'so Envoy runs without runAsNonRoot: true, runAsUser: 10101 (chart 1.17.4).' }],
      output: null
    },
    {
      name: "values: a custom proxy inheriting gatewayProxy's map is reported (and fixed) once",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
          publicGw:
            service:
              type: LoadBalancer
      `,
      errors: [{ messageId: 'replaced', line: 4, column: 7, message: "proxy 'gateway-proxy'" }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                mergePolicy: helm-merge
          publicGw:
            service:
              type: LoadBalancer
      `
    },
    {
      name: "values: gatewayProxy disabled, the custom proxy renders with the map it inherits",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
          publicGw:
            disabled: false
      `,
      errors: [{ messageId: 'replaced', line: 5, column: 7, message: `${KEY} replaces the chart's securityContext defaults of the Envoy container of proxy 'public-gw'` }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                mergePolicy: helm-merge
          publicGw:
            disabled: false
      `
    },
    {
      name: "values: a custom proxy's own map is its own finding, and it inherits mergePolicy",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
          internalGw:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
          publicGw:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                mergePolicy: no-merge
      `,
      errors: [{ messageId: 'replaced', line: 12, column: 7, message: "gatewayProxies.publicGw.podTemplate.glooContainerSecurityContext replaces the chart's securityContext defaults of the Envoy container of proxy 'public-gw' (mergePolicy is no-merge)" }],
      output: null
    },
    {
      name: 'values: a replacing podSecurityContext drops fsGroup and runAsUser (notice)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                runAsNonRoot: true
      `,
      errors: [
        {
          messageId: 'podReplaced',
          line: 4,
          column: 7,
          severity: 'notice',
          message: "gatewayProxies.gatewayProxy.podTemplate.podSecurityContext replaces the chart's pod securityContext defaults of proxy 'gateway-proxy' (no mergePolicy: helm-merge), so the pod runs without fsGroup: 10101, runAsUser: 10101 (chart 1.17.4)."
        }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                runAsNonRoot: true
                mergePolicy: helm-merge
      `
    },
    {
      name: 'enterprise values: both maps replace; keys are named with the gloo. prefix',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                runAsUser: 10200
                fsGroup: 10200
                glooContainerSecurityContext:
                  runAsNonRoot: true
                podSecurityContext:
                  fsGroup: 10200
      `,
      errors: [
        {
          messageId: 'replaced',
          line: 8,
          column: 9,
          message: `gloo.${KEY} replaces the chart's securityContext defaults of the Envoy container of proxy 'gateway-proxy' (no mergePolicy: helm-merge), so Envoy runs without readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsUser: 10200 (chart 1.17.4).`
        },
        { messageId: 'podReplaced', line: 10, column: 9, message: 'so the pod runs without runAsUser: 10200 (chart 1.17.4).' }
      ],
      output: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                runAsUser: 10200
                fsGroup: 10200
                glooContainerSecurityContext:
                  runAsNonRoot: true
                  mergePolicy: helm-merge
                podSecurityContext:
                  fsGroup: 10200
                  mergePolicy: helm-merge
      `
    },
    {
      name: 'Flux HelmRelease: the version comes from the release, the fix goes into spec.values',
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
                  glooContainerSecurityContext: {readOnlyRootFilesystem: true}
      `,
      errors: [{ messageId: 'replaced', line: 14, column: 11 }],
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
                  glooContainerSecurityContext: {readOnlyRootFilesystem: true, mergePolicy: helm-merge}
      `
    }
  ]
})

describe('proxy-security-context-replaced suggestions', () => {
  const check = (code: string, glooVersion?: string) => {
    const [finding] = runLint(rule, { code, glooVersion })
    expect(finding.fix).toBeUndefined()
    return finding
  }

  it('an unknown chart version: the suggestion says what to check and inserts mergePolicy', () => {
    const finding = check(replacing)
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      suggestion({ messageId: 'merge', data: { key: KEY, check: 'the chart version is unknown, and mergePolicy needs chart 1.14.5, 1.15.0-beta6 or later' } })
    ])
    expect(applyEdits(replacing, finding.suggestions![0].edits).output).toBe(replacingMerged)
  })

  it('a zero value, a floating user, a granted capability and no-merge are each named', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            floatingUserId: true
            disableNetBind: false
            glooContainerSecurityContext:
              mergePolicy: no-merge
              readOnlyRootFilesystem: false
    `
    const finding = check(code, '1.17.4')
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      suggestion({
        messageId: 'merge',
        data: {
          key: KEY,
          check: [
            'floatingUserId is set: check the runAsUser the merged context ends up with',
            "helm-merge would turn readOnlyRootFilesystem: false into the chart's readOnlyRootFilesystem: true",
            "helm-merge would add the chart's capabilities.add: [NET_BIND_SERVICE] (disableNetBind is false)",
            `it reverses mergePolicy: no-merge in ${KEY}.mergePolicy`
          ].join('; ')
        }
      })
    ])
    expect(applyEdits(code, finding.suggestions![0].edits).output).toBe(code.replace('mergePolicy: no-merge', 'mergePolicy: helm-merge'))
  })

  it('chart 1.14.0-beta11 gets neither a fix nor a suggestion', () => {
    const [finding] = runLint(rule, { code: replacing, glooVersion: '1.14.0-beta11' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions).toBeUndefined()
  })
})
