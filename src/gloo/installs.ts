/**
 * Installs: which files make one release of gloo / gloo-ee (catalog section 1A). From what pass 1 learnt of each
 * file (plain data, no trees), puts together every install's ordered values layers, its anchors, and decides
 * which manifests belong to which install. Pure: no I/O, no trees.
 */
import picomatch from 'picomatch'
import { dirOf } from '../forms/manifests.js'
import type { Chart, Evidence } from './evidence.js'
import { isStrong } from './evidence.js'

/** A layer of an install as planned: where to find it once the trees are rebuilt. Lowest precedence first. */
export type PlannedLayer =
  /** A values file of the scan (its first mapping document; an empty file is an empty layer). */
  | { kind: 'file'; path: string; ossPath: string[] }
  /** A layer a descriptor holds in its own tree: `values[ordinal]` of the file, its `stack[index]`. */
  | { kind: 'inline'; path: string; ordinal: number; index: number; ossPath?: string[] }
  /** A ConfigMap's data key holding values (Flux `valuesFrom`). */
  | { kind: 'configmap'; path: string; objIndex: number; key: string; ossPath: string[] }
  /** Named by the descriptor but not readable from the scan (a Secret, a remote file, a template). */
  | { kind: 'unresolved'; what: string }

/** What pass 1 keeps of a values document or descriptor of a file (see `declOf`). */
export interface ValuesDecl {
  /** Index in the file's `LoadedFile.values`. */
  ordinal: number
  form: string
  chart: Chart
  prefix: string
  evidence?: Evidence
  /** The stack, lowest first, without trees. */
  stack: (
    | { kind: 'inline' }
    | { kind: 'file'; path: string; ossPath: string[]; optional?: boolean }
    | { kind: 'configmap'; name: string; namespace?: string; key: string; ossPath: string[]; optional?: boolean }
    | { kind: 'unresolved'; what: string }
  )[]
  name?: string
  namespace?: string
  declaredVersion?: { raw: string; source: string }
  chartPath?: string
  resources?: string[]
}

export interface ConfigMapDecl {
  name: string
  namespace?: string
  objIndex: number
  keys: string[]
}

/** What pass 1 keeps of a file for planning installs. */
export interface FileDecl {
  path: string
  values: ValuesDecl[]
  configMaps: ConfigMapDecl[]
  /** Kustomize `configMapGenerator[]`: name → key → file path. */
  generators: { name: string; namespace?: string; files: Map<string, string> }[]
  /** Holds Gloo control-plane objects (a proxy or `gloo` Deployment, Settings, the validation webhook). */
  controlPlane: boolean
  /** Parsed without documents, or only empty ones. */
  empty: boolean
}

/** An `installs:` entry of the config file. */
export interface ConfigInstall {
  name: string
  chart?: Chart
  version?: string
  prefix?: string
  values: string[]
  manifests?: string[]
  complete?: boolean
  fixTarget?: string
}

export interface PlanConfig {
  /** `inputs.gloo`: globs that are always Gloo values. */
  gloo?: string[]
  /** `inputs.ignore`: globs that never are. */
  ignore?: string[]
  installs?: ConfigInstall[]
}

export interface InstallPlan {
  /** Unique in the run: the config name, a descriptor's name, a folder, or a values file. */
  name: string
  chart: Chart
  /** How users write the OSS keys: '' / 'gloo.' / 'gloo-ee.gloo.' … */
  prefix: string
  layers: PlannedLayer[]
  /** The descriptor a finding without a writable layer goes to. */
  descriptor?: { path: string; ordinal: number }
  /** Folders of the descriptor and of the in-scan layers (directory rule). */
  anchors: string[]
  /** The overlay's `<env>` or the config name: breaks ties between installs on one anchor. */
  env?: string
  version?: { raw: string; source: string }
  complete: boolean
  fixTarget?: string
  /** Config installs: the member globs. */
  manifests?: string[]
  /** Kustomize: its `resources:` (files or folders). */
  resources?: string[]
  /** Made of rendered control-plane objects, not of values. */
  rendered?: boolean
}

const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name)
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const OVERLAY = /^values[-.](.+)\.ya?ml$/

