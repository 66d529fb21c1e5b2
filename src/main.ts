/**
 * The action's run(): select (changed files, plus the repository as context) → lint → baseline (the same files
 * at the pull request's base commit: which findings are new) → filter (filter-mode) → publish (review, gate,
 * summary, outputs). The sole core.setFailed.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { constants, existsSync, lstatSync } from 'node:fs'
import { mkdir, open, realpath, type FileHandle } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import pkg from '../package.json' with { type: 'json' }
import { classify } from './engine/baseline.js'
import { ConfigError, defaultConfig, parseConfig, type Config } from './engine/config.js'
import { isReported, markFindings, spanLines } from './diff/filter.js'
import { parsePatch, type Hunk } from './diff/parse.js'
import { readBase } from './github/base.js'
import { ApiError, completeGate, GitHubClient, MAX_PULL_FILES, startCheckRun, syncReview, unsafePathReason, type ChangedFile, type ClientOptions, type GateResult } from './github/client.js'
import { readRunContext, type PullRequest, type RunContext } from './github/context.js'
import { readInputs, type Inputs } from './inputs.js'
import { fingerprint, lint, type LintFile, type LintResult } from './engine/lint.js'
import { collectFiles, decode, encode, listRepoFiles, printablePath, readRepoFile, type RepoFile } from './io/files.js'
import type { Finding } from './model/finding.js'
import { batchAnnotations, summarize, toAnnotations, type SummaryInput } from './report/check-run.js'
import { isExisting, judge, pickAnnotated } from './report/gate.js'
import { escapeMarkdown, inlineCode } from './report/markdown.js'
import { combinedPatch } from './report/patch.js'
import { comparePriority, planReview, type ReviewComment } from './report/review.js'
import { toSarif } from './report/sarif.js'
import { StepAnnotations, toWorkflowCommands } from './report/workflow-commands.js'
import { ruleIds, rules } from './rules/index.js'
import { formatMessage } from './rules/types.js'

const MANIFEST = /\.(ya?ml|json)$/i
/** The config file is read whole; it has no business being large. */
const MAX_CONFIG_SIZE = 1024 * 1024
const MAX_LISTED = 20

/**
 * The workflow-command annotations this step printed, against GitHub's per-step caps: every `::warning::` of
 * the action goes through `warn`, and one `::error::` stays reserved for the job's failure reason.
 */
let step = new StepAnnotations()
const warn = (message: string): void => {
  step.count('warning')
  core.warning(message)
}
const log = { debug: (m: string) => core.debug(m), info: (m: string) => core.info(m), warning: warn }

/** Runs the action. Never throws: a failure becomes core.setFailed with a message that names the cause. */
export async function run(): Promise<void> {
  step = new StepAnnotations()
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
  conclusion: 'success' | 'neutral' | 'failure'
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
      await completeGate(
        client,
        { name: inputs.checkName, sha: ctx.sha, conclusion: 'failure', title: 'gloo-harden could not run', summary, batches: [], description: 'gloo-harden could not run' },
        started.id,
        false
      ).catch(() => undefined)
    }
    throw err
  }
}

/** What the run is about: the files reported on (with their diff) and the rest of the repository as context. */
interface Selection {
  /** Set when the run reviews a pull request. */
  pull?: PullRequest
  /** Every changed file the API listed. */
  changed: ChangedFile[]
  /** The changed files checked (selected, readable names, not removed). */
  kept: ChangedFile[]
  reported: RepoFile[]
  context: RepoFile[]
  /** Hunks of each checked file; undefined when there is no pull request. */
  diffs?: Map<string, Hunk[]>
  /** Changed files that could be read neither from the checkout nor from the API. */
  unreadable: { path: string; reason: string }[]
  selected: (path: string) => boolean
}

/** What the baseline found: which head findings the base had, and which base findings are gone. */
interface Baseline {
  existing: ReadonlySet<Finding>
  fixed: Finding[]
  baseSha: string
}

async function reviewAndReport(inputs: Inputs, ctx: RunContext, client: GitHubClient, checkRunId: number | undefined, startError: ApiError | undefined): Promise<Outcome> {
  const { config, path: configPath } = await loadConfig(inputs, ctx.workspace)
  const notes: string[] = []
  const selection = await select(inputs, ctx, client, config, configPath, notes)
  const result = lint([...selection.reported, ...selection.context.map(asContext)], { config, rules })
  const head = [...result.findings, ...selection.unreadable.flatMap((u) => unreadableFinding(u.path, u.reason, config) ?? [])]
  const baseline = selection.pull ? await readBaseline(ctx, client, config, selection, head, notes) : undefined
  const reported = filter(head, baseline, selection.diffs, inputs)
  return publish({ inputs, ctx, client, checkRunId, startError, pull: selection.pull, diffs: selection.diffs, files: result.files, reported, baseline, notes })
}

