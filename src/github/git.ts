/**
 * Reads files of one commit from the checkout's git history, for the baseline of a pull request. Plumbing only
 * (`cat-file`, `ls-tree`), run with execFile/spawn and no shell: they read objects and never run anything the
 * repository brings (no textconv or clean/smudge filters, no hooks, no pager, no fsmonitor; `git show` would
 * run a textconv driver when asked to, `cat-file blob` never does).
 */
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'

/** One entry of `git ls-tree -r -l`. */
export interface TreeEntry {
  /** `100644`, `100755`, `120000` (a symbolic link: the blob is its target), `160000` (a submodule). */
  mode: string
  type: 'blob' | 'commit' | 'tree'
  oid: string
  /** Bytes; -1 for a submodule. */
  size: number
}

export class GitError extends Error {}

/** A command that takes longer is killed: a history read must not hold the job. */
const GIT_TIMEOUT_MS = 120_000
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i

/**
 * The environment git runs with: only the workspace's own repository (never one in a folder above it), no
 * prompts, no lazy fetch of a partial clone's missing objects (the API reads those instead).
 */
function gitEnv(workspace: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE']) delete env[k]
  return {
    ...env,
    GIT_CEILING_DIRECTORIES: dirname(resolve(workspace)),
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    LC_ALL: 'C'
  }
}

/** Runs git in the workspace; resolves with stdout, rejects with GitError (exit status and the first stderr line). */
function git(workspace: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['--no-replace-objects', '-c', 'core.fsmonitor=false', ...args], {
      cwd: workspace,
      env: gitEnv(workspace),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: GIT_TIMEOUT_MS
    })
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
    child.on('error', (e) => reject(new GitError(`git ${args[0]}: ${e.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(Buffer.concat(out))
      else reject(new GitError(`git ${args[0]} ${signal ? `was stopped (${signal})` : `exited with ${code}`}${err.trim() ? `: ${err.trim().split('\n')[0]}` : ''}`))
    })
    // A closed stdin (git exiting early) must not crash the run.
    child.stdin.on('error', () => {})
    child.stdin.end(input ?? '')
  })
}

/** Whether the workspace is a git repository whose history holds this commit (`git cat-file -e <sha>^{commit}`). */
export async function hasCommit(workspace: string, sha: string): Promise<boolean> {
  if (!SHA.test(sha)) return false
  try {
    await git(workspace, ['cat-file', '-e', `${sha}^{commit}`])
    return true
  } catch {
    return false
  }
}

/** Every file of the commit's tree: repo-relative path → entry (`git ls-tree -r -l -z --full-tree`). */
export async function listTree(workspace: string, sha: string): Promise<Map<string, TreeEntry>> {
  if (!SHA.test(sha)) throw new GitError(`'${sha}' is not a commit sha`)
  const out = (await git(workspace, ['ls-tree', '-r', '-l', '-z', '--full-tree', sha])).toString('utf8')
  const tree = new Map<string, TreeEntry>()
  for (const record of out.split('\0')) {
    if (!record) continue
    // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`; -z: the path is verbatim, not quoted.
    const tab = record.indexOf('\t')
    const m = /^(\d{6}) (blob|commit|tree) ([0-9a-f]+) +(-|\d+)$/.exec(record.slice(0, tab))
    if (tab < 0 || !m) throw new GitError(`git ls-tree: unexpected line '${record.slice(0, 80)}'`)
    tree.set(record.slice(tab + 1), { mode: m[1], type: m[2] as TreeEntry['type'], oid: m[3], size: m[4] === '-' ? -1 : Number(m[4]) })
  }
  return tree
}

/** The bytes of blobs by object id, in one `git cat-file --batch`; an id git does not have is absent from the map. */
export async function readBlobs(workspace: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids)].filter((o) => SHA.test(o))
  const blobs = new Map<string, Buffer>()
  if (!wanted.length) return blobs
  const out = await git(workspace, ['cat-file', '--batch'], wanted.map((o) => `${o}\n`).join(''))
  // Each answer: `<oid> SP <type> SP <size> LF <contents> LF`, or `<oid> SP missing LF`.
  let at = 0
  for (const oid of wanted) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) throw new GitError('git cat-file: the output ended early')
    const header = out.subarray(at, eol).toString('utf8').split(' ')
    at = eol + 1
    if (header[1] === 'missing' || header[1] === 'ambiguous') continue
    const size = Number(header[2])
    if (header[0] !== oid || !Number.isInteger(size) || at + size > out.length) throw new GitError(`git cat-file: unexpected answer for ${oid}`)
    if (header[1] === 'blob') blobs.set(oid, Buffer.from(out.subarray(at, at + size)))
    at += size + 1
  }
  return blobs
}
