/**
 * `npm run bench`: the figures of issue 13, each a ratio of two things measured side by side in this run, on this
 * Node (npm puts node_modules/.bin, Node 24, first on PATH). Child processes run the built dist/ bundles; every
 * measurement is repeated and reported as a median. Results: stdout and bench-out/bench-results.json.
 *
 *   npm run bench                      everything (a few minutes)
 *   npm run bench -- --runs 3          fewer repetitions
 *   npm run bench -- --only memory,time,threads,files,startup,api   (sections; `linear` adds the 4× corpus, `peers` other tools,
 *                                      `anatomy` where a scan's time and peak RSS go, `engine` the engine in process
 *                                      and each values rule's time)
 *   npm run bench -- --dist old-dist   another build's bundles (old-dist/index.js, old-dist/cli/index.js), to compare
 */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../__fixtures__/fake-github.js'
import { pullRequestEvent, removeWorkspace, runAction, writeEvent } from '../__fixtures__/e2e/harness.js'
import { rules } from '../src/rules/index.js'
import { memoryByKind, moduleMap, timeByModule, type CpuProfile, type MemoryAnatomy } from './bench-anatomy.js'
import { median, type EngineTimes } from './bench-engine.js'
import { debtValuesFile, generateCorpus, generateDebtCorpus, generateHardenedCorpus } from './bench-corpus.js'
import { runPeers } from './bench-peers.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'bench-out')
const NODE = process.execPath
const RSS_ON_EXIT = join(ROOT, 'scripts', 'rss-on-exit.cjs')
const SMAPS_ON_EXIT = join(ROOT, 'scripts', 'smaps-on-exit.cjs')

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    files: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string' }
  }
})
const DIST = opts.dist ? resolve(opts.dist) : join(ROOT, 'dist')
const CLI = join(DIST, 'cli', 'index.js')
const ACTION = join(DIST, 'index.js')
/** The installed command (it turns on Node's compile cache, then runs the CLI bundle); another build's bundle as is. */
const COMMAND = opts.dist ? CLI : join(ROOT, 'bin', 'gloo-harden.js')
const RUNS = Math.max(1, Number(opts.runs))
const FILES = Number(opts.files)
const SEED = Number(opts.seed)
const only = opts.only ? new Set(opts.only.split(',')) : undefined
const wanted = (section: string): boolean => !only || only.has(section)

// ---------------------------------------------------------------------------------------------------------
// Helpers

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const verdict = (ok: boolean): string => (ok ? 'meets the target' : 'MISSES the target')

interface Timed {
  ms: number
  code: number | null
  stdout: string
  stderr: string
  /** Peak RSS in kB, when the child ran with rss-on-exit.cjs. */
  maxRssKb?: number
}

/** Runs a child to completion; stdout goes to `stdoutFile` when given (a large report is not kept in memory). */
function timed(args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutFile?: string } = {}): Promise<Timed> {
  return new Promise((done, fail) => {
    const fd = o.stdoutFile ? openSync(o.stdoutFile, 'w') : undefined
    const start = process.hrtime.bigint()
    const child = spawn(NODE, args, { cwd: o.cwd ?? ROOT, env: o.env ?? process.env, stdio: ['ignore', fd ?? 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code) => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6
      if (fd !== undefined) closeSync(fd)
      const rss = /MAXRSS_KB (\d+)/.exec(stderr)
      done({ ms: elapsed, code, stdout, stderr, maxRssKb: rss ? Number(rss[1]) : undefined })
    })
  })
}

function newestMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string): void => {
    const st = statSync(p)
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e))
    else newest = Math.max(newest, st.mtimeMs)
  }
  for (const p of paths) if (existsSync(p)) visit(p)
  return newest
}

/** The bundles must be the current source: build them when they are older than src/. */
function ensureBuilt(): void {
  const src = newestMtime([join(ROOT, 'src'), join(ROOT, 'package.json')])
  const built = Math.min(...[CLI, ACTION].map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)))
  if (built >= src) return
  console.log('dist/ is older than src/: running npm run build first …')
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('npm run build failed')
}

/** A generated corpus, kept between runs (bench-out/ is git-ignored) and regenerated when its recipe changes. */
function corpus(name: string, files: number, seed: number, generate = generateCorpus): { dir: string; files: number; bytes: number } {
  const dir = join(OUT, name)
  const stamp = join(dir, '.recipe')
  const recipe = JSON.stringify({ files, seed, generate: generate.name, generator: statSync(join(ROOT, 'scripts', 'bench-corpus.ts')).mtimeMs })
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').startsWith(recipe)) {
    const info = JSON.parse(readFileSync(stamp, 'utf8').slice(recipe.length)) as { files: number; bytes: number }
    return { dir, ...info }
  }
  const info = generate(dir, files, seed)
  writeFileSync(stamp, recipe + JSON.stringify(info))
  return { dir, ...info }
}

// The denominator of the targets: js-yaml 5's parseEvents alone over the same files, in a child process of the
// same Node. It reports the parse time itself (files read first); the process's wall time and peak RSS come with it.
const BARE_PARSE = `
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEvents } from 'js-yaml'
const files = []
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\\.(ya?ml|json)$/.test(e.name)) files.push(p) } }
walk(process.argv[1])
files.sort()
let events = 0
if (process.argv[2] === 'stream') {
  // Memory's denominator: each file read and parsed in turn, nothing kept (what a scan that keeps nothing costs).
  for (const p of files) events += parseEvents(readFileSync(p, 'utf8'), { maxDepth: 200 }).length
  console.log(JSON.stringify({ parseMs: 0, events, files: files.length }))
} else {
  // Time's denominator: the files read first, then the parse alone is timed.
  const texts = files.map((p) => readFileSync(p, 'utf8'))
  const t = performance.now()
  for (const text of texts) events += parseEvents(text, { maxDepth: 200 }).length
  console.log(JSON.stringify({ parseMs: performance.now() - t, events, files: texts.length }))
}
`

