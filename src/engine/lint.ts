/**
 * The engine: load every file, build cross-document facts, run the rules, and turn problems into
 * findings with spans, severities, fingerprints and suppressions applied. Pure: no I/O, no GitHub.
 */
import { createRequire } from 'node:module'
import { parseEvents, type Event } from 'js-yaml'
import picomatch from 'picomatch'
import { defaultConfig, type Config } from './config.js'
import { EditSource } from '../yaml/edits.js'
import { isStrong } from '../gloo/evidence.js'
import { aloneName, ownerIndex, planInstalls, type FileDecl, type InstallPlan, type PlanConfig } from '../gloo/installs.js'
import { settleVersion } from '../gloo/values.js'
import { declOf, emptyDecl } from '../gloo/declarations.js'
import { detachStrings } from './detach.js'
import { keySince, unreadRow } from '../gloo/key-since.js'
import type { Version } from '../gloo/version.js'
import { CHART_FILE, dirOf, embedValues, loadFile, makeSourceFile, type KubeObject, type LoadedFile, type LoadOptions, type SourceFile, type ValuesInput, type ValuesLayer } from '../forms/manifests.js'
import { emptyProject, fileFacts, isEmptyProject, mayHoldFacts, mergeProjects, valuesFacts, type Project } from '../gloo/project.js'
import { deref, getNode, jsonPathOf, mapEntries, keyOf } from '../yaml/query.js'
import { MAX_DEPTH, parseDocuments, type MapNode, type Pair, type ParseResult, type YamlDocument, type YamlNode } from '../yaml/tree.js'
import type { Finding, Severity } from '../model/finding.js'
import { rules as allRules } from '../rules/index.js'
import { formatMessage, isEnabled, type Problem, type Rule, type RuleContext } from '../rules/types.js'
import { IGNORE_ANNOTATION, parseAnnotation, scanComments } from './suppress.js'

export interface LintFile {
  /** Repo-relative, forward slashes. */
  path: string
  text: string
  /** Content of a `Chart.yaml` beside the file (umbrella charts). */
  siblingChart?: string
  /** Set by the reader when the file was not read (too large, binary, not UTF-8). */
  skipped?: string
  /** False: loaded as context for cross-document rules, never reported on. Default true. */
  report?: boolean
  /**
   * Reads the file again (the CLI: from disk). With it, the engine keeps no text or tree of the file between its
   * two passes, and nothing of it once its findings are out: memory stays flat in the size of the run. Undefined
   * when the file can no longer be read (it is then reported as skipped).
   */
  reread?: () => string | undefined
}

export interface LintOptions {
  config?: Config
  rules?: readonly Rule[]
  /**
   * A safe values fix writing a key of catalog section 4.3 when the install's chart version is unknown: `suggest`
   * moves it to a suggestion and says what it assumes (catalog section 1.4, fix condition F1); `fix` keeps it a
   * fix. Default `fix` for now: the rule tests run without a version and still expect those fixes applied.
   */
  unknownVersionFixes?: 'fix' | 'suggest'
  /**
   * Whether findings get fingerprints (default true). Off for a report that shows none (the CLI's text output
   * without a baseline): no hashing, and node:crypto is never loaded (start-up). Findings then have ''.
   */
  fingerprints?: boolean
  /**
   * Whether a values file that only its own install can need is parsed once, in pass 2 (default true). Off, every
   * file that may hold facts or values is parsed in pass 1 too: the same findings, for tests that compare the two.
   */
  singleParse?: boolean
  /**
   * How many characters of text, in all, the values files pass 2 parses alone (`mayBeValuesOnly`) may keep between
   * the passes instead of being read again (default KEEP_TEXT: 32 Mi). Their turns come in the order they were
   * added, and each text goes at its turn. A file kept is checked as pass 1 read it.
   */
  keepText?: number
}

/**
 * The default `keepText`: every values file of a repository of about 2,700 of them (20 MB) read once (4 % of a
 * scan's time there, for about 25 MB more peak RSS); beyond it, files are read again in pass 2 and memory stays flat.
 */
export const KEEP_TEXT = 32 * 1024 * 1024

export interface LintResult {
  findings: Finding[]
  /**
   * The loaded files by path (for applying fixes and building review comments): path, text and lines. Their
   * trees are gone once the rules ran: `parse.documents` keeps one entry per document, with `root: null`. A
   * context file (`report: false`) without cross-document facts is not parsed at all: no documents.
   */
  files: Map<string, SourceFile>
}

/** What pass 1 leaves of a file for pass 2. */
interface Entry {
  path: string
  reported: boolean
  /** Why the reader did not read it. */
  skipped?: string
  /**
   * The file without its trees: what LintResult.files holds. Kept from pass 1 only for a file whose objects the
   * project kept, or when the file cannot be read again; else made in pass 2 and dropped once its findings are out.
   */
  slim?: SourceFile
  /** The text, while it cannot be read again (no `reread`), the project keeps objects of it, or `keepText` keeps it. */
  text?: string
  reread?: () => string | undefined
  options: LoadOptions
  /** Objects the project kept, by their index in the file's objects (rules must see those very objects). */
  kept?: Map<number, KubeObject>
  /** What kept objects point at between the passes when the file is read again: a file without text. */
  stub?: SourceFile
  /** The length of the text pass 1 read (kept objects stand in for their twins only while it is the same). */
  length?: number
  /** What installs are made of: the file's values documents, descriptors and ConfigMaps. */
  decl?: FileDecl
  /** The file's cross-document facts (none for most files). */
  facts?: Project
  /** A `Chart.yaml` beside it, as the reader found it. */
  siblingChart?: string
  /** Added by the engine (a sibling Chart.yaml the reader supplied), not by the caller. */
  synthetic?: boolean
  /**
   * The text names a key of the facts routes need (`disableKubernetesDestinations`, `knative`): an install with it as
   * a layer is put together before any file is checked, and a route outside every install has it parsed in pass 1.
   */
  valuesFacts?: boolean
  /**
   * The text may turn the gateway off (`enabled`): an install with it as a layer and a Settings resource among its
   * members is put together before any file is checked (the validation rules read it on the Settings).
   */
  gatewayFacts?: boolean
  /**
   * Pass 1 left it unparsed (`mayBeValuesOnly`): what installs are made of is worked out at its turn in pass 2, from
   * its one parse, unless planning finds that another file or install may depend on it (`settleDeferred`).
   */
  deferred?: boolean
}

/**
 * An install's project: its members' facts (shared, not copied: installs on one folder have the same members) and
 * what its values add. Objects' disabling entries come before the values' (messages name the first one).
 */
function withValues(members: Project, values: Project): Project {
  return {
    ...members,
    kubeDestinationsDisabled: [...members.kubeDestinationsDisabled, ...values.kubeDestinationsDisabled],
    knative: members.knative || values.knative,
    gatewayDisabled: values.gatewayDisabled ?? members.gatewayDisabled
  }
}

