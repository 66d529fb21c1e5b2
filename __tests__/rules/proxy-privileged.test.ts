import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-privileged.js'
import replaced from '../../src/rules/proxy-security-context-replaced.js'
import readOnly from '../../src/rules/proxy-read-only-root-fs.js'
import { lint } from '../../src/engine/lint.js'
import { applyEdits } from '../../src/model/edit.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { applySuggestions, ruleTester, runLint, testConfig, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
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

const cases: { valid: ValidCase[]; invalid: (InvalidCase & { suggested?: string })[] } = {
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
      suggested: yaml`
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
      suggested: yaml`
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
      suggested: yaml`
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
      suggested: yaml`
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
      suggested: yaml`
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
      name: 'rendered: privileged: true is removed; allowPrivilegeEscalation: false is offered once privileged is gone (Kubernetes rejects both)',
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
                  allowPrivilegeEscalation: true
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
}

// Catalog section 2: fix class `suggest`, so no case has a fix; `suggested` is the file with every suggestion accepted.
ruleTester(rule, cases)

describe('proxy-privileged suggestions as written', () => {
  for (const c of cases.invalid.filter((x) => x.suggested !== undefined)) it(c.name!, () => expect(applySuggestions(rule, c)).toBe(c.suggested))
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

describe('proxy-privileged: version boundaries and exceptions (catalog section 2, 4.2 and 4.3)', () => {
  const verdict = (f: { messageId?: string; severity: string; fix?: unknown; suggestions?: unknown[] }): string =>
    `${f.messageId} ${f.severity} ${f.fix ? 'fix' : f.suggestions?.length ? 'suggest' : '-'}`
  const values = (sc: string): string => `gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      glooContainerSecurityContext: ${sc}\n`
  const HARDENED = 'readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}'
  const PRIVILEGED = `{privileged: true, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}`
  const ESCALATES = `{readOnlyRootFilesystem: true, allowPrivilegeEscalation: true, capabilities: {drop: [ALL]}}`
  const MERGE_EMPTY_DROP = '{mergePolicy: helm-merge, allowPrivilegeEscalation: false, capabilities: {drop: []}}'
  const MERGE_ESCALATES = '{mergePolicy: helm-merge, allowPrivilegeEscalation: true}'

  it.each<[string, string | undefined, string, string[]]>([
    // glooContainerSecurityContext is read from 1.14.0-beta11 (before: a fixed block without privileges).
    ['privileged on 1.14.0-beta10 (not read)', '1.14.0-beta10', PRIVILEGED, []],
    ['privileged on 1.14.0-beta11 (at)', '1.14.0-beta11', PRIVILEGED, ['privileged error suggest']],
    ['privileged on 1.17.3', '1.17.3', PRIVILEGED, ['privileged error suggest']],
    ['privileged, unknown version', undefined, PRIVILEGED, ['privileged error suggest']],
    ['escalation on 1.14.0-beta10 (not read)', '1.14.0-beta10', ESCALATES, []],
    ['escalation on 1.14.0-beta11', '1.14.0-beta11', ESCALATES, ['escalation error suggest']],
    // helm-merge (read from 1.14.5/1.15.0-beta6) refills an empty drop list with the chart's [ALL]; before, it replaces.
    ['helm-merge, drop: [] on 1.14.4 (replaces)', '1.14.4', MERGE_EMPTY_DROP, ['drop error suggest']],
    ['helm-merge, drop: [] on 1.14.5 (merged)', '1.14.5', MERGE_EMPTY_DROP, []],
    ['helm-merge, drop: [] on 1.15.0-beta5 (replaces)', '1.15.0-beta5', MERGE_EMPTY_DROP, ['drop error suggest']],
    ['helm-merge, drop: [] on 1.15.0-beta6 (merged)', '1.15.0-beta6', MERGE_EMPTY_DROP, []],
    // helm-merge keeps an explicit allowPrivilegeEscalation: true (catalog row).
    ['helm-merge, allowPrivilegeEscalation: true on 1.14.5', '1.14.5', MERGE_ESCALATES, ['escalation error suggest']],
    // Added capabilities: NET_BIND_SERVICE is proxy-net-bind's.
    ['add NET_ADMIN', '1.17.3', `{${HARDENED.replace('drop: [ALL]', 'drop: [ALL], add: [NET_ADMIN]')}}`, ['added error suggest']],
    ['add NET_BIND_SERVICE', '1.17.3', `{${HARDENED.replace('drop: [ALL]', 'drop: [ALL], add: [NET_BIND_SERVICE]')}}`, []],
    // Exception: keys only left out of a replacing map are proxy-security-context-replaced's.
    ['escalation and drop left out', '1.17.3', '{readOnlyRootFilesystem: true, runAsUser: 10101}', []],
    ['hardened', '1.17.3', `{${HARDENED}}`, []]
  ])('%s', (_name, glooVersion, sc, want) => {
    expect(runLint(rule, { code: values(sc), glooVersion }).map(verdict)).toEqual(want)
  })

  it('checks no proxy with gateway.enabled: false', () => {
    expect(runLint(rule, { code: `gateway: {enabled: false}\n${values(PRIVILEGED)}`, glooVersion: '1.17.3' })).toEqual([])
  })

  // What the chart renders from those values gets the same verdict.
  const deployment = (securityContext: string): string =>
    renderProxyDeployment({ labels: { gloo: 'gateway-proxy' }, flowLabels: true, version: '1.17.3', container: `securityContext: ${securityContext}` })
  const CHART = `{${HARDENED}, runAsNonRoot: true, runAsUser: 10101}`
  it.each<[string, string, string, string]>([
    ['the chart default', '1.17.3', 'probes: true', CHART],
    // Escalation is written here (true): left out, it would be proxy-security-context-replaced's in the values (below).
    ['privileged: true (escalation offered once it is gone)', '1.17.3', PRIVILEGED.replace('privileged: true', 'privileged: true, allowPrivilegeEscalation: true'), PRIVILEGED.replace('privileged: true', 'privileged: true, allowPrivilegeEscalation: true')],
    ['allowPrivilegeEscalation: true', '1.17.3', ESCALATES, ESCALATES],
    ['a drop list without ALL', '1.17.3', '{readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [NET_RAW]}}', '{readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [NET_RAW]}}'],
    ['an added NET_ADMIN', '1.17.3', `{${HARDENED.replace('drop: [ALL]', 'drop: [ALL], add: [NET_ADMIN]')}}`, `{${HARDENED.replace('drop: [ALL]', 'drop: [ALL], add: [NET_ADMIN]')}}`],
    ['helm-merge, drop: [] (merged)', '1.17.3', MERGE_EMPTY_DROP, CHART],
    ['privileged on a chart that does not read it (1.13.2)', '1.13.2', PRIVILEGED, CHART]
  ])('values and rendered agree: %s', (_name, glooVersion, sc, rendered) => {
    const code = sc === 'probes: true' ? 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      probes: true\n' : values(sc)
    const fromValues = runLint(rule, { code, glooVersion }).map(verdict)
    expect(runLint(rule, { path: 'gateway-proxy.yaml', code: deployment(rendered) }).map(verdict)).toEqual(fromValues)
  })

  it('differs only where the cause is the values: a default left out of a replacing map is proxy-security-context-replaced\'s', () => {
    // The rendered object cannot tell a replacing map from a hand edit, so there the key itself is reported.
    const sc = '{readOnlyRootFilesystem: true, runAsUser: 10101}'
    expect(runLint(rule, { code: values(sc), glooVersion: '1.17.3' })).toEqual([])
    expect(runLint(rule, { path: 'gateway-proxy.yaml', code: deployment(sc) }).map(verdict)).toEqual(['escalation error suggest', 'drop error suggest'])
  })
})

describe('proxy-privileged: the message says which chart the verdict rests on', () => {
  const code = 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      glooContainerSecurityContext: {privileged: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n'
  it.each([
    ['1.17.3', 'sets privileged: true (chart 1.17.3):'],
    [undefined, 'sets privileged: true (assuming chart ≥ 1.14.0-beta11; the chart version is unknown):']
  ])('%s', (glooVersion, text) => {
    expect(runLint(rule, { code, glooVersion }).map((f) => f.message)).toEqual([expect.stringContaining(text)])
  })
})
