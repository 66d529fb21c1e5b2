/** Classification of every input form (catalog section 1) and the chart version that decides defaults. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { isStrong } from '../../src/gloo/evidence.js'
import { lint } from '../../src/engine/lint.js'
import { getGlobal, getValue, keyPath, settleVersion, setValueFix } from '../../src/gloo/values.js'
import { isHelmTemplate, loadFile, umbrellaOssPath, type ValuesInput } from '../../src/forms/manifests.js'
import { getNode, str } from '../../src/yaml/query.js'
import { parseDocuments, type MapNode, type ScalarNode, type YamlNode } from '../../src/yaml/tree.js'
import { applyEdits } from '../../src/model/edit.js'
import { yaml } from '../../__fixtures__/yaml.js'

const at = (v: ValuesInput, node: YamlNode | null | undefined): string => {
  if (!node) return 'missing'
  const s = v.file.lines.spanOf(node.start, node.end)
  return `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`
}
const only = (path: string, text: string, options = {}) => {
  const lf = loadFile(path, text, options)
  expect(lf.file.parse.error).toBeUndefined()
  expect(lf.values).toHaveLength(1)
  return lf.values[0]
}
/** The chart version the engine settles on for an install with these values (catalog section 1.4). */
const settled = (v: ValuesInput, glooVersion?: string): [string | undefined, string | undefined] => {
  settleVersion(v, glooVersion, undefined)
  return [v.chartVersion?.raw, v.versionSource]
}
/** An umbrella install as the engine puts it together: the Chart.yaml descriptor with its folder's values.yaml below `<alias>.`. */
const umbrella = (chartYaml: string, valuesYaml: string): ValuesInput => {
  const lf = loadFile('chart/Chart.yaml', chartYaml)
  expect(lf.file.parse.error).toBeUndefined()
  expect(lf.values).toHaveLength(1)
  const d = lf.values[0]
  const values = only('chart/values.yaml', valuesYaml)
  return { ...d, layers: [{ ...values.layers[0], ossPath: umbrellaOssPath(d), source: 'chart/values.yaml' }] }
}
const fix = (v: ValuesInput, path: string[], value: string): string => {
  const edits = setValueFix(v, path, value)
  expect(edits).not.toBeNull()
  const { output, skipped } = applyEdits(v.file.text, edits!)
  expect(skipped).toEqual([])
  expect(parseDocuments(output).error).toBeUndefined()
  return output
}

