import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatEdit } from '../src/cli-job.js'
import { runCli, USAGE } from '../src/cli.js'
import { encode } from '../src/io/files.js'
import type { Finding } from '../src/model/finding.js'
import type { SarifLog } from '../src/report/sarif.js'
import { yaml } from '../__fixtures__/yaml.js'

// Fixtures only a few rules can fire on (a ServiceAccount, broken YAML, skipped files), so the exact outputs
// below do not change as the catalog grows; values files are checked through rule-filtered JSON.
const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: gateway-proxy
    namespace: gloo-system
`
const SA_FIXED = SA + 'automountServiceAccountToken: false\n'
// Broken Gloo values: a syntax error is reported only on a file whose path or text names Gloo.
const BROKEN = 'gloo:\n  deployment: [\n'
// alwaysAcceptResources is left unset: --fix never reverses an explicit `true` (only suggests it), but inserts the key.
const VALUES = yaml`
  gateway:
    proxyServiceAccount:
      disableAutomount: null
    validation:
      enabled: true
`
const SA_LINE = "deploy/sa.yaml\n  4:9  error  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  proxy-token-automount"

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

const json = async (...argv: string[]): Promise<Finding[]> => JSON.parse((await cli('--format', 'json', ...argv)).stdout).findings

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'gloo-harden-cli-'))
  root = join(base, 'repo')
  mkdirSync(root)
  put('deploy/sa.yaml', SA)
  put('deploy/broken.yaml', BROKEN)
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('runCli: output and exit codes', () => {
  it('prints text grouped by file and exits 1 when an error is found', async () => {
    expect(await cli('deploy')).toEqual({
      code: 1,
      stdout: [
        'deploy/broken.yaml\n  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax',
        '',
        SA_LINE,
        '',
        '2 findings: 2 errors, 0 warnings, 0 notices (1 fixable with --fix)',
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  it('lints the working directory by default', async () => {
    const { code, stdout } = await cli()
    expect(code).toBe(1)
    expect(stdout).toContain(`${SA_LINE}\n`)
  })

  it.each([
    [[], 0],
    [['--fail-on', 'error'], 0],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'notice'], 1],
    [['--fail-on', 'never'], 0]
  ])('with proxy-token-automount as a warning, %j exits %i', async (flags, code) => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: warning\n')
    const r = await cli(...flags, 'deploy/sa.yaml')
    expect(r.stdout).toBe(`${SA_LINE.replace('  error  ', '  warning  ')}\n\n1 finding: 0 errors, 1 warning, 0 notices (1 fixable with --fix)\n`)
    expect(r.code).toBe(code)
  })

  it('exits 0 with --fail-on never even with errors, and on a clean file', async () => {
    expect((await cli('--fail-on', 'never', 'deploy')).code).toBe(0)
    put('clean/sa.yaml', SA_FIXED)
    expect(await cli('clean')).toEqual({ code: 0, stdout: 'No findings.\n', stderr: '' })
  })

  it('prints JSON', async () => {
    const r = await cli('--format', 'json', 'deploy')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.summary).toEqual({ error: 2, warning: 0, notice: 0, total: 2, fixable: 1 })
    expect(report.findings.map((f: Finding) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual([
      'deploy/broken.yaml:3:1 yaml-syntax',
      'deploy/sa.yaml:4:9 proxy-token-automount'
    ])
  })

  it('prints SARIF with regions, fixes and the rule doc pages as help', async () => {
    const r = await cli('--format', 'sarif', 'deploy/sa.yaml')
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout) as SarifLog
    const run = log.runs[0]
    expect(run.tool.driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    const [result] = run.results
    expect(result.ruleId).toBe('proxy-token-automount')
    expect(run.tool.driver.rules[result.ruleIndex!].id).toBe('proxy-token-automount')
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/sa.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 22 }
    })
    expect(result.fixes?.[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 1 }, insertedContent: { text: 'automountServiceAccountToken: false\n' } }
    ])
    const help = run.tool.driver.rules[result.ruleIndex!].help.markdown
    expect(help).toBe(readFileSync('docs/rules/proxy-token-automount.md', 'utf8').replace(/<!--[\s\S]*?-->\n?/g, '').trim())
  })

  it.each([
    [['--format', 'xml'], "gloo-harden: --format: 'xml' is not one of text, json, sarif\n"],
    [['--fail-on', 'warn'], "gloo-harden: --fail-on: 'warn' is not one of error, warning, notice, never\n"],
    [['--gloo-version', 'latest'], "gloo-harden: --gloo-version: 'latest' is not a version (e.g. 1.17.3)\n"],
    [['--fix=yes'], "gloo-harden: Option '--fix' does not take an argument\n"]
  ])('exits 2 on a usage error: %j', async (flags, message) => {
    const r = await cli(...flags, 'deploy')
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}Run 'gloo-harden --help' for usage.\n` })
  })

  it('exits 2 on an unknown option', async () => {
    const r = await cli('--colour', 'deploy')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^gloo-harden: Unknown option '--colour'/)
  })

  it('exits 2 naming each missing path, without linting the others', async () => {
    expect(await cli('deploy', 'helm/values.yaml', 'charts')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloo-harden: helm/values.yaml: no such file or directory\ngloo-harden: charts: no such file or directory\n'
    })
  })

  it('exits 2 naming a folder that holds no manifests, unless --no-error-on-unmatched', async () => {
    mkdirSync(join(root, 'empty'))
    expect(await cli('empty')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: empty: no YAML or JSON files to check\n' })
    expect(await cli('--no-error-on-unmatched', 'empty')).toEqual({ code: 0, stdout: 'No findings.\n', stderr: 'gloo-harden: no .yaml, .yml or .json files found in empty\n' })
  })

  it('prints help and version', async () => {
    expect(await cli('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' })
    expect(await cli('-v')).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`, stderr: '' })
  })
})

describe('runCli: config', () => {
  it('reads .github/gloo-harden.yml by default: rules off, exclude, and is not linted itself', async () => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: off\nexclude:\n  - deploy/broken.yaml\n')
    expect(await cli()).toEqual({ code: 0, stdout: 'No findings.\n', stderr: '' })
  })

  it('reads --config instead of the default', async () => {
    put('.github/gloo-harden.yml', 'rules:\n  proxy-token-automount: off\n')
    put('ci/strict.yml', 'rules:\n  proxy-token-automount: notice\n')
    const r = await cli('--config', 'ci/strict.yml', 'deploy/sa.yaml')
    expect(r.stdout).toBe(`${SA_LINE.replace('  error  ', '  notice  ')}\n\n1 finding: 0 errors, 0 warnings, 1 notice (1 fixable with --fix)\n`)
    expect(r.code).toBe(0)
  })

  it('skips files over max-file-size with a notice', async () => {
    put('.github/gloo-harden.yml', 'max-file-size: 32\n')
    expect(await cli('deploy/sa.yaml')).toEqual({
      code: 0,
      stdout: 'deploy/sa.yaml\n  1:1  notice  deploy/sa.yaml was not checked: it is 93 bytes, over max-file-size (32).  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n',
      stderr: ''
    })
  })

  it.each([
    ['rules:\n  proxy-token-automount: loud\n', "gloo-harden: .github/gloo-harden.yml: rules.proxy-token-automount: 'loud' is not one of off, notice, warning, error\n"],
    ['rules:\n  proxy-token-automaunt: off\n', 'gloo-harden: .github/gloo-harden.yml: rules.proxy-token-automaunt: unknown rule id\n'],
    ['exclude: deploy/**\n', 'gloo-harden: .github/gloo-harden.yml: exclude must be a list of globs\n'],
    ['fail-on: warning\n', "gloo-harden: .github/gloo-harden.yml: unknown key 'fail-on' (expected rules, exclude, gloo-version, max-file-size, inputs, installs)\n"],
    ['gloo-version: 1.10\n', "gloo-harden: .github/gloo-harden.yml: gloo-version: write the version as a quoted string, e.g. '1.17.3'\n"],
    ['rules: [\n', 'gloo-harden: .github/gloo-harden.yml:2:1: invalid YAML: deficient indentation\n']
  ])('exits 2 on a bad config, naming the file and the key: %j', async (config, message) => {
    put('.github/gloo-harden.yml', config)
    expect(await cli('deploy')).toEqual({ code: 2, stdout: '', stderr: message })
  })

  it('exits 2 when --config names a missing file', async () => {
    expect(await cli('--config', 'ci/missing.yml', 'deploy')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gloo-harden: ci/missing.yml: cannot read the config file (no such file)\n'
    })
  })
})

describe('runCli: --fix', () => {
  it('writes fixes in place, reports them, and a second run reports none of the fixed findings', async () => {
    put('helm/values.yaml', VALUES)
    const before = await json('deploy/sa.yaml', 'helm/values.yaml')
    const fixable = before.filter((f) => f.fix?.length)
    expect(fixable.filter((f) => f.ruleId === 'proxy-token-automount' || f.ruleId === 'validation-always-accept').map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column}`)).toEqual([
      'deploy/sa.yaml:4:9',
      'helm/values.yaml:3:23',
      'helm/values.yaml:4:3'
    ])

    const r = await cli('--fix', 'deploy/sa.yaml', 'helm/values.yaml')
    expect(r.stderr).toBe('')
    // Per finding, its edits: the line in the file before the fix, what went out and what came in.
    expect(r.stdout.split('\n\n')[0]).toBe(
      [
        'deploy/sa.yaml: fixed 1 finding',
        "  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  [proxy-token-automount]",
        '    deploy/sa.yaml:6  + "automountServiceAccountToken: false\\n"',
        'helm/values.yaml: fixed 5 findings',
        "  gatewayProxies.gatewayProxy.podTemplate.probes is not set (chart default false): gateway proxy 'gateway-proxy' has no readiness probe, so its pods get traffic before Envoy has its configuration.  [proxy-probes]",
        '    helm/values.yaml:6  + "gatewayProxies:\\n  gatewayProxy:\\n    podTemplate:\\n      probe…"',
        '  gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.  [proxy-token-automount]',
        '    helm/values.yaml:3  "null" → "true"',
        '  gateway.validation.alwaysAcceptResources is not set (the chart default is true): the validation webhook accepts invalid resources.  [validation-always-accept]',
        '    helm/values.yaml:6  + "    alwaysAcceptResources: false\\n"',
        "  gatewayProxies.gatewayProxy.kind.deployment.replicas is not set (chart default 1): gateway proxy 'gateway-proxy' runs a single Envoy pod, so a node drain, eviction or crash drops all its traffic.  [proxy-single-replica]",
        // Inserted by a later pass into the keys the first pass inserted: located where those went in.
        '    helm/values.yaml:6  + "    kind:\\n      deployment:\\n        replicas: 2\\n"',
        "  gatewayProxies.gatewayProxy.antiAffinity is not set (chart default false) and gateway proxy 'gateway-proxy' runs 2 pods with no affinity or topologySpreadConstraints: its pods may share a node, so losing that node drops all its traffic.  [proxy-anti-affinity]",
        '    helm/values.yaml:6  + "    antiAffinity: true\\n"'
      ].join('\n')
    )
    expect(readFileSync(join(root, 'deploy/sa.yaml'), 'utf8')).toBe(SA_FIXED)
    const values = readFileSync(join(root, 'helm/values.yaml'), 'utf8')
    expect(values).toContain('\n  proxyServiceAccount:\n    disableAutomount: true\n')
    expect(values).toContain('\n  validation:\n    enabled: true\n    alwaysAcceptResources: false\n')

    const after = await json('deploy/sa.yaml', 'helm/values.yaml')
    const fixed = new Set(fixable.map((f) => f.fingerprint))
    expect(after.filter((f) => fixed.has(f.fingerprint))).toEqual([])
    expect(after.filter((f) => f.ruleId === 'proxy-token-automount' || f.ruleId === 'validation-always-accept')).toEqual([])
  })

  it('says which suggestions --fix left for a human, by rule', async () => {
    put('helm/values.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n')
    const r = await cli('--fix', 'helm/values.yaml')
    const line = r.stdout.split('\n').find((l) => l.includes('need a human'))!
    expect(line).toMatch(/^\d+ suggestions need a human \(not applied by --fix\): /)
    // An explicit false is a human's choice (catalog section 2): its edit is a suggestion, counted here.
    expect(line).toContain('proxy-token-automount ×1')
    expect(readFileSync(join(root, 'helm/values.yaml'), 'utf8')).toContain('disableAutomount: false')
  })

  it('prints what remains after fixing, and exits on it', async () => {
    const r = await cli('--fix', 'deploy')
    expect(r).toEqual({
      code: 1,
      stdout: [
        'deploy/sa.yaml: fixed 1 finding',
        "  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  [proxy-token-automount]",
        '    deploy/sa.yaml:6  + "automountServiceAccountToken: false\\n"',
        '',
        'deploy/broken.yaml\n  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax',
        '',
        '1 finding: 1 error, 0 warnings, 0 notices',
        ''
      ].join('\n'),
      stderr: ''
    })
    expect(readFileSync(join(root, 'deploy/broken.yaml'), 'utf8')).toBe(BROKEN)
  })

  it('keeps stdout machine-readable with --format json: the fix report goes to stderr', async () => {
    const r = await cli('--fix', '--format', 'json', 'deploy/sa.yaml')
    expect(JSON.parse(r.stdout).findings).toEqual([])
    expect(r.stderr).toMatch(/^deploy\/sa\.yaml: fixed 1 finding\n/)
    expect(r.code).toBe(0)
  })

  it('keeps CRLF line breaks and a UTF-16 encoding', async () => {
    put('deploy/crlf.yaml', SA.replace(/\n/g, '\r\n'))
    put('deploy/utf16.yaml', encode(`\uFEFF${SA}`, 'utf-16le'))
    const r = await cli('--fix', 'deploy/crlf.yaml', 'deploy/utf16.yaml')
    expect(r.code).toBe(0)
    expect(readFileSync(join(root, 'deploy/crlf.yaml'), 'utf8')).toBe(SA_FIXED.replace(/\n/g, '\r\n'))
    expect(readFileSync(join(root, 'deploy/utf16.yaml'))).toEqual(encode(`\uFEFF${SA_FIXED}`, 'utf-16le'))
    expect((await cli('deploy/crlf.yaml', 'deploy/utf16.yaml')).stdout).toBe('No findings.\n')
  })

  it('says so when nothing was fixable', async () => {
    expect((await cli('--fix', 'deploy/broken.yaml')).stdout).toBe(
      'No fixes applied.\n\ndeploy/broken.yaml\n  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax\n\n1 finding: 1 error, 0 warnings, 0 notices\n'
    )
  })
})

