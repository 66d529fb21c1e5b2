/**
 * Large inputs, for the CLI: the main thread's heap tuned while the run goes on, so that a run's peak stays near
 * what it keeps alive.
 *
 * Left alone, V8 grows its heap with the allocation rate, not with what is alive. The young generation grows to
 * 64 MB, and the old generation to several times the live heap between full collections: a 20 MB scan peaks at
 * 400–600 MB. Two of V8's flags are read as the heap grows, so setting them while the process runs still takes
 * effect (docs/benchmarks.md, round 4):
 * - `--heap-growing-percent`: how far the old generation may grow past what is alive before the next full
 *   collection;
 * - `--semi-space-growth-factor=1`: once the young generation is large enough to be fast, it grows no more.
 *
 * A worker thread with a heap made for it did the same job before, for 35–55 MB more (a second isolate and a
 * second copy of the bundle, and its report handed through the main thread) and no gain in time. Small inputs
 * are left alone: node:v8 is loaded only here (start-up).
 */
import { plannedBytes, type FilePlan } from './io/files.js'

/** Inputs of at least this many bytes get a tuned heap (GLOO_HARDEN_HEAP_MIN_BYTES overrides; -1 never). */
const LARGE_INPUT_BYTES = 4 * 1024 * 1024
/** How much the old generation may grow past what is alive before a full collection, in percent. */
const HEAP_GROWING_PERCENT = 15
/** The young generation stops growing once its new space reaches this size, in MB. */
const NEW_SPACE_MB = 8
/** The new space is looked at every this many files (a look costs a few microseconds). */
const EVERY = 8

function largeInputBytes(): number {
  const raw = process.env.GLOO_HARDEN_HEAP_MIN_BYTES
  const v = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(v) ? (v < 0 ? Infinity : v) : LARGE_INPUT_BYTES
}

/** Whether a plan is large enough for a tuned heap. */
export async function wantsHeapTuning(plan: FilePlan): Promise<boolean> {
  const min = largeInputBytes()
  return Number.isFinite(min) && (await plannedBytes(plan, min)) >= min
}

/**
 * Tunes the heap for a large run, and returns what the run calls once per file it reads or checks: it stops the
 * young generation's growth once it is large enough.
 */
export async function tuneHeap(): Promise<() => void> {
  const v8 = await import('node:v8')
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  let files = 0
  let frozen = false
  return () => {
    if (frozen || ++files % EVERY) return
    const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
    if (newSpace && newSpace.space_size >= NEW_SPACE_MB * 1024 * 1024) {
      v8.setFlagsFromString('--semi-space-growth-factor=1')
      frozen = true
    }
  }
}
