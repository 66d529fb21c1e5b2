/**
 * What the CLI does once its arguments, config and files are known (a Job: plain data): lint or fix, compare with
 * a baseline, report, exit code. Called by cli.ts.
 */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FILE_HEADERS_ONLY, formatPatch } from 'diff'
import { linePatch } from './report/patch.js'
import { BaselineError, classify, parseBaselineFile, toBaselineFile } from './engine/baseline.js'
import { tuneHeap } from './cli-heap.js'
import { ConfigError, type Config } from './engine/config.js'
import { fixFiles, type AppliedEdit } from './engine/fix.js'
import { Linter, type LintFile, type LintOptions } from './engine/lint.js'
import { decode, printablePath, readEach, readFiles, writeRepoFile, type FilePlan, type RepoFile } from './io/files.js'
import { namesGlooDependency } from './forms/manifests.js'
import type { Finding } from './model/finding.js'
import { reaches, type FailOn } from './report/gate.js'
import { writeJson } from './report/json.js'
import { writeSarif, type LineStarts, type SarifOptions } from './report/sarif.js'
import { writeChunked } from './report/stream.js'
import { countFindings, formatFileBlock, formatSummary, printable, type Counts } from './report/text.js'
import { ruleIds, rules } from './rules/index.js'

export interface CliIo {
  cwd: string
  stdout: { write(chunk: string): unknown }
  stderr: { write(chunk: string): unknown }
  /** ANSI colours in text output (main() decides with wantsColor: the TTY, FORCE_COLOR, NO_COLOR). */
  color?: boolean
  /** The terminal's width in columns, for the text report (main(): stdout's on a TTY; default 80). */
  columns?: number
  /** Standard input, for `-` (main(): process.stdin); absent, `-` reads nothing. */
  stdin?: AsyncIterable<Buffer | string | Uint8Array>
  /**
   * Large inputs may tune this process's heap as they run (cli-heap.ts: V8 flags, process-wide; main() allows it,
   * a test calling runCli does not).
   */
  tuneHeap?: boolean
}

export type Format = 'text' | 'json' | 'sarif'
export type { FailOn } from './report/gate.js'
export const TRY_HELP = "Run 'gloo-harden --help' for usage.\n"

export class UsageError extends Error {}

/**
 * Turns usage, config and baseline errors (a bad ref, a bad baseline file) into exit code 2 with a message, and
 * anything else into an internal error.
 */
