import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli.js'
import type { Finding } from '../src/model/finding.js'
import type { SarifLog } from '../src/report/sarif.js'
import { yaml } from '../__fixtures__/yaml.js'

// A small Gloo repository committed with findings it inherits: chart values that leave several settings at
// risky defaults (warnings and notices), and a ServiceAccount that mounts its token (an error). The counts of
// those findings come from a plain run, so the exact outputs below hold as the catalog grows.
const VALUES = yaml`
  # Gloo Edge in the prod cluster
  gloo:
    deployment:
      image:
        tag: 1.17.3
  gateway:
    proxyServiceAccount:
      disableAutomount: true
    validation:
      alwaysAcceptResources: true
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: 2
      podTemplate:
        probes: true
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
      podDisruptionBudget:
        maxUnavailable: 1
      antiAffinity: true
  discovery:
    enabled: false
`
const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: gateway-proxy
    namespace: gloo-system
`
const VALUES_PATH = 'envs/prod/values.yaml'
const AUTOMOUNT_MESSAGE =
  'gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.  proxy-token-automount'
/** The error the change under review adds: line 8 of VALUES, at the value. */
const AUTOMOUNT_LINE = `${VALUES_PATH}\n  8:23  error  ${AUTOMOUNT_MESSAGE}`
const SA_MESSAGE = "ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.  proxy-token-automount"

let base: string
let root: string

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true })
  writeFileSync(join(root, rel), content)
}

const edit = (rel: string, from: string, to: string): void => {
  const text = readFileSync(join(root, rel), 'utf8')
  expect(text).toContain(from)
  put(rel, text.replace(from, to))
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
const commit = (message: string): void => {
  git('add', '-A')
  git('-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message)
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliIn(root, ...argv)
}

async function cliIn(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, columns: 1000 })
  return { code, stdout, stderr }
}

/** Every finding of the working tree, without a baseline. */
const all = async (...argv: string[]): Promise<Finding[]> => JSON.parse((await cli('--format', 'json', ...argv)).stdout).findings
const already = (n: number, where: string, fixed = 0): string => `${n} finding${n === 1 ? ' was' : 's were'} already ${where} (not shown); ${fixed} fixed`

/** How many findings the committed tree has: what `--since HEAD` leaves out. */
let inherited: number

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'gloo-harden-baseline-'))
  root = join(base, 'repo')
  mkdirSync(root)
  git('init', '-q')
  put(VALUES_PATH, VALUES)
  put('deploy/sa.yaml', SA)
  commit('gloo: prod values')
  const findings = await all()
  inherited = findings.length
  // The premise: the repository inherits an error and findings in the values file.
  expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.path} ${f.ruleId}`)).toEqual(['deploy/sa.yaml proxy-token-automount'])
  expect(findings.filter((f) => f.path === VALUES_PATH).length).toBeGreaterThan(3)
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(base, { recursive: true, force: true })
})

