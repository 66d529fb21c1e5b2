/**
 * Classifies every document of a file into the input forms of the rule catalog (section 1): Kubernetes
 * objects, gloo / gloo-ee chart values (plain, umbrella, Flux HelmRelease, Argo CD Application) and
 * the chart version that decides the defaults.
 */
import { LineIndex } from './position.js'
import { EditSource } from './edits.js'
import { asString, deref, findPair, getNode, isMap, keyOf, mapEntries, scalarValue, seqItems, str } from './query.js'
import { parseDocuments, remapOffsets, walk, type MapNode, type ParseResult, type ScalarNode, type YamlDocument, type YamlNode } from './tree.js'
import { parseVersion, type Version } from './version.js'

export interface SourceFile {
  /** Repo-relative, forward slashes. */
  path: string
  text: string
  lines: LineIndex
  edit: EditSource
  parse: ParseResult
  /** Why the file was not parsed (Helm template, too large, binary); a notice names it. */
  skipped?: string
}

export interface KubeObject {
  file: SourceFile
  doc: YamlDocument
  root: MapNode
  apiVersion: string
  /** `group/version/Kind`, e.g. `apps/v1/Deployment`. */
  gvk: string
  kind: string
  name: string
  namespace?: string
  labels: Record<string, string>
  annotations: Record<string, string>
}

/** One source of chart values, highest precedence first in `ValuesInput.layers`. */
export interface ValuesLayer {
  /** The map where the values start (the document root, `spec.values`, an embedded document root …). */
  root: MapNode
  /** Path from `root` to the map of the OSS chart's keys: [] for the gloo chart, ['gloo'] for gloo-ee. */
  ossPath: string[]
  /** Built from `--set`-style parameters: nodes can be replaced but nothing can be inserted. */
  synthetic?: boolean
  /** The embedded-document parse, when the values were a YAML string. */
  embedded?: boolean
}

export type ValuesForm =
  | 'values'
  | 'enterprise-values'
  | 'umbrella-values'
  | 'helm-release'
  | 'argo-application'

export interface ValuesInput {
  file: SourceFile
  doc: YamlDocument
  form: ValuesForm
  chart: 'gloo' | 'gloo-ee'
  /** Prefix of OSS keys as users write them: '' or 'gloo.' or 'gloo-ee.gloo.' … */
  prefix: string
  layers: ValuesLayer[]
  /** The node a finding about missing values points at when no layer exists (e.g. `spec:` of a HelmRelease). */
  anchor: YamlNode
  chartVersion?: Version
  versionSource?: string
  /** The HelmRelease or Application that carries these values. */
  wrapper?: KubeObject
  /** Notices the loader wants to give (valuesFrom cannot be resolved …). */
  notes: { node: YamlNode; message: string }[]
}

export interface LoadedFile {
  file: SourceFile
  objects: KubeObject[]
  values: ValuesInput[]
}

export interface LoadOptions {
  /** The `gloo-version` option: overrides every other version source. */
  glooVersion?: string
  /** Content of a `Chart.yaml` next to the file, if any (for umbrella charts). */
  siblingChart?: string
  /** The file already parsed (`parseDocuments(text)`): the engine parses once and classifies twice. */
  parse?: ParseResult
}

const OSS_ROOT_KEYS = ['gatewayProxies', 'settings', 'gateway', 'discovery', 'ingress', 'crds', 'k8s', 'namespace']
const EE_ROOT_KEYS = ['license_key', 'create_license_secret', 'gloo-fed', 'observability', 'redis', 'prometheus', 'grafana', 'glooUi', 'rateLimit', 'extAuth', 'apiServer']

