/** `--fix`: apply every safe fix (never suggestions), re-linting between passes so overlapping fixes converge. */
import { lint, type LintFile, type LintOptions } from './lint.js'
import { LineIndex } from '../yaml/position.js'
import { parseDocuments } from '../yaml/tree.js'
import { applyEdits, EditIndex } from '../model/edit.js'
import { firstAtLeast } from '../model/sorted.js'
import type { Finding, TextEdit } from '../model/finding.js'

/**
 * Each pass re-lints and applies the fixes that do not overlap; leftovers get fresh offsets next pass. Fixes
 * that insert missing keys under the same map overlap, so a bare values file can need many passes (ESLint: 10).
 */
export const MAX_FIX_PASSES = 10

export interface RejectedFix {
  finding: Finding
  reason: string
}

export interface FixResult {
  /** New text of every file a fix changed (files left unchanged are absent). */
  outputs: Map<string, string>
  /** Findings whose fix was applied (positions as in the text of the pass that applied them). */
  applied: Finding[]
  /** Findings after all fixes, as a fresh lint of the new texts reports them. */
  remaining: Finding[]
  /** Findings of the files as they were, before any fix (the first pass: what a run without --fix reports). */
  initial: Finding[]
  /** Fixes not applied because the file would no longer parse, or would gain a duplicate key. */
  rejected: RejectedFix[]
  /** Every edit applied, per file in the order applied, located in the file as it was before any fix. */
  edits: AppliedEdit[]
}

/** One applied text edit, for a summary a human reads (`values.yaml:3  true → false`). */
export interface AppliedEdit {
  path: string
  ruleId: string
  /** The finding whose fix this edit is part of (one of `applied`). */
  finding: Finding
  /**
   * 1-based line of the original text (before any fix) where the edit starts. An edit of a later pass that
   * lands inside text an earlier pass inserted takes the line of that insertion.
   */
  line: number
  /** The original text the edit replaced ('' for an insertion). */
  removed: string
  /** The text it put there ('' for a deletion). */
  inserted: string
}

const hasFix = (f: Finding): f is Finding & { fix: TextEdit[] } => !!f.fix && f.fix.length > 0
/** Parse errors and duplicate keys: a fix may not add either (two inserts of one parent key would still parse). */
function damage(text: string): number {
  const r = parseDocuments(text)
  return r.error ? Infinity : r.documents.reduce((n, d) => n + d.duplicateKeys.length, 0)
}
const worse = (after: string, before: string): boolean => damage(after) > damage(before)

/**
 * The fixes one pass applies, in order: a finding's edits go in together or not at all, and one that overlaps
 * (or inserts at the same point as) an earlier finding's waits for the next pass, since two inserts of the same
 * missing parent key would repeat it.
 */
function nonOverlapping<F extends Finding>(findings: readonly F[]): (F & { fix: TextEdit[] })[] {
  const taken: (F & { fix: TextEdit[] })[] = []
  const index = new EditIndex()
  for (const f of findings)
    if (hasFix(f) && !index.overlaps(f.fix)) {
      taken.push(f as F & { fix: TextEdit[] })
      index.add(f.fix)
    }
  return taken
}