/** Plans the installs of a run from its files' declarations. */
export function planInstalls(files: readonly FileDecl[], config: PlanConfig = {}): InstallPlan[] {
  const byPath = new Map(files.map((f) => [f.path, f]))
  // Siblings are looked up by folder: one pass, not one scan of every file per file.
  const byDir = new Map<string, FileDecl[]>()
  for (const f of files) {
    const list = byDir.get(dirOf(f.path))
    if (list) list.push(f)
    else byDir.set(dirOf(f.path), [f])
  }
  const isGlooInput = config.gloo?.length ? picomatch(config.gloo, { dot: true }) : () => false
  const isIgnored = config.ignore?.length ? picomatch(config.ignore, { dot: true }) : () => false
  const installs: InstallPlan[] = []
  /** Files that are a layer of a descriptor's or the config's install: never an install alone. */
  const layered = new Set<string>()

  const valuesDoc = (path: string): ValuesDecl | undefined => byPath.get(path)?.values.find((v) => v.evidence !== undefined)
  const fileLayer = (path: string, ossPath: string[], optional: boolean | undefined, what: string): PlannedLayer | null => {
    if (byPath.has(path)) {
      layered.add(path)
      return { kind: 'file', path, ossPath }
    }
    return optional ? null : { kind: 'unresolved', what: `${what} (${path} is not among the checked files)` }
  }

  // 1. The config's installs.
  for (const ci of config.installs ?? []) {
    const seen = new Set<string>()
    const paths: string[] = []
    for (const glob of ci.values) {
      const m = picomatch(glob, { dot: true })
      for (const f of files.map((x) => x.path).filter((p) => m(p)).sort(byCodeUnit))
        if (!seen.has(f)) {
          seen.add(f)
          paths.push(f)
        }
    }
    const first = paths.map(valuesDoc).find(Boolean)
    const chart: Chart = ci.chart ?? (first?.chart === 'gloo-ee' ? 'gloo-ee' : 'gloo')
    const prefixPath = (ci.prefix ?? '').split('.').filter(Boolean)
    const ossPath = [...prefixPath, ...(chart === 'gloo-ee' ? ['gloo'] : [])]
    const layers = paths.map((p) => fileLayer(p, ossPath, false, p)!).filter(Boolean)
    installs.push({
      name: ci.name,
      chart,
      prefix: ossPath.map((s) => `${s}.`).join(''),
      layers,
      anchors: [...new Set(paths.map(dirOf))],
      env: ci.name,
      ...(ci.version ? { version: { raw: ci.version, source: `the config install ${ci.name}` } } : {}),
      complete: ci.complete === true,
      ...(ci.fixTarget ? { fixTarget: ci.fixTarget } : {}),
      manifests: ci.manifests ?? []
    })
  }

  // 2. Descriptors: umbrella charts, Argo CD, Flux, helmfile, Kustomize.
  const umbrellaAt = new Map<string, { file: FileDecl; decl: ValuesDecl }>()
  for (const f of files) for (const d of f.values) if (d.form === 'umbrella' && !umbrellaAt.has(dirOf(f.path))) umbrellaAt.set(dirOf(f.path), { file: f, decl: d })
  const usedUmbrellas = new Set<string>()
  const umbrellaLayers = (dir: string, ossPath: string[]): { base: PlannedLayer[]; overlays: [string, PlannedLayer][] } => {
    const base: PlannedLayer[] = []
    const overlays: [string, PlannedLayer][] = []
    for (const name of ['values.yaml', 'values.yml']) {
      const l = byPath.has(join(dir, name)) ? fileLayer(join(dir, name), ossPath, true, name) : null
      if (l) {
        base.push(l)
        break
      }
    }
    for (const f of byDir.get(dir) ?? []) {
      const m = OVERLAY.exec(baseOf(f.path))
      if (m) overlays.push([m[1], fileLayer(f.path, ossPath, true, f.path)!])
    }
    return { base, overlays }
  }

  for (const f of files)
    for (const d of f.values) {
      if (d.form === 'argo-application' && d.chartPath !== undefined) {
        const u = umbrellaAt.get(d.chartPath)
        if (!u) continue
        usedUmbrellas.add(d.chartPath)
        const ossPath = d.prefix ? d.prefix.split('.').filter(Boolean) : []
        const uOss = u.decl.prefix.split('.').filter(Boolean)
        void ossPath
        const layers: PlannedLayer[] = [...umbrellaLayers(d.chartPath, uOss).base]
        d.stack.forEach((s, index) => {
          const l = stackLayer(s, index, f, d, uOss)
          if (l) layers.push(l)
        })
        installs.push(descriptorInstall(f, d, u.decl.chart, u.decl.prefix, layers, u.decl.declaredVersion))
        continue
      }
      if (!['helm-release', 'argo-application', 'helmfile', 'kustomize'].includes(d.form)) continue
      const layers: PlannedLayer[] = []
      d.stack.forEach((s, index) => {
        const l = stackLayer(s, index, f, d)
        if (l) layers.push(l)
      })
      installs.push(descriptorInstall(f, d, d.chart, d.prefix, layers, d.declaredVersion))
    }

  for (const [dir, u] of umbrellaAt) {
    if (usedUmbrellas.has(dir)) continue
    const ossPath = u.decl.prefix.split('.').filter(Boolean)
    const { base, overlays } = umbrellaLayers(dir, ossPath)
    const make = (layers: PlannedLayer[], env?: string): InstallPlan => ({
      ...descriptorInstall(u.file, u.decl, u.decl.chart, u.decl.prefix, layers, u.decl.declaredVersion),
      name: env ? `${dir || '.'} (${env})` : dir || '.',
      ...(env ? { env } : {})
    })
    if (!overlays.length) installs.push(make(base))
    for (const [env, layer] of overlays) installs.push(make([...base, layer], env))
  }

  // 3. Gloo values files nothing references: `B.yaml` with each sibling `B-<env>.yaml` / `B.<env>.yaml`, or alone.
  const candidates = files.filter((f) => {
    if (layered.has(f.path) || isIgnored(f.path)) return false
    const d = valuesDoc(f.path)
    return d !== undefined && (isStrong(d.evidence!) || isGlooInput(f.path))
  })
  const candidateSet = new Set(candidates.map((f) => f.path))
  const overlayOf = new Set<string>()
  const groups: { base: FileDecl; overlays: [string, FileDecl][] }[] = []
  for (const f of candidates) {
    const dir = dirOf(f.path)
    const stem = baseOf(f.path).replace(/\.(ya?ml|json)$/, '')
    const ext = baseOf(f.path).slice(stem.length)
    const overlays: [string, FileDecl][] = []
    for (const g of byDir.get(dir) ?? []) {
      if (g === f || layered.has(g.path) || isIgnored(g.path)) continue
      const name = baseOf(g.path)
      for (const sep of ['-', '.'])
        if (name.startsWith(stem + sep) && name.endsWith(ext) && name.length > stem.length + 1 + ext.length) {
          const env = name.slice(stem.length + 1, name.length - ext.length)
          const gd = valuesDoc(g.path)
          if (!gd) continue
          // A sibling of the other flavour is not an overlay of this one.
          if (isStrong(gd.evidence!) && gd.chart !== valuesDoc(f.path)!.chart) continue
          overlays.push([env, g])
        }
    }
    for (const [, g] of overlays) overlayOf.add(g.path)
    groups.push({ base: f, overlays })
  }
  for (const { base, overlays } of groups) {
    // An overlay of another base is not an install alone (values-prod.yaml beside values.yaml).
    if (overlayOf.has(base.path) && !overlays.length) continue
    const d = valuesDoc(base.path)!
    const ossPath = d.chart === 'gloo-ee' ? ['gloo'] : []
    const named = aloneName(base.path)
    const make = (paths: string[], env?: string): InstallPlan => ({
      name: env ? `${named} (${env})` : named,
      chart: d.chart,
      prefix: d.prefix,
      layers: paths.map((p) => ({ kind: 'file', path: p, ossPath })),
      anchors: [...new Set(paths.map(dirOf))],
      ...(env ? { env } : {}),
      complete: false
    })
    if (!overlays.length) installs.push(make([base.path]))
    for (const [env, g] of overlays) installs.push(make([base.path, g.path], env))
  }
  void candidateSet

  // 4. Rendered control-plane objects outside every values install: an install per folder.
  const valuesOwners = ownerIndex(installs.slice())
  const renderedDirs = new Map<string, string[]>()
  for (const f of files) {
    if (!f.controlPlane || layered.has(f.path)) continue
    if (valuesOwners(f.path).length) continue
    const dir = dirOf(f.path)
    renderedDirs.set(dir, [...(renderedDirs.get(dir) ?? []), f.path])
  }
  for (const [dir] of [...renderedDirs].sort((a, b) => byCodeUnit(a[0], b[0])))
    installs.push({ name: dir || '.', chart: 'gloo', prefix: '', layers: [], anchors: [dir], complete: false, rendered: true })

  return uniqueNames(installs)

  function stackLayer(s: ValuesDecl['stack'][number], index: number, f: FileDecl, d: ValuesDecl, ossOverride?: string[]): PlannedLayer | null {
    switch (s.kind) {
      case 'inline':
        return { kind: 'inline', path: f.path, ordinal: d.ordinal, index, ...(ossOverride ? { ossPath: ossOverride } : {}) }
      case 'file':
        return fileLayer(s.path, ossOverride ?? s.ossPath, s.optional, s.path)
      case 'unresolved':
        return { kind: 'unresolved', what: s.what }
      case 'configmap': {
        for (const g of files) {
          for (const cm of g.configMaps)
            if (cm.name === s.name && (!s.namespace || !cm.namespace || cm.namespace === s.namespace) && cm.keys.includes(s.key)) {
              layered.add(g.path)
              return { kind: 'configmap', path: g.path, objIndex: cm.objIndex, key: s.key, ossPath: s.ossPath }
            }
          for (const gen of g.generators)
            if (gen.name === s.name && gen.files.has(s.key)) return fileLayer(gen.files.get(s.key)!, s.ossPath, s.optional, `ConfigMap ${s.name}`)
        }
        return s.optional ? null : { kind: 'unresolved', what: `ConfigMap ${s.name}${s.namespace ? ` in ${s.namespace}` : ''} (not among the checked files)` }
      }
    }
  }
}

