/**
 * What is shipped: the workflows parse as GitHub parses them, the release workflow's shell steps do what they say
 * against a real git repository, and the npm package installs with no dependencies and runs from a tarball.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { register } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which Node 22 accepts and
// Node 20 refuses ("needs an import attribute of type: json"). This hook adds the attribute to JSON imports that
// lack one, so the parser loads on Node 20 too; it is registered before the parser is imported.
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
const { convertWorkflowTemplate, isString, NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser')

const ROOT = join(import.meta.dirname, '..')
const WORKFLOWS = join(ROOT, '.github', 'workflows')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  private?: boolean
  files?: string[]
  dependencies?: Record<string, string>
  engines?: { node?: string }
}

/** The environment without npm's own variables: `npm test` sets npm_config_local_prefix and friends, and an npm
 * started in a temporary folder with them would act on this repository instead. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v
  return { ...env, NO_UPDATE_NOTIFIER: '1', ...extra }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 240_000 })
}

async function parsed(file: string) {
  const result = parseWorkflow({ name: file, content: readFileSync(join(WORKFLOWS, file), 'utf8') }, new NoOperationTraceWriter())
  return { result, template: await convertWorkflowTemplate(result.context, result.value!) }
}

describe('workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))

  it('has the release workflow', () => {
    expect(files).toContain('release.yml')
  })

  it.each(files)('%s parses without errors', async (file) => {
    const { result, template } = await parsed(file)
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
    expect(template.errors ?? []).toEqual([])
    expect(template.jobs.length).toBeGreaterThan(0)
  })
})

/** The release workflow's `run:` scripts by step name (or by the command for unnamed steps). */
async function releaseSteps(): Promise<Map<string, string>> {
  const { template } = await parsed('release.yml')
  const steps = new Map<string, string>()
  for (const job of template.jobs) {
    if (job.type !== 'job') continue
    for (const step of job.steps) {
      if (!('run' in step) || !isString(step.run)) continue
      const name = step.name && isString(step.name) ? step.name.value : step.run.value
      steps.set(name, step.run.value)
    }
  }
  return steps
}

