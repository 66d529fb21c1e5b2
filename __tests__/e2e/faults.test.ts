/**
 * API faults end to end: the bundled action against a fake GitHub that fails on purpose. Whatever fails, no
 * finding is lost (review, check run, commit status, log annotations, job summary), the job passes or fails by
 * the findings and fail-on, and an API failure is reported as such, with its status and request id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub, type InjectedFailure } from '../../__fixtures__/fake-github.js'
import { actionEntry, HEAD_SHA, makeWorkspace, pullFiles, removeWorkspace, runAction, TOKEN, workflowCommands, type ActionRun } from '../../__fixtures__/e2e/harness.js'
import { calls, entryWithEnv, FAST_API, secondaryRateLimit429, startFront, type Front } from '../../__fixtures__/e2e/scenarios.js'

const KEEP = ['proxy-token-automount', 'validation-always-accept', 'discovery-enabled']
/** The fixture PR's five findings, as `severity path:line rule`, most severe first. */
const ALL = [
  'failure gloo/gateway-proxy-sa.yaml:5 proxy-token-automount',
  'failure gloo/values.yaml:15 proxy-token-automount',
  'warning gloo/settings.yaml:11 validation-always-accept',
  'warning gloo/values.yaml:13 validation-always-accept',
  'notice gloo/values.yaml:9 discovery-enabled'
]
/** The two that are never review comments (a renamed file without a patch, a line outside the hunk). */
const OUTSIDE = ['failure gloo/gateway-proxy-sa.yaml:5 proxy-token-automount', 'notice gloo/values.yaml:9 discovery-enabled']
const COMMENTED = ['gloo/values.yaml:15', 'gloo/settings.yaml:11', 'gloo/values.yaml:13']
const REQUEST_ID = '\\(x-github-request-id: F4KE:[0-9A-F]{4}:[0-9A-F]{6}\\)'

let entry = ''
const cleanups: (() => void)[] = []
beforeAll(async () => {
  const built = await actionEntry()
  const fast = entryWithEnv(built.entry, FAST_API)
  entry = fast.entry
  cleanups.push(fast.cleanup, built.cleanup)
}, 300_000)
afterAll(() => cleanups.forEach((c) => c()))

let fake: FakeGitHub | undefined
let front: Front | undefined
let workspace: string | undefined
afterEach(async () => {
  await front?.stop()
  await fake?.stop()
  if (workspace) removeWorkspace(workspace)
  fake = front = workspace = undefined
})

/** The fixture PR against a fake API with these failures injected, run once. */
async function runWith(failures: InjectedFailure[], inputs: Record<string, string> = {}): Promise<{ run: ActionRun; fake: FakeGitHub }> {
  workspace = makeWorkspace(KEEP)
  fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
  for (const f of failures) fake.inject(f)
  const run = await runAction(entry, { fake, workspace, inputs })
  expect(run.stderr).toBe('')
  expect([run.stdout.replace(`::add-mask::${TOKEN}`, ''), run.summary, JSON.stringify(fake.requests.map((r) => r.body))].join('\n')).not.toContain(TOKEN)
  return { run, fake }
}

