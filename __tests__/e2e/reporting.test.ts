/**
 * End to end: reporting defects of issue 11 — the job's failure reason within GitHub's per-step annotation
 * caps on a read-only token, a changed file nobody can read failing the gate, and max-annotations.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { actionEntry, changedFile, HEAD_SHA, makeWorkspace, pullFiles, removeWorkspace, runAction, workflowCommands } from '../../__fixtures__/e2e/harness.js'
import { entryWithEnv, eventFor, FAST_API } from '../../__fixtures__/e2e/scenarios.js'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/fake-github.js'

const KEEP = ['proxy-token-automount', 'validation-always-accept', 'discovery-enabled', 'file-unreadable']

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
let workspace = ''
afterEach(async () => {
  await fake?.stop()
  fake = undefined
  if (workspace) removeWorkspace(workspace)
  workspace = ''
})

/** `helm template` output for n tenant namespaces: each proxy ServiceAccount mounts its token (an error each). */
const tenants = (n: number): string =>
  Array.from({ length: n }, (_, i) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n  namespace: tenant-${String(i + 1).padStart(2, '0')}\n`).join('')

describe('a read-only token (fork, Dependabot): GitHub keeps 10 error, 10 warning and 10 notice lines a step', () => {
  it('the findings leave room for the job’s own warning and its failure reason, which always shows', async () => {
    workspace = makeWorkspace(KEEP)
    const text = tenants(12)
    writeFileSync(join(workspace, 'platform/tenants.yaml'), text)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, readOnly: true, files: [changedFile('platform/tenants.yaml', undefined, text)] })
    const run = await runAction(entry, { fake, workspace, eventPath: eventFor(fake, workspace) })
    expect(run.code).toBe(1)
    // Every annotation line of the step: the findings' (with properties) and the action's own (`::error::…`).
    const lines = run.stdout.split('\n').filter((l) => /^::(error|warning|notice)[ :]/.test(l))
    const errors = lines.filter((l) => l.startsWith('::error'))
    const warnings = lines.filter((l) => l.startsWith('::warning'))
    expect(workflowCommands(run.stdout).filter((l) => l.startsWith('::error'))).toHaveLength(9)
    expect(errors).toHaveLength(10)
    expect(warnings.length).toBeLessThanOrEqual(10)
    // Nine findings, then the reason GitHub shows for the failed job: the line it used to drop as the 11th.
    expect(errors.filter((l) => l.includes('file=platform/tenants.yaml'))).toHaveLength(9)
    expect(errors.at(-1)).toBe("::error::gloo-harden: 12 findings at or above fail-on 'error'.")
    expect(run.stdout).toContain('::notice title=gloo-harden%3A more findings::3 more findings not shown as annotations')
  })
})

describe('a changed file that cannot be read', () => {
  it('not in the checkout, and its blob answers 5xx after the retries: an error on the file, and the gate fails closed', async () => {
    workspace = makeWorkspace(KEEP)
    const files = pullFiles(workspace)
    // pull_request_target checks out the base: the file the PR adds is not there, and GitHub fails to serve it.
    rmSync(join(workspace, 'gloo/settings.yaml'))
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files })
    const settings = files.find((f) => f.filename === 'gloo/settings.yaml')!
    fake.inject({ method: 'GET', path: /\/git\/blobs\//, times: 4, kind: 500 })
    const run = await runAction(entry, { fake, workspace, inputs: { 'fail-on': 'never' } })
    expect(settings.status).toBe('added')
    // fail-on never: only to show the finding's own level; the gate's failure is the next test.
    expect(run.code).toBe(0)
    const comment = fake.comments.find((c) => c.path === 'gloo/settings.yaml')!
    expect(comment.line).toBe(1)
    expect(comment.body).toMatch(/^🛑 \*\*error\*\* · \[`file-unreadable`\]/)
    expect(comment.body).toContain('gloo/settings.yaml could not be read, so it was not checked: it is not in the checkout, and the API failed (GET /repos/acme/platform/git/blobs/')
    expect(fake.checkRun()!.output.summary).toContain('1 changed file could not be read (not in the checkout, and the API failed): gloo/settings.yaml. Each is an error (file-unreadable): the gate fails closed.')
  })

  it('a 404 for its blob fails the check with the reason, instead of passing on a notice', async () => {
    workspace = makeWorkspace(KEEP)
    const text = 'gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n'
    const file = changedFile('gloo/prod-values.yaml', undefined, text)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files: [file] })
    fake.inject({ method: 'GET', path: /\/git\/blobs\//, times: 1, kind: 404 })
    const run = await runAction(entry, { fake, workspace, eventPath: eventFor(fake, workspace) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::gloo-harden: 1 finding at or above fail-on 'error'.")
    expect(fake.checkRun()!.conclusion).toBe('failure')
    expect(fake.checkRun()!.output.title).toBe('gloo-harden: 1 error')
    expect(fake.comments.map((c) => `${c.path}:${c.line} ${/`([a-z-]+)`/.exec(c.body)![1]}`)).toEqual(['gloo/prod-values.yaml:1 file-unreadable'])
    expect(run.outputs).toMatchObject({ findings: '1', errors: '1', conclusion: 'failure' })
  })
})

describe('max-annotations', () => {
  it('caps the check run’s annotations, most severe first; the summary says the rest are listed there', async () => {
    workspace = makeWorkspace(KEEP)
    writeFileSync(join(workspace, 'platform/tenants.yaml'), tenants(60))
    fake = await startFakeGitHub({ headSha: HEAD_SHA })
    const run = await runAction(entry, { fake, workspace, eventName: 'workflow_dispatch', sha: '0123456789abcdef0123456789abcdef01234567', inputs: { 'max-annotations': '20' } })
    expect(run.code).toBe(1)
    const check = fake.checkRun()!
    expect(check.annotations).toHaveLength(20)
    expect(check.annotations.every((a) => a.annotation_level === 'failure')).toBe(true)
    // One request completes the run with its 20 annotations: no pacing through further updates.
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(check.output.summary).toContain('> 47 findings without a review comment are not annotated (max-annotations: 20, most severe and new first); this summary lists them.')
    expect(run.outputs.findings).toBe('67')
  })

  it('rejects a value that is not a whole number, naming the input', async () => {
    workspace = makeWorkspace(KEEP)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files: pullFiles(workspace) })
    const run = await runAction(entry, { fake, workspace, inputs: { 'max-annotations': 'lots' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Input 'max-annotations': 'lots' is not a whole number ≥ 0")
    expect(fake.requests).toEqual([])
  })
})
