/** The GitHub client against the fake REST server: paging, errors, retries, review recovery, re-run reconciliation, the gate. */
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../../__fixtures__/fake-github.js'
import { deliverGate, gateChain } from '../../src/action/gate-chain.js'
import {
  ApiError,
  GitHubClient,
  postReview,
  reconcileComments,
  startCheckRun,
  syncReview,
  type CheckAnnotation,
  type PlannedComment,
  type ReviewComment
} from '../../src/github/client.js'
import { marker } from '../../src/report/fingerprint.js'

const TOKEN = 'ghs_unitTestTokenNeverPrinted'
const HEAD = 'c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a'
let fake: FakeGitHub | undefined

afterEach(async () => {
  await fake?.stop()
  fake = undefined
})

/** Retries and rate-limit waits scaled from seconds to milliseconds; no write pacing. */
function clientFor(f: FakeGitHub, options: { throttle?: boolean; timeoutMs?: number; log?: string[] } = {}): GitHubClient {
  const log = options.log
  return new GitHubClient(
    { owner: f.owner, repo: f.repo },
    {
      token: TOKEN,
      baseUrl: f.url,
      retryAfterBaseValue: 1,
      throttle: options.throttle ?? false,
      timeoutMs: options.timeoutMs,
      log: log ? { debug: () => {}, info: (m) => log.push(`info ${m}`), warning: (m) => log.push(`warning ${m}`) } : undefined
    }
  )
}

// values.yaml of a PR: lines 10-18 are a hunk, 13-15 added.
const VALUES_PATCH = '@@ -10,7 +10,9 @@\n gateway:\n   validation:\n     enabled: true\n-    alwaysAcceptResources: false\n+    alwaysAcceptResources: true\n+  proxyServiceAccount:\n+    disableAutomount: false\n gatewayProxies:\n   gatewayProxy:\n     kind:'
const valuesFile: FakePullFile = { filename: 'gloo/values.yaml', status: 'modified', patch: VALUES_PATCH }

const comment = (line: number, fp: string, extra: Partial<PlannedComment> = {}): PlannedComment => ({
  path: 'gloo/values.yaml',
  body: `finding ${fp}\n\n${marker(fp)}`,
  line,
  side: 'RIGHT',
  fingerprint: fp,
  ...extra
})

describe('listing', () => {
  it('lists every changed file across Link-header pages, 100 a page', async () => {
    const files = Array.from({ length: 250 }, (_, i): FakePullFile => ({ filename: `apps/app-${String(i).padStart(3, '0')}/values.yaml`, status: i % 50 === 0 ? 'added' : 'modified', content: `replicas: ${i}\n` }))
    fake = await startFakeGitHub({ files })
    const got = await clientFor(fake).listChangedFiles(fake.pull)
    expect(got).toHaveLength(250)
    expect(got[249]).toMatchObject({ filename: 'apps/app-249/values.yaml', status: 'modified' })
    expect(got[0].sha).toMatch(/^[0-9a-f]{40}$/)
    expect(fake.requests.map((r) => r.query)).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }, { per_page: '100', page: '3' }])
  })

  it('stops at GitHub’s 3,000-file cap', async () => {
    const files = Array.from({ length: 3004 }, (_, i): FakePullFile => ({ filename: `docs/page-${i}.md`, status: 'modified' }))
    fake = await startFakeGitHub({ files })
    const got = await clientFor(fake).listChangedFiles(fake.pull)
    expect(got).toHaveLength(3000)
    expect(fake.requests).toHaveLength(30)
  })

  it('keeps the new name of a renamed file, and its old one', async () => {
    fake = await startFakeGitHub({ files: [{ filename: 'gloo/gateway-proxy-sa.yaml', status: 'renamed', previous_filename: 'gloo/proxy-sa.yaml' }] })
    expect(await clientFor(fake).listChangedFiles(fake.pull)).toEqual([{ filename: 'gloo/gateway-proxy-sa.yaml', status: 'renamed', sha: undefined, patch: undefined, previousFilename: 'gloo/proxy-sa.yaml' }])
  })

  it('lists review comments across pages and reads gloo-harden’s markers; other comments have none', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const client = clientFor(fake)
    const many = Array.from({ length: 130 }, (_, i) => comment(13, `fp${i}`))
    await client.createReview(fake.pull, HEAD, 'review', many)
    fake.reply(fake.comments[0].id, 'Why is this a problem? <!-- not a marker -->')
    const got = await client.listReviewComments(fake.pull)
    expect(got).toHaveLength(131)
    expect(got[0]).toMatchObject({ path: 'gloo/values.yaml', line: 13, startLine: null, fingerprint: 'fp0', user: 'github-actions[bot]' })
    expect(got[130]).toMatchObject({ inReplyToId: fake.comments[0].id, fingerprint: undefined, user: 'octocat' })
    expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('fetches a blob by its sha', async () => {
    const content = '# values\ngateway:\n  enabled: true\n'.repeat(20)
    fake = await startFakeGitHub({ files: [{ filename: 'values.yaml', content }] })
    const client = clientFor(fake)
    const [f] = await client.listChangedFiles(fake.pull)
    expect((await client.getBlob(f.sha!)).toString('utf8')).toBe(content)
  })
})

