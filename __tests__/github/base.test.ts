/** Reading a pull request's files at its base commit: from a real temporary git repository, else through the fake API. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/fake-github.js'
import { readBase, type BaseOptions } from '../../src/github/base.js'
import { GitHubClient } from '../../src/github/client.js'
import { hasCommit, listTree, readBlobs } from '../../src/github/git.js'

const HEAD = 'c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a'
const BASE = 'ba5e0000d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a1'
let fake: FakeGitHub | undefined
const dirs: string[] = []

afterEach(async () => {
  await fake?.stop()
  fake = undefined
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function repo(): { dir: string; git: (...args: string[]) => string; write: (path: string, text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'gloo-harden-git-'))
  dirs.push(root)
  const dir = join(root, 'ws')
  mkdirSync(dir)
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).trim()
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  git('init', '-q', '-b', 'main')
  return { dir, git, write }
}

const clientFor = (f: FakeGitHub) => new GitHubClient({ owner: f.owner, repo: f.repo }, { token: 't', baseUrl: f.url, retryAfterBaseValue: 1, throttle: false })
const isYaml = (p: string) => /\.ya?ml$/.test(p)

describe('git reads', () => {
  it('knows whether the history has a commit, lists its tree and reads blobs in one batch', async () => {
    const { dir, git, write } = repo()
    write('gloo/values.yaml', 'gateway: {}\n')
    write('gloo/empty.yaml', '')
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    const sha = git('rev-parse', 'HEAD')
    expect(await hasCommit(dir, sha)).toBe(true)
    expect(await hasCommit(dir, BASE)).toBe(false)
    expect(await hasCommit(dir, 'HEAD; touch pwned')).toBe(false)
    const tree = await listTree(dir, sha)
    expect([...tree.keys()]).toEqual(['gloo/empty.yaml', 'gloo/values.yaml'])
    expect(tree.get('gloo/values.yaml')).toMatchObject({ mode: '100644', type: 'blob', size: 12 })
    const blobs = await readBlobs(dir, [tree.get('gloo/values.yaml')!.oid, tree.get('gloo/empty.yaml')!.oid, 'f'.repeat(40)])
    expect([...blobs.values()].map((b) => b.toString('utf8'))).toEqual(['gateway: {}\n', ''])
  })

  it('is no repository of its own in a plain folder under a repository', async () => {
    const { dir, git, write } = repo()
    write('a.yaml', 'a: 1\n')
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    const sha = git('rev-parse', 'HEAD')
    mkdirSync(join(dir, 'sub'))
    // GIT_CEILING_DIRECTORIES: git does not walk up from the workspace into the repository around it.
    expect(await hasCommit(join(dir, 'sub'), sha)).toBe(false)
  })
})

describe('readBase from the checkout', () => {
  it('reads changed files at base under their head names, context from the base tree, nothing for an added file', async () => {
    const { dir, git, write } = repo()
    write('gloo/old-name.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n')
    write('gloo/values.yaml', 'discovery:\n  enabled: true\n')
    write('gloo/Chart.yaml', 'apiVersion: v2\nname: umbrella\nversion: 1.0.0\ndependencies:\n  - name: gloo\n    version: 1.17.4\n    repository: https://storage.googleapis.com/solo-public-helm\n')
    write('platform/routes.yaml', 'kind: VirtualService\n')
    write('platform/removed.yaml', 'kind: Upstream\n')
    write('vendor/skip.yaml', 'x: 1\n')
    write('docs/readme.md', 'no\n')
    symlinkSync('../gloo/values.yaml', join(dir, 'platform/link.yaml'))
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    const sha = git('rev-parse', 'HEAD')
    const o: BaseOptions = {
      workspace: dir,
      client: {} as GitHubClient,
      sha,
      files: [
        { path: 'gloo/new-name.yaml', from: 'gloo/old-name.yaml' },
        { path: 'gloo/values.yaml', from: 'gloo/values.yaml' },
        { path: 'gloo/added.yaml', from: 'gloo/added.yaml' }
      ],
      removed: ['platform/removed.yaml'],
      isContext: (p) => isYaml(p) && !p.startsWith('vendor/'),
      maxFileSize: 1024
    }
    const base = await readBase(o)
    expect(base.source).toBe('git')
    expect(base.headContext).toBe(false)
    expect(base.unread).toEqual([])
    expect(base.files.map((f) => [f.path, f.text])).toEqual([
      ['gloo/new-name.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n'],
      ['gloo/values.yaml', 'discovery:\n  enabled: true\n']
    ])
    // The umbrella chart beside the values file, as the checkout reader finds it.
    expect(base.files[1].siblingChart).toContain('name: gloo')
    // The symlink is read through to its target; the removed file is context at base.
    expect(base.context.map((f) => [f.path, f.text])).toEqual([
      ['gloo/Chart.yaml', expect.stringContaining('dependencies')],
      ['platform/link.yaml', 'discovery:\n  enabled: true\n'],
      ['platform/removed.yaml', 'kind: Upstream\n'],
      ['platform/routes.yaml', 'kind: VirtualService\n']
    ])
  })

  it('a file over max-file-size at base is skipped there, as in the checkout', async () => {
    const { dir, git, write } = repo()
    write('gloo/values.yaml', `# ${'x'.repeat(200)}\n`)
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    const base = await readBase({ workspace: dir, client: {} as GitHubClient, sha: git('rev-parse', 'HEAD'), files: [{ path: 'gloo/values.yaml', from: 'gloo/values.yaml' }], removed: [], isContext: isYaml, maxFileSize: 100 })
    expect(base.files).toEqual([{ path: 'gloo/values.yaml', text: '', skipped: 'it is 203 bytes, over max-file-size (100)' }])
  })
})

describe('readBase through the API', () => {
  const options = (client: GitHubClient, extra: Partial<BaseOptions> = {}): BaseOptions => ({
    workspace: mkdtempSync(join(tmpdir(), 'gloo-harden-nogit-')),
    client,
    sha: BASE,
    files: [
      { path: 'gloo/values.yaml', from: 'gloo/values.yaml', siblingChart: 'chart' },
      { path: 'gloo/new.yaml', from: 'gloo/old.yaml' }
    ],
    removed: ['gloo/gone.yaml'],
    isContext: isYaml,
    maxFileSize: 1024,
    ...extra
  })

  it('without the commit in a checkout: the contents API at the base sha; 404 is no base version', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE, baseFiles: { 'gloo/values.yaml': 'a: 1\n', 'gloo/gone.yaml': 'b: 2\n' } })
    const o = options(clientFor(fake))
    dirs.push(o.workspace)
    const base = await readBase(o)
    expect(base).toMatchObject({ source: 'api', headContext: true, unread: [] })
    expect(base.files).toEqual([{ path: 'gloo/values.yaml', text: 'a: 1\n', siblingChart: 'chart' }])
    expect(base.context).toEqual([{ path: 'gloo/gone.yaml', text: 'b: 2\n' }])
    expect(fake.requests.map((r) => `${r.path.split('/contents/')[1]} ${r.status}`)).toEqual(['gloo/values.yaml 200', 'gloo/old.yaml 404', 'gloo/gone.yaml 200'])
  })

  it('a failing API leaves the files unread (their findings count as new), and stops asking after three failures', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE })
    fake.inject({ path: /\/contents\//, times: 100, kind: 500 })
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ path: `${n}.yaml`, from: `${n}.yaml` }))
    const o = options(clientFor(fake), { files })
    dirs.push(o.workspace)
    const base = await readBase(o)
    expect(base.unread.map((u) => u.path)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'])
    expect(base.unread[0].reason).toMatch(/^GET \/repos\/acme\/platform\/contents\/a\.yaml\?ref=ba5e\w+ failed: HTTP 500 Server Error/)
    expect(base.unread[3].reason).toMatch(/^the API failed for earlier files \(GET /)
    // Three files, each tried four times (three retries); nothing for the rest.
    expect(new Set(fake.requests.map((r) => r.path.split('/contents/')[1]))).toEqual(new Set(['a.yaml', 'b.yaml', 'c.yaml']))
  })

  it('reads at most maxApiFiles files; the rest are unread', async () => {
    fake = await startFakeGitHub({ headSha: HEAD, baseSha: BASE, baseFiles: { 'gloo/values.yaml': 'a: 1\n' } })
    const o = options(clientFor(fake), { maxApiFiles: 1 })
    dirs.push(o.workspace)
    const base = await readBase(o)
    expect(base.files.map((f) => f.path)).toEqual(['gloo/values.yaml'])
    expect(base.unread).toEqual([{ path: 'gloo/new.yaml', reason: 'the base is read through the API for at most 1 file' }])
  })
})
