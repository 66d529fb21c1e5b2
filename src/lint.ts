/**
 * The engine: load every file, build cross-document facts, run the rules, and turn problems into
 * findings with spans, severities, fingerprints and suppressions applied. Pure: no I/O, no GitHub.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import { parseEvents, type Event } from 'js-yaml'
import { defaultConfig, type Config } from './config.js'
import { EditSource } from './load/edits.js'
import { loadFile, makeSourceFile, type KubeObject, type LoadedFile, type LoadOptions, type SourceFile } from './load/manifests.js'
import { packEvents, unpackEvents, type PackedEvents } from './load/packed-events.js'
import { mayHoldFacts, ProjectBuilder, type Project } from './load/project.js'
import { getNode, jsonPathOf, mapEntries, keyOf } from './load/query.js'
import { MAX_DEPTH, parseDocuments, type ParseResult, type YamlDocument } from './load/tree.js'
import type { Finding, Severity } from './model/finding.js'
import { rules as allRules } from './rules/index.js'
import { formatMessage, type Problem, type Rule } from './rules/types.js'
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
}

export interface LintOptions {
  config?: Config
  rules?: readonly Rule[]
}

export interface LintResult {
  findings: Finding[]
  /**
   * The loaded files by path (for applying fixes and building review comments): path, text and lines. Their
   * trees are gone once the rules ran: `parse.documents` keeps one entry per document, with `root: null`. A
   * context file (`report: false`) without cross-document facts is not parsed at all: no documents.
   */
  files: Map<string, SourceFile>
  project: Project
}

/** What pass 1 leaves of a file for pass 2. */
interface Entry {
  path: string
  reported: boolean
  /** Why the reader did not read it. */
  skipped?: string
  /** The file without its trees: what LintResult.files holds (set in pass 2 for a file parsed there). */
  slim?: SourceFile
  /**
   * The parse events, when pass 2 needs the tree again (objects or values to check, duplicate keys to report), or
   * for a `later` file, the events it came with (parsed elsewhere).
   */
  packed?: PackedEvents
  /** A file that holds no cross-document facts is parsed only in pass 2 (unless its events came with it). */
  later?: boolean
  text: string
  options: LoadOptions
  /** Objects the project kept, by their index in the file's objects (rules must see those very objects). */
  kept?: Map<number, KubeObject>
}

const ruleById = (rules: readonly Rule[]): Map<string, Rule> => new Map(rules.map((r) => [r.meta.id, r]))

/**
 * Lints a set of files together (cross-document rules see all of them). Two passes, so that memory holds facts
 * rather than every tree. Pass 1 parses each file that may hold cross-document facts, classifies it, hands its
 * facts to the project and keeps only its parse events, packed. Pass 2 runs the rules file by file with the
 * complete project, on a tree rebuilt from those events (no second parse), or parsed now for a file without
 * facts, then drops the tree. (Keeping trees between the passes instead was slower and used more memory: they
 * are promoted to V8's old space and stay there as garbage.)
 */
export function lint(files: readonly LintFile[], options: LintOptions = {}): LintResult {
  const linter = new Linter(options)
  for (const f of files) linter.add(f)
  return linter.finish()
}

/**
 * `lint` a file at a time: `add` runs pass 1 on each file as it arrives, `finish` runs pass 2 and returns the
 * result. A file may come with its parse events already packed (`packEvents` of `parseEvents(text, { maxDepth:
 * MAX_DEPTH })`, e.g. parsed on another thread): the engine then never parses it.
 */
export class Linter {
  private readonly config: Config
  private readonly rules: readonly Rule[]
  private readonly byId: Map<string, Rule>
  private readonly builder = new ProjectBuilder()
  private readonly entries: Entry[] = []
  /** Complete once pass 2 begins. */
  private project: Project | undefined

  constructor(options: LintOptions = {}) {
    this.config = options.config ?? defaultConfig()
    this.rules = options.rules ?? allRules
    this.byId = ruleById(this.rules)
  }

