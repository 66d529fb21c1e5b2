/**
 * End to end: the bundled action (see actionEntry: a fresh dist/, else a bundle of the current source) runs as
 * a child process under Node 24 with the runner's environment, against a fake GitHub REST API on 127.0.0.1.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub, type StoredComment } from '../../__fixtures__/fake-github.js'
import { actionEntry, HEAD_SHA, makeWorkspace, MERGE_SHA, pullFiles, pullRequestEvent, removeWorkspace, runAction, TOKEN, workflowCommands, writeEvent, type ActionRun } from '../../__fixtures__/e2e/harness.js'
import { parseMarker } from '../../src/report/fingerprint.js'

const KEEP = ['proxy-token-automount', 'validation-always-accept', 'discovery-enabled']

let entry = ''
let cleanup = () => {}
beforeAll(async () => {
  ;({ entry, cleanup } = await actionEntry())
}, 300_000)
afterAll(() => cleanup())

const writes = (fake: FakeGitHub): string[] => fake.writes().map((r) => `${r.method} ${r.path.replace(`/repos/${fake.owner}/${fake.repo}`, '')} ${r.status}`)
const where = (c: StoredComment): string => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line ?? 'outdated'}`
const suggestion = (body: string): string | undefined => /```suggestion\n([\s\S]*?)\n```/.exec(body)?.[1]
const annotationsOf = (fake: FakeGitHub) => fake.checkRun()!.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line} ${a.title}`)

/** The token never shows up in anything the job prints, except the runner's own add-mask command. */
function expectNoToken(run: ActionRun): void {
  const printed = [run.stdout.replace(`::add-mask::${TOKEN}`, ''), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n')
  expect(printed).not.toContain(TOKEN)
}

describe('a pull request, run after run', () => {
  let fake: FakeGitHub
  let workspace: string
  const first: Record<string, StoredComment> = {}
  beforeAll(async () => {
    workspace = makeWorkspace(KEEP)
    // The routes live outside the values' folder: declare them members of the install (catalog section 1A), so the
    // context file feeds its cross-file rules.
    appendFileSync(join(workspace, '.github', 'gloo-harden.yml'), 'installs:\n  - name: gloo\n    values: [gloo/values.yaml]\n    manifests: [gloo/**, platform/routing/**]\n')
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
  })
  afterAll(async () => {
    await fake.stop()
    removeWorkspace(workspace)
  })

  it('first run: one review with suggestions on the changed lines, a failing check run on the head sha', async () => {
    const run = await runAction(entry, { fake, workspace })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 2 findings at or above fail-on 'error'.")
    expectNoToken(run)

    // One review, on the PR head, never on the merge commit GITHUB_SHA points at.
    expect(fake.reviews).toHaveLength(1)
    expect(fake.reviews[0].commit_id).toBe(HEAD_SHA)
    expect(fake.reviews[0].event).toBe('COMMENT')
    expect(fake.reviews[0].body).toContain('**gloo-harden** left 3 comments on the lines this pull request changes (5 findings in all')
    expect(fake.comments.map(where)).toEqual(['gloo/values.yaml:15', 'gloo/settings.yaml:11', 'gloo/values.yaml:13'])
    for (const c of fake.comments) {
      expect(c.side).toBe('RIGHT')
      first[where(c)] = c
    }
    expect(fake.comments.map((c) => suggestion(c.body))).toEqual(['    disableAutomount: true', '      alwaysAccept: false', '    alwaysAcceptResources: false'])
    expect(first['gloo/values.yaml:15'].body).toMatch(/^🛑 \*\*error\*\* · \[`proxy-token-automount`\]\(https:\/\/github\.com\/.+\/docs\/rules\/proxy-token-automount\.md\)\n\ngateway\.proxyServiceAccount\.disableAutomount is not true/)
    expect(first['gloo/settings.yaml:11'].body).toContain("Settings 'default' accepts invalid resources")
    for (const c of fake.comments) expect(parseMarker(c.body)).toMatch(/^[0-9a-f]{16}$/)

    // The check run: opened in_progress, completed with the gate's conclusion, on the head sha.
    expect(fake.checkRuns).toHaveLength(1)
    const check = fake.checkRun()!
    expect(check.head_sha).toBe(HEAD_SHA)
    expect(fake.requests.some((r) => JSON.stringify(r.body ?? '').includes(MERGE_SHA))).toBe(false)
    expect(fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))!.body).toMatchObject({ name: 'gloo-harden', head_sha: HEAD_SHA, status: 'in_progress' })
    expect(check.status).toBe('completed')
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe('gloo-harden: 2 errors, 2 warnings, 1 notice')
    // Annotations only for what has no comment: the renamed file (no patch) and a line outside the hunk.
    expect(annotationsOf(fake)).toEqual(['failure gloo/gateway-proxy-sa.yaml:5 gloo-harden: proxy-token-automount', 'notice gloo/values.yaml:9 gloo-harden: discovery-enabled'])
    expect(check.annotations[1]).toMatchObject({ start_line: 9, end_line: 9, start_column: 12, end_column: 15 })
    // The context file fed the cross-file rule, but files outside the PR are never reported on.
    expect(check.annotations[1].message).toContain('default-petstore-8080 (platform/routing/petstore.yaml:16)')
    expect(check.output.summary).not.toContain('platform/legacy/values.yaml')
    expect(check.output.summary).toContain('| 🛑 error | [`proxy-token-automount`]')

    // Write calls: one check-run create, one review, one completing update.
    expect(writes(fake)).toEqual(['POST /check-runs 201', 'POST /pulls/42/reviews 200', `PATCH /check-runs/${check.id} 200`])
    // The removed file and the README were never read, the PR's files were listed 100 to a page.
    expect(fake.requests.find((r) => r.path.endsWith('/pulls/42/files'))!.query).toMatchObject({ per_page: '100' })

    expect(run.outputs).toEqual({ findings: '5', 'new-findings': '5', errors: '2', warnings: '2', notices: '1', conclusion: 'failure' })
    expect(run.summary).toContain('## gloo-harden: 2 errors, 2 warnings, 1 notice')
    expect(workflowCommands(run.stdout)).toEqual([])
  })

  it('second run on the same commit posts nothing new', async () => {
    const before = fake.requests.length
    const run = await runAction(entry, { fake, workspace })
    expect(run.code).toBe(1)
    expect(fake.reviews).toHaveLength(1)
    expect(fake.comments.map(where)).toEqual(['gloo/values.yaml:15', 'gloo/settings.yaml:11', 'gloo/values.yaml:13'])
    expect(fake.comments.map((c) => c.body)).toEqual(Object.values(first).map((c) => c.body))
    const mine = fake.requests.slice(before).filter((r) => r.method !== 'GET')
    expect(mine.map((r) => `${r.method} ${r.path.split('/').slice(4).join('/')}`)).toEqual(['POST check-runs', `PATCH check-runs/${fake.checkRun()!.id}`])
    expect(run.stdout).toContain('Review comments: 0 new, 3 unchanged, 0 edited, 0 deleted')
    expect(fake.checkRun()!.annotations).toHaveLength(2)
  })

  it('third run after a fix: edits the comment whose finding changed, deletes the fixed one, keeps the one with a reply', async () => {
    // A reviewer answers the Settings comment; then the author pushes a fix.
    fake.reply(first['gloo/settings.yaml:11'].id, 'We flip this once the migration is done.')
    const values = join(workspace, 'gloo/values.yaml')
    writeFileSync(
      values,
      readFileSync(values, 'utf8')
        .replace('alwaysAcceptResources: true', 'alwaysAcceptResources: false')
        .replace('    disableAutomount: false\n', '    disableAutomount: false\n    extraAnnotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/gloo-proxy\n')
    )
    const settings = join(workspace, 'gloo/settings.yaml')
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('alwaysAccept: true', 'alwaysAccept: false'))
    const sa = join(workspace, 'gloo/gateway-proxy-sa.yaml')
    writeFileSync(sa, readFileSync(sa, 'utf8') + 'automountServiceAccountToken: false\n')
    const newHead = 'f1e2d3c4b5a697887766554433221100ffeeddcc'
    const files = pullFiles(workspace).map((f) =>
      f.filename === 'gloo/values.yaml'
        ? {
            ...f,
            patch:
              '@@ -11,7 +11,11 @@\n   validation:\n     enabled: true\n     alwaysAcceptResources: false\n+  proxyServiceAccount:\n+    disableAutomount: false\n+    extraAnnotations:\n+      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/gloo-proxy\n gatewayProxies:\n   gatewayProxy:\n     kind:'
          }
        : f
    )
    fake.push(newHead, files)
    const before = fake.requests.length

    const run = await runAction(entry, { fake, workspace, eventPath: writeEvent(workspace, 'synchronize.json', pullRequestEvent((p) => ((p.action = 'synchronize'), (p.pull_request.head.sha = newHead)))) })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ findings: '2', 'new-findings': '2', errors: '0', warnings: '0', notices: '2', conclusion: 'neutral' })
    const mine = fake.requests.slice(before).filter((r) => r.method !== 'GET')
    expect(mine.map((r) => `${r.method} ${r.path.split('/').slice(4).join('/')}`)).toEqual([
      'POST check-runs',
      `PATCH pulls/comments/${first['gloo/values.yaml:15'].id}`,
      `DELETE pulls/comments/${first['gloo/values.yaml:13'].id}`,
      `PATCH check-runs/${fake.checkRun()!.id}`
    ])
    expect(fake.reviews).toHaveLength(1)
    // The edited comment speaks of the IRSA role now; same place, same fingerprint.
    const edited = fake.comments.find((c) => c.id === first['gloo/values.yaml:15'].id)!
    expect(edited.line).toBe(15)
    expect(edited.body).toMatch(/^ℹ️ \*\*notice\*\* · \[`proxy-token-automount`\]/)
    expect(edited.body).toContain('eks.amazonaws.com/role-arn')
    expect(parseMarker(edited.body)).toBe(parseMarker(first['gloo/values.yaml:15'].body))
    // The Settings comment stays with its reply; the fixed values comment is gone.
    expect(fake.comments.map((c) => `${where(c)} ${c.user.login}`)).toEqual(['gloo/values.yaml:15 github-actions[bot]', 'gloo/settings.yaml:11 github-actions[bot]', 'gloo/settings.yaml:11 octocat'])
    const check = fake.checkRun()!
    expect(check.head_sha).toBe(newHead)
    expect(check.conclusion).toBe('neutral')
    expect(annotationsOf(fake)).toEqual(['notice gloo/values.yaml:9 gloo-harden: discovery-enabled'])
    expect(run.stdout).toContain('Review comments: 0 new, 0 unchanged, 1 edited, 1 deleted, 1 stale but replied to')
  })
})

