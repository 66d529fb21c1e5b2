/**
 * End to end: the gate judges what a pull request changes, not the debt it inherits. The bundled action under
 * Node 24 reads each changed file at the PR's base commit too (through the contents API of the fake GitHub, or
 * from the checkout's git history), matches findings by fingerprint, comments only on new ones and lists the
 * rest in the summary.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { actionEntry, changedFile, HEAD_SHA, makeWorkspace, pullRequestEvent, removeWorkspace, ROOT, runAction, writeEvent, type ActionRun } from '../../__fixtures__/e2e/harness.js'
import { entryWithEnv, FAST_API } from '../../__fixtures__/e2e/scenarios.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/fake-github.js'

const KEEP = ['proxy-token-automount', 'validation-always-accept', 'discovery-enabled', 'file-unreadable']
const BASE_SHA = 'ba5e0000d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a1'
const PATH = 'gloo/values.yaml'
/**
 * Production values as teams keep them: three findings from chart defaults and choices — an error (the proxy
 * mounts an API token, line 15), a warning (the webhook accepts invalid resources, line 13), a notice
 * (discovery is on, line 9).
 */
const BASE = readFileSync(join(ROOT, '__fixtures__/e2e/gate/values.yaml'), 'utf8')

let entry = ''
let cleanup = () => {}
beforeAll(async () => {
  ;({ entry, cleanup } = await actionEntry())
}, 300_000)
afterAll(() => cleanup())

let fake: FakeGitHub | undefined
let workspace = ''
afterEach(async () => {
  await fake?.stop()
  fake = undefined
  if (workspace) removeWorkspace(workspace)
  workspace = ''
})

/** A PR that changes gloo/values.yaml from `base` to `head`; the workspace holds the head. */
async function pr(base: string | undefined, head: string, options: { inputs?: Record<string, string>; baseSha?: string } = {}): Promise<ActionRun> {
  workspace = makeWorkspace(KEEP)
  writeFileSync(join(workspace, PATH), head)
  fake = await startFakeGitHub({ headSha: HEAD_SHA, baseSha: options.baseSha ?? BASE_SHA, files: [changedFile(PATH, base, head)], baseFiles: base === undefined ? {} : { [PATH]: base } })
  const eventPath = writeEvent(
    workspace,
    'pull_request.json',
    pullRequestEvent((p) => {
      p.pull_request.changed_files = 1
      p.pull_request.base.sha = options.baseSha ?? BASE_SHA
    })
  )
  return runAction(entry, { fake, workspace, eventPath, inputs: options.inputs })
}

const annotations = (f: FakeGitHub): string[] => f.checkRun()!.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line} ${a.title.replace('gloo-harden: ', '')}`)
const contentRequests = (f: FakeGitHub): string[] => f.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${r.path.split('/contents/')[1]}?ref=${r.query.ref} ${r.status}`)
const suggestion = (body: string): string | undefined => /```suggestion\n([\s\S]*?)\n```/.exec(body)?.[1]

