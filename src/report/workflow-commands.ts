/** Workflow-command annotations (`::error file=…::…`): the fallback when the token cannot write checks or reviews (fork PRs). */
import { spanLines } from '../diff/filter.js'
import type { Finding, Severity } from '../model/finding.js'
import { plainMessage } from './check-run.js'
import { compareShown, isExisting, shownSeverity, type Gate } from './gate.js'
import { comparePriority } from './review.js'

/**
 * actions/toolkit docs/problem-matchers.md, "Limitations": "10 warning annotations, 10 error annotations, and
 * 10 notice annotations per step; 50 annotations per job". Commands beyond these are silently dropped.
 */
export const MAX_WORKFLOW_ANNOTATIONS_PER_KIND = 10

/** Workflow-command annotations a step may still print, per kind. */
export type CommandBudget = Record<Severity, number>

/**
 * Counts the workflow-command annotations a step prints (its own `::warning::` lines too), so the findings take
 * only what is left of GitHub's per-step caps and the job's failure reason (`::error::`, printed last) is never
 * the line GitHub drops.
 */
export class StepAnnotations {
  private readonly used: CommandBudget = { error: 0, warning: 0, notice: 0 }

  /** Records one annotation the step printed. */
  count(kind: Severity): void {
    this.used[kind]++
  }

  /** What is left per kind, keeping `reserve` lines of each kind for later. */
  left(reserve: Partial<CommandBudget> = {}): CommandBudget {
    const left = (k: Severity) => Math.max(0, MAX_WORKFLOW_ANNOTATIONS_PER_KIND - this.used[k] - (reserve[k] ?? 0))
    return { error: left('error'), warning: left('warning'), notice: left('notice') }
  }
}

/** Escapes a command's message as @actions/core does (`escapeData`): `%`, CR and LF, so no new line can start a command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value (`escapeProperty`): also `:` and `,`, which delimit properties and the message. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function command(kind: Severity, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  return `::${kind}${p ? ' ' + p : ''}::${escapeData(message)}`
}

/**
 * ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message, errors first, at most what `budget` leaves
 * of each kind (default 10). When some do not fit, the last notice slot says how many were left out, so nothing
 * disappears silently. With a gate, an existing finding that gate: new does not judge is a notice, after the new.
 */
export function toWorkflowCommands(findings: Finding[], options: { budget?: CommandBudget; gate?: Gate } = {}): string[] {
  const gate = options.gate
  const budget = options.budget ?? { error: MAX_WORKFLOW_ANNOTATIONS_PER_KIND, warning: MAX_WORKFLOW_ANNOTATIONS_PER_KIND, notice: MAX_WORKFLOW_ANNOTATIONS_PER_KIND }
  const shown = (f: Finding): Severity => (gate ? shownSeverity(f, gate) : f.severity)
  const sorted = [...findings].sort(gate ? compareShown(gate) : comparePriority)
  const byKind: Record<Severity, Finding[]> = { error: [], warning: [], notice: [] }
  for (const f of sorted) byKind[shown(f)].push(f)
  const dropped = (['error', 'warning', 'notice'] as const).reduce((n, k) => n + Math.max(0, byKind[k].length - budget[k]), 0)
  const out: string[] = []
  for (const kind of ['error', 'warning', 'notice'] as const) {
    const cap = kind === 'notice' && dropped > 0 ? budget.notice - 1 : budget[kind]
    for (const f of byKind[kind].slice(0, Math.max(0, cap))) {
      const { start, end } = spanLines(f.span)
      const oneLine = start === end && f.span.start.line === f.span.end.line
      out.push(
        command(
          kind,
          {
            file: f.path,
            line: start,
            endLine: end,
            col: oneLine ? f.span.start.column : undefined,
            endColumn: oneLine ? Math.max(f.span.start.column, f.span.end.column - 1) : undefined,
            title: `gloo-harden: ${f.ruleId}${gate && isExisting(f) ? ' (already on the base branch)' : ''}`
          },
          plainMessage(f)
        )
      )
    }
  }
  const left = sorted.length - out.length
  if (left > 0 && budget.notice > 0)
    out.push(
      command(
        'notice',
        { title: 'gloo-harden: more findings' },
        `${left} more finding${left === 1 ? '' : 's'} not shown as annotations (GitHub shows at most 10 errors, 10 warnings and 10 notices per step); see the job summary.`
      )
    )
  return out
}
