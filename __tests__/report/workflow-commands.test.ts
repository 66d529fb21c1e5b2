import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/model/finding.js'
import { MAX_WORKFLOW_ANNOTATIONS_PER_KIND, StepAnnotations, escapeData, escapeProperty, toWorkflowCommands } from '../../src/report/workflow-commands.js'
import { finding, remediation, replaceToken, valuesFile } from './support.js'

const file = valuesFile()

function many(n: number, severity: Severity): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: 'yaml-duplicate-key',
    messageId: 'duplicate',
    severity,
    message: `Key 'k${i}' is defined again here.`,
    path: 'values.yaml',
    span: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 3 } },
    offsets: [0, 0] as const,
    resource: 'values:0',
    jsonPath: `k${i}`,
    fingerprint: `${severity}${i}`
  }))
}

/** Everything a runner would read as a command: lines starting with `::` after trimming. */
const commandLines = (cmds: string[]) => cmds.join('\n').split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith('::'))

describe('toWorkflowCommands', () => {
  it('writes file, line, columns (single-line spans only) and title, with escaped properties and message', () => {
    const accept = finding(file, {
      ruleId: 'validation-always-accept',
      severity: 'warning',
      message: 'gateway.validation.alwaysAcceptResources is not false.',
      line: 8,
      token: 'true',
      fix: [replaceToken(file, 8, 'true', 'false')]
    })
    const pdb = finding(file, { ruleId: 'proxy-disruption-budget', severity: 'error', message: 'No PDB, 100% of pods can be evicted.', line: 12, token: 'kind', toEndOfLine: 14 })
    expect(toWorkflowCommands([accept, pdb])).toEqual([
      `::error file=helm/gloo/values.yaml,line=12,endLine=14,title=gloo-harden%3A proxy-disruption-budget::No PDB, 100%25 of pods can be evicted.%0A${remediation('proxy-disruption-budget')}`,
      `::warning file=helm/gloo/values.yaml,line=8,endLine=8,col=28,endColumn=31,title=gloo-harden%3A validation-always-accept::gateway.validation.alwaysAcceptResources is not false.%0A${remediation('validation-always-accept')}%0AFixable with gloo-harden --fix.`
    ])
  })

  it('cannot be used to inject a command: CR, LF, % are encoded in the message; : and , in properties', () => {
    const [f] = many(1, 'notice')
    f.message = "Key 'a\n::error file=x::pwned\r::add-mask::%0A' is defined again here."
    f.path = 'evil,line=1::x.yaml'
    const cmds = toWorkflowCommands([f])
    expect(cmds).toHaveLength(1)
    expect(commandLines(cmds)).toEqual(cmds)
    expect(cmds[0]).toBe(
      "::notice file=evil%2Cline=1%3A%3Ax.yaml,line=1,endLine=1,col=1,endColumn=2,title=gloo-harden%3A yaml-duplicate-key::Key 'a%0A::error file=x::pwned%0D::add-mask::%250A' is defined again here.%0AMerge the two entries into one key."
    )
  })

  it('keeps within 10 per kind, errors first, and says how many were left out in the last notice slot', () => {
    const cmds = toWorkflowCommands([...many(12, 'notice'), ...many(15, 'warning'), ...many(13, 'error')])
    const kinds = cmds.map((c) => /^::(\w+)/.exec(c)![1])
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')])
    expect(cmds.at(-1)).toBe(
      '::notice title=gloo-harden%3A more findings::11 more findings not shown as annotations (GitHub shows at most 10 errors, 10 warnings and 10 notices per step); see the job summary.'
    )
    // 40 findings, 29 shown (the tenth notice slot carries the count). Errors in place order: the first ten lines.
    expect(cmds.slice(0, 10).map((c) => /line=(\d+)/.exec(c)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
  })

  it('adds no count notice when everything fits', () => {
    const cmds = toWorkflowCommands([...many(10, 'error'), ...many(10, 'notice')])
    expect(cmds).toHaveLength(20)
    expect(cmds.some((c) => c.includes('more findings'))).toBe(false)
    expect(MAX_WORKFLOW_ANNOTATIONS_PER_KIND).toBe(10)
  })
})

describe('escaping (as @actions/core)', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['k: v, w', 'k: v, w', 'k%3A v%2C w']
  ])('%j → data %j, property %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data)
    expect(escapeProperty(input)).toBe(property)
  })

  it('takes only what the step has left of each cap, so the action’s own lines (the failure reason last) are never dropped', () => {
    const step = new StepAnnotations()
    step.count('warning')
    step.count('warning')
    const budget = step.left({ error: 1 })
    expect(budget).toEqual({ error: 9, warning: 8, notice: 10 })
    const cmds = toWorkflowCommands([...many(12, 'error'), ...many(9, 'warning')], { budget })
    const kinds = cmds.map((c) => /^::(\w+)/.exec(c)![1])
    expect(kinds.filter((k) => k === 'error')).toHaveLength(9)
    expect(kinds.filter((k) => k === 'warning')).toHaveLength(8)
    // With the step's two warnings and the failure reason: exactly 10 of each, nothing GitHub drops.
    expect(cmds.at(-1)).toMatch(/^::notice title=gloo-harden%3A more findings::4 more findings not shown/)
  })

  it('gives up the summary line when no notice is left', () => {
    expect(toWorkflowCommands(many(3, 'error'), { budget: { error: 1, warning: 0, notice: 0 } }).map((c) => c.slice(0, 7))).toEqual(['::error'])
  })

  it('under gate new an existing finding is a notice, after the new ones', () => {
    const [old, fresh] = [{ ...many(1, 'error')[0], baseline: 'existing' as const }, { ...many(2, 'warning')[1], baseline: 'new' as const }]
    expect(toWorkflowCommands([old, fresh], { gate: 'new' }).map((c) => c.split('::')[1].split(',')[0] + ' ' + /title=([^:]+)::/.exec(c)![1])).toEqual([
      'warning file=values.yaml gloo-harden%3A yaml-duplicate-key',
      'notice file=values.yaml gloo-harden%3A yaml-duplicate-key (already on the base branch)'
    ])
  })
})
