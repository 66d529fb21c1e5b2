/**
 * Classifies every document of a file into the input forms of the rule catalog (section 1): Kubernetes
 * objects, gloo / gloo-ee chart values (plain, umbrella, Flux HelmRelease, Argo CD Application) and
 * the chart version that decides the defaults.
 */
import { LineIndex } from '../yaml/position.js'
import { EditSource } from '../yaml/edits.js'
import { asString, deref, findPair, getNode, keyOf, mapEntries, seqItems, str } from '../yaml/query.js'
import { parseDocuments, remapOffsets, walk, type MapNode, type Pair, type ParseResult, type ScalarNode, type YamlDocument, type YamlNode } from '../yaml/tree.js'
import type { Version } from '../gloo/version.js'
import { flavourOf, valuesEvidence, type Chart, type Evidence } from '../gloo/evidence.js'

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
  /** The file the layer's nodes are in (findings and fixes on the layer go there). */
  file: SourceFile
  /** What the layer is, for messages: `values-prod.yaml`, `Application gloo spec.source.helm.values` … */
  source: string
  /** Built from `--set`-style parameters: nodes can be replaced but nothing can be inserted. */
  synthetic?: boolean
  /** The embedded-document parse, when the values were a YAML string. */
  embedded?: boolean
  /** An empty (or comments-only) values file: new keys go at its end. */
  emptyFile?: boolean
  /**
   * A layer with no mapping yet that new keys are appended to: the end of an empty values file (column 0), or the
   * end of an Argo CD `helm.values` literal block that holds only comments (at its content indentation).
   */
  appendAt?: { offset: number; column: number }
}

export type ValuesForm =
  | 'values'
  | 'enterprise-values'
  | 'umbrella-values'
  | 'helm-release'
  | 'argo-application'
  | 'helmfile'
  | 'kustomize'
  | 'umbrella'

/**
 * A values layer a descriptor names but does not hold: a file of the repository, a ConfigMap, or something
 * that cannot be read from it (a Secret, a remote file, a template). Precedence order is the order of
 * `ValuesInput.stack`, lowest first.
 */
export type LayerRef =
  | { kind: 'inline'; layer: ValuesLayer }
  | { kind: 'file'; path: string; ossPath: string[]; optional?: boolean; origin: string }
  | { kind: 'configmap'; name: string; namespace?: string; key: string; ossPath: string[]; optional?: boolean; origin: string }
  | { kind: 'unresolved'; what: string; node: YamlNode }

export interface ValuesInput {
  file: SourceFile
  doc: YamlDocument
  form: ValuesForm
  chart: Chart
  /** Prefix of OSS keys as users write them: '' or 'gloo.' or 'gloo-ee.gloo.' … */
  prefix: string
  /** The layers, highest precedence first (an install's are set when it is put together). */
  layers: ValuesLayer[]
  /** Every layer in precedence order, lowest first, as the descriptor names them (the install resolves them). */
  stack: LayerRef[]
  /** The node a finding about missing values points at when no layer exists (e.g. `spec:` of a HelmRelease). */
  anchor: YamlNode
  chartVersion?: Version
  versionSource?: string
  /** The raw chart version the descriptor names (`targetRevision`, `spec.chart.spec.version` …), before tags. */
  declaredVersion?: { raw: string; source: string }
  /** The HelmRelease or Application that carries these values. */
  wrapper?: KubeObject
  /** A plain values document: the evidence it carries (section 1.2). Descriptors have none: they name the chart. */
  evidence?: Evidence
  /** Descriptors: the release name (Argo/Flux object name, helmfile release, kustomize releaseName). */
  name?: string
  /** The release namespace when the descriptor gives one. */
  namespace?: string
  /** Kustomize: the `resources:` of the kustomization (its members). */
  resources?: string[]
  /** Argo: a git path source (an umbrella chart folder, repo-relative). */
  chartPath?: string
  /** Umbrella: the dependency's `condition` (comma-separated values paths; the first that is set decides). */
  condition?: string
  /** The config's `fixTarget`: the layer (file path) missing keys are written to. */
  fixTarget?: string
  /** The install these values are the effective values of, once put together. */
  install?: string
  /** Notices the loader wants to give (a values string that does not parse …). */
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
  /** The file already parsed (`parseDocuments(text)`): the engine parses once and classifies twice. */
  parse?: ParseResult
}

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
  const base = basename(path)
  for (const doc of file.parse.documents) {
    const root = deref(doc.root)
    if (!root || root.kind !== 'map') continue
    if (CHART_FILE.test(base)) {
      values.push(...umbrellaValues(file, doc, root, options))
      continue
    }
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
      values.push(...wrappedValues(obj, options))
      if (obj.kind === 'Kustomization') values.push(...kustomizeValues(file, doc, root, options))
      continue
    }
    if (isSeqOfCharts(getNode(root, ['helmCharts']))) {
      values.push(...kustomizeValues(file, doc, root, options))
      continue
    }
    if (isSeqOfCharts(getNode(root, ['releases']))) {
      values.push(...helmfileValues(file, doc, root, options))
      continue
    }
    values.push(plainValues(file, doc, root, options))
  }
  return { file, objects, values }
}