describe('release workflow', () => {
  let dir: string
  let steps: Map<string, string>
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv(GIT_ENV) }).trim()
  const GIT_ENV = {
    GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'
  }

  /** Runs a step as GitHub runs `shell: bash` (bash --noprofile --norc -eo pipefail) in the clone. */
  function step(name: string, refName: string, extra: Record<string, string> = {}) {
    const script = steps.get(name)
    if (script === undefined) throw new Error(`no step '${name}' in release.yml: ${[...steps.keys()].join(' | ')}`)
    const file = join(dir, 'step.sh')
    writeFileSync(file, script)
    return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], join(dir, 'clone'),
      cleanEnv({ ...GIT_ENV, GITHUB_REF_NAME: refName, RUNNER_TEMP: join(dir, 'runner-temp'), ...extra }))
  }

  beforeAll(async () => {
    steps = await releaseSteps()
    dir = mkdtempSync(join(tmpdir(), 'gloo-harden-release-'))
    mkdirSync(join(dir, 'runner-temp'))
    git(dir, 'init', '-q', '--bare', '-b', 'main', 'origin.git')
    git(dir, 'clone', '-q', 'origin.git', 'clone')
    const clone = join(dir, 'clone')
    mkdirSync(join(clone, 'dist'))
    writeFileSync(join(clone, 'dist', 'index.js'), 'old\n')
    writeFileSync(join(clone, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }))
    writeFileSync(join(clone, 'CHANGELOG.md'), '# Changelog\n')
    git(clone, 'add', '.')
    git(clone, 'commit', '-q', '-m', 'one')
    git(clone, 'tag', 'v1.0.0')
    git(clone, 'tag', 'v1')
    writeFileSync(join(clone, 'dist', 'index.js'), 'new\n')
    writeFileSync(join(clone, 'package.json'), JSON.stringify({ name: 'x', version: '1.2.0' }))
    writeFileSync(
      join(clone, 'CHANGELOG.md'),
      '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-01\n\n### Fixed\n- A thing.\n\n## [1.10.0]\nnot this\n\n## [1.0.0] - 2026-11-01\n\n- First.\n\n[1.2.0]: https://example.com\n'
    )
    git(clone, 'commit', '-q', '-am', 'two')
    git(clone, 'tag', '-a', '-m', 'v1.2.0', 'v1.2.0')
    git(clone, 'push', '-q', 'origin', 'main', 'v1.0.0', 'v1', 'v1.2.0')
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('its scripts use no ${{ }} expressions, so they run here as they are', () => {
    expect(steps.size).toBeGreaterThanOrEqual(6)
    for (const script of steps.values()) expect(script).not.toContain('${{')
  })

  it('checks that the tag is vX.Y.Z and names the version in package.json', () => {
    const name = 'The tag is vX.Y.Z and names the version in package.json'
    expect(step(name, 'v1.2.0').status).toBe(0)
    const wrong = step(name, 'v1.2.1')
    expect(wrong.status).toBe(1)
    expect(wrong.stdout).toBe('::error::tag v1.2.1 but package.json has version 1.2.0\n')
    expect(step(name, 'v1.2').stdout).toBe('::error::v1.2 is not a vX.Y.Z tag\n')
  })

  it('fails when dist/ differs from the committed one, and passes when it does not', () => {
    const name = 'dist/ is the build of the tagged source'
    expect(step(name, 'v1.2.0').status).toBe(0)
    writeFileSync(join(dir, 'clone', 'dist', 'index.js'), 'rebuilt differently\n')
    try {
      const stale = step(name, 'v1.2.0')
      expect(stale.status).toBe(1)
      expect(stale.stdout).toContain(' M dist/index.js\n')
    } finally {
      git(join(dir, 'clone'), 'checkout', '--', 'dist')
    }
  })

  it("takes the release notes from the tag's CHANGELOG.md section", () => {
    const name = 'Release notes from CHANGELOG.md'
    const ok = step(name, 'v1.2.0')
    expect(ok.status).toBe(0)
    expect(readFileSync(join(dir, 'runner-temp', 'release-notes.md'), 'utf8')).toBe('### Fixed\n- A thing.\n')
    const first = step(name, 'v1.0.0')
    expect(readFileSync(join(dir, 'runner-temp', 'release-notes.md'), 'utf8')).toBe('- First.\n\n[1.2.0]: https://example.com\n')
    expect(first.status).toBe(0)
    const missing = step(name, 'v1.3.0')
    expect(missing.status).toBe(1)
    expect(missing.stdout).toBe('::error::CHANGELOG.md has no section "## [1.3.0]" (or it is empty)\n')
  })

  it('creates the release with gh, the notes from that file', () => {
    const bin = join(dir, 'bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(join(bin, 'gh'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'gh-args')}"\n`)
    chmodSync(join(bin, 'gh'), 0o755)
    const res = step('Create the GitHub release', 'v1.2.0', { PATH: `${bin}:${process.env.PATH}` })
    expect(res.status).toBe(0)
    expect(readFileSync(join(dir, 'gh-args'), 'utf8').split('\n')).toEqual([
      'release', 'create', 'v1.2.0', '--verify-tag', '--title', 'v1.2.0', '--notes-file', join(dir, 'runner-temp', 'release-notes.md'), ''
    ])
  })

  it('moves the major tag to the release, on the remote too', () => {
    const origin = join(dir, 'origin.git')
    const released = git(origin, 'rev-parse', 'v1.2.0^{commit}')
    expect(git(origin, 'rev-parse', 'v1^{commit}')).not.toBe(released)
    const res = step('Move the major tag to this release', 'v1.2.0')
    expect(res.status).toBe(0)
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(released)
    // A lightweight tag on the commit, not a tag of the annotated tag object.
    expect(git(origin, 'cat-file', '-t', 'v1')).toBe('commit')
  })

  it('publishes to npm only with an NPM_TOKEN secret: without one it says so and succeeds', () => {
    const res = step('Publish the CLI package to npm', 'v1.2.0', { NODE_AUTH_TOKEN: '' })
    expect({ status: res.status, stdout: res.stdout }).toEqual({ status: 0, stdout: 'No NPM_TOKEN secret: the npm package is not published.\n' })
  })
})