describe('failures', () => {
  it('names the call, the status and the request id, never the token', async () => {
    fake = await startFakeGitHub({ readOnly: true })
    const err = await clientFor(fake)
      .createCheckRun({ name: 'gloo-harden', headSha: HEAD, status: 'in_progress' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.message).toBe(`POST /repos/acme/platform/check-runs failed: HTTP 403 Resource not accessible by integration (x-github-request-id: ${fake.requests[0].requestId})`)
    expect(e.forbidden).toBe(true)
    expect(JSON.stringify({ ...e, message: e.message, stack: e.stack })).not.toContain(TOKEN)
    expect(fake.requests[0].authorization).toBe(`token ${TOKEN}`)
  })

  it('includes GitHub’s error list', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const err = (await clientFor(fake)
      .createReview(fake.pull, HEAD, 'body', [comment(30, 'x')])
      .catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(422)
    expect(err.message).toMatch(/^POST \/repos\/acme\/platform\/pulls\/42\/reviews failed: HTTP 422 Unprocessable Entity: Line could not be resolved \(x-github-request-id: F4KE:0001:[0-9A-F]{6}\)$/)
    expect(err.forbidden).toBe(false)
  })

  it('retries 5xx answers and reset connections', async () => {
    fake = await startFakeGitHub({ files: [valuesFile] })
    fake.inject({ path: /\/files$/, times: 1, kind: 502 })
    fake.inject({ path: /\/files$/, times: 1, kind: 'reset' })
    expect(await clientFor(fake).listChangedFiles(fake.pull)).toHaveLength(1)
    expect(fake.requests.map((r) => r.status)).toEqual([502, -1, 200])
  })

  it('gives up after three retries and reports the last answer', async () => {
    fake = await startFakeGitHub({ files: [valuesFile] })
    fake.inject({ path: /\/files$/, times: 4, kind: 503 })
    const err = (await clientFor(fake)
      .listChangedFiles(fake.pull)
      .catch((e: unknown) => e)) as ApiError
    expect(err.message).toBe(`GET /repos/acme/platform/pulls/42/files failed: HTTP 503 Service Unavailable (x-github-request-id: ${fake.requests[3].requestId})`)
    expect(fake.requests).toHaveLength(4)
  })

  it('times out a request that never gets an answer, and retries it', async () => {
    fake = await startFakeGitHub({ files: [valuesFile] })
    fake.inject({ path: /\/files$/, times: 1, kind: 'hang' })
    expect(await clientFor(fake, { timeoutMs: 300 }).listChangedFiles(fake.pull)).toHaveLength(1)
    expect(fake.requests.map((r) => r.status)).toEqual([-2, 200])
  })

  it('waits out a secondary rate limit (retry-after) and retries', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    fake.inject({ method: 'POST', times: 2, kind: 'secondary-rate-limit', retryAfter: 2 })
    const log: string[] = []
    await clientFor(fake, { throttle: true, log }).createCheckRun({ name: 'gloo-harden', headSha: HEAD, status: 'in_progress' })
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403, 201])
    expect(log).toEqual([
      'warning GitHub API secondary rate limit (POST /repos/{owner}/{repo}/check-runs); retrying in 2s.',
      'warning GitHub API secondary rate limit (POST /repos/{owner}/{repo}/check-runs); retrying in 2s.'
    ])
  })

  it('gives up on a lasting secondary rate limit, and does not take it for a missing permission', async () => {
    fake = await startFakeGitHub({})
    fake.inject({ method: 'POST', times: 9, kind: 'secondary-rate-limit' })
    const err = (await clientFor(fake, { throttle: true })
      .createCommitStatus(HEAD, { state: 'success', context: 'gloo-harden', description: 'ok' })
      .catch((e: unknown) => e)) as ApiError
    expect(err.status).toBe(403)
    expect(err.forbidden).toBe(false)
    expect(fake.requests).toHaveLength(4)
  })
})