describe('gate: new (the default)', () => {
  it('an unrelated change in a file with pre-existing errors passes, with no comment, and lists the debt in the summary', async () => {
    const run = await pr(BASE, BASE.replace('replicas: 2', 'replicas: 3'))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(contentRequests(fake!)).toEqual([`gloo/values.yaml?ref=${BASE_SHA} 200`])
    expect(fake!.comments).toEqual([])
    expect(fake!.reviews).toEqual([])
    const check = fake!.checkRun()!
    expect(check.conclusion).toBe('neutral')
    expect(check.output.title).toBe('gloo-harden: no new findings (3 findings already on the base branch)')
    // The debt: notices at most (the most severe first), and named as such.
    expect(annotations(fake!)).toEqual([
      'notice gloo/values.yaml:15 proxy-token-automount (already on the base branch)',
      'notice gloo/values.yaml:13 validation-always-accept (already on the base branch)',
      'notice gloo/values.yaml:9 discovery-enabled (already on the base branch)'
    ])
    for (const summary of [check.output.summary!, run.summary]) {
      expect(summary).toContain('**Passed**: no new findings; fails on error and above. 3 findings were already on the base branch and are not judged (gate: new).')
      expect(summary).toContain('<details>\n<summary>3 findings were already on the base branch (not judged: gate is new)</summary>')
      expect(summary).toMatch(/\| \[`proxy-token-automount`\]\([^)]*\) \| 1 \| 1 error, 0 warnings, 0 notices \|/)
      expect(summary).toMatch(/\| \[`validation-always-accept`\]\([^)]*\) \| 1 \| 0 errors, 1 warning, 0 notices \|/)
      expect(summary).not.toContain('### Findings')
    }
    expect(run.outputs).toEqual({ findings: '3', 'new-findings': '0', errors: '1', warnings: '1', notices: '1', conclusion: 'neutral' })
    expect(run.stdout).toContain('Baseline: 1 changed file read at the base commit ba5e0000d3e2 (through the API); 0 new, 3 existing, 0 fixed.')
  })

  it('a pull request that adds an error fails with one suggestion comment on it, and none on the debt around it', async () => {
    const base = BASE.replace('disableAutomount: false', 'disableAutomount: true')
    const run = await pr(base, BASE)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 1 new finding at or above fail-on 'error' (2 findings already on the base branch are not judged).")
    // Line 13 (the warning) is inside the same hunk: it is debt, so it gets no comment in filter-mode file.
    expect(fake!.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['gloo/values.yaml:15'])
    expect(suggestion(fake!.comments[0].body)).toBe('    disableAutomount: true')
    expect(fake!.reviews.map((r) => r.body)).toEqual([
      '**gloo-harden** left 1 comment on the lines this pull request changes (1 finding in all; 2 findings already on the base branch get no comment; see the check run).'
    ])
    const check = fake!.checkRun()!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe('gloo-harden: 1 error (2 findings already on the base branch)')
    expect(annotations(fake!)).toEqual(['notice gloo/values.yaml:13 validation-always-accept (already on the base branch)', 'notice gloo/values.yaml:9 discovery-enabled (already on the base branch)'])
    expect(check.output.summary).toContain('**Failed**: 1 new finding (1 error, 0 warnings, 0 notices); fails on error and above. 2 findings were already on the base branch and are not judged (gate: new).')
    expect(check.output.summary).toMatch(/### Findings\n\n\| Severity \| Rule \| Location \| Message \|\n\|---\|---\|---\|---\|\n\| 🛑 error \| \[`proxy-token-automount`\]/)
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '1', conclusion: 'failure' })
  })

  it('a pull request that only shifts lines is quiet: every finding matches its base by fingerprint', async () => {
    const head = BASE.replace('global:\n', '# Owners: platform team (#platform-gloo).\n# Change window: Tuesdays 10:00-12:00 UTC.\n# Runbook: docs/gloo/runbook.md\n# Chart: gloo 1.17.4\n\nglobal:\n')
    const run = await pr(BASE, head)
    expect(run.code).toBe(0)
    expect(fake!.comments).toEqual([])
    expect(fake!.reviews).toEqual([])
    expect(fake!.checkRun()!.conclusion).toBe('neutral')
    // The same three findings, five lines further down.
    expect(annotations(fake!).map((a) => a.split(' ')[1])).toEqual(['gloo/values.yaml:20', 'gloo/values.yaml:18', 'gloo/values.yaml:14'])
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '0', conclusion: 'neutral' })
  })

  it('a pull request that fixes debt passes, and its summary says so and thanks the author', async () => {
    const head = BASE.replace('alwaysAcceptResources: true', 'alwaysAcceptResources: false').replace('disableAutomount: false', 'disableAutomount: true')
    const run = await pr(BASE, head)
    expect(run.code).toBe(0)
    expect(fake!.comments).toEqual([])
    for (const summary of [fake!.checkRun()!.output.summary!, run.summary]) {
      expect(summary).toContain('### Fixed\n\nThis pull request fixes 2 findings that were on the base branch (1 error, 1 warning, 0 notices):')
      // Linked where they were: the base commit.
      expect(summary).toContain(`- [\`gloo/values.yaml:15\`](https://github.com/acme/platform/blob/${BASE_SHA}/gloo/values.yaml#L15) [\`proxy-token-automount\`]`)
      expect(summary).toContain(`- [\`gloo/values.yaml:13\`](https://github.com/acme/platform/blob/${BASE_SHA}/gloo/values.yaml#L13) [\`validation-always-accept\`]`)
      expect(summary).toContain('Thank you for paying down this debt!')
      expect(summary).toContain('<summary>1 finding was already on the base branch (not judged: gate is new)</summary>')
    }
    expect(run.stdout).toContain('0 new, 1 existing, 2 fixed.')
    expect(run.outputs).toMatchObject({ findings: '1', 'new-findings': '0', conclusion: 'neutral' })
  })

  it('a file the pull request adds has no base version: all its findings are new, and no base request is made', async () => {
    const run = await pr(undefined, BASE)
    expect(run.code).toBe(1)
    expect(contentRequests(fake!)).toEqual([])
    expect(fake!.comments.map((c) => c.line)).toEqual([15, 13, 9])
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '3', conclusion: 'failure' })
  })

  it('a base that cannot be read (5xx after the retries) fails closed: the findings count as new, and the summary says why', async () => {
    workspace = makeWorkspace(KEEP)
    const head = BASE.replace('replicas: 2', 'replicas: 3')
    writeFileSync(join(workspace, PATH), head)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, baseSha: BASE_SHA, files: [changedFile(PATH, BASE, head)], baseFiles: { [PATH]: BASE } })
    fake.inject({ method: 'GET', path: /\/contents\//, times: 4, kind: 502 })
    const { entry: fast, cleanup: done } = entryWithEnv(entry, FAST_API)
    try {
      const run = await runAction(fast, { fake, workspace, eventPath: writeEvent(workspace, 'pr.json', pullRequestEvent((p) => (p.pull_request.changed_files = 1))) })
      expect(run.code).toBe(1)
      expect(contentRequests(fake).map((r) => r.split(' ')[1])).toEqual(['502', '502', '502', '502'])
      expect(fake.checkRun()!.output.summary).toMatch(/> 1 changed file could not be read at the base commit, so all its findings count as new: gloo\/values\.yaml \(GET \/repos\/acme\/platform\/contents\/gloo\/values\.yaml\?ref=ba5e0000[0-9a-f]+ failed: HTTP 502 Bad Gateway/)
      expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '3', conclusion: 'failure' })
    } finally {
      done()
    }
  })
})

