/**
 * A real HTTP server on 127.0.0.1 that answers like GitHub's REST API for exactly the endpoints gloo-harden
 * uses, keeps their state (review comments, check runs, statuses), can play a read-only token or a flaky
 * network, and records every request for assertions.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parsePatch, type Hunk } from '../src/diff/parse.js'

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface FakePullFile {
  filename: string
  status?: FileStatus
  patch?: string
  /** Content at the PR head: gives the file its blob sha and serves it from the blobs endpoint. */
  content?: string
  previous_filename?: string
}

/** What a token may not write: each denied area answers 403 "Resource not accessible by integration". */
export type Area = 'checks' | 'statuses' | 'reviews' | 'comments'

export interface FakeOptions {
  owner?: string
  repo?: string
  pull?: number
  headSha?: string
  files?: FakePullFile[]
  /** The pull request's base commit (pull_request.base.sha of the fixture payload by default). */
  baseSha?: string
  /**
   * The repository's files at the base commit, by path, served by the contents and blobs endpoints. A path
   * not here answers 404, as GitHub does for a file the commit does not have.
   */
  baseFiles?: Record<string, string>
  /**
   * GitHub's own view of the diff when it places review comments, per path, when it differs from the patch
   * the files endpoint served (the files endpoint truncates or omits patches GitHub still knows about).
   */
  reviewPatches?: Record<string, string>
  /** Every write answers 403, as for a fork's or Dependabot's GITHUB_TOKEN. */
  readOnly?: boolean
  deny?: Area[]
  /** Login the token acts as. */
  login?: string
}

/** `hang`: accept the request and never answer (until the server stops). */
export type FailureKind = 404 | 500 | 502 | 503 | 'reset' | 'hang' | 'secondary-rate-limit'

export interface InjectedFailure {
  method?: string
  /** Matched against the path without the query string. */
  path?: RegExp
  /** How many matching requests fail before the endpoint answers normally again. */
  times: number
  kind: FailureKind
  /** Seconds, for secondary-rate-limit. */
  retryAfter?: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: any
  /** HTTP status answered; -1: connection reset, -2: never answered (hang). */
  status: number
  requestId: string
  authorization?: string
}

export interface StoredComment {
  id: number
  pull_request_review_id: number | null
  path: string
  body: string
  line: number | null
  start_line: number | null
  original_line: number
  side: 'RIGHT' | 'LEFT'
  start_side: 'RIGHT' | 'LEFT' | null
  commit_id: string
  original_commit_id: string
  in_reply_to_id?: number
  user: { login: string; type: string }
  created_at: string
  updated_at: string
}

export interface StoredReview {
  id: number
  commit_id: string
  body: string
  event: string
  comments: number[]
}

export interface StoredCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  output: { title?: string; summary?: string; text?: string }
  annotations: any[]
  updates: number
}

export interface StoredStatus {
  sha: string
  state: string
  context: string
  description?: string
  target_url?: string
}

/** Git's blob sha: sha1("blob <bytes>\0" + content). */
export function blobSha(content: string | Buffer): string {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex')
}

/** GitHub's answer when one review comment cannot be placed. */
export const LINE_NOT_RESOLVED = { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '422' }
const FORBIDDEN = { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }
const MAX_FILES = 3000
const MAX_ANNOTATIONS = 50
/** The contents API inlines a file's content up to this size; a larger one comes with `encoding: none`. */
const MAX_INLINE_CONTENT = 1024 * 1024
const NOT_FOUND_CONTENT = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' }

export class FakeGitHub {
  readonly owner: string
  readonly repo: string
  readonly pull: number
  headSha: string
  files: FakePullFile[]
  baseSha: string
  baseFiles: Record<string, string>
  reviewPatches: Record<string, string>
  readOnly: boolean
  deny: Set<Area>
  login: string
  readonly requests: RecordedRequest[] = []
  readonly comments: StoredComment[] = []
  readonly reviews: StoredReview[] = []
  readonly checkRuns: StoredCheckRun[] = []
  readonly statuses: StoredStatus[] = []
  private failures: InjectedFailure[] = []
  private nextId = 1000
  private requestCounter = 0
  private readonly server: Server
  url = ''