describe('runCli: unsafe and unusual files', () => {
  it('does not read a symlink that escapes the working directory, nor write through it', async () => {
    const outside = join(base, 'outside')
    put('secret.yaml', SA.replace('gloo-system', 'SECRET-MARKER'), outside)
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'deploy/leak.yaml'))
    for (const argv of [['deploy/leak.yaml'], ['--fix', 'deploy/leak.yaml'], ['--format', 'sarif', 'deploy/leak.yaml']]) {
      const r = await cli(...argv)
      expect(r.code).toBe(0)
      expect(r.stdout + r.stderr).not.toContain('SECRET-MARKER')
      expect(r.stdout + r.stderr).not.toContain('secret.yaml')
      expect(r.stdout + r.stderr).not.toContain(outside)
    }
    expect((await cli('deploy/leak.yaml')).stdout).toBe(
      'deploy/leak.yaml\n  1:1  notice  deploy/leak.yaml was not checked: it is a symlink that resolves outside the repository.  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    )
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe(SA.replace('gloo-system', 'SECRET-MARKER'))
  })

  it('skips binary and non-UTF-8 files with a notice', async () => {
    put('deploy/logo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))
    put('deploy/latin1.yaml', Buffer.from('# caf\xe9\nkind: ConfigMap\n', 'latin1'))
    expect((await cli('deploy/logo.json', 'deploy/latin1.yaml')).stdout).toBe(
      [
        'deploy/latin1.yaml\n  1:1  notice  deploy/latin1.yaml was not checked: it is not valid UTF-8.  file-skipped',
        '',
        'deploy/logo.json\n  1:1  notice  deploy/logo.json was not checked: it is a binary file (it contains NUL bytes).  file-skipped',
        '',
        '2 findings: 0 errors, 0 warnings, 2 notices',
        ''
      ].join('\n')
    )
  })

  it('reports positions in UTF-16 files as in the decoded text', async () => {
    put('deploy/utf16be.yaml', encode(`\uFEFF${SA}`, 'utf-16be'))
    expect((await cli('deploy/utf16be.yaml')).stdout).toMatch(new RegExp(`^${SA_LINE.replace('deploy/sa.yaml', 'deploy/utf16be.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`))
  })
})

