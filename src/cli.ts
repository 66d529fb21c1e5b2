/** The local entry: `gloo-harden [paths…]` lints files and folders, prints text|json|sarif; `--fix` writes fixes. */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isMainThread, Worker, workerData, parentPort } from 'node:worker_threads'
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfig, type Config } from './config.js'
import { fixFiles } from './fix.js'
import { lint, type LintOptions } from './lint.js'
import { findFiles, plannedBytes, printablePath, readFiles, writeRepoFile, type FilePlan, type RepoFile } from './load/files.js'
import { parseVersion } from './load/version.js'
import { SEVERITY_RANK, type Finding, type Severity } from './model/finding.js'
import { writeJson } from './report/json.js'
import { writeSarif } from './report/sarif.js'
import { formatText, printable } from './report/text.js'
import { ruleIds, rules } from './rules/index.js'

export interface CliIo {
  cwd: string
  stdout: { write(chunk: string): unknown }
  stderr: { write(chunk: string): unknown }
  /** ANSI colours in text output (main() decides from the TTY and NO_COLOR). */
  color?: boolean
  /**
   * Large inputs may be linted in a worker thread with a small young generation (main() allows it; the worker
   * writes to the process's own stdout and stderr, so only a real process may allow it).
   */
  worker?: boolean
}

export type Format = 'text' | 'json' | 'sarif'
export type FailOn = Severity | 'never'
const FORMATS: readonly Format[] = ['text', 'json', 'sarif']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export const USAGE = `Usage: gloo-harden [options] [paths...]

Checks Gloo Helm values and manifests (.yaml, .yml, .json) against production-hardening rules.
Paths are files or folders, relative to the current directory (default: .).

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fix                        apply safe fixes in place, then report what remains
  -c, --config <file>              config file (default: ${DEFAULT_CONFIG_PATH}, if present)
      --fail-on <error|warning|notice|never>
                                   lowest severity that makes the exit code 1 (default: error)
      --gloo-version <version>     Gloo chart version, overriding the versions found in the files
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage error, unreadable path or bad config.
`

const TRY_HELP = "Run 'gloo-harden --help' for usage.\n"

class UsageError extends Error {}

/** Runs the CLI in-process; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  return guarded(io, () => run(argv, io))
}

/** Turns usage and config errors into exit code 2 with a message, and anything else into an internal error. */
async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body()
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`gloo-harden: ${err.message}\n`)
      if (err instanceof UsageError) io.stderr.write(TRY_HELP)
      return 2
    }
    io.stderr.write(`gloo-harden: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 2
  }
}

/** What is left to do once the arguments, the config and the files are known: plain data, so a worker can take it. */
interface Job {
  plan: FilePlan
  config: Config
  format: Format
  failOn: FailOn
  fix: boolean
  color?: boolean
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  const opts = parsed.values
  if (opts.help) {
    io.stdout.write(USAGE)
    return 0
  }
  if (opts.version) {
    io.stdout.write(`${packageInfo().version}\n`)
    return 0
  }
  const format = opts.format ?? 'text'
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format: '${format}' is not one of ${FORMATS.join(', ')}`)
  const failOn = opts['fail-on'] ?? 'error'
  if (!FAIL_ON.includes(failOn as FailOn)) throw new UsageError(`--fail-on: '${failOn}' is not one of ${FAIL_ON.join(', ')}`)
  const glooVersion = opts['gloo-version']
  if (glooVersion !== undefined && !parseVersion(glooVersion)) throw new UsageError(`--gloo-version: '${glooVersion}' is not a version (e.g. 1.17.3)`)

  const { config, path: configPath } = await loadConfig(io.cwd, opts.config)
  if (glooVersion !== undefined) config.glooVersion = glooVersion

  const paths = parsed.positionals.length ? parsed.positionals : ['.']
  const found = await findFiles(paths, { cwd: io.cwd, exclude: config.exclude })
  if (found.errors.length) {
    for (const e of found.errors) io.stderr.write(`gloo-harden: ${e.message}\n`)
    return 2
  }
  // The config file is YAML too, but it is ours, not a manifest.
  const plan: FilePlan = { ...found.plan, files: found.plan.files.filter((f) => f.path !== configPath) }
  if (!plan.files.length) io.stderr.write(`gloo-harden: no .yaml, .yml or .json files found in ${paths.map(printablePath).join(', ')}\n`)

  const job: Job = { plan, config, format: format as Format, failOn: failOn as FailOn, fix: !!opts.fix, color: io.color }
  const minBytes = workerMinBytes()
  if (io.worker && Number.isFinite(minBytes) && workerScript() && (await plannedBytes(plan, minBytes)) >= minBytes) return inWorker(job, io)
  return analyse(job, io)
}