export const CHART_FILE = /^(Chart|requirements)\.ya?ml$/
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
/** The folder of a repo-relative path ('' at the root). */
export const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')

/**
 * A path relative to a repo folder, normalised (`a/b/../c` → `a/c`); undefined when it leaves the repository,
 * is absolute, a URL, or a template.
 */
export function resolveRel(dir: string, rel: string): string | undefined {
  if (!rel || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.includes('{{') || rel.startsWith('/')) return undefined
  const parts = dir ? dir.split('/') : []
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (!parts.length) return undefined
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}

const isSeqOfCharts = (n: YamlNode | null): boolean => seqItems(n).some((i) => str(i, ['chart']) !== undefined || str(i, ['name']) !== undefined)

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

/** A `Chart.yaml` text with a `gloo` / `gloo-ee` dependency (a cheap test; the loader reads it properly). */
export function namesGlooDependency(chartYaml: string): boolean {
  return /^\s*-?\s*name:\s*["']?gloo(-ee)?["']?\s*(#.*)?$/m.test(chartYaml)
}

/** The chart a reference names: `gloo` / `gloo-ee`, also as `<repo>/gloo` or an OCI reference ending in it. */
export function chartName(name: string | undefined): Chart | undefined {
  if (!name) return undefined
  const base = name.replace(/[@:][^/]*$/, '').split('/').pop()
  return base === 'gloo' || base === 'gloo-ee' ? base : undefined
}

const ossPathOf = (chart: Chart): string[] => (chart === 'gloo-ee' ? ['gloo'] : [])

function makeValues(file: SourceFile, doc: YamlDocument, form: ValuesForm, chart: Chart, anchor: YamlNode, stack: LayerRef[] = []): ValuesInput {
  const layers = stack.flatMap((r) => (r.kind === 'inline' ? [r.layer] : [])).reverse()
  return { file, doc, form, chart, prefix: chart === 'gloo-ee' ? 'gloo.' : '', layers, stack, anchor, notes: [] }
}

const inline = (layer: ValuesLayer): LayerRef => ({ kind: 'inline', layer })

/** A plain values document: a candidate, Gloo only on evidence or when a descriptor or the config names it. */
function plainValues(file: SourceFile, doc: YamlDocument, root: MapNode, options: LoadOptions): ValuesInput {
  void options
  const evidence = valuesEvidence(root)
  const chart = flavourOf(evidence)
  const v = makeValues(file, doc, chart === 'gloo-ee' ? 'enterprise-values' : 'values', chart, root, [
    inline({ root, ossPath: ossPathOf(chart), file, source: file.path })
  ])
  v.evidence = evidence
  return v
}

/** `dependencies[]` of an umbrella `Chart.yaml` (v1: `requirements.yaml`) that name gloo / gloo-ee: one descriptor each. */
function umbrellaValues(file: SourceFile, doc: YamlDocument, root: MapNode, options: LoadOptions): ValuesInput[] {
  void options
  const out: ValuesInput[] = []
  for (const dep of seqItems(getNode(root, ['dependencies']))) {
    const chart = chartName(str(dep, ['name']))
    if (!chart || str(dep, ['name']) !== chart) continue
    const key = str(dep, ['alias']) ?? chart
    const v = makeValues(file, doc, 'umbrella', chart, getNode(dep, ['name']) ?? dep)
    v.prefix = `${key}.${chart === 'gloo-ee' ? 'gloo.' : ''}`
    v.name = dirOf(file.path) || '.'
    const version = str(dep, ['version'])
    if (version) v.declaredVersion = { raw: version, source: `the ${basename(file.path)} dependency version` }
    const condition = str(dep, ['condition'])
    if (condition) v.condition = condition
    out.push(v)
  }
  return out
}

/** The ossPath of an umbrella's layers: `[alias]`, `[alias, 'gloo']` for gloo-ee. */
export const umbrellaOssPath = (v: ValuesInput): string[] => v.prefix.split('.').filter(Boolean)

function wrappedValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  if (obj.kind === 'HelmRelease' && obj.apiVersion.startsWith('helm.toolkit.fluxcd.io/')) return fluxValues(obj, options)
  if (obj.kind === 'Application' && obj.apiVersion.startsWith('argoproj.io/')) return argoValues(obj, options)
  return []
}

function fluxValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  void options
  const chartSpec = getNode(obj.root, ['spec', 'chart', 'spec'])
  const chart = chartName(str(chartSpec, ['chart']))
  if (!chart) return []
  const spec = getNode(obj.root, ['spec'])!
  const ossPath = ossPathOf(chart)
  const stack: LayerRef[] = []
  const file = obj.file
  for (const f of seqItems(getNode(chartSpec, ['valuesFiles'])))
    stack.push({ kind: 'unresolved', what: `spec.chart.spec.valuesFiles '${asString(f) ?? ''}' (a file of the chart source)`, node: f })
  for (const item of seqItems(getNode(spec, ['valuesFrom']))) {
    const kind = str(item, ['kind'])
    const name = str(item, ['name']) ?? ''
    const optional = getNode(item, ['optional'])?.kind === 'scalar' && str(item, ['optional']) === 'true'
    if (kind === 'ConfigMap' && !getNode(item, ['targetPath']))
      stack.push({ kind: 'configmap', name, namespace: obj.namespace, key: str(item, ['valuesKey']) ?? 'values.yaml', ossPath, optional, origin: `spec.valuesFrom ConfigMap ${name}` })
    else if (!optional) stack.push({ kind: 'unresolved', what: `spec.valuesFrom ${kind ?? '?'} ${name}${getNode(item, ['targetPath']) ? ' (targetPath)' : ''}`, node: item })
  }
  const valuesNode = getNode(spec, ['values'])
  if (valuesNode?.kind === 'map') stack.push(inline({ root: valuesNode, ossPath, file, source: `HelmRelease ${obj.name} spec.values` }))
  const v = makeValues(file, obj.doc, 'helm-release', chart, valuesNode ?? spec, stack)
  v.wrapper = obj
  v.name = `HelmRelease ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}`
  v.namespace = str(spec, ['targetNamespace']) ?? obj.namespace
  const version = str(chartSpec, ['version'])
  if (version) v.declaredVersion = { raw: version, source: 'the HelmRelease spec.chart.spec.version' }
  return [v]
}

function argoValues(obj: KubeObject, options: LoadOptions): ValuesInput[] {
  void options
  const spec = getNode(obj.root, ['spec'])
  const sources = [getNode(spec, ['source']), ...seqItems(getNode(spec, ['sources']))].filter((s): s is YamlNode => !!s)
  const out: ValuesInput[] = []
  const file = obj.file
  for (const source of sources) {
    const chart = chartName(str(source, ['chart']))
    const path = str(source, ['path'])
    if (!chart && (path === undefined || !getNode(source, ['helm']))) continue
    const gitPath = !chart && path !== undefined ? resolveRel('', path) ?? undefined : undefined
    if (!chart && gitPath === undefined) continue
    const helm = getNode(source, ['helm'])
    const ossPath = chart ? ossPathOf(chart) : []
    const stack: LayerRef[] = []
    const ignoreMissing = str(helm, ['ignoreMissingValueFiles']) === 'true'
    for (const f of seqItems(getNode(helm, ['valueFiles']))) {
      const raw = asString(f) ?? ''
      const ref = /^\$[A-Za-z0-9_-]+\/(.*)$/.exec(raw)
      const target = ref ? resolveRel('', ref[1]) : gitPath !== undefined ? resolveRel(gitPath, raw) : undefined
      if (target !== undefined) stack.push({ kind: 'file', path: target, ossPath, optional: ignoreMissing, origin: `valueFiles ${raw}` })
      else if (!ignoreMissing) stack.push({ kind: 'unresolved', what: `helm.valueFiles '${raw}'${chart ? ' (a file of the chart package)' : ''}`, node: f })
    }
    const notes: ValuesInput['notes'] = []
    const valuesPair = findPair(helm, 'values')
    const vs = valuesPair ? deref(valuesPair.value) : null
    if (vs && vs.kind === 'scalar' && !vs.empty) {
      const embedded = embedValues(file, vs)
      if (embedded.root) stack.push(inline({ root: embedded.root, ossPath, file, source: `Application ${obj.name} helm.values`, embedded: true }))
      else if (embedded.appendAt) {
        // Findings about missing keys point at the string's `|` header; fixes append inside the block.
        const empty: MapNode = { kind: 'map', pairs: [], flow: false, start: vs.start, end: vs.start, parent: null }
        stack.push(inline({ root: empty, ossPath, file, source: `Application ${obj.name} helm.values`, embedded: true, appendAt: embedded.appendAt }))
      }
      if (embedded.note) notes.push({ node: vs, message: embedded.note })
    } else if (vs && vs.kind === 'map') stack.push(inline({ root: vs, ossPath, file, source: `Application ${obj.name} helm.values` }))
    const valuesObject = getNode(helm, ['valuesObject'])
    if (valuesObject?.kind === 'map') stack.push(inline({ root: valuesObject, ossPath, file, source: `Application ${obj.name} helm.valuesObject` }))
    const params = syntheticFromParameters(getNode(helm, ['parameters']))
    if (params) stack.push(inline({ root: params, ossPath, file, source: `Application ${obj.name} helm.parameters`, synthetic: true }))
    const v = makeValues(file, obj.doc, 'argo-application', chart ?? 'gloo', helm ?? source, stack)
    v.notes.push(...notes)
    v.wrapper = obj
    v.name = `Application ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}${out.length ? `#${out.length + 1}` : ''}`
    v.namespace = str(spec, ['destination', 'namespace'])
    if (gitPath !== undefined) v.chartPath = gitPath
    const version = str(source, ['targetRevision'])
    if (chart && version) v.declaredVersion = { raw: version, source: 'the Application targetRevision' }
    out.push(v)
  }
  return out
}