/** The files an install's values findings can land on: its layers' and its descriptor's, and its fix target. */
function landing(plan: InstallPlan): string[] {
  const out = plan.layers.flatMap((l) => (l.kind === 'unresolved' ? [] : [l.path]))
  if (plan.descriptor) out.push(plan.descriptor.path)
  if (plan.fixTarget) out.push(plan.fixTarget)
  return out
}

/** The files some install reads as a values file layer. */
const fileLayers = (plans: readonly InstallPlan[]): Set<string> => new Set(plans.flatMap((p) => p.layers.flatMap((l) => (l.kind === 'file' ? [l.path] : []))))

/**
 * Whether a route to a Kubernetes destination sits in a file no install owns (a layer is owned by none): its notice
 * names every install that disables Kubernetes destinations, so those installs' values facts are needed first.
 */
function orphanRoutes(entries: readonly Entry[], layerPaths: ReadonlySet<string>, ownersOf: (path: string) => InstallPlan[]): boolean {
  return entries.some((e) => e.facts !== undefined && e.facts.kubeDestinations.length > 0 && (layerPaths.has(e.path) || !ownersOf(e.path).length))
}

const ruleById = (rules: readonly Rule[]): Map<string, Rule> => new Map(rules.map((r) => [r.meta.id, r]))

/**
 * Lints a set of files together. Pass 1 parses each file that may hold cross-document facts or values, classifies
 * it, and keeps only its facts (plain records, and the few small objects other files' rules read) and what installs
 * are made of. Pass 2 puts the installs together (catalog section 1A), runs the values rules on each install's
 * effective values and the object rules on each file with the facts of the install(s) it belongs to, parsing the
 * file again, then drops its trees. (Keeping trees, or packed parse events, between the passes made memory grow
 * with the repository: 35 bytes of heap per byte of YAML, or 2 with packed events; a second parse costs less than
 * the garbage collection that memory brings.)
 */
export function lint(files: readonly LintFile[], options: LintOptions = {}): LintResult {
  const linter = new Linter(options)
  for (const f of files) linter.add(f)
  return linter.finish()
}

/** An install of the run: its plan and, once put together, its facts. */
interface RunInstall {
  plan: InstallPlan
  project: Project
  /** The facts of its member files alone (installs on one folder share it), without what its values add. */
  members: Project
  /** Its effective settings disable Kubernetes destinations. */
  disables: boolean
}

/**
 * `lint` a file at a time: `add` runs pass 1 on each file as it arrives, `finish` runs pass 2 and returns the
 * result; `eachFile` runs pass 2 a file at a time, for a report that streams.
 */
export class Linter {
  private readonly config: Config
  private readonly rules: readonly Rule[]
  private readonly byId: Map<string, Rule>
  private readonly unknownVersionFixes: 'fix' | 'suggest'
  private readonly fingerprints: boolean
  private readonly singleParse: boolean
  private readonly entries: Entry[] = []
  private readonly keepText: number
  /** The characters of the deferred files' texts kept for pass 2 (`keepText`). */
  private keptText = 0

  /** Files the config declares Gloo values (`inputs.gloo`, `installs[].values`): always parsed in pass 1. */
  private readonly declared: (path: string) => boolean

  constructor(options: LintOptions = {}) {
    this.config = options.config ?? defaultConfig()
    this.rules = options.rules ?? allRules
    this.unknownVersionFixes = options.unknownVersionFixes ?? 'suggest'
    this.fingerprints = options.fingerprints ?? true
    this.singleParse = options.singleParse ?? true
    this.keepText = options.keepText ?? KEEP_TEXT
    this.byId = ruleById(this.rules)
    const globs = [...(this.config.inputs?.gloo ?? []), ...(this.config.installs ?? []).flatMap((i) => i.values)]
    this.declared = globs.length ? picomatch(globs, { dot: true }) : () => false
  }

  /** Pass 1 of one file; files are reported in the order they are added. */
  add(f: LintFile): void {
    const { config, entries } = this
    const reported = f.report !== false
    if (f.skipped) {
      entries.push({ path: f.path, reported, skipped: f.skipped, slim: loadFile(f.path, '', {}).file, options: {} })
      return
    }
    const loadOptions: LoadOptions = { glooVersion: config.glooVersion }
    const entry: Entry = { path: f.path, reported, options: loadOptions }
    if (f.reread) entry.reread = f.reread
    else entry.text = f.text
    if (f.siblingChart !== undefined) entry.siblingChart = f.siblingChart
    if (VALUES_FACT_WORDS.test(f.text)) entry.valuesFacts = true
    if (f.text.includes('enabled')) entry.gatewayFacts = true
    entries.push(entry)
    if (!mayHoldFacts(f.text) && !this.declared(f.path)) {
      // Context without facts is never parsed, unless an install names it as a layer.
      entry.decl = emptyDecl(f.path, f.text)
      return
    }
    if (this.singleParse && mayBeValuesOnly(f.path, f.text) && !this.declared(f.path)) {
      // A values file and nothing else: parsed once, at its turn in pass 2, if only its own install can need it.
      entry.deferred = true
      entry.decl = emptyDecl(f.path, f.text)
      // Its text stays for pass 2 while the texts kept fit in `keepText`: a read less (the rest are read again).
      if (entry.reread && this.keptText + f.text.length <= this.keepText) {
        entry.text = f.text
        this.keptText += f.text.length
      }
      return
    }
    this.declare(entry, f.text)
  }

  /** Pass 1's parse of a file: its facts, what installs are made of, and the objects other files' rules read. */
  private declare(entry: Entry, text: string): void {
    const lf = loadFile(entry.path, text, { ...entry.options, parse: parseDocuments(text) })
    const { facts, kept } = fileFacts(lf)
    // What stays of the file until pass 2 must not keep its text alive (detach.ts); the facts hold the kept objects.
    if (!isEmptyProject(facts)) entry.facts = detachStrings(facts)
    entry.decl = detachStrings(declOf(lf))
    if (kept.size) entry.kept = new Map(lf.objects.flatMap((o, i) => (kept.has(o) ? [[i, o] as const] : [])))
    if (kept.size && entry.reread) {
      // Kept objects are read from other files (values, no positions): until their own file's turn they point
      // at a stub, so the file's text need not stay.
      entry.length = text.length
      entry.stub = makeSourceFile(entry.path, '', undefined, { documents: [], aliasCount: 0 })
      for (const o of kept) o.file = entry.stub
    } else if (kept.size || !entry.reread) {
      // Kept objects point at their file: it stays, text and all, without its other trees.
      slimDown(lf, kept)
      entry.slim = lf.file
    }
  }