/** Lints (or fixes), reports and returns the exit code. */
async function analyse(job: Job, io: CliIo): Promise<number> {
  const { config, format } = job
  const files = await readFiles(job.plan, { maxFileSize: config.maxFileSize })
  const lintOptions: LintOptions = { config, rules }
  let findings: Finding[]
  let sources: Map<string, string>
  if (job.fix) {
    const result = fixFiles(files, lintOptions)
    const failed = await writeFixes(io, files, result.outputs)
    const report = format === 'text' ? io.stdout : io.stderr
    report.write(formatFixes(result.applied, result.outputs, failed))
    for (const r of result.rejected)
      io.stderr.write(
        `gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] was not applied: ${r.reason}\n`
      )
    if (failed.size) return 2
    findings = result.remaining
    sources = new Map(files.map((f) => [f.path, result.outputs.get(f.path) ?? f.text]))
  } else {
    const result = lint(files, lintOptions)
    findings = result.findings
    sources = new Map([...result.files].map(([p, f]) => [p, f.text]))
  }

  // Streamed in chunks: a large report is never one string, nor one write.
  if (format === 'json') await writeJson(io.stdout, findings)
  else if (format === 'sarif') {
    const pkg = packageInfo()
    await writeSarif(io.stdout, findings, rules, { toolVersion: pkg.version, ruleDocs: readRuleDocs(pkg.root), sources })
  } else io.stdout.write(formatText(findings, { color: job.color, fixHint: !job.fix }))

  return exitCode(findings, job.failOn)
}

// ---------------------------------------------------------------------------------------------------------
// Large inputs in a worker thread. V8 grows a heap's young generation to two 64 MB semi-spaces once a run keeps
// tens of MB of findings and facts alive, which puts a 20 MB scan above 400 MB of RSS. A worker's young
// generation can be capped (`resourceLimits`): the same scan then peaks under 300 MB at the same speed
// (docs/benchmarks.md). Small inputs stay on the main thread: a worker costs a few tens of milliseconds to start.

const WORKER_TAG = 'gloo-harden-cli-worker'
/** Inputs of at least this many bytes go to a worker (GLOO_HARDEN_WORKER_MIN_BYTES overrides; -1 never). */
const WORKER_MIN_BYTES = 4 * 1024 * 1024
/** The worker's young generation, in MB (GLOO_HARDEN_WORKER_YOUNG_MB overrides). */
const WORKER_YOUNG_MB = 16

function workerMinBytes(): number {
  const v = Number(process.env.GLOO_HARDEN_WORKER_MIN_BYTES)
  return process.env.GLOO_HARDEN_WORKER_MIN_BYTES !== undefined && Number.isFinite(v) ? (v < 0 ? Infinity : v) : WORKER_MIN_BYTES
}

function workerYoungMb(): number {
  const v = Number(process.env.GLOO_HARDEN_WORKER_YOUNG_MB)
  return v > 0 ? v : WORKER_YOUNG_MB
}

/** This module's file when it is plain JavaScript (the bundle): a worker can run it. Not from TypeScript source. */
function workerScript(): string | undefined {
  const path = fileURLToPath(import.meta.url)
  return path.endsWith('.js') ? path : undefined
}

