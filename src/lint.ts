/**
 * The engine: load every file, build cross-document facts, run the rules, and turn problems into
 * findings with spans, severities, fingerprints and suppressions applied. Pure: no I/O, no GitHub.
 */
import { createHash } from 'node:crypto'
import { defaultConfig, type Config } from './config.js'
import { loadFile, type KubeObject, type LoadedFile, type ValuesInput } from './load/manifests.js'
import { buildProject, type Project } from './load/project.js'
import { getNode, jsonPathOf, mapEntries, keyOf } from './load/query.js'
import type { Finding, Severity } from './model/finding.js'
import { rules as allRules } from './rules/index.js'
import { formatMessage, type Problem, type Rule } from './rules/types.js'
import { IGNORE_ANNOTATION, parseAnnotation, scanComments } from './suppress.js'
import type { SourceFile } from './load/manifests.js'

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
  /** The loaded files by path (for applying fixes and building review comments). */
  files: Map<string, SourceFile>
  project: Project
}

const ruleById = (rules: readonly Rule[]): Map<string, Rule> => new Map(rules.map((r) => [r.meta.id, r]))

/** Lints a set of files together (cross-document rules see all of them). */
export function lint(files: readonly LintFile[], options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig()
  const rules = options.rules ?? allRules
  const byId = ruleById(rules)
  const loaded: LoadedFile[] = []
  const reported = new Set<string>()
  const skippedReason = new Map<string, string>()
  for (const f of files) {
    if (f.report !== false) reported.add(f.path)
    if (f.skipped) {
      skippedReason.set(f.path, f.skipped)
      loaded.push(loadFile(f.path, '', {}))
      continue
    }
    loaded.push(loadFile(f.path, f.text, { glooVersion: config.glooVersion, siblingChart: f.siblingChart }))
  }
  const project = buildProject(loaded)
  const findings: Finding[] = []
  const ctx = { project }
  const objectRules = rules.filter((r) => r.checkObject && config.rules[r.meta.id] !== 'off')
  const valuesRules = rules.filter((r) => r.checkValues && config.rules[r.meta.id] !== 'off')

  for (const lf of loaded) {
    const file = lf.file
    if (!reported.has(file.path)) continue
    const out: Finding[] = []
    const emit = (rule: Rule, problem: Problem, resource: string): void => {
      out.push(toFinding(rule, problem, file, resource, config))
    }
    const builtin = (id: string, problem: Problem): void => {
      const rule = byId.get(id)
      if (rule && config.rules[id] !== 'off') emit(rule, problem, 'file')
    }
    const reason = skippedReason.get(file.path) ?? file.skipped
    if (reason) {
      builtin('file-skipped', { messageId: 'skipped', node: point(0), data: { path: file.path, reason } })
    } else if (file.parse.error) {
      const e = file.parse.error
      builtin('yaml-syntax', { messageId: 'invalid', node: point(e.offset), data: { reason: e.message.replace(/\.$/, '') } })
    }
    for (const doc of file.parse.documents)
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
      for (const rule of valuesRules) run(rule, () => rule.checkValues!(v, ctx), resource)
    }
    for (const obj of lf.objects) {
      const resource = resourceOf(obj)
      for (const rule of objectRules) run(rule, () => rule.checkObject!(obj, ctx), resource)
    }
    findings.push(...applySuppressions(file, lf, out, byId, config))

    function run(rule: Rule, check: () => Iterable<Problem>, resource: string): void {
      try {
        for (const p of check()) emit(rule, p, resource)
      } catch (err) {
        builtin('internal-error', { messageId: 'crashed', node: point(0), data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } })
      }
    }
  }
  return { findings: uniqueFingerprints(sortFindings(dedupe(findings))), files: new Map(loaded.map((l) => [l.file.path, l.file])), project }
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

export function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)
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
function applySuppressions(file: SourceFile, lf: LoadedFile, findings: Finding[], byId: Map<string, Rule>, config: Config): Finding[] {
  const comments = scanComments(file.text, file.lines)
  const annotations: { obj: KubeObject; rules: string[]; used: Set<string>; node: ReturnType<typeof getNode> }[] = []
  for (const obj of lf.objects) {
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
