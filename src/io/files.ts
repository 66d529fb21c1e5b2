/** Reading manifest files from a checkout safely: no symlink escapes, no oversize or binary reads, any BOM. */
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, type Dirent, type Stats } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import * as fs from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import picomatch from 'picomatch'
import type { LintFile } from '../engine/lint.js'
import { namesGlooDependency } from '../forms/manifests.js'

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** A LintFile that remembers how it was encoded, so `--fix` writes it back the same way. */
export interface RepoFile extends LintFile {
  encoding?: Encoding
}

export interface CollectResult {
  files: RepoFile[]
  /** Paths named on the command line that could not be used (missing, unreadable). */
  errors: { path: string; message: string }[]
}

const MANIFEST_EXT = /\.(ya?ml|json)$/i
const SKIP_DIRS = new Set(['node_modules', '.git'])
const VALUES_FILE = /^values[^/]*\.ya?ml$/i
/** C0 controls and DEL: never valid in a path we report, and a log-injection vector in annotations. */
const CONTROL = /[\u0000-\u001f\u007f]/
/** How many files `plannedBytes` asks the size of at once (files are read one at a time, with blocking calls). */
const STAT_CONCURRENCY = 16

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Renders control characters visibly, so a hostile file name cannot forge output lines. */
export function printablePath(p: string): string {
  return p.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

function excluder(exclude: readonly string[]): (rel: string) => boolean {
  if (!exclude.length) return () => false
  const match = picomatch(exclude as string[], { dot: true })
  return (rel) => match(rel)
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'))

/**
 * Walks `dir` (absolute) below `root`, returning repo-relative manifest paths. Symlinked folders are not entered.
 * Blocking calls: a walk has nothing to do while it waits, and a folder listed through libuv's thread pool cost
 * about ten times as much (2,700 folders: 250 ms against 25).
 */
function walk(
  root: string,
  dir: string,
  excluded: (rel: string) => boolean,
  out: string[],
  errors?: CollectResult['errors'],
  chartless?: Set<string>,
  folder = toPosix(relative(root, dir))
): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    const rel = folder || '.'
    errors?.push({ path: rel, message: `${printablePath(rel)}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` })
    return
  }
  // Below root, each name's path is its folder's and the name (no path resolution per entry or folder).
  let chart = false
  for (const e of entries) {
    const rel = folder ? `${folder}/${e.name}` : e.name
    if (e.name === 'Chart.yaml') chart = true
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || excluded(rel)) continue
      walk(root, join(dir, e.name), excluded, out, errors, chartless, rel)
    } else if ((e.isFile() || e.isSymbolicLink()) && MANIFEST_EXT.test(e.name) && !excluded(rel)) {
      // A symlinked file is listed; readRepoFile decides whether its target may be read.
      out.push(rel)
    }
  }
  if (!chart) chartless?.add(dir)
}

/** Every manifest file (`.yaml`, `.yml`, `.json`) under root, repo-relative, sorted. */
export async function listRepoFiles(root: string, opts: { exclude: string[] }): Promise<string[]> {
  const out: string[] = []
  walk(resolve(root), resolve(root), excluder(opts.exclude), out)
  return out.sort(byCodeUnit)
}

/** The files a command line names, found but not read yet: plain data. */
export interface FilePlan {
  /** Absolute cwd. */
  root: string
  /** Sorted by display path: the path reported (cwd-relative), the base folder it is read from, and its path there. */
  files: { path: string; base: string; rel: string }[]
  /**
   * Folders the walk listed that hold no `Chart.yaml` (absolute, as walked): a values file there is read without
   * asking the file system for one (2,700 folders: 20 ms).
   */
  chartless?: Set<string>
}

/**
 * Expands files and folders named on the command line (relative to cwd) into read files. Folders are walked
 * for `.yaml`/`.yml`/`.json`; a named file is read whatever its extension. A path that does not exist, or lies
 * outside cwd, is an error naming it. `excludeBase`: the folder the exclude globs are relative to (default cwd).
 */
export async function collectFiles(paths: string[], opts: { cwd: string; exclude: string[]; maxFileSize: number }): Promise<CollectResult> {
  const { plan, errors } = await findFiles(paths, opts)
  return { files: await readFiles(plan, opts), errors }
}

