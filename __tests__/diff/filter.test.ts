import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isReported, markFindings, spanLines, type FilterMode } from '../../src/diff/filter.js'
import { parsePatch, type Hunk } from '../../src/diff/parse.js'
import type { Finding } from '../../src/model/finding.js'

// helm/gloo/values.yaml: hunks 1..8 (added 3,4,5), 11..17 (added 14), 24..30 (added 27..30).
const patch = readFileSync(new URL('../../__fixtures__/diffs/github-values.patch', import.meta.url), 'utf8')
const PATH = 'helm/gloo/values.yaml'
const diffs: ReadonlyMap<string, Hunk[]> = new Map([
  [PATH, parsePatch(patch)],
  ['rendered/renamed-only.yaml', []]
])

/** A finding on lines start..end (end exclusive at column 1 of the next line when `eol`). */
function at(path: string, start: number, end = start, opts: { eol?: boolean } = {}): Finding {
  return {
    ruleId: 'validation-always-accept',
    messageId: 'values',
    severity: 'warning',
    message: 'm',
    path,
    span: { start: { line: start, column: 5 }, end: opts.eol ? { line: end + 1, column: 1 } : { line: end, column: 9 } },
    offsets: [0, 0],
    resource: 'values:0',
    jsonPath: 'gateway.validation.alwaysAcceptResources',
    fingerprint: `${path}:${start}`
  }
}

describe('isReported (reviewdog TestMode_Set style)', () => {
  const cases: { mode: FilterMode; path?: string; line: number; end?: number; eol?: boolean; want: boolean }[] = [
    { mode: 'added', line: 3, want: true },
    { mode: 'added', line: 2, want: false }, // context line
    { mode: 'added', line: 9, want: false }, // outside every hunk
    { mode: 'added', line: 12, end: 15, want: true }, // multi-line, line 14 added
    { mode: 'added', line: 15, end: 17, want: false }, // multi-line, only context
    { mode: 'added', line: 1, end: 2, eol: true, want: false }, // ends at column 1 of line 3: line 3 not covered
    { mode: 'added', line: 1, end: 3, eol: true, want: true },
    { mode: 'added', path: 'other.yaml', line: 3, want: false },
    { mode: 'diff_context', line: 2, want: true },
    { mode: 'diff_context', line: 8, want: true }, // last line of hunk 1
    { mode: 'diff_context', line: 9, want: false },
    { mode: 'diff_context', line: 10, want: false },
    { mode: 'diff_context', line: 11, want: true },
    { mode: 'diff_context', line: 7, end: 12, want: true }, // any line in a hunk
    { mode: 'diff_context', line: 18, end: 23, want: false },
    { mode: 'diff_context', path: 'rendered/renamed-only.yaml', line: 1, want: false },
    { mode: 'file', line: 20, want: true },
    { mode: 'file', path: 'rendered/renamed-only.yaml', line: 1, want: true },
    { mode: 'file', path: 'other.yaml', line: 1, want: false },
    { mode: 'nofilter', path: 'other.yaml', line: 1, want: true },
    { mode: 'nofilter', line: 9, want: true }
  ]
  it.each(cases)('$mode: $path line $line..$end → $want', ({ mode, path, line, end, eol, want }) => {
    expect(isReported(at(path ?? PATH, line, end ?? line, { eol }), mode, diffs)).toBe(want)
  })

  it('a deletion-only hunk covers no new line', () => {
    const del = new Map([[PATH, parsePatch('@@ -5,3 +4,0 @@\n-a\n-b\n-c\n')]])
    expect(isReported(at(PATH, 4), 'diff_context', del)).toBe(false)
    expect(isReported(at(PATH, 4), 'file', del)).toBe(true)
  })
})

describe('markFindings', () => {
  it('marks and never drops', () => {
    const findings = [at(PATH, 3), at(PATH, 9), at(PATH, 7, 12), at(PATH, 24, 29, { eol: true }), at('other.yaml', 1), at('rendered/renamed-only.yaml', 1)]
    const marked = markFindings(findings, diffs)
    expect(marked.map((f) => [f.path, f.span.start.line, f.inDiffFile, f.inDiffContext])).toEqual([
      [PATH, 3, true, true],
      [PATH, 9, true, false],
      [PATH, 7, true, false], // 7..12 straddles two hunks: not inside one
      [PATH, 24, true, true], // 24..29 (ends at column 1 of 30)
      ['other.yaml', 1, false, false],
      ['rendered/renamed-only.yaml', 1, true, false]
    ])
    expect(findings[0].inDiffFile).toBeUndefined()
  })
})

describe('spanLines', () => {
  it('treats an exclusive end at column 1 as the end of the previous line', () => {
    expect(spanLines({ start: { line: 12, column: 5 }, end: { line: 15, column: 1 } })).toEqual({ start: 12, end: 14 })
    expect(spanLines({ start: { line: 12, column: 5 }, end: { line: 12, column: 5 } })).toEqual({ start: 12, end: 12 })
    expect(spanLines({ start: { line: 12, column: 1 }, end: { line: 12, column: 1 } })).toEqual({ start: 12, end: 12 })
  })
})

describe('added mode on hunks of many lines', () => {
  it('reports a finding when one of its lines was added, as a scan of every added line says', () => {
    // Hunks of a real patch: the added lines of each, ascending, with gaps (context and removed lines).
    const hunk = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 30 })).map(([newStart, plus]) => {
      const added = plus.flatMap((p, i) => (p ? [newStart + i] : []))
      return { oldStart: newStart, oldLines: plus.length, newStart, newLines: plus.length, added }
    })
    fc.assert(
      fc.property(fc.array(hunk, { maxLength: 4 }), fc.integer({ min: 1, max: 80 }), fc.nat(5), (hunks, start, length) => {
        const f = at(PATH, start, start + length)
        const scan = hunks.some((h) => h.added.some((l) => l >= start && l <= start + length))
        expect(isReported(f, 'added', new Map([[PATH, hunks]]))).toBe(scan)
      }),
      { numRuns: 5000, seed: 23 }
    )
  })
})
