/**
 * The action's log: every `::warning::` it prints goes through `warn`, so the step's annotation count is known
 * (GitHub's per-step caps) and the findings printed last take only what is left, minus the one `::error::` the
 * job's failure reason needs. Also the small wording helpers the log, notes and bodies share.
 */
import * as core from '@actions/core'
import type { Finding } from '../model/finding.js'
import { StepAnnotations, type CommandBudget } from '../report/workflow-commands.js'

let step = new StepAnnotations()

/** Starts counting a new step (one run of the action). */
export function resetStep(): void {
  step = new StepAnnotations()
}

export function warn(message: string): void {
  step.count('warning')
  core.warning(message)
}

/** What the per-step caps leave for the findings, keeping one `::error::` for the failure reason. */
export function findingsBudget(): CommandBudget {
  return step.left({ error: 1 })
}

/** The Logger the GitHub client and the base reader write to. */
export const log = { debug: (m: string) => core.debug(m), info: (m: string) => core.info(m), warning: warn }

export function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

/** "2 errors, 1 warning" (severities with findings only). */
export function totals(findings: readonly Finding[]): string {
  return (['error', 'warning', 'notice'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => count(n, s))
    .join(', ')
}

/** A name from the API or a file for the log and summaries: control, invisible and direction characters spelled out, long names cut. */
export function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]|[\uD800-\uDFFF]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
  return s.length > 200 ? `${s.slice(0, 199)}…` : s
}
