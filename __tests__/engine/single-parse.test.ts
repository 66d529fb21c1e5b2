/**
 * A values file that only its own install can need is parsed once, in pass 2 (`singleParse`, lint.ts): the same
 * findings as with both passes parsing it, for the scenario repositories of __fixtures__/installs, the examples and
 * the real-world corpus, recombined at random; and exactly the files that something else depends on are parsed in
 * pass 1 after all.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig, type Config } from '../../src/engine/config.js'
import { lint, Linter, type LintFile, type LintOptions } from '../../src/engine/lint.js'
import type { Finding } from '../../src/model/finding.js'
import { yamlFiles } from '../../__fixtures__/files.js'
import { yaml } from '../../__fixtures__/yaml.js'

const HERE = join(__dirname, '..', '..')

const CORPUS = join(HERE, '..', 'shared', 'corpus')
const POOL: readonly LintFile[] = [
  ...yamlFiles(join(HERE, '__fixtures__', 'installs')),
  ...yamlFiles(HERE, ['examples']),
  ...(existsSync(CORPUS) ? yamlFiles(CORPUS, [''], 'corpus/') : [])
]
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** Findings as a report shows them: every field. */
const shown = (findings: readonly Finding[]): string[] => findings.map((f) => JSON.stringify(f))

/** The run both ways: findings and the files the result keeps, the same. */
function expectSame(files: readonly LintFile[], options: LintOptions = {}): Finding[] {
  const one = lint(files, options)
  const two = lint(files.map((f) => ({ ...f })), { ...options, singleParse: false })
  expect(shown(one.findings)).toEqual(shown(two.findings))
  expect([...one.files.keys()]).toEqual([...two.files.keys()])
  return one.findings
}

/** The files as the CLI gives them (each read again for pass 2). */
const rereadable = (files: readonly LintFile[]): LintFile[] => files.map((f) => ({ ...f, reread: () => f.text }))

/**
 * How often a single-parse run reads each file again: once at its turn, once more when pass 1's parse was needed.
 * No text is kept between the passes unless `keepText` says so: each parse of pass 2 is a read.
 */
function readsOf(files: readonly LintFile[], options: LintOptions = {}): Record<string, number> {
  const reads: Record<string, number> = {}
  lint(
    files.map((f) => ({ ...f, reread: () => ((reads[f.path] = (reads[f.path] ?? 0) + 1), f.text) })),
    { keepText: 0, ...options }
  )
  return reads
}

/** A file at a time, as the CLI streams it. */
function streamed(files: readonly LintFile[], options: LintOptions): string[] {
  const linter = new Linter(options)
  for (const f of files) linter.add(f)
  return [...linter.eachFile()].flatMap(({ file, findings }) => [`# ${file.path}`, ...shown(findings)])
}

const hardened = (name: string): string => yaml`
  gatewayProxies:
    ${name}:
      kind:
        deployment:
          replicas: 2
      podTemplate:
        probes: true
  settings:
    disableKubernetesDestinations: true
`

const argoApp = yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: gloo
    namespace: argocd
  spec:
    sources:
      - chart: gloo
        repoURL: https://storage.googleapis.com/solo-public-helm
        targetRevision: 1.17.4
        helm:
          valueFiles:
            - $values/team-b/values.yaml
      - repoURL: https://github.com/acme/platform.git
        targetRevision: main
        ref: values
`

const routeToKube = yaml`
  apiVersion: gateway.solo.io/v1
  kind: VirtualService
  metadata:
    name: petstore
    namespace: gloo-system
  spec:
    virtualHost:
      domains: ['*']
      routes:
        - matchers:
            - prefix: /
          routeAction:
            single:
              kube:
                ref:
                  name: petstore
                  namespace: default
                port: 8080