describe('chart values files', () => {
  it('classifies OSS values', () => {
    const v = only('values.yaml', 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      probes: true\n')
    expect([v.form, v.chart, v.prefix]).toEqual(['values', 'gloo', ''])
    expect(v.layers.map((l) => l.ossPath)).toEqual([[]])
    expect(at(v, getValue(v, ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes'])!.node)).toBe('4:15-4:19')
    expect(keyPath(v, ['gateway', 'enabled'])).toBe('gateway.enabled')
  })

  it('recognises OSS values by gloo.deployment and global.glooRbac alone', () => {
    expect(only('v.yaml', 'gloo:\n  deployment:\n    replicas: 2\n').chart).toBe('gloo')
    expect(only('v.yaml', 'global:\n  glooRbac:\n    create: true\n').chart).toBe('gloo')
  })

  it('classifies enterprise values: OSS keys under gloo., global at the root', () => {
    const text = yaml`
      license_key: abc
      gloo:
        gateway:
          validation:
            alwaysAcceptResources: false
      global:
        istioSDS:
          enabled: true
    `
    const v = only('ee.yaml', text)
    expect([v.form, v.chart, v.prefix]).toEqual(['enterprise-values', 'gloo-ee', 'gloo.'])
    expect(v.layers[0].ossPath).toEqual(['gloo'])
    expect(at(v, getValue(v, ['gateway', 'validation', 'alwaysAcceptResources'])!.node)).toBe('5:30-5:35')
    expect(at(v, getGlobal(v, ['istioSDS', 'enabled'])!.node)).toBe('8:14-8:18')
    expect(keyPath(v, ['gateway', 'enabled'])).toBe('gloo.gateway.enabled')
    expect(fix(v, ['gateway', 'validation', 'allowWarnings'], 'false')).toContain('      alwaysAcceptResources: false\n      allowWarnings: false\n')
  })

  it('recognises enterprise values by gloo.gatewayProxies without enterprise root keys', () => {
    expect(only('ee.yaml', 'gloo:\n  gatewayProxies:\n    gatewayProxy: {}\n').chart).toBe('gloo-ee')
  })

  it('ignores YAML that is not Gloo values', () => {
    // A candidate whose evidence is not strong: the engine never treats it as Gloo values.
    const values = loadFile('x.yaml', 'replicaCount: 2\nimage:\n  tag: 1.0\n').values
    expect(values).toHaveLength(1)
    expect(values[0].evidence).toBeDefined()
    expect(isStrong(values[0].evidence!)).toBe(false)
  })

  it('reads an umbrella Chart.yaml as a descriptor of its folder\'s values, by alias', () => {
    const chart = yaml`
      apiVersion: v2
      name: platform
      dependencies:
      - name: cert-manager
        version: 1.14.0
      - name: gloo-ee
        alias: edge
        version: 1.17.3
        repository: https://storage.googleapis.com/gloo-ee-helm
    `
    const text = 'edge:\n  gloo:\n    gateway:\n      validation:\n        allowWarnings: false\n  license_secret_name: lic\n'
    const descriptor = only('chart/Chart.yaml', chart)
    expect([descriptor.form, descriptor.chart, descriptor.prefix]).toEqual(['umbrella', 'gloo-ee', 'edge.gloo.'])
    expect(descriptor.layers).toEqual([])
    expect(umbrellaOssPath(descriptor)).toEqual(['edge', 'gloo'])
    const v = umbrella(chart, text)
    expect(v.layers[0].ossPath).toEqual(['edge', 'gloo'])
    const found = getValue(v, ['gateway', 'validation', 'allowWarnings'])!
    expect(found.layer.file.path).toBe('chart/values.yaml')
    expect(at({ ...v, file: found.layer.file }, found.node)).toBe('5:24-5:29')
    expect(settled(v)).toEqual(['1.17.3', 'the Chart.yaml dependency version'])
    const oss = only('chart/Chart.yaml', 'dependencies:\n- name: gloo\n  version: 1.12.0\n')
    expect([oss.form, oss.prefix]).toEqual(['umbrella', 'gloo.'])
  })
})

describe('Flux HelmRelease', () => {
  for (const api of ['v2beta1', 'v2beta2', 'v2'])
    it(`reads spec.values of helm.toolkit.fluxcd.io/${api}`, () => {
      const text = yaml`
        apiVersion: helm.toolkit.fluxcd.io/${api}
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.18.2
          values:
            discovery:
              enabled: false
      `
      const lf = loadFile('hr.yaml', text)
      expect(lf.objects.map((o) => o.gvk)).toEqual([`helm.toolkit.fluxcd.io/${api}/HelmRelease`])
      const v = lf.values[0]
      expect([v.form, v.chart, v.wrapper?.name]).toEqual(['helm-release', 'gloo', 'gloo'])
      expect(at(v, getValue(v, ['discovery', 'enabled'])!.node)).toBe('13:16-13:21')
      expect(settled(v)).toEqual(['1.18.2', 'the HelmRelease spec.chart.spec.version'])
      expect(v.notes).toEqual([])
    })

  it('says once that valuesFrom cannot be resolved, and creates spec.values for a fix', () => {
    const text = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: gloo
      spec:
        chart:
          spec:
            chart: gloo-ee
        valuesFrom:
        - kind: Secret
          name: gloo-license
    `
    const v = only('hr.yaml', text)
    expect(v.chart).toBe('gloo-ee')
    expect(v.layers).toEqual([])
    // The Secret is a layer reference the install cannot resolve (one input-unresolved notice per install, in the engine).
    expect(v.notes).toEqual([])
    expect(v.stack.map((s) => (s.kind === 'unresolved' ? [s.kind, s.what, at(v, s.node)] : [s.kind]))).toEqual([
      ['unresolved', 'spec.valuesFrom Secret gloo-license', '10:5-11:23']
    ])
    const notices = lint([{ path: 'hr.yaml', text }]).findings.filter((f) => f.ruleId === 'input-unresolved')
    expect(notices.map((f) => [f.messageId, f.message])).toEqual([
      ['layers', 'Install HelmRelease gloo has values layers that cannot be read from the repository: spec.valuesFrom Secret gloo-license; keys they set are not seen.']
    ])
    expect(fix(v, ['discovery', 'enabled'], 'false')).toBe(text + '  values:\n    gloo:\n      discovery:\n        enabled: false\n')
  })

  it('skips a HelmRelease of another chart', () => {
    expect(loadFile('hr.yaml', 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: x}\nspec:\n  chart:\n    spec:\n      chart: nginx\n').values).toEqual([])
  })
})

describe('Argo CD Application', () => {
  const app = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata:
      name: gloo
      namespace: argocd
    spec:
      source:
        chart: gloo
        repoURL: https://storage.googleapis.com/solo-public-helm
        targetRevision: 1.17.4
        helm:
          releaseName: gloo
          values: |
            gateway:
              validation:
                alwaysAcceptResources: true   # legacy
            # proxies
            gatewayProxies:
              gatewayProxy:
                podTemplate: {probes: false}
      destination:
        namespace: gloo-system
  `

  it('parses the values block and maps inner positions to the outer lines and columns exactly', () => {
    const v = only('app.yaml', app)
    expect([v.form, v.chart, v.wrapper?.kind]).toEqual(['argo-application', 'gloo', 'Application'])
    expect(v.layers.map((l) => l.embedded ?? false)).toEqual([true])
    expect(at(v, getValue(v, ['gateway', 'validation', 'alwaysAcceptResources'])!.node)).toBe('16:36-16:40')
    expect(at(v, getValue(v, ['gateway', 'validation'])!.pair!.key)).toBe('15:11-15:21')
    expect(at(v, getValue(v, ['gateway', 'validation'])!.node)).toBe('16:13-16:40')
    expect(at(v, getValue(v, ['gatewayProxies', 'gatewayProxy', 'podTemplate'])!.node)).toBe('20:26-20:41')
    expect(at(v, getValue(v, ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes'])!.node)).toBe('20:35-20:40')
    const node = getValue(v, ['gateway', 'validation', 'alwaysAcceptResources'])!.node
    expect(app.slice(node.start, node.end)).toBe('true')
    expect(settled(v)).toEqual(['1.17.4', 'the Application targetRevision'])
  })

  it('applies fixes inside the block: a replacement and an insertion keep it valid YAML in valid YAML', () => {
    const v = only('app.yaml', app)
    const replaced = fix(v, ['gateway', 'validation', 'alwaysAcceptResources'], 'false')
    expect(replaced).toBe(app.replace('alwaysAcceptResources: true   # legacy', 'alwaysAcceptResources: false   # legacy'))
    const inserted = fix(v, ['gateway', 'proxyServiceAccount', 'disableAutomount'], 'true')
    expect(inserted).toBe(
      app.replace('# legacy\n', '# legacy\n          proxyServiceAccount:\n            disableAutomount: true\n')
    )
    const flow = fix(v, ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes'], 'true')
    expect(flow).toContain('podTemplate: {probes: true}')
    const last = fix(v, ['settings', 'disableKubernetesDestinations'], 'true')
    expect(last).toContain('          podTemplate: {probes: false}\n        settings:\n          disableKubernetesDestinations: true\n  destination:\n')
    for (const out of [replaced, inserted, flow, last]) {
      const inner = str(getNode(parseDocuments(out).documents[0].root, ['spec', 'source', 'helm']), ['values'])!
      expect(() => load(inner)).not.toThrow()
    }
    const inner = load(str(getNode(parseDocuments(last).documents[0].root, ['spec', 'source', 'helm']), ['values'])!) as Record<string, Record<string, unknown>>
    expect(inner.settings).toEqual({ disableKubernetesDestinations: true })
    expect(inner.gateway).toEqual({ validation: { alwaysAcceptResources: true } })
  })

  it('maps a block under CRLF and with an explicit indentation indicator', () => {
    const crlf = app.replace(/\n/g, '\r\n')
    const v = only('app.yaml', crlf)
    expect(at(v, getValue(v, ['gateway', 'validation', 'alwaysAcceptResources'])!.node)).toBe('16:36-16:40')
    expect(fix(v, ['gateway', 'validation', 'allowWarnings'], 'false')).toContain('# legacy\r\n            allowWarnings: false\r\n        # proxies')
    // `|2`: the first line is indented more than the block, which only the indicator allows.
    const indented = only('app.yaml', app.replace('values: |', 'values: |2\n          # more indented first line'))
    const inner = indented.layers[0]
    expect(inner.embedded).toBe(true)
    expect(at(indented, getValue(indented, ['gateway', 'validation', 'alwaysAcceptResources'])!.node)).toBe('17:36-17:40')
    expect(at(indented, getNode(inner.root, ['gateway']))).toBe('16:11-17:40')
  })

  it('reads valuesObject and parameters, parameters first', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: gloo
      spec:
        source:
          chart: gloo-ee
          repoURL: https://storage.googleapis.com/gloo-ee-helm
          targetRevision: v1.17.2
          helm:
            parameters:
            - name: gloo.discovery.enabled
              value: "true"
            - name: gloo.settings.disableKubernetesDestinations
              value: "false"
            valuesObject:
              gloo:
                discovery:
                  enabled: false
                gateway:
                  validation:
                    allowWarnings: false
    `
    const v = only('app.yaml', text)
    expect(v.layers.map((l) => l.synthetic ?? false)).toEqual([true, false])
    const d = getValue(v, ['discovery', 'enabled'])!
    expect(d.layer.synthetic).toBe(true)
    expect(at(v, d.node)).toBe('13:16-13:22')
    expect(at(v, getValue(v, ['gateway', 'validation', 'allowWarnings'])!.node)).toBe('22:30-22:35')
    // A parameter is replaced in place, as a string; new keys go into valuesObject.
    expect(fix(v, ['discovery', 'enabled'], 'false')).toContain('        value: "false"\n      - name: gloo.settings')
    expect(fix(v, ['gateway', 'validation', 'alwaysAcceptResources'], 'false')).toContain('              allowWarnings: false\n              alwaysAcceptResources: false\n')
    expect(settled(v)).toEqual(['v1.17.2', 'the Application targetRevision'])
    // An empty parameter value gets its value after a space.
    const empty = only('app.yaml', text.replace('value: "true"', 'value:'))
    expect(fix(empty, ['discovery', 'enabled'], 'false')).toContain('        value: "false"\n      - name: gloo.settings')
  })

  it('parameters naming a key again: the last one wins, in a map of 40 keys as in a small one', () => {
    const param = (name: string, value: string) => `            - name: ${name}\n              value: "${value}"\n`
    const params = [
      ...Array.from({ length: 40 }, (_, i) => param(`settings.k${i}`, `v${i}`)),
      param('settings.k3', 'second'),
      param('gateway.validation.allowWarnings', 'true'),
      param('settings.k3', 'third'),
      param('gateway.validation.allowWarnings', 'false')
    ]
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: gloo
spec:
  source:
    chart: gloo
    repoURL: https://storage.googleapis.com/solo-public-helm
    targetRevision: 1.17.2
    helm:
      parameters:
${params.join('')}`
    const v = only('app.yaml', text)
    const k3 = getValue(v, ['settings', 'k3'])!
    expect([str(k3.node, []), at(v, k3.node)]).toEqual(['third', '97:22-97:29'])
    expect(str(getValue(v, ['gateway', 'validation', 'allowWarnings'])!.node, [])).toBe('false')
    expect(str(getValue(v, ['settings', 'k39'])!.node, [])).toBe('v39')
    // One pair per key: a repeated name replaces its pair.
    expect((getNode(v.layers[0].root, ['settings']) as MapNode).pairs.map((p) => (p.key as ScalarNode).value)).toEqual([
      ...Array.from({ length: 40 }, (_, i) => `k${i}`).filter((k) => k !== 'k3'),
      'k3'
    ])
  })

  it('reads every gloo source of spec.sources[] and skips the others', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: gloo
      spec:
        sources:
        - repoURL: https://github.com/acme/config.git
          targetRevision: main
          ref: values
        - chart: gloo
          repoURL: https://storage.googleapis.com/solo-public-helm
          targetRevision: 1.16.8
          helm:
            values: |
              discovery:
                enabled: false
        - chart: cert-manager
          repoURL: https://charts.jetstack.io
    `
    const lf = loadFile('app.yaml', text)
    expect(lf.values).toHaveLength(1)
    const v = lf.values[0]
    expect(at(v, getValue(v, ['discovery', 'enabled'])!.node)).toBe('16:20-16:25')
    expect(settled(v)[0]).toBe('1.16.8')
  })

  it('notes a values string that is not YAML, or whose lines cannot be mapped', () => {
    const bad = app.replace('podTemplate: {probes: false}', 'podTemplate: {probes: false')
    const v = only('app.yaml', bad)
    expect(v.layers).toEqual([])
    expect(v.notes[0].message).toMatch(/^spec\.source\.helm\.values is not valid YAML \(line 8 of the string: /)
    const folded = only('app.yaml', app.replace('values: |', 'values: >'))
    expect(folded.notes.map((n) => n.message)).toEqual([
      'spec.source.helm.values is a folded string whose lines cannot be mapped back to this file; use a literal block (|) to have it checked.'
    ])
    const escaped = only('app.yaml', app.replace(/values: \|[\s\S]*?\n  destination/, 'values: "discovery: {enabled: \\"x\\"}"\n  destination'))
    expect(escaped.layers).toEqual([])
    expect(escaped.notes[0].message).toContain('is a double string')
    const oneLine = only('app.yaml', app.replace(/values: \|[\s\S]*?\n  destination/, "values: 'discovery: {enabled: true}'\n  destination"))
    expect(at(oneLine, getValue(oneLine, ['discovery', 'enabled'])!.node)).toBe('13:37-13:41')
  })
})

describe('chart version', () => {
  const argo = (extra: string) => yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata:
      name: gloo
    spec:
      source:
        chart: gloo
        repoURL: https://storage.googleapis.com/solo-public-helm
        ${extra}
        helm:
          valuesObject:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  image:
                    tag: 1.14.0
  `
  const versionOf = (path: string, text: string, glooVersion?: string) => settled(only(path, text), glooVersion)

  it('takes the gloo-version option over every other source', () => {
    expect(versionOf('app.yaml', argo('targetRevision: 1.17.4'), '1.12.0')).toEqual(['1.12.0', 'the gloo-version option'])
  })

  it('takes Argo targetRevision over the image tag, and the tag when the revision is not a version', () => {
    expect(versionOf('app.yaml', argo('targetRevision: 1.17.4'))).toEqual(['1.17.4', 'the Application targetRevision'])
    expect(versionOf('app.yaml', argo('targetRevision: HEAD'))).toEqual(['1.14.0', 'the image tag'])
  })

  it('takes the Flux chart version over the image tag', () => {
    const hr = (version: string) =>
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: g}\nspec:\n  chart:\n    spec:\n      chart: gloo\n${version}  values:\n    gloo:\n      deployment:\n        image: {tag: 1.9.0}\n`
    expect(versionOf('hr.yaml', hr('      version: ">=1.15.0 <1.16.0"\n'))).toEqual(['>=1.15.0 <1.16.0', 'the HelmRelease spec.chart.spec.version'])
    expect(versionOf('hr.yaml', hr(''))).toEqual(['1.9.0', 'the image tag'])
  })

  it('takes the Chart.yaml dependency over the image tag', () => {
    const values = 'gloo:\n  global:\n    image:\n      tag: 1.2.0\n'
    expect(settled(umbrella('dependencies:\n- name: gloo\n  version: 1.13.9\n', values))).toEqual(['1.13.9', 'the Chart.yaml dependency version'])
  })

  it('falls back to the image tag of the proxy, the control plane or global', () => {
    expect(versionOf('v.yaml', 'gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      image: {tag: 1.4.10}\n')).toEqual(['1.4.10', 'the image tag'])
    expect(versionOf('v.yaml', 'gloo:\n  deployment:\n    image:\n      tag: 1.3.30\n')).toEqual(['1.3.30', 'the image tag'])
    expect(versionOf('v.yaml', 'settings:\n  create: true\nglobal:\n  image:\n    tag: v1.8.0\n')).toEqual(['v1.8.0', 'the image tag'])
    expect(versionOf('v.yaml', 'settings:\n  create: true\n')).toEqual([undefined, undefined])
  })
})

describe('Helm templates', () => {
  it('detects Go template directives outside comments, quotes and block scalars', () => {
    expect(isHelmTemplate('replicas: {{ .Values.replicas }}\n')).toBe(true)
    expect(isHelmTemplate('{{- if .Values.enabled }}\nkind: Service\n{{- end }}\n')).toBe(true)
    expect(isHelmTemplate('image: repo/gloo:{{.Values.tag}}\n')).toBe(true)
    expect(isHelmTemplate("name: it's {{ .Release.Name }}\n")).toBe(true)
    expect(isHelmTemplate('# name: {{ .Values.name }}\nname: x\n')).toBe(false)
    expect(isHelmTemplate('name: "{{ .Values.name }}"\n')).toBe(false)
    expect(isHelmTemplate("name: 'it''s {{ .Values.name }}'\n")).toBe(false)
    expect(isHelmTemplate('a: 1\n')).toBe(false)
  })

  it('decides by the tree when the file parses: a block scalar may hold templates', () => {
    const text = 'rules: |\n  summary: {{ $labels.instance }} is down\nname: "{{ x }}"\n'
    expect(isHelmTemplate(text)).toBe(true)
    expect(isHelmTemplate(text, parseDocuments(text))).toBe(false)
    const plain = 'image: repo:{{ .Values.tag }}\n'
    expect(isHelmTemplate(plain, parseDocuments(plain))).toBe(true)
  })

  it('skips a template without parsing errors, and loads a file with quoted directives', () => {
    const tpl = loadFile('templates/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Values.name }}\n{{ include "labels" . }}\n')
    expect(tpl.file.skipped).toMatch(/Helm template/)
    expect(tpl.file.parse).toEqual({ documents: [], aliasCount: 0 })
    expect(tpl.objects).toEqual([])
    const quoted = loadFile('v.yaml', 'settings:\n  writeNamespace: "{{ .Release.Namespace }}"\n')
    expect(quoted.file.skipped).toBeUndefined()
    expect(quoted.values).toHaveLength(1)
  })
})

describe('Kubernetes objects', () => {
  it('reads every object of a List, HelmReleases in it included', () => {
    const text = yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: gateway-proxy, namespace: gloo-system}
      - apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: gloo}
        spec:
          chart: {spec: {chart: gloo}}
          values: {discovery: {enabled: false}}
      - not an object
    `
    const lf = loadFile('list.yaml', text)
    expect(lf.objects.map((o) => `${o.kind}/${o.namespace ?? ''}/${o.name}`)).toEqual(['ServiceAccount/gloo-system/gateway-proxy', 'HelmRelease//gloo'])
    expect(lf.values.map((v) => v.form)).toEqual(['helm-release'])
  })

  it('skips null, scalar and sequence documents', () => {
    const lf = loadFile('m.yaml', '---\n---\n~\n---\n- a\n---\nplain\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: gloo-system\n  labels: {team: edge}\n')
    expect(lf.file.parse.documents).toHaveLength(5)
    expect(lf.objects.map((o) => [o.gvk, o.name, o.labels])).toEqual([['v1/Namespace', 'gloo-system', { team: 'edge' }]])
  })
})

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url))

describe('real corpus: Argo CD Applications with block-scalar values', () => {
  if (!existsSync(corpus)) {
    it.skip(`skipped: ${corpus} does not exist`, () => {})
    return
  }
  const read = (name: string) => readFileSync(join(corpus, name), 'utf8')

  it('maps the enterprise Application values onto the outer file', () => {
    const text = read('solo-gitops-library-argocd-gloo-ee.yaml')
    const v = only('gloo-ee.yaml', text)
    expect([v.form, v.chart, v.prefix]).toEqual(['argo-application', 'gloo-ee', 'gloo.'])
    expect(settled(v)).toEqual(['1.12.15', 'the Application targetRevision'])
    const root = v.layers[0].root
    const lic = getNode(root, ['gloo', 'license_secret_name']) as ScalarNode
    expect([lic.value, at(v, lic)]).toEqual(['license', '21:32-21:39'])
    expect(at(v, getNode(root, ['gloo-fed', 'glooFedApiserver', 'enable']))).toBe('26:21-26:25')
    expect(at(v, getGlobal(v, ['extensions', 'extAuth', 'requestTimeout'])!.node)).toBe('31:31-31:33')
    expect(text.split('\n')[30].slice(30, 32)).toBe('2s')
    const out = fix(v, ['gateway', 'validation', 'alwaysAcceptResources'], 'false')
    expect(out).toContain('          license_secret_name: license\n          gateway:\n            validation:\n              alwaysAcceptResources: false\n        gloo-fed:')
    const inner = load(str(getNode(parseDocuments(out).documents[0].root, ['spec', 'source', 'helm']), ['values'])!) as { gloo: unknown }
    expect(inner.gloo).toEqual({ license_secret_name: 'license', gateway: { validation: { alwaysAcceptResources: false } } })
  })

  it('keeps the OSS Application whose values string is only a comment, and writes a fix into that string', () => {
    const text = read('solo-gitops-library-argocd-gloo-oss.yaml')
    const v = only('gloo-oss.yaml', text)
    // One empty layer: the literal block, where new keys are appended at its content indentation.
    expect(v.layers.map((l) => [l.root.pairs.length, l.appendAt?.column])).toEqual([[0, 8]])
    expect(settled(v)[0]).toBe('1.12.16')
    const out = fix(v, ['discovery', 'enabled'], 'false')
    expect(out).toContain('      values: |\n        # no values takes the default values.yaml\n        discovery:\n          enabled: false\n    repoURL:')
    expect(out).not.toContain('valuesObject')
  })
})
