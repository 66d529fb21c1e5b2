/** The combined patch of every safe fix, as a `git apply`-able unified diff (what the summary offers when a suggestion cannot be). */
import { formatPatch, structuredPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff'
import type { SourceFile } from '../forms/manifests.js'
import { applyEdits, EditIndex } from '../model/edit.js'
import type { Finding, TextEdit } from '../model/finding.js'
import { comparePriority } from './review.js'

/**
 * Fixed text of one file: each finding's fix is taken whole or not at all, most severe first; a fix that
 * overlaps one already taken (or has an edit outside the file) is left for the next `--fix` run, as ESLint does.
 */
export function fixedText(file: SourceFile, findings: readonly Finding[]): { text: string; applied: Finding[]; skipped: Finding[] } {
  const taken: TextEdit[] = []
  const index = new EditIndex()
  const applied: Finding[] = []
  const skipped: Finding[] = []
  for (const f of [...findings].sort(comparePriority)) {
    if (f.path !== file.path || !f.fix?.length) continue
    // applyEdits reports out-of-range and self-overlapping edits as skipped.
    if (applyEdits(file.text, f.fix).skipped.length || index.overlaps(f.fix)) {
      skipped.push(f)
      continue
    }
    for (const e of f.fix) taken.push(e)
    index.add(f.fix)
    applied.push(f)
  }
  const { output } = applyEdits(file.text, taken)
  return { text: output, applied, skipped }
}

/** Unified diff of every safe fix, `git apply`-able (a/ b/ prefixes, git-quoted names, `\ No newline` markers kept). */
export function combinedPatch(files: ReadonlyMap<string, SourceFile>, findings: Finding[]): string {
  // Each file's fixable findings, once: fixedText sorts what it is given (all findings per file was quadratic).
  const byPath = new Map<string, Finding[]>()
  for (const f of findings) {
    if (!f.fix?.length) continue
    const list = byPath.get(f.path)
    if (list) list.push(f)
    else byPath.set(f.path, [f])
  }
  let out = ''
  for (const path of [...byPath.keys()].sort()) {
    const file = files.get(path)
    if (!file) continue
    const { text } = fixedText(file, byPath.get(path)!)
    if (text === file.text) continue
    const p = linePatch(`a/${path}`, `b/${path}`, file.text, text)
    p.isGit = true
    out += formatPatch(p)
  }
  return out
}

/** Texts of more lines than this (old and new together) are diffed region by region (`linePatch`). */
const WHOLE_LINES = 2000
/** Lines that must match again, in a row, for a changed region to end. */
const RESYNC_RUN = 3
/** How far (lines of both texts together) a changed region is followed before the rest is diffed as one. */
const RESYNC_LIMIT = 400

/**
 * jsdiff's `structuredPatch(oldName, newName, a, b, …, { context })`. Its diff takes time in the lines times the
 * lines changed: a file of 40,000 lines with thousands of fixes took seconds. So texts of more than `WHOLE_LINES`
 * lines are first walked together, line by line, for the regions that differ (a region ends where `RESYNC_RUN`
 * lines match again, looked for nearest first); regions closer than twice the context make one window, with the
 * context around it; jsdiff diffs each window, and the hunks are moved to their place in the file. The hunks are
 * those of the whole diff wherever jsdiff would align the lines the same way; either way the patch turns `a` into `b`.
 */
export function linePatch(oldName: string, newName: string, a: string, b: string, context = 3, whole = WHOLE_LINES): StructuredPatch {
  const x = lines(a)
  const y = lines(b)
  if (x.length + y.length <= whole) return structuredPatch(oldName, newName, a, b, undefined, undefined, { context })
  // Lines as numbers: equal lines, equal numbers.
  const ids = new Map<string, number>()
  const idOf = (line: string): number => {
    let id = ids.get(line)
    if (id === undefined) ids.set(line, (id = ids.size))
    return id
  }
  const xi = Int32Array.from(x, idOf)
  const yi = Int32Array.from(y, idOf)
  const hunks: StructuredPatchHunk[] = []
  const regions = changedRegions(xi, yi)
  for (let r = 0; r < regions.length; ) {
    // A window: the regions closer than twice the context, with the context before the first and after the last.
    let last = r
    while (last + 1 < regions.length && regions[last + 1][0] - regions[last][1] <= 2 * context) last++
    const a0 = Math.max(0, regions[r][0] - context)
    const b0 = regions[r][2] - (regions[r][0] - a0)
    const a1 = Math.min(x.length, regions[last][1] + context)
    const b1 = regions[last][3] + (a1 - regions[last][1])
    const p = structuredPatch('', '', x.slice(a0, a1).join(''), y.slice(b0, b1).join(''), undefined, undefined, { context })
    for (const h of p.hunks) hunks.push({ ...h, oldStart: h.oldStart + a0, newStart: h.newStart + b0 })
    r = last + 1
  }
  return { oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks }
}

/** A text's lines with their line feeds (the last without one when the text does not end in one), as jsdiff splits it. */
function lines(text: string): string[] {
  const out: string[] = []
  let from = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
    out.push(text.slice(from, i + 1))
    from = i + 1
  }
  if (from < text.length) out.push(text.slice(from))
  return out
}

/**
 * The regions where two texts' lines differ, as [old start, old end, new start, new end) line indexes, in order:
 * between two regions (and before the first, after the last) the lines are the same, one for one.
 */
function changedRegions(x: Int32Array, y: Int32Array): [number, number, number, number][] {
  const out: [number, number, number, number][] = []
  const n = x.length
  const m = y.length
  // `RESYNC_RUN` equal lines from p and q, or the same lines to both ends.
  const meet = (p: number, q: number): boolean => {
    let k = 0
    while (k < RESYNC_RUN && p + k < n && q + k < m && x[p + k] === y[q + k]) k++
    return k === RESYNC_RUN || (p + k === n && q + k === m)
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++
      j++
      continue
    }
    let met = false
    for (let d = 1; d <= RESYNC_LIMIT && !met; d++)
      for (let di = 0; di <= d; di++) {
        const p = i + di
        const q = j + d - di
        if (p > n || q > m || !meet(p, q)) continue
        out.push([i, p, j, q])
        i = p
        j = q
        met = true
        break
      }
    if (!met) {
      out.push([i, n, j, m])
      break
    }
  }
  return out
}