describe('the npm package', () => {
  it('is publishable, bundles everything, and declares the engines it installs on', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(pkg.engines?.node).toBe('>=20')
    expect(readFileSync(join(ROOT, 'bin', 'gloo-harden.js'), 'utf8')).toContain("await import('../dist/cli/index.js')")
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}]`)
  })

  describe('packed, installed into an empty project and run', () => {
    let dir: string
    let tarball: string | undefined
    let packError = ''

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'gloo-harden-pack-'))
      const packed = run('npm', ['pack', '--json', '--pack-destination', dir], ROOT)
      if (packed.status !== 0) {
        packError = `${packed.error?.message ?? ''}${packed.stderr}`
        return
      }
      const [info] = JSON.parse(packed.stdout) as { filename: string }[]
      tarball = join(dir, info.filename)
    }, 300_000)

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it('holds the CLI bundle and its docs, not the sources, tests or node_modules', (ctx) => {
      if (!tarball) return ctx.skip(`npm pack is not possible here: ${packError}`)
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ''))
      for (const f of ['package.json', 'bin/gloo-harden.js', 'dist/cli/index.js', 'dist/cli/licenses.txt', 'dist/cli/package.json',
        'README.md', 'LICENSE', 'CHANGELOG.md', 'docs/rules/README.md', 'docs/rules/validation-always-accept.md'])
        expect(files).toContain(f)
      for (const f of files) expect(f).not.toMatch(/^(src|__tests__|__fixtures__|examples|scripts|node_modules|\.github)\/|^dist\/index\.js$|(^|\/)node_modules\//)
    })

    it('installs with no dependencies and runs `npx gloo-harden` (--version, a scan)', (ctx) => {
      if (!tarball) return ctx.skip(`npm pack is not possible here: ${packError}`)
      const project = join(dir, 'project')
      mkdirSync(project)
      expect(run('npm', ['init', '-y'], project).status).toBe(0)
      const installed = run('npm', ['install', tarball, '--no-audit', '--no-fund'], project)
      expect(installed.stderr).not.toContain('EBADENGINE')
      expect(installed.status, installed.stderr).toBe(0)
      // Only gloo-harden itself: the bundle needs nothing else.
      expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')).sort()).toEqual(['gloo-harden'])
      expect(existsSync(join(project, 'node_modules', 'gloo-harden', 'node_modules'))).toBe(false)

      const version = run('npx', ['gloo-harden', '--version'], project)
      expect(version.stderr).toBe('')
      expect(version.status).toBe(0)
      expect(version.stdout).toBe(`${pkg.version}\n`)

      writeFileSync(join(project, 'values.yaml'), 'gateway:\n  validation:\n    alwaysAcceptResources: true\n')
      const scan = run('npx', ['gloo-harden', '--format', 'json', 'values.yaml'], project)
      expect(scan.status, scan.stderr).toBe(1)
      const report = JSON.parse(scan.stdout) as { findings: { ruleId: string; severity: string; message: string; path: string; span: { start: unknown } }[] }
      const finding = report.findings.find((f) => f.ruleId === 'validation-always-accept')
      expect(finding && { severity: finding.severity, message: finding.message, path: finding.path, start: finding.span.start }).toEqual({
        severity: 'warning',
        message: 'gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources.',
        path: 'values.yaml',
        start: { line: 3, column: 28 }
      })
    })
  })
})