async function bareParse(dir: string, stream = false): Promise<{ parseMs: number; wallMs: number; maxRssKb: number }> {
  const r = await timed(['--require', RSS_ON_EXIT, '--input-type=module', '-e', BARE_PARSE, dir, ...(stream ? ['stream'] : [])])
  if (r.code !== 0) throw new Error(`bare parse failed: ${r.stderr}`)
  return { parseMs: (JSON.parse(r.stdout) as { parseMs: number }).parseMs, wallMs: r.ms, maxRssKb: r.maxRssKb ?? NaN }
}

/**
 * What V8's young-generation collections (scavenges) find still alive in a run (`--trace-gc-nvp`, after the first
 * twenty, which load the code): the shares of the bytes allocated between scavenges that survived one in the young
 * generation and that were promoted out of it, the scavenges' count and pauses. A scan's files should die with
 * their turn: shares far above the bare parse's mean that something keeps trees alive between files (round 8: the
 * values of WeakMap entries whose keys had died).
 */
async function scavenges(args: string[], cwd?: string): Promise<{ count: number; survived: number; promoted: number; pauseMs: number }> {
  const trace = join(OUT, 'gc-trace.txt')
  const r = await timed(['--trace-gc-nvp', ...args], { cwd, stdoutFile: trace })
  if (r.code !== 0) throw new Error(`traced run failed (${r.code}): ${r.stderr}`)
  const lines = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((l) => l.includes(' gc=s '))
    .slice(20)
  rmSync(trace)
  const field = (line: string, name: string): number => Number(new RegExp(` ${name}=([0-9.]+)`).exec(line)?.[1] ?? 0)
  const sum = (name: string): number => lines.reduce((total, l) => total + field(l, name), 0)
  const allocated = sum('allocated')
  return { count: lines.length, survived: allocated && sum('new_space_survived') / allocated, promoted: allocated && sum('promoted') / allocated, pauseMs: sum('pause') }
}

type Format = 'text' | 'json' | 'sarif'

/**
 * A scan as a user runs it: the CLI bundle on a folder (or on `paths` in it), the report written to a file
 * (`scan-<tag>.<format>` when scans run at once). `untuned`: without the heap tuning of large inputs
 * (GLOO_HARDEN_HEAP_MIN_BYTES=-1). `rulesOff`: every rule off (a config file next to the corpus), for the cost of a
 * scan without findings. `options`: more of the CLI's options.
 */
async function scan(
  dir: string,
  o: { format?: Format; untuned?: boolean; rulesOff?: boolean; paths?: readonly string[]; tag?: string; options?: readonly string[] } = {}
): Promise<{ ms: number; maxRssKb: number; findings: number }> {
  const format = o.format ?? 'sarif'
  const out = join(OUT, `scan${o.tag ? `-${o.tag}` : ''}.${format}`)
  const env = o.untuned ? { ...process.env, GLOO_HARDEN_HEAP_MIN_BYTES: '-1' } : process.env
  const args = ['--require', RSS_ON_EXIT, CLI, '--format', format, '--fail-on', 'never']
  if (o.rulesOff) args.push('--config', rulesOffConfig())
  if (o.options) args.push(...o.options)
  const r = await timed([...args, ...(o.paths ?? ['.'])], { cwd: dir, stdoutFile: out, env })
  if (r.code !== 0) throw new Error(`scan failed (${r.code}): ${r.stderr}`)
  return { ms: r.ms, maxRssKb: r.maxRssKb ?? NaN, findings: countFindings(out, format) }
}

/** The findings of a report file, read a chunk at a time (a 4× SARIF log is larger than a string can be). */
function countFindings(path: string, format: Format): number {
  // JSON and text end with their totals; SARIF has one `"ruleId": ` per result (the rule descriptors use "id").
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (format !== 'sarif') {
      const tail = Buffer.alloc(Math.min(size, 4096))
      readSync(fd, tail, 0, tail.length, size - tail.length)
      const text = tail.toString('utf8')
      return Number((format === 'json' ? /"total": (\d+)/ : /^(\d+) findings?:/m).exec(text)?.[1] ?? 0)
    }
    const chunk = Buffer.alloc(1 << 20)
    const needle = Buffer.from('"ruleId": ')
    let count = 0
    let carry = Buffer.alloc(0)
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, chunk, 0, chunk.length, pos)
      pos += n
      const buf = Buffer.concat([carry, chunk.subarray(0, n)])
      for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) count++
      carry = Buffer.from(buf.subarray(Math.max(0, buf.length - needle.length + 1)))
    }
    return count
  } finally {
    closeSync(fd)
  }
}

/** A config file turning every rule off (outside the corpus, so it is not scanned). */
function rulesOffConfig(): string {
  const path = join(OUT, 'rules-off.yml')
  writeFileSync(path, `rules:\n${rules.map((r) => `  ${r.meta.id}: off`).join('\n')}\n`)
  return path
}

const report: Record<string, unknown> = {}

// ---------------------------------------------------------------------------------------------------------
// 1. Memory flat in findings: peak RSS of a scan with every rule firing, per format, against the bare parse

async function memory(): Promise<void> {
  const one = corpus('corpus-1x', FILES, SEED)
  console.log(`\n## 1. Memory (${one.files} files, ${(one.bytes / 1e6).toFixed(1)} MB, every rule; ${RUNS} runs each; peak RSS, the largest of the runs)`)
  const parse: number[] = []
  const byFormat = new Map<Format, { rss: number[]; ms: number[]; findings: number }>()
  const single: number[] = []
  for (let i = 0; i < RUNS; i++) {
    parse.push((await bareParse(one.dir, true)).maxRssKb)
    for (const format of ['text', 'json', 'sarif'] as const) {
      const s = await scan(one.dir, { format })
      const row = byFormat.get(format) ?? { rss: [], ms: [], findings: s.findings }
      row.rss.push(s.maxRssKb)
      row.ms.push(s.ms)
      byFormat.set(format, row)
    }
    single.push((await scan(one.dir, { format: 'sarif', untuned: true })).maxRssKb)
  }
  const base = Math.max(...parse)
  console.log(`  bare parseEvents process (each file read and parsed in turn): ${mb(base)}`)
  const rows: Record<string, unknown> = {}
  for (const [format, row] of byFormat) {
    const peak = Math.max(...row.rss)
    console.log(`  scan, ${format.padEnd(5)} (${row.findings} findings): ${mb(peak).padStart(7)}   ${ratio(peak, base)} the parse   target ≤ 2×: ${verdict(peak <= 2 * base)}   (${ms(median(row.ms))})`)
    rows[format] = { maxRssKb: row.rss, ms: row.ms, findings: row.findings, ratio: peak / base }
  }
  console.log(`  scan, sarif, heap not tuned:      ${mb(Math.max(...single))}   ${ratio(Math.max(...single), base)} the parse (for comparison)`)
  report.memory = { files: one.files, bytes: one.bytes, parseMaxRssKb: parse, formats: rows, untunedSarifMaxRssKb: single }
}