/** The name of the install of a values file nothing references: a file named values.yaml is known by its folder (`envs/prod`), any other by its path. */
export function aloneName(path: string): string {
  return /^values\.ya?ml$/.test(baseOf(path)) ? dirOf(path) || '.' : path
}

function descriptorInstall(f: FileDecl, d: ValuesDecl, chart: Chart, prefix: string, layers: PlannedLayer[], version: ValuesDecl['declaredVersion']): InstallPlan {
  const anchors = new Set([dirOf(f.path)])
  for (const l of layers) if (l.kind === 'file' || l.kind === 'configmap') anchors.add(dirOf(l.path))
  return {
    name: d.name ?? f.path,
    chart,
    prefix,
    layers,
    descriptor: { path: f.path, ordinal: d.ordinal },
    anchors: [...anchors],
    ...(version ? { version } : {}),
    complete: false,
    ...(d.resources ? { resources: d.resources } : {})
  }
}

function uniqueNames(installs: InstallPlan[]): InstallPlan[] {
  const seen = new Map<string, number>()
  for (const i of installs) {
    const n = (seen.get(i.name) ?? 0) + 1
    seen.set(i.name, n)
    if (n > 1) i.name = `${i.name} #${n}`
  }
  return installs
}

/** The folder and each folder above it, nearest first, ending with the root (''). */
function foldersUp(dir: string): string[] {
  const out: string[] = []
  for (let d = dir; ; d = dirOf(d)) {
    out.push(d)
    if (d === '') return out
  }
}

