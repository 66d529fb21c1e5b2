/**
 * Config discovery: from a subfolder, `.github/gloo-harden.yml` is found up to the repository root (the first
 * folder holding `.git`), and its globs are relative to that root, so a run from a subfolder reports what a run
 * from the root reports on the same files (paths stay cwd-relative).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.js'
import type { Finding } from '../src/model/finding.js'
import { yaml } from '../__fixtures__/yaml.js'

const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: gateway-proxy
    namespace: gloo-system
`
/** Values with no key that proves Gloo alone: Gloo values only because the config's inputs.gloo says so. */
const WEAK = 'settings:\n  create: true\n'
const CONFIG = yaml`
  rules:
    proxy-token-automount: warning
  exclude:
    - deploy/legacy/**
  inputs:
    gloo: [deploy/gloo/*.yaml]
`

let base: string
let root: string

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true })
  writeFileSync(join(root, rel), content)
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd: join(root, cwd), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, columns: 1000 })
  return { code, stdout, stderr }
}

/** `path:line:col severity rule` of a JSON run, the path as seen from the root. */
async function findings(cwd: string, ...argv: string[]): Promise<string[]> {
  const r = await run(cwd, '--format', 'json', ...argv)
  expect(r.stderr).toBe('')
  return (JSON.parse(r.stdout).findings as Finding[]).map((f) => `${cwd ? `${cwd}/` : ''}${f.path}:${f.span.start.line}:${f.span.start.column} ${f.severity} ${f.ruleId}`).sort()
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'gloo-harden-root-'))
  root = join(base, 'repo')
  mkdirSync(join(root, '.git'), { recursive: true })
  put('.github/gloo-harden.yml', CONFIG)
  put('deploy/sa.yaml', SA)
  put('deploy/legacy/sa.yaml', SA)
  put('deploy/gloo/settings.yaml', WEAK)
  put('deploy/gloo/nested/settings.yaml', WEAK)
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('the config file from a subfolder', () => {
  it('reports from deploy/ and deploy/gloo/ exactly what a run from the root reports on those files', async () => {
    const fromRoot = await findings('', 'deploy')
    // The rule override, the exclude and the inputs glob all took effect (the bug: a different count from a subfolder).
    expect(fromRoot.filter((f) => f.startsWith('deploy/sa.yaml') || f.includes('legacy'))).toEqual(['deploy/sa.yaml:4:9 warning proxy-token-automount'])
    expect(fromRoot.some((f) => f.startsWith('deploy/gloo/settings.yaml:'))).toBe(true)
    expect(fromRoot.some((f) => f.startsWith('deploy/gloo/nested/'))).toBe(false)
    expect(await findings('deploy')).toEqual(fromRoot)
    expect(await findings('deploy/gloo')).toEqual(await findings('', 'deploy/gloo'))
  })

  it('reports paths relative to the subfolder, and names the config it read there', async () => {
    const r = await run('deploy', 'sa.yaml')
    expect(r).toEqual({
      code: 0,
      stdout:
        "sa.yaml\n  4:9  warning  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  proxy-token-automount\n\n1 finding: 0 errors, 1 warning, 0 notices (1 fixable with --fix)\n",
      stderr: ''
    })
    put('.github/gloo-harden.yml', 'rules: [\n')
    expect((await run('deploy', 'sa.yaml')).stderr).toBe('gloo-harden: ../.github/gloo-harden.yml:2:1: invalid YAML: deficient indentation\n')
  })

  it('says when the config excludes every file of a folder named from a subfolder', async () => {
    expect(await run('deploy', 'legacy')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: legacy: no YAML or JSON files to check (the config excludes every one)\n' })
  })

  it('finds the repository root by a .git file too (a worktree or submodule)', async () => {
    rmSync(join(root, '.git'), { recursive: true })
    put('.git', 'gitdir: /elsewhere/.git/worktrees/repo\n')
    expect(await findings('deploy')).toEqual(await findings('', 'deploy'))
  })

  it('stops at the repository root: a config above it, or outside any repository above cwd, is not read', async () => {
    rmSync(join(root, '.github'), { recursive: true })
    // A config in the folder that holds the repository: not this repository's.
    mkdirSync(join(base, '.github'))
    writeFileSync(join(base, '.github/gloo-harden.yml'), 'rules:\n  proxy-token-automount: off\n')
    expect(await findings('deploy', 'sa.yaml')).toEqual(['deploy/sa.yaml:4:9 error proxy-token-automount'])
    // Without a repository, only cwd's own .github/ counts.
    rmSync(join(root, '.git'), { recursive: true })
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: off\n')
    expect(await findings('deploy', 'sa.yaml')).toEqual(['deploy/sa.yaml:4:9 error proxy-token-automount'])
    expect(await findings('', 'deploy/sa.yaml')).toEqual([])
  })

  it('--config from a subfolder: its globs are relative to the repository root too', async () => {
    rmSync(join(root, '.github'), { recursive: true })
    put('ci/strict.yml', CONFIG)
    expect(await findings('deploy', '--config', '../ci/strict.yml')).toEqual(await findings('', '--config', 'ci/strict.yml', 'deploy'))
  })
})