// ---------------------------------------------------------------------------------------------------------
// 2. Time: per MB on a corpus with few findings, and per finding on one with many

async function speed(): Promise<void> {
  const hardened = corpus('hardened', 2700, SEED, generateHardenedCorpus)
  console.log(`\n## 2. Time per MB (${hardened.files} hardened values files, ${(hardened.bytes / 1e6).toFixed(1)} MB; ${RUNS} runs each, alternating)`)
  const parse: number[] = []
  const parseWall: number[] = []
  const scans: number[] = []
  const singles: number[] = []
  const engine: number[] = []
  let found = 0
  for (let i = 0; i < RUNS; i++) {
    const p = await bareParse(hardened.dir)
    parse.push(p.parseMs)
    parseWall.push(p.wallMs)
    const s = await scan(hardened.dir, { format: 'text' })
    scans.push(s.ms)
    found = s.findings
    singles.push((await scan(hardened.dir, { format: 'text', untuned: true })).ms)
    engine.push((await scan(hardened.dir, { format: 'text', rulesOff: true })).ms)
    process.stdout.write(`  run ${i + 1}: parseEvents ${ms(p.parseMs)} (process ${ms(p.wallMs)}), scan ${ms(s.ms)} (heap not tuned ${ms(singles[i])}; every rule off ${ms(engine[i])})\n`)
  }
  const best = Math.min(median(scans), median(singles))
  console.log(`  bare parseEvents process (median): ${ms(median(parseWall))}   (the parse alone: ${ms(median(parse))})`)
  console.log(`  scan (median):                     ${ms(median(scans))} (${found} findings); heap not tuned ${ms(median(singles))}`)
  console.log(`  scan / parse process:              ${ratio(best, median(parseWall))}   target ≤ 1.5×: ${verdict(best <= 1.5 * median(parseWall))}`)
  // Each run's scan against the parse run just before it: the machine's speed drifts within a bench (±20 %).
  const paired = scans.map((t, i) => t / parseWall[i])
  console.log(`  the same, run by run:              ${paired.map((r) => `${r.toFixed(2)}×`).join(' / ')} (median ${median(paired).toFixed(2)}×)`)
  console.log(`  scan / the parse alone:            ${ratio(best, median(parse))}`)
  // What the scan costs before any rule: finding, reading (twice: a file is read again for its turn), parsing, the
  // located trees, installs and the report. The rules' share is the rest.
  console.log(`  every rule off / parse process:    ${ratio(median(engine), median(parseWall))} (${ms(median(engine))}): the engine without rules`)
  // The rules' own share, against the whole budget the target leaves: with js-yaml's parse inside the scan (the parse
  // alone above), the rest of the scan has 1.5× the parse process less the parse (round 14).
  const rulesMs = best - median(engine)
  const budget = 1.5 * median(parseWall) - median(parse)
  console.log(`  the rules alone (scan - rules off): ${ms(rulesMs)}: ${ratio(rulesMs, median(parseWall))} the parse process; the target leaves ${ms(budget)} for all but the parse`)
  const young = await scavenges([CLI, '--format', 'text', '--fail-on', 'never', '.'], hardened.dir)
  const bareYoung = await scavenges(['--input-type=module', '-e', BARE_PARSE, hardened.dir, 'stream'])
  const share = (x: number): string => `${(100 * x).toFixed(1)} %`
  console.log(
    `  young generation (traced run):    scan ${share(young.survived)} survived, ${share(young.promoted)} promoted (${young.count} scavenges, ${ms(young.pauseMs)} of pauses); bare parse ${share(bareYoung.survived)}, ${share(bareYoung.promoted)} (${bareYoung.count}, ${ms(bareYoung.pauseMs)})`
  )

  // The same files named one by one on the command line, as a pre-commit hook names a commit's files: no slower.
  const names = readdirSync(hardened.dir)
    .filter((e) => !e.startsWith('.'))
    .sort()
    .flatMap((d) => readdirSync(join(hardened.dir, d)).map((f) => `${d}/${f}`))
  const named: number[] = []
  for (let i = 0; i < RUNS; i++) named.push((await scan(hardened.dir, { format: 'text', paths: names })).ms)
  console.log(`  the ${names.length} files named one by one:   ${ms(median(named))}: ${ratio(median(named), median(scans))} the scan of the folder`)
  report.perMb = { files: hardened.files, bytes: hardened.bytes, findings: found, parseMs: parse, parseProcessMs: parseWall, scanMs: scans, untunedMs: singles, rulesOffMs: engine, rulesMs, budgetMs: budget, namedMs: named, scavenges: { scan: young, bareParse: bareYoung } }

  // The marginal cost of a finding: twin corpora that differ only in their findings (the hardened values, and the
  // same files with fifteen settings turned back), scanned alternately with SARIF output.
  const twins = Math.round(FILES * 0.45)
  const calm = corpus(`hardened-${twins}`, twins, SEED, generateHardenedCorpus)
  const debt = corpus(`debt-${twins}`, twins, SEED, generateDebtCorpus)
  console.log(`\n## 2. Time per finding (${twins} hardened values files and their twins with debt, ${(calm.bytes / 1e6).toFixed(1)} / ${(debt.bytes / 1e6).toFixed(1)} MB, SARIF; ${RUNS} runs each, alternating)`)
  const calmMs: number[] = []
  const debtMs: number[] = []
  let calmFound = 0
  let debtFound = 0
  for (let i = 0; i < RUNS; i++) {
    const a = await scan(calm.dir, { format: 'sarif' })
    const b = await scan(debt.dir, { format: 'sarif' })
    calmMs.push(a.ms)
    debtMs.push(b.ms)
    calmFound = a.findings
    debtFound = b.findings
  }
  const twinPerFinding = ((median(debtMs) - median(calmMs)) * 1000) / (debtFound - calmFound)
  console.log(`  hardened: ${ms(median(calmMs))} (${calmFound} findings); with debt: ${ms(median(debtMs))} (${debtFound} findings)`)
  console.log(`  marginal cost per finding (its rule's message and fix, its SARIF result): ${twinPerFinding.toFixed(1)} µs   target < 20 µs: ${verdict(twinPerFinding < 20)}`)
  // Each run's twins, scanned one after the other: what drifts between runs cancels out.
  const perRun = debtMs.map((t, i) => ((t - calmMs[i]) * 1000) / (debtFound - calmFound))
  console.log(`  the same, run by run: ${perRun.map((x) => `${x.toFixed(1)} µs`).join(' / ')} (median ${median(perRun).toFixed(1)} µs)`)

  const one = corpus('corpus-1x', FILES, SEED)
  console.log(`\n## 2. Time per finding, as first measured (${one.files} files, ${(one.bytes / 1e6).toFixed(1)} MB, SARIF; ${RUNS} runs each)`)
  const on: number[] = []
  const off: number[] = []
  let findings = 0
  for (let i = 0; i < RUNS; i++) {
    const a = await scan(one.dir, { format: 'sarif' })
    on.push(a.ms)
    findings = a.findings
    off.push((await scan(one.dir, { format: 'sarif', rulesOff: true })).ms)
  }
  // Against the hardened corpus (every rule, no findings), scaled to the same size. The corpora differ in more
  // than findings (routes, rendered objects and cross-file facts are in this one only), hence the twins above.
  const sameSizeNoFindings = (best * one.bytes) / hardened.bytes
  const perFinding = ((median(on) - sameSizeNoFindings) * 1000) / findings
  const withRules = ((median(on) - median(off)) * 1000) / findings
  console.log(`  every rule: ${ms(median(on))} (${findings} findings); every rule off: ${ms(median(off))}; the hardened corpus at this size: ${ms(sameSizeNoFindings)}`)
  console.log(`  against the hardened corpus scaled (the first measure; the corpora differ in more than findings): ${perFinding.toFixed(1)} µs`)
  console.log(`  against every rule off (the rules' own work counted too): ${withRules.toFixed(1)} µs`)
  report.perFinding = {
    twins: { files: twins, hardenedMs: calmMs, debtMs, hardenedFindings: calmFound, debtFindings: debtFound, microseconds: twinPerFinding },
    findings,
    rulesOnMs: on,
    rulesOffMs: off,
    hardenedScaledMs: sameSizeNoFindings,
    microsecondsAgainstHardened: perFinding,
    microsecondsWithRules: withRules
  }

  if (!wanted('linear')) return
  const four = corpus('corpus-4x', FILES * 4, SEED)
  console.log(`\n## Linear (1× ${(one.bytes / 1e6).toFixed(1)} MB vs 4× ${(four.bytes / 1e6).toFixed(1)} MB; ${Math.min(RUNS, 3)} runs each)`)
  const t1: number[] = []
  const t4: number[] = []
  const rss4: number[] = []
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    t1.push((await scan(one.dir)).ms)
    const s = await scan(four.dir)
    t4.push(s.ms)
    rss4.push(s.maxRssKb)
    process.stdout.write(`  run ${i + 1}: 1× ${ms(t1[i])}, 4× ${ms(t4[i])} (peak RSS ${mb(s.maxRssKb)})\n`)
  }
  console.log(`  4× / 1× scan: ${ratio(median(t4), median(t1))}; peak RSS of the 4× scan ${mb(Math.max(...rss4))}`)
  report.linear = { bytes1x: one.bytes, bytes4x: four.bytes, scan1xMs: t1, scan4xMs: t4, maxRss4xKb: rss4 }
}