describe('entry point', () => {
  it('runs when executed directly (tsx src/cli.ts), not when imported', () => {
    const out = execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['src/cli.ts', '--version'], { encoding: 'utf8' })
    expect(out).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`)
  })

  it('reads a pipe on standard input for - and /dev/stdin, uncoloured and 80 columns wide off a TTY', () => {
    const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }
    for (const path of ['-', '/dev/stdin']) {
      const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/cli.ts'), '--stdin-filename', 'sa.yaml', path], { cwd: root, input: SA, encoding: 'utf8', env })
      expect({ status: r.status, stdout: r.stdout }).toEqual({
        status: 1,
        stdout: [
          'sa.yaml',
          "  4:9  error  ServiceAccount 'gateway-proxy' mounts its API token into every",
          '              gateway proxy pod; set automountServiceAccountToken: false.',
          '              proxy-token-automount',
          '',
          '1 finding: 1 error, 0 warnings, 0 notices (1 fixable with --fix-dry-run)',
          ''
        ].join('\n')
      })
    }
  })
})

describe('formatEdit', () => {
  it.each([
    [{ removed: 'false', inserted: 'true' }, '"false" → "true"'],
    [{ removed: '', inserted: '  key: 1\n' }, '+ "  key: 1\\n"'],
    [{ removed: 'x: 1\n', inserted: '' }, '- "x: 1\\n"'],
    [{ removed: 'a\u001b[2Jb\u0085', inserted: 'ok' }, '"a\\u001b[2Jb\\x85" → "ok"'],
    [{ removed: '', inserted: 'y'.repeat(61) }, `+ "${'y'.repeat(60)}…"`]
  ])('%j → %s', (edit, want) => {
    expect(formatEdit(edit)).toBe(want)
  })
})

describe('runCli: the text report fits the terminal', () => {
  it('wraps at 80 columns when no width is given (not a TTY), and at io.columns', async () => {
    const at = async (columns?: number): Promise<string> => {
      let stdout = ''
      await runCli(['deploy/sa.yaml'], { cwd: root, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, ...(columns ? { columns } : {}) })
      return stdout
    }
    expect(await at()).toBe(
      [
        'deploy/sa.yaml',
        "  4:9  error  ServiceAccount 'gateway-proxy' mounts its API token into every",
        '              gateway proxy pod; set automountServiceAccountToken: false.',
        '              proxy-token-automount',
        '',
        '1 finding: 1 error, 0 warnings, 0 notices (1 fixable with --fix)',
        ''
      ].join('\n')
    )
    expect(await at(100)).toBe(
      [
        'deploy/sa.yaml',
        "  4:9  error  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set",
        '              automountServiceAccountToken: false.  proxy-token-automount',
        '',
        '1 finding: 1 error, 0 warnings, 0 notices (1 fixable with --fix)',
        ''
      ].join('\n')
    )
  })
})
