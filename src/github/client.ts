/**
 * The only module that talks to GitHub's REST API (Octokit with retry and throttling): changed files, review
 * comments and reviews (with 422 recovery and idempotent re-runs), check runs, commit statuses.
 */
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { parseMarker } from '../report/fingerprint.js'
import type { Repo } from './context.js'

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

const silent: Logger = { debug() {}, info() {}, warning() {} }

export interface ClientOptions {
  token: string
  /** GITHUB_API_URL, so GitHub Enterprise Server and the test server work. */
  baseUrl: string
  /** Per request, including retries of it separately. */
  timeoutMs?: number
  /** Milliseconds per second of back-off for retries and rate-limit waits (the plugins' default is 1000). */
  retryAfterBaseValue?: number
  /**
   * Seconds (as GitHub's retry-after and rate-limit reset count them) the whole run may spend waiting out rate
   * limits; a wait that does not fit is not made and the request fails. Default 300.
   */
  waitBudgetSeconds?: number
  /**
   * The throttling plugin's pacing (one write per second, three seconds between notification-triggering
   * writes, as GitHub's best practices ask) and its secondary-rate-limit retries. Only unit tests turn it off.
   */
  throttle?: boolean
  log?: Logger
}

/** A failed API call: what was attempted, the HTTP status and GitHub's request id (never the token). */
export class ApiError extends Error {
  constructor(
    readonly what: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    readonly detail: string
  ) {
    super(`${what} failed: ${status ? `HTTP ${status}${detail ? ` ${detail}` : ''}` : `no response${detail ? ` (${detail})` : ''}`}${requestId ? ` (x-github-request-id: ${requestId})` : ''}`)
    this.name = 'ApiError'
  }

  /** The token may not do this (read-only GITHUB_TOKEN on forks and Dependabot, missing `permissions:`). */
  get forbidden(): boolean {
    return (this.status === 403 || this.status === 404) && !/rate limit/i.test(this.detail)
  }

  /**
   * An outage rather than an answer about the request: no response (reset, timeout), a 5xx, or a rate limit
   * that could not be waited out. Asking again later may work; the request itself is not wrong.
   */
  get transient(): boolean {
    return this.status === undefined || this.status >= 500 || this.status === 429 || (this.status === 403 && /rate limit/i.test(this.detail))
  }
}

interface OctokitLikeError {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

function toApiError(err: unknown, what: string, token: string): ApiError {
  const e = err as OctokitLikeError
  const data = e.response?.data as { message?: string; errors?: unknown[] } | undefined
  let detail = typeof data?.message === 'string' ? data.message : (e.message ?? String(err))
  if (Array.isArray(data?.errors) && data.errors.length)
    detail += `: ${data.errors.map((x) => (typeof x === 'string' ? x : ((x as { message?: string }).message ?? JSON.stringify(x)))).join('; ')}`
  if (token) detail = detail.split(token).join('***')
  // One line: the message reaches the log through core.info, where a line break would start a new line that
  // the runner reads as a workflow command if it begins with `::`.
  // eslint-disable-next-line no-control-regex
  detail = detail.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()
  // Octokit gives a request that got no answer (reset, timeout) status 500: it is not an HTTP status.
  const status = e.response && typeof e.status === 'number' && e.status > 0 ? e.status : undefined
  return new ApiError(what, status, e.response?.headers?.['x-github-request-id'], detail)
}

/** `files[].status` of the pulls files API. */
export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface ChangedFile {
  /** The path at the PR head (the new name of a renamed file). */
  filename: string
  status: FileStatus
  /** Git blob sha of the file at the PR head. */
  sha?: string
  /** Unified-diff hunks; absent for binary files and for diffs GitHub considers too large. */
  patch?: string
  previousFilename?: string
}

/** Rate-limit waits of a run, in seconds: GitHub's usual secondary retry-after is 60. */
export const DEFAULT_WAIT_BUDGET_SECONDS = 300

/**
 * Why a file name the pulls files API returned must not be used (read from the checkout, fetched from the
 * API, linted or reported), or undefined. A `..` or absolute name would lead outside the workspace; control
 * characters and line breaks (which git allows) could forge log lines and workflow commands, and the checkout
 * reader refuses them too; a lone surrogate is no file name at all (Node would open another file, with U+FFFD
 * in its place, and URL encoding throws). Other Unicode is a legitimate name, checked like any other.
 */
export function unsafePathReason(name: string): string | undefined {
  if (!name) return 'its name is empty'
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)) return 'its name is not valid Unicode'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return 'its name contains control characters or line breaks'
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return 'it is an absolute path'
  const segments = name.split(/[/\\]/)
  if (segments.includes('..')) return "its path contains '..'"
  if (segments.some((s) => s === '' || s === '.')) return "its path has an empty or '.' segment"
  return undefined
}

