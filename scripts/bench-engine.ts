/**
 * The engine in process, for the benchmark's engine section (`npm run bench -- --only engine`; not a target): a
 * corpus read into memory first, then timed passes of js-yaml's `parseEvents` alone, of the parse and the located
 * tree (`parseDocuments`), and of the `Linter` (pass 1 and pass 2, with every rule and with none), and each values
 * rule timed around its `checkValues`, in rule order and in reverse order (the first rule to ask for a fact that a
 * memo shares pays for it). It runs the source (through tsx), not the bundle: it compares changes, not builds, and
 * without a process's start-up, reads and report its figures move less than the CLI's.
 *
 *   node --import tsx scripts/bench-engine.ts <corpus folder> [passes]   → one JSON object (EngineTimes) on stdout
 */
import { readdirSync, readFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEvents } from 'js-yaml'
import { Linter } from '../src/engine/lint.js'
import { rules as allRules } from '../src/rules/index.js'
import type { Rule } from '../src/rules/types.js'
import { parseDocuments } from '../src/yaml/tree.js'

export interface EngineTimes {
  files: number
  passes: number
  /** Medians over the timed passes, in ms. */
  parseMs: number
  parseAndTreeMs: number
  pass1Ms: number
  pass2Ms: number
  /** Pass 1 and pass 2 with no rule at all (`rules: []`). */
  noRulesMs: number
  /** Per values rule, the median of its time per pass, in rule order and in reverse order. */
  rules: [id: string, ms: number][]
  rulesReversed: [id: string, ms: number][]
  /**
   * Bytes allocated by one pass of each (garbage included), in MB: the parse, the parse and the tree, the Linter
   * with no rule and with every rule. Unlike times, these hardly move from run to run (round 13).
   */
  allocatedMb: { parse: number; parseAndTree: number; noRules: number; all: number }
}

/**
 * The bytes allocated while `run` runs, garbage included: V8's sampling heap profiler, which keeps a sample every
 * `interval` bytes on average and, asked to, the samples of objects already collected. An estimate, within about
 * a per cent on a run of hundreds of MB. The profiler answers in process and at once (the callbacks run before
 * `post` returns).
 */
export function allocatedBytes(run: () => void, interval = 4096): number {
  const session = new Session()
  session.connect()
  try {
    let started = false
    session.post('HeapProfiler.startSampling', { samplingInterval: interval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, (err) => {
      started = !err
    })
    if (!started) throw new Error('the sampling heap profiler did not start')
    run()
    type Sample = { selfSize: number; children: Sample[] }
    let head: Sample | undefined
    session.post('HeapProfiler.stopSampling', (err, result) => {
      head = err ? undefined : (result.profile.head as Sample)
    })
    if (!head) throw new Error('the sampling heap profiler gave no profile')
    let bytes = 0
    const stack = [head]
    for (let node = stack.pop(); node; node = stack.pop()) {
      bytes += node.selfSize
      stack.push(...node.children)
    }
    return bytes
  } finally {
    session.disconnect()
  }
}

/** The YAML and JSON files below `dir`, in path order, as the CLI reads a folder. */
export function readCorpus(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push({ path: p.slice(dir.length + 1), text: readFileSync(p, 'utf8') })
    }
  }
  walk(dir)
  return out
}

/**
 * The rules with each `checkValues` timed into `into` (by rule id). A generator's time runs until it is done, the
 * consumer's work between its results included: on a corpus without findings that is nothing.
 */
export function timedRules(rules: readonly Rule[], into: Map<string, number>): Rule[] {
  return rules.map((rule) => {
    const check = rule.checkValues
    if (!check) return rule
    return {
      ...rule,
      *checkValues(...args: Parameters<typeof check>) {
        const start = performance.now()
        try {
          yield* check.apply(rule, args)
        } finally {
          into.set(rule.meta.id, (into.get(rule.meta.id) ?? 0) + performance.now() - start)
        }
      }
    } as Rule
  })
}

/** The median of a list of figures (the bench's medians too). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** One Linter run over the files: pass 1 (every `add`) and pass 2 (`eachFile` to the end), in ms. */
function lintPass(files: readonly { path: string; text: string }[], rules: readonly Rule[]): { pass1: number; pass2: number } {
  let t = performance.now()
  const linter = new Linter({ rules, fingerprints: false })
  for (const f of files) linter.add(f)
  const pass1 = performance.now() - t
  t = performance.now()
  for (const file of linter.eachFile()) void file
  return { pass1, pass2: performance.now() - t }
}

/** Every measurement, `passes` timed passes each after one untimed pass. */
export function measureEngine(dir: string, passes: number): EngineTimes {
  const files = readCorpus(dir)
  const timedPasses = <T>(run: () => T): T[] => {
    run()
    return Array.from({ length: passes }, run)
  }
  const parse = timedPasses(() => {
    const t = performance.now()
    for (const f of files) parseEvents(f.text, { maxDepth: 200 })
    return performance.now() - t
  })
  const tree = timedPasses(() => {
    const t = performance.now()
    for (const f of files) parseDocuments(f.text)
    return performance.now() - t
  })
  const all = timedPasses(() => lintPass(files, allRules))
  const none = timedPasses(() => lintPass(files, []))
  const perRule = (order: readonly Rule[]): [string, number][] => {
    const byRule = new Map<string, number[]>()
    timedPasses(() => {
      const into = new Map<string, number>()
      lintPass(files, timedRules(order, into))
      for (const [id, ms] of into) byRule.set(id, [...(byRule.get(id) ?? []), ms])
    })
    // The untimed first pass is left out, as everywhere.
    return [...byRule].map(([id, ms]) => [id, median(ms.slice(1))] as [string, number]).sort((a, b) => b[1] - a[1])
  }
  const allocated = (run: () => void): number => Math.round(allocatedBytes(run) / 1e5) / 10
  const allocatedMb = {
    parse: allocated(() => files.forEach((f) => parseEvents(f.text, { maxDepth: 200 }))),
    parseAndTree: allocated(() => files.forEach((f) => parseDocuments(f.text))),
    noRules: allocated(() => lintPass(files, [])),
    all: allocated(() => lintPass(files, allRules))
  }
  return {
    files: files.length,
    passes,
    parseMs: median(parse),
    parseAndTreeMs: median(tree),
    pass1Ms: median(all.map((r) => r.pass1)),
    pass2Ms: median(all.map((r) => r.pass2)),
    noRulesMs: median(none.map((r) => r.pass1 + r.pass2)),
    rules: perRule(allRules),
    rulesReversed: perRule([...allRules].reverse()),
    allocatedMb
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, passes = '5'] = process.argv.slice(2)
  process.stdout.write(`${JSON.stringify(measureEngine(dir, Math.max(1, Number(passes))))}\n`)
}