// `{{ .Values.x }}`, `{{- if`, `{{$x := …}}`, `{{/* … */}}`: what can follow `{{` in a Go template action.
const DIRECTIVE = /\{\{-?[\s.$(/A-Za-z_"]/g

/**
 * A Helm template (Go template directives outside comments, quoted strings and block scalars) is not
 * YAML. With a successful parse the tree decides exactly (a directive inside a quoted or block scalar is
 * text; in a plain scalar or as a flow mapping it is a template); otherwise a line scan decides. Linear in
 * the size of the text.
 */
export function isHelmTemplate(text: string, parse?: ParseResult): boolean {
  if (!text.includes('{{')) return false
  if (parse && !parse.error) return templateInTree(text, parse)
  let lineStart = 0
  let quote = ''
  let comment = false
  // The last non-blank character of the line so far: a quote only opens a string where a scalar starts
  // (`it's {{ .x }}` is a plain scalar with an apostrophe, not a quoted one).
  let prev = ''
  let i = 0
  DIRECTIVE.lastIndex = 0
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    // Advance the per-line quote/comment state up to the directive, each character once.
    for (; i < m.index; i++) {
      const c = text[i]
      if (c === '\n' || c === '\r') {
        lineStart = i + 1
        quote = ''
        comment = false
        prev = ''
      } else if (comment) continue
      else if (quote) {
        // `''` inside single quotes and `\"` inside double quotes do not close the string.
        if (quote === "'" && c === "'" && text[i + 1] === "'") i++
        else if (quote === '"' && c === '\\') i++
        else if (c === quote) quote = ''
      } else if ((c === '"' || c === "'") && (prev === '' || ':-[{,?'.includes(prev))) quote = c
      else if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) comment = true
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') prev = c
    }
    if (!quote && !comment) return true
  }
  return false
}

function templateInTree(text: string, parse: ParseResult): boolean {
  // Text ranges where `{{` is only text: quoted and block scalars. Plain scalars and flow maps are not.
  const literal: [number, number][] = []
  const code: [number, number][] = []
  for (const doc of parse.documents)
    for (const n of walk(doc.root)) {
      if (n.kind === 'scalar' && !n.empty) (n.style === 'plain' ? code : literal).push([n.start, n.end])
      else if (n.kind === 'map' && n.flow && text[n.start] === '{') code.push([n.start, n.start + 1])
    }
  const inside = (ranges: [number, number][], at: number): boolean => {
    // Scalars never overlap one another, so a binary search over sorted starts finds the candidate.
    let lo = 0
    let hi = ranges.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (ranges[mid][0] <= at) lo = mid
      else hi = mid - 1
    }
    return ranges.length > 0 && ranges[lo][0] <= at && at < ranges[lo][1]
  }
  literal.sort((a, b) => a[0] - b[0])
  code.sort((a, b) => a[0] - b[0])
  DIRECTIVE.lastIndex = 0
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    if (inside(literal, m.index)) continue
    // Outside every scalar and not opening a flow map: a comment.
    if (inside(code, m.index)) return true
  }
  return false
}

export function makeSourceFile(path: string, text: string, skipped?: string, parsed?: ParseResult): SourceFile {
  const parse: ParseResult = skipped ? { documents: [], aliasCount: 0 } : parsed ?? parseDocuments(text)
  const lines = new LineIndex(text)
  return {
    path,
    text,
    lines,
    edit: new EditSource(text, parse.documents.map((d) => d.root), { lines }),
    parse,
    skipped
  }
}

/** Loads one file: parse (unless a Helm template), then classify each document. */
export function loadFile(path: string, text: string, options: LoadOptions = {}): LoadedFile {
  const parse = options.parse ?? parseDocuments(text)
  const skip = isHelmTemplate(text, parse) ? 'it is a Helm template (Go template directives), not YAML' : undefined
  const file = makeSourceFile(path, text, skip, parse)
  const objects: KubeObject[] = []
  const values: ValuesInput[] = []
  if (file.skipped || file.parse.error) return { file, objects, values }
  const chart = options.siblingChart ? umbrellaDependency(options.siblingChart) : undefined
  for (const doc of file.parse.documents) {
    const root = deref(doc.root)
    if (!root || root.kind !== 'map') continue
    const obj = toKubeObject(file, doc, root)
    if (obj) {
      if (obj.kind === 'List') {
        for (const item of seqItems(getNode(root, ['items']))) {
          if (item.kind !== 'map') continue
          const inner = toKubeObject(file, doc, item)
          if (!inner) continue
          objects.push(inner)
          values.push(...wrappedValues(inner, options))
        }
        continue
      }
      objects.push(obj)
      const wrapped = wrappedValues(obj, options)
      values.push(...wrapped)
      continue
    }
    const v = plainValues(file, doc, root, chart, options)
    if (v) values.push(v)
  }
  return { file, objects, values }
}

