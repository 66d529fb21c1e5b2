/**
 * The gate, computed once: which findings it judges (input `gate`: the new ones, or all), its conclusion by
 * `fail-on`, and how findings rank and show as annotations (an existing finding the gate does not judge is a
 * notice at most).
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js'
import { comparePriority } from './review.js'

/** `new`: only findings the base commit does not have can fail the check; `all`: every reported finding. */
export type Gate = 'new' | 'all'
export const GATES: readonly Gate[] = ['new', 'all']

/** Lowest severity that fails the check and the job. */
export type FailOn = 'error' | 'warning' | 'notice' | 'never'
export const FAIL_ONS: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export type Conclusion = 'success' | 'neutral' | 'failure'

export const isExisting = (f: Finding): boolean => f.baseline === 'existing'

export interface Verdict {
  /** What the gate judges: the new findings (gate: new), or every reported one (gate: all). */
  judged: Finding[]
  /** Reported findings the base commit already had. */
  existing: Finding[]
  /** failure when a judged finding reaches fail-on; neutral when anything was reported; success otherwise. */
  conclusion: Conclusion
  /** Judged findings at or above fail-on. */
  failing: number
}

export function reaches(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]
}

/** Judges the reported findings (each marked new or existing by the baseline; unmarked counts as new). */
export function judge(reported: readonly Finding[], gate: Gate, failOn: FailOn): Verdict {
  const existing = reported.filter(isExisting)
  const judged = gate === 'all' ? [...reported] : reported.filter((f) => !isExisting(f))
  const failing = judged.filter((f) => reaches(f, failOn)).length
  return { judged, existing, conclusion: failing > 0 ? 'failure' : reported.length ? 'neutral' : 'success', failing }
}

/** The severity an annotation shows: an existing finding that gate: new does not judge is a notice. */
export function shownSeverity(f: Finding, gate: Gate): Severity {
  return gate === 'new' && isExisting(f) ? 'notice' : f.severity
}

/** Most severe (as shown) first, then new before existing, then errors-first priority and place. */
export function compareShown(gate: Gate): (a: Finding, b: Finding) => number {
  return (a, b) => SEVERITY_RANK[shownSeverity(b, gate)] - SEVERITY_RANK[shownSeverity(a, gate)] || Number(isExisting(a)) - Number(isExisting(b)) || comparePriority(a, b)
}

/** The findings that become annotations (at most `max`, in shown order) and the ones left to the summary. */
export function pickAnnotated(findings: readonly Finding[], gate: Gate, max: number): { annotated: Finding[]; left: Finding[] } {
  const sorted = [...findings].sort(compareShown(gate))
  const n = Math.max(0, Math.floor(max))
  return { annotated: sorted.slice(0, n), left: sorted.slice(n) }
}