/** helmfile `releases[]` of the gloo / gloo-ee chart. */
function helmfileValues(file: SourceFile, doc: YamlDocument, root: MapNode, options: LoadOptions): ValuesInput[] {
  void options
  const out: ValuesInput[] = []
  const dir = dirOf(file.path)
  for (const release of seqItems(getNode(root, ['releases']))) {
    const chart = chartName(str(release, ['chart']))
    if (!chart) continue
    const ossPath = ossPathOf(chart)
    const name = str(release, ['name']) ?? chart
    const stack: LayerRef[] = []
    for (const item of seqItems(getNode(release, ['values']))) {
      const d = deref(item)
      if (d?.kind === 'map') stack.push(inline({ root: d, ossPath, file, source: `helmfile release ${name} values` }))
      else {
        const raw = asString(d) ?? ''
        const target = /\.gotmpl$/.test(raw) ? undefined : resolveRel(dir, raw)
        if (target !== undefined) stack.push({ kind: 'file', path: target, ossPath, origin: `helmfile values ${raw}` })
        else stack.push({ kind: 'unresolved', what: `helmfile values '${raw}'`, node: item })
      }
    }
    for (const key of ['set', 'setString']) {
      const params = syntheticFromParameters(getNode(release, [key]))
      if (params) stack.push(inline({ root: params, ossPath, file, source: `helmfile release ${name} ${key}`, synthetic: true }))
    }
    const v = makeValues(file, doc, 'helmfile', chart, getNode(release, ['chart']) ?? release, stack)
    v.name = `helmfile release ${name}`
    v.namespace = str(release, ['namespace'])
    const version = str(release, ['version'])
    if (version) v.declaredVersion = { raw: version, source: 'the helmfile release version' }
    out.push(v)
  }
  return out
}