function stringMap(node: YamlNode | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of mapEntries(node)) out[keyOf(p)] = asString(p.value) ?? ''
  return out
}

function toKubeObject(file: SourceFile, doc: YamlDocument, root: MapNode): KubeObject | null {
  const apiVersion = str(root, ['apiVersion'])
  const kind = str(root, ['kind'])
  if (!apiVersion || !kind) return null
  const meta = getNode(root, ['metadata'])
  return {
    file,
    doc,
    root,
    apiVersion,
    kind,
    gvk: `${apiVersion}/${kind}`,
    name: str(meta, ['name']) ?? '',
    namespace: str(meta, ['namespace']),
    labels: stringMap(getNode(meta, ['labels'])),
    annotations: stringMap(getNode(meta, ['annotations']))
  }
}

/** `dependencies[]` of an umbrella Chart.yaml that name gloo / gloo-ee. */
export function umbrellaDependency(chartYaml: string): { key: string; chart: 'gloo' | 'gloo-ee'; version?: string } | undefined {
  const parsed = parseDocuments(chartYaml)
  const root = parsed.documents[0]?.root ?? null
  for (const dep of seqItems(getNode(root, ['dependencies']))) {
    const name = str(dep, ['name'])
    if (name !== 'gloo' && name !== 'gloo-ee') continue
    return { key: str(dep, ['alias']) ?? name, chart: name, version: str(dep, ['version']) }
  }
  return undefined
}

function plainValues(
  file: SourceFile,
  doc: YamlDocument,
  root: MapNode,
  umbrella: { key: string; chart: 'gloo' | 'gloo-ee'; version?: string } | undefined,
  options: LoadOptions
): ValuesInput | null {
  if (umbrella && findPair(root, umbrella.key)) {
    const ossPath = umbrella.chart === 'gloo-ee' ? [umbrella.key, 'gloo'] : [umbrella.key]
    const input = makeValues(file, doc, 'umbrella-values', umbrella.chart, [{ root, ossPath }], root)
    input.prefix = ossPath.join('.') + '.'
    setVersion(input, options, [['Chart.yaml dependency version', umbrella.version]])
    return input
  }
  const chart = detectChart(root)
  if (!chart) return null
  const input = makeValues(
    file,
    doc,
    chart === 'gloo-ee' ? 'enterprise-values' : 'values',
    chart,
    [{ root, ossPath: chart === 'gloo-ee' ? ['gloo'] : [] }],
    root
  )
  setVersion(input, options, [])
  return input
}

/** Which chart a values map is for, or undefined when it is not Gloo values at all. */
export function detectChart(root: MapNode): 'gloo' | 'gloo-ee' | undefined {
  const keys = new Set(mapEntries(root).map(keyOf))
  const glooMap = getNode(root, ['gloo'])
  if (EE_ROOT_KEYS.some((k) => keys.has(k))) return 'gloo-ee'
  if (isMap(glooMap) && ['gatewayProxies', 'settings', 'gateway', 'discovery', 'gloo'].some((k) => findPair(glooMap, k))) {
    // `gloo.deployment` alone is the OSS control-plane key; `gloo.gatewayProxies` is enterprise.
    const inner = new Set(mapEntries(glooMap).map(keyOf))
    if (['gatewayProxies', 'settings', 'gateway', 'discovery', 'gloo'].some((k) => inner.has(k))) return 'gloo-ee'
  }
  if (OSS_ROOT_KEYS.some((k) => keys.has(k) && k !== 'namespace' && k !== 'k8s' && k !== 'crds')) return 'gloo'
  if (isMap(glooMap) && ['deployment', 'disableLeaderElection', 'headerSecretRefNsMatchesUs', 'logLevel', 'xdsPort', 'serviceAccount'].some((k) => findPair(glooMap, k))) return 'gloo'
  const global = getNode(root, ['global'])
  if (findPair(global, 'glooRbac') || findPair(global, 'istioSDS') || findPair(global, 'glooStats')) return 'gloo'
  return undefined
}

