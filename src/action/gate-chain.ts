/**
 * The gate's one fallback chain: the check run, else a commit status named like the check, else the log. Each
 * link either takes the verdict or says why not; the first that takes it is where the gate went.
 */
import type { ApiError, CheckAnnotation, CheckOutput, CommitState, GateChannel, GateReport, GateResult, GitHubClient } from '../github/client.js'

/** What a link answers: whether it took the verdict, whether the annotations went with it, and what failed. */
export interface LinkResult {
  ok: boolean
  annotationsDelivered: boolean
  errors: ApiError[]
}

export interface GateLink {
  readonly channel: GateChannel
  deliver(report: GateReport): Promise<LinkResult>
}

/** The check-run calls the chain needs (the client, or a plain fake). */
export type CheckRunApi = Pick<GitHubClient, 'createCheckRun' | 'updateCheckRun'>
export type StatusApi = Pick<GitHubClient, 'createCommitStatus'>

/**
 * The check run: completes the one startCheckRun opened (or creates it completed) with the first batch of
 * annotations, then one update per further batch (the Checks API takes 50 a request).
 * @param checkRunId from startCheckRun; undefined when that failed.
 */
export function checkRunLink(api: CheckRunApi, checkRunId: number | undefined): GateLink {
  return {
    channel: 'check-run',
    async deliver(report) {
      const errors: ApiError[] = []
      const [first = [], ...rest] = report.batches
      const output = (annotations: CheckAnnotation[]): CheckOutput => ({ title: report.title, summary: report.summary, ...(annotations.length ? { annotations } : {}) })
      try {
        let id = checkRunId
        if (id === undefined) id = await api.createCheckRun({ name: report.name, headSha: report.sha, status: 'completed', conclusion: report.conclusion, output: output(first) })
        else await api.updateCheckRun(id, { conclusion: report.conclusion, output: output(first) })
        let delivered = true
        for (const batch of rest) {
          try {
            await api.updateCheckRun(id, { output: output(batch) })
          } catch (err) {
            errors.push(err as ApiError)
            delivered = false
            break
          }
        }
        return { ok: true, annotationsDelivered: delivered, errors }
      } catch (err) {
        errors.push(err as ApiError)
        if (!(err as ApiError).forbidden && checkRunId !== undefined) {
          // The run exists but will not take this update (e.g. an annotation GitHub refuses): complete it
          // without annotations rather than leave it in_progress forever.
          try {
            await api.updateCheckRun(checkRunId, { conclusion: report.conclusion, output: output([]) })
            return { ok: true, annotationsDelivered: false, errors }
          } catch (again) {
            errors.push(again as ApiError)
          }
        }
        return { ok: false, annotationsDelivered: false, errors }
      }
    }
  }
}

/** A commit status named like the check: pass or fail, no annotations (needs `statuses: write`). */
export function statusLink(api: StatusApi): GateLink {
  return {
    channel: 'status',
    async deliver(report) {
      const state: CommitState = report.conclusion === 'failure' ? 'failure' : 'success'
      try {
        await api.createCommitStatus(report.sha, { state, context: report.name, description: report.description, targetUrl: report.targetUrl })
        return { ok: true, annotationsDelivered: false, errors: [] }
      } catch (err) {
        return { ok: false, annotationsDelivered: false, errors: [err as ApiError] }
      }
    }
  }
}

/** The last link: always takes the verdict; the findings go to the log (the job passes or fails by them). */
export const logLink: GateLink = {
  channel: 'log',
  deliver: async () => ({ ok: true, annotationsDelivered: false, errors: [] })
}

/** The chain of a run: check run (unless the token may not write checks) → status → log. */
export function gateChain(api: CheckRunApi & StatusApi, checkRunId: number | undefined, checksForbidden: boolean): GateLink[] {
  return [...(checksForbidden ? [] : [checkRunLink(api, checkRunId)]), statusLink(api), logLink]
}

/** Tries each link in order; the first that takes the verdict is the channel. Errors of every link tried are kept. */
export async function deliverGate(links: readonly GateLink[], report: GateReport): Promise<GateResult> {
  const errors: ApiError[] = []
  for (const link of links) {
    const r = await link.deliver(report)
    errors.push(...r.errors)
    if (r.ok) return { channel: link.channel, annotationsDelivered: r.annotationsDelivered, errors }
  }
  return { channel: 'log', annotationsDelivered: false, errors }
}