/** Runs `analyse` in a worker; its stdout and stderr flow into this process's. */
function inWorker(job: Job, io: CliIo): Promise<number> {
  return new Promise((done) => {
    let code: number | undefined
    let worker: Worker
    try {
      worker = new Worker(workerScript()!, { workerData: { [WORKER_TAG]: { job, cwd: io.cwd } }, resourceLimits: { maxYoungGenerationSizeMb: workerYoungMb() } })
    } catch (err) {
      io.stderr.write(`gloo-harden: could not start a worker (${err instanceof Error ? err.message : String(err)}); linting on the main thread\n`)
      done(analyse(job, io))
      return
    }
    worker.on('message', (m: unknown) => {
      if (typeof m === 'number') code = m
    })
    worker.on('error', (err) => {
      io.stderr.write(`gloo-harden: internal error in the worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      code = 2
    })
    worker.on('exit', () => done(code ?? 2))
  })
}

/** The worker's side: the job arrives as workerData; the exit code goes back as a message. */
async function workerMain(data: { job: Job; cwd: string }): Promise<void> {
  const io: CliIo = { cwd: data.cwd, stdout: process.stdout, stderr: process.stderr, color: data.job.color }
  const code = await guarded(io, () => analyse(data.job, io))
  parentPort!.postMessage(code)
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string' },
      'gloo-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
}

/** 1 when a finding reaches the fail-on severity, else 0. */
export function exitCode(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0
}

/** `--config`, else `.github/gloo-harden.yml` when it exists; returns the config and its cwd-relative path. */
async function loadConfig(cwd: string, explicit: string | undefined): Promise<{ config: Config; path?: string }> {
  const path = explicit ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : undefined)
  if (path === undefined) return { config: defaultConfig() }
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ConfigError(`${printablePath(path)}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`)
  }
  return { config: parseConfig(text, path, ruleIds), path: relative(cwd, resolve(cwd, path)).split(sep).join('/') }
}

/** Writes every changed file; returns path → error for the ones that could not be written. */
async function writeFixes(io: CliIo, files: readonly RepoFile[], outputs: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const failed = new Map<string, string>()
  const byPath = new Map(files.map((f) => [f.path, f]))
  for (const [path, text] of outputs) {
    try {
      // A file named outside cwd (`../other/values.yaml`) is written relative to its own folder.
      const abs = resolve(io.cwd, path)
      const outside = path.startsWith('../') || isAbsolute(path)
      await writeRepoFile(outside ? dirname(abs) : io.cwd, outside ? basename(abs) : path, text, byPath.get(path)?.encoding)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      failed.set(path, message)
      io.stderr.write(`gloo-harden: ${printable(path)}: could not write the fixed file: ${printable(message)}\n`)
    }
  }
  return failed
}

/** `path: fixed N findings` per changed file, with one indented line per applied fix, in the order applied. */
export function formatFixes(applied: readonly Finding[], outputs: ReadonlyMap<string, string>, failed: ReadonlyMap<string, string> = new Map()): string {
  const byPath = new Map<string, Finding[]>()
  for (const f of applied) if (outputs.has(f.path) && !failed.has(f.path)) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f])
  const blocks = [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, list]) =>
      [
        `${printable(path)}: fixed ${list.length} finding${list.length === 1 ? '' : 's'}`,
        // No positions: fixes applied in later passes were located in text that earlier fixes had shifted.
        ...list.map((f) => `  ${printable(f.message)}  [${f.ruleId}]`)
      ].join('\n')
    )
  return blocks.length ? `${blocks.join('\n')}\n\n` : 'No fixes applied.\n\n'
}

/** The package root (the folder of gloo-harden's package.json) and version, from src/ or from dist/cli/. */
function packageInfo(): { root?: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
        if (pkg.name === 'gloo-harden') return { root: dir, version: pkg.version ?? '0.0.0' }
      } catch {
        // not ours; keep looking
      }
    }
    dir = dirname(dir)
  }
  return { version: '0.0.0' }
}

/** The rule doc pages, for SARIF `help.markdown`; absent pages fall back to text built from the meta. */
function readRuleDocs(root: string | undefined): Map<string, string> {
  const docs = new Map<string, string>()
  if (!root) return docs
  const dir = join(root, 'docs', 'rules')
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return docs
  }
  for (const id of ruleIds)
    if (names.includes(`${id}.md`))
      try {
        docs.set(id, readFileSync(join(dir, `${id}.md`), 'utf8'))
      } catch {
        // an unreadable page only loses the richer help text
      }
  return docs
}

/** Runs with the process's argv and streams; sets process.exitCode (so output is flushed before exit). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const env = process.env
  const color = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' ? true : !!process.stdout.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb'
  const code = await runCli(argv, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, color, worker: true })
  process.exitCode = code
  return code
}

/** True when this module is the program (`node dist/cli/index.js`, `tsx src/cli.ts`), not an import. */
function isEntry(): boolean {
  if (!process.argv[1]) return false
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

const job = isMainThread ? undefined : (workerData as Record<string, { job: Job; cwd: string }> | null)?.[WORKER_TAG]
if (job) void workerMain(job)
else if (isMainThread && isEntry()) void main()