function makeValues(
  file: SourceFile,
  doc: YamlDocument,
  form: ValuesForm,
  chart: 'gloo' | 'gloo-ee',
  layers: ValuesLayer[],
  anchor: YamlNode
): ValuesInput {
  return { file, doc, form, chart, prefix: chart === 'gloo-ee' ? 'gloo.' : '', layers, anchor, notes: [] }
}

/** Sets the chart version from the first source that has one (the `gloo-version` option wins). */
function setVersion(input: ValuesInput, options: LoadOptions, sources: [string, string | undefined][]): void {
  const all: [string, string | undefined][] = [['the gloo-version option', options.glooVersion], ...sources]
  for (const layer of input.layers) {
    const oss = getNode(layer.root, layer.ossPath)
    for (const p of [
      ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'image', 'tag'],
      ['gloo', 'deployment', 'image', 'tag'],
      ['global', 'image', 'tag']
    ]) {
      const base = p[0] === 'global' ? layer.root : oss
      all.push(['the image tag', str(base, p)])
    }
  }
  for (const [source, raw] of all) {
    const v = parseVersion(raw)
    if (v) {
      input.chartVersion = v
      input.versionSource = source
      return
    }
  }
}

function wrappedValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  if (obj.kind === 'HelmRelease' && obj.apiVersion.startsWith('helm.toolkit.fluxcd.io/')) return fluxValues(obj, options)
  if (obj.kind === 'Application' && obj.apiVersion.startsWith('argoproj.io/')) return argoValues(obj, options)
  return []
}

function chartName(name: string | undefined): 'gloo' | 'gloo-ee' | undefined {
  if (!name) return undefined
  const base = name.split('/').pop()
  return base === 'gloo' || base === 'gloo-ee' ? base : undefined
}

function fluxValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  const chartSpec = getNode(obj.root, ['spec', 'chart', 'spec'])
  const chart = chartName(str(chartSpec, ['chart']))
  if (!chart) return []
  const spec = getNode(obj.root, ['spec'])!
  const valuesNode = getNode(spec, ['values'])
  const layers: ValuesLayer[] = []
  const ossPath = chart === 'gloo-ee' ? ['gloo'] : []
  if (valuesNode?.kind === 'map') layers.push({ root: valuesNode, ossPath })
  const input = makeValues(obj.file, obj.doc, 'helm-release', chart, layers, valuesNode ?? spec)
  input.wrapper = obj
  const from = findPair(spec, 'valuesFrom')
  if (from)
    input.notes.push({
      node: from.key,
      message: `spec.valuesFrom cannot be resolved from the repository; values it supplies are not checked.`
    })
  setVersion(input, options, [['the HelmRelease spec.chart.spec.version', str(chartSpec, ['version'])]])
  return [input]
}

function argoValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  const spec = getNode(obj.root, ['spec'])
  const sources = [getNode(spec, ['source']), ...seqItems(getNode(spec, ['sources']))].filter((s): s is YamlNode => !!s)
  const out: ValuesInput[] = []
  for (const source of sources) {
    const chart = chartName(str(source, ['chart']))
    const repo = str(source, ['repoURL']) ?? ''
    if (!chart) continue
    if (!/solo-public-helm|gloo-ee-helm|solo-io|gloo/.test(repo)) continue
    const helm = getNode(source, ['helm'])
    const ossPath = chart === 'gloo-ee' ? ['gloo'] : []
    const layers: ValuesLayer[] = []
    // Precedence in Argo CD: parameters > valuesObject > values.
    const params = syntheticFromParameters(obj.file, getNode(helm, ['parameters']))
    if (params) layers.push({ root: params, ossPath, synthetic: true })
    const valuesObject = getNode(helm, ['valuesObject'])
    if (valuesObject?.kind === 'map') layers.push({ root: valuesObject, ossPath })
    const input = makeValues(obj.file, obj.doc, 'argo-application', chart, layers, helm ?? source)
    input.wrapper = obj
    const valuesPair = findPair(helm, 'values')
    const vs = valuesPair ? deref(valuesPair.value) : null
    if (vs && vs.kind === 'scalar' && !vs.empty) {
      const embedded = embedValues(obj.file, vs)
      if (embedded.root) layers.push({ root: embedded.root, ossPath, embedded: true })
      if (embedded.note) input.notes.push({ node: vs, message: embedded.note })
    } else if (vs && vs.kind === 'map') layers.push({ root: vs, ossPath })
    setVersion(input, options, [['the Application targetRevision', str(source, ['targetRevision'])]])
    out.push(input)
  }
  return out
}

