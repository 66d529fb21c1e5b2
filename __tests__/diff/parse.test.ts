import { readFileSync } from 'node:fs'
import parseDiff from 'parse-diff'
import { describe, expect, it } from 'vitest'
import { parsePatch, parseUnifiedDiff, type Hunk } from '../../src/diff/parse.js'

const fixture = (name: string): string => readFileSync(new URL(`../../__fixtures__/diffs/${name}`, import.meta.url), 'utf8')
const golden = <T>(name: string): T => JSON.parse(fixture(name)) as T

describe('parsePatch (GitHub files[].patch)', () => {
  it.each(['github-values', 'github-no-newline', 'github-zero-context'])('%s.patch matches %s.json', (name) => {
    expect(parsePatch(fixture(`${name}.patch`))).toEqual(golden<Hunk[]>(`${name}.json`))
  })

  it('reads the new-side ranges and added lines of a three-hunk patch', () => {
    expect(parsePatch(fixture('github-values.patch'))).toEqual([
      { oldStart: 1, oldLines: 6, newStart: 1, newLines: 8, added: [3, 4, 5] },
      { oldStart: 9, oldLines: 7, newStart: 11, newLines: 7, added: [14] },
      { oldStart: 22, oldLines: 3, newStart: 24, newLines: 7, added: [27, 28, 29, 30] }
    ])
  })

  it('is CRLF safe: a CRLF-encoded patch gives the same hunks', () => {
    const crlf = fixture('github-values.patch').replace(/\n/g, '\r\n')
    expect(parsePatch(crlf)).toEqual(golden<Hunk[]>('github-values.json'))
  })

  it('is CRLF safe: the patch of a CRLF file (content lines end in CR) gives the same hunks', () => {
    const lfPatch = fixture('github-values.patch')
    const crContent = lfPatch
      .split('\n')
      .map((l) => (l.startsWith('@@') || l === '' ? l : l + '\r'))
      .join('\n')
    expect(parsePatch(crContent)).toEqual(golden<Hunk[]>('github-values.json'))
  })

  it('skips "\\ No newline at end of file" on either side', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' a: 1', '-b: 2', '\\ No newline at end of file', '+b: 3', '\\ No newline at end of file'].join('\n')
    expect(parsePatch(patch)).toEqual([{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 2, added: [2] }])
  })

  it('defaults omitted counts to 1 and keeps a deletion-only hunk with no new lines', () => {
    expect(parsePatch('@@ -3 +3 @@\n-replicas: 1\n+replicas: 2\n')).toEqual([{ oldStart: 3, oldLines: 1, newStart: 3, newLines: 1, added: [3] }])
    expect(parsePatch('@@ -5,3 +4,0 @@ settings:\n-a\n-b\n-c\n')).toEqual([{ oldStart: 5, oldLines: 3, newStart: 4, newLines: 0, added: [] }])
  })

  it('counts a context line whose single space was trimmed', () => {
    expect(parsePatch('@@ -1,3 +1,3 @@\n a:\n\n-  b: 1\n+  b: 2\n')).toEqual([{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 3, added: [3] }])
  })

  it('returns no hunks for an empty or missing patch (GitHub omits it for large or binary files)', () => {
    expect(parsePatch('')).toEqual([])
  })
})

describe('parseUnifiedDiff (git diff)', () => {
  const diff = fixture('git-multi-file.patch')

  it('git-multi-file.patch matches git-multi-file.json', () => {
    expect(Object.fromEntries(parseUnifiedDiff(diff))).toEqual(golden('git-multi-file.json'))
  })

  it('keys by the new path: renames, quoted UTF-8 names, names with spaces; deleted files are absent', () => {
    expect([...parseUnifiedDiff(diff).keys()].sort()).toEqual([
      'docs/logo.bin',
      'docs/no eol.yaml',
      'docs/notes.sql',
      'docs/renamed-only.md',
      'docs/té st.yaml',
      'gloo values/prod values.yaml',
      'helm/gloo/values.yaml',
      'rendered/renamed.yaml'
    ])
  })

  it('does not take a removed "-- x" line (`--- x`) or an added "++ x" line (`+++ x`) for file headers', () => {
    expect(parseUnifiedDiff(diff).get('docs/notes.sql')).toEqual([{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 3, added: [1, 3] }])
  })

  it('agrees with parse-diff on every added line', () => {
    const ours = parseUnifiedDiff(diff)
    for (const file of parseDiff(diff)) {
      if (file.to === '/dev/null' || !file.to) continue
      // parse-diff leaves git's C-quoting in place.
      const path = file.to.includes('\\303\\251') ? 'docs/té st.yaml' : file.to
      const theirs = file.chunks.flatMap((c) => c.changes.flatMap((ch) => (ch.type === 'add' ? [ch.ln] : [])))
      expect(ours.get(path)?.flatMap((h) => h.added), path).toEqual(theirs)
    }
  })

  it('reads a CRLF-encoded diff', () => {
    expect(Object.fromEntries(parseUnifiedDiff(diff.replace(/\n/g, '\r\n')))).toEqual(golden('git-multi-file.json'))
  })

  it('reads plain `diff -u` output with timestamps, and strips prefixes only when both sides have them', () => {
    const plain = [
      '--- a/values.yaml\t2024-05-01 10:00:00.000000000 +0200',
      '+++ b/values.yaml\t2024-05-01 10:05:00.000000000 +0200',
      '@@ -1,2 +1,2 @@',
      ' gateway:',
      '-  enabled: false',
      '+  enabled: true',
      '--- values.orig',
      '+++ b/values2.yaml',
      '@@ -0,0 +1 @@',
      '+x: 1',
      ''
    ].join('\n')
    expect(Object.fromEntries(parseUnifiedDiff(plain))).toEqual({
      'values.yaml': [{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 2, added: [2] }],
      'b/values2.yaml': [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, added: [1] }]
    })
  })

  it('handles `git diff --no-prefix` and diff.mnemonicPrefix (i/ w/)', () => {
    const noPrefix = 'diff --git helm/values.yaml helm/values.yaml\nindex 1..2 100644\n--- helm/values.yaml\n+++ helm/values.yaml\n@@ -1 +1 @@\n-a: 1\n+a: 2\n'
    expect([...parseUnifiedDiff(noPrefix).keys()]).toEqual(['helm/values.yaml'])
    const mnemonic = 'diff --git i/values.yaml w/values.yaml\nindex 1..2 100644\n--- i/values.yaml\n+++ w/values.yaml\n@@ -1 +1 @@\n-a: 1\n+a: 2\n'
    expect([...parseUnifiedDiff(mnemonic).keys()]).toEqual(['values.yaml'])
  })

  it('returns an empty map for an empty diff', () => {
    expect(parseUnifiedDiff('').size).toBe(0)
  })
})