  /** Pass 1 of one file; files are reported in the order they are added. */
  add(f: LintFile, packed?: PackedEvents): void {
    const { config, builder, entries } = this
    const reported = f.report !== false
    if (f.skipped) {
      entries.push({ path: f.path, reported, skipped: f.skipped, slim: loadFile(f.path, '', {}).file, text: '', options: {} })
      return
    }
    const loadOptions: LoadOptions = { glooVersion: config.glooVersion, siblingChart: f.siblingChart }
    const entry: Entry = { path: f.path, reported, text: f.text, options: loadOptions }
    entries.push(entry)
    if (!mayHoldFacts(f.text)) {
      // Context without facts is never parsed: nothing reads it.
      if (reported) {
        entry.later = true
        entry.packed = packed
      } else entry.slim = makeSourceFile(f.path, f.text, undefined, { documents: [], aliasCount: 0 })
      return
    }
    let events: Event[] | undefined
    if (packed) events = unpackEvents(packed)
    else
      try {
        events = parseEvents(f.text, { maxDepth: MAX_DEPTH })
      } catch {
        // parseDocuments parses again to report the error with its position.
      }
    const parse = parseDocuments(f.text, events ? { events } : {})
    const lf = loadFile(f.path, f.text, { ...loadOptions, parse })
    const kept = builder.add(lf)
    if (reported && (lf.objects.length > 0 || lf.values.length > 0 || parse.documents.some((d) => d.duplicateKeys.length > 0))) {
      entry.packed = packed ?? packEvents(events!)
      if (kept.size) entry.kept = new Map(lf.objects.flatMap((o, i) => (kept.has(o) ? [[i, o] as const] : [])))
    }
    slimDown(lf, kept)
    entry.slim = lf.file
  }

  /** Pass 2: every rule on every reported file, with the complete project. */
  finish(): LintResult {
    const all: Finding[] = []
    for (const { findings } of this.eachFile()) for (const f of findings) all.push(f)
    // Sorted again as a whole: the files may have come in any order.
    return { findings: uniqueFingerprints(sortFindings(dedupe(all))), files: new Map(this.entries.map((e) => [e.path, e.slim!])), project: this.project! }
  }

  /**
   * Pass 2 a file at a time: each reported file (without its trees) and its findings, sorted, in the order the
   * files were added. For files added in path order the concatenation of the findings is `finish().findings`
   * (what a report can stream).
   */
  *eachFile(): Generator<{ file: SourceFile; findings: Finding[] }> {
    const { config, rules, byId, entries } = this
    const project = (this.project = this.builder.finish())
    const ctx = { project }
    const objectRules = rules.filter((r) => r.checkObject && config.rules[r.meta.id] !== 'off')
    const valuesRules = rules.filter((r) => r.checkValues && config.rules[r.meta.id] !== 'off')

    for (const entry of entries) {
      if (!entry.reported) continue
      let lf: LoadedFile | undefined
      if (entry.later) {
        const parse = entry.packed ? parseDocuments(entry.text, { events: unpackEvents(entry.packed) }) : undefined
        lf = loadFile(entry.path, entry.text, parse ? { ...entry.options, parse } : entry.options)
        entry.slim = lf.file
      } else if (entry.packed) {
        // Every line index of this text made from now on (the rebuilt file's edits) shares this one's table.
        void entry.slim!.lines.starts
        lf = rebuild(entry)
        lf.file.lines = entry.slim!.lines
      }
      const file = entry.slim!
      const out: Finding[] = []
      const emit = (rule: Rule, problem: Problem, resource: string): void => {
        out.push(toFinding(rule, problem, file, resource, config))
      }
      const builtin = (id: string, problem: Problem): void => {
        const rule = byId.get(id)
        if (rule && config.rules[id] !== 'off') emit(rule, problem, 'file')
      }
      const reason = entry.skipped ?? file.skipped
      if (reason) {
        builtin('file-skipped', { messageId: 'skipped', node: point(0), data: { path: file.path, reason } })
      } else if (file.parse.error) {
        const e = file.parse.error
        builtin('yaml-syntax', { messageId: 'invalid', node: point(e.offset), data: { reason: e.message.replace(/\.$/, '') } })
      }
      let objects: KubeObject[] = []
      if (lf) {
        for (const doc of lf.file.parse.documents)
          for (const dup of doc.duplicateKeys) {
            const first = dup.parent?.kind === 'map' ? dup.parent.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === dup.value) : undefined
            builtin('yaml-duplicate-key', {
              messageId: 'duplicate',
              node: dup,
              data: { key: dup.value, firstLine: first ? file.lines.positionAt(first.key.start).line : '?' }
            })
          }
        for (const v of lf.values) {
          for (const note of v.notes) builtin('values-unresolved', { messageId: 'unresolved', node: note.node, data: { message: note.message } })
          const resource = v.wrapper ? resourceOf(v.wrapper) : `values:${v.doc.index}`
          for (const rule of valuesRules) run(rule, (r) => r.checkValues!(v, ctx), resource)
        }
        // A kept object stands in for its rebuilt twin: the project's indexes hold the kept one.
        objects = entry.kept ? lf.objects.map((o, i) => entry.kept!.get(i) ?? o) : lf.objects
        for (const obj of objects) {
          const resource = resourceOf(obj)
          for (const rule of objectRules) run(rule, (r) => r.checkObject!(obj, ctx), resource)
        }
        entry.packed = undefined
        entry.kept = undefined
      }
      const kept = applySuppressions(file, objects, out, byId, config)
      if (entry.later && lf) {
        slimDown(lf, new Set())
        entry.slim = lf.file
      }
      yield { file: entry.slim!, findings: uniqueFingerprints(sortFindings(dedupe(kept))) }

      function run(rule: Rule, check: (r: Rule) => Iterable<Problem>, resource: string): void {
        try {
          for (const p of check(rule)) emit(rule, p, resource)
        } catch (err) {
          builtin('internal-error', { messageId: 'crashed', node: point(0), data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } })
        }
      }
    }
  }
}

