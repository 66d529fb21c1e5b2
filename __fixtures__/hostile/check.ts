/** Invariants every lint result must keep, whatever the input: positions inside the file, fixes that apply and parse. */
import { expect } from 'vitest'
import { LineIndex } from '../../src/yaml/position.js'
import { parseDocuments } from '../../src/yaml/tree.js'
import { applyEdits, editsOverlap } from '../../src/model/edit.js'
import type { Finding, Position, TextEdit } from '../../src/model/finding.js'

function badPosition(lines: LineIndex, p: Position): string | undefined {
  if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines.lineCount) return `line ${p.line} of ${lines.lineCount}`
  const max = lines.lineText(p.line).length + 1
  if (!Number.isInteger(p.column) || p.column < 1 || p.column > max) return `column ${p.column} of ${max} on line ${p.line}`
  return undefined
}

/**
 * Checks the findings of one file: every position is inside the file, no rule crashed, every fix and
 * suggestion applies without overlap and leaves a file that still parses (when it parsed before), and so
 * do the fixes of findings that do not overlap, applied together. Problems are collected and asserted once (50,000 findings stay cheap to check).
 */
export function checkFindings(text: string, findings: readonly Finding[]): void {
  const lines = new LineIndex(text)
  const parsed = !parseDocuments(text).error
  const problems: string[] = []
  for (const f of findings) {
    const what = `${f.ruleId} ${f.span.start.line}:${f.span.start.column} ${f.message}`
    if (f.ruleId === 'internal-error') problems.push(what)
    const bad = badPosition(lines, f.span.start) ?? badPosition(lines, f.span.end)
    if (bad) problems.push(`${what}: ${bad}`)
    if (!(f.offsets[0] >= 0 && f.offsets[0] <= f.offsets[1] && f.offsets[1] <= text.length)) problems.push(`${what}: offsets ${f.offsets}`)
    const edits = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? []).map((s) => s.edits)]
    for (const e of edits) {
      const { output, skipped } = applyEdits(text, e)
      if (skipped.length) problems.push(`${what}: overlapping edits ${JSON.stringify(skipped)}`)
      const error = parsed ? parseDocuments(output).error : undefined
      if (error) problems.push(`${what}: the fixed file does not parse (${error.message} at ${error.line}:${error.column})\n${output}`)
    }
  }
  if (parsed) {
    // As --fix does in one pass: every finding whose edits touch no earlier finding's (two insertions at one
    // offset count as touching: their order is only known within one finding).
    const taken: TextEdit[][] = []
    for (const f of findings) if (f.fix?.length && !taken.some((t) => editsOverlap(t, f.fix!))) taken.push(f.fix)
    const { output } = applyEdits(text, taken.flat())
    const error = parseDocuments(output).error
    if (error) problems.push(`all fixes together: ${error.message} at ${error.line}:${error.column}\n${output}`)
  }
  expect(problems, text.length < 2_000 ? text : `${text.length} characters`).toEqual([])
}
