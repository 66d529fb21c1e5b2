/** The action's run(): inputs → files (changed, plus the repository as context) → lint → placement → review and gate → outputs. The sole core.setFailed. */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { constants, existsSync, lstatSync } from 'node:fs'
import { mkdir, open, realpath, type FileHandle } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import pkg from '../package.json' with { type: 'json' }
import { ConfigError, defaultConfig, parseConfig, type Config } from './config.js'
import { isReported, markFindings, spanLines } from './diff/filter.js'
import { parsePatch, type Hunk } from './diff/parse.js'
import { ApiError, completeGate, GitHubClient, MAX_PULL_FILES, startCheckRun, syncReview, unsafePathReason, type ChangedFile, type ClientOptions, type GateResult } from './github/client.js'
import { readRunContext, type PullRequest, type RunContext } from './github/context.js'
import { readInputs, type Inputs } from './inputs.js'
import { lint, type LintFile } from './lint.js'
import { collectFiles, decode, encode, listRepoFiles, printablePath, readRepoFile, type RepoFile } from './load/files.js'
import { SEVERITY_RANK, type Finding, type Severity } from './model/finding.js'
import { batchAnnotations, conclusionFor, summarize, toAnnotations } from './report/check-run.js'
import { escapeMarkdown, inlineCode } from './report/markdown.js'
import { combinedPatch } from './report/patch.js'
import { comparePriority, planReview, type ReviewComment } from './report/review.js'
import { toSarif } from './report/sarif.js'
import { toWorkflowCommands } from './report/workflow-commands.js'
import { ruleIds, rules } from './rules/index.js'

const MANIFEST = /\.(ya?ml|json)$/i
/** The config file is read whole; it has no business being large. */
const MAX_CONFIG_SIZE = 1024 * 1024
const MAX_LISTED = 20

/** Runs the action. Never throws: a failure becomes core.setFailed with a message that names the cause. */
export async function run(): Promise<void> {
  let token = ''
  try {
    const inputs = readInputs()
    token = inputs.token
    const ctx = readRunContext()
    const result = await review(inputs, ctx)
    if (result.conclusion === 'failure')
      core.setFailed(`gloo-harden: ${count(result.failing, 'finding')} at or above fail-on '${inputs.failOn}'.`)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    core.setFailed(token ? message.split(token).join('***') : message)
  }
}