// ---------------------------------------------------------------------------------------------------------
// Peers: other tools a team might run over the same files (installed into bench-out/peers from npm; yamllint from
// Debian), once each, against one scan of ours — so a regression against them shows up.

async function peers(): Promise<void> {
  const one = corpus('corpus-1x', FILES, SEED)
  console.log(`\n## Peers (${one.files} files, ${(one.bytes / 1e6).toFixed(1)} MB; one run each)`)
  const ours = await scan(one.dir, { format: 'sarif' })
  const rows = [{ tool: 'gloo-harden', version: 'this build', ms: ours.ms, maxRssKb: ours.maxRssKb }, ...(await runPeers(one.dir, { workDir: join(OUT, 'peers'), node: NODE }))]
  for (const r of rows)
    console.log(`  ${`${r.tool} ${r.version}`.padEnd(34)} ${r.ms ? ms(r.ms).padStart(8) : '       –'}  ${r.maxRssKb ? mb(r.maxRssKb).padStart(7) : '      –'}${'note' in r && r.note ? `   (${r.note})` : ''}`)
  report.peers = rows
}

// ---------------------------------------------------------------------------------------------------------
// 4. Start-up

async function startup(): Promise<void> {
  const n = Math.max(RUNS * 3, 11)
  const small = join(OUT, 'startup', 'values.yaml')
  mkdirSync(dirname(small), { recursive: true })
  writeFileSync(small, 'gateway:\n  validation:\n    alwaysAcceptResources: true\ngatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      probes: true\n')
  // No GITHUB_* / INPUT_* variables: the action starts, finds no token and fails, as fast as it can.
  const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(k)))
  const cases: [string, string[]][] = [
    ["node -e ''", ['-e', '']],
    ['node dist/index.js', [ACTION]],
    ['CLI on one small file', [COMMAND, '--fail-on', 'never', small]]
  ]
  const times = new Map<string, number[]>(cases.map(([k]) => [k, []]))
  for (let i = 0; i < n; i++) for (const [name, args] of cases) times.get(name)!.push((await timed(args, { env: bare })).ms)
  console.log(`\n## Start-up (${n} runs each, interleaved)`)
  const base = median(times.get("node -e ''")!)
  for (const [name] of cases) {
    const m = median(times.get(name)!)
    const r = m / base
    // The CLI's target (pre-commit runs it on every commit); the action's start-up is dominated by the network.
    const target = name.startsWith('CLI') ? `   target ≤ 2.5×: ${verdict(r <= 2.5)}` : ''
    console.log(`  ${name.padEnd(24)} ${ms(m).padStart(7)}   ${name === "node -e ''" ? '' : `${ratio(m, base)}${target}`}`)
  }
  report.startup = Object.fromEntries([...times].map(([k, v]) => [k, v]))
}

