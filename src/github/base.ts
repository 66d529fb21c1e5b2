/**
 * The pull request's files as they were at its base commit, for the baseline: from the checkout's git history
 * when it holds the commit (no API call), else through the contents API. Files are only read, never run.
 */
import { posix } from 'node:path'
import { decode, type RepoFile } from '../io/files.js'
import { namesGlooDependency } from '../forms/manifests.js'
import type { GitHubClient, Logger } from './client.js'
import { hasCommit, listTree, readBlobs, type TreeEntry } from './git.js'

/** A changed file to read at base. */
export interface BaseWanted {
  /** Its path at the head: base findings are made under this name, so a renamed file's findings still match. */
  path: string
  /** Where it was at base: the old name of a renamed file, else `path`. */
  from: string
  /** The head copy's sibling Chart.yaml, reused when the base comes through the API. */
  siblingChart?: string
}

export interface BaseOptions {
  workspace: string
  client: GitHubClient
  /** The pull request's base commit. */
  sha: string
  /** The changed files (not the removed ones), most important first: the API reads at most `maxApiFiles`. */
  files: BaseWanted[]
  /** Files the pull request removes: context at base. */
  removed: string[]
  /** Which other files of the base tree are context (the head run's selection); used for reads from git. */
  isContext: (path: string) => boolean
  maxFileSize: number
  maxApiFiles?: number
  log?: Logger
}

export interface BaseRead {
  source: 'git' | 'api'
  /** The changed files at base, under their head path. A file the base did not have (added by the PR) is absent. */
  files: RepoFile[]
  /**
   * Context at base. From git: every selected file of the base tree but the changed ones. Through the API: only
   * the removed files, and `headContext` is true: the head's context stands in for the unchanged files.
   */
  context: RepoFile[]
  headContext: boolean
  /** Changed files whose base could not be read: all their findings count as new (the gate fails closed). */
  unread: { path: string; reason: string }[]
}

/**
 * Base reads through the API are one request each (GITHUB_TOKEN allows 1,000 requests an hour per repository):
 * beyond this many files the rest count as unread, and the summary says to fetch the base commit instead.
 */
export const MAX_API_BASE_FILES = 300
/** After this many failed reads (each already retried) the API is taken to be down for the rest. */
const MAX_API_FAILURES = 3
const MANIFEST = /\.(ya?ml|json)$/i
const VALUES_FILE = /^values[^/]*\.ya?ml$/i
const SKIP_DIRS = /(^|\/)(node_modules|\.git)\//

/** Reads the base: from git when the checkout's history has the commit, else through the API. */
export async function readBase(o: BaseOptions): Promise<BaseRead> {
  const log = o.log
  if (await hasCommit(o.workspace, o.sha)) {
    try {
      return await fromGit(o)
    } catch (err) {
      log?.info(`Could not read the base commit from the checkout (${(err as Error).message}); reading it through the API.`)
    }
  }
  return fromApi(o)
}

const tooLarge = (size: number, max: number): string => `it is ${size} bytes, over max-file-size (${max})`

function toRepoFile(path: string, bytes: Buffer, siblingChart?: string): RepoFile {
  const decoded = decode(bytes)
  if ('skipped' in decoded) return { path, text: '', skipped: decoded.skipped }
  const file: RepoFile = { path, text: decoded.text }
  if (decoded.encoding !== 'utf-8') file.encoding = decoded.encoding
  if (siblingChart !== undefined) file.siblingChart = siblingChart
  return file
}