/** Breaks a tie between installs on one anchor: the one whose env token names a folder or file below it. */
function byEnvToken(path: string, anchor: string, tied: InstallPlan[]): InstallPlan[] {
  if (tied.length < 2) return tied
  const below = path.slice(anchor ? anchor.length + 1 : 0)
  const tokens = new Set(below.split(/[/._-]/).filter(Boolean))
  const withEnv = tied.filter((i) => i.env !== undefined && tokens.has(i.env))
  return withEnv.length === 1 ? withEnv : tied
}


/**
 * The installs a manifest belongs to: the config's `manifests`, then a kustomization's `resources`, then the
 * directory rule. Built once per run: a file's lookup walks up its folders, not over every install.
 */
export function ownerIndex(installs: readonly InstallPlan[], explicit = true): (path: string) => InstallPlan[] {
  const byAnchor = new Map<string, InstallPlan[]>()
  const declared: { install: InstallPlan; match: (p: string) => boolean }[] = []
  const resources: InstallPlan[] = []
  for (const i of installs) {
    if (explicit && i.manifests?.length) {
      declared.push({ install: i, match: picomatch(i.manifests, { dot: true }) })
      continue
    }
    if (explicit && i.resources?.length) resources.push(i)
    for (const a of new Set(i.anchors)) {
      const list = byAnchor.get(a)
      if (list) list.push(i)
      else byAnchor.set(a, [i])
    }
  }
  return (path) => {
    const byConfig = declared.filter((d) => d.match(path)).map((d) => d.install)
    if (byConfig.length) return byConfig
    const byResources = resources.filter((i) => i.resources!.some((r) => path === r || path.startsWith(`${r}/`)))
    if (byResources.length) return byResources
    for (const d of foldersUp(dirOf(path))) {
      const tied = byAnchor.get(d)
      if (tied) return byEnvToken(path, d, tied)
    }
    return []
  }
}
