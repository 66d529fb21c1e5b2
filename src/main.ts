/**
 * The action's run(): select (changed files, plus the repository as context) → lint → baseline (the same files
 * at the pull request's base commit: which findings are new) → filter (filter-mode) → publish (review, gate,
 * summary, outputs). The sole core.setFailed.
 */
import * as core from '@actions/core'
import pkg from '../package.json' with { type: 'json' }
import { readBaseline, unreadableFinding } from './action/baseline.js'
import { deliverGate, gateChain } from './action/gate-chain.js'
import { count, log, resetStep } from './action/log.js'
import { openPublication, publish, type FindingStream, type Sink } from './action/publish.js'
import { asContext, loadConfig, select } from './action/select.js'
import { gateSinkFor } from './action/sinks/gate.js'
import { outputsSink } from './action/sinks/outputs.js'
import { reviewSink } from './action/sinks/review.js'
import { sarifSink } from './action/sinks/sarif.js'
import { summarySink } from './action/sinks/summary.js'
import { filterFindings } from './diff/filter.js'
import { GitHubClient, startCheckRun, type ApiError, type ClientOptions } from './github/client.js'
import { readRunContext, type PullRequest, type RunContext } from './github/context.js'
import { readInputs, type Inputs } from './inputs.js'
import { lint } from './engine/lint.js'
import type { Conclusion } from './report/gate.js'
import { inlineCode } from './report/markdown.js'
import { rules } from './rules/index.js'

export { unreadableFinding }

/** Runs the action. Never throws: a failure becomes core.setFailed with a message that names the cause. */
export async function run(): Promise<void> {
  resetStep()
  let token = ''
  try {
    const inputs = readInputs()
    token = inputs.token
    const ctx = readRunContext()
    const result = await review(inputs, ctx)
    if (result.conclusion === 'failure') {
      const debt = result.existing && inputs.gate === 'new' ? ` (${count(result.existing, 'finding')} already on the base branch ${result.existing === 1 ? 'is' : 'are'} not judged)` : ''
      core.setFailed(`gloo-harden: ${count(result.failing, debt ? 'new finding' : 'finding')} at or above fail-on '${inputs.failOn}'${debt}.`)
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    core.setFailed(token ? message.split(token).join('***') : message)
  }
}

interface Outcome {
  conclusion: Conclusion
  /** Judged findings at or above fail-on. */
  failing: number
  /** Reported findings already on the base branch. */
  existing: number
}

/**
 * Client tuning from the environment, not inputs (nobody should need them on github.com): for GitHub Enterprise
 * Server behind a slow proxy, and for the end-to-end tests. GLOO_HARDEN_API_TIMEOUT_MS: per request attempt
 * (default 30 s). GLOO_HARDEN_API_BACKOFF_MS: milliseconds per second of retry back-off and retry-after
 * (default 1000). The rate-limit wait budget is counted in GitHub's seconds either way.
 */
export function clientTuning(env: NodeJS.ProcessEnv = process.env): Pick<ClientOptions, 'timeoutMs' | 'retryAfterBaseValue'> {
  const ms = (name: string): number | undefined => {
    const v = env[name]?.trim()
    return v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined
  }
  const timeoutMs = ms('GLOO_HARDEN_API_TIMEOUT_MS')
  const retryAfterBaseValue = ms('GLOO_HARDEN_API_BACKOFF_MS')
  return { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(retryAfterBaseValue !== undefined ? { retryAfterBaseValue } : {}) }
}

async function review(inputs: Inputs, ctx: RunContext): Promise<Outcome> {
  const client = new GitHubClient(ctx.repo, { token: inputs.token, baseUrl: ctx.apiUrl, ...clientTuning(), log })
  const started = await startCheckRun(client, inputs.checkName, ctx.sha)
  if (started.error) core.info(`Could not open check run '${inputs.checkName}': ${started.error.message}`)
  try {
    return await reviewAndReport(inputs, ctx, client, started.id, started.error)
  } catch (err) {
    // Do not leave the check spinning: complete it as failed with the reason, then fail the job.
    if (started.id !== undefined) {
      const summary = `## gloo-harden could not run\n\n${inlineCode(err instanceof Error ? err.message : String(err))}\n`
      await deliverGate(gateChain(client, started.id, false), {
        name: inputs.checkName,
        sha: ctx.sha,
        conclusion: 'failure',
        title: 'gloo-harden could not run',
        summary,
        batches: [],
        description: 'gloo-harden could not run'
      }).catch(() => undefined)
    }
    throw err
  }
}

async function reviewAndReport(inputs: Inputs, ctx: RunContext, client: GitHubClient, checkRunId: number | undefined, startError: ApiError | undefined): Promise<Outcome> {
  const { config, path: configPath } = await loadConfig(inputs, ctx.workspace)
  const notes: string[] = []
  const selection = await select(inputs, ctx, client, config, configPath, notes)
  const result = lint([...selection.reported, ...selection.context.map(asContext)], { config, rules })
  const head = [...result.findings, ...selection.unreadable.flatMap((u) => unreadableFinding(u.path, u.reason, config) ?? [])]
  const baseline = selection.pull ? await readBaseline(ctx, client, config, selection, head, notes) : undefined
  const stream: FindingStream = { ...filterFindings(head, baseline, selection.diffs, inputs.filterMode), files: result.files, diffs: selection.diffs }
  return publishAll(inputs, ctx, client, { checkRunId, startError, pull: selection.pull }, stream, notes)
}


/**
 * Publish: the one filtered stream to every output — review comments for new findings in hunks, the summary,
 * the gate (check run → commit status → log), the step's outputs, and SARIF.
 */
async function publishAll(
  inputs: Inputs,
  ctx: RunContext,
  client: GitHubClient,
  run: { checkRunId: number | undefined; startError: ApiError | undefined; pull?: PullRequest },
  stream: FindingStream,
  notes: string[]
): Promise<Outcome> {
  const hasCheckRun = run.checkRunId !== undefined
  // Where the reader finds the whole result: the check run, or (without one) the workflow run's job summary.
  const summaryName = hasCheckRun ? 'the check run summary' : 'the job summary of the workflow run'
  const where = hasCheckRun ? 'the check run' : ctx.runUrl ? `the job summary of [the workflow run](${ctx.runUrl})` : 'the job summary of the workflow run'
  const checksForbidden = run.startError?.forbidden ?? false
  const sinks: Sink[] = [
    ...(run.pull && stream.diffs ? [reviewSink({ client, pull: run.pull, mode: inputs.filterMode, maxComments: inputs.maxComments, docsBase: ctx.docsBase, where })] : []),
    summarySink({ maxAnnotations: inputs.maxAnnotations, links: { serverUrl: ctx.serverUrl, owner: ctx.repo.owner, repo: ctx.repo.repo, sha: ctx.sha }, docsBase: ctx.docsBase }),
    gateSinkFor(client, { checkName: inputs.checkName, sha: ctx.sha, targetUrl: ctx.runUrl, checkRunId: run.checkRunId, startError: run.startError, checksForbidden }),
    outputsSink(),
    ...(inputs.sarifFile ? [sarifSink({ workspace: ctx.workspace, path: inputs.sarifFile, toolVersion: pkg.version })] : [])
  ]
  const pub = await publish(sinks, stream, openPublication(stream, { gate: inputs.gate, failOn: inputs.failOn, notes, summaryName }))
  const { conclusion, failing, existing } = pub.verdict
  core.info(`${pub.title} (${conclusion}).`)
  return { conclusion, failing, existing: existing.length }
}