describe('gate: all', () => {
  it('fails on the debt as before, still without comments on it', async () => {
    const run = await pr(BASE, BASE.replace('replicas: 2', 'replicas: 3'), { inputs: { gate: 'all' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 1 finding at or above fail-on 'error'.")
    expect(fake!.comments).toEqual([])
    const check = fake!.checkRun()!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe('gloo-harden: 1 error, 1 warning, 1 notice (3 findings already on the base branch)')
    // Judged, so shown at their own severity.
    expect(annotations(fake!)).toEqual([
      'failure gloo/values.yaml:15 proxy-token-automount (already on the base branch)',
      'warning gloo/values.yaml:13 validation-always-accept (already on the base branch)',
      'notice gloo/values.yaml:9 discovery-enabled (already on the base branch)'
    ])
    expect(check.output.summary).toContain('**Failed**: 3 findings (1 error, 1 warning, 1 notice); fails on error and above. 3 findings were already on the base branch (gate: all judges them too).')
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '0', conclusion: 'failure' })
  })
})

describe('the base from the checkout', () => {
  it('reads the base commit from the git history when the checkout has it: no contents request', async () => {
    workspace = makeWorkspace(KEEP)
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: workspace } }).trim()
    writeFileSync(join(workspace, PATH), BASE)
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    const baseSha = git('rev-parse', 'HEAD')
    const head = BASE.replace('replicas: 2', 'replicas: 3')
    writeFileSync(join(workspace, PATH), head)
    git('commit', '-q', '-am', 'head')
    // The API would answer 404 for the base (no baseFiles): only the history can tell the debt.
    fake = await startFakeGitHub({ headSha: HEAD_SHA, baseSha, files: [changedFile(PATH, BASE, head)] })
    const run = await runAction(entry, {
      fake,
      workspace,
      eventPath: writeEvent(workspace, 'pr.json', pullRequestEvent((p) => ((p.pull_request.changed_files = 1), (p.pull_request.base.sha = baseSha))))
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(contentRequests(fake)).toEqual([])
    expect(run.stdout).toContain(`Baseline: 1 changed file read at the base commit ${baseSha.slice(0, 12)} (from the checkout's history); 0 new, 3 existing, 0 fixed.`)
    expect(fake.comments).toEqual([])
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '0', conclusion: 'neutral' })
  })
})
