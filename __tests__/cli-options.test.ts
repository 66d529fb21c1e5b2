/**
 * The CLI options ESLint users reach for: an unmatched path is an error (`--no-error-on-unmatched`), `--quiet`,
 * `--max-warnings N`, and `--fix-dry-run` (`--diff`). Exact outputs and exit codes, in-process and, for
 * the bundle, with a tuned heap (the same results).
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { applyPatch, parsePatch } from 'diff'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli, USAGE } from '../src/cli.js'
import type { SarifLog } from '../src/report/sarif.js'
import { readTree } from '../__fixtures__/files.js'
import { cliEntry, NODE24, ROOT } from '../__fixtures__/e2e/harness.js'
import { generateCorpus } from '../scripts/bench-corpus.js'
import { yaml } from '../__fixtures__/yaml.js'

// As in cli.test.ts: fixtures only a few rules fire on, so the exact outputs hold as the catalog grows.
const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: gateway-proxy
    namespace: gloo-system
`
const BROKEN = 'gloo:\n  deployment: [\n'
const SA_MESSAGE = "ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  proxy-token-automount"
const SA_WARNING = `deploy/sa.yaml\n  4:9  warning  ${SA_MESSAGE}`
const BROKEN_LINE = 'deploy/broken.yaml\n  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax'
const LOGO_LINE = 'deploy/logo.json\n  1:1  notice  deploy/logo.json was not checked: it is a binary file (it contains NUL bytes).  file-skipped'
/** The diff --fix would write for SA. */
const SA_DIFF = [
  '--- a/deploy/sa.yaml',
  '+++ b/deploy/sa.yaml',
  '@@ -3,3 +3,4 @@',
  ' metadata:',
  '   name: gateway-proxy',
  '   namespace: gloo-system',
  '+automountServiceAccountToken: false',
  ''
].join('\n')

let base: string
let root: string

