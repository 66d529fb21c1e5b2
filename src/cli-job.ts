/**
 * What the CLI does once its arguments, config and files are known (a Job: plain data, so a worker thread can
 * take it): lint or fix, report, exit code. Shared by cli.ts and the worker (cli-worker.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, type Config } from './config.js'
import { fixFiles } from './fix.js'
import { Linter, type LintOptions } from './lint.js'
import { readEach, readFiles, writeRepoFile, type FilePlan, type RepoFile } from './load/files.js'
import { SEVERITY_RANK, type Finding, type Severity } from './model/finding.js'
import { writeJson } from './report/json.js'
import { writeSarif, type SarifOptions } from './report/sarif.js'
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
export const TRY_HELP = "Run 'gloo-harden --help' for usage.\n"

export class UsageError extends Error {}

/** Turns usage and config errors into exit code 2 with a message, and anything else into an internal error. */
export async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
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
export interface Job {
  plan: FilePlan
  config: Config
  format: Format
  failOn: FailOn
  fix: boolean
  color?: boolean
}

/** Lints (or fixes) the job's files, reading them here; reports and returns the exit code. */
export async function analyse(job: Job, io: CliIo): Promise<number> {
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
    return report(job, io, result.remaining, { sources: new Map(files.map((f) => [f.path, result.outputs.get(f.path) ?? f.text])) })
  }
  const linter = new Linter(lintOptions)
  for await (const f of readEach(job.plan, { maxFileSize: config.maxFileSize })) linter.add(f)
  const result = linter.finish()
  return report(job, io, result.findings, { sources: new Map([...result.files].map(([p, f]) => [p, f.text])) })
}

/**
 * Writes the report and returns the exit code. Findings may come in batches, file by file (from a worker): SARIF
 * is then written as they come; JSON and text, which begin with counts, once all have come.
 */
export async function report(
  job: Job,
  io: CliIo,
  findings: readonly Finding[] | AsyncIterable<readonly Finding[]>,
  positions: Pick<SarifOptions, 'sources' | 'lineStarts'>
): Promise<number> {
  // Streamed in chunks: a large report is never one string, nor one write.
  if (job.format === 'sarif') {
    let code = 0
    const batches = (Array.isArray(findings) ? [findings] : findings) as Iterable<readonly Finding[]> | AsyncIterable<readonly Finding[]>
    async function* noted(): AsyncGenerator<readonly Finding[]> {
      for await (const batch of batches) {
        code ||= exitCode(batch, job.failOn)
        yield batch
      }
    }
    const pkg = packageInfo()
    await writeSarif(io.stdout, noted(), rules, { toolVersion: pkg.version, ruleDocs: readRuleDocs(pkg.root), ...positions })
    return code
  }
  let list: readonly Finding[]
  if (Array.isArray(findings)) list = findings as readonly Finding[]
  else {
    const all: Finding[] = []
    for await (const batch of findings as AsyncIterable<readonly Finding[]>) for (const f of batch) all.push(f)
    list = all
  }
  if (job.format === 'json') await writeJson(io.stdout, list)
  else io.stdout.write(formatText(list, { color: job.color, fixHint: !job.fix }))
  return exitCode(list, job.failOn)
}

/** 1 when a finding reaches the fail-on severity, else 0. */
export function exitCode(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0
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