describe('reconcileComments', () => {
  const existing = (id: number, line: number | null, fp: string | undefined, body = `finding ${fp}\n\n${fp ? marker(fp) : ''}`, extra: Partial<ReviewComment> = {}): ReviewComment => ({
    id,
    body,
    path: 'gloo/values.yaml',
    line,
    startLine: null,
    fingerprint: fp,
    ...extra
  })

  it('creates, leaves, edits and deletes by fingerprint and place', () => {
    const planned = [comment(13, 'a'), comment(15, 'b', { body: `finding b, reworded\n\n${marker('b')}` }), comment(17, 'c')]
    const got = reconcileComments(planned, [existing(1, 13, 'a'), existing(2, 15, 'b'), existing(3, 11, 'gone'), existing(4, 9, undefined, 'LGTM')])
    expect(got.unchanged.map((c) => c.fingerprint)).toEqual(['a'])
    expect(got.update).toEqual([{ id: 2, comment: planned[1] }])
    expect(got.create.map((c) => c.fingerprint)).toEqual(['c'])
    expect(got.remove.map((c) => c.id)).toEqual([3])
    expect(got.keep).toEqual([])
  })

  it('keeps a stale comment somebody replied to', () => {
    const got = reconcileComments([], [existing(1, 13, 'gone'), existing(2, 13, undefined, 'Intended, see ADR-12', { inReplyToId: 1 })])
    expect(got.keep.map((c) => c.id)).toEqual([1])
    expect(got.remove).toEqual([])
  })

  it('posts again when the finding moved or the old comment is outdated, and deletes the old one', () => {
    const got = reconcileComments([comment(15, 'a')], [existing(1, null, 'a'), existing(2, 14, 'a')])
    expect(got.create.map((c) => c.line)).toEqual([15])
    expect(got.remove.map((c) => c.id)).toEqual([1, 2])
  })

  it('matches multi-line comments on both lines', () => {
    const planned = [comment(15, 'a', { start_line: 13, start_side: 'RIGHT' })]
    expect(reconcileComments(planned, [existing(1, 15, 'a', planned[0].body, { startLine: 13 })]).unchanged).toHaveLength(1)
    expect(reconcileComments(planned, [existing(1, 15, 'a', planned[0].body)]).create).toHaveLength(1)
  })

  it('leaves the comment of a finding over max-comments in place, unless it is outdated', () => {
    const got = reconcileComments([], [existing(1, 13, 'over'), existing(2, null, 'over')], new Set(['over']))
    expect(got.remove.map((c) => c.id)).toEqual([2])
  })

  it('ignores CRLF and surrounding whitespace GitHub may add to a body', () => {
    const planned = [comment(13, 'a')]
    expect(reconcileComments(planned, [existing(1, 13, 'a', planned[0].body.replace(/\n/g, '\r\n') + '\n')]).unchanged).toHaveLength(1)
  })
})

