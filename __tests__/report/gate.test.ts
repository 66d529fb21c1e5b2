/** The gate: what it judges under gate new | all, its conclusion by fail-on, and the order and level of annotations. */
import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/model/finding.js'
import { toAnnotations } from '../../src/report/check-run.js'
import { judge, pickAnnotated } from '../../src/report/gate.js'

function f(severity: Severity, line: number, baseline?: 'new' | 'existing'): Finding {
  return {
    ruleId: `rule-${severity}`,
    messageId: 'm',
    severity,
    message: `${severity} on line ${line}.`,
    path: 'gloo/values.yaml',
    span: { start: { line, column: 1 }, end: { line, column: 5 } },
    offsets: [0, 4],
    resource: 'values:0',
    jsonPath: `k${line}`,
    fingerprint: `fp${line}`,
    ...(baseline ? { baseline } : {})
  }
}

describe('judge', () => {
  const debt = [f('error', 15, 'existing'), f('warning', 13, 'existing')]

  it.each([
    // gate, findings, fail-on → conclusion, failing, judged
    ['new', [...debt], 'error', 'neutral', 0, 0],
    ['all', [...debt], 'error', 'failure', 1, 2],
    ['new', [...debt, f('warning', 3, 'new')], 'warning', 'failure', 1, 1],
    ['new', [...debt, f('notice', 3, 'new')], 'warning', 'neutral', 0, 1],
    ['new', [f('error', 3)], 'error', 'failure', 1, 1],
    ['all', [...debt], 'never', 'neutral', 0, 2],
    ['new', [], 'error', 'success', 0, 0]
  ] as const)('gate %s on %j, fail-on %s: %s', (gate, findings, failOn, conclusion, failing, judged) => {
    const v = judge(findings, gate, failOn)
    expect(v.conclusion).toBe(conclusion)
    expect(v.failing).toBe(failing)
    expect(v.judged).toHaveLength(judged)
    expect(v.existing).toHaveLength(findings.filter((x) => x.baseline === 'existing').length)
  })
})

describe('annotations', () => {
  const findings = [f('notice', 9, 'existing'), f('error', 15, 'existing'), f('notice', 4, 'new'), f('warning', 20, 'new'), f('error', 30, 'existing')]

  it('gate new: the existing findings are notices, after every new finding, most severe first among them', () => {
    expect(toAnnotations(findings, { gate: 'new' }).map((a) => `${a.annotation_level} ${a.start_line} ${a.title}`)).toEqual([
      'warning 20 gloo-harden: rule-warning',
      'notice 4 gloo-harden: rule-notice',
      'notice 15 gloo-harden: rule-error (already on the base branch)',
      'notice 30 gloo-harden: rule-error (already on the base branch)',
      'notice 9 gloo-harden: rule-notice (already on the base branch)'
    ])
  })

  it('gate all: every finding at its own level, new before existing at the same level', () => {
    expect(toAnnotations(findings, { gate: 'all' }).map((a) => `${a.annotation_level} ${a.start_line}`)).toEqual(['failure 15', 'failure 30', 'warning 20', 'notice 4', 'notice 9'])
  })

  it('max-annotations keeps the first in that order; the rest are left to the summary', () => {
    const { annotated, left } = pickAnnotated(findings, 'new', 2)
    expect(annotated.map((x) => x.span.start.line)).toEqual([20, 4])
    expect(left.map((x) => x.span.start.line)).toEqual([15, 30, 9])
    expect(pickAnnotated(findings, 'new', 0).annotated).toEqual([])
  })
})
