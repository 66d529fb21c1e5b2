/** Workflow-command annotations (`::error file=…::…`): the fallback when the token cannot write checks or reviews (fork PRs). */
import { spanLines } from '../diff/filter.js'
import type { Finding, Severity } from '../model/finding.js'
import { plainMessage } from './check-run.js'
import { comparePriority } from './review.js'

/**
 * actions/toolkit docs/problem-matchers.md, "Limitations": "10 warning annotations, 10 error annotations, and
 * 10 notice annotations per step; 50 annotations per job". Commands beyond these are silently dropped.
 */
export const MAX_WORKFLOW_ANNOTATIONS_PER_KIND = 10

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
 * ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message, errors first, at most 10 of each kind. When
 * some do not fit, the last notice slot says how many were left out, so nothing disappears silently.
 */
export function toWorkflowCommands(findings: Finding[]): string[] {
  const sorted = [...findings].sort(comparePriority)
  const byKind: Record<Severity, Finding[]> = { error: [], warning: [], notice: [] }
  for (const f of sorted) byKind[f.severity].push(f)
  const dropped = (['error', 'warning', 'notice'] as const).reduce((n, k) => n + Math.max(0, byKind[k].length - MAX_WORKFLOW_ANNOTATIONS_PER_KIND), 0)
  const out: string[] = []
  for (const kind of ['error', 'warning', 'notice'] as const) {
    const cap = kind === 'notice' && dropped > 0 ? MAX_WORKFLOW_ANNOTATIONS_PER_KIND - 1 : MAX_WORKFLOW_ANNOTATIONS_PER_KIND
    for (const f of byKind[kind].slice(0, cap)) {
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
            title: `gloo-harden: ${f.ruleId}`
          },
          plainMessage(f)
        )
      )
    }
  }
  const left = sorted.length - out.length
  if (left > 0)
    out.push(
      command(
        'notice',
        { title: 'gloo-harden: more findings' },
        `${left} more finding${left === 1 ? '' : 's'} not shown as annotations (GitHub shows at most 10 errors, 10 warnings and 10 notices per step); see the job summary.`
      )
    )
  return out
}