describe('files at a commit (contents API)', () => {
  const BASE = 'ba5e0000d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a1'

  it('reads a file, its name encoded segment by segment; a file the commit does not have is undefined (404)', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE, baseFiles: { 'gloo/prod values (eu).yaml': 'gateway: {}\n' } })
    const client = clientFor(fake)
    const got = await client.getFileAt('gloo/prod values (eu).yaml', BASE, 1024)
    expect(got?.bytes?.toString('utf8')).toBe('gateway: {}\n')
    expect(got).toMatchObject({ size: 12 })
    expect(await client.getFileAt('gloo/values.yaml', BASE, 1024)).toBeUndefined()
    expect(fake.requests.map((r) => `${r.path.replace('/repos/acme/platform', '')}?ref=${r.query.ref} ${r.status}`)).toEqual([
      `/contents/gloo/prod%20values%20(eu).yaml?ref=${BASE} 200`,
      `/contents/gloo/values.yaml?ref=${BASE} 404`
    ])
  })

  it('a folder at the path is no file; a file over the limit comes without its bytes', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE, baseFiles: { 'gloo/values.yaml': 'x: 1\n'.repeat(100) } })
    const client = clientFor(fake)
    expect(await client.getFileAt('gloo', BASE, 1024)).toBeUndefined()
    expect(await client.getFileAt('gloo/values.yaml', BASE, 100)).toEqual({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), size: 500 })
  })

  it('reads a file over 1 MB (encoding none) from its blob', async () => {
    const big = `# ${'x'.repeat(1024 * 1024)}\ngateway: {}\n`
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE, baseFiles: { 'gloo/values.yaml': big } })
    const got = await clientFor(fake).getFileAt('gloo/values.yaml', BASE, 5 * 1024 * 1024)
    expect(got?.bytes?.toString('utf8')).toBe(big)
    expect(fake.requests.map((r) => r.path.split('/')[4])).toEqual(['contents', 'git'])
  })

  it('other failures are errors naming the call', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE })
    fake.inject({ path: /\/contents\//, times: 4, kind: 503 })
    await expect(clientFor(fake).getFileAt('gloo/values.yaml', BASE, 1024)).rejects.toThrow(`GET /repos/acme/platform/contents/gloo/values.yaml?ref=${BASE} failed: HTTP 503 Service Unavailable`)
  })
})