export async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body()
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof BaselineError) {
      io.stderr.write(`gloo-harden: ${err.message}\n`)
      if (err instanceof UsageError) io.stderr.write(TRY_HELP)
      return 2
    }
    io.stderr.write(`gloo-harden: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    return 2
  }
}

/** What is left to do once the arguments, the config and the files are known: plain data. */
export interface Job {
  /** The input is large: the heap is tuned as the run goes on (cli-heap.ts). */
  tuneHeap?: boolean
  plan: FilePlan
  config: Config
  format: Format
  failOn: FailOn
  fix: boolean
  /** `--fix-dry-run`: print the diff `--fix` would write, write nothing, and report as a run without `--fix`. */
  fixDryRun?: boolean
  /** `--quiet`: report errors only; warnings and notices are not printed, counted, nor can they fail the run. */
  quiet?: boolean
  /** `--max-warnings`: exit 1 when more warnings than this are reported, whatever `failOn` says. */
  maxWarnings?: number
  color?: boolean
  /** The width the text report wraps to (the terminal's columns; default 80). */
  width?: number
  /** Standard input (`-`), read already, under its `--stdin-filename`; linted with the plan's files. */
  stdin?: RepoFile
  /** Report only the findings that are not in this baseline (`--since <ref>`, `--baseline <file>`). */
  baseline?: BaselineSource
  /** Write the run's findings to this file (cwd-relative) as a baseline instead of reporting them. */
  writeBaseline?: string
}

/** What a run is compared with: the scanned files at a git commit, or a file that `--write-baseline` wrote. */
export type BaselineSource = { since: string } | { file: string }

/** Lints (or fixes) the job's files, reading them here; reports and returns the exit code. */
export async function analyse(job: Job, io: CliIo): Promise<number> {
  const { config, format } = job
  const lintOptions: LintOptions = { config, rules }
  // Called once per file read and per file checked: a large input's heap stops growing once it is fast enough.
  const tick = job.tuneHeap ? await tuneHeap() : () => {}
  // Before anything is linted or written: a bad ref or baseline file stops the run before --fix changes files.
  const base = job.baseline ? await loadBase(job.baseline, job.plan, config, io.cwd) : undefined
  // Standard input joins the files read from disk (the CLI refuses --fix with it: there is nothing to write to).
  const withStdin = (files: RepoFile[]): RepoFile[] => (job.stdin ? [...files, job.stdin] : files)
  if (job.fix) {
    const files = withStdin(await readFiles(job.plan, { maxFileSize: config.maxFileSize }))
    const result = fixFiles(files, lintOptions)
    const failed = await writeFixes(io, files, result.outputs)
    const out = format === 'text' ? io.stdout : io.stderr
    out.write(formatFixes(result.applied, result.outputs, failed, result.remaining, result.edits))
    for (const r of result.rejected)
      io.stderr.write(
        `gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] was not applied: ${r.reason}\n`
      )
    if (failed.size) return 2
    return conclude(job, io, result.remaining, base, { sources: new Map(files.map((f) => [f.path, result.outputs.get(f.path) ?? f.text])) })
  }
  if (job.fixDryRun) {
    const files = withStdin(await readFiles(job.plan, { maxFileSize: config.maxFileSize }))
    const result = fixFiles(files, lintOptions)
    // As --fix's summary: on stdout in text, else on stderr (stdout stays one JSON or SARIF document).
    const diff = formatDiff(files, result.outputs)
    if (diff) (format === 'text' ? io.stdout : io.stderr).write(`${diff}\n`)
    for (const r of result.rejected)
      io.stderr.write(
        `gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] would not be applied: ${r.reason}\n`
      )
    // The report is the run's without --fix: the findings of the files as they are (fixFiles' first pass).
    return conclude(job, io, result.initial, base, { sources: new Map(files.map((f) => [f.path, f.text])) })
  }
  // Text shows no fingerprints: without a baseline to compare with or write, none are made (no hashing, and no
  // node:crypto to load: start-up).
  const linter = new Linter({ ...lintOptions, fingerprints: job.format !== 'text' || base !== undefined || job.writeBaseline !== undefined })
  // Each file is read again for pass 2 (`reread`): nothing of a file stays in memory once its findings are out.
  for await (const f of readEach(job.plan, { maxFileSize: config.maxFileSize, rereadable: true })) {
    tick()
    linter.add(f)
  }
  if (job.stdin) linter.add(job.stdin)
  if (base || job.writeBaseline !== undefined) {
    // A baseline needs every finding first (to classify them, or to write them).
    const result = linter.finish()
    return conclude(job, io, result.findings, base, { sources: new Map([...result.files].map(([p, f]) => [p, f.text])) })
  }
  // Streamed: each file's findings are written as they are made, with its line index for SARIF's fix regions.
  const lineStarts = new Map<string, LineStarts>()
  function* batches(): Generator<readonly Finding[]> {
    for (const { file, findings } of linter.eachFile()) {
      tick()
      lineStarts.clear()
      if (findings.some((f) => f.fix?.length || f.suggestions?.length)) lineStarts.set(file.path, { starts: file.lines.starts, length: file.text.length })
      yield findings
    }
  }
  return report(job, io, batches(), { lineStarts })
}

/** The last step of a run: write the baseline, or report (only the new findings, when there is a base). */
async function conclude(job: Job, io: CliIo, findings: readonly Finding[], base: Base | undefined, positions: Pick<SarifOptions, 'sources'>): Promise<number> {
  if (job.writeBaseline !== undefined) return writeBaseline(io, job.writeBaseline, findings)
  if (!base) return report(job, io, findings, positions)
  const comparison = compare(findings, base)
  return report(job, io, comparison.added, positions, comparison)
}

/**
 * Writes the report and returns the exit code. Findings may come in batches, file by file, as the linter makes
 * them: every format is then written as they come (text and JSON put their totals at the end), and none is kept.
 */
export async function report(
  job: Job,
  io: CliIo,
  findings: readonly Finding[] | Iterable<readonly Finding[]> | AsyncIterable<readonly Finding[]>,
  positions: Pick<SarifOptions, 'sources' | 'lineStarts'>,
  comparison?: Comparison
): Promise<number> {
  const counts: Counts = { error: 0, warning: 0, notice: 0, fixable: 0 }
  let code = 0
  // --quiet: what is not an error is not reported at all (not printed, not counted, cannot fail the run).
  async function* shown(): AsyncGenerator<readonly Finding[]> {
    const batches = (Array.isArray(findings) ? [findings] : findings) as Iterable<readonly Finding[]> | AsyncIterable<readonly Finding[]>
    for await (const all of batches) {
      const batch = job.quiet ? all.filter((f) => f.severity === 'error') : all
      const c = countFindings(batch)
      for (const k of ['error', 'warning', 'notice', 'fixable'] as const) counts[k] += c[k]
      code ||= exitCode(batch, job.failOn)
      yield batch
    }
  }
  // Streamed in chunks: a large report is never one string, nor one write.
  if (job.format === 'sarif') {
    const pkg = packageInfo()
    await writeSarif(io.stdout, shown(), rules, { toolVersion: pkg.version, ruleDocs: readRuleDocs(pkg.root), ...positions })
  } else if (job.format === 'json') await writeJson(io.stdout, shown())
  else await writeChunked(io.stdout, textParts(shown(), job, comparison, counts))
  // stdout stays one JSON or SARIF document: the comparison goes to stderr.
  if (comparison && job.format !== 'text') io.stderr.write(`gloo-harden: ${formatComparison(comparison)}\n`)
  // The exit code once the report is written: fail-on, then --max-warnings (said on stderr, as ESLint does).
  if (job.maxWarnings !== undefined && counts.warning > job.maxWarnings) {
    io.stderr.write(`gloo-harden: too many warnings: ${counts.warning} (maximum: ${job.maxWarnings})\n`)
    return 1
  }
  return code
}

/** The text report as it streams: a block per file (files come in path order), a blank line between, then totals. */
async function* textParts(batches: AsyncIterable<readonly Finding[]>, job: Job, comparison: Comparison | undefined, counts: Counts): AsyncGenerator<string> {
  // --fix is a usage error with standard input: the hint names --fix-dry-run there, and is left out when that is this run.
  const fixHint = !job.fix && !(job.stdin && job.fixDryRun)
  const options = { color: job.color, fixHint, fixOption: job.stdin ? '--fix-dry-run' : '--fix', width: job.width }
  let path: string | undefined
  let block: Finding[] = []
  for await (const batch of batches)
    for (const f of batch) {
      if (f.path !== path && block.length) {
        yield formatFileBlock(path!, block, options)
        block = []
      }
      path = f.path
      block.push(f)
    }
  if (block.length) yield formatFileBlock(path!, block, options)
  yield `${formatSummary(counts, options)}${comparison ? `${formatComparison(comparison)}\n` : ''}`
}


/**
 * What `--fix` would change, as a unified diff (`--- a/<path>`, `+++ b/<path>`, 3 lines of context) per changed
 * file, by path; empty when nothing would change. `patch -p1` takes it.
 */
export function formatDiff(files: readonly RepoFile[], outputs: ReadonlyMap<string, string>): string {
  let out = ''
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const after = outputs.get(f.path)
    if (after === undefined || after === f.text) continue
    const name = printable(f.path)
    out += formatPatch(linePatch(`a/${name}`, `b/${name}`, f.text, after), FILE_HEADERS_ONLY)
  }
  return out
}

/** 1 when a finding reaches the fail-on severity, else 0. */
export function exitCode(findings: readonly Finding[], failOn: FailOn): number {
  return findings.some((f) => reaches(f, failOn)) ? 1 : 0
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

/**
 * `path: fixed N findings` per changed file, with one indented line per applied fix, in the order applied, and
 * under each, its edits as `path:line  "old" → "new"` (`+ "new"` for an insertion, `- "old"` for a deletion), the
 * line counted in the file as it was before the fix.
 */
export function formatFixes(
  applied: readonly Finding[],
  outputs: ReadonlyMap<string, string>,
  failed: ReadonlyMap<string, string> = new Map(),
  remaining: readonly Finding[] = [],
  edits: readonly AppliedEdit[] = []
): string {
  const byPath = new Map<string, Finding[]>()
  for (const f of applied) if (outputs.has(f.path) && !failed.has(f.path)) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f])
  const editsOf = new Map<Finding, AppliedEdit[]>()
  for (const e of edits) editsOf.set(e.finding, [...(editsOf.get(e.finding) ?? []), e])
  const blocks = [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, list]) =>
      [
        `${printable(path)}: fixed ${list.length} finding${list.length === 1 ? '' : 's'}`,
        ...list.flatMap((f) => [
          `  ${printable(f.message)}  [${f.ruleId}]`,
          ...(editsOf.get(f) ?? []).map((e) => `    ${printable(e.path)}:${e.line}  ${formatEdit(e)}`)
        ])
      ].join('\n')
    )
  // What --fix leaves for a human: findings whose edits are suggestions (catalog section 2, fix classes).
  const byRule = new Map<string, number>()
  for (const f of remaining) if (f.suggestions?.length) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1)
  const count = [...byRule.values()].reduce((a, b) => a + b, 0)
  const left = count
    ? `${count} suggestion${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} a human (not applied by --fix): ${[...byRule]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, n]) => `${id} ×${n}`)
        .join(', ')}\n\n`
    : ''
  return (blocks.length ? `${blocks.join('\n')}\n\n` : 'No fixes applied.\n\n') + left
}

/** Longest quoted text an edit line shows before it is cut with `…`. */
const EDIT_TEXT_MAX = 60

/** `"old" → "new"`, `+ "new"` or `- "old"`: JSON-quoted (newlines as \n), control characters escaped, long text cut. */
export function formatEdit(e: Pick<AppliedEdit, 'removed' | 'inserted'>): string {
  const quote = (s: string): string => {
    const chars = [...s]
    return printable(JSON.stringify(chars.length > EDIT_TEXT_MAX ? `${chars.slice(0, EDIT_TEXT_MAX).join('')}…` : s))
  }
  if (!e.removed) return `+ ${quote(e.inserted)}`
  if (!e.inserted) return `- ${quote(e.removed)}`
  return `${quote(e.removed)} → ${quote(e.inserted)}`
}

/** The package root (the folder of gloo-harden's package.json) and version, from src/ or from dist/cli/. */
export function packageInfo(): { root?: string; version: string } {
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

// ---- Baselines: --since <ref>, --baseline <file>, --write-baseline <file> ----

/** The findings a run is compared with: a lint of the base texts, or the counts of a baseline file. */
interface Base {
  /** How the summary names it: `at <ref>`, `in <file>`. */
  label: string
  findings?: readonly Finding[]
  counts?: ReadonlyMap<string, number>
}

/** The new findings of a run against its base, and how many were left out or fixed. */
export interface Comparison {
  added: Finding[]
  existing: number
  fixed: number
  label: string
}

function compare(head: readonly Finding[], base: Base): Comparison {
  const c = classify(head, base.findings ?? base.counts!)
  // classify lists fixed findings only against findings; against counts, what no head finding used up is fixed.
  const fixed = base.findings ? c.fixed.length : [...base.counts!.values()].reduce((a, b) => a + b, 0) - c.existing.length
  return { added: c.added, existing: c.existing.length, fixed, label: base.label }
}

/** `12 findings were already at main (not shown); 1 fixed` */
export function formatComparison(c: Pick<Comparison, 'existing' | 'fixed' | 'label'>): string {
  return `${c.existing} finding${c.existing === 1 ? ' was' : 's were'} already ${printable(c.label)} (not shown); ${c.fixed} fixed`
}

async function loadBase(source: BaselineSource, plan: FilePlan, config: Config, cwd: string): Promise<Base> {
  if ('since' in source) return { label: `at ${source.since}`, findings: await lintAtCommit(source.since, plan, config, cwd) }
  const name = printablePath(source.file)
  let text: string
  try {
    text = await readFile(resolve(cwd, source.file), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new BaselineError(`${name}: cannot read the baseline file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`)
  }
  return { label: `in ${source.file}`, counts: parseBaselineFile(text, name, new Set(plan.files.map((f) => f.path))) }
}

/** Writes `toBaselineFile` of the findings (pretty JSON) and exits 0 whatever they are; 2 when it cannot write. */
async function writeBaseline(io: CliIo, file: string, findings: readonly Finding[]): Promise<number> {
  const name = printablePath(file)
  try {
    await writeFile(resolve(io.cwd, file), `${JSON.stringify(toBaselineFile(findings), null, 2)}\n`)
  } catch (err) {
    io.stderr.write(`gloo-harden: ${name}: could not write the baseline (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`)
    return 2
  }
  io.stderr.write(`gloo-harden: wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to the baseline ${name}\n`)
  return 0
}

/** Largest `git` output read into memory besides blobs (a whole tree listing). */
const GIT_MAX_BUFFER = 256 * 1024 * 1024
/** How many `git show` run at once. */
const GIT_CONCURRENCY = 8
/** Symlinks followed inside the tree before giving up (a loop). */
const MAX_SYMLINK_HOPS = 8
/** As the reader (io/files.ts): a values file may come with a `Chart.yaml` beside it. */
const VALUES_FILE = /^values[^/]*\.ya?ml$/i


/**
 * Runs git read-only commands. Nothing from the repository runs: rev-parse, ls-tree and show of a blob use neither
 * hooks nor filters, `--no-textconv` keeps a textconv driver of .gitattributes from running, and output goes to a
 * pipe, never to a pager.
 */
async function git(args: string[], cwd: string, maxBuffer = GIT_MAX_BUFFER): Promise<Buffer> {
  // Loaded here, not at start-up: only --since runs git.
  const { execFile } = await import('node:child_process')
  const { promisify } = await import('node:util')
  const { stdout } = await promisify(execFile)('git', ['--no-pager', ...args], { cwd, encoding: 'buffer', maxBuffer, windowsHide: true })
  return stdout
}

/** The first line git wrote to stderr, or why git did not run. */
function gitError(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { stderr?: Buffer | string }
  if (e.code === 'ENOENT') return 'git is not installed (or not on PATH)'
  const line = String(e.stderr ?? '').split('\n').find((l) => l.trim())
  return printable(line?.trim() ?? e.message)
}

interface TreeEntry {
  mode: string
  type: string
  size: number
}

/**
 * Lints the scanned files as they were at `ref` (`git show <commit>:<path>`), together as one run, as the head
 * was: an install that spans files is put together the same way. Paths are reported cwd-relative, as at head, so
 * the fingerprints compare. A file absent at the ref contributes nothing. Throws BaselineError naming the ref.
 */
async function lintAtCommit(ref: string, plan: FilePlan, config: Config, cwd: string): Promise<Finding[]> {
  let top: string
  try {
    top = realpathSync((await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim())
  } catch (err) {
    throw new BaselineError(`--since ${printable(ref)}: cannot find the git repository (${gitError(err)})`)
  }
  let commit: string
  try {
    // --end-of-options: a ref that begins with '-' is a name, not an option.
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top)).toString('utf8').trim()
  } catch {
    throw new BaselineError(`--since ${printable(ref)}: not a commit in ${printablePath(top)}`)
  }
  const tree = new Map<string, TreeEntry>()
  // `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL`, the whole tree, paths from its top.
  for (const line of (await git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], top)).toString('utf8').split('\0')) {
    const tab = line.indexOf('\t')
    if (tab < 0) continue
    const [mode, type, , size] = line.slice(0, tab).split(/ +/)
    tree.set(line.slice(tab + 1), { mode, type, size: Number(size) })
  }

  const show = (path: string, maxBuffer: number): Promise<Buffer> => git(['show', '--no-textconv', `${commit}:${path}`], top, maxBuffer)
  /** A file at the commit as the reader would read it from a checkout; undefined when it is absent there. */
  const read = async (repoPath: string, display: string): Promise<LintFile | undefined> => {
    let path = repoPath
    for (let hop = 0; ; hop++) {
      const entry = tree.get(path)
      if (!entry) return undefined
      if (entry.mode === '120000') {
        if (hop === MAX_SYMLINK_HOPS) return { path: display, text: '', skipped: 'it is a symlink loop' }
        const target = posix.normalize(posix.join(posix.dirname(path), (await show(path, GIT_MAX_BUFFER)).toString('utf8')))
        if (target === '..' || target.startsWith('../') || posix.isAbsolute(target)) return { path: display, text: '', skipped: 'it is a symlink that resolves outside the repository' }
        path = target
        continue
      }
      // A submodule or a folder where the file is now.
      if (entry.type !== 'blob') return undefined
      if (entry.size > config.maxFileSize) return { path: display, text: '', skipped: `it is ${entry.size} bytes, over max-file-size (${config.maxFileSize})` }
      const decoded = decode(await show(path, entry.size + 1))
      if ('skipped' in decoded) return { path: display, text: '', skipped: decoded.skipped }
      return { path: display, text: decoded.text }
    }
  }

  const files: (LintFile | undefined)[] = new Array(plan.files.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plan.files.length) {
      const i = next++
      const f = plan.files[i]
      const repoPath = inRepo(top, resolve(f.base, f.rel))
      if (repoPath === undefined) continue
      const file = await read(repoPath, f.path)
      if (file && !file.skipped && VALUES_FILE.test(basename(repoPath))) {
        const chart = await read(posix.join(posix.dirname(repoPath), 'Chart.yaml'), 'Chart.yaml')
        if (chart && !chart.skipped && namesGlooDependency(chart.text)) file.siblingChart = chart.text
      }
      files[i] = file
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(GIT_CONCURRENCY, plan.files.length) }, worker))
  } catch (err) {
    throw new BaselineError(`--since ${printable(ref)}: cannot read the files at ${commit.slice(0, 12)} (${gitError(err)})`)
  }
  const linter = new Linter({ config, rules })
  for (const f of files) if (f) linter.add(f)
  return linter.finish().findings
}

/** The path of a file in the repository (forward slashes), from its real folder; undefined outside it. */
function inRepo(top: string, abs: string): string | undefined {
  let real: string
  try {
    real = join(realpathSync(dirname(abs)), basename(abs))
  } catch {
    return undefined
  }
  const rel = relative(top, real)
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
  return rel.split(sep).join('/')
}
