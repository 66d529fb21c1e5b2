import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-seccomp.js'
import { formatMessage } from '../../src/rules/types.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A suggestion's text, from its messageId and data. */
const suggestion = (s: { messageId: keyof typeof rule.meta.messages; data: Record<string, string> }): string => formatMessage(rule.meta.messages[s.messageId], s.data)

const plain = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        httpPort: 8080
`

const pss = yaml`
  global:
    podSecurityStandards:
      container:
        enableRestrictedContainerDefaults: true
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        httpPort: 8080
`

/**
 * A rendered gateway-proxy Deployment (chart 1.17) with extra lines in the Envoy container's securityContext
 * (`container`, indented under it) and in the pod spec (`pod`, one line such as `securityContext: {…}`).
 */
const rendered = (container: string[] = [], pod?: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: gateway-proxy',
    '  namespace: gloo-system',
    '  labels:',
    '    app: gloo',
    '    gloo: gateway-proxy',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      gateway-proxy-id: gateway-proxy',
    '  template:',
    '    metadata:',
    '      labels:',
    '        gateway-proxy-id: gateway-proxy',
    '    spec:',
    ...(pod ? [`      ${pod}`] : []),
    '      containers:',
    '      - name: gateway-proxy',
    '        image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4',
    '        securityContext:',
    '          allowPrivilegeEscalation: false',
    '          readOnlyRootFilesystem: true',
    '          capabilities:',
    '            drop: [ALL]',
    ...container.map((l) => `          ${l}`),
    ''
  ].join('\n')

const RUNTIME_DEFAULT = ['seccompProfile:', '  type: RuntimeDefault']
const UNCONFINED = ['seccompProfile:', '  type: Unconfined']

ruleTester(rule, {
  valid: [
    {
      name: 'values: the PSS restricted defaults give Envoy RuntimeDefault (1.16.14)',
      glooVersion: '1.16.14',
      code: pss
    },
    {
      name: 'values: the PSS restricted defaults from 1.17.0-beta29, Localhost profile',
      glooVersion: '1.17.0-beta29',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
              defaultSeccompProfileType: Localhost
      `
    },
    {
      name: 'values: a seccompProfile in glooContainerSecurityContext (1.14.0-beta11)',
      glooVersion: '1.14.0-beta11',
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
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: 'values: a pod-level seccompProfile in podSecurityContext reaches the container',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: "values: helm-merge refills an empty type with the PSS default",
      glooVersion: '1.17.4',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: ""
      `
    },
    {
      name: "values: a custom proxy inherits gatewayProxy's seccompProfile",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: RuntimeDefault
          publicGw:
            service:
              type: LoadBalancer
      `
    },
    {
      name: 'values: a kubeResourceOverride sets the pod profile on an old chart (1.12)',
      glooVersion: '1.12.20',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
      `
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
              httpPort: 8080
      `
    },
    {
      name: 'enterprise values: PSS at the root, proxies under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: ""
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                httpPort: 8080
      `
    },
    {
      name: 'rendered: the PSS output of chart 1.17 (container RuntimeDefault)',
      path: 'gateway-proxy.yaml',
      code: rendered(RUNTIME_DEFAULT)
    },
    {
      name: 'rendered: a pod-level RuntimeDefault',
      path: 'gateway-proxy.yaml',
      code: rendered([], 'securityContext: {fsGroup: 10101, runAsUser: 10101, seccompProfile: {type: RuntimeDefault}}')
    }
  ],
  invalid: [
    {
      name: 'values: chart 1.14.0-beta10 has no key: notice pointing to kubeResourceOverride',
      glooVersion: '1.14.0-beta10',
      code: plain,
      errors: [
        {
          messageId: 'oldChart',
          line: 2,
          column: 3,
          severity: 'notice',
          message:
            "Chart 1.14.0-beta10 gives proxy 'gateway-proxy' no seccompProfile and reads no key for one (from 1.14.0-beta11), so Envoy runs without a seccomp filter; set spec.template.spec.securityContext.seccompProfile through gatewayProxies.gatewayProxy.kubeResourceOverride."
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.8.0-beta13 has no kubeResourceOverride either',
      glooVersion: '1.8.0-beta13',
      code: plain,
      errors: [{ messageId: 'oldChart', line: 2, column: 3, message: 'so Envoy runs without a seccomp filter; upgrade the chart.' }],
      output: null
    },
    {
      name: 'values: chart 1.14.0-beta11 reads the keys; nothing set',
      glooVersion: '1.14.0-beta11',
      code: plain,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 5,
          severity: 'notice',
          message:
            "Neither the Envoy container nor the pod of proxy 'gateway-proxy' sets seccompProfile.type RuntimeDefault or Localhost (chart 1.14.0-beta11), so Envoy runs without a seccomp filter and can make any system call."
        }
      ],
      output: null
    },
    {
      name: 'values: the PSS switch is ignored by chart 1.16.13',
      glooVersion: '1.16.13',
      code: pss,
      errors: [{ messageId: 'missing', line: 7, column: 5 }],
      output: null
    },
    {
      name: 'values: the PSS switch is ignored by chart 1.17.0-beta28',
      glooVersion: '1.17.0-beta28',
      code: pss,
      errors: [{ messageId: 'missing', line: 7, column: 5 }],
      output: null
    },
    {
      name: 'values: a replacing glooContainerSecurityContext drops the PSS profile',
      glooVersion: '1.17.4',
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
      `,
      errors: [{ messageId: 'missing', line: 8, column: 7 }],
      output: null
    },
    {
      name: 'values: Unconfined in the container wins over a RuntimeDefault pod (warning)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                mergePolicy: helm-merge
                seccompProfile: {type: RuntimeDefault}
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: Unconfined
      `,
      errors: [
        {
          messageId: 'unconfined',
          line: 10,
          column: 17,
          severity: 'warning',
          message:
            "gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.seccompProfile.type is Unconfined: Envoy of proxy 'gateway-proxy' runs without a seccomp filter and can make any system call."
        }
      ],
      output: null
    },
    {
      name: 'values: an Unconfined pod profile reaches a container without its own (warning)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              podSecurityContext:
                fsGroup: 10101
                runAsUser: 10101
                seccompProfile:
                  type: Unconfined
      `,
      errors: [{ messageId: 'unconfined', line: 8, column: 17, severity: 'warning', message: 'gatewayProxies.gatewayProxy.podTemplate.podSecurityContext.seccompProfile.type is Unconfined' }],
      output: null
    },
    {
      name: "values: an inherited Unconfined is reported once, for gatewayProxy",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: Unconfined
          publicGw:
            disabled: false
      `,
      errors: [{ messageId: 'unconfined', line: 7, column: 17, message: "proxy 'gateway-proxy'" }],
      output: null
    },
    {
      name: "values: a custom proxy missing the profile only through gatewayProxy's map is reported once",
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
          publicGw:
            disabled: false
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7, message: "proxy 'gateway-proxy'" }],
      output: null
    },
    {
      name: 'values: a custom proxy with its own pod profile is fine; the default proxy is not',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
          internalGw:
            podTemplate:
              podSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: Localhost
                  localhostProfile: profiles/envoy.json
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5, message: "proxy 'gateway-proxy'" }],
      output: null
    },
    {
      name: "values: a kubeResourceOverride containers list replaces the container the PSS defaults went into",
      glooVersion: '1.17.4',
      code: yaml`
        global:
          podSecurityStandards:
            container:
              enableRestrictedContainerDefaults: true
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: gateway-proxy
                      image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
                      securityContext:
                        readOnlyRootFilesystem: true
      `,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
      output: null
    },
    {
      name: 'enterprise values: the finding sits under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext:
                  seccompProfile:
                    type: Unconfined
      `,
      errors: [{ messageId: 'unconfined', line: 8, column: 19, message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.seccompProfile.type is Unconfined' }],
      output: null
    },
    {
      name: 'rendered: no profile on the container or the pod (same verdict as the values)',
      path: 'gateway-proxy.yaml',
      code: rendered(),
      errors: [{ messageId: 'missing', line: 22, column: 9, severity: 'notice', message: "proxy 'gateway-proxy'" }],
      output: null
    },
    {
      name: 'rendered: an Unconfined container profile',
      path: 'gateway-proxy.yaml',
      code: rendered(UNCONFINED),
      errors: [{ messageId: 'unconfined', line: 28, column: 19, severity: 'warning', message: 'spec.template.spec.containers[0].securityContext.seccompProfile.type is Unconfined' }],
      output: null
    },
    {
      name: 'rendered: an Unconfined pod profile',
      path: 'gateway-proxy.yaml',
      code: rendered([], 'securityContext: {seccompProfile: {type: Unconfined}}'),
      errors: [{ messageId: 'unconfined', line: 19, column: 48, severity: 'warning' }],
      output: null
    }
  ]
})