function put(rel: string, content: string | Uint8Array, at = root): void {
  mkdirSync(dirname(join(at, rel)), { recursive: true })
  writeFileSync(join(at, rel), content)
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd: root, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, columns: 1000 })
  return { code, stdout, stderr }
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'gloo-harden-cli-options-'))
  root = join(base, 'repo')
  mkdirSync(root)
  put('deploy/sa.yaml', SA)
  put('deploy/broken.yaml', BROKEN)
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('a path with nothing to check', () => {
  it('exits 2 naming a folder with no .yaml, .yml or .json file, without linting the others', async () => {
    put('docs/README.md', '# not a manifest\n')
    expect(await cli('deploy', 'docs/')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: docs/: no YAML or JSON files to check\n' })
  })

  it('exits 2 for an empty folder, and for the default . when it holds no manifest', async () => {
    mkdirSync(join(root, 'empty'))
    expect(await cli('empty')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: empty: no YAML or JSON files to check\n' })
    rmSync(join(root, 'deploy'), { recursive: true })
    expect(await cli()).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: .: no YAML or JSON files to check\n' })
  })

  it('exits 2 when the config excludes every file of a folder, or the file named, and says so', async () => {
    put('.github/gloo-harden.yml', 'exclude:\n  - deploy/**\n')
    expect(await cli('deploy/')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: deploy/: no YAML or JSON files to check (the config excludes every one)\n' })
    expect(await cli('deploy/sa.yaml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloo-harden: deploy/sa.yaml: no YAML or JSON files to check (the config excludes every one)\n'
    })
  })

  it('among many named files and folders (as a pre-commit hook names them), names exactly the ones that give no file', async () => {
    const named: string[] = []
    for (let i = 0; i < 300; i++) {
      put(`teams/t${i}/sa.yaml`, SA)
      named.push(i % 2 ? `teams/t${i}/sa.yaml` : `teams/t${i}`)
    }
    // A folder whose name starts like a planned one, an empty folder outside cwd, and one outside with a file.
    mkdirSync(join(root, 'teams/t1-old'))
    mkdirSync(join(base, 'void'))
    put('elsewhere/sa.yaml', SA, base)
    const r = await cli(...named, 'teams/t1-old', '../elsewhere', '../void', 'deploy/sa.yaml')
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloo-harden: teams/t1-old: no YAML or JSON files to check\ngloo-harden: ../void: no YAML or JSON files to check\n'
    })
    // Each of the 300 named, the file outside cwd and deploy/sa.yaml: linted once each, nothing said on stderr.
    const all = await cli(...named, '../elsewhere', 'teams', 'deploy/sa.yaml')
    expect([all.code, all.stderr, all.stdout.split('\n').at(-2)]).toEqual([1, '', '302 findings: 302 errors, 0 warnings, 0 notices (302 fixable with --fix)'])
  })

  it('counts the config file as nothing to check', async () => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: warning\n')
    expect(await cli('.github')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: .github: no YAML or JSON files to check\n' })
  })

  it('with --no-error-on-unmatched: exits 0 with No findings., and lints the paths that have files', async () => {
    mkdirSync(join(root, 'empty'))
    expect(await cli('--no-error-on-unmatched', 'empty')).toEqual({ code: 0, stdout: 'No findings.\n', stderr: 'gloo-harden: no .yaml, .yml or .json files found in empty\n' })
    const r = await cli('--no-error-on-unmatched', '--quiet', 'empty', 'deploy/broken.yaml')
    expect(r).toEqual({ code: 1, stdout: `${BROKEN_LINE}\n\n1 finding: 1 error, 0 warnings, 0 notices\n`, stderr: '' })
  })

  it('still exits 2 for a path that does not exist, with --no-error-on-unmatched too', async () => {
    expect(await cli('--no-error-on-unmatched', 'deploy', 'charts')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: charts: no such file or directory\n' })
  })
})

describe('--quiet and --max-warnings', () => {
  beforeEach(() => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: warning\n')
    put('deploy/logo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))
  })

  it('reports an error, a warning and a notice without them', async () => {
    expect(await cli('deploy')).toEqual({
      code: 1,
      stdout: [BROKEN_LINE, '', LOGO_LINE, '', SA_WARNING, '', '3 findings: 1 error, 1 warning, 1 notice (1 fixable with --fix)', ''].join('\n'),
      stderr: ''
    })
  })

  it('--quiet prints and counts the errors only', async () => {
    expect(await cli('--quiet', 'deploy')).toEqual({ code: 1, stdout: `${BROKEN_LINE}\n\n1 finding: 1 error, 0 warnings, 0 notices\n`, stderr: '' })
    const r = await cli('--quiet', '--format', 'json', 'deploy')
    expect(JSON.parse(r.stdout).summary).toEqual({ error: 1, warning: 0, notice: 0, total: 1, fixable: 0 })
    const log = JSON.parse((await cli('--quiet', '--format', 'sarif', 'deploy')).stdout) as SarifLog
    expect(log.runs[0].results.map((x) => x.ruleId)).toEqual(['yaml-syntax'])
    // Only the report: a baseline still saves every finding.
    expect(await cli('--quiet', '--write-baseline', 'base.json', 'deploy')).toEqual({ code: 0, stdout: '', stderr: 'gloo-harden: wrote 3 findings to the baseline base.json\n' })
  })

  it.each([
    [['--fail-on', 'warning'], { code: 1, stdout: `${SA_WARNING}\n\n1 finding: 0 errors, 1 warning, 0 notices (1 fixable with --fix)\n`, stderr: '' }],
    [['--quiet', '--fail-on', 'warning'], { code: 0, stdout: 'No findings.\n', stderr: '' }],
    [['--quiet', '--fail-on', 'notice', '--max-warnings', '0'], { code: 0, stdout: 'No findings.\n', stderr: '' }]
  ])('with --quiet only errors can fail: %j', async (flags, expected) => {
    expect(await cli(...flags, 'deploy/sa.yaml')).toEqual(expected)
  })

  it.each([
    [['--max-warnings', '0'], 1, 'gloo-harden: too many warnings: 1 (maximum: 0)\n'],
    [['--max-warnings=0', '--fail-on', 'never'], 1, 'gloo-harden: too many warnings: 1 (maximum: 0)\n'],
    [['--max-warnings', '1'], 0, ''],
    [['--max-warnings', '1', '--fail-on', 'warning'], 1, '']
  ])('%j on one warning exits %i', async (flags, code, stderr) => {
    expect(await cli(...flags, 'deploy/sa.yaml')).toEqual({ code, stdout: `${SA_WARNING}\n\n1 finding: 0 errors, 1 warning, 0 notices (1 fixable with --fix)\n`, stderr })
  })

  it('--max-warnings counts warnings only, in every format', async () => {
    expect((await cli('--max-warnings', '0', 'deploy/logo.json')).code).toBe(0)
    for (const format of ['json', 'sarif']) {
      const r = await cli('--max-warnings', '0', '--format', format, 'deploy/sa.yaml', 'deploy/logo.json')
      expect([r.code, r.stderr]).toEqual([1, 'gloo-harden: too many warnings: 1 (maximum: 0)\n'])
      expect(() => JSON.parse(r.stdout)).not.toThrow()
    }
  })

  it('--max-warnings judges the new findings only, with --baseline', async () => {
    expect(await cli('--write-baseline', 'base.json', 'deploy/sa.yaml')).toEqual({ code: 0, stdout: '', stderr: 'gloo-harden: wrote 1 finding to the baseline base.json\n' })
    expect(await cli('--baseline', 'base.json', '--max-warnings', '0', 'deploy/sa.yaml')).toEqual({
      code: 0,
      stdout: 'No findings.\n1 finding was already in base.json (not shown); 0 fixed\n',
      stderr: ''
    })
  })

  it.each(['1.5', '-1', 'ten', ''])('--max-warnings=%j is a usage error', async (n) => {
    expect(await cli(`--max-warnings=${n}`, 'deploy')).toEqual({
      code: 2,
      stdout: '',
      stderr: `gloo-harden: --max-warnings: '${n}' is not a whole number of warnings (0 or more)\nRun 'gloo-harden --help' for usage.\n`
    })
  })
})

describe('--fix-dry-run (--diff)', () => {
  it('prints the diff --fix would write, changes nothing, then reports and exits as a plain run', async () => {
    const plain = await cli('deploy')
    expect(plain.code).toBe(1)
    for (const flag of ['--fix-dry-run', '--diff']) {
      expect(await cli(flag, 'deploy')).toEqual({ code: 1, stdout: `${SA_DIFF}\n${plain.stdout}`, stderr: '' })
      expect(readFileSync(join(root, 'deploy/sa.yaml'), 'utf8')).toBe(SA)
      expect(readFileSync(join(root, 'deploy/broken.yaml'), 'utf8')).toBe(BROKEN)
    }
  })

  it('with --format json or sarif, prints the diff on stderr: stdout is the plain report', async () => {
    for (const format of ['json', 'sarif']) {
      const plain = await cli('--format', format, 'deploy')
      expect(await cli('--diff', '--format', format, 'deploy')).toEqual({ code: plain.code, stdout: plain.stdout, stderr: `${SA_DIFF}\n` })
    }
  })

  it('prints no diff when nothing is fixable', async () => {
    expect(await cli('--diff', 'deploy/broken.yaml')).toEqual({ code: 1, stdout: `${BROKEN_LINE}\n\n1 finding: 1 error, 0 warnings, 0 notices\n`, stderr: '' })
  })

  it('gives, per file, the patch that turns each file into what --fix writes (CRLF and several passes too)', async () => {
    put('helm/values.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: null\n  validation:\n    enabled: true\n')
    put('deploy/crlf.yaml', SA.replace(/\n/g, '\r\n'))
    const before = readTree(root, 'latin1')
    const r = await cli('--diff', '--fail-on', 'never', '.')
    expect(r.code).toBe(0)
    expect(readTree(root, 'latin1')).toEqual(before)
    const diff = r.stdout.slice(0, r.stdout.indexOf('\n\n') + 1)
    const patches = parsePatch(diff)
    expect(patches.map((p) => `${p.oldFileName} ${p.newFileName}`)).toEqual([
      'a/deploy/crlf.yaml b/deploy/crlf.yaml',
      'a/deploy/sa.yaml b/deploy/sa.yaml',
      'a/helm/values.yaml b/helm/values.yaml'
    ])
    expect((await cli('--fix', '--fail-on', 'never', '.')).code).toBe(0)
    for (const p of patches) {
      const path = p.oldFileName!.slice(2)
      expect(applyPatch(before[path], p)).toBe(readFileSync(join(root, path), 'utf8'))
    }
  })

  it('with --quiet, the diff is still every fix; the report shows the errors only', async () => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: warning\n')
    expect(await cli('--diff', '--quiet', 'deploy')).toEqual({ code: 1, stdout: `${SA_DIFF}\n${BROKEN_LINE}\n\n1 finding: 1 error, 0 warnings, 0 notices\n`, stderr: '' })
  })

  it('is a usage error with --fix', async () => {
    const stderr = "gloo-harden: --fix and --fix-dry-run (--diff) cannot be used together\nRun 'gloo-harden --help' for usage.\n"
    expect(await cli('--fix', '--diff', 'deploy')).toEqual({ code: 2, stdout: '', stderr })
    expect(await cli('--fix-dry-run', '--fix', 'deploy')).toEqual({ code: 2, stdout: '', stderr })
    expect(readFileSync(join(root, 'deploy/sa.yaml'), 'utf8')).toBe(SA)
  })

  it('--help names every new option', () => {
    for (const flag of ['--fix-dry-run, --diff', '--quiet', '--max-warnings <n>', '--no-error-on-unmatched']) expect(USAGE).toContain(`\n      ${flag} `)
  })
})

// ---- The bundle, with a tuned heap (a large input) and without: the same results for these options ----

describe('the CLI bundle with a tuned heap, with these options', () => {
  let tmp: string
  let bundle: string
  let cleanup = (): void => {}
  let corpus: string

  const run = (args: string[], cwd: string, tuned: boolean): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((done) => {
      const env = { ...process.env, GLOO_HARDEN_HEAP_MIN_BYTES: tuned ? '0' : '-1', NO_COLOR: '1' }
      execFile(NODE24, ['--require', join(tmp, 'heap-tuned.cjs'), bundle, ...args], { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) =>
        done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
      )
    })

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gloo-harden-cli-options-heap-'))
    writeFileSync(join(tmp, 'heap-tuned.cjs'), "process.on('exit', () => { if (process.moduleLoadList.includes('NativeModule v8')) process.stderr.write('[heap tuned]\\n') })\n")
    corpus = join(tmp, 'corpus')
    generateCorpus(corpus, 12, 7)
    const built = await cliEntry()
    bundle = built.entry
    cleanup = built.cleanup
  }, 180_000)
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
    cleanup()
  })

  it.each([
    [['--quiet', '.']],
    [['--quiet', '--format', 'json', '.']],
    [['--quiet', '--format', 'sarif', '.']],
    [['--max-warnings', '3', '--fail-on', 'never', '.']],
    [['--max-warnings', '3', '--format', 'sarif', '--fail-on', 'never', '.']],
    [['--diff', '.']],
    [['--diff', '--format', 'json', '.']]
  ])('%j: the same stdout, stderr and exit code', async (args) => {
    const [tuned, plain] = await Promise.all([run(args, corpus, true), run(args, corpus, false)])
    expect(tuned.stderr.endsWith('[heap tuned]\n')).toBe(true)
    expect(tuned.stderr.replace(/\[heap tuned\]\n$/, '')).toBe(plain.stderr)
    expect(tuned.code).toBe(plain.code)
    expect(tuned.stdout).toBe(plain.stdout)
    expect(plain.stdout.length).toBeGreaterThan(1000)
    if (args.includes('--max-warnings')) expect([plain.code, plain.stderr]).toEqual([1, expect.stringMatching(/^gloo-harden: too many warnings: \d+ \(maximum: 3\)\n$/)])
  })

  it('--diff with a tuned heap changes no file, and --max-warnings trips there too', async () => {
    const copy = join(tmp, 'copy')
    cpSync(corpus, copy, { recursive: true })
    const before = readTree(copy, 'latin1')
    const r = await run(['--diff', '--fail-on', 'never', '--max-warnings', '0', '.'], copy, true)
    expect(r.code).toBe(1)
    expect(r.stdout.startsWith('--- a/')).toBe(true)
    expect(r.stderr).toMatch(/^gloo-harden: too many warnings: \d+ \(maximum: 0\)\n\[heap tuned\]\n$/)
    expect(readTree(copy, 'latin1')).toEqual(before)
  })

  it('an unmatched path exits 2 before the heap is tuned', async () => {
    mkdirSync(join(tmp, 'empty-dir'))
    expect(await run(['.'], join(tmp, 'empty-dir'), true)).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: .: no YAML or JSON files to check\n' })
  })
})