/** The first half of collectFiles: which files, without reading them. */
export async function findFiles(
  paths: string[],
  opts: { cwd: string; exclude: string[]; excludeBase?: string }
): Promise<{ plan: FilePlan; errors: CollectResult['errors'] }> {
  const root = resolve(opts.cwd)
  // The exclude globs are written relative to excludeBase (the repository root, which may hold cwd): match the
  // files' paths from there.
  const match = excluder(opts.exclude)
  const globBase = opts.excludeBase === undefined ? root : resolve(opts.excludeBase)
  const excluded = globBase === root ? match : (rel: string): boolean => match(toPosix(relative(globBase, resolve(root, rel))))
  const errors: CollectResult['errors'] = []
  // Each file is read relative to a base it may not escape: cwd for paths inside it; for a path the user named
  // outside cwd (`../other-repo/deploy`), that folder itself (or the named file's folder).
  const jobs = new Map<string, { base: string; rel: string }>()
  const chartless = new Set<string>()
  const add = (base: string, rel: string): void => {
    // Below cwd the path is already the one reported: the walk's, or a named file's (relative and posix).
    const display = base === root ? rel : toPosix(relative(root, resolve(base, rel)))
    if (!jobs.has(display)) jobs.set(display, { base, rel })
  }
  // cwd's real path, once (a pre-commit hook may name thousands of folders).
  let realRoot: string | undefined
  for (const p of paths) {
    const abs = resolve(root, p)
    const rel = toPosix(relative(root, abs))
    const outside = rel === '..' || rel.startsWith('../') || isAbsolute(rel)
    let st: Stats
    try {
      st = await fs.stat(abs)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : `cannot be read (${code ?? 'error'})`
      errors.push({ path: p, message: `${printablePath(p)}: ${why}` })
      continue
    }
    if (st.isDirectory()) {
      if (!outside && rel !== '' && excluded(rel)) continue
      const base = outside ? abs : root
      // A named folder inside cwd that is a symlink out of it would list outside file names, even if none is read.
      if (!outside && !inside((realRoot ??= await fs.realpath(root)), await fs.realpath(abs))) {
        errors.push({ path: p, message: `${printablePath(p)}: resolves outside the working directory (${printablePath(root)})` })
        continue
      }
      const found: string[] = []
      walk(base, abs, outside ? excluder([]) : excluded, found, errors, chartless)
      for (const f of found) add(base, f)
    } else if (outside) {
      add(dirname(abs), basename(abs))
    } else if (rel !== '' && !excluded(rel)) {
      add(root, rel)
    }
  }
  const files = [...jobs.keys()].sort(byCodeUnit).map((path) => ({ path, ...jobs.get(path)! }))
  return { plan: { root, files, chartless }, errors }
}

/**
 * The bytes of the planned files, from their sizes on disk (a file that cannot be stat'ed counts 0); counting
 * stops once the total reaches `enough`.
 */
export async function plannedBytes(plan: FilePlan, enough = Infinity): Promise<number> {
  let total = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plan.files.length && total < enough) {
      const f = plan.files[next++]
      // Not `total += await …`: that reads total before the await, and concurrent stats would lose sizes.
      const size = await fs.stat(resolve(f.base, f.rel)).then((s) => s.size, () => 0)
      total += size
    }
  }
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, plan.files.length) }, worker))
  return total
}

/** The second half of collectFiles: reads the planned files in the plan's order. */
export async function readFiles(plan: FilePlan, opts: { maxFileSize: number }): Promise<RepoFile[]> {
  const files: RepoFile[] = []
  for await (const f of readEach(plan, opts)) files.push(f)
  return files
}

/**
 * The planned files one by one, in the plan's order. Each is read with blocking calls when its turn comes: a read
 * through libuv's thread pool (open, stat, read, close, each a round trip) cost more than the read itself, and a
 * scan has nothing to do while it waits (2,700 files: 73 ms against about 60).
 */
export async function* readEach(plan: FilePlan, opts: { maxFileSize: number; rereadable?: boolean }): AsyncGenerator<RepoFile> {
  const read: ReadOptions = { maxFileSize: opts.maxFileSize, realDirs: new Map(), rereadable: opts.rereadable, chartless: plan.chartless }
  for (const job of plan.files) {
    const file = readSafely(job.base, job.rel, read, true)
    yield job.base === plan.root ? file : { ...file, path: job.path }
  }
}