describe('postReview', () => {
  it('posts every comment in one review', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const r = await postReview(clientFor(fake), fake.pull, HEAD, 'body', [comment(13, 'a'), comment(15, 'b')])
    expect(r).toMatchObject({ reviews: 1, rejected: [], unposted: [] })
    expect(fake.reviews).toHaveLength(1)
    expect(fake.comments.map((c) => c.line)).toEqual([13, 15])
  })

  it('posts nothing for no comments', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    expect(await postReview(clientFor(fake), fake.pull, HEAD, 'body', [])).toMatchObject({ reviews: 0 })
    expect(fake.requests).toEqual([])
  })

  it('leaves out the suspects first, then finds the refused one among them', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    // 8-11 spans the hunk's start: GitHub refuses it; 16-18 is inside.
    const cs = [comment(13, 'a'), comment(11, 'multi-bad', { start_line: 8, start_side: 'RIGHT' }), comment(15, 'b'), comment(18, 'multi-ok', { start_line: 16, start_side: 'RIGHT' })]
    const r = await postReview(clientFor(fake), fake.pull, HEAD, 'body', cs, { suspect: (c) => c.start_line !== undefined, continuationBody: 'more' })
    expect(r.rejected.map((c) => c.fingerprint)).toEqual(['multi-bad'])
    expect(r.posted.map((c) => c.fingerprint)).toEqual(['a', 'b', 'multi-ok'])
    expect(r.rejection).toBe('Unprocessable Entity: Line could not be resolved')
    expect(fake.requests.map((q) => `${q.status} ${q.body.comments.map((c: PlannedComment) => c.line).join(',')}`)).toEqual([
      '422 13,11,15,18',
      '200 13,15',
      // The rest went through, so the refusal is among the suspects: they are split without a try as a group.
      '422 11',
      '200 18'
    ])
    expect(fake.reviews.map((v) => v.body)).toEqual(['body', 'more'])
  })

  it('gives each review a body that counts the comments it holds, as sent', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const cs = [comment(13, 'a'), comment(11, 'multi-bad', { start_line: 8, start_side: 'RIGHT' }), comment(15, 'b'), comment(18, 'multi-ok', { start_line: 16, start_side: 'RIGHT' })]
    await postReview(clientFor(fake), fake.pull, HEAD, (n) => `left ${n}`, cs, { suspect: (c) => c.start_line !== undefined, continuationBody: (n) => `${n} more` })
    // Four planned, three posted in two reviews: neither body may claim four.
    expect(fake.reviews.map((v) => `${v.comments.length} ${v.body}`)).toEqual(['2 left 2', '1 1 more'])
  })

  it('bisects when nothing is suspect', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const cs = [10, 11, 12, 19, 14, 15, 16, 17].map((l) => comment(l, `l${l}`))
    const r = await postReview(clientFor(fake), fake.pull, HEAD, 'body', cs)
    expect(r.rejected.map((c) => c.line)).toEqual([19])
    expect(r.posted.map((c) => c.line).sort((a, b) => a - b)).toEqual([10, 11, 12, 14, 15, 16, 17])
    expect(fake.comments).toHaveLength(7)
  })

  it('stops bisecting after maxRejections and counts the untried as rejected', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const cs = [30, 31, 32, 33].map((l) => comment(l, `l${l}`))
    const r = await postReview(clientFor(fake), fake.pull, HEAD, 'body', cs, { maxRejections: 3 })
    expect(r.rejected.map((c) => c.line).sort()).toEqual([30, 31, 32, 33])
    expect(fake.requests).toHaveLength(3)
  })

  it('stops at a permission error: the rest is unposted, with the error', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile], deny: ['reviews'] })
    const r = await postReview(clientFor(fake), fake.pull, HEAD, 'body', [comment(13, 'a')])
    expect(r.unposted.map((c) => c.fingerprint)).toEqual(['a'])
    expect(r.error?.status).toBe(403)
    expect(fake.requests).toHaveLength(1)
  })
})

describe('syncReview', () => {
  it('posts nothing when the earlier comments cannot be listed (a re-run would duplicate them)', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    fake.inject({ path: /\/comments$/, times: 4, kind: 500 })
    const r = await syncReview(clientFor(fake), fake.pull, HEAD, [comment(13, 'a')], { body: () => 'b' })
    expect(r.unposted.map((c) => c.fingerprint)).toEqual(['a'])
    expect(r.error?.status).toBe(500)
    expect(fake.writes()).toEqual([])
  })

  it('edits and deletes before posting the new comments in one review', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, files: [valuesFile] })
    const client = clientFor(fake)
    await client.createReview(fake.pull, HEAD, 'first', [comment(13, 'a'), comment(15, 'b'), comment(17, 'c')])
    const planned = [comment(13, 'a'), comment(15, 'b', { body: `b, reworded\n${marker('b')}` }), comment(16, 'd')]
    const r = await syncReview(client, fake.pull, HEAD, planned, { body: (n) => `${n} new` })
    expect(r.unchanged.map((c) => c.fingerprint)).toEqual(['a'])
    expect(r.updated.map((c) => c.fingerprint)).toEqual(['b'])
    expect(r.deleted.map((c) => c.line)).toEqual([17])
    expect(r.posted.map((c) => c.fingerprint)).toEqual(['d'])
    expect(fake.writes().map((q) => q.method)).toEqual(['POST', 'PATCH', 'DELETE', 'POST'])
    expect(fake.reviews.map((v) => v.body)).toEqual(['first', '1 new'])
    expect(fake.comments.map((c) => `${c.line} ${c.body.split('\n')[0]}`)).toEqual(['13 finding a', '15 b, reworded', '16 finding d'])
  })
})