  constructor(options: FakeOptions = {}) {
    this.owner = options.owner ?? 'acme'
    this.repo = options.repo ?? 'platform'
    this.pull = options.pull ?? 42
    this.headSha = options.headSha ?? 'a'.repeat(40)
    this.files = options.files ?? []
    this.baseSha = options.baseSha ?? 'ba5e0000d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a1'
    this.baseFiles = options.baseFiles ?? {}
    this.reviewPatches = options.reviewPatches ?? {}
    this.readOnly = options.readOnly ?? false
    this.deny = new Set(options.deny ?? [])
    this.login = options.login ?? 'github-actions[bot]'
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Makes the next `times` matching requests fail. */
  inject(failure: InjectedFailure): void {
    this.failures.push({ ...failure })
  }

  /** Requests that changed (or tried to change) something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  /** A new head commit: new files and patches; comments whose line left the diff become outdated (line null). */
  push(headSha: string, files: FakePullFile[]): void {
    this.headSha = headSha
    this.files = files
    for (const c of this.comments) {
      if (c.line === null) continue
      const hunks = this.hunksFor(c.path)
      if (!hunks || !inOneHunk(hunks, c.line, c.start_line ?? c.line)) {
        c.line = null
        c.start_line = null
      } else c.commit_id = headSha
    }
  }

  /** A reply by someone else to one of the comments. */
  reply(to: number, body: string, login = 'octocat'): StoredComment {
    const parent = this.comments.find((c) => c.id === to)
    if (!parent) throw new Error(`no comment ${to}`)
    const now = new Date().toISOString()
    const c: StoredComment = { ...parent, id: ++this.nextId, body, in_reply_to_id: to, pull_request_review_id: null, user: { login, type: 'User' }, created_at: now, updated_at: now }
    this.comments.push(c)
    return c
  }

  /** The latest check run of that name (what the PR page shows). */
  checkRun(name = 'gloo-harden'): StoredCheckRun | undefined {
    return this.checkRuns.filter((r) => r.name === name).at(-1)
  }

  private hunksFor(path: string): Hunk[] | undefined {
    const patch = this.reviewPatches[path] ?? this.files.find((f) => f.filename === path && f.status !== 'removed')?.patch
    return patch === undefined ? undefined : parsePatch(patch)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: any
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      body = raw
    }
    const requestId = `F4KE:${(++this.requestCounter).toString(16).toUpperCase().padStart(4, '0')}:${randomBytes(3).toString('hex').toUpperCase()}`
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      requestId,
      authorization: req.headers.authorization
    }
    this.requests.push(record)
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': requestId, ...headers })
      res.end(data === undefined ? '' : JSON.stringify(data))
    }

    const failure = this.failures.find((f) => f.times > 0 && (!f.method || f.method === record.method) && (!f.path || f.path.test(record.path)))
    if (failure) {
      failure.times--
      if (failure.kind === 'hang') {
        record.status = -2
        return
      }
      if (failure.kind === 'reset') {
        record.status = -1
        req.socket.destroy()
        return
      }
      if (failure.kind === 'secondary-rate-limit')
        return send(
          403,
          {
            message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '403'
          },
          { 'retry-after': String(failure.retryAfter ?? 1) }
        )
      if (failure.kind === 404) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
      return send(failure.kind, { message: failure.kind === 500 ? 'Server Error' : failure.kind === 502 ? 'Bad Gateway' : 'Service Unavailable' })
    }
    if (!req.headers.authorization) return send(401, { message: 'Requires authentication', status: '401' })

    const prefix = `/repos/${this.owner}/${this.repo}`
    if (!record.path.startsWith(`${prefix}/`)) return send(404, { message: 'Not Found', status: '404' })
    const route = record.path.slice(prefix.length)
    const m = (re: RegExp) => re.exec(route)
    let p: RegExpExecArray | null
    const write = record.method !== 'GET'
    const denied = (area: Area) => write && (this.readOnly || this.deny.has(area))

    if (record.method === 'GET' && (p = m(/^\/pulls\/(\d+)\/files$/))) {
      if (Number(p[1]) !== this.pull) return send(404, { message: 'Not Found', status: '404' })
      const rows = this.files.slice(0, MAX_FILES).map((f) => ({
        // Without content the fake cannot know the blob: an empty sha, which the client treats as unknown.
        sha: f.content !== undefined ? blobSha(f.content) : '',
        filename: f.filename,
        status: f.status ?? 'modified',
        additions: f.patch ? parsePatch(f.patch).reduce((n, h) => n + h.added.length, 0) : 0,
        deletions: 0,
        changes: 0,
        blob_url: `https://github.com/${this.owner}/${this.repo}/blob/${this.headSha}/${f.filename}`,
        raw_url: `https://github.com/${this.owner}/${this.repo}/raw/${this.headSha}/${f.filename}`,
        contents_url: `${this.url}${prefix}/contents/${f.filename}?ref=${this.headSha}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {})
      }))
      return this.page(url, rows, send)
    }
    if (record.method === 'GET' && (p = m(/^\/pulls\/(\d+)\/comments$/))) {
      if (Number(p[1]) !== this.pull) return send(404, { message: 'Not Found', status: '404' })
      return this.page(url, [...this.comments].sort((a, b) => a.id - b.id), send)
    }
    if (record.method === 'GET' && (p = m(/^\/git\/blobs\/([0-9a-f]{40})$/))) {
      const content = [...this.files.flatMap((x) => (x.content !== undefined ? [x.content] : [])), ...Object.values(this.baseFiles)].find((c) => blobSha(c) === p![1])
      if (content === undefined) return send(404, { message: 'Not Found', status: '404' })
      const b64 = Buffer.from(content, 'utf8').toString('base64')
      // GitHub wraps the base64 at 60 characters.
      return send(200, { sha: p[1], size: Buffer.byteLength(content), encoding: 'base64', content: b64.replace(/(.{60})/g, '$1\n'), url: `${this.url}${record.path}` })
    }
    if (record.method === 'GET' && (p = m(/^\/contents\/(.+)$/))) return this.contents(p[1], record.query.ref, send)
    if (record.method === 'POST' && (p = m(/^\/pulls\/(\d+)\/reviews$/))) {
      if (denied('reviews')) return send(403, FORBIDDEN)
      if (Number(p[1]) !== this.pull) return send(404, { message: 'Not Found', status: '404' })
      return this.createReview(body, send)
    }
    if ((p = m(/^\/pulls\/comments\/(\d+)$/)) && (record.method === 'PATCH' || record.method === 'DELETE')) {
      if (denied('comments')) return send(403, FORBIDDEN)
      const i = this.comments.findIndex((c) => c.id === Number(p![1]))
      if (i < 0) return send(404, { message: 'Not Found', status: '404' })
      if (record.method === 'DELETE') {
        this.comments.splice(i, 1)
        record.status = 204
        res.writeHead(204, { 'x-github-request-id': requestId })
        return void res.end()
      }
      if (typeof body?.body !== 'string') return send(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' })
      this.comments[i].body = body.body
      this.comments[i].updated_at = new Date().toISOString()
      return send(200, this.comments[i])
    }
    if (record.method === 'POST' && route === '/check-runs') {
      if (denied('checks')) return send(403, FORBIDDEN)
      if (!body?.name || !body?.head_sha) return send(422, { message: 'Invalid request.\n\n"name", "head_sha" weren\'t supplied.', status: '422' })
      const bad = this.checkOutput(body.output)
      if (bad) return send(422, bad)
      const run: StoredCheckRun = {
        id: ++this.nextId,
        name: body.name,
        head_sha: body.head_sha,
        status: body.conclusion ? 'completed' : (body.status ?? 'queued'),
        conclusion: body.conclusion ?? null,
        output: { title: body.output?.title, summary: body.output?.summary },
        annotations: [...(body.output?.annotations ?? [])],
        updates: 0
      }
      this.checkRuns.push(run)
      return send(201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion })
    }
    if (record.method === 'PATCH' && (p = m(/^\/check-runs\/(\d+)$/))) {
      if (denied('checks')) return send(403, FORBIDDEN)
      const run = this.checkRuns.find((r) => r.id === Number(p![1]))
      if (!run) return send(404, { message: 'Not Found', status: '404' })
      const bad = this.checkOutput(body?.output)
      if (bad) return send(422, bad)
      run.updates++
      if (body.conclusion) {
        run.conclusion = body.conclusion
        run.status = 'completed'
      } else if (body.status) run.status = body.status
      if (body.output) {
        run.output = { title: body.output.title, summary: body.output.summary }
        // Each update appends its annotations to the run's list (docs: "Update a check run").
        run.annotations.push(...(body.output.annotations ?? []))
      }
      return send(200, { id: run.id, status: run.status, conclusion: run.conclusion })
    }
    if (record.method === 'POST' && (p = m(/^\/statuses\/([0-9a-f]{40})$/))) {
      if (denied('statuses')) return send(403, FORBIDDEN)
      if (!['error', 'failure', 'pending', 'success'].includes(body?.state)) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }], status: '422' })
      if (typeof body.description === 'string' && body.description.length > 140)
        return send(422, { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }], status: '422' })
      const s: StoredStatus = { sha: p[1], state: body.state, context: body.context ?? 'default', description: body.description, target_url: body.target_url }
      this.statuses.push(s)
      return send(201, { id: ++this.nextId, ...s })
    }
    return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
  }

  /**
   * `GET /repos/{owner}/{repo}/contents/{path}?ref=`: a file of the base commit (baseFiles) or of the head (the
   * PR's files with content), as GitHub answers it: base64 wrapped at 60 characters up to 1 MB, `encoding: none`
   * and no content beyond; a folder is a list of entries; anything else, or another ref, is a 404.
   */
  private contents(rawPath: string, ref: string | undefined, send: (status: number, data?: unknown) => void): void {
    // GitHub takes the path with its slashes as such or as %2F.
    let path: string
    try {
      path = decodeURIComponent(rawPath)
    } catch {
      return send(404, NOT_FOUND_CONTENT)
    }
    const tree: Record<string, string> =
      ref === this.baseSha ? this.baseFiles : !ref || ref === this.headSha ? Object.fromEntries(this.files.flatMap((f) => (f.content !== undefined && f.status !== 'removed' ? [[f.filename, f.content]] : []))) : {}
    const content = tree[path]
    const links = (p: string) => ({
      url: `${this.url}/repos/${this.owner}/${this.repo}/contents/${p}?ref=${ref ?? this.headSha}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/blob/${ref ?? this.headSha}/${p}`,
      git_url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${blobSha(tree[p] ?? '')}`
    })
    if (content === undefined) {
      const entries = Object.keys(tree).filter((k) => k.startsWith(`${path}/`))
      if (!entries.length) return send(404, NOT_FOUND_CONTENT)
      const names = [...new Set(entries.map((k) => k.slice(path.length + 1).split('/')[0]))]
      return send(
        200,
        names.map((name) => {
          const p = `${path}/${name}`
          const file = tree[p] !== undefined
          return { type: file ? 'file' : 'dir', name, path: p, sha: file ? blobSha(tree[p]) : blobSha(p), size: file ? Buffer.byteLength(tree[p]) : 0, ...links(p), download_url: null }
        })
      )
    }
    const size = Buffer.byteLength(content)
    const inline = size <= MAX_INLINE_CONTENT
    return send(200, {
      type: 'file',
      encoding: inline ? 'base64' : 'none',
      size,
      name: path.split('/').at(-1),
      path,
      content: inline ? Buffer.from(content, 'utf8').toString('base64').replace(/(.{60})/g, '$1\n') : '',
      sha: blobSha(content),
      ...links(path),
      download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${ref ?? this.headSha}/${path}`,
      _links: { self: links(path).url, git: links(path).git_url, html: links(path).html_url }
    })
  }

  private checkOutput(output: any): object | undefined {
    if (output === undefined) return undefined
    if (typeof output.title !== 'string' || typeof output.summary !== 'string')
      return { message: 'Invalid request.\n\n"title", "summary" weren\'t supplied.', status: '422' }
    if (output.summary.length > 65535) return { message: 'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.', status: '422' }
    if ((output.annotations?.length ?? 0) > MAX_ANNOTATIONS) return { message: `Invalid request.\n\nOnly ${MAX_ANNOTATIONS} annotations are allowed per request.`, status: '422' }
    for (const a of output.annotations ?? [])
      if (!a.path || !a.start_line || !a.end_line || !['notice', 'warning', 'failure'].includes(a.annotation_level) || !a.message)
        return { message: 'Invalid request.\n\nFor \'items\', annotation is missing a required field.', status: '422' }
    return undefined
  }

  private createReview(body: any, send: (status: number, data?: unknown) => void): void {
    if (body?.event && !['COMMENT', 'APPROVE', 'REQUEST_CHANGES'].includes(body.event)) return send(422, { message: 'Unprocessable Entity', errors: ['Event is invalid'], status: '422' })
    if (body?.commit_id && body.commit_id !== this.headSha)
      return send(422, { message: 'Unprocessable Entity', errors: [`Commit ${body.commit_id} is not part of the pull request`], status: '422' })
    const comments: any[] = body?.comments ?? []
    for (const c of comments) {
      const hunks = this.hunksFor(c.path)
      if (!hunks) return send(422, { message: 'Unprocessable Entity', errors: ['Path could not be resolved'], status: '422' })
      if (c.position !== undefined || (c.side ?? 'RIGHT') !== 'RIGHT') return send(422, { message: 'Unprocessable Entity', errors: ['this fake only places RIGHT-side line comments'], status: '422' })
      if (!Number.isInteger(c.line) || (c.start_line !== undefined && (!Number.isInteger(c.start_line) || c.start_line >= c.line)))
        return send(422, LINE_NOT_RESOLVED)
      if (!inOneHunk(hunks, c.line, c.start_line ?? c.line)) return send(422, LINE_NOT_RESOLVED)
    }
    const review: StoredReview = { id: ++this.nextId, commit_id: body?.commit_id ?? this.headSha, body: body?.body ?? '', event: body?.event ?? 'PENDING', comments: [] }
    const now = new Date().toISOString()
    for (const c of comments) {
      const stored: StoredComment = {
        id: ++this.nextId,
        pull_request_review_id: review.id,
        path: c.path,
        body: c.body,
        line: c.line,
        start_line: c.start_line ?? null,
        original_line: c.line,
        side: 'RIGHT',
        start_side: c.start_line !== undefined ? 'RIGHT' : null,
        commit_id: review.commit_id,
        original_commit_id: review.commit_id,
        user: { login: this.login, type: 'Bot' },
        created_at: now,
        updated_at: now
      }
      this.comments.push(stored)
      review.comments.push(stored.id)
    }
    this.reviews.push(review)
    send(200, { id: review.id, body: review.body, state: review.event === 'COMMENT' ? 'COMMENTED' : review.event, commit_id: review.commit_id })
  }

  private page(url: URL, rows: unknown[], send: (status: number, data?: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(rows.length / perPage))
    const link = (n: number, rel: string) => {
      const u = new URL(url.pathname, this.url)
      url.searchParams.forEach((v, k) => u.searchParams.set(k, v))
      u.searchParams.set('page', String(n))
      return `<${u.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    send(200, rows.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {})
  }
}

/** GitHub places a (multi-line) comment only when all its lines are in one hunk of the new side. */
function inOneHunk(hunks: Hunk[], line: number, startLine: number): boolean {
  return hunks.some((h) => h.newLines > 0 && startLine >= h.newStart && line <= h.newStart + h.newLines - 1)
}

export async function startFakeGitHub(options: FakeOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).start()
}
