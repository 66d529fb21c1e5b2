/**
 * The glue, as in actions/typescript-action: @actions/core replaced by typed fakes, then run() in-process
 * against the fake GitHub API (the client without write pacing, so the suite stays fast).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as core from '../__fixtures__/core.js'
import { HEAD_SHA, makeWorkspace, MERGE_SHA, pullFiles, pullRequestEvent, removeWorkspace, TOKEN, writeEvent } from '../__fixtures__/e2e/harness.js'
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../__fixtures__/fake-github.js'

vi.mock('@actions/core', async () => await import('../__fixtures__/core.js'))
vi.mock('../src/github/client.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../src/github/client.js')>()
  class UnpacedClient extends mod.GitHubClient {
    constructor(...[repo, options]: ConstructorParameters<typeof mod.GitHubClient>) {
      super(repo, { ...options, throttle: false, retryAfterBaseValue: 1 })
    }
  }
  return { ...mod, GitHubClient: UnpacedClient }
})

const { run, unreadableFinding } = await import('../src/main.js')
const { defaultConfig } = await import('../src/engine/config.js')
const { parseSize, splitGlobs } = await import('../src/inputs.js')

const KEEP = ['proxy-token-automount', 'validation-always-accept', 'discovery-enabled']
const EVENT = resolve(__dirname, '../__fixtures__/e2e/pull_request.opened.json')

let fake: FakeGitHub | undefined
let workspace: string | undefined
let stdout: string[] = []

beforeEach(() => {
  core.reset()
  stdout = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(async () => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  await fake?.stop()
  fake = undefined
  if (workspace) removeWorkspace(workspace)
  workspace = undefined
})

/** A pull_request run of the fixture PR: workspace, fake API, runner variables and `with:` inputs. */
async function setup(options: { inputs?: Record<string, string>; files?: (ws: string) => FakePullFile[]; event?: string; payload?: unknown; eventName?: string; fakeOptions?: object } = {}) {
  workspace = makeWorkspace(KEEP)
  const ws = workspace
  fake = await startFakeGitHub({ headSha: HEAD_SHA, files: (options.files ?? pullFiles)(ws), ...options.fakeOptions })
  const vars: Record<string, string> = {
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: options.payload ? writeEvent(ws, 'event.json', options.payload) : (options.event ?? EVENT),
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_WORKSPACE: ws,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_STEP_SUMMARY: join(ws, 'summary.md'),
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTION_REF: ''
  }
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v)
  core.withInputs({ 'github-token': TOKEN, ...options.inputs })
  return { fake, workspace: ws }
}

const failed = (): string[] => core.setFailed.mock.calls.map(([m]) => String(m))

describe('inputs', () => {
  it.each([
    [{ 'fail-on': 'fatal' }, "Input 'fail-on': 'fatal' is not one of error, warning, notice, never"],
    [{ 'filter-mode': 'diff' }, "Input 'filter-mode': 'diff' is not one of added, diff_context, file, nofilter"],
    [{ 'max-comments': '-1' }, "Input 'max-comments': '-1' is not a whole number ≥ 0"],
    [{ gate: 'strict' }, "Input 'gate': 'strict' is not one of new, all"],
    [{ 'max-annotations': '1e3' }, "Input 'max-annotations': '1e3' is not a whole number ≥ 0"],
    [{ scan: 'everything' }, "Input 'scan': 'everything' is not one of changed, all"],
    [{ 'max-file-size': '5 GB' }, "Input 'max-file-size': '5 GB' is not a size (bytes, or a number with k/KB/M/MB)"],
    [{ 'max-file-size': '0' }, "Input 'max-file-size': must be greater than 0"],
    [{ 'gloo-version': 'latest' }, "Input 'gloo-version': 'latest' is not a chart version such as 1.17.4"],
    [{ config: '../secrets.yml' }, "Input 'config': '../secrets.yml' must not leave the repository ('..')"],
    [{ config: '/etc/gloo-harden.yml' }, "Input 'config': '/etc/gloo-harden.yml' must be relative to the repository root"],
    [{ 'github-token': '' }, "Input 'github-token': is empty; pass ${{ github.token }} or a token with checks: write and pull-requests: write"]
  ])('%j fails the run, naming the input, before any API call', async (inputs, message) => {
    const { fake } = await setup({ inputs })
    await run()
    expect(failed()).toEqual([message])
    expect(fake.requests).toEqual([])
  })

  it('reads globs one a line or comma-separated, keeping braces whole', () => {
    expect(splitGlobs('gloo/**/*.yaml, charts/*/values.{yaml,yml}\n\n  # a comment\nplatform/**')).toEqual(['gloo/**/*.yaml', 'charts/*/values.{yaml,yml}', 'platform/**'])
  })

  it.each([
    ['524288', 524288],
    ['512k', 524288],
    ['5MB', 5 * 1024 * 1024],
    ['1.5 MiB', 1572864]
  ])('max-file-size %s is %d bytes', (value, bytes) => {
    expect(parseSize('max-file-size', value)).toBe(bytes)
  })

  it('masks the token', async () => {
    await setup({ inputs: { 'fail-on': 'never' } })
    await run()
    expect(core.setSecret).toHaveBeenCalledWith(TOKEN)
  })
})

