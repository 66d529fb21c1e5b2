import { describe, expect, it } from 'vitest'
import { BaselineError, classify, parseBaselineFile, toBaselineFile } from '../../src/engine/baseline.js'
import { lintText } from '../../src/engine/lint.js'
import type { Finding } from '../../src/model/finding.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A finding as the engine makes one; only the fingerprint matters to classify, the rest names it in failures. */
function finding(fingerprint: string, line: number, ruleId = 'proxy-token-automount', path = 'helm/values.yaml'): Finding {
  return {
    ruleId,
    messageId: 'values',
    severity: 'error',
    message: `${ruleId} at ${line}`,
    path,
    span: { start: { line, column: 3 }, end: { line, column: 9 } },
    offsets: [0, 6],
    resource: 'values',
    jsonPath: 'gateway',
    fingerprint
  }
}

const where = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.fingerprint}@${f.span.start.line}`)

describe('classify', () => {
  it('splits head findings into new and existing, and lists the base findings the head no longer has as fixed', () => {
    const base = [finding('a', 3), finding('b', 7)]
    const head = [finding('a', 3), finding('c', 9)]
    const c = classify(head, base)
    expect(where(c.added)).toEqual(['c@9'])
    expect(where(c.existing)).toEqual(['a@3'])
    expect(where(c.fixed)).toEqual(['b@7'])
  })

  it('matches a finding that moved to another line by its fingerprint', () => {
    const c = classify([finding('a', 12)], [finding('a', 3)])
    expect(where(c.existing)).toEqual(['a@12'])
    expect(c.added).toEqual([])
    expect(c.fixed).toEqual([])
  })

  it('matches repeated fingerprints one for one: a third copy is new, a missing copy is fixed', () => {
    const twice = [finding('r', 4), finding('r', 8)]
    const more = classify([finding('r', 4), finding('r', 8), finding('r', 12)], twice)
    expect(where(more.existing)).toEqual(['r@4', 'r@8'])
    expect(where(more.added)).toEqual(['r@12'])
    expect(more.fixed).toEqual([])

    const fewer = classify([finding('r', 4)], twice)
    expect(where(fewer.existing)).toEqual(['r@4'])
    expect(fewer.added).toEqual([])
    expect(where(fewer.fixed)).toEqual(['r@8'])
  })

  it('takes a saved baseline (fingerprint → count) as the base; fixed findings are then not listed', () => {
    const c = classify([finding('r', 4), finding('r', 8), finding('n', 9)], new Map([['r', 1], ['gone', 1]]))
    expect(where(c.existing)).toEqual(['r@4'])
    expect(where(c.added)).toEqual(['r@8', 'n@9'])
    expect(c.fixed).toEqual([])
  })

  it('keeps the fingerprints of real findings when lines shift above them', () => {
    const values = yaml`
      gateway:
        proxyServiceAccount:
          disableAutomount: false
    `
    const before = lintText('helm/values.yaml', values)
    const after = lintText('helm/values.yaml', `# moved down by two lines\n# of comments\n${values}`)
    const token = (fs: Finding[]) => fs.find((f) => f.ruleId === 'proxy-token-automount')!
    expect(token(before).span.start.line).toBe(3)
    expect(token(after).span.start.line).toBe(5)
    const c = classify(after, before)
    expect(c.added).toEqual([])
    expect(c.fixed).toEqual([])
    expect(c.existing).toHaveLength(after.length)
  })
})

describe('toBaselineFile and parseBaselineFile', () => {
  it('round-trips fingerprints with their counts', () => {
    const file = toBaselineFile([finding('a', 3), finding('r', 4), finding('r', 8)])
    expect(file).toEqual({
      version: 1,
      tool: 'gloo-harden',
      findings: [
        { fingerprint: 'a', ruleId: 'proxy-token-automount', path: 'helm/values.yaml', line: 3 },
        { fingerprint: 'r', ruleId: 'proxy-token-automount', path: 'helm/values.yaml', line: 4 },
        { fingerprint: 'r', ruleId: 'proxy-token-automount', path: 'helm/values.yaml', line: 8 }
      ]
    })
    expect(parseBaselineFile(JSON.stringify(file), 'baseline.json')).toEqual(new Map([['a', 1], ['r', 2]]))
  })

  it('counts only the entries of the given files', () => {
    const text = JSON.stringify(toBaselineFile([finding('a', 3), finding('b', 4, 'proxy-probes', 'other/values.yaml')]))
    expect(parseBaselineFile(text, 'baseline.json', new Set(['helm/values.yaml']))).toEqual(new Map([['a', 1]]))
  })

  it.each([
    ['{', /^ci\/baseline\.json: not JSON \(/],
    ['[]', /^ci\/baseline\.json: not a gloo-harden baseline \(write one with --write-baseline\)$/],
    ['{"tool":"eslint","findings":[]}', /^ci\/baseline\.json: not a gloo-harden baseline/],
    ['{"version":2,"tool":"gloo-harden","findings":[]}', /^ci\/baseline\.json: baseline version 2 is not supported \(expected 1\)$/],
    ['{"version":1,"tool":"gloo-harden","findings":[{"fingerprint":"a"},{"ruleId":"x"}]}', /^ci\/baseline\.json: findings\[1\] has no fingerprint$/]
  ])('throws a BaselineError naming the file: %s', (text, message) => {
    let thrown: unknown
    try {
      parseBaselineFile(text, 'ci/baseline.json')
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(BaselineError)
    expect((thrown as Error).message).toMatch(message)
  })
})