// ---------------------------------------------------------------------------------------------------------
// 5. API cost against the fake GitHub

const ONLY_RULE = 'validation-always-accept'

/** A workspace whose PR adds `n` values files, each with exactly one finding on an added line. */
function pullWorkspace(n: number): { workspace: string; files: FakePullFile[] } {
  const workspace = join(mkdtempSync(join(tmpdir(), 'gloo-harden-bench-')), 'platform')
  mkdirSync(join(workspace, '.github'), { recursive: true })
  const off = rules.map((r) => r.meta.id).filter((id) => id !== ONLY_RULE)
  writeFileSync(join(workspace, '.github', 'gloo-harden.yml'), `rules:\n${off.map((id) => `  ${id}: off`).join('\n')}\n`)
  const files: FakePullFile[] = []
  for (let i = 0; i < n; i++) {
    const path = `gloo/team-${String(i).padStart(3, '0')}/values.yaml`
    const text = `# team ${i}\ngateway:\n  validation:\n    alwaysAcceptResources: true\n`
    mkdirSync(join(workspace, dirname(path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
    files.push({ filename: path, status: 'added', content: text, patch: addedPatch(text) })
  }
  return { workspace, files }
}

function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`
}

async function api(): Promise<void> {
  console.log('\n## API cost (the built action against the fake GitHub; max-comments 30, the default)')
  console.log('  N findings | review comments | annotations | writes: review + check-run create + updates | expected')
  const rows: unknown[] = []
  for (const n of [1, 10, 30, 31, 50, 100, 200, 500]) {
    const { workspace, files } = pullWorkspace(n)
    const fake = await startFakeGitHub({ headSha: pullHead, files })
    try {
      const run = await runAction(ACTION, { fake, workspace, eventPath: eventFor(workspace, files.length) })
      if (run.code !== 0 && run.code !== 1) throw new Error(`action exited ${run.code}: ${run.stderr}`)
      const writes = fake.writes()
      const reviews = writes.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews')).length
      const creates = writes.filter((r) => r.method === 'POST' && r.path.endsWith('/check-runs')).length
      const updates = writes.filter((r) => r.method === 'PATCH' && r.path.includes('/check-runs/')).length
      const comments = fake.comments.length
      const annotations = fake.checkRun()?.annotations.length ?? 0
      // The completing update carries the first 50 annotations; each further 50 is one more update.
      const expected = (comments ? 1 : 0) + 1 + Math.max(1, Math.ceil(annotations / 50))
      const ok = writes.length === expected && reviews <= 1 && creates === 1
      console.log(
        `  ${String(n).padStart(10)} | ${String(comments).padStart(15)} | ${String(annotations).padStart(11)} | ${reviews} + ${creates} + ${updates} = ${String(writes.length).padEnd(24)} | ${expected} ${ok ? '' : 'MISMATCH'}`
      )
      rows.push({ n, comments, annotations, reviews, creates, updates, writes: writes.length, expected })
    } finally {
      await fake.stop()
      removeWorkspace(workspace)
    }
  }
  report.api = rows

  // A 3,000-file pull request (GitHub's listing limit), end to end, every rule on. The client paces writes at one a
  // second (GitHub's guidance for content-creating requests); annotations are capped by max-annotations (default
  // 500: ten check-run updates), so the count of findings does not decide the time.
  const big = corpus('pr-3000', 3000, SEED + 1)
  mkdirSync(join(big.dir, '.github'), { recursive: true })
  writeFileSync(join(big.dir, '.github', 'gloo-harden.yml'), '# Every rule, as configured by default.\nrules: {}\n')
  const files: FakePullFile[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.yaml')) {
        const text = readFileSync(p, 'utf8')
        files.push({ filename: relative(big.dir, p), status: 'added', content: text, patch: addedPatch(text) })
      }
    }
  }
  walk(big.dir)
  const times: number[] = []
  const analysis: number[] = []
  let last: Record<string, number> = {}
  for (let i = 0; i < Math.min(RUNS, 2); i++) {
    const fake = await startFakeGitHub({ headSha: pullHead, files })
    try {
      const { run, ms: total, reviewMs } = await timedAction(fake, big.dir, eventFor(big.dir, files.length, true))
      times.push(total)
      analysis.push(reviewMs)
      if ((run.code !== 0 && run.code !== 1) || run.outputs.findings === undefined)
        throw new Error(`action exited ${run.code}: ${run.stderr}\n${run.stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n')}`)
      last = {
        requests: fake.requests.length,
        writes: fake.writes().length,
        comments: fake.comments.length,
        annotations: fake.checkRun()?.annotations.length ?? 0,
        findings: Number(run.outputs.findings)
      }
    } finally {
      await fake.stop()
    }
  }
  rmSync(join(dirname(big.dir), 'pr-3000-event.json'), { force: true })
  const total = median(times)
  console.log(
    `\n  3,000-file PR (${(big.bytes / 1e6).toFixed(1)} MB, every rule), end to end: ${ms(total)} (target < 2 minutes: ${verdict(total < 120_000)}), of which ${ms(median(analysis))} until the review is posted` +
      ` (list, read, lint, plan); then ${last.writes - 2} paced check-run updates.\n  ${last.findings} findings: ${last.comments} review comments, ${last.annotations} annotations; ${last.requests} requests, ${last.writes} writes.`
  )
  report.pr3000 = { files: files.length, bytes: big.bytes, rules: 'all', ms: times, untilReviewMs: analysis, ...last }

  // One file with thousands of fixable findings, every rule on: its review is planned among them all (a clash of
  // suggestions was looked for among every earlier one of the file: round 9).
  const workspace = join(mkdtempSync(join(tmpdir(), 'gloo-harden-bench-')), 'platform')
  const text = debtValuesFile(1_600)
  mkdirSync(join(workspace, 'gloo'), { recursive: true })
  writeFileSync(join(workspace, 'gloo', 'values.yaml'), text)
  const one: FakePullFile[] = [{ filename: 'gloo/values.yaml', status: 'added', content: text, patch: addedPatch(text) }]
  const oneTimes: number[] = []
  const oneReview: number[] = []
  let oneFindings = 0
  try {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const fake = await startFakeGitHub({ headSha: pullHead, files: one })
      try {
        const { run, ms: total, reviewMs } = await timedAction(fake, workspace, eventFor(workspace, 1))
        oneTimes.push(total)
        oneReview.push(reviewMs)
        if ((run.code !== 0 && run.code !== 1) || run.outputs.findings === undefined) throw new Error(`action exited ${run.code}: ${run.stderr}`)
        oneFindings = Number(run.outputs.findings)
      } finally {
        await fake.stop()
      }
    }
  } finally {
    removeWorkspace(workspace)
  }
  console.log(
    `  One file of 1,600 gateway proxies with debt (${(text.length / 1e6).toFixed(1)} MB), end to end: ${ms(median(oneTimes))}, of which ${ms(median(oneReview))} until the review is posted` +
      ` (${((median(oneReview) * 1000) / oneFindings).toFixed(0)} µs a finding); ${oneFindings} findings.`
  )
  report.oneFilePr = { bytes: text.length, findings: oneFindings, ms: oneTimes, untilReviewMs: oneReview }
}
const pullHead = 'c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a'