const asContext = (f: RepoFile): LintFile => ({ ...f, report: false })

/** Select: the changed files of the pull request (or the whole repository), read at its head, and the context. */
async function select(inputs: Inputs, ctx: RunContext, client: GitHubClient, config: Config, configPath: string, notes: string[]): Promise<Selection> {
  const wanted = picomatch(inputs.paths.length ? inputs.paths : ['**'], { dot: true })
  const excludes = [...config.exclude, ...inputs.exclude]
  const excluded = excludes.length ? picomatch(excludes, { dot: true }) : () => false
  const selected = (p: string): boolean => MANIFEST.test(p) && wanted(p) && !excluded(p) && p !== configPath

  // Which files are reported on, and the diff that decides where their findings go.
  let pull = inputs.scan === 'changed' ? ctx.pull : undefined
  let changed: ChangedFile[] = []
  if (pull) {
    try {
      changed = await client.listChangedFiles(pull.number)
    } catch (err) {
      // Without the list there is no diff to review, but the gate must not depend on an outage: check the
      // whole repository, as on a push. A definite answer (403, 404: permissions, a wrong payload) stays an error.
      if (!(err instanceof ApiError) || !err.transient) throw err
      const message = err.message
      warn(`Could not list the pull request's changed files (${message}); checking the whole repository instead, without a review.`)
      notes.push(`The pull request's changed files could not be listed (${message}), so the whole repository was checked and no review comments were posted.`)
      pull = undefined
    }
  }
  if (!pull) {
    const all = (await listRepoFiles(ctx.workspace, { exclude: excludes })).filter(selected)
    const reported = (await collectFiles(all, { cwd: ctx.workspace, exclude: [], maxFileSize: config.maxFileSize })).files
    core.info(`Checking ${count(reported.length, 'file')} of the repository.`)
    return { changed: [], kept: [], reported, context: [], unreadable: [], selected }
  }

  if (changed.length >= MAX_PULL_FILES || (pull.changedFiles ?? 0) > changed.length)
    notes.push(
      `This pull request changes ${pull.changedFiles && pull.changedFiles > changed.length ? count(pull.changedFiles, 'file') : 'more files than the API lists'}; GitHub's API lists only the first ${MAX_PULL_FILES.toLocaleString('en-US')}, so the rest were not checked. Run with scan: all to check the whole repository.`
    )
  // Names that lead outside the workspace or could forge output are never read, fetched or reported.
  const refused = changed.filter((f) => f.status !== 'removed' && unsafePathReason(f.filename))
  if (refused.length) {
    const listed = refused.slice(0, MAX_LISTED).map((f) => `${shown(f.filename)} (${unsafePathReason(f.filename)})`)
    if (refused.length > MAX_LISTED) listed.push(`and ${refused.length - MAX_LISTED} more`)
    const text = `${count(refused.length, 'changed file')} of this pull request ${refused.length === 1 ? 'has a name' : 'have names'} gloo-harden does not read: ${listed.join('; ')}.`
    warn(text)
    notes.push(`${text} ${refused.length === 1 ? 'It was' : 'They were'} not checked.`)
  }
  const kept = changed.filter((f) => f.status !== 'removed' && !unsafePathReason(f.filename) && selected(f.filename))
  const diffs = new Map(kept.map((f) => [f.filename, f.patch ? parsePatch(f.patch) : []]))
  const read = await readHeadFiles(client, ctx.workspace, kept, config.maxFileSize)
  if (read.fromApi.length)
    notes.push(
      `${count(read.fromApi.length, 'changed file')} differed in the checkout from the pull request head (actions/checkout checks out the merge commit, or the base for pull_request_target) and ${read.fromApi.length === 1 ? 'was' : 'were'} read from the head commit instead.`
    )
  if (read.unreadable.length)
    notes.push(
      `${count(read.unreadable.length, 'changed file')} could not be read (not in the checkout, and the API failed): ${read.unreadable
        .slice(0, MAX_LISTED)
        .map((u) => shown(u.path))
        .join(', ')}. Each is an error (file-unreadable): the gate fails closed.`
    )
  const skipContext = new Set(changed.flatMap((f) => [f.filename, ...(f.previousFilename ? [f.previousFilename] : [])]))
  core.info(`Pull request #${pull.number}: ${count(changed.length, 'changed file')}, ${kept.length} to check.`)
  // The rest of the repository's manifests: context for cross-document rules, never reported on (and not
  // needed when the PR changes no manifest).
  const contextPaths = kept.length ? (await listRepoFiles(ctx.workspace, { exclude: excludes })).filter((p) => selected(p) && !skipContext.has(p)) : []
  const context = contextPaths.length ? (await collectFiles(contextPaths, { cwd: ctx.workspace, exclude: [], maxFileSize: config.maxFileSize })).files : []
  return { pull, changed, kept, reported: read.files, context, diffs, unreadable: read.unreadable, selected }
}