  /**
   * A file pass 1 left unparsed whose facts turn out to be needed after all: parsed now, as pass 1 would have
   * (a file that can no longer be read stays undeclared, and is reported as skipped at its turn).
   */
  private undefer(entry: Entry): void {
    entry.deferred = false
    const text = this.textOf(entry)
    if (text !== undefined) this.declare(entry, text)
  }

  /** The text of a file for pass 2: kept, or read again (undefined when it can no longer be read). */
  private textOf(entry: Entry): string | undefined {
    return entry.text ?? entry.reread?.()
  }

  /** Pass 2: every rule on every install and every reported file. */
  finish(): LintResult {
    const all: Finding[] = []
    const files = new Map<string, SourceFile>()
    for (const { file, findings } of this.eachFile()) {
      files.set(file.path, file)
      for (const f of findings) all.push(f)
    }
    for (const e of this.entries) {
      if (e.synthetic || files.has(e.path)) continue
      const text = e.slim ? undefined : this.textOf(e)
      const slim = e.slim ?? (text !== undefined ? makeSourceFile(e.path, text, undefined, { documents: [], aliasCount: 0 }) : undefined)
      if (slim) files.set(e.path, slim)
    }
    // Sorted again as a whole: the files may have come in any order.
    return { findings: sortFindings(dedupe(all)), files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }
  }

  /**
   * Pass 2 a file at a time: each reported file (without its trees) and its findings, sorted, in the order the
   * files were added. For files added in path order the concatenation of the findings is `finish().findings`
   * (what a report can stream). An install's values rules run just before the first file they can report on,
   * and their findings wait for their file's turn.
   */
  *eachFile(): Generator<{ file: SourceFile; findings: Finding[] }> {
    const { config, rules, byId, entries, unknownVersionFixes } = this
    this.addSiblingCharts()
    const byPath = new Map(entries.map((e) => [e.path, e]))
    const { plans, several } = this.settleDeferred({ gloo: config.inputs?.gloo, ignore: config.inputs?.ignore, installs: config.installs })
    const layerPaths = fileLayers(plans)
    const descriptorPaths = new Set(plans.flatMap((p) => (p.descriptor ? [p.descriptor.path] : [])))
    // Members of each install by the catalog's rules; a file may belong to several, or to none.
    const owners = new Map<string, InstallPlan[]>()
    const ownersOf = ownerIndex(plans)
    for (const e of entries) if (!layerPaths.has(e.path)) owners.set(e.path, ownersOf(e.path))
    const memberFacts = new Map<InstallPlan, Project[]>(plans.map((p) => [p, []]))
    const memberKeys = new Map<InstallPlan, string[]>(plans.map((p) => [p, []]))
    entries.forEach((e, i) => {
      if (e.facts)
        for (const p of owners.get(e.path) ?? []) {
          memberFacts.get(p)!.push(e.facts)
          memberKeys.get(p)!.push(String(i))
        }
    })
    // Installs with the same facts share one project (installs on one folder have the same members): object rules
    // then run once per distinct project, not once per install, and its indexes are built once.
    const shared = new Map<string, Project>()
    const share = (key: string, make: () => Project): Project => {
      let p = shared.get(key)
      if (!p) shared.set(key, (p = make()))
      return p
    }
    const installs = new Map<InstallPlan, RunInstall & { key: string }>()
    for (const plan of plans) {
      const key = memberKeys.get(plan)!.join(',')
      const members = share(key, () => mergeProjects(memberFacts.get(plan)!))
      installs.set(plan, { plan, key, project: members, members, disables: false })
    }
    const objectRules = rules.filter((r) => r.checkObject && isEnabled(r, config.rules))
    const valuesFactRules = objectRules.filter((r) => r.meta.readsValuesFacts)
    const memberRules = objectRules.filter((r) => !r.meta.readsValuesFacts)
    const valuesRules = rules.filter((r) => r.checkValues && isEnabled(r, config.rules))

    // 1. The facts an install's effective values add (Kubernetes destinations disabled, Knative, the gateway off),
    // before any file is checked, where a member may need them first: a route to a Kubernetes destination, a
    // Settings resource, or a route outside every install (its notice names the installs that disable them). Only
    // installs with a layer that names those keys are put together; the others get them when their values rules
    // run (step 2).
    const facty = (plan: InstallPlan, flag: 'valuesFacts' | 'gatewayFacts'): boolean => landing(plan).some((path) => byPath.get(path)?.[flag] === true)
    const valuesFacty = (plan: InstallPlan): boolean => facty(plan, 'valuesFacts') || facty(plan, 'gatewayFacts')
    const orphans = orphanRoutes(entries, layerPaths, ownersOf)
    const early = (run: RunInstall): boolean =>
      (facty(run.plan, 'valuesFacts') && (orphans || run.project.kubeDestinations.length > 0 || run.project.settings > 0)) ||
      (facty(run.plan, 'gatewayFacts') && run.project.settings > 0)
    const factsTaken = new Set<RunInstall>()
    const withValuesFacts = (run: RunInstall & { key: string }, facts: Project): void => {
      factsTaken.add(run)
      if (!isEmptyProject(facts)) {
        const members = run.project
        run.key = `${run.key}\u0001${JSON.stringify(facts.kubeDestinationsDisabled)}\u0001${facts.knative}\u0001${facts.gatewayDisabled ?? ''}`
        run.project = share(run.key, () => withValues(members, facts))
      }
      run.disables = run.project.kubeDestinationsDisabled.length > 0
    }
    for (const run of installs.values()) {
      if (run.plan.rendered) continue
      run.disables = run.project.kubeDestinationsDisabled.length > 0
      if (!early(run)) continue
      const built = this.buildInstall(run.plan, byPath)
      if (built) withValuesFacts(run, valuesFacts(built.v))
    }
    const all = [...installs.values()]
    const disablingInstalls = all.filter((r) => r.disables).map((r) => r.plan.name)
    const neutral = emptyProject()

    // 2. Values rules, per install, on its effective values, just before the first file its findings can land on
    // (a layer or its descriptor) is checked; its findings wait for their file's turn. Findings are parked only
    // for the installs at hand, never for the whole run.
    const pending = new Map<string, Finding[]>()
    const madeFor: MadeFor = new Map()
    const park = (f: Finding): void => {
      const list = pending.get(f.path)
      if (list) list.push(f)
      else pending.set(f.path, [f])
    }
    const indexOf = new Map(entries.map((e, i) => [e.path, i]))
    const schedule = [...installs.values()]
      .filter((r) => !r.plan.rendered)
      .map((run) => ({ run, at: Math.min(...landing(run.plan).map((path) => indexOf.get(path) ?? Infinity)) }))
      .filter((s) => s.at !== Infinity)
      .sort((x, y) => x.at - y.at)
    let scheduled = 0
    // Trees of layers parsed for an install's values rules, until their own file's turn (a few at a time).
    const handoff = new Map<string, LoadedFile>()
    /** Runs an install's values rules when the file at index `at` is next (its layers from `at` on are handed over). */
    const runValuesRules = (run: RunInstall & { key: string }, at: number, preloaded?: ReadonlyMap<string, LoadedFile>): void => {
      const built = this.buildInstall(run.plan, byPath, preloaded)
      if (!built) return
      for (const [path, lf] of built.loaded) if (byPath.get(path)?.reported && (indexOf.get(path) ?? -1) >= at) handoff.set(path, lf)
      const { v, fileOf, unresolved } = built
      if (!factsTaken.has(run) && valuesFacty(run.plan)) withValuesFacts(run, valuesFacts(v))
      const ctx: RuleContext = { project: run.project, install: { name: run.plan.name, complete: run.plan.complete } }
      const suffix = several ? [run.plan.name] : undefined
      const emitAt = (rule: Rule, p: Problem): void => {
        const file = fileOf(p.node)
        if (!file || !byPath.get(file.path)?.reported) return
        const resource = v.wrapper && file === v.wrapper.file ? resourceOf(v.wrapper) : `values:${docIndexAt(file, p.node.start)}`
        const finding = toFinding(rule, p, file, resource, config, typeof p.data?.key === 'string' ? `values:${p.data.key}` : undefined)
        if (typeof p.data?.key === 'string') chartReads(finding, p.data.key, ossKey(p.data.key, v.prefix), v.chartVersion, unknownVersionFixes)
        park(withInstall(madeFor, unresolved.length && !rule.meta.builtin ? unverified(finding, run.plan.name) : finding, suffix))
      }
      const builtin = (id: string, p: Problem): void => {
        const rule = byId.get(id)
        if (rule && config.rules[id] !== 'off') emitAt(rule, p)
      }
      if (unresolved.length)
        builtin('input-unresolved', {
          messageId: 'layers',
          node: built.unresolvedAt ?? v.anchor,
          data: { install: run.plan.name, what: unresolved.slice(0, 5).join('; ') + (unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : '') },
          key: `layers:${run.plan.name}`
        })
      for (const note of v.notes) builtin('input-unresolved', { messageId: 'unresolved', node: note.node, data: { message: note.message } })
      if (v.chartVersion && v.chartVersion.major >= 2) {
        builtin('input-unrecognized', { messageId: 'chart2', node: v.anchor, data: { install: run.plan.name, version: v.chartVersion.raw, source: v.versionSource } })
        return
      }
      for (const rule of valuesRules)
        try {
          for (const p of rule.checkValues!(v, ctx)) emitAt(rule, p)
        } catch (err) {
          builtin('internal-error', { messageId: 'crashed', node: v.anchor, data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } })
        }
    }