/**
 * The built action on a pull request against the fake GitHub: its time end to end, and until the review is posted
 * (by then listing, reading, linting and planning are done; then come the paced check-run updates).
 */
async function timedAction(fake: FakeGitHub, workspace: string, eventPath: string): Promise<{ run: Awaited<ReturnType<typeof runAction>>; ms: number; reviewMs: number }> {
  const t = process.hrtime.bigint()
  const since = (): number => Number(process.hrtime.bigint() - t) / 1e6
  let reviewMs = 0
  const watch = setInterval(() => {
    if (!reviewMs && fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/reviews'))) reviewMs = since()
  }, 5)
  try {
    const run = await runAction(ACTION, { fake, workspace, eventPath })
    return { run, ms: since(), reviewMs }
  } finally {
    clearInterval(watch)
  }
}

/** The fixture pull_request event, with the number of changed files this PR has. */
function eventFor(workspace: string, changed: number, beside = false): string {
  const payload = pullRequestEvent((p) => {
    p.pull_request.changed_files = changed
    p.pull_request.head.sha = pullHead
  })
  if (!beside) return writeEvent(workspace, 'event.json', payload)
  // The corpus folder is reused between runs: keep the event out of it.
  const path = join(dirname(workspace), 'pr-3000-event.json')
  writeFileSync(path, JSON.stringify(payload))
  return path
}

// ---------------------------------------------------------------------------------------------------------
// 3. What a second thread could give: the hardened corpus in two halves, each scanned by its own process at the
// same time, against one process on the whole. Two processes are two isolates, as a worker would be, with no
// protocol between them: the most a second thread could save. (The design question of target 2: every install
// of this corpus is a file alone, so the halves do the same work as the whole.)

async function halves(): Promise<void> {
  const hardened = corpus('hardened', 2700, SEED, generateHardenedCorpus)
  const folders = readdirSync(hardened.dir).filter((e) => !e.startsWith('.')).sort()
  const half = [folders.slice(0, folders.length >> 1), folders.slice(folders.length >> 1)]
  console.log(`\n## 3. A second thread (${hardened.files} hardened values files: one process, two processes on a half each at once, and one with a parse process alongside; ${RUNS} runs each, alternating)`)
  const whole: number[] = []
  const both: number[] = []
  const rss: number[] = []
  // The other split a second thread could make: the parse there, the rest here. A bare parse process started with
  // the scan takes from the scan's two cores what a parse worker would; the scan without its own parse would take
  // about its time so slowed, less the parse alone (a bare process's, run by itself after). An estimate: the parse's
  // collections stay in it, and what a worker adds (handing the events over, trees built from them) is not in it.
  const alongside: number[] = []
  const parseAlone: number[] = []
  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const one = await scan(hardened.dir, { format: 'text' })
    const start = process.hrtime.bigint()
    const two = await Promise.all(half.map((paths, k) => scan(hardened.dir, { format: 'text', paths, tag: `half-${k}` })))
    const wall = Number(process.hrtime.bigint() - start) / 1e6
    whole.push(one.ms)
    both.push(wall)
    rss.push(two[0].maxRssKb + two[1].maxRssKb - one.maxRssKb)
    const [slowed] = await Promise.all([scan(hardened.dir, { format: 'text' }), bareParse(hardened.dir)])
    alongside.push(slowed.ms)
    const parse = await bareParse(hardened.dir)
    parseAlone.push(parse.parseMs)
    bare.push(parse.wallMs)
    process.stdout.write(`  run ${i + 1}: one process ${ms(one.ms)}, two halves at once ${ms(wall)}; with a parse process alongside ${ms(slowed.ms)}\n`)
  }
  console.log(`  one process (median): ${ms(median(whole))}; two halves at once: ${ms(median(both))}: ${ratio(median(whole), median(both))} faster, for ${mb(median(rss))} more peak RSS (the two peaks against the one)`)
  const bound = median(alongside) - median(parseAlone)
  console.log(
    `  the parse on another thread: the scan with a parse process alongside ${ms(median(alongside))} (${ratio(median(alongside), median(whole))} the scan alone); without its own parse (${ms(median(parseAlone))}) about ${ms(bound)}: ${ratio(bound, median(bare))} the bare parse process (${ms(median(bare))}), the parse's collections still in it`
  )
  report.halves = { files: hardened.files, wholeMs: whole, halvesMs: both, extraRssKb: rss, alongsideMs: alongside, parseAloneMs: parseAlone, bareParseProcessMs: bare }
}