async function fromGit(o: BaseOptions): Promise<BaseRead> {
  const tree = await listTree(o.workspace, o.sha)
  // A symbolic link is read through, as in the checkout, when it leads to a file of the same tree.
  const links = [...tree.values()].filter((e) => e.mode === '120000' && e.size <= 4096)
  const targets = links.length ? await readBlobs(o.workspace, links.map((e) => e.oid)) : new Map<string, Buffer>()
  const resolveEntry = (path: string): { entry?: TreeEntry; skipped?: string } | undefined => {
    const e = tree.get(path)
    if (!e || e.type !== 'blob') return undefined
    if (e.mode !== '120000') return { entry: e }
    const target = targets.get(e.oid)?.toString('utf8')
    const to = target === undefined || target.startsWith('/') ? undefined : posix.normalize(posix.join(posix.dirname(path), target))
    const t = to && !to.startsWith('../') && to !== '..' ? tree.get(to) : undefined
    if (!t || t.type !== 'blob' || t.mode === '120000') return { skipped: 'it is a symlink that resolves outside the repository' }
    return { entry: t }
  }

  const changed = new Set(o.files.flatMap((f) => [f.path, f.from]))
  const plan: { path: string; from: string; report: boolean; entry?: TreeEntry; skipped?: string; siblingChart?: TreeEntry }[] = []
  for (const f of o.files) {
    const r = resolveEntry(f.from)
    if (r) plan.push({ path: f.path, from: f.from, report: true, ...r })
  }
  for (const path of tree.keys()) {
    if (changed.has(path) || !MANIFEST.test(path) || SKIP_DIRS.test(path) || !o.isContext(path)) continue
    const r = resolveEntry(path)
    if (r) plan.push({ path, from: path, report: false, ...r })
  }
  for (const p of plan) {
    if (p.entry && p.entry.size > o.maxFileSize) {
      p.skipped = tooLarge(p.entry.size, o.maxFileSize)
      p.entry = undefined
    }
    // The umbrella chart beside a values file, as the checkout reader looks for it.
    if (p.entry && VALUES_FILE.test(posix.basename(p.from))) {
      const chart = resolveEntry(posix.join(posix.dirname(p.from), 'Chart.yaml'))?.entry
      if (chart && chart.size <= o.maxFileSize) p.siblingChart = chart
    }
  }
  const blobs = await readBlobs(o.workspace, plan.flatMap((p) => [...(p.entry ? [p.entry.oid] : []), ...(p.siblingChart ? [p.siblingChart.oid] : [])]))
  const out: BaseRead = { source: 'git', files: [], context: [], headContext: false, unread: [] }
  for (const p of plan) {
    let file: RepoFile
    if (p.skipped || !p.entry) file = { path: p.path, text: '', skipped: p.skipped ?? 'it could not be read' }
    else {
      const bytes = blobs.get(p.entry.oid)
      if (!bytes) {
        // A shallow or partial clone may list a blob it does not have.
        if (p.report) out.unread.push({ path: p.path, reason: 'the checkout does not have its blob at the base commit' })
        continue
      }
      const chart = p.siblingChart && blobs.get(p.siblingChart.oid)
      const chartText = chart ? toRepoFile('Chart.yaml', chart).text : undefined
      file = toRepoFile(p.path, bytes, chartText && namesGlooDependency(chartText) ? chartText : undefined)
    }
    ;(p.report ? out.files : out.context).push(file)
  }
  return out
}

async function fromApi(o: BaseOptions): Promise<BaseRead> {
  const out: BaseRead = { source: 'api', files: [], context: [], headContext: true, unread: [] }
  const max = o.maxApiFiles ?? MAX_API_BASE_FILES
  const queue = [...o.files.map((f) => ({ ...f, report: true })), ...o.removed.map((p) => ({ path: p, from: p, siblingChart: undefined, report: false }))]
  let failures = 0
  let lastError = ''
  for (const [i, f] of queue.entries()) {
    if (i >= max || failures >= MAX_API_FAILURES) {
      if (f.report)
        out.unread.push({ path: f.path, reason: i >= max ? `the base is read through the API for at most ${max} file${max === 1 ? '' : 's'}` : `the API failed for earlier files (${lastError})` })
      continue
    }
    let got: Awaited<ReturnType<GitHubClient['getFileAt']>>
    try {
      got = await o.client.getFileAt(f.from, o.sha, o.maxFileSize)
    } catch (err) {
      failures++
      lastError = (err as Error).message
      o.log?.info(lastError)
      if (f.report) out.unread.push({ path: f.path, reason: lastError })
      continue
    }
    // 404: the base commit has no such file (the PR added it under a name GitHub lists as modified, or it is new).
    if (!got) continue
    const file = got.bytes ? toRepoFile(f.path, got.bytes, f.siblingChart) : { path: f.path, text: '', skipped: tooLarge(got.size, o.maxFileSize) }
    ;(f.report ? out.files : out.context).push(file)
  }
  return out
}