describe('tokens that cannot write everything', () => {
  it('read-only token (fork, Dependabot): workflow annotations in the log, the job still fails by the findings', async () => {
    const workspace = makeWorkspace(KEEP)
    const fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace), readOnly: true })
    try {
      const run = await runAction(entry, { fake, workspace })
      expect(run.code).toBe(1)
      expectNoToken(run)
      expect(fake.reviews).toHaveLength(0)
      expect(fake.checkRuns).toHaveLength(0)
      expect(fake.statuses).toHaveLength(0)
      expect(writes(fake)).toEqual(['POST /check-runs 403', 'POST /pulls/42/reviews 403', 'POST /statuses/' + HEAD_SHA + ' 403'])
      const commands = workflowCommands(run.stdout).map((l) => /^::(\w+) file=([^,]+),line=(\d+),endLine=\d+(?:,col=(\d+))?/.exec(l)!.slice(1).join(' '))
      expect(commands).toEqual([
        'error gloo/gateway-proxy-sa.yaml 5 9',
        'error gloo/values.yaml 15 23',
        'warning gloo/settings.yaml 11 21',
        'warning gloo/values.yaml 13 28',
        'notice gloo/values.yaml 9 12'
      ])
      expect(run.stdout).toContain('::warning::The token can write neither check runs nor commit statuses')
      expect(run.stdout).toContain('Review comments: 0 new, 0 unchanged, 0 edited, 0 deleted, 0 stale but replied to, 0 refused, 3 not posted.')
      expect(run.stdout).toMatch(/^POST \/repos\/acme\/platform\/pulls\/42\/reviews failed: HTTP 403 Resource not accessible by integration \(x-github-request-id: F4KE:[0-9A-F]{4}:[0-9A-F]{6}\)$/m)
      expect(run.summary).toMatch(/Review comments could not all be posted: POST \/repos\/acme\/platform\/pulls\/42\/reviews failed: HTTP 403/)
      expect(run.summary).toContain('## gloo-harden: 2 errors, 2 warnings, 1 notice')
      expect(run.outputs.conclusion).toBe('failure')
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })

  it('without checks: write: a commit status named like the check, annotations in the log', async () => {
    const workspace = makeWorkspace(KEEP)
    const fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace), deny: ['checks'] })
    try {
      const run = await runAction(entry, { fake, workspace, inputs: { 'check-name': 'gloo / harden' } })
      expect(run.code).toBe(1)
      expect(fake.reviews).toHaveLength(1)
      // No check run exists: the review points at what does, the workflow run's job summary.
      expect(fake.reviews[0].body).toBe(
        '**gloo-harden** left 3 comments on the lines this pull request changes (5 findings in all; see the job summary of [the workflow run](https://github.com/acme/platform/actions/runs/9876543210)).'
      )
      expect(fake.statuses).toEqual([
        { sha: HEAD_SHA, state: 'failure', context: 'gloo / harden', description: '2 errors, 2 warnings, 1 notice', target_url: 'https://github.com/acme/platform/actions/runs/9876543210' }
      ])
      // The two findings without a review comment, as workflow commands since a status has no annotations.
      expect(workflowCommands(run.stdout).map((l) => l.slice(0, l.indexOf(',endLine')))).toEqual(['::error file=gloo/gateway-proxy-sa.yaml,line=5', '::notice file=gloo/values.yaml,line=9'])
      expect(run.stdout).toContain("::warning::The token cannot write check runs; the result is the commit status 'gloo / harden' instead")
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })
})

