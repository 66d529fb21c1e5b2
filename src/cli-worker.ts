/**
 * Large inputs in a worker thread, for the CLI. The worker runs the same bundle (dist/cli/index.js), which calls
 * workerMain when it finds its job in workerData.
 */
import { on } from 'node:events'
import { writeSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { analyse, guarded, type CliIo, type Job } from './cli-job.js'
import { plannedBytes, type FilePlan } from './io/files.js'

// Memory, not speed, is why large inputs run in a worker. The main thread's heap cannot be reconfigured once it
// runs, and V8 grows it with the allocation rate, not with what is alive: its young generation to 64 MB, its old
// generation to four times the live heap between full collections. A worker's heap is made for it: a capped young
// generation (`resourceLimits`) and a smaller growing factor (a V8 flag set before the worker starts) keep a run's
// peak near what it keeps alive (docs/benchmarks.md). The worker runs the ordinary path (`analyse`) and writes to
// this process's stdout and stderr itself, not through this thread (a worker's process.stdout hands every chunk
// to the main thread, which held up to 30 MB of a SARIF report); this thread only waits. Small inputs stay on the
// main thread: a worker costs tens of milliseconds to start.

/** Exit status when stdout's reader goes away before the report is written (128 + SIGPIPE, as a shell tool). */
export const EXIT_PIPE_CLOSED = 141

const WORKER_TAG = 'gloo-harden-cli-worker'
/**
 * Set in the worker's environment: only then does the bundle load worker_threads to look for its job (a run on
 * the main thread never loads it, nor v8: start-up).
 */
const WORKER_ENV = 'GLOO_HARDEN_CLI_WORKER'
/** Inputs of at least this many bytes go to a worker (GLOO_HARDEN_WORKER_MIN_BYTES overrides; -1 never). */
const WORKER_MIN_BYTES = 4 * 1024 * 1024
/** The worker's young generation, in MB (GLOO_HARDEN_WORKER_YOUNG_MB overrides). */
const WORKER_YOUNG_MB = 16
/** How much the worker's old generation may grow past what is alive before a full collection, in percent. */
const HEAP_GROWING_PERCENT = 25

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
export async function workerJob(): Promise<WorkerJob | undefined> {
  if (process.env[WORKER_ENV] !== '1') return undefined
  const { isMainThread, workerData } = await import('node:worker_threads')
  return isMainThread ? undefined : (workerData as Record<string, WorkerJob> | null)?.[WORKER_TAG]
}

/** Runs the whole job in a worker (which writes through this process's stdout and stderr); returns its exit code. */
export async function inWorker(job: Job, io: CliIo): Promise<number> {
  let worker: Worker
  try {
    const [threads, v8] = await Promise.all([import('node:worker_threads'), import('node:v8')])
    v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
    worker = new threads.Worker(workerScript()!, {
      env: { ...process.env, [WORKER_ENV]: '1' },
      workerData: { [WORKER_TAG]: { job, cwd: io.cwd } },
      resourceLimits: { maxYoungGenerationSizeMb: workerYoungMb() }
    })
  } catch (err) {
    io.stderr.write(`gloo-harden: could not start a worker (${err instanceof Error ? err.message : String(err)}); linting on the main thread\n`)
    return analyse(job, io)
  }
  let code: number | undefined
  try {
    for await (const [m] of on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[unknown]>) if (typeof m === 'number') code = m
  } catch (err) {
    io.stderr.write(`gloo-harden: internal error in the worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 2
  }
  return code ?? 2
}

interface WorkerJob {
  job: Job
  cwd: string
}

/** The worker's side: the job arrives as workerData; it runs it and posts its exit code (2 after an error, said on stderr). */
export async function workerMain(data: WorkerJob): Promise<void> {
  const io: CliIo = { cwd: data.cwd, stdout: fdSink(1), stderr: fdSink(2), color: data.job.color }
  const code = await guarded(io, async () => {
    try {
      return await analyse(data.job, io)
    } catch (err) {
      if (err instanceof PipeClosed) return EXIT_PIPE_CLOSED
      throw err
    }
  })
  const { parentPort } = await import('node:worker_threads')
  parentPort!.postMessage(code)
}

/** The reader of a file descriptor went away (EPIPE): the report is cut short. */
class PipeClosed extends Error {}

/**
 * A sink writing straight to one of the process's file descriptors, synchronously (a worker may block). A pipe
 * the main thread made non-blocking answers EAGAIN when full: the write waits a millisecond and goes on.
 */
export function fdSink(fd: number): { write(chunk: string): boolean } {
  const pause = new Int32Array(new SharedArrayBuffer(4))
  return {
    write(chunk: string): boolean {
      const bytes = Buffer.from(chunk, 'utf8')
      for (let at = 0; at < bytes.length; ) {
        try {
          at += writeSync(fd, bytes, at, bytes.length - at)
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code
          if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1)
          else if (code === 'EPIPE') throw new PipeClosed(`the reader of file descriptor ${fd} went away`)
          else throw err
        }
      }
      return true
    }
  }
}