/**
 * Parses the YAML string of `spec.source.helm.values` and moves every offset of the inner tree to the
 * outer file, so findings and fixes land on the outer file's lines. Only literal block scalars (`|`)
 * keep a line-for-line mapping; other styles are checked only when they hold a single line.
 */
function embedValues(file: SourceFile, scalar: ScalarNode): { root: MapNode | null; note?: string } {
  const inner = scalar.value
  if (!inner.trim()) return { root: null }
  const parsed = parseDocuments(inner)
  if (parsed.error)
    return { root: null, note: `spec.source.helm.values is not valid YAML (line ${parsed.error.line} of the string: ${parsed.error.message}); it was not checked.` }
  const root = deref(parsed.documents[0]?.root ?? null)
  if (!root || root.kind !== 'map') return { root: null }
  if (scalar.style !== 'literal') {
    // A one-line string maps column for column only if no escape (`\"`, `''`) shifted its characters.
    const q = scalar.style === 'plain' ? 0 : 1
    if (scalar.style === 'folded' || inner.includes('\n') || file.text.slice(scalar.start + q, scalar.end - q) !== inner)
      return { root: null, note: `spec.source.helm.values is a ${scalar.style} string whose lines cannot be mapped back to this file; use a literal block (|) to have it checked.` }
  }
  const innerLines = new LineIndex(inner)
  const literal = scalar.style === 'literal'
  // A literal block's content starts on the line after its `|` header, indented by blockIndent.
  const firstLine = file.lines.positionAt(scalar.start).line + (literal ? 1 : 0)
  const baseCol = literal ? scalar.blockIndent ?? 0 : file.lines.positionAt(scalar.start).column - 1 + (scalar.style === 'plain' ? 0 : 1)
  const map = (o: number): number => {
    const p = innerLines.positionAt(o)
    const line = firstLine + p.line - 1
    if (line > file.lines.lineCount) return scalar.end
    const ls = file.lines.lineStart(line)
    return Math.min(ls + baseCol + p.column - 1, Math.max(file.lines.lineEnd(line), ls), scalar.end)
  }
  remapOffsets(root, map)
  return { root }
}

/**
 * Builds a values tree from Argo `helm.parameters` (`name: a.b.c`, `value: x`): the leaves are the real
 * `value` nodes of the file (so they can be replaced in place), the maps in between are synthetic.
 */
function syntheticFromParameters(file: SourceFile, params: YamlNode | null): MapNode | null {
  const items = seqItems(params)
  if (!items.length) return null
  const root: MapNode = { kind: 'map', pairs: [], flow: false, start: params!.start, end: params!.end, parent: null }
  for (const item of items) {
    const name = str(item, ['name'])
    const valuePair = findPair(item, 'value')
    if (!name || !valuePair) continue
    const parts = name.split(/(?<!\\)\./).map((s) => s.replace(/\\\./g, '.'))
    let m = root
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1
      const existing = findPair(m, parts[i])
      const keyNode: ScalarNode = { kind: 'scalar', value: parts[i], style: 'plain', empty: false, start: item.start, end: item.end, parent: m }
      if (last) {
        const pair = { key: keyNode, value: valuePair.value }
        if (existing) m.pairs.splice(m.pairs.indexOf(existing), 1)
        m.pairs.push(pair)
      } else {
        let next = existing ? deref(existing.value) : null
        if (!next || next.kind !== 'map') {
          next = { kind: 'map', pairs: [], flow: false, start: item.start, end: item.end, parent: m }
          m.pairs.push({ key: keyNode, value: next })
        }
        m = next
      }
    }
  }
  void file
  void scalarValue
  return root
}
