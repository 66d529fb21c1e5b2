/**
 * What users copy: the pre-commit hook definition (its entry's options are the CLI's), the README's YAML snippets
 * (they parse; the workflows as GitHub reads them), and the README's CLI options table against `--help`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { register } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { runCli, USAGE } from '../src/cli.js'

// As in package.test.ts: @actions/workflow-parser's JSON imports need the `type: 'json'` attribute on Node 20.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function load(url, context, next) {
        if (url.endsWith('.json') && !context.importAttributes?.type)
          return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
        return next(url, context)
      }`
    )
)
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser')

const ROOT = join(import.meta.dirname, '..')
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

interface Hook {
  id: string
  name: string
  entry: string
  language: string
  files: string
  pass_filenames: boolean
  require_serial?: boolean
}

const hooks = load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[]

/** The README's fenced YAML blocks, in order. */
const yamlBlocks = [...README.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1])

async function cli(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, columns: 1000 })
  return { code, stdout, stderr }
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines the gloo-harden hook: node, the staged YAML and JSON files as arguments, in one run', () => {
    expect(hooks).toEqual([
      {
        id: 'gloo-harden',
        name: 'gloo-harden',
        description: expect.any(String),
        entry: 'gloo-harden --fail-on error --no-error-on-unmatched',
        language: 'node',
        files: '\\.(ya?ml|json)$',
        pass_filenames: true,
        require_serial: true,
        minimum_pre_commit_version: '2.9.0'
      }
    ])
    const files = new RegExp(hooks[0].files)
    for (const f of ['values.yaml', 'deploy/gloo.YML'.toLowerCase(), 'a.json', '.github/gloo-harden.yml']) expect(files.test(f)).toBe(true)
    for (const f of ['README.md', 'values.yaml.bak', 'chart.tgz']) expect(files.test(f)).toBe(false)
  })

  it("the entry's options are the CLI's, and staged files it has nothing to check in do not fail the hook", async () => {
    const [bin, ...options] = hooks[0].entry.split(' ')
    expect(bin).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name)
    const dir = mkdtempSync(join(tmpdir(), 'gloo-harden-hook-'))
    try {
      mkdirSync(join(dir, '.github'))
      writeFileSync(join(dir, '.github/gloo-harden.yml'), 'exclude: [vendor/**]\n')
      mkdirSync(join(dir, 'vendor'))
      writeFileSync(join(dir, 'vendor/x.yaml'), 'gloo:\n  deployment: [\n')
      writeFileSync(join(dir, 'sa.yaml'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n  namespace: gloo-system\n')
      // pre-commit appends the staged file names to the entry.
      expect(await cli(dir, [...options, '.github/gloo-harden.yml', 'vendor/x.yaml'])).toEqual({
        code: 0,
        stdout: 'No findings.\n',
        stderr: 'gloo-harden: no .yaml, .yml or .json files found in .github/gloo-harden.yml, vendor/x.yaml\n'
      })
      const r = await cli(dir, [...options, 'sa.yaml', '.github/gloo-harden.yml'])
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: '' })
      expect(r.stdout).toMatch(/^sa\.yaml\n  4:9  error  .*  proxy-token-automount\n/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('README snippets', () => {
  it('every YAML block parses', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(5)
    for (const block of yamlBlocks) expect(() => load(block)).not.toThrow()
  })

  it('every workflow parses as GitHub reads it', async () => {
    const workflows = yamlBlocks.filter((b) => /^jobs:/m.test(b))
    expect(workflows.length).toBe(2)
    for (const [i, content] of workflows.entries()) {
      const result = parseWorkflow({ name: `readme-${i}.yml`, content }, new NoOperationTraceWriter())
      expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
      const template = await convertWorkflowTemplate(result.context, result.value!)
      expect(template.errors ?? []).toEqual([])
    }
  })

  it('the SARIF workflow uploads with upload-sarif@v3, with only contents: read and security-events: write', () => {
    const sarif = yamlBlocks.map((b) => load(b) as Record<string, unknown>).find((w) => JSON.stringify(w).includes('upload-sarif'))! as {
      permissions: Record<string, string>
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>
    }
    expect(sarif.permissions).toEqual({ contents: 'read', 'security-events': 'write' })
    const steps = Object.values(sarif.jobs)[0].steps
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3')
    const lint = steps.find((s) => s.run?.includes('gloo-harden'))!
    expect(lint.run).toContain(`> ${upload.with!.sarif_file}`)
    expect(lint.run).toContain('--format sarif')
    expect(lint.run).toContain('--fail-on never')
  })

  it('the pre-commit snippet uses the hook the repository defines', () => {
    const config = yamlBlocks.map((b) => load(b) as { repos?: { hooks: { id: string }[] }[] }).find((c) => c?.repos)!
    expect(config.repos![0].hooks.map((h) => h.id)).toEqual(hooks.map((h) => h.id))
  })

  it("the CLI options table names every option of --help, and only those", () => {
    const section = README.slice(README.indexOf('## The CLI'), README.indexOf('### pre-commit'))
    const table = new Set([...section.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]).concat([...section.matchAll(/^\| `--[a-z-]+[^|]*`, `(--[a-z-]+)`/gm)].map((m) => m[1])))
    const help = new Set([...USAGE.matchAll(/^(?: {2}-\w, | {6})(--[a-z-]+)(?:, (--[a-z-]+))?/gm)].flatMap((m) => [m[1], m[2]]).filter((o): o is string => !!o && o !== '--help' && o !== '--version'))
    expect([...table].sort()).toEqual([...help].sort())
  })
})
