/** What the run is about, from the runner's environment and the event payload: repository, pull request, the sha to report on. */
import { existsSync, readFileSync } from 'node:fs'
import { encodePath } from '../report/markdown.js'
import { INFORMATION_URI } from '../report/sarif.js'

export interface Repo {
  owner: string
  repo: string
}

export interface PullRequest {
  number: number
  /** `pull_request.head.sha`: the commit reviews and check runs attach to. */
  headSha: string
  baseSha?: string
  /** GitHub's count of changed files (the files API lists at most 3,000 of them). */
  changedFiles?: number
}

export interface RunContext {
  eventName: string
  repo: Repo
  /** Set on `pull_request` / `pull_request_target` events. */
  pull?: PullRequest
  /**
   * The commit check runs and statuses attach to: the PR head on pull requests (GITHUB_SHA is then the
   * merge commit, which the PR page never shows), GITHUB_SHA otherwise.
   */
  sha: string
  workspace: string
  apiUrl: string
  /** Link to this workflow run, for commit statuses and summaries. */
  runUrl?: string
  serverUrl: string
  /** Where the rule pages of the running action version live (absolute: relative links break in comments). */
  docsBase: string
}

export class ContextError extends Error {}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  if (!existsSync(path)) throw new ContextError(`GITHUB_EVENT_PATH ${path} does not exist`)
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (err) {
    throw new ContextError(`GITHUB_EVENT_PATH ${path} is not JSON: ${(err as Error).message}`)
  }
}

/** Reads the run's context. Throws ContextError when a variable the runner always sets is missing or malformed. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || rest.length) throw new ContextError(`GITHUB_REPOSITORY must be owner/repo, got '${env.GITHUB_REPOSITORY ?? ''}'`)
  const workspace = env.GITHUB_WORKSPACE
  if (!workspace) throw new ContextError('GITHUB_WORKSPACE is not set')
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  // GITHUB_ACTION_REPOSITORY / _REF name the action being run; both are empty for `uses: ./`.
  const actionRepo = env.GITHUB_ACTION_REPOSITORY
  const docsBase = actionRepo
    ? `${serverUrl}/${actionRepo}/blob/${encodePath(env.GITHUB_ACTION_REF || 'main')}/docs/rules/`
    : `${INFORMATION_URI}/blob/main/docs/rules/`
  const base = { eventName, repo: { owner, repo }, workspace, apiUrl, runUrl, serverUrl, docsBase }

  if (PR_EVENTS.has(eventName)) {
    const pr = payload.pull_request as { number?: unknown; head?: { sha?: unknown }; base?: { sha?: unknown }; changed_files?: unknown } | undefined
    const number = Number(pr?.number)
    const headSha = String(pr?.head?.sha ?? '')
    if (!Number.isInteger(number) || number <= 0) throw new ContextError(`${eventName} event without pull_request.number in ${env.GITHUB_EVENT_PATH ?? 'the payload'}`)
    if (!SHA.test(headSha)) throw new ContextError(`${eventName} event without a pull_request.head.sha in ${env.GITHUB_EVENT_PATH ?? 'the payload'}`)
    const baseSha = typeof pr?.base?.sha === 'string' ? pr.base.sha : undefined
    const changedFiles = typeof pr?.changed_files === 'number' ? pr.changed_files : undefined
    return { ...base, pull: { number, headSha, baseSha, changedFiles }, sha: headSha }
  }
  const sha = env.GITHUB_SHA ?? ''
  if (!SHA.test(sha)) throw new ContextError(`GITHUB_SHA must be a commit sha, got '${sha}'`)
  return { ...base, sha }
}
