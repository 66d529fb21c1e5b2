/** The combined patch of every safe fix, as a `git apply`-able unified diff (what the summary offers when a suggestion cannot be). */
import { formatPatch, structuredPatch } from 'diff'
import type { SourceFile } from '../forms/manifests.js'
import { applyEdits, editsOverlap } from '../model/edit.js'
import type { Finding, TextEdit } from '../model/finding.js'
import { comparePriority } from './review.js'

/**
 * Fixed text of one file: each finding's fix is taken whole or not at all, most severe first; a fix that
 * overlaps one already taken (or has an edit outside the file) is left for the next `--fix` run, as ESLint does.
 */
export function fixedText(file: SourceFile, findings: readonly Finding[]): { text: string; applied: Finding[]; skipped: Finding[] } {
  const taken: TextEdit[] = []
  const applied: Finding[] = []
  const skipped: Finding[] = []
  for (const f of [...findings].sort(comparePriority)) {
    if (f.path !== file.path || !f.fix?.length) continue
    // applyEdits reports out-of-range and self-overlapping edits as skipped.
    if (applyEdits(file.text, f.fix).skipped.length || editsOverlap(taken, f.fix)) {
      skipped.push(f)
      continue
    }
    taken.push(...f.fix)
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
    const p = structuredPatch(`a/${path}`, `b/${path}`, file.text, text, undefined, undefined, { context: 3 })
    p.isGit = true
    out += formatPatch(p)
  }
  return out
}