interface Outcome {
  conclusion: 'success' | 'neutral' | 'failure'
  failing: number
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
  const client = new GitHubClient(ctx.repo, { token: inputs.token, baseUrl: ctx.apiUrl, ...clientTuning(), log: { debug: core.debug, info: core.info, warning: core.warning } })
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

async function reviewAndReport(inputs: Inputs, ctx: RunContext, client: GitHubClient, checkRunId: number | undefined, startError: ApiError | undefined): Promise<Outcome> {
  const checksForbidden = startError?.forbidden ?? false
  const { config, path: configPath } = await loadConfig(inputs, ctx.workspace)
  const wanted = picomatch(inputs.paths.length ? inputs.paths : ['**'], { dot: true })
  const excludes = [...config.exclude, ...inputs.exclude]
  const excluded = excludes.length ? picomatch(excludes, { dot: true }) : () => false
  const selected = (p: string): boolean => MANIFEST.test(p) && wanted(p) && !excluded(p) && p !== configPath
  const notes: string[] = []

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
      core.warning(`Could not list the pull request's changed files (${message}); checking the whole repository instead, without a review.`)
      notes.push(`The pull request's changed files could not be listed (${message}), so the whole repository was checked and no review comments were posted.`)
      pull = undefined
    }
  }
  let reported: LintFile[]
  let diffs: Map<string, Hunk[]> | undefined
  let skipContext = new Set<string>()
  if (pull) {
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
      core.warning(text)
      notes.push(`${text} ${refused.length === 1 ? 'It was' : 'They were'} not checked.`)
    }
    const kept = changed.filter((f) => f.status !== 'removed' && !unsafePathReason(f.filename) && selected(f.filename))
    diffs = new Map(kept.map((f) => [f.filename, f.patch ? parsePatch(f.patch) : []]))
    const read = await readHeadFiles(client, ctx.workspace, kept, config.maxFileSize)
    if (read.fromApi.length)
      notes.push(
        `${count(read.fromApi.length, 'changed file')} differed in the checkout from the pull request head (actions/checkout checks out the merge commit, or the base for pull_request_target) and ${read.fromApi.length === 1 ? 'was' : 'were'} read from the head commit instead.`
      )
    reported = read.files
    skipContext = new Set(changed.flatMap((f) => [f.filename, ...(f.previousFilename ? [f.previousFilename] : [])]))
    core.info(`Pull request #${pull.number}: ${count(changed.length, 'changed file')}, ${kept.length} to check.`)
  } else {
    const all = (await listRepoFiles(ctx.workspace, { exclude: excludes })).filter(selected)
    reported = (await collectFiles(all, { cwd: ctx.workspace, exclude: [], maxFileSize: config.maxFileSize })).files
    core.info(`Checking ${count(reported.length, 'file')} of the repository.`)
  }
  // The rest of the repository's manifests: context for cross-document rules, never reported on (and not
  // needed when the PR changes no manifest).
  const contextPaths = pull && reported.length ? (await listRepoFiles(ctx.workspace, { exclude: excludes })).filter((p) => selected(p) && !skipContext.has(p)) : []
  const context = contextPaths.length ? (await collectFiles(contextPaths, { cwd: ctx.workspace, exclude: [], maxFileSize: config.maxFileSize })).files : []

  const result = lint([...reported, ...context.map((f) => ({ ...f, report: false }))], { config, rules })
  const findings = diffs ? markFindings(result.findings, diffs).filter((f) => isReported(f, inputs.filterMode, diffs!)) : result.findings

  // Placement: comments in the review for findings inside hunks, annotations for the rest.
  const annotated: Finding[] = []
  let overflow: Finding[] = []
  const rejected: { finding: Finding; reason: string }[] = []
  if (pull && diffs) {
    const plan = planReview(findings, result.files, diffs, { mode: inputs.filterMode, maxComments: inputs.maxComments, docsBase: ctx.docsBase })
    overflow = plan.overflow
    annotated.push(...plan.outside, ...plan.overflow)
    const posted = await publishReview(client, pull, plan.comments, plan.overflow, findings.length, notes)
    annotated.push(...posted.unplaced)
    rejected.push(...posted.rejected)
  } else annotated.push(...findings)

  // The gate.
  const conclusion = conclusionFor(findings, inputs.failOn)
  const failing = inputs.failOn === 'never' ? 0 : findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[inputs.failOn as Severity]).length
  const title = findings.length ? `gloo-harden: ${totals(findings)}` : 'gloo-harden: no findings'
  const patch = combinedPatch(result.files, findings)
  const summaryInput = {
    title,
    findings,
    failOn: inputs.failOn,
    links: { serverUrl: ctx.serverUrl, owner: ctx.repo.owner, repo: ctx.repo.repo, sha: ctx.sha },
    patch: patch || undefined,
    overflow,
    rejected,
    notes,
    docsBase: ctx.docsBase
  }
  const summary = summarize(summaryInput)
  const gate = await completeGate(
    client,
    { name: inputs.checkName, sha: ctx.sha, conclusion, title, summary, batches: batchAnnotations(toAnnotations(annotated)), description: totals(findings) || 'no findings', targetUrl: ctx.runUrl },
    checkRunId,
    checksForbidden
  )
  // A permission error is the expected state of a fork's token; anything else is an accident worth a warning.
  for (const e of gate.errors) (e instanceof ApiError && e.forbidden ? core.info : core.warning)(e.message)
  // Checks are not retried at the end once the start was refused: that refusal is part of the story.
  const gateErrors = checksForbidden && startError ? [startError, ...gate.errors] : gate.errors
  const forbidden = gateErrors.length > 0 && gateErrors.every((e) => e instanceof ApiError && e.forbidden)
  if (gate.channel === 'status')
    core.warning(
      forbidden
        ? `The token cannot write check runs; the result is the commit status '${inputs.checkName}' instead (give the job checks: write for annotations).`
        : `The check run could not be completed; the result is the commit status '${inputs.checkName}' instead, and the findings are annotations in this log.`
    )
  if (gate.channel === 'log')
    core.warning(
      forbidden
        ? 'The token can write neither check runs nor commit statuses (a read-only token: fork or Dependabot pull request); findings are reported in this log only.'
        : "GitHub's API took neither the check run nor a commit status; findings are reported in this log and the job summary only, and the job passes or fails by them."
    )
  if (!gate.annotationsDelivered) for (const line of toWorkflowCommands(annotated)) process.stdout.write(`${line}\n`)
  // The check run cannot tell of its own failure; the job summary can.
  const gateNotes = gateReport({ ...gate, errors: gateErrors }, inputs.checkName)
  await writeJobSummary(gateNotes.length ? summarize({ ...summaryInput, notes: [...notes, ...gateNotes] }) : summary)

  // Outputs.
  core.setOutput('findings', findings.length)
  core.setOutput('errors', findings.filter((f) => f.severity === 'error').length)
  core.setOutput('warnings', findings.filter((f) => f.severity === 'warning').length)
  core.setOutput('notices', findings.filter((f) => f.severity === 'notice').length)
  core.setOutput('conclusion', conclusion)
  if (inputs.sarifFile) {
    const sarif = toSarif(findings, rules, { toolVersion: pkg.version, sources: new Map([...result.files].map(([p, f]) => [p, f.text])) })
    try {
      core.setOutput('sarif-file', await writeSarif(ctx.workspace, inputs.sarifFile, JSON.stringify(sarif, null, 2) + '\n'))
    } catch (err) {
      // The findings are in the summary and the gate already; a SARIF log that cannot be written must not
      // turn the job's result into an accident.
      core.warning(`The SARIF log was not written: ${(err as Error).message}`)
    }
  }
  core.info(`${title} (${conclusion}).`)
  return { conclusion, failing }
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
 * copy is not the head's (review lines must be the head's lines).
 */