    // 2. Each reported file: engine findings, object rules per install it belongs to, then the values findings.
    for (const [i, entry] of entries.entries()) {
      while (scheduled < schedule.length && schedule[scheduled].at <= i) runValuesRules(schedule[scheduled++].run, i)
      if (!entry.reported) continue
      if (entry.deferred) {
        // Its one parse: the install it makes alone (or none), whose values rules run now; the trees go to its turn.
        const lf = this.load(entry)
        const [plan] = lf ? planInstalls([declOf(lf)], { gloo: config.inputs?.gloo, ignore: config.inputs?.ignore }) : []
        if (lf) handoff.set(entry.path, lf)
        if (lf && plan) {
          layerPaths.add(entry.path)
          owners.delete(entry.path)
          // Alone in its folder, it has no members: the project every install without member files shares.
          const members = share('', () => mergeProjects([]))
          const run = { plan, key: '', project: members, members, disables: false }
          installs.set(plan, run)
          runValuesRules(run, i, new Map([[entry.path, lf]]))
        }
      }
      let lf: LoadedFile | undefined
      let text = ''
      if (!entry.skipped) {
        const t = handoff.get(entry.path)?.file.text ?? this.textOf(entry)
        if (t === undefined) {
          entry.skipped = 'it could not be read again (it was removed or changed while being checked)'
          entry.slim = loadFile(entry.path, '', {}).file
        } else {
          text = t
          // A layer of an install whose values rules just ran was parsed for them: its trees are handed over.
          lf = handoff.get(entry.path) ?? loadFile(entry.path, t, { ...entry.options, parse: parseDocuments(t) })
          handoff.delete(entry.path)
          // One line index per text: a file kept from pass 1 (its kept objects) shares its table with the new trees.
          if (entry.slim) lf.file.lines = entry.slim.lines
        }
      }
      const file = entry.slim ?? lf!.file
      const out: Finding[] = []
      const builtin = (id: string, problem: Problem): void => {
        const rule = byId.get(id)
        if (rule && config.rules[id] !== 'off') out.push(toFinding(rule, problem, file, 'file', config))
      }
      const glooish = GLOOISH.test(entry.path) || GLOOISH.test(text) || layerPaths.has(entry.path)
      if (entry.skipped) builtin('file-skipped', { messageId: 'skipped', node: point(0), data: { path: file.path, reason: entry.skipped } })
      else if (file.skipped) {
        // A Helm template is no input of ours unless it looks like Gloo's; a workflow file never is.
        if (glooish && !WORKFLOW.test(entry.path)) builtin('input-unresolved', { messageId: 'template', node: point(0), data: { path: file.path } })
      } else if (file.parse.error) {
        const e = file.parse.error
        if (glooish) builtin('yaml-syntax', { messageId: 'invalid', node: point(e.offset), data: { reason: e.message.replace(/\.$/, '') } })
      }
      let objects: KubeObject[] = []
      if (lf) {
        // The first pair of each key, per map with a duplicate: found once (a map may repeat thousands of keys).
        const firsts = new Map<MapNode, Map<string, Pair>>()
        const firstPair = (map: MapNode, key: string): Pair | undefined => {
          let byKey = firsts.get(map)
          if (!byKey) {
            firsts.set(map, (byKey = new Map()))
            for (const p of map.pairs) if (p.key.kind === 'scalar' && !byKey.has(p.key.value)) byKey.set(p.key.value, p)
          }
          return byKey.get(key)
        }
        for (const doc of glooish ? lf.file.parse.documents : [])
          for (const dup of doc.duplicateKeys) {
            const first = dup.parent?.kind === 'map' ? firstPair(dup.parent, dup.value) : undefined
            builtin('yaml-duplicate-key', {
              messageId: 'duplicate',
              node: dup,
              data: { key: dup.value, firstLine: first ? file.lines.positionAt(first.key.start).line : '?' }
            })
          }
        // A values document that is not Gloo on its own evidence, in a file named like Gloo: say how to declare it.
        if (!layerPaths.has(entry.path) && /gloo/i.test(entry.path.slice(entry.path.lastIndexOf('/') + 1)) && !descriptorPaths.has(entry.path))
          for (const v of lf.values)
            if (v.evidence && !isStrong(v.evidence) && v.evidence.weak && !WORKFLOW.test(entry.path)) {
              builtin('input-unrecognized', { messageId: 'weak', node: point(0), data: { path: entry.path }, key: `doc:${v.doc.index}` })
              break
            }
        // A kept object stands in for its rebuilt twin: the project's indexes hold the kept one. Read again, it
        // points at the whole file for its turn (its fixes edit the text), then at its stub again.
        const same = entry.stub === undefined || entry.length === lf.file.text.length
        if (entry.kept && entry.stub && same) for (const o of entry.kept.values()) o.file = lf.file
        objects = entry.kept && same ? lf.objects.map((o, i) => entry.kept!.get(i) ?? o) : lf.objects
        // One context per distinct project among the installs the file belongs to (findings name every such install):
        // per set of member files, and for the rules that read what an install's values add, per install project.
        const owning = (owners.get(entry.path) ?? []).map((p) => installs.get(p)!)
        const contextsBy = (projectOf: (r: RunInstall) => Project, rulesHere: readonly Rule[]): { ctx: RuleContext; suffix?: string[]; rules: readonly Rule[] }[] => {
          const groups = new Map<Project, RunInstall[]>()
          for (const r of owning) {
            const list = groups.get(projectOf(r))
            if (list) list.push(r)
            else groups.set(projectOf(r), [r])
          }
          return [...groups].map(([project, rs]) => ({
            ctx: { project, install: { name: rs.map((r) => r.plan.name).join(', '), complete: rs.every((r) => r.plan.complete) } },
            suffix: several ? rs.map((r) => r.plan.name) : undefined,
            rules: rulesHere
          }))
        }
        const contexts = owning.length
          ? [...contextsBy((r) => r.members, memberRules), ...contextsBy((r) => r.project, valuesFactRules)]
          : [{ ctx: { project: neutral, disablingInstalls } as RuleContext, suffix: undefined, rules: objectRules }]
        for (const obj of objects) {
          const resource = resourceOf(obj)
          for (const { ctx, suffix, rules: here } of contexts)
            for (const rule of here)
              try {
                for (const p of rule.checkObject!(obj, ctx)) out.push(withInstall(madeFor, toFinding(rule, p, file, resource, config), suffix))
              } catch (err) {
                builtin('internal-error', { messageId: 'crashed', node: point(0), data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } })
              }
        }
        if (entry.kept && entry.stub) for (const o of entry.kept.values()) o.file = entry.stub
        entry.kept = undefined
      }
      // One by one: a values file may have more findings than a call takes arguments.
      for (const f of pending.get(entry.path) ?? []) out.push(f)
      pending.delete(entry.path)
      const kept = applySuppressions(file, objects, mergeInstalls(madeFor, out), byId, config)
      if (lf && !entry.slim) {
        slimDown(lf, new Set())
        entry.slim = lf.file
      }
      yield { file: entry.slim!, findings: settleFingerprints(sortFindings(dedupe(kept, true)), this.fingerprints) }
      // A file that can be read again leaves nothing behind (a report streams; finish() keeps what it was given).
      if (entry.reread) {
        entry.slim = undefined
        entry.text = undefined
      }
    }
  }

  /**
   * Plans the installs with each deferred file as an unparsed placeholder, and first parses in pass 1's way
   * (`undefer`) each deferred file that something else may depend on: one an install reads as a layer, descriptor or
   * fix target; one not alone in its folder and the folders below it (overlays, an umbrella, members); one whose
   * install would take a name another install has; one with values facts while a route belongs to no install (its
   * notice names the installs that disable Kubernetes destinations). Each deferred file left is an install alone,
   * or none, whatever its parse says. Only their number matters to the rest (findings name their install when the
   * run has several): with fewer than two installs planned, deferred files are parsed, first come, until it is known.
   */
  private settleDeferred(config: PlanConfig): { plans: InstallPlan[]; several: boolean } {
    const { entries } = this
    // How many deferred files to parse at once to count installs: doubled each time (deferred files that turn out
    // to be no install must not cost a planning each).
    let batch = 0
    for (;;) {
      const plans = planInstalls(
        entries.map((e) => e.decl ?? emptyDecl(e.path, '')),
        config
      )
      const deferred = entries.filter((e) => e.deferred)
      if (!deferred.length) return { plans, several: plans.length > 1 }
      const landed = new Set(plans.flatMap(landing))
      // Entries in each folder and the folders below it.
      const under = new Map<string, number>()
      for (const e of entries)
        for (let d = dirOf(e.path); ; d = dirOf(d)) {
          under.set(d, (under.get(d) ?? 0) + 1)
          if (!d) break
        }
      const names = new Map<string, number>()
      for (const p of plans) names.set(p.name.replace(/ #\d+$/, ''), 2)
      for (const e of deferred) names.set(aloneName(e.path), (names.get(aloneName(e.path)) ?? 0) + 1)
      let undo = deferred.filter((e) => landed.has(e.path) || under.get(dirOf(e.path)) !== 1 || names.get(aloneName(e.path))! > 1)
      if (!undo.length) {
        // Once the installs other files make are known (a route may turn out to belong to one).
        if (orphanRoutes(entries, fileLayers(plans), ownerIndex(plans))) undo = deferred.filter((e) => e.valuesFacts)
      }
      if (!undo.length) {
        if (plans.length >= 2 || plans.length + deferred.length < 2) return { plans, several: plans.length >= 2 }
        batch = Math.max(2 - plans.length, 2 * batch)
        undo = deferred.slice(0, batch)
      }
      for (const e of undo) this.undefer(e)
    }
  }

  /** A `Chart.yaml` the reader found beside a values file but that is not in the run: context for its install. */
  private addSiblingCharts(): void {
    const have = new Set(this.entries.map((e) => e.path))
    for (const e of this.entries.slice()) {
      if (e.siblingChart === undefined) continue
      const path = `${dirOf(e.path) ? `${dirOf(e.path)}/` : ''}Chart.yaml`
      if (have.has(path)) continue
      have.add(path)
      const parse = parseDocuments(e.siblingChart)
      const lf = loadFile(path, e.siblingChart, { parse })
      const entry: Entry = { path, reported: false, text: e.siblingChart, options: {}, decl: declOf(lf), synthetic: true }
      slimDown(lf, new Set())
      entry.slim = lf.file
      this.entries.push(entry)
    }
  }

  /** The trees of a file for pass 2 (a values layer of an install), parsed again; undefined when it cannot be read. */
  private load(entry: Entry): LoadedFile | undefined {
    const text = this.textOf(entry)
    if (text === undefined) return undefined
    const lf = loadFile(entry.path, text, { ...entry.options, parse: parseDocuments(text) })
    if (entry.slim) lf.file.lines = entry.slim.lines
    return lf
  }

  /** An install's effective values: its layers (highest first) resolved to trees, and where each node's file is. */
  private buildInstall(
    plan: InstallPlan,
    byPath: Map<string, Entry>,
    preloaded?: ReadonlyMap<string, LoadedFile>
  ): { v: ValuesInput; fileOf: (n: YamlNode) => SourceFile | undefined; unresolved: string[]; unresolvedAt?: YamlNode; loaded: ReadonlyMap<string, LoadedFile> } | null {
    const cache = new Map<string, LoadedFile>()
    const get = (path: string): LoadedFile | undefined => {
      const e = byPath.get(path)
      if (!e || e.skipped) return undefined
      let lf = cache.get(path)
      if (!lf) {
        lf = preloaded?.get(path) ?? this.load(e)
        if (lf) cache.set(path, lf)
      }
      return lf
    }
    const roots = new Map<YamlNode, SourceFile>()
    const register = (node: YamlNode, file: SourceFile): void => {
      roots.set(topOf(node), file)
    }
    const layers: ValuesLayer[] = []
    const unresolved: string[] = []
    for (const l of plan.layers) {
      if (l.kind === 'unresolved') {
        unresolved.push(l.what)
        continue
      }
      const lf = get(l.path)
      if (!lf) {
        unresolved.push(`${l.path} (not read)`)
        continue
      }
      let layer: ValuesLayer | undefined
      if (l.kind === 'file') {
        const doc = lf.values.find((v) => v.evidence !== undefined)
        if (doc) layer = { ...doc.layers[0], ossPath: l.ossPath, source: l.path }
        else if (lf.file.parse.error || lf.file.skipped) unresolved.push(`${l.path} (${lf.file.skipped ?? 'not valid YAML'})`)
        else if (!lf.file.parse.documents.some((d) => d.root && d.root.kind !== 'scalar')) {
          // Findings about missing keys point at line 1; the fix appends to the end (after any comments).
          const root: MapNode = { kind: 'map', pairs: [], flow: false, start: 0, end: 0, parent: null }
          layer = { root, ossPath: l.ossPath, file: lf.file, source: l.path, emptyFile: true }
        } else unresolved.push(`${l.path} (not a mapping)`)
      } else if (l.kind === 'inline') {
        const ref = lf.values[l.ordinal]?.stack[l.index]
        if (ref?.kind === 'inline') layer = l.ossPath ? { ...ref.layer, ossPath: l.ossPath } : ref.layer
      } else {
        const obj = lf.objects[l.objIndex]
        const data = deref(getNode(obj?.root, ['data', l.key]))
        const embedded = data && data.kind === 'scalar' ? embedValues(lf.file, data) : null
        if (embedded?.root) layer = { root: embedded.root, ossPath: l.ossPath, file: lf.file, source: `ConfigMap ${obj.name} ${l.key}`, embedded: true }
        else unresolved.push(`ConfigMap ${obj?.name ?? '?'} data.${l.key}${embedded?.note ? ` (${embedded.note})` : ''}`)
      }
      if (layer) {
        register(layer.root, layer.file)
        layers.push(layer)
      }
    }
    layers.reverse()
    const descriptor = plan.descriptor ? get(plan.descriptor.path)?.values[plan.descriptor.ordinal] : undefined
    if (descriptor) register(descriptor.anchor, descriptor.file)
    const home = descriptor ?? (layers.length ? undefined : null)
    if (home === null) return null
    const top = layers[layers.length - 1]
    const v: ValuesInput = descriptor
      ? { ...descriptor, layers, chart: plan.chart, prefix: plan.prefix }
      : {
          file: top.file,
          doc: top.file.parse.documents[0] ?? { index: 0, root: null, start: 0, end: 0, duplicateKeys: [] },
          form: plan.chart === 'gloo-ee' ? 'enterprise-values' : 'values',
          chart: plan.chart,
          prefix: plan.prefix,
          layers,
          stack: [],
          anchor: layers[0].root,
          notes: []
        }
    v.install = plan.name
    if (plan.fixTarget) v.fixTarget = plan.fixTarget
    // An umbrella dependency whose condition is false installs nothing (Helm: the first condition path that is set decides).
    if (v.condition) {
      for (const raw of v.condition.split(',')) {
        const path = raw.trim().split('.').filter(Boolean)
        const found = path.length ? layers.map((l) => deref(getNode(l.root, path))).find((n) => n && n.kind === 'scalar' && (n.value === 'true' || n.value === 'false')) : undefined
        if (found && found.kind === 'scalar') {
          if (found.value === 'false') return null
          break
        }
      }
    }
    settleVersion(v, this.config.glooVersion, plan.version)
    for (const n of v.notes) register(n.node, v.file)
    // The first unreadable layer the descriptor names, for the notice to point at.
    const unresolvedAt = descriptor?.stack.find((s) => s.kind === 'unresolved')?.node
    return { v, fileOf: (n) => roots.get(topOf(n)), unresolved, loaded: cache, ...(unresolved.length && unresolvedAt ? { unresolvedAt } : {}) }
  }
}

/**
 * A text that can hold plain values documents and nothing else (its decl has only `values` documents, no facts):
 * no Kubernetes object (`apiVersion`), no umbrella `Chart.yaml`, Kustomize `helmCharts` or helmfile `releases`, and
 * no backslash (a double-quoted key could spell one of those with escapes).
 */
function mayBeValuesOnly(path: string, text: string): boolean {
  return !CHART_FILE.test(path.slice(path.lastIndexOf('/') + 1)) && !NOT_VALUES_ONLY.test(text)
}
// One search of the text for all four (a values file holds none, so each `includes` read it whole: 2,700 files, 20 ms).
const NOT_VALUES_ONLY = /apiVersion|helmCharts|releases|\\/

/** Words of the keys whose values add facts to an install (valuesFacts): one search for both. */
const VALUES_FACT_WORDS = /disableKubernetesDestinations|knative/

/** Files named like Gloo, or holding the word: the only ones a syntax error or a template is reported on. */
const GLOOISH = /gloo/i
const WORKFLOW = /(^|\/)\.github\/workflows\//

/** The top of a node's tree (its document root, a synthetic map, an embedded document's root). */
function topOf(node: YamlNode): YamlNode {
  let n: YamlNode = node
  while (n.parent) n = n.parent
  return n
}

function docIndexAt(file: SourceFile, offset: number): number {
  const d = file.parse.documents.find((x) => x.start <= offset && offset <= x.end)
  return d?.index ?? 0
}

/**
 * A finding of an install with layers that cannot be read (catalog section 1A): such a layer could set the key, so
 * the finding is a notice marked unverified, and its fix only a suggestion.
 */
function unverified(f: Finding, install: string): Finding {
  f.severity = 'notice'
  f.message = `Unverified (install ${install} has values layers that cannot be read): ${f.message}`
  if (f.fix) {
    f.suggestions = [{ message: 'Apply once the unread layers are checked (what --fix would write if they were readable).', edits: f.fix }, ...(f.suggestions ?? [])]
    delete f.fix
  }
  return f
}

/** A key path as a rule prints it (`gloo.gatewayProxies.…` in gloo-ee), as the chart reads it: without the prefix. */
function ossKey(key: string, prefix: string): string {
  // Globals stay at the values root whatever the prefix (`global.…`), so only a prefixed key loses it.
  return prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key
}

/**
 * Fix condition F1 (catalog section 2, with sections 1.4 and 4.3): a safe fix stays one only when the chart
 * version is known and reads the key written. Unknown: a fix writing a key newer than 1.3.0 is a suggestion, and
 * the message says what it assumes. Known and too old: the fix would write a key the chart ignores, so only a
 * suggestion to upgrade first remains.
 * @param key the key as the finding prints it (with the chart's prefix)
 * @param oss the same key as the chart reads it, for catalog section 4.3
 */
function chartReads(f: Finding, key: string, oss: string, version: Version | undefined, unknown: 'fix' | 'suggest'): void {
  if (!f.fix) return
  if (!version) {
    if (unknown === 'fix') return
    const row = keySince(oss)[0]
    if (!row) return
    if (!f.message.includes('assuming chart ≥')) f.message = `${f.message} (assuming chart ≥ ${row.since}; the chart version is unknown)`
    f.suggestions = [{ message: `Apply once the chart is known to be ≥ ${row.since}, the first version that reads ${key} (what --fix would write if the version were known).`, edits: f.fix }, ...(f.suggestions ?? [])]
    delete f.fix
    return
  }
  const row = unreadRow(oss, version)
  if (!row) return
  f.suggestions = [{ message: `Upgrade the chart to ≥ ${row.since} first: chart ${version.raw} does not read ${key}; then apply this.`, edits: f.fix }, ...(f.suggestions ?? [])]
  delete f.fix
}

/**
 * The installs each finding was made for, until mergeInstalls names them in its message (and forgets it): a
 * finding waits here from its rule until its file's turn. The lists are shared by the findings of one context:
 * never changed in place.
 */
type MadeFor = Map<Finding, readonly string[]>

/** Remembers the installs (when the run holds several) a finding was made for. */
function withInstall(madeFor: MadeFor, f: Finding, installs: readonly string[] | undefined): Finding {
  if (installs) madeFor.set(f, installs)
  return f
}

/**
 * The same finding made for several installs (same rule, node and message) is reported once; the message and the
 * `install` field name every install it was made for.
 */
function mergeInstalls(madeFor: MadeFor, findings: Finding[]): Finding[] {
  // A run with one install makes no finding for installs (nor does a file outside every install).
  if (!madeFor.size) return findings
  // Most files' findings were all made for one install (a values file, a member of one install): each is named,
  // and a repeat of one (same place and message) is left to `dedupe`, as it would be after a merge.
  const first = madeFor.get(findings[0])
  if (first?.length === 1 && findings.every((f) => madeFor.get(f) === first)) {
    for (const f of findings) {
      madeFor.delete(f)
      nameInstalls(f, first)
    }
    return findings
  }
  const byPlace = new Map<string, Finding[]>()
  const out: Finding[] = []
  // The installs' lists are shared (readonly): one is copied only when a second list joins it.
  const names = new Map<Finding, readonly string[]>()
  for (const f of findings) {
    const installs = madeFor.get(f)
    if (!installs) {
      out.push(f)
      continue
    }
    madeFor.delete(f)
    const seen = sameAsSeen(byPlace, `${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}`, f)
    if (!seen) {
      names.set(f, installs)
      out.push(f)
    } else names.set(seen, [...names.get(seen)!, ...installs])
  }
  for (const [f, list] of names) nameInstalls(f, list.length > 1 ? [...new Set(list)] : list)
  return out
}

/** Names the installs a finding was made for: its `install` field, and the end of its message. */
function nameInstalls(f: Finding, installs: readonly string[]): void {
  f.install = installs.join(', ')
  f.message = `${f.message} (${installs.length > 1 ? 'installs' : 'install'} ${f.install})`
}

const NO_DUPLICATES = Object.freeze([]) as unknown as YamlDocument['duplicateKeys']

/**
 * Drops a file's trees: its SourceFile keeps path, text and lines, and one root-less entry per document.
 * Objects the project kept still point at this file, so its edits must indent as the whole file did.
 */
function slimDown(lf: LoadedFile, kept: ReadonlySet<KubeObject>): void {
  const file = lf.file
  const parse: ParseResult = {
    documents: file.parse.documents.map((d) => ({ index: d.index, root: null, start: d.start, end: d.end, duplicateKeys: NO_DUPLICATES })),
    aliasCount: file.parse.aliasCount
  }
  if (file.parse.error) parse.error = file.parse.error
  // Objects the project kept may still get fixes: keep the indentation step measured while the trees existed.
  const edit = new EditSource(file.text, [], { lines: file.lines, indentStep: kept.size ? file.edit.indentStep : undefined })
  // The line index pass 1 may have built stays: it is the one table of this file for the rest of the run.
  const slim: SourceFile = { path: file.path, text: file.text, lines: file.lines, edit, parse }
  if (file.skipped !== undefined) slim.skipped = file.skipped
  for (const obj of kept) obj.file = slim
  lf.file = slim
}

/** Convenience for one file. */
export function lintText(path: string, text: string, options: LintOptions = {}): Finding[] {
  return lint([{ path, text }], options).findings
}

const point = (offset: number) => ({ kind: 'scalar' as const, value: '', style: 'plain' as const, empty: true, start: offset, end: offset, parent: null })

export function resourceOf(obj: KubeObject): string {
  return `${obj.kind}/${obj.namespace ?? ''}/${obj.name}`
}

/**
 * @param keyPath for a values finding, the chart key it is about (`gateway.proxyServiceAccount.disableAutomount`):
 *   its fingerprint then names the key, not the node the finding points at, which for a missing key is the nearest
 *   existing ancestor and moves when a fix inserts a parent.
 */
function toFinding(rule: Rule, p: Problem, file: SourceFile, resource: string, config: Config, keyPath?: string): Finding {
  const setting = config.rules[rule.meta.id]
  const severity: Severity = setting && setting !== 'off' ? setting : p.severity ?? rule.meta.severity
  const template = rule.meta.messages[p.messageId] ?? p.messageId
  const jsonPath = p.node.parent ? jsonPathOf(p.node) : ''
  const finding: Finding = {
    ruleId: rule.meta.id,
    messageId: p.messageId,
    severity,
    message: formatMessage(template, p.data),
    path: file.path,
    span: file.lines.spanOf(p.node.start, p.node.end),
    offsets: [p.node.start, p.node.end],
    resource,
    jsonPath,
    // What the fingerprint hashes, until the file's findings are settled (settleFingerprints).
    fingerprint: [rule.meta.id, file.path, resource, keyPath ?? jsonPath, p.key ?? '', keyPath || jsonPath ? '' : p.messageId].join('\u0000')
  }
  if (p.fix && p.fix.length) finding.fix = p.fix
  if (p.suggest?.length)
    finding.suggestions = p.suggest.map((s) => ({ message: formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, s.data ?? p.data), edits: s.edits }))
  return finding
}

