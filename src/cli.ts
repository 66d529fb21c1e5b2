/** The local entry: `gloo-harden [paths…]` lints files and folders, prints text|json|sarif; `--fix` writes fixes. */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isMainThread, Worker, workerData, parentPort } from 'node:worker_threads'
import { ConfigError, DEFAULT_CONFIG_PATH, defaultConfig, parseConfig, type Config } from './config.js'
import { fixFiles } from './fix.js'
import { parseEvents } from 'js-yaml'
import { on } from 'node:events'
import { Linter, type LintOptions } from './lint.js'
import { findFiles, plannedBytes, printablePath, readEach, readFiles, writeRepoFile, type FilePlan, type RepoFile } from './load/files.js'
import { packEvents, type PackedEvents } from './load/packed-events.js'
import { MAX_DEPTH } from './load/tree.js'
import { parseVersion } from './load/version.js'
import { SEVERITY_RANK, type Finding, type Severity } from './model/finding.js'
import { writeJson } from './report/json.js'
import { writeSarif, type LineStarts } from './report/sarif.js'
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

/** Lints (or fixes) the job's files, reading them here; reports and returns the exit code. */
async function analyse(job: Job, io: CliIo): Promise<number> {
  const { config, format } = job
  const lintOptions: LintOptions = { config, rules }
  if (job.fix) {
    const files = await readFiles(job.plan, { maxFileSize: config.maxFileSize })
    const result = fixFiles(files, lintOptions)
    const failed = await writeFixes(io, files, result.outputs)
    const out = format === 'text' ? io.stdout : io.stderr
    out.write(formatFixes(result.applied, result.outputs, failed))
    for (const r of result.rejected)
      io.stderr.write(
        `gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] was not applied: ${r.reason}\n`
      )
    if (failed.size) return 2
    return report(job, io, result.remaining, new Map(files.map((f) => [f.path, result.outputs.get(f.path) ?? f.text])))
  }
  const linter = new Linter(lintOptions)
  for await (const f of readEach(job.plan, { maxFileSize: config.maxFileSize })) linter.add(f)
  const result = linter.finish()
  return report(job, io, result.findings, new Map([...result.files].map(([p, f]) => [p, f.text])))
}

/**
 * Writes the report and returns the exit code. Findings may come in batches, file by file (from a worker): SARIF
 * is then written as they come; JSON and text, which begin with counts, once all have come.
 */
async function report(
  job: Job,
  io: CliIo,
  findings: readonly Finding[] | AsyncIterable<readonly Finding[]>,
  sources: ReadonlyMap<string, string>,
  lineStarts?: ReadonlyMap<string, LineStarts>
): Promise<number> {
  if (!Array.isArray(findings) && job.format !== 'sarif') {
    const all: Finding[] = []
    for await (const batch of findings as AsyncIterable<readonly Finding[]>) for (const f of batch) all.push(f)
    findings = all
  }
  let code = 0
  const note = (list: readonly Finding[]): void => {
    if (!code) code = exitCode(list, job.failOn)
  }
  // Streamed in chunks: a large report is never one string, nor one write.
  if (job.format === 'sarif') {
    const pkg = packageInfo()
    const noted = Array.isArray(findings)
      ? (note(findings), findings)
      : (async function* () {
          for await (const batch of findings as AsyncIterable<readonly Finding[]>) {
            note(batch)
            yield batch
          }
        })()
    await writeSarif(io.stdout, noted, rules, { toolVersion: pkg.version, ruleDocs: readRuleDocs(pkg.root), sources, lineStarts })
    return code
  }
  const list = findings as readonly Finding[]
  if (job.format === 'json') await writeJson(io.stdout, list)
  else io.stdout.write(formatText(list, { color: job.color, fixHint: !job.fix }))
  return exitCode(list, job.failOn)
}