describe('gloo-harden --since <ref>', () => {
  it('(a) passes an unrelated change that shifts every line, printing no finding', async () => {
    put(VALUES_PATH, `# Owned by the platform team; see the runbook before changing.\n${VALUES}`)
    expect((await cli()).code).toBe(1)
    expect(await cli('--since', 'HEAD')).toEqual({ code: 0, stdout: `No findings.\n${already(inherited, 'at HEAD')}\n`, stderr: '' })
  })

  it('(b) fails a change that adds an error, reporting exactly that finding', async () => {
    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: false')
    expect(await cli('--since', 'HEAD')).toEqual({
      code: 1,
      stdout: [AUTOMOUNT_LINE, '', '1 finding: 1 error, 0 warnings, 0 notices', already(inherited, 'at HEAD'), ''].join('\n'),
      stderr: ''
    })
    expect((await cli('--since', 'HEAD', '--fail-on', 'never')).code).toBe(0)
  })

  it('compares with any commit, here the parent of a committed change', async () => {
    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: false')
    commit('gloo: mount the token')
    const r = await cli('--since', 'HEAD~1')
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')).toEqual([...AUTOMOUNT_LINE.split('\n'), '', '1 finding: 1 error, 0 warnings, 0 notices', already(inherited, 'at HEAD~1'), ''])
  })

  it('(c) passes a change that fixes a finding, and counts it as fixed', async () => {
    edit(VALUES_PATH, 'alwaysAcceptResources: true', 'alwaysAcceptResources: false')
    expect(await cli('--since', 'HEAD')).toEqual({ code: 0, stdout: `No findings.\n${already(inherited - 1, 'at HEAD', 1)}\n`, stderr: '' })
  })

  it('reports every finding of a file absent at the ref as new', async () => {
    put('deploy/canary-sa.yaml', SA.replace('gloo-system', 'gloo-canary'))
    expect(await cli('--since', 'HEAD')).toEqual({
      code: 1,
      stdout: [
        `deploy/canary-sa.yaml\n  4:9  error  ${SA_MESSAGE}`,
        '',
        '1 finding: 1 error, 0 warnings, 0 notices (1 fixable with --fix)',
        already(inherited, 'at HEAD'),
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  it('lints the files at the ref together: an install whose layers span files is put together at base too', async () => {
    // The prod layer overrides the base layer's disableAutomount: false. Linted alone, the base layer would have
    // had an error at HEAD, and it would count as fixed here.
    put('.github/gloo-harden.yml', "installs:\n  - name: prod\n    chart: gloo\n    version: '1.17.3'\n    values: [layers/values.yaml, layers/values-prod.yaml]\n")
    put('layers/values.yaml', VALUES.replace('disableAutomount: true', 'disableAutomount: false'))
    put('layers/values-prod.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n')
    commit('gloo: layered prod install')
    const layered = (await all('layers')).length
    expect(await cli('--since', 'HEAD', 'layers')).toEqual({ code: 0, stdout: `No findings.\n${already(layered, 'at HEAD')}\n`, stderr: '' })

    edit('layers/values-prod.yaml', 'disableAutomount: true', 'disableAutomount: false')
    expect(await cli('--since', 'HEAD', 'layers')).toEqual({
      code: 1,
      stdout: [`layers/values-prod.yaml\n  3:23  error  ${AUTOMOUNT_MESSAGE}`, '', '1 finding: 1 error, 0 warnings, 0 notices', already(layered, 'at HEAD'), ''].join('\n'),
      stderr: ''
    })
  })

  it('reads the files at the ref by their path in the repository, and reports them relative to cwd', async () => {
    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: false')
    const r = await cliIn(join(root, 'envs'), '--since', 'HEAD', 'prod')
    expect(r.code).toBe(1)
    const inValues = (await all(VALUES_PATH)).length - 1
    expect(r.stdout.split('\n')).toEqual([...AUTOMOUNT_LINE.replace('envs/prod/', 'prod/').split('\n'), '', '1 finding: 1 error, 0 warnings, 0 notices', already(inValues, 'at HEAD'), ''])
  })

  it('keeps stdout one JSON document or SARIF log: only new findings there, the summary on stderr', async () => {
    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: false')
    const j = await cli('--since', 'HEAD', '--format', 'json')
    expect(j.code).toBe(1)
    expect(JSON.parse(j.stdout).findings.map((f: Finding) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual([`${VALUES_PATH}:8:23 proxy-token-automount`])
    expect(j.stderr).toBe(`gloo-harden: ${already(inherited, 'at HEAD')}\n`)

    const s = await cli('--since', 'HEAD', '--format', 'sarif')
    expect(s.code).toBe(1)
    const results = (JSON.parse(s.stdout) as SarifLog).runs[0].results
    expect(results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`)).toEqual([
      `${VALUES_PATH}:8 proxy-token-automount`
    ])
    expect(s.stderr).toBe(`gloo-harden: ${already(inherited, 'at HEAD')}\n`)
  })

  it('with --fix, still fixes every fixable finding, and reports only what is new', async () => {
    // A null deletes the key (Helm): the new finding is a missing key, which has a safe fix (an explicit false
    // would be a human's choice, reversed only by a suggestion: catalog section 2).
    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: null')
    const r = await cli('--fix', '--since', 'HEAD')
    const values = readFileSync(join(root, VALUES_PATH), 'utf8')
    // The new finding and the inherited ones alike (proxy-core-dumps: a safe insertion on this 1.17.3 chart).
    expect(values).toContain('\n    disableAutomount: true\n')
    expect(values).toContain('\n    antiAffinity: true\n    disableCoreDumps: true\n')
    // Suggestion only: --fix never reverses the explicit `true` (catalog section 2).
    expect(values).toContain('\n  validation:\n    alwaysAcceptResources: true\n')
    expect(readFileSync(join(root, 'deploy/sa.yaml'), 'utf8')).toBe(`${SA}automountServiceAccountToken: false\n`)
    const remaining = (await all()).length
    const lines = r.stdout.split('\n')
    expect(lines.slice(-3)).toEqual(['No findings.', already(remaining, 'at HEAD', inherited - remaining), ''])
    expect(r.code).toBe(0)
  })

  it('(d) exits 2 naming the ref when it is not a commit', async () => {
    expect(await cli('--since', 'no-such-ref')).toEqual({ code: 2, stdout: '', stderr: `gloo-harden: --since no-such-ref: not a commit in ${realpathSync(root)}\n` })
    // A ref that looks like an option is a name to git, not an option.
    expect(await cli('--since=--output=x')).toEqual({ code: 2, stdout: '', stderr: `gloo-harden: --since --output=x: not a commit in ${realpathSync(root)}\n` })
    expect(existsSync(join(root, 'x'))).toBe(false)
  })

  it('exits 2 naming the ref outside a git repository', async () => {
    vi.stubEnv('GIT_CEILING_DIRECTORIES', base)
    const plain = join(base, 'plain')
    mkdirSync(plain)
    writeFileSync(join(plain, 'sa.yaml'), SA)
    const r = await cliIn(plain, '--since', 'main')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^gloo-harden: --since main: cannot find the git repository \(.*not a git repository.*\)\n$/)
  })

  it('is a usage error together with --baseline', async () => {
    expect(await cli('--since', 'HEAD', '--baseline', 'b.json')).toEqual({
      code: 2,
      stdout: '',
      stderr: "gloo-harden: --since and --baseline cannot be used together\nRun 'gloo-harden --help' for usage.\n"
    })
  })
})

describe('gloo-harden --write-baseline / --baseline <file>', () => {
  const FILE = 'gloo-harden-baseline.json'

  it('(e) writes the findings, then reports only findings that are not in it', async () => {
    // Exits 0 although the tree has an error: writing a baseline is not a check.
    expect(await cli('--write-baseline', FILE)).toEqual({ code: 0, stdout: '', stderr: `gloo-harden: wrote ${inherited} findings to the baseline ${FILE}\n` })
    const text = readFileSync(join(root, FILE), 'utf8')
    const saved = JSON.parse(text)
    expect(text).toBe(`${JSON.stringify(saved, null, 2)}\n`)
    expect(saved.version).toBe(1)
    expect(saved.findings).toHaveLength(inherited)
    expect(saved.findings[0]).toEqual({ fingerprint: expect.any(String), ruleId: expect.any(String), path: 'deploy/sa.yaml', line: 4 })

    // The unchanged tree (the baseline file itself, JSON in the scanned folder, is not linted).
    expect(await cli('--baseline', FILE)).toEqual({ code: 0, stdout: `No findings.\n${already(inherited, `in ${FILE}`)}\n`, stderr: '' })

    edit(VALUES_PATH, 'disableAutomount: true', 'disableAutomount: false')
    expect(await cli('--baseline', FILE)).toEqual({
      code: 1,
      stdout: [AUTOMOUNT_LINE, '', '1 finding: 1 error, 0 warnings, 0 notices', already(inherited, `in ${FILE}`), ''].join('\n'),
      stderr: ''
    })
  })

  it('counts fixed findings only in the files scanned', async () => {
    await cli('--write-baseline', FILE)
    edit(VALUES_PATH, 'alwaysAcceptResources: true', 'alwaysAcceptResources: false')
    const inValues = (await all(VALUES_PATH)).length
    expect(await cli('--baseline', FILE, VALUES_PATH)).toEqual({ code: 0, stdout: `No findings.\n${already(inValues, `in ${FILE}`, 1)}\n`, stderr: '' })
  })

  it.each([
    ['{"findings": []}\n', `gloo-harden: ${FILE}: not a gloo-harden baseline (write one with --write-baseline)\n`],
    ['{"version": 2, "tool": "gloo-harden", "findings": []}\n', `gloo-harden: ${FILE}: baseline version 2 is not supported (expected 1)\n`]
  ])('(e) exits 2 naming a corrupt baseline file: %j', async (content, stderr) => {
    put(FILE, content)
    expect(await cli('--baseline', FILE)).toEqual({ code: 2, stdout: '', stderr })
  })

  it('exits 2 naming a baseline file that is not JSON, or missing', async () => {
    put(FILE, '{"version": 1, "tool": "gloo-harden", "findings": [\n')
    const r = await cli('--baseline', FILE)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^gloo-harden: gloo-harden-baseline\.json: not JSON \(.+\)\n$/)
    expect(await cli('--baseline', 'ci/none.json')).toEqual({ code: 2, stdout: '', stderr: 'gloo-harden: ci/none.json: cannot read the baseline file (no such file)\n' })
  })

  it('is a usage error together with --since or --baseline', async () => {
    expect((await cli('--write-baseline', FILE, '--since', 'HEAD')).stderr).toBe("gloo-harden: --write-baseline cannot be used with --since\nRun 'gloo-harden --help' for usage.\n")
    expect((await cli('--write-baseline', FILE, '--baseline', FILE)).stderr).toBe("gloo-harden: --write-baseline cannot be used with --baseline\nRun 'gloo-harden --help' for usage.\n")
  })
})