/** Applies every `fix` of every finding to the files, in memory; the caller decides whether to write. */
export function fixFiles(files: LintFile[], lintOptions: LintOptions = {}): FixResult {
  const original = new Map(files.map((f) => [f.path, f.text]))
  const current = new Map(original)
  const applied: Finding[] = []
  const rejected: RejectedFix[] = []
  // A fingerprint is fixed at most once: a fix that does not make its finding go away must not be applied
  // again (an insertion would be duplicated every pass).
  const attempted = new Set<string>()
  const withText = (): LintFile[] => files.map((f) => (f.skipped ? f : { ...f, text: current.get(f.path) ?? f.text }))
  // Per file, the edits of each pass that changed it (in that pass's text), to locate later edits in the original.
  const history = new Map<string, Pass[]>()
  // Per file, the original's lines (an edit's line is found as a finding's is).
  const lines = new Map<string, LineIndex>()
  const edits: AppliedEdit[] = []
  const record = (path: string, text: string, done: readonly Finding[]): void => {
    const earlier = history.get(path) ?? []
    let at = lines.get(path)
    if (!at) lines.set(path, (at = new LineIndex(original.get(path) ?? '')))
    for (const f of done)
      for (const e of [...(f.fix ?? [])].sort((a, b) => a.range[0] - b.range[0])) {
        const start = toOriginal(e.range[0], earlier)
        edits.push({ path, ruleId: f.ruleId, finding: f, line: at.positionAt(start).line, removed: text.slice(e.range[0], e.range[1]), inserted: e.text })
      }
    history.set(path, [...earlier, passOf(done.flatMap((f) => f.fix ?? []))])
  }

  let findings = lint(withText(), lintOptions).findings
  const initial = findings
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixable = findings.filter((f) => hasFix(f) && !attempted.has(key(f)))
    if (!fixable.length) break
    const byPath = new Map<string, (Finding & { fix: TextEdit[] })[]>()
    for (const f of fixable) {
      if (!hasFix(f)) continue
      const list = byPath.get(f.path)
      if (list) list.push(f)
      else byPath.set(f.path, [f])
    }
    let changed = false
    for (const [path, list] of byPath) {
      const text = current.get(path)
      if (text === undefined) continue
      const taken = nonOverlapping(list)
      const result = applyEdits(text, taken.flatMap((f) => f.fix))
      if (result.skipped.length) {
        // Out-of-range or self-overlapping edits: apply the findings one by one instead.
        const one = applyOneByOne(text, taken)
        for (const r of one.rejected) {
          attempted.add(key(r.finding))
          rejected.push(r)
        }
        for (const f of one.applied) attempted.add(key(f))
        if (one.text !== text) current.set(path, one.text)
        record(path, text, one.applied)
        for (const f of one.applied) applied.push(f)
        changed ||= one.text !== text || one.rejected.length > 0
        continue
      }
      if (!worse(result.output, text)) {
        for (const f of taken) attempted.add(key(f))
        current.set(path, result.output)
        record(path, text, taken)
        for (const f of taken) applied.push(f)
        changed = true
        continue
      }
      // The combination breaks the file: find the fixes that break it alone, and keep the others for the
      // next pass; if none does alone, they conflict, and none of them is applied.
      const breaking = taken.filter((f) => worse(applyEdits(text, f.fix).output, text))
      const culprits = breaking.length ? breaking : taken
      for (const f of culprits) {
        attempted.add(key(f))
        rejected.push({ finding: f, reason: breaking.length ? 'the fixed file would not parse (or would repeat a key)' : 'it conflicts with another fix (the fixed file would not parse, or would repeat a key)' })
      }
      changed = true
    }
    if (!changed) break
    findings = lint(withText(), lintOptions).findings
  }

  const outputs = new Map<string, string>()
  for (const [path, text] of current) if (text !== original.get(path)) outputs.set(path, text)
  return { outputs, applied, remaining: findings, rejected, initial, edits }
}

function applyOneByOne(text: string, list: (Finding & { fix: TextEdit[] })[]): { text: string; applied: Finding[]; rejected: RejectedFix[] } {
  // Offsets are only valid for the text they were computed on, so apply the first fix that works and leave
  // the others untouched for the next pass, which re-lints.
  const rejected: RejectedFix[] = []
  for (const f of list) {
    const r = applyEdits(text, f.fix)
    if (r.skipped.length) rejected.push({ finding: f, reason: 'its edits overlap or fall outside the file' })
    else if (worse(r.output, text)) rejected.push({ finding: f, reason: 'the fixed file would not parse (or would repeat a key)' })
    else return { text: r.output, applied: [f], rejected }
  }
  return { text, applied: [], rejected }
}

/**
 * A pass's edits (in the text it was applied to), by start, with where each one's text starts in the text after the
 * pass and how far the text after it has moved: an offset is mapped back by bisection.
 */
export interface Pass {
  edits: TextEdit[]
  /** Where each edit's text starts in the text after the pass (non-decreasing: the edits do not overlap). */
  after: number[]
  /** The shift of the text after each edit (its length in the text after the pass, less before). */
  shift: number[]
}

export function passOf(edits: readonly TextEdit[]): Pass {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0])
  const after: number[] = []
  const shift: number[] = []
  let moved = 0
  for (const e of sorted) {
    after.push(e.range[0] + moved)
    moved += e.text.length - (e.range[1] - e.range[0])
    shift.push(moved)
  }
  return { edits: sorted, after, shift }
}

/**
 * An offset of the text after `passes` as an offset of the text before them; an offset inside inserted text maps to
 * where that text went in.
 */
export function toOriginal(offset: number, passes: readonly Pass[]): number {
  let o = offset
  for (let p = passes.length - 1; p >= 0; p--) {
    const { edits, after, shift } = passes[p]
    // The last edit whose text starts at or before o (every earlier one's text ends before it does).
    const k = firstAtLeast(after, o + 1) - 1
    if (k < 0) continue
    o = o < after[k] + edits[k].text.length ? edits[k].range[0] : o - shift[k]
  }
  return o
}

const key = (f: Finding): string => `${f.path}\u0000${f.fingerprint}`