// ---------------------------------------------------------------------------------------------------------
// Large inputs in a worker thread. V8 grows a heap's young generation to its maximum once a run keeps tens of MB
// of findings and facts alive, which put a 20 MB scan above 400 MB of RSS. A worker's young generation can be
// capped (`resourceLimits`): the linting heap then stays small at the same speed, and the two threads share the
// work (this one reads, parses and writes the report; docs/benchmarks.md). Small inputs stay on the main thread:
// a worker costs a few tens of milliseconds to start.

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

/**
 * Runs the job in a worker. With --fix the worker does everything (it lints several times) and writes through
 * this process's stdout and stderr. Otherwise the work is shared: this thread reads and parses the files and
 * posts them, the worker lints them as they come (pass 1 overlaps the parsing) and posts back each file's
 * findings, which this thread writes out while the worker goes on (the report overlaps pass 2).
 */
async function inWorker(job: Job, io: CliIo): Promise<number> {
  const streamed = !job.fix
  let worker: Worker
  let data: WorkerJob
  try {
    data = { job, cwd: io.cwd, streamed, taken: new Int32Array(new SharedArrayBuffer(4)) }
    worker = new Worker(workerScript()!, { workerData: { [WORKER_TAG]: data }, resourceLimits: { maxYoungGenerationSizeMb: workerYoungMb() } })
  } catch (err) {
    io.stderr.write(`gloo-harden: could not start a worker (${err instanceof Error ? err.message : String(err)}); linting on the main thread\n`)
    return analyse(job, io)
  }
  const inbox = messages(worker)
  const fail = (what: string, err: unknown): number => {
    io.stderr.write(`gloo-harden: internal error ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 2
  }
  if (!streamed) {
    let code: number | undefined
    try {
      for await (const m of inbox) if (typeof m === 'number') code = m
    } catch (err) {
      return fail('in the worker', err)
    }
    return code ?? 2
  }

  // SARIF fixes are line/column regions: the worker sends the line starts of each file with fixes.
  const lineStarts = new Map<string, LineStarts>()
  let readError: unknown
  const feeding = feed(worker, job, data.taken).catch((err: unknown) => {
    // The worker must not report on part of the files: stop it.
    readError = err
    void worker.terminate()
  })
  let workerCode: number | undefined
  async function* batches(): AsyncGenerator<readonly Finding[]> {
    for await (const m of inbox) {
      if (m === 'end') return
      if (typeof m === 'number') {
        // The worker failed (it said why on stderr) before its last file.
        workerCode = m
        return
      }
      const batch = m as Batch
      for (const [path, starts, length] of batch.lines) lineStarts.set(path, { starts, length })
      yield batch.findings
      // Written: the worker may send another (batches waiting here would grow this thread's heap).
      worker.postMessage('ack')
    }
    throw new Error('the worker stopped before it finished')
  }
  let code: number
  try {
    code = await report(job, io, batches(), new Map(), lineStarts)
  } catch (err) {
    void worker.terminate()
    await feeding
    return readError ? fail('while reading', readError) : fail('in the worker', err)
  }
  await feeding
  if (readError) return fail('while reading', readError)
  return workerCode ?? code
}

/** A worker's messages until it exits; an error it throws ends the iteration with that error. */
async function* messages(worker: Worker): AsyncGenerator<unknown> {
  const queue: unknown[] = []
  let ended = false
  let error: unknown
  let wake: (() => void) | undefined
  worker.on('message', (m: unknown) => {
    queue.push(m)
    wake?.()
  })
  worker.on('error', (err) => {
    error = err
    wake?.()
  })
  worker.on('exit', () => {
    ended = true
    wake?.()
  })
  for (;;) {
    if (queue.length) yield queue.shift()
    else if (error !== undefined) throw error
    else if (ended) return
    else await new Promise<void>((resolve) => (wake = resolve))
  }
}

interface WorkerJob {
  job: Job
  cwd: string
  /** The files come as messages (`Parsed`, then null), and the findings go back as messages. */
  streamed: boolean
  /** How many posted files the worker has taken (pass 1 done): shared, so the reader sees how far behind it is. */
  taken: Int32Array
}

/** A file read, with its parse events when it parsed (on the thread that read it). */
interface Parsed {
  file: RepoFile
  packed?: PackedEvents
}

/** Files waiting in the worker's queue from which this thread parses the next one itself. */
const PARSE_AHEAD = 4

/**
 * Reads the job's files in order and posts each to the worker, then null. It parses a file itself (the packed
 * events transferred) when the worker has files waiting: parsing is then off the worker's path. When the worker
 * waits for files instead, the file goes unparsed, and the worker parses it.
 */
async function feed(worker: Worker, job: Job, taken: Int32Array): Promise<void> {
  let posted = 0
  // Blocking reads: this thread has nothing else to do until the worker sends findings.
  for await (const file of readEach(job.plan, { maxFileSize: job.config.maxFileSize, blocking: true })) {
    const parsed: Parsed = { file }
    if (!file.skipped && posted - Atomics.load(taken, 0) >= PARSE_AHEAD)
      try {
        parsed.packed = packEvents(parseEvents(file.text, { maxDepth: MAX_DEPTH }))
      } catch {
        // Not valid YAML: the engine parses it again and reports the error where it is.
      }
    worker.postMessage(parsed, parsed.packed ? [parsed.packed.words.buffer as ArrayBuffer] : [])
    posted++
  }
  worker.postMessage(null)
}

/** The files the main thread posts, until its null. */
async function* received(port: NonNullable<typeof parentPort>): AsyncGenerator<Parsed> {
  for await (const [m] of on(port, 'message') as AsyncIterable<[Parsed | null]>) {
    if (m === null) return
    yield m
  }
}

/** Findings go back in batches of about this many (one message each), at most WINDOW of them not yet written. */
const BATCH = 64
const WINDOW = 2

/** Findings from the worker, with the line starts and length of each of their files that has fixes. */
interface Batch {
  findings: Finding[]
  lines: [path: string, starts: Int32Array, length: number][]
}

/**
 * The worker's side: the job arrives as workerData. Streamed, it lints the files the main thread posts and posts
 * back their findings, then 'end'; otherwise it runs the whole job and posts its exit code. After an error it
 * posts 2, having said why on stderr.
 */
async function workerMain(data: WorkerJob): Promise<void> {
  const port = parentPort!
  const io: CliIo = { cwd: data.cwd, stdout: process.stdout, stderr: process.stderr, color: data.job.color }
  if (!data.streamed) {
    port.postMessage(await guarded(io, () => analyse(data.job, io)))
    return
  }
  const code = await guarded(io, async () => {
    const linter = new Linter({ config: data.job.config, rules })
    for await (const p of received(port)) {
      linter.add(p.file, p.packed)
      Atomics.add(data.taken, 0, 1)
    }
    let unwritten = 0
    let wake: (() => void) | undefined
    const onAck = (m: unknown): void => {
      if (m !== 'ack') return
      unwritten--
      wake?.()
    }
    port.on('message', onAck)
    let batch: Batch = { findings: [], lines: [] }
    for (const { file, findings } of linter.eachFile()) {
      for (const f of findings) batch.findings.push(f)
      if (findings.some((f) => f.fix?.length)) batch.lines.push([file.path, file.lines.starts, file.text.length])
      if (batch.findings.length >= BATCH) {
        port.postMessage(batch)
        batch = { findings: [], lines: [] }
        unwritten++
        while (unwritten >= WINDOW) await new Promise<void>((resolve) => (wake = resolve))
      }
    }
    if (batch.findings.length) port.postMessage(batch)
    port.postMessage('end')
    // The last 'message' listener going lets the port, and so this thread, end.
    port.off('message', onAck)
    return 0
  })
  if (code) port.postMessage(code)
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

const job = isMainThread ? undefined : (workerData as Record<string, WorkerJob> | null)?.[WORKER_TAG]
if (job) void workerMain(job)
else if (isMainThread && isEntry()) void main()
