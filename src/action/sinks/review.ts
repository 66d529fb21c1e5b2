/**
 * The review sink: comments (with suggestions) for new findings inside hunks, synced with what earlier runs
 * left. A finding the base already had never gets a comment (in any filter mode): the pull request did not
 * write it. What gets no comment is left on the Publication for the gate to annotate.
 */
import * as core from '@actions/core'
import { spanLines, type FilterMode } from '../../diff/filter.js'
import { syncReview, type GitHubClient } from '../../github/client.js'
import type { PullRequest } from '../../github/context.js'
import type { Finding } from '../../model/finding.js'
import { isExisting } from '../../report/gate.js'
import { escapeMarkdown, inlineCode } from '../../report/markdown.js'
import { comparePriority, planReview, type ReviewComment } from '../../report/review.js'
import { count, log, warn } from '../log.js'
import type { Sink } from '../publish.js'

const MAX_LISTED = 20

export interface ReviewSinkOptions {
  client: GitHubClient
  pull: PullRequest
  mode: FilterMode
  maxComments: number
  docsBase?: string
  /** Where the rest is, as the review body names it: 'the check run', or the workflow run's job summary. */
  where: string
}

/** What the review body says besides its comments. */
interface ReviewText {
  /** New findings reported (the ones that may get a comment). */
  total: number
  /** Reported findings already on the base branch (never commented). */
  existing: number
  where: string
  summaryName: string
}

export function reviewSink(o: ReviewSinkOptions): Sink {
  return {
    name: 'review',
    async publish(stream, pub) {
      if (!stream.diffs) return
      const fresh = stream.reported.filter((f) => !isExisting(f))
      const plan = planReview(fresh, stream.files, stream.diffs, { mode: o.mode, maxComments: o.maxComments, docsBase: o.docsBase, summaryName: pub.summaryName })
      pub.overflow = plan.overflow
      const text = { total: fresh.length, existing: pub.verdict.existing.length, where: o.where, summaryName: pub.summaryName }
      const posted = await postComments(o.client, o.pull, plan.comments, plan.overflow, text, pub.notes)
      pub.annotated = [...plan.outside, ...plan.overflow, ...posted.unplaced, ...pub.verdict.existing]
      pub.rejected.push(...posted.rejected)
    }
  }
}

/** Syncs the review with the plan; returns the findings left without a comment, and the ones GitHub refused. */
async function postComments(
  client: GitHubClient,
  pull: PullRequest,
  comments: ReviewComment[],
  overflow: Finding[],
  text: ReviewText,
  notes: string[]
): Promise<{ unplaced: Finding[]; rejected: { finding: Finding; reason: string }[] }> {
  const planned = comments.map((c) => ({
    path: c.path,
    body: c.body,
    line: c.line,
    side: c.side,
    ...(c.start_line !== undefined ? { start_line: c.start_line, start_side: c.start_side } : {}),
    fingerprint: c.fingerprint,
    findings: [c.finding, ...(c.also ?? [])]
  }))
  const r = await syncReview(client, pull.number, pull.headSha, planned, {
    standing: new Set(overflow.map((f) => f.fingerprint)),
    body: (n) => reviewBody(n, text, overflow),
    log
  })
  core.info(
    `Review comments: ${r.posted.length} new, ${r.unchanged.length} unchanged, ${r.updated.length} edited, ${r.deleted.length} deleted, ${r.kept.length} stale but replied to, ${r.rejected.length} refused, ${r.unposted.length} not posted.`
  )
  if (r.error) {
    notes.push(`Review comments could not all be posted: ${r.error.message}.`)
    if (r.error.forbidden) core.info(r.error.message)
    else warn(r.error.message)
  }
  const reason = `GitHub could not place the comment (${r.rejection ?? 'HTTP 422'})`
  if (r.rejected.length) warn(`GitHub refused ${count(r.rejected.length, 'review comment')} (${r.rejection ?? 'HTTP 422'}); they are check run annotations instead.`)
  return {
    unplaced: [...r.unposted, ...r.rejected].flatMap((c) => c.findings),
    rejected: r.rejected.flatMap((c) => c.findings.map((finding) => ({ finding, reason })))
  }
}

/**
 * The review's own text: how many comments this review holds (GitHub may refuse some, and recovery may split
 * them into several reviews), and which in-diff findings did not get one.
 */
function reviewBody(comments: number, text: ReviewText, overflow: Finding[]): string {
  const debt = text.existing ? `; ${count(text.existing, 'finding')} already on the base branch get no comment` : ''
  const lines = [`**gloo-harden** left ${count(comments, 'comment')} on the lines this pull request changes (${count(text.total, 'finding')} in all${debt}; see ${text.where}).`]
  if (overflow.length) {
    lines.push('', `${count(overflow.length, 'more finding')} in the diff ${overflow.length === 1 ? 'is' : 'are'} over the comment limit (max-comments):`, '')
    for (const f of [...overflow].sort(comparePriority).slice(0, MAX_LISTED)) {
      const { start } = spanLines(f.span)
      lines.push(`- ${inlineCode(`${f.path}:${start}`)} ${inlineCode(f.ruleId)}: ${escapeMarkdown(f.message)}`)
    }
    if (overflow.length > MAX_LISTED) lines.push(`- … and ${overflow.length - MAX_LISTED} more in ${text.summaryName}.`)
  }
  return lines.join('\n')
}