describe('placing comments on the head commit', () => {
  it('reads a changed file from the head commit when the checkout is the merge commit', async () => {
    const workspace = makeWorkspace(KEEP)
    const fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
    // The base branch gained a header line since the PR branched: the merge commit's copy is one line longer.
    const values = join(workspace, 'gloo/values.yaml')
    writeFileSync(values, '# Owned by the platform team; see CODEOWNERS.\n' + readFileSync(values, 'utf8'))
    try {
      const run = await runAction(entry, { fake, workspace })
      expect(run.code).toBe(1)
      const blob = fake.requests.filter((r) => r.path.includes('/git/blobs/'))
      expect(blob).toHaveLength(1)
      expect(fake.comments.map(where)).toEqual(['gloo/values.yaml:15', 'gloo/settings.yaml:11', 'gloo/values.yaml:13'])
      expect(annotationsOf(fake)).toContain('notice gloo/values.yaml:9 gloo-harden: discovery-enabled')
      expect(fake.checkRun()!.output.summary).toContain('1 changed file differed in the checkout from the pull request head')
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })

  it('recovers from a 422: finds the comment GitHub cannot place, posts the others, annotates the refused one', async () => {
    const workspace = makeWorkspace(KEEP)
    // GitHub's own diff of settings.yaml ends before line 11 (the files endpoint served a longer patch).
    const fake = await startFakeGitHub({
      headSha: HEAD_SHA,
      files: pullFiles(workspace),
      reviewPatches: { 'gloo/settings.yaml': '@@ -0,0 +1,6 @@\n+# Settings\n+apiVersion: gloo.solo.io/v1\n+kind: Settings\n+metadata:\n+  name: default\n+  namespace: gloo-system' }
    })
    try {
      const run = await runAction(entry, { fake, workspace })
      expect(run.code).toBe(1)
      const attempts = fake.requests.filter((r) => r.path.endsWith('/reviews'))
      expect(attempts.map((r) => `${r.status} ${r.body.comments.map((c: { path: string; line: number }) => `${c.path}:${c.line}`).join(' ')}`)).toEqual([
        '422 gloo/values.yaml:15 gloo/settings.yaml:11 gloo/values.yaml:13',
        '422 gloo/values.yaml:15 gloo/settings.yaml:11',
        '200 gloo/values.yaml:15',
        // settings.yaml:11 is not tried alone: its sibling went through, so it is the one refused.
        '200 gloo/values.yaml:13'
      ])
      expect(fake.comments.map(where)).toEqual(['gloo/values.yaml:15', 'gloo/values.yaml:13'])
      // Each review's body counts the comments it holds, not the three planned.
      expect(fake.reviews.map((r) => `${r.comments.length}: ${r.body}`)).toEqual([
        '1: **gloo-harden** left 1 comment on the lines this pull request changes (5 findings in all; see the check run).',
        '1: gloo-harden (continued): 1 more comment on this pull request.'
      ])
      expect(annotationsOf(fake)).toEqual([
        'failure gloo/gateway-proxy-sa.yaml:5 gloo-harden: proxy-token-automount',
        'warning gloo/settings.yaml:11 gloo-harden: validation-always-accept',
        'notice gloo/values.yaml:9 gloo-harden: discovery-enabled'
      ])
      const summary = fake.checkRun()!.output.summary!
      expect(summary).toContain('### Review comments GitHub rejected')
      expect(summary).toMatch(/gloo\/settings\.yaml:11.*GitHub could not place the comment \(Unprocessable Entity: Line could not be resolved\)/)
      expect(run.stdout).toContain('::warning::GitHub refused 1 review comment (Unprocessable Entity: Line could not be resolved)')
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })
})

describe('other events and a flaky API', () => {
  it('workflow_dispatch: the whole workspace on GITHUB_SHA, no review, annotations in batches of 50', async () => {
    const workspace = makeWorkspace(KEEP)
    // 60 tenant namespaces, each with the proxy ServiceAccount as `helm template` renders it.
    const tenants = Array.from({ length: 60 }, (_, i) => `tenant-${String(i + 1).padStart(2, '0')}`)
    writeFileSync(
      join(workspace, 'platform/tenants.yaml'),
      tenants.map((t) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n  namespace: ${t}\n`).join('')
    )
    const fake = await startFakeGitHub({ headSha: HEAD_SHA })
    const sha = '0123456789abcdef0123456789abcdef01234567'
    try {
      const run = await runAction(entry, { fake, workspace, eventName: 'workflow_dispatch', sha })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(1)
      expect(fake.requests.filter((r) => r.path.includes('/pulls/'))).toEqual([])
      const check = fake.checkRun()!
      expect(check.head_sha).toBe(sha)
      // 60 + the legacy values file + the 5 findings of the PR's files: the whole repository is reported.
      expect(check.annotations).toHaveLength(67)
      const patches = fake.requests.filter((r) => r.method === 'PATCH')
      expect(patches.map((r) => [r.body.conclusion, r.body.output.annotations.length])).toEqual([
        ['failure', 50],
        [undefined, 17]
      ])
      expect(writes(fake)).toEqual(['POST /check-runs 201', `PATCH /check-runs/${check.id} 200`, `PATCH /check-runs/${check.id} 200`])
      expect(check.annotations.filter((a) => a.path === 'platform/tenants.yaml').map((a) => a.start_line)).toEqual(tenants.map((_, i) => 6 * i + 5))
      expect(run.outputs.findings).toBe('67')
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })

  it('retries server errors, a reset connection and a secondary rate limit, then reports as usual', async () => {
    const workspace = makeWorkspace(KEEP)
    const fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
    fake.inject({ method: 'GET', path: /\/pulls\/42\/files$/, times: 1, kind: 500 })
    fake.inject({ method: 'POST', path: /\/check-runs$/, times: 1, kind: 'reset' })
    fake.inject({ method: 'POST', path: /\/reviews$/, times: 1, kind: 'secondary-rate-limit', retryAfter: 1 })
    try {
      const run = await runAction(entry, { fake, workspace })
      expect(run.code).toBe(1)
      expect(fake.requests.map((r) => `${r.method} ${r.path.split('/').slice(4).join('/')} ${r.status}`)).toEqual([
        'POST check-runs -1',
        'POST check-runs 201',
        'GET pulls/42/files 500',
        'GET pulls/42/files 200',
        'GET contents/gloo/proxy-sa.yaml 404',
        'GET contents/gloo/values.yaml 404',
        'GET contents/gloo/old-values.yaml 404',
        'GET pulls/42/comments 200',
        'POST pulls/42/reviews 403',
        'POST pulls/42/reviews 200',
        `PATCH check-runs/${fake.checkRun()!.id} 200`
      ])
      expect(fake.comments).toHaveLength(3)
      expect(fake.checkRuns).toHaveLength(1)
      expect(fake.checkRun()!.conclusion).toBe('failure')
      expect(run.stdout).toContain('::warning::GitHub API secondary rate limit (POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews); retrying in 1s.')
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  })
})