async function readHeadFiles(client: GitHubClient, workspace: string, changed: ChangedFile[], maxFileSize: number): Promise<{ files: RepoFile[]; fromApi: string[] }> {
  const files: RepoFile[] = []
  const fromApi: string[] = []
  for (const f of changed) {
    const local = await readRepoFile(workspace, f.filename, { maxFileSize })
    // A file that is there but was not read (too large, binary) stays skipped, and a symlink is read through
    // (its blob is the link, not the manifest); a missing file (a checkout of the base) or a different one (the
    // merge commit) is fetched at the head.
    const kind = fileKind(resolve(workspace, f.filename))
    if (!f.sha || kind === 'symlink' || (local.skipped ? kind !== 'missing' : gitBlobSha(encode(local.text, local.encoding)) === f.sha)) {
      files.push(local)
      continue
    }
    let bytes: Buffer
    try {
      bytes = await client.getBlob(f.sha)
    } catch (err) {
      core.warning(`${shown(f.filename)}: the checkout differs from the pull request head and the head's copy could not be fetched (${(err as Error).message}); checking the checkout's copy.`)
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
  return { files, fromApi }
}

/** Syncs the review with the plan; returns the findings left without a comment, and the ones GitHub refused. */
async function publishReview(
  client: GitHubClient,
  pull: PullRequest,
  comments: ReviewComment[],
  overflow: Finding[],
  total: number,
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
    body: (n) => reviewBody(n, total, overflow),
    log: { debug: core.debug, info: core.info, warning: core.warning }
  })
  core.info(
    `Review comments: ${r.posted.length} new, ${r.unchanged.length} unchanged, ${r.updated.length} edited, ${r.deleted.length} deleted, ${r.kept.length} stale but replied to, ${r.rejected.length} refused, ${r.unposted.length} not posted.`
  )
  if (r.error) {
    notes.push(`Review comments could not all be posted: ${r.error.message}.`)
    if (r.error.forbidden) core.info(r.error.message)
    else core.warning(r.error.message)
  }
  const reason = `GitHub could not place the comment (${r.rejection ?? 'HTTP 422'})`
  if (r.rejected.length) core.warning(`GitHub refused ${count(r.rejected.length, 'review comment')} (${r.rejection ?? 'HTTP 422'}); they are check run annotations instead.`)
  return {
    unplaced: [...r.unposted, ...r.rejected].flatMap((c) => c.findings),
    rejected: r.rejected.flatMap((c) => c.findings.map((finding) => ({ finding, reason })))
  }
}

/** The review's own text: how many comments, and which in-diff findings did not get one. */
function reviewBody(comments: number, total: number, overflow: Finding[]): string {
  const lines = [`**gloo-harden** left ${count(comments, 'comment')} on the lines this pull request changes (${count(total, 'finding')} in all; see the check run).`]
  if (overflow.length) {
    lines.push('', `${count(overflow.length, 'more finding')} in the diff ${overflow.length === 1 ? 'is' : 'are'} over the comment limit (max-comments):`, '')
    for (const f of [...overflow].sort(comparePriority).slice(0, MAX_LISTED)) {
      const { start } = spanLines(f.span)
      lines.push(`- ${inlineCode(`${f.path}:${start}`)} ${inlineCode(f.ruleId)}: ${escapeMarkdown(f.message)}`)
    }
    if (overflow.length > MAX_LISTED) lines.push(`- … and ${overflow.length - MAX_LISTED} more in the check run summary.`)
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