describe('the gate', () => {
  const annotation = (i: number): CheckAnnotation => ({ path: 'platform/tenants.yaml', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', message: `finding ${i}`, title: 'gloo-harden: proxy-token-automount' })
  const batches = (n: number): CheckAnnotation[][] => {
    const all = Array.from({ length: n }, (_, i) => annotation(i))
    const out: CheckAnnotation[][] = []
    for (let i = 0; i < all.length; i += 50) out.push(all.slice(i, i + 50))
    return out
  }
  const report = (n: number) => ({ name: 'gloo-harden', sha: HEAD, conclusion: 'failure' as const, title: 'gloo-harden: 120 errors', summary: '## …', batches: batches(n), description: '120 errors', targetUrl: 'https://github.com/acme/platform/actions/runs/1' })

  it('completes the check run with the first 50 annotations and appends the rest 50 at a time', async () => {
    fake = await startFakeGitHub({})
    const client = clientFor(fake)
    const started = await startCheckRun(client, 'gloo-harden', HEAD)
    const g = await deliverGate(gateChain(client, started.id, false), report(120))
    expect(g).toEqual({ channel: 'check-run', annotationsDelivered: true, errors: [] })
    expect(fake.requests.map((r) => `${r.method} ${r.body.status ?? '-'} ${r.body.conclusion ?? '-'} ${r.body.output?.annotations?.length ?? 0}`)).toEqual([
      'POST in_progress - 0',
      'PATCH completed failure 50',
      'PATCH - - 50',
      'PATCH - - 20'
    ])
    expect(fake.checkRun()!.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
  })

  it('creates the run completed when opening it failed for another reason than permissions', async () => {
    fake = await startFakeGitHub({})
    const g = await deliverGate(gateChain(clientFor(fake), undefined, false), report(3))
    expect(g.channel).toBe('check-run')
    expect(fake.checkRuns).toMatchObject([{ status: 'completed', conclusion: 'failure', annotations: [{}, {}, {}] }])
  })

  it('falls back to a commit status when the token cannot write checks', async () => {
    fake = await startFakeGitHub({ deny: ['checks'] })
    const client = clientFor(fake)
    const started = await startCheckRun(client, 'gloo-harden', HEAD)
    expect(started.error?.forbidden).toBe(true)
    const g = await deliverGate(gateChain(client, started.id, true), { ...report(3), description: 'x'.repeat(200) })
    expect(g).toMatchObject({ channel: 'status', annotationsDelivered: false })
    expect(fake.statuses).toEqual([{ sha: HEAD, state: 'failure', context: 'gloo-harden', description: 'x'.repeat(139) + '…', target_url: 'https://github.com/acme/platform/actions/runs/1' }])
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'POST'])
  })

  it("reports 'log' when nothing can be written", async () => {
    fake = await startFakeGitHub({ readOnly: true })
    const g = await deliverGate(gateChain(clientFor(fake), undefined, true), { ...report(1), conclusion: 'neutral' })
    expect(g.channel).toBe('log')
    expect(g.errors.map((e) => e.status)).toEqual([403])
  })

  it('completes the run without annotations when GitHub refuses them, so it never stays in progress', async () => {
    fake = await startFakeGitHub({})
    const client = clientFor(fake)
    const started = await startCheckRun(client, 'gloo-harden', HEAD)
    const bad = report(2)
    bad.batches[0][1] = { ...bad.batches[0][1], message: '' }
    const g = await deliverGate(gateChain(client, started.id, false), bad)
    expect(g.channel).toBe('check-run')
    expect(g.annotationsDelivered).toBe(false)
    expect(g.errors.map((e) => e.status)).toEqual([422])
    expect(fake.checkRun()).toMatchObject({ status: 'completed', conclusion: 'failure', annotations: [] })
  })
})
