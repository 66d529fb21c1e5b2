/**
 * Helpers for the fault and hostile end-to-end tests: the bundle run with the client's timing tuned down, a
 * front that answers 429 (which the fake does not play), and every place a run leaves text a reader could see.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import type { FakeGitHub } from '../fake-github.js'
import { pullRequestEvent, writeEvent, type ActionRun } from './harness.js'

/**
 * GLOO_HARDEN_API_TIMEOUT_MS and GLOO_HARDEN_API_BACKOFF_MS (see clientTuning in src/main.ts): a request that
 * never answers gives up after 2 s, and each second of back-off or retry-after lasts 5 ms. The write pacing
 * of the throttling plugin is unchanged.
 */
export const FAST_API = { GLOO_HARDEN_API_TIMEOUT_MS: '2000', GLOO_HARDEN_API_BACKOFF_MS: '5' }

/**
 * An entry point that sets environment variables, then imports the bundle: the harness gives the child
 * process the runner's environment only.
 */
export function entryWithEnv(entry: string, env: Record<string, string>): { entry: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gloo-harden-entry-'))
  const wrapper = join(dir, 'entry.mjs')
  writeFileSync(wrapper, `Object.assign(process.env, ${JSON.stringify(env)})\nawait import(${JSON.stringify(pathToFileURL(entry).href)})\n`)
  return { entry: wrapper, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface FrontAnswer {
  method: string
  path: RegExp
  times: number
  status: number
  headers?: Record<string, string>
  body: unknown
}

/** What the front saw: its own answers (status) and what it passed on (forwarded). */
export interface FrontRequest {
  method: string
  path: string
  status: number | 'forwarded'
}

/**
 * An HTTP front for the fake API: the next `times` requests matching an answer get it; every other request
 * goes to the fake unchanged. Pass `front.api` to runAction as its `fake` so the action talks to the front.
 */
export class Front {
  readonly requests: FrontRequest[] = []
  private readonly server: Server
  url = ''

  constructor(
    readonly fake: FakeGitHub,
    private readonly answers: FrontAnswer[]
  ) {
    this.server = createServer((req, res) => this.handle(req, res))
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

  /** The fake as runAction needs it (owner, repo), reached through the front. */
  get api(): FakeGitHub {
    return { owner: this.fake.owner, repo: this.fake.repo, url: this.url } as FakeGitHub
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const answer = this.answers.find((a) => a.times > 0 && a.method === req.method && a.path.test(path))
    if (answer) {
      answer.times--
      this.requests.push({ method: req.method!, path, status: answer.status })
      req.resume()
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `FR0NT:${this.requests.length}`, ...answer.headers })
      res.end(JSON.stringify(answer.body))
      return
    }
    this.requests.push({ method: req.method!, path, status: 'forwarded' })
    const target = new URL(this.fake.url)
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  }
}

export async function startFront(fake: FakeGitHub, answers: FrontAnswer[]): Promise<Front> {
  return new Front(fake, answers).start()
}

/** GitHub's answer to a write over a secondary rate limit, as a 429 (docs: "Rate limits for the REST API"). */
export function secondaryRateLimit429(method: string, path: RegExp, retryAfter: number): FrontAnswer {
  return {
    method,
    path,
    times: 1,
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '429'
    }
  }
}

/** `POST /check-runs 201`-style lines of every request the fake answered (or did not: -1 reset, -2 hang). */
export function calls(fake: FakeGitHub): string[] {
  return fake.requests.map((r) => `${r.method} ${r.path.replace(`/repos/${fake.owner}/${fake.repo}`, '')} ${r.status}`)
}

/**
 * Everything a run makes visible: the log (stdout, stderr), the job summary, the outputs, every request body
 * the API received (reviews, comments, check runs, annotations, statuses) and any extra texts (a SARIF file).
 */
export function visible(run: ActionRun, fake: FakeGitHub, extra: string[] = []): string {
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...fake.requests.map((r) => JSON.stringify(r.body ?? null)), ...extra].join('\n')
}

/** Asserts that a secret string (and its JSON-escaped form) appears nowhere a run makes visible. */
export function expectNowhere(secret: string, run: ActionRun, fake: FakeGitHub, extra: string[] = []): void {
  const all = visible(run, fake, extra)
  expect(all).not.toContain(secret)
  expect(all).not.toContain(JSON.stringify(secret).slice(1, -1))
}

/**
 * Workflow commands the runner would act on: lines of stdout that start with `::`. Each is split into its
 * command, properties and message as the runner parses them.
 */
export function commandsOf(stdout: string): { command: string; properties: Record<string, string>; message: string }[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::'))
    .map((l) => {
      const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(l)
      if (!m) return { command: '(malformed)', properties: {}, message: l }
      const properties = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]))
      return { command: m[1], properties, message: m[3] }
    })
}

/** The runner's unescaping of a command's message (`%25`, `%0D`, `%0A`). */
export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** The runner's unescaping of a property value (also `%3A` and `%2C`). */
export function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

export interface FencedBlock {
  fence: string
  info: string
  content: string
  /** Still open at the end of the text: everything after the opening fence is code. */
  unclosed: boolean
}

/**
 * Splits Markdown as CommonMark does into fenced code blocks and prose with its code spans removed: the prose is
 * where HTML, @mentions and comment markers would act. A fence closes only on a line of at least as many
 * backticks and nothing else; a backslash-escaped backtick opens no code span.
 */
export function splitMarkdown(md: string): { prose: string; blocks: FencedBlock[] } {
  const blocks: FencedBlock[] = []
  const prose: string[] = []
  let open: FencedBlock | undefined
  let body: string[] = []
  for (const line of md.split('\n')) {
    if (open) {
      if (new RegExp(`^ {0,3}\`{${open.fence.length},}[ \\t]*$`).test(line)) {
        blocks.push({ ...open, content: body.join('\n') })
        open = undefined
      } else body.push(line)
      continue
    }
    const m = /^ {0,3}(`{3,})([^`]*)$/.exec(line)
    if (m) {
      open = { fence: m[1], info: m[2].trim(), content: '', unclosed: false }
      body = []
      continue
    }
    prose.push(line)
  }
  if (open) blocks.push({ ...open, content: body.join('\n'), unclosed: true })
  const text = prose
    .join('\n')
    .replace(/\\`/g, '\u0000')
    .replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '')
    .replace(/\u0000/g, '\\`')
  return { prose: text, blocks }
}

/** The fixture pull_request event, its `changed_files` matching the fake's list (else the action warns of files it cannot see). */
export function eventFor(fake: FakeGitHub, workspace: string): string {
  return writeEvent(workspace, 'pull_request.json', pullRequestEvent((p) => (p.pull_request.changed_files = fake.files.length)))
}
