/**
 * The local entry: `gloo-harden [paths…]` lints files and folders, prints text|json|sarif; `--fix` writes fixes;
 * `--since`/`--baseline` report only what is new.
 */
import { FAIL_ONS } from './report/gate.js'
import { existsSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { analyse, guarded, packageInfo, UsageError, type BaselineSource, type CliIo, type FailOn, type Format, type Job } from './cli-job.js'
import { inWorker, wantsWorker, workerJob, workerMain } from './cli-worker.js'
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfig, type Config } from './engine/config.js'
import { findFiles, printablePath, type FilePlan } from './io/files.js'
import { parseVersion } from './gloo/version.js'
import { ruleIds } from './rules/index.js'

export type { CliIo, FailOn, Format } from './cli-job.js'
export { exitCode, formatFixes } from './cli-job.js'

const FORMATS: readonly Format[] = ['text', 'json', 'sarif']

export const USAGE = `Usage: gloo-harden [options] [paths...]

Checks Gloo Helm values and manifests (.yaml, .yml, .json) against production-hardening rules.
Paths are files or folders, relative to the current directory (default: .).

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fix                        apply safe fixes in place, then report what remains (with --since or
                                   --baseline too, every fixable finding is fixed, new or not)
  -c, --config <file>              config file (default: ${DEFAULT_CONFIG_PATH}, if present)
      --fail-on <error|warning|notice|never>
                                   lowest severity that makes the exit code 1 (default: error)
      --gloo-version <version>     Gloo chart version, overriding the versions found in the files
      --since <git-ref>            report only findings that are new since that commit (the files as they were
                                   there, read with git); --fail-on applies to the new findings only
      --baseline <file>            report only findings that are not in this baseline file (as --since)
      --write-baseline <file>      write this run's findings to a baseline file and exit 0 (no report)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 nothing reached --fail-on (among new findings, with --since or --baseline), 1 something did,
2 usage error, unreadable path, bad config, bad ref or bad baseline file, 141 the reader of the output went away
(as for a tool that SIGPIPE ends).
`

/** Runs the CLI in-process; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  return guarded(io, () => run(argv, io))
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
  if (!FAIL_ONS.includes(failOn as FailOn)) throw new UsageError(`--fail-on: '${failOn}' is not one of ${FAIL_ONS.join(', ')}`)
  const glooVersion = opts['gloo-version']
  if (glooVersion !== undefined && !parseVersion(glooVersion)) throw new UsageError(`--gloo-version: '${glooVersion}' is not a version (e.g. 1.17.3)`)

  const since = opts.since
  const baselineFile = opts.baseline
  const writeBaseline = opts['write-baseline']
  for (const [name, value] of [['--since', since], ['--baseline', baselineFile], ['--write-baseline', writeBaseline]] as const)
    if (value === '') throw new UsageError(`${name}: the value is empty`)
  if (since !== undefined && baselineFile !== undefined) throw new UsageError('--since and --baseline cannot be used together')
  if (writeBaseline !== undefined && (since !== undefined || baselineFile !== undefined))
    throw new UsageError(`--write-baseline cannot be used with ${since !== undefined ? '--since' : '--baseline'}`)
  const baseline: BaselineSource | undefined = since !== undefined ? { since } : baselineFile !== undefined ? { file: baselineFile } : undefined

  const { config, path: configPath } = await loadConfig(io.cwd, opts.config)
  if (glooVersion !== undefined) config.glooVersion = glooVersion

  const paths = parsed.positionals.length ? parsed.positionals : ['.']
  const found = await findFiles(paths, { cwd: io.cwd, exclude: config.exclude })
  if (found.errors.length) {
    for (const e of found.errors) io.stderr.write(`gloo-harden: ${e.message}\n`)
    return 2
  }
  // The config file is YAML and a baseline file JSON, but they are ours, not manifests.
  const ours = new Set([configPath, baselineFile, writeBaseline].filter((p) => p !== undefined).map((p) => cwdRelative(io.cwd, p)))
  const plan: FilePlan = { ...found.plan, files: found.plan.files.filter((f) => !ours.has(f.path)) }
  if (!plan.files.length) io.stderr.write(`gloo-harden: no .yaml, .yml or .json files found in ${paths.map(printablePath).join(', ')}\n`)

  const job: Job = { plan, config, format: format as Format, failOn: failOn as FailOn, fix: !!opts.fix, color: io.color }
  if (baseline) job.baseline = baseline
  if (writeBaseline !== undefined) job.writeBaseline = writeBaseline
  // The worker streams findings to the report file by file; a baseline needs them all first (to classify, or to
  // write). So a baseline option keeps the run on the main thread: the same result, without the memory cap.
  if (io.worker && !baseline && writeBaseline === undefined && (await wantsWorker(plan))) return inWorker(job, io)
  return analyse(job, io)
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
      since: { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
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
  return { config: parseConfig(text, path, ruleIds), path: cwdRelative(cwd, path) }
}

/** A path as the file plan names it: relative to cwd, forward slashes. */
const cwdRelative = (cwd: string, path: string): string => relative(cwd, resolve(cwd, path)).split(sep).join('/')

/** Exit status when stdout's reader goes away before the report is written. */
const EXIT_PIPE_CLOSED = 141

/** Runs with the process's argv and streams; sets process.exitCode (so output is flushed before exit). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const env = process.env
  const color = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' ? true : !!process.stdout.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb'
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    // Whoever read the output went away (`gloo-harden … | head`): stop quietly, with the status of a tool that
    // SIGPIPE ends (128 + 13), so a pipeline under `set -o pipefail` still sees the report was cut short.
    process.exit(EXIT_PIPE_CLOSED)
  })
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

// The worker thread runs this same bundle: it finds its job in workerData.
const job = workerJob()
if (job) void workerMain(job)
else if (isEntry()) void main()
