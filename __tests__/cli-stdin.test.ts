/**
 * Standard input (`helm template … | gloo-harden -`): reported under --stdin-filename (default <stdin>), decoded
 * and size-limited as a file from disk, named into installs by that name, and never written (--fix is refused).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.js'
import { encode } from '../src/io/files.js'
import type { Finding } from '../src/model/finding.js'
import { yaml } from '../__fixtures__/yaml.js'

const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: gateway-proxy
    namespace: gloo-system
`
const SA_MESSAGE = "ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false."
/** `helm get values gloo -o yaml`: user-supplied values, no key that names Gloo alone but the token one does. */
const VALUES = 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n'

let root: string

function put(rel: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true })
  writeFileSync(join(root, rel), content)
}

/** Runs the CLI with `input` on standard input, in chunks as a pipe delivers them. */
async function cli(input: string | Uint8Array | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const stdin = input === undefined ? undefined : Readable.from(typeof input === 'string' ? [input.slice(0, 7), input.slice(7)] : [Buffer.from(input)])
  const code = await runCli(argv, {
    cwd: root,
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    columns: 1000
  })
  return { code, stdout, stderr }
}

const json = async (input: string, ...argv: string[]): Promise<Finding[]> => JSON.parse((await cli(input, '--format', 'json', ...argv)).stdout).findings

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gloo-harden-stdin-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('gloo-harden -', () => {
  it('lints standard input, reported as <stdin>', async () => {
    expect(await cli(SA, '-')).toEqual({
      code: 1,
      // --fix refuses standard input: the hint names --fix-dry-run.
      stdout: `<stdin>\n  4:9  error  ${SA_MESSAGE}  proxy-token-automount\n\n1 finding: 1 error, 0 warnings, 0 notices (1 fixable with --fix-dry-run)\n`,
      stderr: ''
    })
  })

  it('reads /dev/stdin as standard input too, not as a file', async () => {
    expect((await cli(SA, '/dev/stdin')).stdout).toBe((await cli(SA, '-')).stdout)
  })

  it('reports it under --stdin-filename, which decides what it is: a values file beside an umbrella Chart.yaml', async () => {
    // Only its name ties these values to the umbrella chart on disk that installs Gloo as a dependency.
    put('edge/Chart.yaml', 'apiVersion: v2\nname: edge\nversion: 0.1.0\ndependencies:\n- name: gloo\n  version: 1.17.3\n  repository: https://storage.googleapis.com/solo-public-helm\n')
    const umbrella = 'gloo:\n  settings:\n    create: true\n'
    const asValues = await json(umbrella, '--stdin-filename', 'edge/values.yaml', '-')
    expect(asValues.filter((f) => f.ruleId === 'proxy-token-automount').map((f) => f.path)).toEqual(['edge/values.yaml'])
    expect(new Set(asValues.map((f) => f.path))).toEqual(new Set(['edge/values.yaml']))
    // The same bytes under another name, or as <stdin>, are not Gloo values.
    expect(await json(umbrella, '--stdin-filename', 'edge/notes.yaml', '-')).toEqual([])
    expect(await json(umbrella, '-')).toEqual([])
  })

  it('joins the files named beside it, standing for the file of its name', async () => {
    put('deploy/sa.yaml', SA)
    put('deploy/other.yaml', SA)
    const fixed = `${SA}automountServiceAccountToken: false\n`
    const findings = await json(fixed, '--stdin-filename', 'deploy/sa.yaml', '-', 'deploy')
    expect(findings.map((f) => `${f.path}:${f.span.start.line} ${f.ruleId}`)).toEqual(['deploy/other.yaml:4 proxy-token-automount'])
  })

  it('matches the config inputs globs by its name, and the config exclude does not apply to it', async () => {
    put('.github/gloo-harden.yml', 'inputs:\n  gloo: [helm/*.yaml]\nexclude: [helm/**]\n')
    const weak = 'settings:\n  create: true\n'
    const declared = await json(weak, '--stdin-filename', 'helm/prod.yaml', '-')
    expect(declared.length).toBeGreaterThan(0)
    expect(new Set(declared.map((f) => f.path))).toEqual(new Set(['helm/prod.yaml']))
    expect(await json(weak, '--stdin-filename', 'prod.yaml', '-')).toEqual([])
  })

  it('decodes it as a file from disk: a UTF-16 BOM, invalid UTF-8 and NUL bytes', async () => {
    expect((await cli(encode(`\uFEFF${SA}`, 'utf-16le'), '-')).stdout).toBe((await cli(SA, '-')).stdout)
    expect((await cli(Buffer.from('# caf\xe9\n', 'latin1'), '-')).stdout).toBe(
      '<stdin>\n  1:1  notice  <stdin> was not checked: it is not valid UTF-8.  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    )
    expect((await cli(new Uint8Array([0x61, 0x00, 0x62]), '--stdin-filename', 'x.json', '-')).stdout).toBe(
      'x.json\n  1:1  notice  x.json was not checked: it is a binary file (it contains NUL bytes).  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    )
  })

  it('skips it over max-file-size, without reading it all', async () => {
    put('.github/gloo-harden.yml', 'max-file-size: 32\n')
    let pulled = 0
    const stdin = Readable.from(
      (function* () {
        for (; pulled < 1000; pulled++) yield Buffer.from('# padding padding padding\n')
      })()
    )
    let stdout = ''
    const code = await runCli(['-'], { cwd: root, stdin, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, columns: 1000 })
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: '<stdin>\n  1:1  notice  <stdin> was not checked: it is more than max-file-size (32 bytes).  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    })
    expect(pulled).toBeLessThan(1000)
  })

  it('an empty standard input has no findings', async () => {
    expect(await cli('', '-')).toEqual({ code: 0, stdout: 'No findings.\n', stderr: '' })
    expect(await cli(undefined, '-')).toEqual({ code: 0, stdout: 'No findings.\n', stderr: '' })
  })

  it('--fix-dry-run prints the diff --fix would make to it; --fix is a usage error that says so', async () => {
    expect(await cli(SA, '--fix-dry-run', '--stdin-filename', 'deploy/sa.yaml', '-')).toEqual({
      code: 1,
      stdout: [
        '--- a/deploy/sa.yaml',
        '+++ b/deploy/sa.yaml',
        '@@ -3,3 +3,4 @@',
        ' metadata:',
        '   name: gateway-proxy',
        '   namespace: gloo-system',
        '+automountServiceAccountToken: false',
        '',
        'deploy/sa.yaml',
        `  4:9  error  ${SA_MESSAGE}  proxy-token-automount`,
        '',
        // This run is the dry run already: no hint.
        '1 finding: 1 error, 0 warnings, 0 notices',
        ''
      ].join('\n'),
      stderr: ''
    })
    put('deploy/sa.yaml', SA)
    expect(await cli(SA, '--fix', '--stdin-filename', 'deploy/sa.yaml', '-')).toEqual({
      code: 2,
      stdout: '',
      stderr: "gloo-harden: --fix cannot write to standard input (-): use --fix-dry-run to print the diff --fix would make\nRun 'gloo-harden --help' for usage.\n"
    })
    expect(readFileSync(join(root, 'deploy/sa.yaml'), 'utf8')).toBe(SA)
  })

  it.each([
    [['--stdin-filename', 'values.yaml', 'deploy'], '--stdin-filename names standard input: add - to the paths'],
    [['-', '/dev/stdin'], 'standard input (- or /dev/stdin) can be named only once'],
    [['--stdin-filename', '', '-'], "--stdin-filename: '' is not a file name"],
    [['--stdin-filename', 'a\u001bb.yaml', '-'], "--stdin-filename: 'a\\x1bb.yaml' is not a file name"]
  ])('%j is a usage error', async (argv, message) => {
    put('deploy/sa.yaml', SA)
    expect(await cli(SA, ...argv)).toEqual({ code: 2, stdout: '', stderr: `gloo-harden: ${message}\nRun 'gloo-harden --help' for usage.\n` })
  })

  it('with --format sarif, names it by its --stdin-filename', async () => {
    const r = await cli(SA, '--format', 'sarif', '--stdin-filename', 'deploy/sa.yaml', '-')
    expect(JSON.parse(r.stdout).runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['deploy/sa.yaml'])
  })
})