/** The pulls files API lists at most this many files, whatever the paging (docs: "List pull requests files"). */
export const MAX_PULL_FILES = 3000
const PER_PAGE = 100

export interface ReviewComment {
  id: number
  body: string
  path: string
  /** Null once the comment is outdated (its line is no longer in the diff). */
  line: number | null
  startLine: number | null
  inReplyToId?: number
  user?: string
  /** The gloo-harden fingerprint from the hidden marker; undefined for anyone else's comment. */
  fingerprint?: string
}

/** A review comment to create, as the create-review endpoint takes it. */
export interface NewComment {
  path: string
  body: string
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
}

/** A review comment we mean to place, with the fingerprint that identifies its finding across runs. */
export interface PlannedComment extends NewComment {
  fingerprint: string
}

/** GitHub's check run annotation object. */
export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

export interface CheckOutput {
  title: string
  summary: string
  annotations?: CheckAnnotation[]
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success'

/** GitHub's limit for a commit status description. */
const MAX_STATUS_DESCRIPTION = 140

type Octokit = ReturnType<typeof getOctokit>

/** Thin typed calls; every failure becomes an ApiError. */
export class GitHubClient {
  readonly octokit: Octokit
  private readonly token: string

  constructor(
    readonly repo: Repo,
    options: ClientOptions
  ) {
    this.token = options.token
    const log = options.log ?? silent
    const timeoutMs = options.timeoutMs ?? 30_000
    const base = actionsDefaults.request?.fetch ?? globalThis.fetch
    // Octokit's request has no timeout option: a stalled connection would hang the job until the runner
    // kills it. An aborted request surfaces as a status-500 error, which the retry plugin retries.
    const fetch = (url: string, init: RequestInit = {}) =>
      base(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) })
    const backoff = options.retryAfterBaseValue
    // Rate-limit waits share one budget, so a retry-after of an hour fails the request (and the run reports
    // through its fallbacks) instead of holding the job until the runner's timeout.
    let budget = options.waitBudgetSeconds ?? DEFAULT_WAIT_BUDGET_SECONDS
    const wait = (kind: string, after: number, o: { method: string; url: string }, count: number, maxRetries: number): boolean => {
      let why = ''
      if (count >= maxRetries) why = `after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`
      else if (after > budget) why = `retry-after ${after}s is more than the ${budget}s left of the run's wait budget`
      if (why) {
        log.warning(`GitHub API ${kind} (${o.method} ${o.url}); giving up (${why}).`)
        return false
      }
      budget -= after
      log.warning(`GitHub API ${kind} (${o.method} ${o.url}); retrying in ${after}s.`)
      return true
    }
    this.octokit = getOctokit(
      options.token,
      {
        baseUrl: options.baseUrl,
        // Replaces (not merges with) @actions/github's request defaults, so keep its proxy-aware fetch inside ours.
        request: { ...actionsDefaults.request, fetch },
        log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: (m: string) => log.debug(m) },
        // 429 is left to the throttling plugin, which honours its retry-after (the retry plugin's own back-off
        // would retry a secondary rate limit too early, which GitHub may answer by blocking the token longer).
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], ...(backoff !== undefined ? { retryAfterBaseValue: backoff } : {}) },
        throttle: {
          enabled: options.throttle !== false,
          id: `gloo-harden-${process.pid}-${Math.random().toString(36).slice(2)}`,
          ...(backoff !== undefined ? { retryAfterBaseValue: backoff } : {}),
          onRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => wait('rate limit reached', after, o, count, 1),
          onSecondaryRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => wait('secondary rate limit', after, o, count, 3)
        }
      },
      retry,
      throttling
    )
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw toApiError(err, what, this.token)
    }
  }

  /** Every changed file of the PR (all pages, up to GitHub's cap of 3,000). */
  async listChangedFiles(pull: number): Promise<ChangedFile[]> {
    const rows = await this.call(`GET /repos/${this.slug}/pulls/${pull}/files`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listFiles, { ...this.repo, pull_number: pull, per_page: PER_PAGE })
    )
    return rows.map((f) => ({
      filename: f.filename,
      status: f.status,
      sha: f.sha || undefined,
      patch: f.patch ?? undefined,
      previousFilename: f.previous_filename ?? undefined
    }))
  }

  /** A blob's bytes by its git sha. */
  async getBlob(sha: string): Promise<Buffer> {
    const { data } = await this.call(`GET /repos/${this.slug}/git/blobs/${sha}`, () => this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha }))
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
  }

  /**
   * A file as it was at a commit (`GET /repos/{owner}/{repo}/contents/{path}?ref=`): its blob sha, size, and
   * bytes unless it is larger than `maxBytes`. Undefined when the commit has no file at that path: GitHub's 404,
   * or a folder or submodule there. The contents API inlines files up to 1 MB; a larger one comes with
   * `encoding: none` and is read from its blob (docs: "Get repository content", size limits).
   */
  async getFileAt(path: string, ref: string, maxBytes: number): Promise<{ sha: string; size: number; bytes?: Buffer } | undefined> {
    // Encoded segment by segment: Octokit would send `{path}` with its slashes as %2F.
    const encoded = path
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/')
    const what = `GET /repos/${this.slug}/contents/${encoded}?ref=${ref}`
    let data: unknown
    try {
      data = (await this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encoded}`, { ...this.repo, ref })).data
    } catch (err) {
      const e = toApiError(err, what, this.token)
      if (e.status === 404) return undefined
      throw e
    }
    const file = data as { type?: string; sha?: string; size?: number; encoding?: string; content?: string }
    if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') return undefined
    const size = typeof file.size === 'number' ? file.size : 0
    if (size > maxBytes) return { sha: file.sha, size }
    const bytes = file.encoding === 'base64' && typeof file.content === 'string' && (file.content !== '' || size === 0) ? Buffer.from(file.content, 'base64') : await this.getBlob(file.sha)
    return { sha: file.sha, size, bytes }
  }

  /** Every review comment on the PR (all pages), with gloo-harden's fingerprint where its marker is present. */
  async listReviewComments(pull: number): Promise<ReviewComment[]> {
    const rows = await this.call(`GET /repos/${this.slug}/pulls/${pull}/comments`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, { ...this.repo, pull_number: pull, per_page: PER_PAGE })
    )
    return rows.map((c) => ({
      id: c.id,
      body: c.body ?? '',
      path: c.path,
      line: c.line ?? null,
      startLine: c.start_line ?? null,
      inReplyToId: c.in_reply_to_id ?? undefined,
      user: c.user?.login,
      fingerprint: parseMarker(c.body ?? '')
    }))
  }

  /** Posts one review with event COMMENT. */
  async createReview(pull: number, commitId: string, body: string, comments: readonly NewComment[]): Promise<number> {
    const { data } = await this.call(`POST /repos/${this.slug}/pulls/${pull}/reviews`, () =>
      this.octokit.rest.pulls.createReview({
        ...this.repo,
        pull_number: pull,
        commit_id: commitId,
        event: 'COMMENT',
        body,
        comments: comments.map(({ path, body, line, side, start_line, start_side }) => ({ path, body, line, side, start_line, start_side }))
      })
    )
    return data.id
  }

  async updateReviewComment(id: number, body: string): Promise<void> {
    await this.call(`PATCH /repos/${this.slug}/pulls/comments/${id}`, () => this.octokit.rest.pulls.updateReviewComment({ ...this.repo, comment_id: id, body }))
  }

  async deleteReviewComment(id: number): Promise<void> {
    await this.call(`DELETE /repos/${this.slug}/pulls/comments/${id}`, () => this.octokit.rest.pulls.deleteReviewComment({ ...this.repo, comment_id: id }))
  }

  async createCheckRun(params: { name: string; headSha: string; status: 'in_progress' | 'completed'; conclusion?: Conclusion; output?: CheckOutput }): Promise<number> {
    const now = new Date().toISOString()
    const { data } = await this.call(`POST /repos/${this.slug}/check-runs`, () =>
      this.octokit.rest.checks.create({
        ...this.repo,
        name: params.name,
        head_sha: params.headSha,
        status: params.status,
        started_at: now,
        ...(params.conclusion ? { conclusion: params.conclusion, completed_at: now } : {}),
        ...(params.output ? { output: params.output } : {})
      })
    )
    return data.id
  }

  async updateCheckRun(id: number, params: { conclusion?: Conclusion; output: CheckOutput }): Promise<void> {
    await this.call(`PATCH /repos/${this.slug}/check-runs/${id}`, () =>
      this.octokit.rest.checks.update({
        ...this.repo,
        check_run_id: id,
        ...(params.conclusion ? { status: 'completed' as const, conclusion: params.conclusion, completed_at: new Date().toISOString() } : {}),
        output: params.output
      })
    )
  }

  async createCommitStatus(sha: string, params: { state: CommitState; context: string; description: string; targetUrl?: string }): Promise<void> {
    const description = params.description.length > MAX_STATUS_DESCRIPTION ? `${params.description.slice(0, MAX_STATUS_DESCRIPTION - 1)}…` : params.description
    await this.call(`POST /repos/${this.slug}/statuses/${sha}`, () =>
      this.octokit.rest.repos.createCommitStatus({ ...this.repo, sha, state: params.state, context: params.context, description, target_url: params.targetUrl })
    )
  }

  private get slug(): string {
    return `${this.repo.owner}/${this.repo.repo}`
  }
}

// ---------------------------------------------------------------------------------------------------------
// Re-runs: match planned comments with the ones a previous run left.

export interface CommentChanges<C extends PlannedComment = PlannedComment> {
  create: C[]
  update: { id: number; comment: C }[]
  /** Already on the PR with the same body at the same place: nothing to do. */
  unchanged: C[]
  /** Our comments whose finding is gone (or moved) and that nobody replied to. */
  remove: ReviewComment[]
  /** Our stale comments that have replies: left alone, the conversation matters more than tidiness. */
  keep: ReviewComment[]
}

const sameText = (a: string, b: string): boolean => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim()

/**
 * Decides, for each planned comment, whether to create it, edit an earlier one in place, or leave it; and which
 * of gloo-harden's earlier comments to delete. A comment matches when its marker's fingerprint, path and lines
 * are the planned ones (GitHub keeps `line` current across pushes and nulls it once outdated).
 * @param standing fingerprints of findings still present but not planned as comments (over max-comments):
 *   their earlier comments stay.
 */
export function reconcileComments<C extends PlannedComment>(
  planned: readonly C[],
  existing: readonly ReviewComment[],
  standing: ReadonlySet<string> = new Set()
): CommentChanges<C> {
  const ours = existing.filter((c) => c.fingerprint && c.inReplyToId === undefined)
  const replied = new Set(existing.filter((c) => c.inReplyToId !== undefined).map((c) => c.inReplyToId))
  const used = new Set<number>()
  const out: CommentChanges<C> = { create: [], update: [], unchanged: [], remove: [], keep: [] }
  for (const p of planned) {
    const match = ours.find(
      (c) => !used.has(c.id) && c.fingerprint === p.fingerprint && c.path === p.path && c.line === p.line && (c.startLine ?? undefined) === (p.start_line ?? undefined)
    )
    if (!match) {
      out.create.push(p)
      continue
    }
    used.add(match.id)
    if (sameText(match.body, p.body)) out.unchanged.push(p)
    else out.update.push({ id: match.id, comment: p })
  }
  for (const c of ours) {
    if (used.has(c.id)) continue
    if (c.line !== null && standing.has(c.fingerprint!)) continue
    if (replied.has(c.id)) out.keep.push(c)
    else out.remove.push(c)
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Posting the review, and finding the comments GitHub refuses.

export interface ReviewResult<C extends NewComment> {
  posted: C[]
  /** Refused by GitHub (422) one by one: their findings go to the check run instead. */
  rejected: C[]
  /** Not posted because of another failure (permissions, outage); `error` says which. */
  unposted: C[]
  reviews: number
  error?: ApiError
  /** GitHub's words for the last refusal, e.g. "Unprocessable Entity: Line could not be resolved". */
  rejection?: string
}

/** A review body, given the number of comments that review holds (recovery may split the comments in several). */
export type ReviewBody = string | ((comments: number) => string)

export interface ReviewOptions<C> {
  /** Comments to leave out first when GitHub refuses the whole review. */
  suspect?: (c: C) => boolean
  /** Body of the reviews after the first when recovery has to split the comments. */
  continuationBody?: ReviewBody
  /** 422 answers allowed during recovery before the untried comments count as rejected. */
  maxRejections?: number
}

/**
 * Posts all comments in one review. GitHub refuses the whole review (422 "Line could not be resolved", "… must
 * be part of the diff") when a single comment cannot be placed, without saying which: then retry without the
 * suspect comments, and bisect whatever is still refused. A refused attempt creates nothing, so only accepted
 * groups cost a review; a single refused comment is rejected and reported elsewhere, never lost.
 */
export async function postReview<C extends NewComment>(
  client: GitHubClient,
  pull: number,
  commitId: string,
  body: ReviewBody,
  comments: readonly C[],
  options: ReviewOptions<C> = {}
): Promise<ReviewResult<C>> {
  const result: ReviewResult<C> = { posted: [], rejected: [], unposted: [], reviews: 0 }
  if (!comments.length) return result
  const maxRejections = options.maxRejections ?? 20
  let rejections = 0
  /** Posts a group: true when GitHub took it; false when it refused it (422) or nothing can be posted any more. */
  const attempt = async (group: C[]): Promise<boolean> => {
    try {
      // Each body counts the comments of its own review: after a 422 only some go out, and in several reviews.
      const text = result.reviews === 0 ? body : (options.continuationBody ?? body)
      await client.createReview(pull, commitId, typeof text === 'function' ? text(group.length) : text, group)
      result.posted.push(...group)
      result.reviews++
      return true
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        rejections++
        result.rejection = err.detail
      } else {
        result.error = err instanceof ApiError ? err : new ApiError('POST review', undefined, undefined, String(err))
        result.unposted.push(...group)
      }
      return false
    }
  }
  /**
   * Posts what GitHub accepts of a group and rejects the rest; returns whether the group went through whole.
   * @param guilty the group is known to hold a refused comment (its sibling went through, their parent did not).
   */
  const solve = async (group: C[], guilty: boolean): Promise<boolean> => {
    if (!group.length) return true
    if (result.error) {
      result.unposted.push(...group)
      return false
    }
    if (!guilty) {
      if (rejections >= maxRejections) {
        result.rejected.push(...group)
        return false
      }
      if (await attempt(group)) return true
      if (result.error) return false
    }
    if (group.length === 1) {
      result.rejected.push(group[0])
      return false
    }
    const [a, b] = halves(group)
    await solve(b, await solve(a, false))
    return false
  }

  if (await attempt([...comments]) || result.error) return result
  const suspects = options.suspect ? comments.filter(options.suspect) : []
  if (suspects.length && suspects.length < comments.length) {
    // The unsuspicious rest first (most likely one review); if it goes through, the refusal is among the suspects.
    await solve(suspects, await solve(comments.filter((c) => !suspects.includes(c)), false))
  } else await solve([...comments], true)
  return result
}

function halves<T>(items: T[]): [T[], T[]] {
  const mid = Math.ceil(items.length / 2)
  return [items.slice(0, mid), items.slice(mid)]
}

// ---------------------------------------------------------------------------------------------------------
// The whole review step of a run: reconcile with the earlier comments, then post what is new.

export interface SyncResult<C extends PlannedComment> {
  unchanged: C[]
  updated: C[]
  deleted: ReviewComment[]
  /** Stale comments of ours left in place because someone replied. */
  kept: ReviewComment[]
  posted: C[]
  rejected: C[]
  /** Not on the PR because of `error` (listing, editing or posting failed). */
  unposted: C[]
  rejection?: string
  error?: ApiError
}

/**
 * Lists the PR's review comments, edits ours whose text changed, deletes ours whose finding is gone, and posts
 * the new comments in one review (recovering from a 422). Without the earlier comments a re-run would post
 * duplicates, so a failed listing posts nothing.
 * @param standing fingerprints of findings still present but deliberately not commented (over max-comments).
 * @param body the review body, given the number of comments the review holds (GitHub may refuse some).
 * @param continuationBody the body of further reviews when a refusal split the comments.
 */
export async function syncReview<C extends PlannedComment>(
  client: GitHubClient,
  pull: number,
  headSha: string,
  planned: readonly C[],
  options: { standing?: ReadonlySet<string>; body: (comments: number) => string; continuationBody?: (comments: number) => string; log?: Logger }
): Promise<SyncResult<C>> {
  const log = options.log ?? silent
  const out: SyncResult<C> = { unchanged: [], updated: [], deleted: [], kept: [], posted: [], rejected: [], unposted: [] }
  let existing: ReviewComment[]
  try {
    existing = await client.listReviewComments(pull)
  } catch (err) {
    out.error = err as ApiError
    out.unposted.push(...planned)
    return out
  }
  const changes = reconcileComments(planned, existing, options.standing)
  out.unchanged = changes.unchanged
  out.kept = changes.keep
  // Edits and deletions are independent of each other: a failure is logged and the rest go on, unless the
  // token may not write at all.
  for (const u of changes.update) {
    try {
      if (out.error?.forbidden) throw out.error
      await client.updateReviewComment(u.id, u.comment.body)
      out.updated.push(u.comment)
    } catch (err) {
      // The earlier comment still speaks for the finding, with its old text.
      out.unchanged.push(u.comment)
      if ((err as ApiError).forbidden) out.error = err as ApiError
      else log.warning((err as ApiError).message)
    }
  }
  for (const c of changes.remove) {
    if (out.error?.forbidden) break
    try {
      await client.deleteReviewComment(c.id)
      out.deleted.push(c)
    } catch (err) {
      if ((err as ApiError).forbidden) out.error = err as ApiError
      else log.warning((err as ApiError).message)
    }
  }
  const create = changes.create
  if (!create.length) return out
  if (out.error?.forbidden) {
    out.unposted.push(...create)
    return out
  }
  const posted = await postReview(client, pull, headSha, options.body, create, {
    // A multi-line comment is the likeliest to be refused ("start_line must be part of the same hunk").
    suspect: (c) => c.start_line !== undefined,
    continuationBody: options.continuationBody ?? ((n) => `gloo-harden (continued): ${n} more comment${n === 1 ? '' : 's'} on this pull request.`)
  })
  out.posted = posted.posted
  out.rejected = posted.rejected
  out.unposted.push(...posted.unposted)
  out.rejection = posted.rejection
  if (posted.error) out.error = posted.error
  return out
}

// ---------------------------------------------------------------------------------------------------------
// The gate: a check run, else a commit status, else nothing the API accepts (the caller logs instead).

export type GateChannel = 'check-run' | 'status' | 'log'

export interface GateResult {
  channel: GateChannel
  /** False when annotations could not be attached (status or log channel, or a failed update): log them. */
  annotationsDelivered: boolean
  errors: ApiError[]
}

export interface GateReport {
  name: string
  sha: string
  conclusion: Conclusion
  title: string
  summary: string
  /** Batches of at most 50 annotations (the Checks API's limit per request). */
  batches: CheckAnnotation[][]
  /** One line for a commit status. */
  description: string
  targetUrl?: string
}

/** Opens the check run as in_progress, so the PR shows the check running. Undefined (and the error) when it cannot. */
export async function startCheckRun(client: GitHubClient, name: string, sha: string): Promise<{ id?: number; error?: ApiError }> {
  try {
    return { id: await client.createCheckRun({ name, headSha: sha, status: 'in_progress' }) }
  } catch (err) {
    return { error: err as ApiError }
  }
}