/**
 * The error finding for a changed file nobody could read: the gate fails closed (the file was not checked).
 * Shaped as the engine's own findings (line 1, resource `file`), so its fingerprint is stable across runs.
 */
export function unreadableFinding(path: string, reason: string, config: Config): Finding | undefined {
  const rule = rules.find((r) => r.meta.id === 'file-unreadable')
  const setting = config.rules['file-unreadable']
  if (!rule || setting === 'off') return undefined
  return {
    ruleId: rule.meta.id,
    messageId: 'unreadable',
    severity: setting ?? rule.meta.severity,
    message: formatMessage(rule.meta.messages.unreadable, { path: printablePath(path), reason: reason.replace(/\.$/, '') }),
    path,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    offsets: [0, 0],
    resource: 'file',
    jsonPath: '',
    fingerprint: fingerprint([rule.meta.id, path, 'file', '', '', 'unreadable'])
  }
}

/**
 * Baseline: the changed files (and their context) at the pull request's base commit, linted as the head was,
 * then matched by fingerprint. A file the base cannot give is left out, so its findings count as new.
 */
async function readBaseline(ctx: RunContext, client: GitHubClient, config: Config, sel: Selection, head: Finding[], notes: string[]): Promise<Baseline | undefined> {
  const baseSha = sel.pull?.baseSha
  // No manifest changed: nothing to compare.
  if (!sel.kept.length) return undefined
  if (!baseSha) {
    notes.push('The event has no base commit (pull_request.base.sha), so every finding counts as new.')
    return undefined
  }
  const unreadable = new Set(sel.unreadable.map((u) => u.path))
  const withFindings = new Set(head.map((f) => f.path))
  const headFile = new Map(sel.reported.map((f) => [f.path, f]))
  // Files with findings first: when the API cannot read every base, the ones that matter to the gate are read.
  // A renamed file is the same file (its findings are matched under the new name); a copy is a new file, whose
  // findings are new even where its original has them too.
  const files = sel.kept
    .filter((f) => f.status !== 'added' && f.status !== 'copied' && !unreadable.has(f.filename))
    .sort((a, b) => Number(!withFindings.has(a.filename)) - Number(!withFindings.has(b.filename)))
    .map((f) => ({ path: f.filename, from: (f.status === 'renamed' && f.previousFilename) || f.filename, siblingChart: headFile.get(f.filename)?.siblingChart }))
  const removed = sel.changed.filter((f) => f.status === 'removed' && !unsafePathReason(f.filename) && sel.selected(f.filename)).map((f) => f.filename)
  const base = await readBase({ workspace: ctx.workspace, client, sha: baseSha, files, removed, isContext: sel.selected, maxFileSize: config.maxFileSize, log })
  const unread = new Set(base.unread.map((u) => u.path))
  // The head's copy stands in for what the base cannot give: unchanged context (API), and unread changed files.
  const standIns = [...(base.headContext ? sel.context : []), ...sel.reported.filter((f) => unread.has(f.path) || unreadable.has(f.path))]
  const baseResult = lint([...base.files, ...[...base.context, ...standIns].map(asContext)], { config, rules })
  const c = classify(head, baseResult.findings)
  if (base.unread.length) {
    const listed = base.unread.slice(0, MAX_LISTED).map((u) => `${shown(u.path)} (${u.reason})`)
    if (base.unread.length > MAX_LISTED) listed.push(`and ${base.unread.length - MAX_LISTED} more`)
    notes.push(
      `${count(base.unread.length, 'changed file')} could not be read at the base commit, so all ${base.unread.length === 1 ? 'its' : 'their'} findings count as new: ${listed.join('; ')}. With actions/checkout's fetch-depth: 0 the base is read from the checkout instead.`
    )
  }
  core.info(
    `Baseline: ${count(base.files.length, 'changed file')} read at the base commit ${baseSha.slice(0, 12)} (${base.source === 'git' ? "from the checkout's history" : 'through the API'}); ${c.added.length} new, ${c.existing.length} existing, ${c.fixed.length} fixed.`
  )
  return { existing: new Set(c.existing), fixed: c.fixed, baseSha }
}