// ---------------------------------------------------------------------------------------------------------
// Anatomy (only with `--only anatomy`; not a target): where the hardened scan's time goes, by bundled module, and
// where the peak RSS of the scan with findings goes, by what holds it, against the bare parse's. The figures behind
// round 10's reading of target 2 (docs/benchmarks.md), measured again in one command.

async function anatomy(): Promise<void> {
  const hardened = corpus('hardened', 2700, SEED, generateHardenedCorpus)
  const dir = join(OUT, 'cpu-profile')
  const map = moduleMap(readFileSync(CLI, 'utf8'))
  // A sample every 2 ms: at 0.25–1 ms the profiler's signals interrupt the reads so often that they take 0.3–0.4 s
  // longer (the scan 1.6 → 2.0–2.2 s, all of it in io/files.ts); 2 ms costs the scan about 4 %, though now and then
  // a run still reads 0.3 s longer: each run's time is printed with the mean.
  const byModule = new Map<string, number>()
  let underRules = 0
  let total = 0
  const walls: number[] = []
  for (let i = 0; i < RUNS; i++) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir)
    const run = await timed(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '2000', CLI, '--format', 'text', '--fail-on', 'never', '.'], {
      cwd: hardened.dir,
      stdoutFile: join(OUT, 'scan-anatomy.text')
    })
    if (run.code !== 0) throw new Error(`profiled scan failed (${run.code}): ${run.stderr}`)
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) throw new Error(`profiled scan wrote no profile in ${dir}`)
    const time = timeByModule(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, pathToFileURL(CLI).href, map)
    for (const [name, t] of time.byModule) byModule.set(name, (byModule.get(name) ?? 0) + t / RUNS)
    underRules += time.underRules / RUNS
    total += time.totalMs / RUNS
    walls.push(run.ms)
  }
  console.log(
    `\n## Anatomy: the scan of the ${hardened.files} hardened values files by bundled module (CPU profiles, a sample every 2 ms, the mean of ${RUNS} runs: ${walls.map(ms).join(', ')}; each sample goes to the module of its innermost frame in the bundle)`
  )
  const rows = [...byModule].sort((a, b) => b[1] - a[1])
  for (const [name, t] of rows.slice(0, 14)) console.log(`  ${ms(t).padStart(8)}  ${name}`)
  const rest = rows.slice(14).reduce((sum, [, t]) => sum + t, 0)
  if (rest) console.log(`  ${ms(rest).padStart(8)}  ${rows.length - 14} other modules`)
  console.log(`  with a rule's frame on the stack: ${ms(underRules)} of ${ms(total)}`)
  const timeReport = { runsMs: walls, meanMs: Object.fromEntries(byModule), underRulesMs: underRules, totalMs: total }

  const one = corpus('corpus-1x', FILES, SEED)
  const smaps = join(OUT, 'smaps.txt')
  const binary = `/${basename(realpathSync(NODE))}`
  const mapped = async (args: string[], cwd: string, stdoutFile?: string): Promise<{ kinds: MemoryAnatomy; maxRssKb: number } | undefined> => {
    rmSync(smaps, { force: true })
    const r = await timed(['--require', SMAPS_ON_EXIT, '--require', RSS_ON_EXIT, ...args], { cwd, env: { ...process.env, SMAPS_OUT: smaps }, stdoutFile })
    if (r.code !== 0) throw new Error(`mapped run failed (${r.code}): ${r.stderr}`)
    return existsSync(smaps) ? { kinds: memoryByKind(readFileSync(smaps, 'utf8'), binary), maxRssKb: r.maxRssKb ?? NaN } : undefined
  }
  const scanned = await mapped([CLI, '--format', 'sarif', '--fail-on', 'never', '.'], one.dir, join(OUT, 'scan-anatomy.sarif'))
  const bare = await mapped(['--input-type=module', '-e', BARE_PARSE, one.dir, 'stream'], ROOT)
  if (!scanned || !bare) {
    console.log('\n## Anatomy of the peak RSS: no /proc/self/smaps on this system')
    report.anatomy = { time: timeReport }
    return
  }
  console.log(`\n## Anatomy of the peak RSS (${one.files} files with findings, SARIF, against the bare parse; the memory map at exit)`)
  const labels: [keyof MemoryAnatomy, string][] = [
    ['v8Pages', "V8's heap pages (256 kB mappings)"],
    ['binary', "the node binary's pages"],
    ['anonymous', "other anonymous memory (malloc's thread arenas, V8's large objects)"],
    ['brk', "the brk heap (malloc's main arena)"],
    ['libraries', 'shared libraries'],
    ['other', 'the rest']
  ]
  console.log(`  ${'scan'.padStart(8)} ${'parse'.padStart(8)}`)
  for (const [key, label] of labels) console.log(`  ${mb(scanned.kinds[key]).padStart(8)} ${mb(bare.kinds[key]).padStart(8)}  ${label}`)
  console.log(`  ${mb(scanned.maxRssKb).padStart(8)} ${mb(bare.maxRssKb).padStart(8)}  peak RSS`)
  report.anatomy = { time: timeReport, memoryKb: { scan: scanned, bareParse: bare } }
}

// ---------------------------------------------------------------------------------------------------------
// One large file: what each of its many findings costs when they all come from one file (a generated file, a
// values file pasted twice). Each should cost about what a finding costs anywhere: nothing per finding may scan
// the file's other findings, keys or comments.