/** The first 16 hex digits of SHA-256 over the parts (one-shot `crypto.hash` where Node has it: no Hash object). */
export function fingerprint(parts: readonly string[]): string {
  return sha256Hex16(parts.join('\u0000'))
}

function sha256Hex16(input: string): string {
  const c = nodeCrypto()
  const hex = typeof c.hash === 'function' ? c.hash('sha256', input, 'hex') : c.createHash('sha256').update(input).digest('hex')
  return hex.slice(0, 16)
}

/** node:crypto, loaded when the first fingerprint is made (a run without findings, or without fingerprints, never needs it: start-up). */
let cryptoModule: typeof import('node:crypto') | undefined
const nodeCrypto = (): typeof import('node:crypto') => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'))

/** Drops repeated findings (same place and message); `onePath`: the findings are all of one file (keys skip it). */
function dedupe(findings: Finding[], onePath = false): Finding[] {
  const seen = new Map<string, Finding[]>()
  return findings.filter(
    (f) => sameAsSeen(seen, onePath ? `${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}` : `${f.path}\u0000${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}`, f) === undefined
  )
}

/**
 * The finding among those seen with the same `place` (path, rule, span) and message as `f`, else undefined (and
 * `f` counts as seen). Messages are long: they are compared only within a place, not hashed into its key.
 */
