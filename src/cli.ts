/**
 * The local entry: `gloo-harden [paths…]` lints files and folders, prints text|json|sarif; `--fix` writes fixes;
 * `--since`/`--baseline` report only what is new.
 */
import { FAIL_ONS } from './report/gate.js'
import { existsSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { analyse, guarded, packageInfo, UsageError, type BaselineSource, type CliIo, type FailOn, type Format, type Job } from './cli-job.js'
import { wantsHeapTuning } from './cli-heap.js'
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfig, rebaseConfig, type Config } from './engine/config.js'
import { findFiles, printablePath, readRepoFile, type FilePlan, type RepoFile } from './io/files.js'
import { isStdinPath, readStdin, STDIN_NAME } from './io/stdin.js'
import { namesGlooDependency } from './forms/manifests.js'
import { parseVersion } from './gloo/version.js'
import { wantsColor } from './report/text.js'
import { byteSink } from './report/stream.js'
import { ruleIds } from './rules/index.js'

export type { CliIo, FailOn, Format } from './cli-job.js'
export { exitCode, formatFixes } from './cli-job.js'

const FORMATS: readonly Format[] = ['text', 'json', 'sarif']

export const USAGE = `Usage: gloo-harden [options] [paths...]

Checks Gloo Helm values and manifests (.yaml, .yml, .json) against production-hardening rules.
Paths are files or folders, relative to the current directory (default: .). A path - (or /dev/stdin) reads
standard input, e.g. helm template ... | gloo-harden -; it is reported as <stdin>, or as --stdin-filename.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fix                        apply safe fixes in place, list each edit, then report what remains (with
                                   --since or --baseline too, every fixable finding is fixed, new or not;
                                   not with -: use --fix-dry-run)
      --fix-dry-run, --diff        print the unified diff --fix would write and change no file; then report
                                   and exit as without it (not with --fix)
  -c, --config <file>              config file (default: ${DEFAULT_CONFIG_PATH} in the current folder or the
                                   nearest one above it, up to the repository root: the first folder holding
                                   .git); its exclude, inputs and installs globs are relative to the folder
                                   holding .github/ (with --config, to the repository root)
      --fail-on <error|warning|notice|never>
                                   lowest severity that makes the exit code 1 (default: error)
      --quiet                      report errors only: warnings and notices are not printed, not counted, and
                                   cannot make the exit code 1
      --max-warnings <n>           exit code 1 when more than n warnings are reported, whatever --fail-on says
      --no-error-on-unmatched      a path with no .yaml, .yml or .json file to check (an empty folder, or every
                                   file excluded) is not an error (exit code 2 otherwise)
      --stdin-filename <path>      the file standard input (-) stands for: findings name it, and the name
                                   decides what it is (values*.yaml beside a Chart.yaml, the config's inputs
                                   globs; the config's exclude does not apply); default: <stdin>
      --gloo-version <version>     Gloo chart version, overriding the versions found in the files
      --since <git-ref>            report only findings that are new since that commit (the files as they were
                                   there, read with git); --fail-on applies to the new findings only
      --baseline <file>            report only findings that are not in this baseline file (as --since)
      --write-baseline <file>      write this run's findings to a baseline file and exit 0 (no report)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 nothing reached --fail-on (among new findings, with --since or --baseline), 1 something did
(or more warnings than --max-warnings), 2 usage error, unreadable path, a path with no file to check, bad config,
bad ref or bad baseline file, 141 the reader of the output went away (as for a tool that SIGPIPE ends).
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
  if (opts.fix && opts['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run (--diff) cannot be used together')
  const maxWarnings = opts['max-warnings']
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
    throw new UsageError(`--max-warnings: '${maxWarnings}' is not a whole number of warnings (0 or more)`)
  const baseline: BaselineSource | undefined = since !== undefined ? { since } : baselineFile !== undefined ? { file: baselineFile } : undefined

  // `-` (or /dev/stdin) is standard input, read as one more file under --stdin-filename (default <stdin>).
  const fromStdin = parsed.positionals.filter(isStdinPath)
  if (fromStdin.length > 1) throw new UsageError('standard input (- or /dev/stdin) can be named only once')
  const stdinFilename = opts['stdin-filename']
  if (stdinFilename !== undefined && !fromStdin.length) throw new UsageError('--stdin-filename names standard input: add - to the paths')
  if (stdinFilename !== undefined && (stdinFilename === '' || /[\u0000-\u001f\u007f]/.test(stdinFilename)))
    throw new UsageError(`--stdin-filename: '${printablePath(stdinFilename)}' is not a file name`)
  // ESLint's --fix-dry-run semantic: there is no file to write the fixes to, but the diff can be printed.
  if (fromStdin.length && opts.fix) throw new UsageError('--fix cannot write to standard input (-): use --fix-dry-run to print the diff --fix would make')

  const { config, path: configPath, root: configRoot } = await loadConfig(io.cwd, opts.config)
  if (glooVersion !== undefined) config.glooVersion = glooVersion

  const stdinName = fromStdin.length ? (stdinFilename === undefined ? STDIN_NAME : cwdRelative(io.cwd, stdinFilename)) : undefined

  const named = parsed.positionals.filter((p) => !isStdinPath(p))
  const paths = named.length || fromStdin.length ? named : ['.']
  const found = await findFiles(paths, { cwd: io.cwd, exclude: config.exclude, excludeBase: configRoot })
  if (found.errors.length) {
    for (const e of found.errors) io.stderr.write(`gloo-harden: ${e.message}\n`)
    return 2
  }
  // The config file is YAML and a baseline file JSON, but they are ours, not manifests. A file on disk that
  // standard input stands for (--stdin-filename) is read from standard input only.
  const ours = new Set([configPath, baselineFile, writeBaseline].filter((p) => p !== undefined).map((p) => cwdRelative(io.cwd, p)))
  const plan: FilePlan = { ...found.plan, files: found.plan.files.filter((f) => !ours.has(f.path) && f.path !== stdinName) }
  // An empty scan is not a pass by accident (ESLint: "No files matching the pattern"): a path that gives no file
  // to check is an error, unless --no-error-on-unmatched.
  if (!opts['no-error-on-unmatched']) {
    const covered = coveredPaths(plan)
    const unmatched = paths.filter((p) => !covered.has(pathKey(resolve(io.cwd, p))))
    for (const p of unmatched) {
      // Only to say why: would the path give files without the config's exclude?
      const all = await findFiles([p], { cwd: io.cwd, exclude: [] })
      const excluded = all.plan.files.some((f) => !ours.has(f.path))
      io.stderr.write(`gloo-harden: ${printablePath(p)}: no YAML or JSON files to check${excluded ? ' (the config excludes every one)' : ''}\n`)
    }
    if (unmatched.length) return 2
  }
  if (!plan.files.length && stdinName === undefined) io.stderr.write(`gloo-harden: no .yaml, .yml or .json files found in ${paths.map(printablePath).join(', ')}\n`)
  // The config's exclude does not apply to standard input; its name decides what it is (values*.yaml, inputs globs).
  const stdin = stdinName === undefined ? undefined : await readStdinFile(io, stdinName, config)

  const job: Job = { plan, config, format: format as Format, failOn: failOn as FailOn, fix: !!opts.fix, color: io.color }
  if (io.columns !== undefined) job.width = io.columns
  if (opts['fix-dry-run']) job.fixDryRun = true
  if (opts.quiet) job.quiet = true
  if (maxWarnings !== undefined) job.maxWarnings = Number(maxWarnings)
  if (stdin) job.stdin = stdin
  if (baseline) job.baseline = baseline
  if (writeBaseline !== undefined) job.writeBaseline = writeBaseline
  // A large input tunes the heap as it runs (cli-heap.ts): the same run, in less memory.
  if (io.tuneHeap && (await wantsHeapTuning(plan))) job.tuneHeap = true
  return analyse(job, io)
}

function parse(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      diff: { type: 'boolean' },
      quiet: { type: 'boolean' },
      'max-warnings': { type: 'string' },
      'no-error-on-unmatched': { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string' },
      'gloo-version': { type: 'string' },
      since: { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'stdin-filename': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
  // --diff is another name for --fix-dry-run.
  if (parsed.values.diff) parsed.values['fix-dry-run'] = true
  return parsed
}

/**
 * Standard input as a file named `name` (cwd-relative). A values file named so gets the `Chart.yaml` beside that
 * name on disk, as a values file read from disk does (an umbrella chart names Gloo there).
 */
async function readStdinFile(io: CliIo, name: string, config: Config): Promise<RepoFile> {
  const file = await readStdin(io.stdin, name, { maxFileSize: config.maxFileSize })
  const inside = name !== '..' && !name.startsWith('../') && !isAbsolute(name)
  if (!file.skipped && inside && VALUES_FILE.test(basename(name))) {
    const chart = await readRepoFile(io.cwd, posix.join(posix.dirname(name), 'Chart.yaml'), { maxFileSize: config.maxFileSize })
    if (!chart.skipped && namesGlooDependency(chart.text)) file.siblingChart = chart.text
  }
  return file
}

/** As the reader (io/files.ts): a values file may come with a `Chart.yaml` beside it. */
const VALUES_FILE = /^values[^/]*\.ya?ml$/i

/**
 * Every path a named path can be and still give a planned file: each file's absolute path and the folders that
 * hold it, up to the filesystem's root. A named path gave files when it is one of them: one lookup per path, where
 * a scan of the files per path made a run given thousands of paths (a pre-commit hook's changed files) quadratic.
 */
function coveredPaths(plan: FilePlan): Set<string> {
  const covered = new Set<string>()
  for (const f of plan.files) {
    let at = pathKey(resolve(f.base, f.rel))
    // Once a folder is in, so is everything above it.
    while (!covered.has(at)) {
      covered.add(at)
      const up = dirname(at)
      if (up === at) break
      at = up
    }
  }
  return covered
}

/** An absolute path as `path.relative` compares them: Windows' paths without regard to case. */
const pathKey = (abs: string): string => (process.platform === 'win32' ? abs.toLowerCase() : abs)

/**
 * `--config`, else `.github/gloo-harden.yml` in cwd or the nearest folder above it, up to the repository root
 * (the first folder holding `.git`, a folder or, in a worktree or submodule, a file), as ESLint and Prettier find
 * theirs; outside a repository, only cwd's. Returns the config with its globs rebased onto cwd, its cwd-relative
 * path, and the folder its globs are written against: the one holding `.github/` (for `--config`, the
 * repository root, else cwd).
 */
async function loadConfig(cwd: string, explicit: string | undefined): Promise<{ config: Config; path?: string; root: string }> {
  const repo = repositoryRoot(cwd)
  let root = repo ?? cwd
  let path = explicit
  if (path === undefined) {
    const found = findConfigFolder(cwd, repo)
    if (found === undefined) return { config: defaultConfig(), root }
    root = found
    path = cwdRelative(cwd, join(found, DEFAULT_CONFIG_PATH))
  }
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ConfigError(`${printablePath(path)}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`)
  }
  // The globs match cwd-relative paths (those the engine sees and reports) once rebased onto cwd.
  const prefix = relative(root, cwd).split(sep).join('/')
  return { config: rebaseConfig(parseConfig(text, path, ruleIds), prefix), path: cwdRelative(cwd, path), root }
}

/** The first folder from `dir` up that holds `.git` (a folder, or a file in a worktree or submodule). */
function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d
    if (dirname(d) === d) return undefined
  }
}

/** The folder from cwd up to the repository root (cwd only, outside one) that holds DEFAULT_CONFIG_PATH. */
function findConfigFolder(cwd: string, repo: string | undefined): string | undefined {
  for (let d = resolve(cwd); ; d = dirname(d)) {
    if (existsSync(join(d, DEFAULT_CONFIG_PATH))) return d
    if (repo === undefined || d === repo || dirname(d) === d) return undefined
  }
}

/** A path as the file plan names it: relative to cwd, forward slashes. */
const cwdRelative = (cwd: string, path: string): string => relative(cwd, resolve(cwd, path)).split(sep).join('/')

/** Exit status when stdout's reader goes away before the report is written. */
const EXIT_PIPE_CLOSED = 141

/** process.stdin, touched only when `-` reads it: a run without `-` leaves standard input alone. */
async function* lazyStdin(): AsyncGenerator<Buffer | string> {
  yield* process.stdin as AsyncIterable<Buffer | string>
}

/** Runs with the process's argv and streams; sets process.exitCode (so output is flushed before exit). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const color = wantsColor(process.env, !!process.stdout.isTTY)
  // Not a terminal (a pipe, a file, a CI log): the text report wraps at DEFAULT_WIDTH.
  const columns = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    // Whoever read the output went away (`gloo-harden … | head`): stop quietly, with the status of a tool that
    // SIGPIPE ends (128 + 13), so a pipeline under `set -o pipefail` still sees the report was cut short.
    process.exit(EXIT_PIPE_CLOSED)
  })
  const code = await runCli(argv, { cwd: process.cwd(), stdin: lazyStdin(), stdout: byteSink(process.stdout), stderr: process.stderr, color, columns, tuneHeap: true })
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

if (isEntry()) void main()
