/** What every reporter says about a finding besides its message: the severity badge and the rule's remediation. */
import type { Severity } from '../model/finding.js'
import { rules } from '../rules/index.js'

/** The one icon per severity, in comments, summaries and tables. */
export const SEVERITY_ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' }

/** "🛑 error" (a table cell), or "🛑 **error**" (a review comment's heading). */
export function severityBadge(severity: Severity, options: { bold?: boolean } = {}): string {
  return `${SEVERITY_ICON[severity]} ${options.bold ? `**${severity}**` : severity}`
}

const remediations = new Map(rules.map((r) => [r.meta.id, r.meta.remediation]))

/** The rule's remediation sentence; undefined for an unknown rule id. */
export function remediationOf(ruleId: string): string | undefined {
  return remediations.get(ruleId)
}