async function largeFiles(): Promise<void> {
  const dir = join(OUT, 'large-files')
  mkdirSync(dir, { recursive: true })
  const keys = (n: number, indent = ''): string => Array.from({ length: n }, (_, i) => `${indent}k${i}: 1\n`).join('')
  // `items`: what the time is divided by (0: the findings); `dir`: the case's folder, when not named by its file.
  const cases: { name: string; file: string; dir?: string; text: string; items: number }[] = [
    { name: 'a map of 50,000 keys written twice (duplicate keys)', file: 'gloo-twice.yaml', text: `# gloo\n${keys(50_000)}${keys(50_000)}`, items: 50_000 },
    {
      name: '20,000 duplicate keys, each suppressed by a comment',
      file: 'gloo-suppressed.yaml',
      text: `# gloo\n${'# gloo-harden-ignore yaml-duplicate-key: generated\na: 1\n'.repeat(20_000)}`,
      items: 20_000
    },
    {
      name: '5,000 keys the chart does not know (each with a "did you mean" to look for)',
      file: 'values.yaml',
      text: `gloo:\n  deployment:\n    replicas: 2\ngatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      httpPort: 8080\nsettings:\n${keys(5_000, '  ')}`,
      items: 5_000
    },
    {
      // Every proxy's lookups start in gatewayProxies: a scan of that map per lookup made this quadratic (round 9).
      name: 'values with 3,000 gateway proxies, the debt twin\'s settings (six fixable findings each)',
      file: 'values.yaml',
      dir: 'proxies',
      text: debtValuesFile(3_000),
      items: 0
    }
  ]
  console.log(`\n## One large file (${Math.min(RUNS, 3)} runs each; JSON report)`)
  const rows: Record<string, unknown>[] = []
  for (const c of cases) {
    const sub = join(dir, c.dir ?? c.file.replace(/\.yaml$/, ''))
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, c.file), c.text)
    const times: number[] = []
    let findings = 0
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const r = await scan(sub, { format: 'json' })
      times.push(r.ms)
      findings = r.findings
    }
    const each = (median(times) * 1000) / (c.items || findings)
    console.log(`  ${c.name}: ${ms(median(times))} (${findings} findings), ${each.toFixed(0)} µs each`)
    rows.push({ name: c.name, items: c.items, findings, ms: times })
  }
  // --fix-dry-run on the file of proxies: every fix applied, linted again until nothing changes, and the diff printed
  // (its jsdiff took time in the lines times the lines changed, and the passes compared each fix with every earlier
  // one: round 9).
  const proxies = join(dir, 'proxies')
  const fixTimes: number[] = []
  for (let i = 0; i < Math.min(RUNS, 3); i++) fixTimes.push((await scan(proxies, { format: 'json', options: ['--fix-dry-run'] })).ms)
  console.log(`  --fix-dry-run of the file of 3,000 gateway proxies: ${ms(median(fixTimes))}`)
  rows.push({ name: 'fix-dry-run of the file of 3,000 gateway proxies', ms: fixTimes })
  report.largeFiles = rows
}

// ---------------------------------------------------------------------------------------------------------
// Engine (only with `--only engine`; not a target): the engine in process over the hardened corpus read into
// memory, and each values rule's time (scripts/bench-engine.ts; round 12). From the source, not the bundles.

async function engineSection(): Promise<void> {
  const hardened = corpus('hardened', 2700, SEED, generateHardenedCorpus)
  const passes = Math.max(3, RUNS)
  const run = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'scripts', 'bench-engine.ts'), hardened.dir, String(passes)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 })
  if (run.status !== 0) throw new Error(`the engine section failed (${run.status}): ${run.stderr}`)
  const t = JSON.parse(run.stdout) as EngineTimes
  const top = (rules: [string, number][]): string =>
    `${rules
      .slice(0, 8)
      .map(([id, ms]) => `${id} ${ms.toFixed(0)}`)
      .join(', ')} ms; all ${ms(rules.reduce((sum, [, x]) => sum + x, 0))}`
  console.log(`\n## Engine in process (${t.files} hardened values files read into memory first; the source through tsx; medians of ${t.passes} passes after one)`)
  console.log(`  js-yaml's parseEvents alone:     ${ms(t.parseMs)}`)
  console.log(`  the parse and the located tree:  ${ms(t.parseAndTreeMs)}`)
  console.log(`  Linter, pass 1 / pass 2:         ${ms(t.pass1Ms)} / ${ms(t.pass2Ms)}   (with no rule at all: ${ms(t.noRulesMs)} in all)`)
  console.log(`  values rules, in rule order:     ${top(t.rules)}`)
  console.log(`  in reverse order:                ${top(t.rulesReversed)}   (the first rule to ask for a fact a memo shares pays for it)`)
  const a = t.allocatedMb
  console.log(`  allocated by one pass:           parseEvents ${a.parse.toFixed(0)} MB, the parse and the tree ${a.parseAndTree.toFixed(0)} MB, Linter with no rule ${a.noRules.toFixed(0)} MB, with every rule ${a.all.toFixed(0)} MB   (garbage included)`)
  report.engine = t
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  if (!opts.dist) ensureBuilt()
  const cpu = cpus()
  const machine = { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGb: +(totalmem() / 1e9).toFixed(1), node: process.version, platform: `${process.platform} ${process.arch}` }
  report.machine = machine
  console.log(`# gloo-harden benchmark — ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, Node ${machine.node}${opts.dist ? ` — bundles of ${relative(ROOT, DIST)}` : ''}`)
  if (Number(process.version.slice(1).split('.')[0]) < 24) console.log(`  (expected Node 24 from node_modules/.bin: run it as npm run bench)`)
  if (wanted('memory')) await memory()
  if (wanted('time') || wanted('linear')) await speed()
  if (wanted('threads')) await halves()
  if (wanted('files')) await largeFiles()
  if (wanted('startup')) await startup()
  // Other tools over the same corpus (minutes): only when asked for (`--only peers`).
  if (only?.has('peers')) await peers()
  // Where the time and the peak RSS go (a profiled run and two mapped ones): only when asked for.
  if (only?.has('anatomy')) await anatomy()
  // The engine in process and each rule's time (from the source): only when asked for.
  if (only?.has('engine')) await engineSection()
  if (wanted('api')) await api()
  const results = join(OUT, opts.dist ? 'bench-results-other.json' : 'bench-results.json')
  writeFileSync(results, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nRaw figures: ${relative(ROOT, results)}`)
}

await main()