/** Pass 2's tree of a file pass 1 did not keep: the same events, so the same tree and classification. */
function rebuild(entry: Entry): LoadedFile {
  const parse = parseDocuments(entry.text, { events: unpackEvents(entry.packed!) })
  return loadFile(entry.path, entry.text, { ...entry.options, parse })
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

function toFinding(rule: Rule, p: Problem, file: SourceFile, resource: string, config: Config): Finding {
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
    fingerprint: fingerprint([rule.meta.id, file.path, resource, jsonPath, p.key ?? '', jsonPath ? '' : p.messageId])
  }
  if (p.fix && p.fix.length) finding.fix = p.fix
  if (p.suggest?.length)
    finding.suggestions = p.suggest.map((s) => ({ message: formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, s.data ?? p.data), edits: s.edits }))
  return finding
}

/** The first 16 hex digits of SHA-256 over the parts (one-shot `crypto.hash` where Node has it: no Hash object). */
export function fingerprint(parts: readonly string[]): string {
  const input = parts.join('\u0000')
  const hex = typeof oneShotHash === 'function' ? oneShotHash('sha256', input, 'hex') : createHash('sha256').update(input).digest('hex')
  return hex.slice(0, 16)
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const k = `${f.path}\u0000${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}\u0000${f.message}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Two identical resources in one file would share fingerprints: number the repeats, in file order. */
function uniqueFingerprints(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>()
  for (const f of findings) {
    const n = seen.get(f.fingerprint) ?? 0
    seen.set(f.fingerprint, n + 1)
    if (n > 0) f.fingerprint = fingerprint([f.fingerprint, String(n)])
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

/** Drops suppressed findings and reports suppressions that matched nothing. */
function applySuppressions(file: SourceFile, objects: readonly KubeObject[], findings: Finding[], byId: Map<string, Rule>, config: Config): Finding[] {
  const comments = scanComments(file.text, file.lines)
  const annotations: { obj: KubeObject; rules: string[]; used: Set<string>; node: ReturnType<typeof getNode> }[] = []
  for (const obj of objects) {
    const value = obj.annotations[IGNORE_ANNOTATION]
    if (value === undefined) continue
    const pair = mapEntries(getNode(obj.root, ['metadata', 'annotations'])).find((p) => keyOf(p) === IGNORE_ANNOTATION)
    annotations.push({ obj, rules: parseAnnotation(value), used: new Set(), node: pair?.value ?? null })
  }
  if (!comments.length && !annotations.length) return findings
  const kept: Finding[] = []
  for (const f of findings) {
    let suppressed = false
    for (const c of comments)
      if (c.rule === f.ruleId && c.covers.includes(f.span.start.line)) {
        c.used = true
        suppressed = true
      }
    for (const a of annotations)
      if (a.rules.includes(f.ruleId) && f.resource === resourceOf(a.obj)) {
        a.used.add(f.ruleId)
        suppressed = true
      }
    if (!suppressed) kept.push(f)
  }
  const rule = byId.get('suppression-unused')
  if (!rule || config.rules['suppression-unused'] === 'off') return kept
  const node = (start: number, end: number) => ({ kind: 'scalar' as const, value: '', style: 'plain' as const, empty: false, start, end, parent: null })
  for (const c of comments) {
    if (!byId.has(c.rule)) kept.push(toFinding(rule, { messageId: 'unknownRule', node: node(c.start, c.end), data: { rule: c.rule } }, file, 'file', config))
    else if (!c.reason) kept.push(toFinding(rule, { messageId: 'noReason', node: node(c.start, c.end), data: { rule: c.rule }, key: `reason:${c.line}` }, file, 'file', config))
    if (byId.has(c.rule) && !c.used && config.rules[c.rule] !== 'off') kept.push(toFinding(rule, { messageId: 'unused', node: node(c.start, c.end), data: { rule: c.rule }, key: String(c.line) }, file, 'file', config))
  }
  for (const a of annotations)
    for (const r of a.rules) {
      const n = a.node ?? a.obj.root
      if (!byId.has(r)) kept.push(toFinding(rule, { messageId: 'unknownRule', node: n, data: { rule: r } }, file, resourceOf(a.obj), config))
      else if (!a.used.has(r) && config.rules[r] !== 'off') kept.push(toFinding(rule, { messageId: 'unused', node: n, data: { rule: r }, key: r }, file, resourceOf(a.obj), config))
    }
  return kept
}