/** Kustomize `helmCharts[]` of the gloo / gloo-ee chart. */
function kustomizeValues(file: SourceFile, doc: YamlDocument, root: MapNode, options: LoadOptions): ValuesInput[] {
  void options
  const out: ValuesInput[] = []
  const dir = dirOf(file.path)
  const resources = seqItems(getNode(root, ['resources'])).flatMap((r) => {
    const p = resolveRel(dir, asString(r) ?? '')
    return p !== undefined ? [p] : []
  })
  for (const item of seqItems(getNode(root, ['helmCharts']))) {
    const chart = chartName(str(item, ['name']))
    if (!chart || str(item, ['name']) !== chart) continue
    const ossPath = ossPathOf(chart)
    const name = str(item, ['releaseName']) ?? chart
    const fileRefs: LayerRef[] = []
    const valuesFile = str(item, ['valuesFile'])
    if (valuesFile !== undefined) {
      const target = resolveRel(dir, valuesFile)
      fileRefs.push(target !== undefined ? { kind: 'file', path: target, ossPath, origin: `valuesFile ${valuesFile}` } : { kind: 'unresolved', what: `valuesFile '${valuesFile}'`, node: getNode(item, ['valuesFile'])! })
    }
    const inlineNode = getNode(item, ['valuesInline'])
    const inlineRefs: LayerRef[] = inlineNode?.kind === 'map' ? [inline({ root: inlineNode, ossPath, file, source: `kustomize helmCharts ${name} valuesInline` })] : []
    const merge = str(item, ['valuesMerge']) ?? 'override'
    const stack: LayerRef[] = merge === 'replace' && inlineRefs.length ? inlineRefs : merge === 'merge' ? [...inlineRefs, ...fileRefs] : [...fileRefs, ...inlineRefs]
    for (const extra of seqItems(getNode(item, ['additionalValuesFiles']))) {
      const raw = asString(extra) ?? ''
      const target = resolveRel(dir, raw)
      stack.push(target !== undefined ? { kind: 'file', path: target, ossPath, origin: `additionalValuesFiles ${raw}` } : { kind: 'unresolved', what: `additionalValuesFiles '${raw}'`, node: extra })
    }
    const v = makeValues(file, doc, 'kustomize', chart, getNode(item, ['name']) ?? item, stack)
    v.name = `${dir || '.'} (kustomize ${name})`
    v.namespace = str(item, ['namespace']) ?? str(root, ['namespace'])
    v.resources = resources
    const version = str(item, ['version'])
    if (version) v.declaredVersion = { raw: version, source: 'the kustomize helmCharts version' }
    out.push(v)
  }
  return out
}

/**
 * Parses the YAML string of `spec.source.helm.values` and moves every offset of the inner tree to the
 * outer file, so findings and fixes land on the outer file's lines. Only literal block scalars (`|`)
 * keep a line-for-line mapping; other styles are checked only when they hold a single line.
 */
export function embedValues(file: SourceFile, scalar: ScalarNode): { root: MapNode | null; note?: string; appendAt?: { offset: number; column: number } } {
  const inner = scalar.value
  const parsed = parseDocuments(inner)
  if (parsed.error)
    return { root: null, note: `spec.source.helm.values is not valid YAML (line ${parsed.error.line} of the string: ${parsed.error.message}); it was not checked.` }
  const root = deref(parsed.documents[0]?.root ?? null)
  if (!root || root.kind !== 'map') {
    // A literal block with only comments (or blank) is still the place for values: keys are appended inside it.
    if (scalar.style === 'literal' && !parsed.documents.some((d) => d.root && deref(d.root)?.kind !== 'scalar'))
      return { root: null, appendAt: { offset: file.edit.nextLineStart(scalar.end), column: scalar.blockIndent ?? file.lines.positionAt(scalar.start).column + 1 } }
    return { root: null }
  }
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
function syntheticFromParameters(params: YamlNode | null): MapNode | null {
  const items = seqItems(params)
  if (!items.length) return null
  const root: MapNode = { kind: 'map', pairs: [], flow: false, start: params!.start, end: params!.end, parent: null }
  // Each map's pairs by key, kept here while the maps are built (findPair's index of a large map is made once).
  const keys = new Map<MapNode, Map<string, Pair>>([[root, new Map()]])
  for (const item of items) {
    const name = str(item, ['name'])
    const valuePair = findPair(item, 'value')
    if (!name || !valuePair) continue
    const parts = name.split(/(?<!\\)\./).map((s) => s.replace(/\\\./g, '.'))
    let m = root
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1
      const byKey = keys.get(m)!
      const existing = byKey.get(parts[i])
      const keyNode: ScalarNode = { kind: 'scalar', value: parts[i], style: 'plain', empty: false, start: item.start, end: item.end, parent: m }
      if (last) {
        const pair = { key: keyNode, value: valuePair.value }
        if (existing) m.pairs.splice(m.pairs.indexOf(existing), 1)
        m.pairs.push(pair)
        byKey.set(parts[i], pair)
      } else {
        let next = existing ? deref(existing.value) : null
        if (!next || next.kind !== 'map') {
          next = { kind: 'map', pairs: [], flow: false, start: item.start, end: item.end, parent: m }
          const pair = { key: keyNode, value: next }
          m.pairs.push(pair)
          byKey.set(parts[i], pair)
          keys.set(next, new Map())
        }
        m = next
      }
    }
  }
  return root
}
