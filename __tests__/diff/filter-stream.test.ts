/** filterFindings: the one stream every sink reads, marked new/existing and in-diff, with the fixed ones. */
import { describe, expect, it } from 'vitest'
import { filterFindings } from '../../src/diff/filter.js'
import type { Hunk } from '../../src/diff/parse.js'
import type { Finding } from '../../src/model/finding.js'

const at = (path: string, line: number, fingerprint: string): Finding => ({
  ruleId: 'proxy-token-automount',
  messageId: 'values',
  severity: 'error',
  message: 'm',
  path,
  span: { start: { line, column: 1 }, end: { line, column: 5 } },
  offsets: [0, 4],
  resource: 'values:0',
  jsonPath: '',
  fingerprint
})
const hunk: Hunk = { oldStart: 1, oldLines: 2, newStart: 1, newLines: 3, added: [2] }

describe('filterFindings', () => {
  const inHunk = at('a.yaml', 2, 'new')
  const debt = at('a.yaml', 9, 'old')
  const elsewhere = at('b.yaml', 1, 'other')
  const gone = at('a.yaml', 4, 'gone')
  const baseline = { existing: new Set([debt]), fixed: [gone], baseSha: 'base' }
  const diffs = new Map([['a.yaml', [hunk]]])

  it('marks baseline and diff, keeps what the mode reports, and carries the fixed findings', () => {
    const s = filterFindings([inHunk, debt, elsewhere], baseline, diffs, 'file')
    expect(s.reported.map((f) => [f.fingerprint, f.baseline, f.inDiffFile, f.inDiffContext])).toEqual([
      ['new', 'new', true, true],
      ['old', 'existing', true, false]
    ])
    expect(s.fixed).toEqual([gone])
    expect(s.baseSha).toBe('base')
  })

  it('reports everything, unmarked, without a diff or a baseline', () => {
    const s = filterFindings([inHunk, elsewhere], undefined, undefined, 'added')
    expect(s.reported).toEqual([inHunk, elsewhere])
    expect(s).not.toHaveProperty('baseSha')
    expect(s.fixed).toEqual([])
  })
})
