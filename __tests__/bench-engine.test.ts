/**
 * The benchmark's engine section (scripts/bench-engine.ts): the engine in process over a corpus read into memory,
 * and each values rule timed around its `checkValues`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDebtCorpus } from '../scripts/bench-corpus.js'
import { allocatedBytes, measureEngine, readCorpus, timedRules } from '../scripts/bench-engine.js'
import { lint } from '../src/engine/lint.js'
import { rules } from '../src/rules/index.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloo-harden-bench-engine-'))
  // Values files with the debt twin's settings: every proxy has findings, with fixes and suggestions.
  generateDebtCorpus(dir, 3, 1)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The values rules a default run runs (proxy-lb-source-ranges is off by default).
const valuesRuleIds = rules.filter((r) => r.checkValues && !r.meta.defaultOff).map((r) => r.meta.id)

describe('timedRules', () => {
  it('times each values rule and changes nothing the rules report', () => {
    const files = readCorpus(dir)
    const into = new Map<string, number>()
    const timed = timedRules(rules, into)
    const plain = lint(files).findings
    expect(plain.length).toBeGreaterThan(100)
    expect(lint(files, { rules: timed }).findings).toEqual(plain)
    // Every values rule ran, once per install, and its time is a duration.
    expect([...into.keys()].sort()).toEqual([...valuesRuleIds].sort())
    for (const ms of into.values()) expect(Number.isFinite(ms) && ms >= 0).toBe(true)
    // Rules without checkValues are handed on as they are.
    timed.forEach((rule, i) => (rules[i].checkValues ? expect(rule).not.toBe(rules[i]) : expect(rule).toBe(rules[i])))
  })

  it('counts a rule that throws, which the engine reports as before', () => {
    const into = new Map<string, number>()
    const broken = rules.map((r) => (r.meta.id === 'proxy-probes' ? { ...r, checkValues: () => { throw new Error('boom') } } : r))
    const findings = lint(readCorpus(dir), { rules: timedRules(broken, into) }).findings
    expect(into.has('proxy-probes')).toBe(true)
    expect(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual(
      Array.from({ length: 3 }, () => expect.stringContaining('proxy-probes'))
    )
  })
})

describe('measureEngine', () => {
  it('reads the corpus in path order and gives every figure, and every values rule in both orders', () => {
    expect(readCorpus(dir).map((f) => f.path)).toEqual([...readCorpus(dir).map((f) => f.path)].sort())
    const t = measureEngine(dir, 2)
    expect([t.files, t.passes]).toEqual([3, 2])
    // Durations, not speeds: speed lives in `npm run bench`.
    for (const ms of [t.parseMs, t.parseAndTreeMs, t.pass1Ms, t.pass2Ms, t.noRulesMs]) expect(Number.isFinite(ms) && ms >= 0).toBe(true)
    expect(t.rules.map(([id]) => id).sort()).toEqual([...valuesRuleIds].sort())
    expect(t.rulesReversed.map(([id]) => id).sort()).toEqual([...valuesRuleIds].sort())
    // Largest first.
    expect(t.rules.map(([, ms]) => ms)).toEqual([...t.rules.map(([, ms]) => ms)].sort((a, b) => b - a))
    // What each step adds is allocated on top of the one before (the tree holds the parse's events and more).
    const a = t.allocatedMb
    expect(a.parse).toBeGreaterThan(0)
    expect(a.parseAndTree).toBeGreaterThan(a.parse)
    expect(a.noRules).toBeGreaterThan(a.parse)
    expect(a.all).toBeGreaterThan(a.noRules)
  })
})

describe('allocatedBytes', () => {
  // Objects kept in a list (so no compiler can leave them out), each with a string of its own.
  const build = (n: number): unknown[] => {
    const kept: unknown[] = []
    for (let i = 0; i < n; i++) kept.push({ kind: 'scalar', value: `v${i}`.padEnd(40, '.'), start: i, end: i + 1 })
    return kept
  }

  it('counts what a run allocates, in proportion, garbage included', () => {
    build(1000)
    // Lists dropped one after the other: the young generation's collections take the earlier ones during the run.
    const lists = (count: number) => () => {
      for (let i = 0; i < count; i++) build(100_000)
    }
    const one = allocatedBytes(lists(5))
    const two = allocatedBytes(lists(10))
    // Each object and its string take tens of bytes: 500,000 of them, tens of megabytes.
    expect(one).toBeGreaterThan(25e6)
    expect(one).toBeLessThan(200e6)
    expect(two / one).toBeGreaterThan(1.7)
    expect(two / one).toBeLessThan(2.3)
    // A run that allocates next to nothing.
    expect(allocatedBytes(() => undefined)).toBeLessThan(one / 50)
  })
})
