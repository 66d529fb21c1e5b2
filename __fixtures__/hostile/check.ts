/** Invariants every lint result must keep, whatever the input: positions inside the file, fixes that apply and parse. */
import { expect } from 'vitest'
import { LineIndex } from '../../src/load/position.js'
import { parseDocuments } from '../../src/load/tree.js'
import { applyEdits } from '../../src/model/edit.js'
import type { Finding, Position } from '../../src/model/finding.js'

function checkPosition(lines: LineIndex, p: Position, what: string): void {
  expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.lineCount, `${what} line ${p.line} of ${lines.lineCount}`).toBe(true)
  const max = lines.lineText(p.line).length + 1
  expect(Number.isInteger(p.column) && p.column >= 1 && p.column <= max, `${what} column ${p.column} of ${max}`).toBe(true)
}

/** Checks the findings of one file; returns the text with every fix applied (overlaps left for a next pass). */
export function checkFindings(text: string, findings: readonly Finding[]): string {
  const lines = new LineIndex(text)
  const parsed = !parseDocuments(text).error
  for (const f of findings) {
    const what = `${f.ruleId} ${f.span.start.line}:${f.span.start.column} ${f.message}`
    expect(f.ruleId, what).not.toBe('internal-error')
    checkPosition(lines, f.span.start, `${what}: start`)
    checkPosition(lines, f.span.end, `${what}: end`)
    expect(f.offsets[0] >= 0 && f.offsets[0] <= f.offsets[1] && f.offsets[1] <= text.length, `${what}: offsets ${f.offsets}`).toBe(true)
    const edits = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? []).map((s) => s.edits)]
    for (const e of edits) {
      const { output, skipped } = applyEdits(text, e)
      expect(skipped, `${what}: overlapping edits`).toEqual([])
      // A file that parsed must still parse after the fix.
      if (parsed) expect(parseDocuments(output).error, `${what}\n${output}`).toBeUndefined()
    }
  }
  const { output } = applyEdits(text, findings.flatMap((f) => f.fix ?? []))
  if (parsed) expect(parseDocuments(output).error, `all fixes together\n${output}`).toBeUndefined()
  return output
}
