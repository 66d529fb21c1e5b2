/** The engine's two passes: facts first, rules second on rebuilt trees; what a LintResult keeps afterwards. */
import { describe, expect, it } from 'vitest'
import { parseEvents } from 'js-yaml'
import { lint, Linter } from '../../src/engine/lint.js'
import type { Finding } from '../../src/model/finding.js'
import { MAX_DEPTH } from '../../src/yaml/tree.js'
import { rules } from '../../src/rules/index.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyFile = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
      name: envoy-extra
      labels:
          app: gloo
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    namespace: gloo-system
    labels:
      gloo: gateway-proxy
  spec:
    replicas: 2
    template:
      spec:
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
`

describe('lint in two passes', () => {
  it('drops the trees once the rules ran, keeping one entry per document, the text and the lines', () => {
    const r = lint([{ path: 'proxy.yaml', text: proxyFile }])
    const file = r.files.get('proxy.yaml')!
    expect(file.parse.documents.map((d) => [d.index, d.root])).toEqual([
      [0, null],
      [1, null]
    ])
    expect(file.text).toBe(proxyFile)
    expect(file.lines.positionAt(proxyFile.indexOf('kind: Deployment')).line).toBe(9)
  })

  it('fixes an object with the indentation measured on the whole file', () => {
    // The first nested map (4 spaces, in the ConfigMap) sets the file's step, as it does for a file checked alone.
    const rule = rules.find((x) => x.meta.id === 'proxy-read-only-root-fs')!
    const [f] = lint([{ path: 'proxy.yaml', text: proxyFile }], { rules: [rule] }).findings
    // Its edit is a suggestion (catalog fix class `suggest`), built the same way.
    expect(f.suggestions?.[0].edits.map((e) => e.text)).toEqual(['        securityContext:\n            readOnlyRootFilesystem: true\n'])
  })

  it('fixes an object the project kept with the indentation measured on the whole file', () => {
    const text = proxyFile.replace('kind: Deployment', 'kind: ServiceAccount')
    const rule = rules.find((x) => x.meta.id === 'proxy-token-automount')!
    const [f] = lint([{ path: 'sa.yaml', text }], { rules: [rule] }).findings
    expect(f.fix?.map((e) => e.text)).toEqual(['automountServiceAccountToken: false\n'])
  })

  it('never parses a context file that holds no cross-document facts, and still checks it when it is reported', () => {
    // A Secret holds no facts (a ConfigMap may: a values layer); the path names Gloo, so its syntax error is ours.
    const broken = 'apiVersion: v1\nkind: Secret\ndata: [\n'
    const context = lint([{ path: 'gloo/secret.yaml', text: broken, report: false }])
    expect(context.findings).toEqual([])
    expect(context.files.get('gloo/secret.yaml')!.parse).toEqual({ documents: [], aliasCount: 0 })
    const reported = lint([{ path: 'gloo/secret.yaml', text: broken }])
    expect(reported.findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['4:1 yaml-syntax'])
    expect(reported.files.get('gloo/secret.yaml')!.parse.error?.line).toBe(4)
  })

  it('gives the same findings whether facts come first in the run or last', () => {
    const settings = yaml`
      apiVersion: gloo.solo.io/v1
      kind: Settings
      metadata:
        name: default
        namespace: gloo-system
      spec:
        gloo:
          disableKubernetesDestinations: true
    `
    const vs = yaml`
      apiVersion: gateway.solo.io/v1
      kind: VirtualService
      metadata:
        name: vs
        namespace: gloo-system
      spec:
        virtualHost:
          routes:
          - routeAction:
              single:
                kube:
                  ref: {name: petstore, namespace: default}
                  port: 8080
    `
    const a = lint([
      { path: 'a-settings.yaml', text: settings },
      { path: 'b-vs.yaml', text: vs }
    ]).findings
    const b = lint([
      { path: 'b-vs.yaml', text: vs },
      { path: 'a-settings.yaml', text: settings }
    ]).findings
    expect(a.map((f) => `${f.path}:${f.span.start.line} ${f.ruleId}`)).toContain('b-vs.yaml:11 kube-destination-in-use')
    expect(b).toEqual(a)
  })

  it('reads files again for pass 2 when they can be (reread): the same findings, file by file, and no text kept between the passes', () => {
    const files = [
      { path: 'a/proxy.yaml', text: proxyFile },
      { path: 'b/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
      { path: 'c/gloo-broken.yaml', text: 'gateway:\n  validation: [\n' }
    ]
    const linter = new Linter()
    const reads: string[] = []
    for (const f of files)
      linter.add({
        ...f,
        reread: () => {
          reads.push(f.path)
          return f.text
        }
      })
    expect(reads).toEqual([])
    const perFile: { path: string; findings: Finding[] }[] = []
    for (const x of linter.eachFile()) perFile.push({ path: x.file.path, findings: x.findings })
    expect(reads).toEqual(['a/proxy.yaml', 'b/cm.yaml', 'c/gloo-broken.yaml'])
    expect(perFile.map((x) => x.path)).toEqual(['a/proxy.yaml', 'b/cm.yaml', 'c/gloo-broken.yaml'])
    const expected = lint(files).findings
    expect(perFile.flatMap((x) => x.findings)).toEqual(expected)
    expect(expected.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual([
      'a/proxy.yaml:11:9 proxy-disruption-budget',
      'a/proxy.yaml:11:9 proxy-token-automount',
      'a/proxy.yaml:18:5 proxy-anti-affinity',
      'a/proxy.yaml:20:9 proxy-privileged',
      'a/proxy.yaml:20:9 proxy-read-only-root-fs',
      'a/proxy.yaml:20:9 proxy-run-as-root',
      'a/proxy.yaml:20:9 proxy-seccomp',
      'a/proxy.yaml:20:15 proxy-graceful-shutdown',
      'a/proxy.yaml:20:15 proxy-probes',
      'a/proxy.yaml:20:15 proxy-resources',
      'c/gloo-broken.yaml:3:1 yaml-syntax'
    ])
  })

  it('reports a file that cannot be read again for pass 2 as skipped, and checks the others', () => {
    const linter = new Linter()
    linter.add({ path: 'a/proxy.yaml', text: proxyFile, reread: () => undefined })
    linter.add({ path: 'b/gloo-broken.yaml', text: 'gateway:\n  validation: [\n', reread: () => 'gateway:\n  validation: [\n' })
    const { findings } = linter.finish()
    expect(findings.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`)).toEqual([
      "a/proxy.yaml:1:1 file-skipped a/proxy.yaml was not checked: it could not be read again (it was removed or changed while being checked).",
      'b/gloo-broken.yaml:3:1 yaml-syntax ' + findings[1]?.message
    ])
  })
})

describe('a file that changes between the passes', () => {
  const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: gateway-proxy\n  namespace: gloo-system\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      gateway-proxy-id: gateway-proxy\n'
  it('is checked as it is read the second time, without the objects pass 1 kept from its old text', () => {
    const changed = `# edited meanwhile\n${pdb}`
    // No text kept between the passes: the values file is read again too.
    const linter = new Linter({ keepText: 0 })
    linter.add({ path: 'pdb.yaml', text: pdb, reread: () => changed })
    linter.add({ path: 'gloo/values.yaml', text: 'gateway:\n  validation:\n    alwaysAcceptResources: false\n', reread: () => 'not: [valid\n' })
    const out = [...linter.eachFile()].map((x) => ({ path: x.file.path, text: x.file.text, rules: x.findings.map((f) => `${f.span.start.line} ${f.ruleId}`) }))
    expect(out.map((x) => [x.path, x.text])).toEqual([
      ['pdb.yaml', changed],
      ['gloo/values.yaml', 'not: [valid\n']
    ])
    // The values file that became invalid YAML is reported as such (its install's layer can no longer be read).
    expect(out[1].rules).toEqual(['2 yaml-syntax'])
  })
})