function sameAsSeen(seen: Map<string, Finding[]>, place: string, f: Finding): Finding | undefined {
  const here = seen.get(place)
  if (!here) {
    seen.set(place, [f])
    return undefined
  }
  const same = here.find((g) => g.message === f.message)
  if (!same) here.push(f)
  return same
}

/**
 * A file's findings get their fingerprints: each holds what its fingerprint hashes (toFinding), which becomes the
 * first 16 hex digits of its SHA-256, or '' when the run wants none (`LintOptions.fingerprints`). Two identical
 * resources in one file would share fingerprints: the repeats are numbered, in file order.
 */
function settleFingerprints(findings: Finding[], wanted: boolean): Finding[] {
  const seen = new Map<string, number>()
  for (const f of findings) {
    const input = f.fingerprint
    if (!wanted) {
      f.fingerprint = ''
      continue
    }
    const n = seen.get(input) ?? 0
    seen.set(input, n + 1)
    const hash = sha256Hex16(input)
    f.fingerprint = n > 0 ? fingerprint([hash, String(n)]) : hash
  }
  return findings
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}

/** Drops suppressed findings and reports suppressions that matched nothing or cannot be read. */
function applySuppressions(file: SourceFile, objects: readonly KubeObject[], findings: Finding[], byId: Map<string, Rule>, config: Config): Finding[] {
  const scanned = scanComments(file.text, file.lines, byId)
  const comments = scanned.filter((c) => !c.problem)
  const annotations: { obj: KubeObject; rules: string[]; used: Set<string>; scan: ReturnType<typeof parseAnnotation>[number]; pair: ReturnType<typeof mapEntries>[number] | undefined }[] = []
  for (const obj of objects)
    for (const scan of parseAnnotation(obj.annotations, byId)) {
      const pair = mapEntries(getNode(obj.root, ['metadata', 'annotations'])).find((p) => keyOf(p) === scan.key)
      annotations.push({ obj, rules: scan.rules, used: new Set(), scan, pair })
    }
  if (!scanned.length && !annotations.length) return findings
  // By the line they cover and the resource they annotate: a generated file may suppress thousands of findings.
  const commentsAt = new Map<number, typeof comments>()
  for (const c of comments)
    for (const line of c.covers) {
      const list = commentsAt.get(line)
      if (list) list.push(c)
      else commentsAt.set(line, [c])
    }
  const annotationsOf = new Map<string, typeof annotations>()
  for (const a of annotations) {
    const resource = resourceOf(a.obj)
    const list = annotationsOf.get(resource)
    if (list) list.push(a)
    else annotationsOf.set(resource, [a])
  }
  const kept: Finding[] = []
  for (const f of findings) {
    let suppressed = false
    for (const c of commentsAt.get(f.span.start.line) ?? [])
      if (c.rule === f.ruleId) {
        c.used = true
        suppressed = true
      }
    for (const a of annotationsOf.get(f.resource) ?? [])
      if (a.rules.includes(f.ruleId)) {
        a.used.add(f.ruleId)
        suppressed = true
      }
    if (!suppressed) kept.push(f)
  }
  const rule = byId.get('suppression-unused')
  if (!rule || config.rules['suppression-unused'] === 'off') return kept
  const node = (start: number, end: number) => ({ kind: 'scalar' as const, value: '', style: 'plain' as const, empty: false, start, end, parent: null })
  // unknownRule keeps the fingerprint it always had (no key); the other problems are told apart by what they quote.
  const problemKey = (messageId: string, data: Record<string, string>) => (messageId === 'unknownRule' ? undefined : `${messageId}:${Object.values(data).join(',')}`)
  for (const c of scanned) {
    if (c.problem) {
      const { messageId, data } = c.problem
      kept.push(toFinding(rule, { messageId, node: node(c.start, c.end), data, key: problemKey(messageId, data) }, file, 'file', config))
      continue
    }
    if (!c.reason) kept.push(toFinding(rule, { messageId: 'noReason', node: node(c.start, c.end), data: { rule: c.rule }, key: `reason:${c.line}` }, file, 'file', config))
    if (!c.used && isEnabled(byId.get(c.rule)!, config.rules)) kept.push(toFinding(rule, { messageId: 'unused', node: node(c.start, c.end), data: { rule: c.rule }, key: String(c.line) }, file, 'file', config))
  }
  for (const a of annotations) {
    const resource = resourceOf(a.obj)
    for (const { messageId, data } of a.scan.problems) {
      // A misspelt key is pointed at; a faulty value of the right key, at the value.
      const n = (a.scan.key === IGNORE_ANNOTATION ? a.pair?.value : a.pair?.key) ?? a.obj.root
      kept.push(toFinding(rule, { messageId, node: n, data, key: problemKey(messageId, data) }, file, resource, config))
    }
    for (const r of a.rules)
      if (!a.used.has(r) && isEnabled(byId.get(r)!, config.rules)) kept.push(toFinding(rule, { messageId: 'unused', node: a.pair?.value ?? a.obj.root, data: { rule: r }, key: r }, file, resource, config))
  }
  return kept
}