describe('run', () => {
  it('sets the outputs, writes the job summary and fails the job by the findings', async () => {
    const { fake } = await setup()
    await run()
    expect(core.outputs()).toEqual({ findings: 5, 'new-findings': 5, errors: 2, warnings: 2, notices: 1, conclusion: 'failure' })
    expect(failed()).toEqual(["gloo-harden: 2 findings at or above fail-on 'error'."])
    expect(core.summaryText).toHaveLength(1)
    expect(core.summaryText[0]).toMatch(/^## gloo-harden: 2 errors, 2 warnings, 1 notice\n/)
    expect(fake.comments).toHaveLength(3)
    expect(fake.checkRun()!.head_sha).toBe(HEAD_SHA)
  })

  it('fail-on warning counts warnings too; fail-on never passes', async () => {
    await setup({ inputs: { 'fail-on': 'warning' } })
    await run()
    expect(failed()).toEqual(["gloo-harden: 4 findings at or above fail-on 'warning'."])
    await fake!.stop()
    removeWorkspace(workspace!)
    core.reset()
    await setup({ inputs: { 'fail-on': 'never' } })
    await run()
    expect(failed()).toEqual([])
    expect(core.outputs().conclusion).toBe('neutral')
    expect(fake!.checkRun()!.conclusion).toBe('neutral')
  })

  it('filter-mode added reports only findings on added lines', async () => {
    const { fake } = await setup({ inputs: { 'filter-mode': 'added' } })
    await run()
    expect(core.outputs()).toMatchObject({ findings: 3, errors: 1, warnings: 2, notices: 0 })
    expect(fake.checkRun()!.annotations).toEqual([])
  })

  it('paths and exclude choose the files; the config file is never linted', async () => {
    const { fake } = await setup({ inputs: { paths: 'gloo/**', exclude: 'gloo/settings.yaml' } })
    await run()
    expect(core.outputs()).toMatchObject({ findings: 4, errors: 2, warnings: 1, notices: 1 })
    expect(fake.comments.map((c) => c.path)).toEqual(['gloo/values.yaml', 'gloo/values.yaml'])
  })

  it('max-comments caps the review; the rest are named in the review body and annotated', async () => {
    const { fake } = await setup({ inputs: { 'max-comments': '1' } })
    await run()
    expect(fake.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['gloo/values.yaml:15'])
    expect(fake.reviews[0].body).toContain('2 more findings in the diff are over the comment limit (max-comments):')
    expect(fake.reviews[0].body).toContain('- `gloo/settings.yaml:11` `validation-always-accept`: Settings \'default\' accepts invalid resources')
    expect(fake.checkRun()!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['gloo/gateway-proxy-sa.yaml:5', 'gloo/settings.yaml:11', 'gloo/values.yaml:13', 'gloo/values.yaml:9'])
    expect(fake.checkRun()!.output.summary).toContain('### Not posted as review comments')
  })

  it('max-comments 0 posts no review at all', async () => {
    const { fake } = await setup({ inputs: { 'max-comments': '0' } })
    await run()
    expect(fake.requests.filter((r) => r.path.endsWith('/reviews'))).toEqual([])
    expect(fake.checkRun()!.annotations).toHaveLength(5)
  })

  it('scan: all on a pull request checks the whole repository, without a review, on the head sha', async () => {
    const { fake } = await setup({ inputs: { scan: 'all' } })
    await run()
    expect(fake.requests.filter((r) => r.path.includes('/pulls/'))).toEqual([])
    expect(core.outputs()).toMatchObject({ findings: 7 })
    expect(fake.checkRun()!.head_sha).toBe(HEAD_SHA)
    expect(fake.checkRun()!.annotations.map((a) => a.path)).toContain('platform/legacy/values.yaml')
  })

  it('writes SARIF where sarif-file says and names it in the outputs', async () => {
    const { workspace } = await setup({ inputs: { 'sarif-file': 'reports/gloo-harden.sarif' } })
    await run()
    const path = join(workspace, 'reports/gloo-harden.sarif')
    expect(core.outputs()['sarif-file']).toBe(path)
    const sarif = JSON.parse(readFileSync(path, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}`).sort()).toEqual([
      'discovery-enabled@9',
      'proxy-token-automount@15',
      'proxy-token-automount@5',
      'validation-always-accept@11',
      'validation-always-accept@13'
    ])
  })

  it('pull_request_target with the base checked out: a file the PR adds is read from the head commit', async () => {
    const { fake, workspace } = await setup({ eventName: 'pull_request_target' })
    rmSync(join(workspace, 'gloo/settings.yaml'))
    await run()
    expect(fake.requests.filter((r) => r.path.includes('/git/blobs/')).map((r) => r.status)).toEqual([200])
    expect(fake.comments.map((c) => `${c.path}:${c.line}`)).toContain('gloo/settings.yaml:11')
    expect(fake.checkRun()!.output.summary).toContain('1 changed file differed in the checkout from the pull request head')
  })

  it('a push that reverts every manifest change passes and deletes the earlier comments', async () => {
    const { fake } = await setup()
    await run()
    expect(fake.comments).toHaveLength(3)
    core.reset()
    core.withInputs({ 'github-token': TOKEN })
    const head = 'ab'.repeat(20)
    fake.push(head, pullFiles(workspace!).filter((f) => f.filename === 'README.md'))
    vi.stubEnv('GITHUB_EVENT_PATH', writeEvent(workspace!, 'synchronize.json', pullRequestEvent((p) => (p.pull_request.head.sha = head))))
    await run()
    expect(failed()).toEqual([])
    expect(core.outputs()).toEqual({ findings: 0, 'new-findings': 0, errors: 0, warnings: 0, notices: 0, conclusion: 'success' })
    expect(fake.comments).toEqual([])
    expect(fake.checkRun()).toMatchObject({ head_sha: head, conclusion: 'success', output: { title: 'gloo-harden: no findings' } })
  })

  it('says so when the pull request has more files than the API lists', async () => {
    const { fake } = await setup({
      payload: pullRequestEvent((p) => (p.pull_request.changed_files = 3500)),
      files: (ws) => [...pullFiles(ws), ...Array.from({ length: 3495 }, (_, i): FakePullFile => ({ filename: `docs/generated/page-${i}.md`, status: 'added' }))]
    })
    await run()
    expect(fake.checkRun()!.output.summary).toContain("> This pull request changes 3,500 files; GitHub's API lists only the first 3,000, so the rest were not checked.")
  })
})

describe('the baseline of a pull request', () => {
  it('findings the base commit has are existing: no comment, no failure, counted apart', async () => {
    // The base had values.yaml as the PR head has it: every finding in it is debt.
    const { fake } = await setup({ fakeOptions: { baseFiles: {} } })
    fake.baseFiles['gloo/values.yaml'] = readFileSync(join(workspace!, 'gloo/values.yaml'), 'utf8')
    await run()
    // Left to judge: the renamed file (its old name has no base: 404) and the added Settings.
    expect(core.outputs()).toEqual({ findings: 5, 'new-findings': 2, errors: 2, warnings: 2, notices: 1, conclusion: 'failure' })
    expect(failed()).toEqual(["gloo-harden: 1 new finding at or above fail-on 'error' (3 findings already on the base branch are not judged)."])
    expect(fake.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['gloo/settings.yaml:11'])
    expect(fake.checkRun()!.output.title).toBe('gloo-harden: 1 error, 1 warning (3 findings already on the base branch)')
    expect(core.summaryText[0]).toContain('<summary>3 findings were already on the base branch (not judged: gate is new)</summary>')
  })

  it('gate all judges the debt too, still without comments on it', async () => {
    const { fake } = await setup({ inputs: { gate: 'all' } })
    fake.baseFiles['gloo/values.yaml'] = readFileSync(join(workspace!, 'gloo/values.yaml'), 'utf8')
    await run()
    expect(failed()).toEqual(["gloo-harden: 2 findings at or above fail-on 'error'."])
    expect(fake.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['gloo/settings.yaml:11'])
  })

  it('a changed file nobody can read is an error of file-unreadable on its first line, unless the config turns the rule off', () => {
    expect(unreadableFinding('gloo/values.yaml', 'it is not in the checkout, and the API failed (HTTP 502).', defaultConfig())).toMatchObject({
      ruleId: 'file-unreadable',
      messageId: 'unreadable',
      severity: 'error',
      message: 'gloo/values.yaml could not be read, so it was not checked: it is not in the checkout, and the API failed (HTTP 502).',
      path: 'gloo/values.yaml',
      span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/)
    })
    expect(unreadableFinding('gloo/values.yaml', 'gone', { ...defaultConfig(), rules: { 'file-unreadable': 'off' } })).toBeUndefined()
    expect(unreadableFinding('gloo/values.yaml', 'gone', { ...defaultConfig(), rules: { 'file-unreadable': 'warning' } })?.severity).toBe('warning')
  })
})

describe('configuration and failures', () => {
  it('applies the config file: a rule turned off, a severity changed', async () => {
    const { workspace } = await setup()
    const config = join(workspace, '.github/gloo-harden.yml')
    writeFileSync(config, readFileSync(config, 'utf8').replace('rules:\n', 'rules:\n  proxy-token-automount: warning\n  discovery-enabled: off\n'))
    await run()
    expect(core.outputs()).toMatchObject({ findings: 4, errors: 0, warnings: 4, notices: 0, conclusion: 'neutral' })
    expect(failed()).toEqual([])
  })

  it('a bad config file fails the run and completes the check as failed', async () => {
    const { fake, workspace } = await setup()
    writeFileSync(join(workspace, '.github/gloo-harden.yml'), 'rules:\n  proxy-token-automount: fatal\n')
    await run()
    expect(failed()).toEqual([".github/gloo-harden.yml: rules.proxy-token-automount: 'fatal' is not one of off, notice, warning, error"])
    expect(fake.checkRun()).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'gloo-harden could not run' } })
  })

  it('a config file named in the inputs must exist; the default one may be missing', async () => {
    const { workspace } = await setup({ inputs: { config: 'ci/gloo-harden.yml' } })
    await run()
    expect(failed()).toEqual(["ci/gloo-harden.yml (input 'config'): it does not exist (or is a broken symlink)"])
    core.reset()
    rmSync(join(workspace, '.github'), { recursive: true })
    core.withInputs({ 'github-token': TOKEN })
    await run()
    expect(core.outputs().findings).toBeGreaterThan(5)
    // The runner passes action.yml's default as a value: the default path stays optional.
    core.reset()
    core.withInputs({ 'github-token': TOKEN, config: '.github/gloo-harden.yml' })
    await run()
    expect(failed()).toEqual(["gloo-harden: 2 findings at or above fail-on 'error'."])
    expect(core.outputs().findings).toBeGreaterThan(5)
  })

  it('an API failure names the call, the status and the request id, never the token', async () => {
    const { fake } = await setup({ payload: pullRequestEvent((p) => (p.number = p.pull_request.number = 43)) })
    await run()
    const files = fake.requests.find((r) => r.path.endsWith('/pulls/43/files'))!
    expect(failed()).toEqual([`GET /repos/acme/platform/pulls/43/files failed: HTTP 404 Not Found (x-github-request-id: ${files.requestId})`])
    expect(JSON.stringify([core.setFailed.mock.calls, core.info.mock.calls, core.warning.mock.calls, stdout])).not.toContain(TOKEN)
    expect(fake.checkRun()).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(fake.checkRun()!.output.summary).toContain('HTTP 404 Not Found')
  })

  it('a missing event payload is a clear error', async () => {
    await setup({ event: '/nonexistent/event.json' })
    await run()
    expect(failed()).toEqual(['GITHUB_EVENT_PATH /nonexistent/event.json does not exist'])
  })
})
