/**
 * The gate sink: the verdict goes down one fallback chain (check run → commit status → log). The log link's
 * annotations are printed when the sink finishes, last of the step, so they get what GitHub's per-step caps
 * leave after every warning the run printed.
 */
import * as core from '@actions/core'
import { ApiError, type GateResult, type GitHubClient } from '../../github/client.js'
import { batchAnnotations, toAnnotations } from '../../report/check-run.js'
import { toWorkflowCommands } from '../../report/workflow-commands.js'
import { deliverGate, gateChain, type GateLink } from '../gate-chain.js'
import { findingsBudget, warn } from '../log.js'
import type { Sink } from '../publish.js'

export interface GateSinkOptions {
  checkName: string
  sha: string
  targetUrl?: string
  /** The chain to go down; by default gateChain(client, checkRunId, checksForbidden). */
  links: readonly GateLink[]
  /** Why startCheckRun failed, when it was a permission error: part of the story, not retried. */
  startError?: ApiError
  checksForbidden: boolean
  /** Where the log link's lines go (default stdout). */
  write?: (line: string) => void
}

/** The sink for a run, with the chain of its client. */
export function gateSinkFor(client: GitHubClient, o: Omit<GateSinkOptions, 'links'> & { checkRunId: number | undefined }): Sink {
  return gateSink({ ...o, links: gateChain(client, o.checkRunId, o.checksForbidden) })
}

export function gateSink(o: GateSinkOptions): Sink {
  return {
    name: 'gate',
    async publish(_stream, pub) {
      const report = {
        name: o.checkName,
        sha: o.sha,
        conclusion: pub.verdict.conclusion,
        title: pub.title,
        summary: pub.summary ?? '',
        batches: batchAnnotations(toAnnotations(pub.picked ?? pub.annotated, { gate: pub.gate })),
        description: pub.description,
        targetUrl: o.targetUrl
      }
      const gate = await deliverGate(o.links, report)
      pub.delivered = gate
      // A permission error is the expected state of a fork's token; anything else is an accident worth a warning.
      for (const e of gate.errors) (e instanceof ApiError && e.forbidden ? core.info : warn)(e.message)
      // Checks are not retried at the end once the start was refused: that refusal is part of the story.
      const gateErrors = o.checksForbidden && o.startError ? [o.startError, ...gate.errors] : gate.errors
      const forbidden = gateErrors.length > 0 && gateErrors.every((e) => e instanceof ApiError && e.forbidden)
      if (gate.channel === 'status')
        warn(
          forbidden
            ? `The token cannot write check runs; the result is the commit status '${o.checkName}' instead (give the job checks: write for annotations).`
            : `The check run could not be completed; the result is the commit status '${o.checkName}' instead, and the findings are annotations in this log.`
        )
      if (gate.channel === 'log')
        warn(
          forbidden
            ? 'The token can write neither check runs nor commit statuses (a read-only token: fork or Dependabot pull request); findings are reported in this log only.'
            : "GitHub's API took neither the check run nor a commit status; findings are reported in this log and the job summary only, and the job passes or fails by them."
        )
      pub.gateNotes = gateReport({ ...gate, errors: gateErrors }, o.checkName)
    },
    async finish(_stream, pub) {
      if (!pub.delivered || pub.delivered.annotationsDelivered) return
      const write = o.write ?? ((line: string) => process.stdout.write(`${line}\n`))
      for (const line of toWorkflowCommands(pub.annotated, { budget: findingsBudget(), gate: pub.gate })) write(line)
    }
  }
}

/** Notes for the job summary on where the result went when the check run did not take it all. */
function gateReport(gate: GateResult, checkName: string): string[] {
  const errors = [...new Set(gate.errors.map((e) => e.message))].join('; ')
  if (gate.channel === 'status')
    return [`The check run could not be written (${errors}); the result is the commit status '${checkName}', and the findings without a review comment are annotations in the log.`]
  if (gate.channel === 'log')
    return [`Neither the check run nor the commit status '${checkName}' could be written (${errors}); the findings without a review comment are annotations in the log, and the job passes or fails by them.`]
  if (!gate.annotationsDelivered && errors) return [`Some annotations could not be attached to the check run (${errors}); they are annotations in the log.`]
  return []
}
