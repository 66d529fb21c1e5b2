/**
 * Fuzzing lint() with every registered rule (fixed seeds, bounded runs): random bytes, YAML-ish token soup
 * and mutated realistic Gloo files never make it throw; every finding lies inside the file; every fix and
 * suggestion applies without overlap and leaves a file that parses.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lint, type LintFile } from '../../src/engine/lint.js'
import { checkFindings } from '../../__fixtures__/hostile/check.js'

function lintAll(files: LintFile[]): void {
  let result: ReturnType<typeof lint> | undefined
  expect(() => (result = lint(files))).not.toThrow()
  for (const f of files) checkFindings(f.text, result!.findings.filter((x) => x.path === f.path))
}

const TOKENS = [
  'gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes', 'gateway', 'validation', 'alwaysAcceptResources', 'settings',
  'disableKubernetesDestinations', 'proxyServiceAccount', 'disableAutomount', 'discovery', 'enabled', 'kind', 'deployment',
  'replicas', 'global', 'istioSDS', 'gloo', 'values', 'spec', 'metadata', 'name',
  ':', ': ', ' ', '  ', '    ', '\n', '\r\n', '\r', '\t', '- ', '-', '{', '}', '[', ']', ', ', '|', '|+', '>-', '&a ', '*a', '&b ', '*b',
  '<<: ', '"', "'", '# c', '#', '---\n', '...\n', '{{ .Values.x }}', '{{', 'true', 'false', '~', 'null', '0', '10101', '\ufeff',
  '? ', '!!str ', '!!null ', '%YAML 1.2\n', '\\', '\0', '\ud800', 'é', '😀',
  'apiVersion: v1\nkind: ServiceAccount\n', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\n',
  'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n', 'apiVersion: gloo.solo.io/v1\nkind: Settings\n',
  'apiVersion: apps/v1\nkind: Deployment\n', 'apiVersion: gateway.solo.io/v1\nkind: VirtualService\n'
]

const BASES: Record<string, string> = {
  'values.yaml': [
    'global:',
    '  image:',
    '    tag: 1.17.4',
    'settings:',
    '  writeNamespace: gloo-system',
    'gateway:',
    '  validation:',
    '    alwaysAcceptResources: true # legacy',
    '    allowWarnings: true',
    'discovery:',
    '  enabled: true',
    'gatewayProxies:',
    '  gatewayProxy:',
    '    kind:',
    '      deployment:',
    '        replicas: 1',
    '    podTemplate:',
    '      disableNetBind: false',
    '      runUnprivileged: false',
    '      probes: false',
    '    podDisruptionBudget: {minAvailable: 1}',
    '  publicGw:',
    '    podTemplate: {httpPort: 8080}',
    ''
  ].join('\n'),
  'ee.yaml': [
    'license_key: abc',
    'gloo:',
    '  settings:',
    '    gloo:',
    '      disableKubernetesDestinations: true',
    '  gatewayProxies:',
    '    gatewayProxy:',
    '      logLevel: debug',
    '      deployment:',
    '        replicas: 3',
    '  gloo:',
    '    deployment:',
    '      replicas: 2',
    '    disableLeaderElection: true',
    'global:',
    '  istioSDS:',
    '    enabled: false',
    ''
  ].join('\n'),
  'app.yaml': [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: gloo',
    'spec:',
    '  source:',
    '    chart: gloo',
    '    repoURL: https://storage.googleapis.com/solo-public-helm',
    '    targetRevision: 1.16.8',
    '    helm:',
    '      parameters:',
    '      - name: discovery.enabled',
    '        value: "true"',
    '      values: |',
    '        gateway:',
    '          validation: {alwaysAcceptResources: true}',
    '        gatewayProxies:',
    '          gatewayProxy:',
    '            podTemplate:',
    '              probes: false',
    ''
  ].join('\n'),
  'hr.yaml': [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: gloo',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: gloo-ee',
    '      version: 1.14.2',
    '  values:',
    '    gloo:',
    '      gateway:',
    '        validation:',
    '          failurePolicy: Ignore',
    ''
  ].join('\n'),
  'rendered.yaml': [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: gateway-proxy',
    '  namespace: gloo-system',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: gateway-proxy',
    '  namespace: gloo-system',
    '  labels: {gloo: gateway-proxy}',
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: gateway-proxy',
    '        image: quay.io/solo-io/gloo-envoy-wrapper:1.16.8',
    '        securityContext:',
    '          privileged: true',
    '          capabilities:',
    '            add: [NET_BIND_SERVICE, NET_ADMIN]',
    '          readOnlyRootFilesystem: false',
    '          runAsUser: 0',
    ''
  ].join('\n'),
  'routes.yaml': [
    'apiVersion: gloo.solo.io/v1',
    'kind: Settings',
    'metadata: {name: default, namespace: gloo-system}',
    'spec:',
    '  gloo:',
    '    disableKubernetesDestinations: true',
    '  gateway:',
    '    validation:',
    '      alwaysAccept: true',
    '---',
    'apiVersion: gateway.solo.io/v1',
    'kind: VirtualService',
    'metadata: {name: pets, namespace: gloo-system}',
    'spec:',
    '  virtualHost:',
    '    routes:',
    '    - matchers: [{prefix: /}]',
    '      routeAction:',
    '        single:',
    '          kube:',
    '            ref: {name: petstore, namespace: default}',
    '            port: 8080',
    ''
  ].join('\n')
}

type Mutation = { kind: 'insert' | 'delete' | 'indent' | 'dupline' | 'crlf' | 'cr' | 'nofinal'; at: number; token: string; len: number }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'indent', 'dupline', 'crlf', 'cr', 'nofinal'),
  at: fc.nat(),
  token: fc.constantFrom(...TOKENS),
  len: fc.integer({ min: 1, max: 12 })
})

function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at)
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len)
    case 'indent': {
      const ls = text.lastIndexOf('\n', at - 1) + 1
      return text.slice(0, ls) + ' '.repeat(m.len % 4) + text.slice(ls)
    }
    case 'dupline': {
      const ls = text.lastIndexOf('\n', at - 1) + 1
      const le = text.indexOf('\n', at)
      const line = text.slice(ls, le < 0 ? text.length : le + 1)
      return text.slice(0, ls) + line + line + text.slice(ls + line.length)
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n')
    case 'cr':
      return text.replace(/\r?\n/g, '\r')
    case 'nofinal':
      return text.replace(/[\r\n]+$/, '')
  }
}

describe('lint never throws and keeps its invariants', () => {
  it('on random bytes, decoded as UTF-8 (lossy) and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, utf8) => {
        const text = utf8 ? new TextDecoder('utf-8').decode(bytes) : String.fromCharCode(...bytes)
        lintAll([{ path: 'random.yaml', text }])
      }),
      { seed: 42, numRuns: 200 }
    )
  })

  it('on YAML-ish token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (tokens) => {
        lintAll([{ path: 'soup.yaml', text: tokens.join('') }])
      }),
      { seed: 42, numRuns: 400 }
    )
  })

  it('on mutated realistic Gloo files, linted together', () => {
    const names = Object.keys(BASES)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(mutation, { maxLength: 4 }), { minLength: 3, maxLength: 3 }),
        (picked, mutations) => {
          const files = picked.map((name, i) => ({ path: name, text: mutations[i].reduce(mutate, BASES[name]) }))
          lintAll(files)
        }
      ),
      { seed: 42, numRuns: 400 }
    )
  })

  it('on the unmutated bases: findings with fixes exist, so the fix checks above are not vacuous', () => {
    const r = lint(Object.entries(BASES).map(([path, text]) => ({ path, text })))
    for (const [path, text] of Object.entries(BASES)) checkFindings(text, r.findings.filter((f) => f.path === path))
    expect(r.findings.filter((f) => f.fix).length).toBeGreaterThan(10)
    expect(new Set(r.findings.map((f) => f.path)).size).toBe(Object.keys(BASES).length)
  })
})