const annotations = (f: FakeGitHub): string[] => f.checkRun()!.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line} ${a.title.replace('gloo-harden: ', '')}`)
const where = (f: FakeGitHub): string[] => f.comments.map((c) => `${c.path}:${c.line}`)
/** Findings of the summary's table, as `severity path:line rule`. */
function tableRows(summary: string): string[] {
  const level = { error: 'failure', warning: 'warning', notice: 'notice' } as Record<string, string>
  return [...summary.matchAll(/^\| \S+ (error|warning|notice) \| \[`([^`]+)`\]\([^)]*\) \| \[`([^`]+)`\]/gm)].map((m) => `${level[m[1]]} ${m[3]} ${m[2]}`)
}
/** Workflow-command annotations as `severity path:line rule`. */
const logged = (run: ActionRun): string[] =>
  workflowCommands(run.stdout).map((l) => {
    const m = /^::(\w+) file=([^,]+),line=(\d+),.*title=gloo-harden%3A ([a-z-]+)::/.exec(l)!
    return `${m[1] === 'error' ? 'failure' : m[1]} ${m[2]}:${m[3]} ${m[4]}`
  })

describe('faults that retries absorb', () => {
  it('5xx answers, a reset connection and a request that never answers are retried: the run is as without them', async () => {
    const { run, fake } = await runWith([
      { method: 'POST', path: /\/check-runs$/, times: 1, kind: 500 },
      { method: 'GET', path: /\/pulls\/42\/files$/, times: 2, kind: 502 },
      { method: 'GET', path: /\/pulls\/42\/comments$/, times: 1, kind: 'hang' },
      { method: 'POST', path: /\/reviews$/, times: 1, kind: 'reset' },
      { method: 'PATCH', path: /\/check-runs\/\d+$/, times: 1, kind: 503 }
    ])
    const id = fake.checkRun()!.id
    expect(calls(fake)).toEqual([
      'POST /check-runs 500',
      'POST /check-runs 201',
      'GET /pulls/42/files 502',
      'GET /pulls/42/files 502',
      'GET /pulls/42/files 200',
      // The base of each changed manifest (the fixture's base has none of them: 404, so every finding is new).
      'GET /contents/gloo/proxy-sa.yaml 404',
      'GET /contents/gloo/values.yaml 404',
      'GET /contents/gloo/old-values.yaml 404',
      'GET /pulls/42/comments -2',
      'GET /pulls/42/comments 200',
      'POST /pulls/42/reviews -1',
      'POST /pulls/42/reviews 200',
      `PATCH /check-runs/${id} 503`,
      `PATCH /check-runs/${id} 200`
    ])
    expect(run.code).toBe(1)
    expect(fake.reviews).toHaveLength(1)
    expect(where(fake)).toEqual(COMMENTED)
    expect(fake.checkRuns).toHaveLength(1)
    expect(fake.checkRun()).toMatchObject({ head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' })
    expect(annotations(fake)).toEqual(OUTSIDE)
    expect(run.outputs).toEqual({ findings: '5', 'new-findings': '5', errors: '2', warnings: '2', notices: '1', conclusion: 'failure' })
    expect(workflowCommands(run.stdout)).toEqual([])
    expect(run.summary).not.toMatch(/could not|failed:/)
  })

  it('waits out secondary rate limits, as a 403 and as a 429 with retry-after, then posts as usual', async () => {
    workspace = makeWorkspace(KEEP)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
    fake.inject({ method: 'POST', path: /\/check-runs$/, times: 1, kind: 'secondary-rate-limit', retryAfter: 2 })
    front = await startFront(fake, [secondaryRateLimit429('POST', /\/pulls\/42\/reviews$/, 3)])
    const run = await runAction(entry, { fake: front.api, workspace })
    expect(run.code).toBe(1)
    // The 429 is answered by the front; the retry after it reaches the fake. Neither plugin retries it again.
    expect(front.requests.filter((r) => r.method === 'POST').map((r) => `${r.path.split('/').slice(4).join('/')} ${r.status}`)).toEqual([
      'check-runs forwarded',
      'check-runs forwarded',
      'pulls/42/reviews 429',
      'pulls/42/reviews forwarded'
    ])
    expect(calls(fake).filter((c) => !c.startsWith('GET'))).toEqual(['POST /check-runs 403', 'POST /check-runs 201', 'POST /pulls/42/reviews 200', `PATCH /check-runs/${fake.checkRun()!.id} 200`])
    expect(run.stdout).toContain('::warning::GitHub API secondary rate limit (POST /repos/{owner}/{repo}/check-runs); retrying in 2s.')
    expect(run.stdout).toContain('::warning::GitHub API secondary rate limit (POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews); retrying in 3s.')
    expect(where(fake)).toEqual(COMMENTED)
    expect(fake.checkRun()!.conclusion).toBe('failure')
    expect(annotations(fake)).toEqual(OUTSIDE)
  })
})

describe('faults that outlast the retries: every finding still reaches the gate', () => {
  it('the review cannot be posted (HTTP 500 four times): the check run, both summaries and the exit status carry every finding', async () => {
    const { run, fake } = await runWith([{ method: 'POST', path: /\/reviews$/, times: 4, kind: 500 }])
    expect(calls(fake).filter((c) => c.includes('/reviews'))).toEqual(Array(4).fill('POST /pulls/42/reviews 500'))
    expect(fake.comments).toEqual([])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 2 findings at or above fail-on 'error'.")
    const check = fake.checkRun()!
    expect(check.conclusion).toBe('failure')
    // The three findings meant as comments are annotations now.
    expect(annotations(fake)).toEqual(ALL)
    const failure = new RegExp(`Review comments could not all be posted: POST /repos/acme/platform/pulls/42/reviews failed: HTTP 500 Server Error ${REQUEST_ID}\\.`)
    expect(check.output.summary).toMatch(failure)
    expect(run.summary).toMatch(failure)
    expect(run.stdout).toMatch(new RegExp(`^::warning::POST /repos/acme/platform/pulls/42/reviews failed: HTTP 500 Server Error ${REQUEST_ID}$`, 'm'))
    expect(tableRows(check.output.summary!)).toEqual(ALL)
    expect(tableRows(run.summary)).toEqual(ALL)
    expect(run.stdout).toContain('Review comments: 0 new, 0 unchanged, 0 edited, 0 deleted, 0 stale but replied to, 0 refused, 3 not posted.')
    expect(run.outputs).toEqual({ findings: '5', 'new-findings': '5', errors: '2', warnings: '2', notices: '1', conclusion: 'failure' })
  })

  it('a secondary rate limit longer than the run may wait is not waited for: the review fails, the check run carries it', async () => {
    const { run, fake } = await runWith([{ method: 'POST', path: /\/reviews$/, times: 1, kind: 'secondary-rate-limit', retryAfter: 3600 }])
    // One attempt: with 5 ms a second, an hour's wait would still be 18 s, and a retry would show here.
    expect(calls(fake).filter((c) => c.includes('/reviews'))).toEqual(['POST /pulls/42/reviews 403'])
    expect(run.stdout).toContain(
      "::warning::GitHub API secondary rate limit (POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews); giving up (retry-after 3600s is more than the 300s left of the run's wait budget)."
    )
    expect(run.code).toBe(1)
    expect(annotations(fake)).toEqual(ALL)
    expect(fake.checkRun()!.output.summary).toMatch(
      new RegExp(`Review comments could not all be posted: POST /repos/acme/platform/pulls/42/reviews failed: HTTP 403 You have exceeded a secondary rate limit .*${REQUEST_ID}`)
    )
  })

  it('listing the earlier comments never answers: nothing is posted (a re-run would duplicate), every finding is annotated', async () => {
    const { run, fake } = await runWith([{ method: 'GET', path: /\/pulls\/42\/comments$/, times: 4, kind: 'hang' }], { 'fail-on': 'warning' })
    expect(calls(fake).filter((c) => c.includes('/comments'))).toEqual(Array(4).fill('GET /pulls/42/comments -2'))
    expect(fake.writes().map((r) => r.method + ' ' + r.path.split('/').at(-1))).toEqual(['POST check-runs', `PATCH ${fake.checkRun()!.id}`])
    expect(annotations(fake)).toEqual(ALL)
    expect(run.summary).toContain(
      'Review comments could not all be posted: GET /repos/acme/platform/pulls/42/comments failed: no response (The operation was aborted due to timeout).'
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 4 findings at or above fail-on 'warning'.")
  })

  it.each([
    ['error', 1, 'failure'],
    ['never', 0, 'success']
  ] as const)('the check run cannot be created (HTTP 503): a commit status and log annotations carry it; fail-on %s exits %d', async (failOn, code, state) => {
    const { run, fake } = await runWith([{ method: 'POST', path: /\/check-runs$/, times: 8, kind: 503 }], { 'fail-on': failOn })
    expect(calls(fake).filter((c) => !c.startsWith('GET'))).toEqual([
      ...Array(4).fill('POST /check-runs 503'),
      'POST /pulls/42/reviews 200',
      ...Array(4).fill('POST /check-runs 503'),
      `POST /statuses/${HEAD_SHA} 201`
    ])
    expect(run.code).toBe(code)
    expect(fake.checkRuns).toEqual([])
    expect(fake.statuses).toEqual([
      { sha: HEAD_SHA, state, context: 'gloo-harden', description: '2 errors, 2 warnings, 1 notice', target_url: 'https://github.com/acme/platform/actions/runs/9876543210' }
    ])
    expect(where(fake)).toEqual(COMMENTED)
    // What has no review comment is annotated in the log; the job summary lists every finding.
    expect(logged(run)).toEqual(OUTSIDE)
    expect(tableRows(run.summary)).toEqual(ALL)
    expect(run.summary).toMatch(
      new RegExp(`> The check run could not be written \\(POST /repos/acme/platform/check-runs failed: HTTP 503 Service Unavailable ${REQUEST_ID}\\); the result is the commit status 'gloo-harden'`)
    )
    expect(run.stdout).toContain("::warning::The check run could not be completed; the result is the commit status 'gloo-harden' instead")
    expect(run.outputs.conclusion).toBe(failOn === 'never' ? 'neutral' : 'failure')
  })

  it('the check run is opened but cannot be completed: the commit status carries the result', async () => {
    const { run, fake } = await runWith([{ method: 'PATCH', path: /\/check-runs\/\d+$/, times: 8, kind: 502 }], { 'fail-on': 'notice' })
    const id = fake.checkRun()!.id
    // The completing update with annotations, then without them, each retried three times.
    expect(calls(fake).filter((c) => c.startsWith('PATCH'))).toEqual(Array(8).fill(`PATCH /check-runs/${id} 502`))
    expect(fake.statuses.map((s) => `${s.state} ${s.description}`)).toEqual(['failure 2 errors, 2 warnings, 1 notice'])
    expect(logged(run)).toEqual(OUTSIDE)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 5 findings at or above fail-on 'notice'.")
  })

  it('neither check run nor commit status can be written: every finding is a log annotation, the job fails by them', async () => {
    const { run, fake } = await runWith([
      { method: 'POST', path: /\/check-runs$/, times: 8, kind: 'reset' },
      { method: 'POST', path: /\/reviews$/, times: 4, kind: 502 },
      { method: 'POST', path: /\/statuses\//, times: 4, kind: 500 }
    ])
    expect(fake.writes().filter((r) => r.status > 0 && r.status < 300)).toEqual([])
    expect(run.code).toBe(1)
    expect(logged(run)).toEqual(ALL)
    expect(tableRows(run.summary)).toEqual(ALL)
    expect(run.summary).toMatch(
      new RegExp(
        `> Neither the check run nor the commit status 'gloo-harden' could be written \\(POST /repos/acme/platform/check-runs failed: no response \\([^)]+\\); POST /repos/acme/platform/statuses/${HEAD_SHA} failed: HTTP 500 Server Error ${REQUEST_ID}\\)`
      )
    )
    expect(run.stdout).toContain("::warning::GitHub's API took neither the check run nor a commit status")
    expect(run.outputs.conclusion).toBe('failure')
  })

  it('the changed files cannot be listed: the whole repository is checked and gates the job, without a review', async () => {
    const { run, fake } = await runWith([{ method: 'GET', path: /\/pulls\/42\/files$/, times: 4, kind: 503 }])
    expect(calls(fake).filter((c) => c.includes('/pulls/'))).toEqual(Array(4).fill('GET /pulls/42/files 503'))
    expect(fake.reviews).toEqual([])
    // The legacy values file, which the pull request does not touch, is reported too.
    expect(annotations(fake)).toEqual([
      ...ALL.slice(0, 2),
      'failure platform/legacy/values.yaml:4 proxy-token-automount',
      ...ALL.slice(2, 4),
      'warning platform/legacy/values.yaml:2 validation-always-accept',
      ALL[4]
    ])
    const note = new RegExp(`The pull request's changed files could not be listed \\(GET /repos/acme/platform/pulls/42/files failed: HTTP 503 Service Unavailable ${REQUEST_ID}\\), so the whole repository was checked`)
    expect(fake.checkRun()!.output.summary).toMatch(note)
    expect(run.summary).toMatch(note)
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({ findings: '7', 'new-findings': '7', errors: '3', warnings: '3', notices: '1', conclusion: 'failure' })
    expect(run.stdout).toMatch(/^::warning::Could not list the pull request's changed files \(GET .* HTTP 503 .*\); checking the whole repository instead, without a review\.$/m)
  })
})

