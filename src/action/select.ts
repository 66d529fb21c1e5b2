/**
 * Select: which files a run reports on (the pull request's changed files read at its head, or the whole
 * repository), the diff that decides where their findings go, and the rest of the repository as context.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync } from 'node:fs'
import { resolve } from 'node:path'
import picomatch from 'picomatch'
import { parsePatch, type Hunk } from '../diff/parse.js'
import { ConfigError, defaultConfig, parseConfig, type Config } from '../engine/config.js'
import type { LintFile } from '../engine/lint.js'
import { ApiError, MAX_PULL_FILES, unsafePathReason, type ChangedFile, type GitHubClient } from '../github/client.js'
import type { PullRequest, RunContext } from '../github/context.js'
import type { Inputs } from '../inputs.js'
import { collectFiles, decode, encode, listRepoFiles, printablePath, readRepoFile, type RepoFile } from '../io/files.js'
import { ruleIds } from '../rules/index.js'
import { count, shown, warn } from './log.js'

export const MAX_LISTED = 20
const MANIFEST = /\.(ya?ml|json)$/i
/** The config file is read whole; it has no business being large. */
const MAX_CONFIG_SIZE = 1024 * 1024

/** What the run is about: the files reported on (with their diff) and the rest of the repository as context. */
export interface Selection {
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

/** A file read for cross-document rules only: never reported on. */
export const asContext = (f: RepoFile): LintFile => ({ ...f, report: false })

/** Select: the changed files of the pull request (or the whole repository), read at its head, and the context. */
export async function select(inputs: Inputs, ctx: RunContext, client: GitHubClient, config: Config, configPath: string, notes: string[]): Promise<Selection> {
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

/** The config file from the workspace; a missing default config means the defaults. Inputs override it. */
export async function loadConfig(inputs: Inputs, workspace: string): Promise<{ config: Config; path: string }> {
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

