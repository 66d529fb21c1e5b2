/**
 * Large inputs in a worker thread, for the CLI. The worker runs the same bundle (dist/cli/index.js), which calls
 * workerMain when it finds its job in workerData.
 */
import { on } from 'node:events'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { parseEvents } from 'js-yaml'
import { analyse, guarded, report, type CliIo, type Job } from './cli-job.js'
import { Linter } from './engine/lint.js'
import { plannedBytes, readEach, type FilePlan, type RepoFile } from './io/files.js'
import { packEvents, type PackedEvents } from './yaml/packed-events.js'
import { MAX_DEPTH } from './yaml/tree.js'
import type { Finding } from './model/finding.js'
import type { LineStarts } from './report/sarif.js'
import { rules } from './rules/index.js'

// V8 grows a heap's young generation to its maximum once a run keeps tens of MB of findings and facts alive, which
// put a 20 MB scan above 400 MB of RSS. A worker's young generation can be capped (`resourceLimits`): the linting
// heap then stays small, and the two threads share the work (the main thread reads, parses and writes the
// report; docs/benchmarks.md). Small inputs stay on the main thread: a worker costs tens of milliseconds to start.

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

/** Whether a plan is large enough for a worker (and a worker can run here). */
export async function wantsWorker(plan: FilePlan): Promise<boolean> {
  const minBytes = workerMinBytes()
  return Number.isFinite(minBytes) && workerScript() !== undefined && (await plannedBytes(plan, minBytes)) >= minBytes
}

/** The job of this thread when it is the CLI's worker. */
export function workerJob(): WorkerJob | undefined {
  return isMainThread ? undefined : (workerData as Record<string, WorkerJob> | null)?.[WORKER_TAG]
}

/**
 * Runs the job in a worker. With --fix (or --fix-dry-run) the worker does everything (it lints several times) and writes through
 * this process's stdout and stderr. Otherwise the work is shared: this thread reads and parses the files and
 * posts them, the worker lints them as they come (pass 1 overlaps the parsing) and posts back each file's
 * findings, which this thread writes out while the worker goes on (the report overlaps pass 2).
 */
export async function inWorker(job: Job, io: CliIo): Promise<number> {
  // --fix and --fix-dry-run need every file at once (fixes are re-linted pass by pass): the worker does it all.
  const streamed = !job.fix && !job.fixDryRun
  let worker: Worker
  let data: WorkerJob
  try {
    data = { job, cwd: io.cwd, streamed, taken: new Int32Array(new SharedArrayBuffer(4)) }
    worker = new Worker(workerScript()!, { workerData: { [WORKER_TAG]: data }, resourceLimits: { maxYoungGenerationSizeMb: workerYoungMb() } })
  } catch (err) {
    io.stderr.write(`gloo-harden: could not start a worker (${err instanceof Error ? err.message : String(err)}); linting on the main thread\n`)
    return analyse(job, io)
  }
  // The worker's messages from now until it exits; an error it throws ends the iteration with that error.
  const inbox = on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[unknown]>
  const fail = (what: string, err: unknown): number => {
    io.stderr.write(`gloo-harden: internal error ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 2
  }
  if (!streamed) {
    let code: number | undefined
    try {
      for await (const [m] of inbox) if (typeof m === 'number') code = m
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
    for await (const [m] of inbox) {
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
    code = await report(job, io, batches(), { lineStarts })
  } catch (err) {
    void worker.terminate()
    await feeding
    return readError ? fail('while reading', readError) : fail('in the worker', err)
  }
  await feeding
  if (readError) return fail('while reading', readError)
  return workerCode ?? code
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
export async function workerMain(data: WorkerJob): Promise<void> {
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