`

describe('one parse of a values file only its own install needs', () => {
  it('parses isolated values files once, at their turn, and gives the same findings naming each install', () => {
    const files = [
      { path: 'team-a/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-b/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-c/values.yaml', text: hardened('gatewayProxy') }
    ]
    const findings = expectSame(files)
    expect(findings.filter((f) => f.path === 'team-a/values.yaml').map((f) => `${f.span.start.line} ${f.ruleId} [${f.install}]`)).toEqual([
      '1 control-plane-xds-mtls [team-a]',
      '1 header-secret-namespace [team-a]',
      '1 proxy-token-automount [team-a]',
      '1 validation-allow-warnings [team-a]',
      '1 validation-always-accept [team-a]',
      '1 validation-failure-policy [team-a]',
      '2 proxy-anti-affinity [team-a]',
      '2 proxy-core-dumps [team-a]',
      '2 proxy-disruption-budget [team-a]',
      '6 proxy-graceful-shutdown [team-a]',
      '6 proxy-probes [team-a]',
      '6 proxy-resources [team-a]',
      '6 proxy-seccomp [team-a]',
      '8 invalid-routes-not-replaced [team-a]'
    ])
    expect(findings.filter((f) => f.path === 'team-c/values.yaml' && f.install === 'team-c')).toHaveLength(14)
    // Each is read once more, at its turn, and parsed then. With no install planned, the first two are parsed in
    // pass 1 too, to learn that the run has more than one install (its findings then name theirs).
    expect(readsOf(files)).toEqual({ 'team-a/values.yaml': 2, 'team-b/values.yaml': 2, 'team-c/values.yaml': 1 })
    expect(streamed(rereadable(files), {})).toEqual(streamed(rereadable(files), { singleParse: false }))
  })

  it('names no install when the run has one, and parses deferred files in pass 1 until it knows', () => {
    const one = [{ path: 'team-a/values.yaml', text: hardened('gatewayProxy') }]
    const findings = expectSame(one)
    expect(findings).toHaveLength(14)
    expect(findings.filter((f) => f.install !== undefined)).toEqual([])
    // At most one install either way: nothing to find out.
    expect(readsOf(one)).toEqual({ 'team-a/values.yaml': 1 })
    const three = [
      { path: 'team-a/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-b/values.yaml', text: 'replicaCount: 2 # for gloo\n' },
      { path: 'team-c/values.yaml', text: hardened('gatewayProxy') }
    ]
    expect(expectSame(three).map((f) => f.install ?? '-').filter((n, i, all) => all.indexOf(n) === i)).toEqual(['team-a', 'team-c'])
    // No install planned, three deferred: the first two are parsed in pass 1 (only one is Gloo's), then the third.
    expect(readsOf(three)).toEqual({ 'team-a/values.yaml': 2, 'team-b/values.yaml': 2, 'team-c/values.yaml': 2 })
  })

  it('parses in pass 1 after all a values file another install reads, one beside other files, and one whose install name is taken', () => {
    const files = [
      // Its install reads team-b's values.
      { path: 'argo/app.yaml', text: argoApp },
      { path: 'team-a/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-b/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-c/values-prod.yaml', text: hardened('gatewayProxy') },
      { path: 'team-c/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-d/routes/vs.yaml', text: routeToKube },
      { path: 'team-d/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-e/values.yaml', text: hardened('gatewayProxy') }
    ]
    // A config install has the name team-e's values would give theirs.
    const config: Config = { ...defaultConfig(), installs: [{ name: 'team-e', values: ['staging/*.yaml'] }] }
    const installs = expectSame(files, { config }).map((f) => f.install ?? '-')
    expect(installs.filter((n, i) => installs.indexOf(n) === i)).toEqual(['team-a', 'Application argocd/gloo', 'team-c (prod)', 'team-d', 'team-e #2'])
    expect(readsOf(files, { config })).toEqual({
      'argo/app.yaml': 1,
      'team-a/values.yaml': 1,
      'team-b/values.yaml': 2,
      'team-c/values-prod.yaml': 2,
      'team-c/values.yaml': 2,
      'team-d/routes/vs.yaml': 1,
      // Its route needs its values' facts before any file is checked: read for them, then for its values rules.
      'team-d/values.yaml': 3,
      'team-e/values.yaml': 2
    })
  })

  it('parses in pass 1 the values that disable Kubernetes destinations when a route belongs to no install', () => {
    const probesOnly = 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      probes: true\n'
    const files = [
      { path: 'routes/vs.yaml', text: routeToKube },
      { path: 'team-a/values.yaml', text: probesOnly },
      { path: 'team-b/values.yaml', text: probesOnly },
      { path: 'team-c/values.yaml', text: hardened('gatewayProxy') }
    ]
    const notices = expectSame(files).filter((f) => f.ruleId === 'kube-destination-in-use')
    expect(notices.map((f) => `${f.path}:${f.span.start.line}`)).toEqual(['routes/vs.yaml:14'])
    expect(notices[0].message).toContain('team-c')
    expect(readsOf(files)).toEqual({
      'routes/vs.yaml': 1,
      // In pass 1, to learn that the run has two installs.
      'team-a/values.yaml': 2,
      'team-b/values.yaml': 1,
      // In pass 1, then for its facts before any file is checked, then for its values rules (its turn takes those trees).
      'team-c/values.yaml': 3
    })
  })

  it('reports a deferred file that can no longer be read as skipped, and no longer counts it as an install', () => {
    const files: LintFile[] = [
      { path: 'team-a/values.yaml', text: hardened('gatewayProxy'), reread: () => undefined },
      { path: 'team-b/values.yaml', text: hardened('gatewayProxy'), reread: () => hardened('gatewayProxy') }
    ]
    const one = lint(files, { keepText: 0 }).findings
    const two = lint(files, { singleParse: false }).findings
    expect(one.filter((f) => f.path === 'team-a/values.yaml').map((f) => f.ruleId)).toEqual(['file-skipped'])
    expect(shown(one.filter((f) => f.path === 'team-a/values.yaml'))).toEqual(shown(two.filter((f) => f.path === 'team-a/values.yaml')))
    // Both passes parsing it took it for an install from pass 1's text; read again to find out, it is none.
    expect(two.filter((f) => f.path === 'team-b/values.yaml').every((f) => f.install === 'team-b')).toBe(true)
    expect(one.filter((f) => f.path === 'team-b/values.yaml').map((f) => f.message)).toEqual(
      two.filter((f) => f.path === 'team-b/values.yaml').map((f) => f.message.replace(' (install team-b)', ''))
    )
  })

  it('keeps the texts of deferred values files for pass 2 up to keepText, in the order they come, and reads the rest again', () => {
    const files = [
      { path: 'routes/vs.yaml', text: routeToKube },
      { path: 'team-a/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-b/values.yaml', text: hardened('gatewayProxy') },
      { path: 'team-c/values.yaml', text: hardened('publicGw') }
    ]
    const size = files[1].text.length
    expect(files[3].text.length).toBe(size + 'publicGw'.length - 'gatewayProxy'.length)
    // The route is no deferred file: read again at its turn whatever the budget.
    // Without a text kept, each values file is read for its facts (the route belongs to no install), again for its
    // values rules, and again at its turn.
    expect(readsOf(files)).toEqual({ 'routes/vs.yaml': 1, 'team-a/values.yaml': 3, 'team-b/values.yaml': 3, 'team-c/values.yaml': 3 })
    expect(readsOf(files, { keepText: size })).toEqual({ 'routes/vs.yaml': 1, 'team-b/values.yaml': 3, 'team-c/values.yaml': 3 })
    // Two texts fit, the third does not (team-c's is shorter than each, yet comes after them).
    expect(readsOf(files, { keepText: 2 * size + 3 })).toEqual({ 'routes/vs.yaml': 1, 'team-c/values.yaml': 3 })
    expect(readsOf(files, { keepText: 3 * size })).toEqual({ 'routes/vs.yaml': 1 })
    // The default keeps them all.
    expect(readsOf(files, { keepText: undefined })).toEqual({ 'routes/vs.yaml': 1 })
    const findings = lint(rereadable(files)).findings
    expect(shown(findings)).toEqual(shown(lint(rereadable(files), { keepText: 0 }).findings))
    expect(findings.filter((f) => f.path === 'team-c/values.yaml').map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(
      lint([files[3]]).findings.map((f) => `${f.span.start.line} ${f.ruleId}`)
    )
  })

  it('checks a kept values file as pass 1 read it, and one read again as it is then', () => {
    const before = hardened('gatewayProxy')
    const after = 'not: [valid\n'
    const files = [
      { path: 'gloo-a/values.yaml', text: before, reread: () => after },
      { path: 'gloo-b/values.yaml', text: before, reread: () => after }
    ]
    const linter = new Linter({ keepText: before.length })
    for (const f of files) linter.add(f)
    const out = [...linter.eachFile()].map((x) => ({ path: x.file.path, text: x.file.text, rules: [...new Set(x.findings.map((f) => f.ruleId))] }))
    expect(out.map((x) => [x.path, x.text])).toEqual([
      ['gloo-a/values.yaml', before],
      ['gloo-b/values.yaml', after]
    ])
    expect(out[0].rules).toEqual(lint([{ path: 'gloo-a/values.yaml', text: before }]).findings.map((f) => f.ruleId).filter((id, i, all) => all.indexOf(id) === i))
    expect(out[1].rules).toEqual(['yaml-syntax'])
  })

  it('gives the same findings for any mix of the scenario repositories, moved and copied into folders of their own', () => {
    const values = [
      ...POOL.filter((f) => /values/.test(f.path) && !/apiVersion/.test(f.text)),
      // Values files at the edges: broken YAML, a Helm template, empty, two documents, anchors and a merge key,
      // a BOM, weak evidence only, and a gloo-ee file.
      { path: 'x', text: 'gatewayProxies:\n  gatewayProxy:\n    podTemplate: [\n' },
      { path: 'x', text: 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      probes: {{ .Values.probes }}\n' },
      { path: 'x', text: '' },
      { path: 'x', text: 'settings:\n  disableKubernetesDestinations: true\n---\ngatewayProxies:\n  gatewayProxy:\n    antiAffinity: true\n' },
      { path: 'x', text: 'base: &base\n  probes: true\ngatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      <<: *base\n      httpPort: 80\n' },
      { path: 'x', text: '\ufeffgatewayProxies:\n  publicGw:\n    kind:\n      deployment:\n        replicas: 1\n' },
      { path: 'x', text: '# for gloo\nreplicaCount: 2\nimage:\n  tag: 1.17.4\n' },
      { path: 'x', text: 'gloo:\n  gatewayProxies:\n    gatewayProxy:\n      podTemplate:\n        probes: true\n  settings:\n    disableKubernetesDestinations: true\n' }
    ]
    expect(POOL.length).toBeGreaterThan(30)
    expect(values.length).toBeGreaterThan(10)
    const configs: (Config | undefined)[] = [
      undefined,
      { ...defaultConfig(), inputs: { gloo: ['**/gloo-values.yaml'], ignore: ['team-1/**'] } },
      { ...defaultConfig(), installs: [{ name: 'prod', values: ['team-2/values.yaml', 'team-3/*.yaml'], fixTarget: 'team-4/values.yaml' }] }
    ]
    fc.assert(
      fc.property(
        fc.subarray([...POOL], { maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(values.length - 1), fc.nat(6), fc.constantFrom('values.yaml', 'gloo.yaml', 'values-prod.yaml')), { maxLength: 8 }),
        fc.nat(configs.length - 1),
        fc.boolean(),
        // Which files are context only (the action's files outside the pull request): none, or some.
        fc.option(fc.integer({ min: 0, max: 2 ** 20 }), { nil: undefined }),
        (picked, copies, c, reread, context) => {
          const run = new Map(picked.map((f) => [f.path, f]))
          for (const [i, team, name] of copies) run.set(`team-${team}/${name}`, { path: `team-${team}/${name}`, text: values[i].text })
          const sorted = [...run.values()].sort(byPath).map((f, i) => (context !== undefined && (context >> i % 20) & 1 ? { ...f, report: false } : f))
          const files = reread ? rereadable(sorted) : sorted
          const config = configs[c]
          expectSame(files, config ? { config } : {})
          expect(streamed(files, config ? { config } : {})).toEqual(streamed(files, config ? { config, singleParse: false } : { singleParse: false }))
        }
      ),
      { numRuns: 200, seed: 13 }
    )
  })
})