describe('proxy-seccomp suggestions', () => {
  it('chart 1.17: a merging glooContainerSecurityContext, or the PSS switch', () => {
    const [finding] = runLint(rule, { code: plain, glooVersion: '1.17.4' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      suggestion({
        messageId: 'container',
        data: { what: 'mergePolicy: helm-merge and seccompProfile.type: RuntimeDefault', key: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext' }
      }),
      suggestion({ messageId: 'pss', data: { key: 'global.podSecurityStandards.container.enableRestrictedContainerDefaults' } })
    ])
    expect(finding.suggestions!.map((s) => applyEdits(plain, s.edits).output)).toEqual([
      yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: RuntimeDefault
      `,
      plain + 'global:\n  podSecurityStandards:\n    container:\n      enableRestrictedContainerDefaults: true\n'
    ])
  })

  it('a replacing map gets the profile added to it, and no PSS switch (the map would drop it)', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              readOnlyRootFilesystem: true
    `
    const [finding] = runLint(rule, { code, glooVersion: '1.17.4' })
    expect(finding.suggestions?.map((s) => [s.message, applyEdits(code, s.edits).output])).toEqual([
      [
        suggestion({ messageId: 'container', data: { what: 'seccompProfile.type: RuntimeDefault', key: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext' } }),
        code + '        seccompProfile:\n          type: RuntimeDefault\n'
      ]
    ])
  })

  it('chart 1.14.2 (no helm-merge yet, no map): kubeResourceOverride', () => {
    const [finding] = runLint(rule, { code: plain, glooVersion: '1.14.2' })
    const key = 'gatewayProxies.gatewayProxy.kubeResourceOverride.spec.template.spec.securityContext.seccompProfile.type'
    expect(finding.suggestions?.map((s) => s.message)).toEqual([suggestion({ messageId: 'override', data: { key } })])
    expect(applyEdits(plain, finding.suggestions![0].edits).output).toBe(
      plain + '    kubeResourceOverride:\n      spec:\n        template:\n          spec:\n            securityContext:\n              seccompProfile:\n                type: RuntimeDefault\n'
    )
  })

  it('a kubeResourceOverride containers list: the profile goes into its Envoy container', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          kubeResourceOverride:
            spec:
              template:
                spec:
                  containers:
                  - name: gateway-proxy
                    image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
    `
    const [finding] = runLint(rule, { code, glooVersion: '1.17.4' })
    expect(finding.suggestions?.map((s) => [s.message, applyEdits(code, s.edits).output])).toEqual([
      [
        suggestion({
          messageId: 'container',
          data: { what: 'seccompProfile.type: RuntimeDefault', key: 'gatewayProxies.gatewayProxy.kubeResourceOverride.spec.template.spec.containers[0].securityContext' }
        }),
        code + '              securityContext:\n                seccompProfile:\n                  type: RuntimeDefault\n'
      ]
    ])
  })

  it('Unconfined becomes RuntimeDefault', () => {
    const code = rendered(UNCONFINED)
    const [finding] = runLint(rule, { code, path: 'gateway-proxy.yaml' })
    expect(finding.suggestions?.map((s) => s.message)).toEqual([
      suggestion({ messageId: 'container', data: { what: 'type: RuntimeDefault', key: 'spec.template.spec.containers[0].securityContext.seccompProfile' } })
    ])
    expect(applyEdits(code, finding.suggestions![0].edits).output).toBe(code.replace('type: Unconfined', 'type: RuntimeDefault'))
  })

  it('values: Unconfined becomes RuntimeDefault where it is written (container map, pod map, override container)', () => {
    const cases: [string, string, string][] = [
      [
        yaml`
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext:
                  mergePolicy: helm-merge
                  seccompProfile:
                    type: Unconfined
        `,
        'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.seccompProfile',
        '1.17.4'
      ],
      [
        yaml`
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                podSecurityContext:
                  fsGroup: 10101
                  seccompProfile:
                    type: Unconfined
        `,
        'gatewayProxies.gatewayProxy.podTemplate.podSecurityContext.seccompProfile',
        '1.17.4'
      ],
      [
        yaml`
          gatewayProxies:
            gatewayProxy:
              kubeResourceOverride:
                spec:
                  template:
                    spec:
                      containers:
                      - name: gateway-proxy
                        securityContext:
                          seccompProfile: {type: Unconfined}
        `,
        'gatewayProxies.gatewayProxy.kubeResourceOverride.spec.template.spec.containers[0].securityContext.seccompProfile',
        '1.17.4'
      ]
    ]
    for (const [code, key, glooVersion] of cases) {
      const [finding] = runLint(rule, { code, glooVersion })
      expect(finding.messageId).toBe('unconfined')
      expect(finding.suggestions?.map((s) => s.message)).toEqual([suggestion({ messageId: 'container', data: { what: 'type: RuntimeDefault', key } })])
      const fixed = applyEdits(code, finding.suggestions![0].edits).output
      expect(fixed).toBe(code.replace('type: Unconfined', 'type: RuntimeDefault'))
      expect(runLint(rule, { code: fixed, glooVersion }).filter((f) => f.messageId === 'unconfined')).toEqual([])
    }
  })

  it('rendered: the profile is inserted into the container securityContext', () => {
    const code = rendered()
    const [finding] = runLint(rule, { code, path: 'gateway-proxy.yaml' })
    expect(applyEdits(code, finding.suggestions![0].edits).output).toBe(rendered(RUNTIME_DEFAULT))
  })
})
