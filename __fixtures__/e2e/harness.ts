/**
 * Runs the bundled action as the runner does: a child process under Node 24 with the runner's environment
 * (event payload, INPUT_* variables with action.yml's defaults, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files) in a
 * git-less workspace, against the fake GitHub API.
 */
import { execFile, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { structuredPatch } from 'diff'
import { load } from 'js-yaml'
import { rules } from '../../src/rules/index.js'
import type { FakeGitHub, FakePullFile } from '../fake-github.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const HERE = join(ROOT, '__fixtures__', 'e2e')
export const NODE24 = join(ROOT, 'node_modules', '.bin', 'node')

/** The PR of the fixtures: pull_request.opened.json. */
export const HEAD_SHA = 'c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a'
/** GITHUB_SHA of a pull_request run: the test merge commit, which must never receive the check. */
export const MERGE_SHA = '3e4ce0001a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'
export const TOKEN = 'ghs_e2eTokenThatMustNeverBeLogged0123456789'

/** Newest modification time of the files the bundle is built from. */
function sourcesMtime(root: string): number {
  let newest = 0
  const visit = (p: string): void => {
    const st = statSync(p)
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e))
    else newest = Math.max(newest, st.mtimeMs)
  }
  for (const p of ['src', 'package.json', 'package-lock.json', 'tsconfig.json']) if (existsSync(join(root, p))) visit(join(root, p))
  return newest
}

/**
 * The bundle to run: GLOO_HARDEN_E2E_ENTRY if set; else dist/index.js when it is newer than every source
 * (as in CI, which runs `npm run build` before `npm test`); else src/index.ts bundled as `npm run build` does,
 * into a temporary folder, so the test never runs a stale dist/. (CI's check-dist step proves separately that
 * the committed dist/ is that build.)
 */
export async function actionEntry(): Promise<{ entry: string; cleanup: () => void }> {
  const given = process.env.GLOO_HARDEN_E2E_ENTRY
  if (given) return { entry: resolve(given), cleanup: () => {} }
  return bundleEntry('src/index.ts', join(ROOT, 'dist', 'index.js'))
}

/** The CLI bundle to run: dist/cli/index.js when it is newer than every source, else src/cli.ts bundled now. */
export async function cliEntry(): Promise<{ entry: string; cleanup: () => void }> {
  return bundleEntry('src/cli.ts', join(ROOT, 'dist', 'cli', 'index.js'))
}

async function bundleEntry(source: string, dist: string): Promise<{ entry: string; cleanup: () => void }> {
  if (existsSync(dist) && statSync(dist).mtimeMs >= sourcesMtime(ROOT)) return { entry: dist, cleanup: () => {} }
  const out = mkdtempSync(join(tmpdir(), 'gloo-harden-dist-'))
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'ncc'), ['build', source, '-o', out, '--target', 'es2022'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
  return { entry: join(out, 'index.js'), cleanup: () => rmSync(out, { recursive: true, force: true }) }
}

/**
 * A copy of the fixture repository in a temp folder (no .git: the action must not need one), with a config
 * file that turns off every rule but `keep`, so the expectations do not move when rules are added.
 */
export function makeWorkspace(keep: readonly string[]): string {
  // Laid out like the runner's /home/runner/work/<repo>/<repo>, so event files can sit beside the checkout.
  const dir = join(mkdtempSync(join(tmpdir(), 'gloo-harden-ws-')), 'platform')
  cpSync(join(HERE, 'repo'), dir, { recursive: true })
  const off = rules.map((r) => r.meta.id).filter((id) => !keep.includes(id))
  mkdirSync(join(dir, '.github'), { recursive: true })
  writeFileSync(join(dir, '.github', 'gloo-harden.yml'), `# Only the rules these tests are about.\nrules:\n${off.map((id) => `  ${id}: off`).join('\n')}\n`)
  return dir
}

/** Writes an event payload beside the workspace (removed with it) and returns its path. */
export function writeEvent(workspace: string, name: string, payload: unknown): string {
  const path = join(dirname(workspace), name)
  writeFileSync(path, JSON.stringify(payload, null, 2))
  return path
}

/** The fixture pull_request payload, edited. */
export function pullRequestEvent(edit: (payload: any) => void): unknown {
  const payload = JSON.parse(readFileSync(join(HERE, 'pull_request.opened.json'), 'utf8'))
  edit(payload)
  return payload
}

/** The PR's files as the files API lists them, with the head content taken from the workspace. */
export function pullFiles(workspace: string): FakePullFile[] {
  const rows = JSON.parse(readFileSync(join(HERE, 'pull-files.json'), 'utf8')) as FakePullFile[]
  return rows.map((f) => (f.status === 'removed' ? f : { ...f, content: readFileSync(join(workspace, f.filename), 'utf8') }))
}

/**
 * A changed file as the files API lists it: GitHub's `patch` (hunks only, three lines of context, no final line
 * break) from the base content to the head content, which it also carries (so its blob can be fetched).
 */
export function changedFile(filename: string, base: string | undefined, head: string): FakePullFile {
  const { hunks } = structuredPatch(filename, filename, base ?? '', head, undefined, undefined, { context: 3 })
  // An empty side starts at the line before it, as git writes it (`@@ -0,0 +1,14 @@`).
  const start = (line: number, lines: number): number => (lines === 0 ? line - 1 : line)
  const patch = hunks.map((h) => [`@@ -${start(h.oldStart, h.oldLines)},${h.oldLines} +${start(h.newStart, h.newLines)},${h.newLines} @@`, ...h.lines].join('\n')).join('\n')
  return { filename, status: base === undefined ? 'added' : 'modified', patch, content: head }
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunOptions {
  fake: FakeGitHub
  workspace: string
  eventName?: string
  /** Event payload file; default the fixture named like the event. */
  eventPath?: string
  sha?: string
  /** `with:` values by input name. */
  inputs?: Record<string, string>
}

/** action.yml's inputs and their defaults, as the runner turns them into INPUT_* variables. */
function defaultInputs(token: string): Record<string, string> {
  const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  return Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, String(i.default ?? '').replace('${{ github.token }}', token)]))
}

export async function runAction(entry: string, o: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'gloo-harden-runner-'))
  const output = join(temp, 'output')
  const summary = join(temp, 'summary.md')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const inputs = { ...defaultInputs(TOKEN), ...o.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: o.eventPath ?? join(HERE, o.eventName === 'workflow_dispatch' ? 'workflow_dispatch.json' : 'pull_request.opened.json'),
    GITHUB_REPOSITORY: `${o.fake.owner}/${o.fake.repo}`,
    GITHUB_REPOSITORY_OWNER: o.fake.owner,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_SHA: o.sha ?? MERGE_SHA,
    GITHUB_REF: (o.eventName ?? 'pull_request').startsWith('pull_request') ? 'refs/pull/42/merge' : 'refs/heads/main',
    GITHUB_API_URL: o.fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: temp,
    // The runner keeps hyphens and upper-cases: INPUT_GITHUB-TOKEN.
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]))
  }
  const child = spawn(NODE24, [entry], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const code = await new Promise<number | null>((res) => child.on('close', res))
  const run = { code, stdout, stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') }
  rmSync(temp, { recursive: true, force: true })
  return run
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks, as @actions/core writes them. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

/** Workflow-command annotations printed on stdout (`::error file=…::…`). */
export function workflowCommands(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l))
}

/** Removes a workspace made by makeWorkspace, with the event files beside it. */
export function removeWorkspace(workspace: string): void {
  const root = dirname(workspace)
  if (existsSync(root)) rmSync(root, { recursive: true, force: true })
}
