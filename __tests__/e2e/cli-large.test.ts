/**
 * The CLI bundle under Node 24 tunes the heap for large inputs (cli-heap.ts: V8 flags set as the run goes on keep
 * peak memory down). The tuning must be invisible: the same stdout, stderr, exit code and fixed files as without
 * it, for every format. A preload script tells whether a run tuned its heap (only then is node:v8 loaded).
 */
import { execFile, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTree } from '../../__fixtures__/files.js'
import { cliEntry, NODE24, ROOT } from '../../__fixtures__/e2e/harness.js'
import { generateCorpus } from '../../scripts/bench-corpus.js'

let tmp: string
let cli: string
let cleanup = (): void => {}
let corpus: string
/** Loaded by --require: says on stderr, at exit, when the run tuned its heap. */
let preload: string

interface Ran {
  code: number
  stdout: string
  stderr: string
}

function run(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<Ran> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
      done({ code, stdout, stderr })
    })
  })
}

/** The CLI with the heap tuning forced on (every input is large enough) or off. */
function cliRun(args: string[], cwd: string, tuned: boolean): Promise<Ran> {
  return run(NODE24, ['--require', preload, cli, ...args], cwd, { GLOO_HARDEN_HEAP_MIN_BYTES: tuned ? '0' : '-1', NO_COLOR: '1' })
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gloo-harden-cli-large-'))
  preload = join(tmp, 'heap-tuned.cjs')
  writeFileSync(preload, "process.on('exit', () => { if (process.moduleLoadList.includes('NativeModule v8')) process.stderr.write('[heap tuned]\\n') })\n")
  corpus = join(tmp, 'corpus')
  generateCorpus(corpus, 40, 7)
  const built = await cliEntry()
  cli = built.entry
  cleanup = built.cleanup
}, 180_000)

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
  cleanup()
})

describe('the CLI bundle on a large input (a tuned heap)', () => {
  it.each([['text'], ['json'], ['sarif']])('writes the same %s report, stderr and exit code as without tuning', async (format) => {
    const args = ['--format', format, '.']
    const [tuned, plain] = await Promise.all([cliRun(args, corpus, true), cliRun(args, corpus, false)])
    expect(tuned.stderr).toBe('[heap tuned]\n')
    expect(plain.stderr).toBe('')
    expect(plain.code).toBe(1)
    expect(tuned.code).toBe(plain.code)
    expect(tuned.stdout.length).toBeGreaterThan(10_000)
    expect(tuned.stdout).toBe(plain.stdout)
  })

  it('applies the same fixes, and reports the same findings left', async () => {
    const a = join(tmp, 'fix-tuned')
    const b = join(tmp, 'fix-plain')
    cpSync(corpus, a, { recursive: true })
    cpSync(corpus, b, { recursive: true })
    const [tuned, plain] = await Promise.all([cliRun(['--fix', '--fail-on', 'never', '.'], a, true), cliRun(['--fix', '--fail-on', 'never', '.'], b, false)])
    expect([tuned.code, plain.code]).toEqual([0, 0])
    expect(tuned.stderr).toBe('[heap tuned]\n')
    expect(tuned.stdout).toBe(plain.stdout)
    expect(tuned.stdout).toMatch(/: fixed \d+ findings?\n/)
    expect(readTree(a)).toEqual(readTree(b))
    expect(readTree(a)).not.toEqual(readTree(corpus))
  })

  it('takes a usage error before the heap is tuned, and a missing path too', async () => {
    const usage = await cliRun(['--format', 'xml', '.'], corpus, true)
    expect(usage).toEqual({ code: 2, stdout: '', stderr: "gloo-harden: --format: 'xml' is not one of text, json, sarif\nRun 'gloo-harden --help' for usage.\n" })
    const missing = await cliRun(['no-such-dir'], corpus, true)
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: no-such-dir: no such file or directory\n' })
  })

  it('leaves the heap of a small input alone by default', async () => {
    const r = await run(NODE24, ['--require', preload, cli, '--format', 'json', 'examples/'], ROOT, { NO_COLOR: '1' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).summary.total).toBe(64)
  })

  it('loads node:crypto only for a report that shows fingerprints (start-up of a text run)', async () => {
    const loaded = join(tmp, 'crypto-loaded.cjs')
    writeFileSync(loaded, "process.on('exit', () => process.stderr.write(`crypto loaded: ${process.moduleLoadList.includes('NativeModule crypto')}\\n`))\n")
    const text = await run(NODE24, ['--require', loaded, cli, '--format', 'text', 'examples/'], ROOT, { NO_COLOR: '1' })
    const json = await run(NODE24, ['--require', loaded, cli, '--format', 'json', 'examples/'], ROOT, { NO_COLOR: '1' })
    expect([text.code, text.stderr]).toEqual([1, 'crypto loaded: false\n'])
    expect(text.stdout).toMatch(/^64 findings: /m)
    expect([json.code, json.stderr]).toEqual([1, 'crypto loaded: true\n'])
    expect(JSON.parse(json.stdout).findings.every((f: { fingerprint: string }) => /^[0-9a-f]{16}$/.test(f.fingerprint))).toBe(true)
  })

  it('runs the same from the installed command (eager compile, compile cache) as from the bundle, cold and warm', async () => {
    const bin = join(ROOT, 'bin', 'gloo-harden.js')
    const env = { NO_COLOR: '1', NODE_COMPILE_CACHE: join(tmp, 'compile-cache') }
    for (const format of ['text', 'sarif']) {
      const args = ['--format', format, 'examples/']
      const direct = await run(NODE24, [join(ROOT, 'dist', 'cli', 'index.js'), ...args], ROOT, env)
      const cold = await run(NODE24, [bin, ...args], ROOT, env)
      const warm = await run(NODE24, [bin, ...args], ROOT, env)
      expect(direct.code).toBe(1)
      expect(cold).toEqual(direct)
      expect(warm).toEqual(direct)
    }
    // The cache was written (by the eager compile), and used again.
    expect(readdirSync(join(tmp, 'compile-cache')).length).toBeGreaterThan(0)
  })

  it('writes the whole report into a pipe whose reader is slow', async () => {
    const onMain = await cliRun(['--format', 'sarif', '.'], corpus, false)
    // The pipe fills while nobody reads: the report waits for it to drain, and nothing is lost.
    const child = spawn(NODE24, ['--require', preload, cli, '--format', 'sarif', '.'], { cwd: corpus, env: { ...process.env, GLOO_HARDEN_HEAP_MIN_BYTES: '0' } })
    child.stdout.pause()
    const chunks: Buffer[] = []
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    await new Promise((resolve) => setTimeout(resolve, 500))
    child.stdout.on('data', (d: Buffer) => chunks.push(d))
    child.stdout.resume()
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(onMain.stdout.length).toBeGreaterThan(1 << 20)
    expect({ code, stderr }).toEqual({ code: 1, stderr: '[heap tuned]\n' })
    expect(Buffer.concat(chunks).toString('utf8')).toBe(onMain.stdout)
  })

  it.each([
    ['with a tuned heap', '0'],
    ['without', '-1']
  ])('stops quietly with status 141 when the reader of its output goes away (%s)', async (_where, minBytes) => {
    const child = spawn(NODE24, [cli, '--format', 'sarif', '.'], { cwd: corpus, env: { ...process.env, GLOO_HARDEN_HEAP_MIN_BYTES: minBytes } })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    // Like `| head -c 100`: read a little, then close the pipe.
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(first.startsWith('{\n  "$schema"')).toBe(true)
    expect({ code, stderr }).toEqual({ code: 141, stderr: '' })
  })
})