/** A `..` segment, between slashes or backslashes or at either end. */
const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/

function badName(rel: string): string | undefined {
  if (!rel) return 'its name is empty'
  if (CONTROL.test(rel)) return 'its name contains control characters'
  if (rel.startsWith('/') || rel.startsWith('\\') || /^[A-Za-z]:/.test(rel) || isAbsolute(rel)) return 'it is an absolute path'
  if (PARENT_SEGMENT.test(rel)) return "its path contains '..'"
  return undefined
}

const inside = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep)

/**
 * Reads one repo-relative file under root. Never throws: anything that cannot or must not be read comes back
 * with `skipped` set (the engine turns it into a `file-skipped` notice). A symlink may point anywhere inside
 * root, never outside it; the reason given never names the link's target.
 */
export async function readRepoFile(root: string, rel: string, opts: { maxFileSize: number }): Promise<RepoFile> {
  return readSafely(root, rel, opts, true)
}

interface ReadOptions {
  maxFileSize: number
  /** Give each file read a `reread` (LintFile): the engine then need not keep its text between its passes. */
  rereadable?: boolean
  /** Folders listed without a `Chart.yaml` (FilePlan.chartless). */
  chartless?: ReadonlySet<string>
  /** Real paths of folders already resolved in this run, by the path asked (files of one folder share their root's and folder's). */
  realDirs?: Map<string, string>
}

/** realpath of a folder (relative to cwd, as `resolve` takes it), once per run when a cache is given. */
function realDir(dir: string, opts: ReadOptions): string {
  const cache = opts.realDirs
  if (!cache) return realpathSync.native(resolve(dir))
  let hit = cache.get(dir)
  if (hit === undefined) cache.set(dir, (hit = realpathSync.native(resolve(dir))))
  return hit
}