/** Filter: marks each finding new or existing, and keeps what filter-mode reports. */
function filter(head: Finding[], baseline: Baseline | undefined, diffs: Map<string, Hunk[]> | undefined, inputs: Inputs): Finding[] {
  const marked = baseline ? head.map((f): Finding => ({ ...f, baseline: baseline.existing.has(f) ? 'existing' : 'new' })) : head
  return diffs ? markFindings(marked, diffs).filter((f) => isReported(f, inputs.filterMode, diffs)) : marked
}

interface PublishInput {
  inputs: Inputs
  ctx: RunContext
  client: GitHubClient
  checkRunId: number | undefined
  startError: ApiError | undefined
  pull?: PullRequest
  diffs?: Map<string, Hunk[]>
  files: LintResult['files']
  reported: Finding[]
  baseline?: Baseline
  notes: string[]
}

/** Publish: review comments for new findings, the gate (check run → status → log), summaries, outputs, SARIF. */
async function publish(p: PublishInput): Promise<Outcome> {
  const { inputs, ctx, client, checkRunId, startError, pull, diffs, files, reported, baseline, notes } = p
  const checksForbidden = startError?.forbidden ?? false
  const verdict = judge(reported, inputs.gate, inputs.failOn)
  const existing = verdict.existing
  // Where the reader finds the whole result: the check run, or (without one) the workflow run's job summary.
  const summaryName = checkRunId !== undefined ? 'the check run summary' : 'the job summary of the workflow run'

  // Placement: comments in the review for new findings inside hunks, annotations for the rest. A finding the
  // base already had never gets a comment (in any filter mode): the pull request did not write it.
  const annotated: Finding[] = []
  let overflow: Finding[] = []
  const rejected: { finding: Finding; reason: string }[] = []
  if (pull && diffs) {
    const fresh = reported.filter((f) => !isExisting(f))
    const plan = planReview(fresh, files, diffs, { mode: inputs.filterMode, maxComments: inputs.maxComments, docsBase: ctx.docsBase, summaryName })
    overflow = plan.overflow
    annotated.push(...plan.outside, ...plan.overflow)
    const where = checkRunId !== undefined ? 'the check run' : ctx.runUrl ? `the job summary of [the workflow run](${ctx.runUrl})` : 'the job summary of the workflow run'
    const posted = await publishReview(client, pull, plan.comments, plan.overflow, { total: fresh.length, existing: existing.length, where, summaryName }, notes)
    annotated.push(...posted.unplaced, ...existing)
    rejected.push(...posted.rejected)
  } else annotated.push(...reported)
  const picked = pickAnnotated(annotated, inputs.gate, inputs.maxAnnotations)
  if (picked.left.length)
    notes.push(
      `${count(picked.left.length, 'finding')} without a review comment ${picked.left.length === 1 ? 'is' : 'are'} not annotated (max-annotations: ${inputs.maxAnnotations}, most severe and new first); this summary lists ${picked.left.length === 1 ? 'it' : 'them'}.`
    )

  // The gate.
  const { conclusion, judged } = verdict
  const debt = existing.length ? ` (${count(existing.length, 'finding')} already on the base branch)` : ''
  const description = judged.length ? `${totals(judged)}${debt}` : existing.length ? `no new findings${debt}` : 'no findings'
  const title = `gloo-harden: ${description}`
  const patch = combinedPatch(files, reported)
  const summaryInput: SummaryInput = {
    title,
    findings: judged,
    failOn: inputs.failOn,
    gate: inputs.gate,
    existing,
    fixed: baseline?.fixed ?? [],
    links: { serverUrl: ctx.serverUrl, owner: ctx.repo.owner, repo: ctx.repo.repo, sha: ctx.sha, baseSha: baseline?.baseSha },
    patch: patch || undefined,
    overflow,
    rejected,
    notes,
    docsBase: ctx.docsBase
  }
  const summary = summarize(summaryInput)
  const gate = await completeGate(
    client,
    { name: inputs.checkName, sha: ctx.sha, conclusion, title, summary, batches: batchAnnotations(toAnnotations(picked.annotated, { gate: inputs.gate })), description, targetUrl: ctx.runUrl },
    checkRunId,
    checksForbidden
  )
  // A permission error is the expected state of a fork's token; anything else is an accident worth a warning.
  for (const e of gate.errors) (e instanceof ApiError && e.forbidden ? core.info : warn)(e.message)
  // Checks are not retried at the end once the start was refused: that refusal is part of the story.
  const gateErrors = checksForbidden && startError ? [startError, ...gate.errors] : gate.errors
  const forbidden = gateErrors.length > 0 && gateErrors.every((e) => e instanceof ApiError && e.forbidden)
  if (gate.channel === 'status')
    warn(
      forbidden
        ? `The token cannot write check runs; the result is the commit status '${inputs.checkName}' instead (give the job checks: write for annotations).`
        : `The check run could not be completed; the result is the commit status '${inputs.checkName}' instead, and the findings are annotations in this log.`
    )
  if (gate.channel === 'log')
    warn(
      forbidden
        ? 'The token can write neither check runs nor commit statuses (a read-only token: fork or Dependabot pull request); findings are reported in this log only.'
        : "GitHub's API took neither the check run nor a commit status; findings are reported in this log and the job summary only, and the job passes or fails by them."
    )
  // The check run cannot tell of its own failure; the job summary can.
  const gateNotes = gateReport({ ...gate, errors: gateErrors }, inputs.checkName)
  await writeJobSummary(gateNotes.length ? summarize({ ...summaryInput, notes: [...notes, ...gateNotes] }) : summary)

  // Outputs.
  core.setOutput('findings', reported.length)
  core.setOutput('new-findings', reported.length - existing.length)
  core.setOutput('errors', reported.filter((f) => f.severity === 'error').length)
  core.setOutput('warnings', reported.filter((f) => f.severity === 'warning').length)
  core.setOutput('notices', reported.filter((f) => f.severity === 'notice').length)
  core.setOutput('conclusion', conclusion)
  if (inputs.sarifFile) {
    const sarif = toSarif(reported, rules, { toolVersion: pkg.version, sources: new Map([...files].map(([path, f]) => [path, f.text])) })
    try {
      core.setOutput('sarif-file', await writeSarif(ctx.workspace, inputs.sarifFile, JSON.stringify(sarif, null, 2) + '\n'))
    } catch (err) {
      // The findings are in the summary and the gate already; a SARIF log that cannot be written must not
      // turn the job's result into an accident.
      warn(`The SARIF log was not written: ${(err as Error).message}`)
    }
  }
  // Last, so every warning of the step is counted: the findings get what the per-step caps leave, minus the
  // one `::error::` the failure reason needs.
  if (!gate.annotationsDelivered)
    for (const line of toWorkflowCommands(annotated, { budget: step.left({ error: 1 }), gate: inputs.gate })) process.stdout.write(`${line}\n`)
  core.info(`${title} (${conclusion}).`)
  return { conclusion, failing: verdict.failing, existing: existing.length }
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

/**
 * Writes the SARIF log. Inside the workspace (which the pull request controls) it must not follow a symlink
 * out: a planted `results.sarif -> ~/.bashrc` would otherwise be overwritten. Returns the absolute path.
 */
async function writeSarif(workspace: string, path: string, text: string): Promise<string> {
  const target = resolve(workspace, path)
  const root = resolve(workspace)
  if (target === root || target.startsWith(root + sep)) {
    const realRoot = await realpath(root)
    // The nearest existing folder decides where mkdir would go.
    let dir = dirname(target)
    while (!existsSync(dir) && dir !== root) dir = dirname(dir)
    const realDir = await realpath(dir)
    if (realDir !== realRoot && !realDir.startsWith(realRoot + sep)) throw new Error(`${shown(path)} is under a symlink that leads outside the workspace`)
  }
  await mkdir(dirname(target), { recursive: true })
  let handle: FileHandle
  try {
    handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new Error(`${shown(path)} is a symlink; it is not followed`)
    throw err
  }
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${shown(path)} is not a regular file`)
    await handle.writeFile(text)
  } finally {
    await handle.close()
  }
  return target
}

/** A name from the API or a file for the log and summaries: control, invisible and direction characters spelled out, long names cut. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]|[\uD800-\uDFFF]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
  return s.length > 200 ? `${s.slice(0, 199)}…` : s
}

/** The config file from the workspace; a missing default config means the defaults. Inputs override it. */
async function loadConfig(inputs: Inputs, workspace: string): Promise<{ config: Config; path: string }> {
  let config: Config
  if (!inputs.configExplicit && !existsSync(resolve(workspace, inputs.config))) config = defaultConfig()
  else {
    const file = await readRepoFile(workspace, inputs.config, { maxFileSize: MAX_CONFIG_SIZE })
    if (file.skipped) throw new ConfigError(`${printablePath(inputs.config)} (input 'config'): ${file.skipped}`)
    config = parseConfig(file.text, inputs.config, ruleIds)
  }
  if (inputs.maxFileSize !== undefined) config.maxFileSize = inputs.maxFileSize
  if (inputs.glooVersion !== undefined) config.glooVersion = inputs.glooVersion
  return { config, path: inputs.config }
}

function fileKind(path: string): 'missing' | 'symlink' | 'other' {
  try {
    return lstatSync(path).isSymbolicLink() ? 'symlink' : 'other'
  } catch {
    return 'missing'
  }
}

/** Git's blob id of some bytes, to tell whether the checkout holds the PR head's version of a file. */
function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/**
 * Reads the changed files from the workspace, and from the head commit through the API when the workspace
 * copy is not the head's (review lines must be the head's lines). A file in neither is `unreadable`.
 */
async function readHeadFiles(
  client: GitHubClient,
  workspace: string,
  changed: ChangedFile[],
  maxFileSize: number
): Promise<{ files: RepoFile[]; fromApi: string[]; unreadable: { path: string; reason: string }[] }> {
  const files: RepoFile[] = []
  const fromApi: string[] = []
  const unreadable: { path: string; reason: string }[] = []
  for (const f of changed) {
    const local = await readRepoFile(workspace, f.filename, { maxFileSize })
    // A file that is there but was not read (too large, binary) stays skipped, and a symlink is read through
    // (its blob is the link, not the manifest); a missing file (a checkout of the base) or a different one (the
    // merge commit) is fetched at the head.
    const kind = fileKind(resolve(workspace, f.filename))
    if (!f.sha && kind === 'missing') {
      unreadable.push({ path: f.filename, reason: 'it is not in the checkout, and the API gave no blob sha to fetch it by' })
      continue
    }
    if (!f.sha || kind === 'symlink' || (local.skipped ? kind !== 'missing' : gitBlobSha(encode(local.text, local.encoding)) === f.sha)) {
      files.push(local)
      continue
    }
    let bytes: Buffer
    try {
      bytes = await client.getBlob(f.sha)
    } catch (err) {
      // Not in the checkout either: nothing of the file was checked, and a gate must not pass it unread.
      if (kind === 'missing') {
        warn(`${shown(f.filename)}: not in the checkout, and the pull request head's copy could not be fetched (${(err as Error).message}); reported as file-unreadable.`)
        unreadable.push({ path: f.filename, reason: `it is not in the checkout, and the API failed (${(err as Error).message})` })
        continue
      }
      warn(`${shown(f.filename)}: the checkout differs from the pull request head and the head's copy could not be fetched (${(err as Error).message}); checking the checkout's copy.`)
      files.push(local)
      continue
    }
    fromApi.push(f.filename)
    if (bytes.length > maxFileSize) {
      files.push({ path: f.filename, text: '', skipped: `it is ${bytes.length} bytes, over max-file-size (${maxFileSize})` })
      continue
    }
    const decoded = decode(bytes)
    files.push('skipped' in decoded ? { path: f.filename, text: '', skipped: decoded.skipped } : { path: f.filename, text: decoded.text, encoding: decoded.encoding, siblingChart: local.siblingChart })
  }
  return { files, fromApi, unreadable }
}

/** What the review body says besides its comments. */
interface ReviewText {
  /** New findings reported (the ones that may get a comment). */
  total: number
  /** Reported findings already on the base branch (never commented). */
  existing: number
  /** Where the rest is: 'the check run', or the workflow run's job summary when there is no check run. */
  where: string
  summaryName: string
}

/** Syncs the review with the plan; returns the findings left without a comment, and the ones GitHub refused. */
async function publishReview(
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

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown).write()
  } catch (err) {
    core.info(`Could not write the job summary: ${(err as Error).message}`)
  }
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

/** "2 errors, 1 warning" (severities with findings only). */
function totals(findings: Finding[]): string {
  return (['error', 'warning', 'notice'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => count(n, s))
    .join(', ')
}