describe('review comments GitHub refuses', () => {
  it('a comment refused with 422 is dropped from the review and reported, after a 502; the gate is the findings', async () => {
    workspace = makeWorkspace(KEEP)
    // GitHub's own diff of settings.yaml ends before line 11, where the comment would go.
    fake = await startFakeGitHub({
      headSha: HEAD_SHA,
      files: pullFiles(workspace),
      reviewPatches: { 'gloo/settings.yaml': '@@ -0,0 +1,6 @@\n+# Settings\n+apiVersion: gloo.solo.io/v1\n+kind: Settings\n+metadata:\n+  name: default\n+  namespace: gloo-system' }
    })
    fake.inject({ method: 'POST', path: /\/pulls\/42\/reviews$/, times: 1, kind: 502 })
    const run = await runAction(entry, { fake, workspace, inputs: { 'fail-on': 'never' } })
    expect(run.code).toBe(0)
    expect(where(fake)).toEqual(['gloo/values.yaml:15', 'gloo/values.yaml:13'])
    expect(annotations(fake)).toEqual([OUTSIDE[0], 'warning gloo/settings.yaml:11 validation-always-accept', OUTSIDE[1]])
    for (const summary of [fake.checkRun()!.output.summary!, run.summary]) {
      expect(summary).toContain('### Review comments GitHub rejected')
      expect(summary).toMatch(/gloo\/settings\.yaml:11.*GitHub could not place the comment \(Unprocessable Entity: Line could not be resolved\)/)
      expect(tableRows(summary)).toEqual(ALL)
    }
    expect(fake.checkRun()!.conclusion).toBe('neutral')
    expect(run.outputs.conclusion).toBe('neutral')
  })
})