function readSafely(root: string, rel: string, opts: ReadOptions, withChart: boolean): RepoFile {
  const bad = badName(rel)
  if (bad) return { path: printablePath(rel), text: '', skipped: bad }
  const path = toPosix(rel)
  const skip = (reason: string): RepoFile => ({ path, text: '', skipped: reason })
  const missing = (err: unknown): RepoFile => {
    const code = (err as NodeJS.ErrnoException).code
    return skip(code === 'ENOENT' ? 'it does not exist (or is a broken symlink)' : `it could not be read (${code ?? 'error'})`)
  }
  // O_NOFOLLOW: the path opened must not be (or have become) a symlink; O_NONBLOCK: opening a FIFO must not
  // hang the run.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
  let realRoot: string
  let realFolder: string
  let abs: string
  try {
    realRoot = realDir(root, opts)
    abs = resolve(realRoot, rel)
    // The folder's real path catches a symlinked parent.
    realFolder = realDir(dirname(abs), opts)
  } catch (err) {
    return missing(err)
  }
  if (!inside(realRoot, realFolder)) return skip('it is a symlink that resolves outside the repository')

  let fd: number | undefined
  let opened = join(realFolder, basename(abs))
  if (constants.O_NOFOLLOW !== undefined) {
    // Most files are no symlink: open the leaf in its real folder directly. O_NOFOLLOW refuses a symlinked leaf
    // (ELOOP), which is then resolved below (it may point anywhere inside root, or back in from outside).
    try {
      fd = openSync(opened, flags)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return missing(err)
      if (code !== 'ELOOP' && code !== 'EMLINK') return skip(`it could not be opened (${code ?? 'error'})`)
    }
  }
  if (fd === undefined) {
    let realFile: string
    try {
      realFile = realpathSync.native(abs)
    } catch (err) {
      return missing(err)
    }
    if (!inside(realRoot, realFile)) return skip('it is a symlink that resolves outside the repository')
    opened = realFile
    try {
      fd = openSync(realFile, flags)
    } catch (err) {
      return skip(`it could not be opened (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  let bytes: Buffer
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) return skip('it is not a regular file')
    if (st.size > opts.maxFileSize) return skip(`it is ${st.size} bytes, over max-file-size (${opts.maxFileSize})`)
    const read = readBounded(fd, st.size)
    if (!read) return skip('it changed while being read')
    bytes = read
  } catch (err) {
    return skip(`it could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  } finally {
    closeSync(fd)
  }

  const decoded = decode(bytes)
  if ('skipped' in decoded) return skip(decoded.skipped)
  const file: RepoFile = { path, text: decoded.text }
  if (decoded.encoding !== 'utf-8') file.encoding = decoded.encoding
  if (opts.rereadable) file.reread = () => rereadSync(opened, flags, opts.maxFileSize)
  // Most values files have no Chart.yaml beside them: asked first (a failed open costs an exception).
  if (withChart && VALUES_FILE.test(basename(path)) && !opts.chartless?.has(dirname(resolve(root, rel))) && existsSync(join(realFolder, 'Chart.yaml'))) {
    const chartRel = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/Chart.yaml` : 'Chart.yaml'
    const chart = readSafely(root, chartRel, opts, false)
    if (!chart.skipped && namesGlooDependency(chart.text)) file.siblingChart = chart.text
  }
  return file
}

/**
 * The text of a file read before, read again from the real path it was opened at: undefined when it is gone, is
 * no longer a regular file within max-file-size, or no longer decodes.
 */
function rereadSync(realPath: string, flags: number, maxFileSize: number): string | undefined {
  let fd: number
  try {
    fd = openSync(realPath, flags)
  } catch {
    return undefined
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile() || st.size > maxFileSize) return undefined
    const bytes = readBounded(fd, st.size)
    const decoded = bytes && decode(bytes)
    return decoded && !('skipped' in decoded) ? decoded.text : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** Reads the size fstat gave; undefined when the file grew meanwhile (so it can never exceed max-file-size). */
function readBounded(fd: number, size: number): Buffer | undefined {
  const buf = Buffer.allocUnsafe(size + 1)
  let n = 0
  for (;;) {
    const want = buf.length - n
    const bytesRead = readSync(fd, buf, n, want, null)
    n += bytesRead
    if (n > size) return undefined
    // A regular file reads short only at its end: no further call to be told so.
    if (bytesRead < want) break
  }
  return buf.subarray(0, n)
}

type Decoded = { text: string; encoding: Encoding } | { skipped: string }

/**
 * Decodes a file. A UTF-16 file is recognised only by its BOM; any BOM is kept as U+FEFF at the start of the
 * text (js-yaml skips it, offsets stay string indices, LineIndex does not count it as a column), so a fixed
 * file is written back byte-for-byte in its own encoding.
 */
export function decode(bytes: Uint8Array): Decoded {
  let encoding: Encoding = 'utf-8'
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le'
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be'
  if (encoding === 'utf-8' && bytes.includes(0)) return { skipped: 'it is a binary file (it contains NUL bytes)' }
  let text: string
  if (encoding === 'utf-8') {
    // Checked, then decoded by Buffer (a BOM stays U+FEFF, as with ignoreBOM): cheaper than a fatal TextDecoder.
    if (!isUtf8(bytes)) return { skipped: 'it is not valid UTF-8' }
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding }
  }
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { skipped: `it is not valid ${encoding.toUpperCase()}` }
  }
  if (text.includes('\u0000')) return { skipped: 'it is a binary file (it contains NUL characters)' }
  return { text, encoding }
}

/** Encodes text back into a file's own encoding (the BOM, if any, is part of the text). */
export function encode(text: string, encoding: Encoding = 'utf-8'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8')
  const le = Buffer.from(text, 'utf16le')
  return encoding === 'utf-16le' ? le : le.swap16()
}

/**
 * Writes a fixed file in place, under the same rules as reading it: the name must be acceptable and the file
 * (after symlinks) must be a regular file inside root. Throws with a message naming the path otherwise.
 */
export async function writeRepoFile(root: string, rel: string, text: string, encoding?: Encoding): Promise<void> {
  const bad = badName(rel)
  if (bad) throw new Error(`${printablePath(rel)}: not written: ${bad}`)
  const realRoot = await fs.realpath(resolve(root))
  const abs = resolve(realRoot, rel)
  const realFolder = await fs.realpath(dirname(abs))
  const realFile = await fs.realpath(abs)
  if (!inside(realRoot, realFolder) || !inside(realRoot, realFile)) throw new Error(`${rel}: not written: it resolves outside the repository`)
  const handle = await fs.open(realFile, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${rel}: not written: it is not a regular file`)
    await handle.truncate(0)
    await handle.writeFile(encode(text, encoding))
  } finally {
    await handle.close()
  }
}
