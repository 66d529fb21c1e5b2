/**
 * Peer tools for the benchmark (issue 13): Spectral with a 5-rule ruleset like ours, @monokle/validation with its
 * default plugins, and yamllint, each run once over the corpus as a child process under `/usr/bin/time`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface PeerResult {
  tool: string
  version: string
  /** Wall time of the child process, in milliseconds. */
  ms: number
  /** Peak resident set size of the child process (`/usr/bin/time %M`), in kB. */
  maxRssKb: number
  /** Why the row has no (or partial) figures, or how the tool was configured. */
  note?: string
}

const TIME = '/usr/bin/time'
const YAMLLINT = '/usr/bin/yamllint'
const NPM_PEERS = { '@stoplight/spectral-cli': '6', '@monokle/validation': 'latest' } as const

/** Five rules in the spirit of ours, on chart values and rendered workloads (JSONPath `given`, core functions). */
const SPECTRAL_RULESET = `rules:
  proxy-probes:
    description: Gateway proxies enable liveness and readiness probes.
    severity: error
    given: "$.gatewayProxies.*.podTemplate"
    then: { field: probes, function: truthy }
  no-always-accept:
    description: The validation webhook rejects invalid resources.
    severity: error
    given: "$.gateway.validation"
    then: { field: alwaysAcceptResources, function: falsy }
  read-only-root-filesystem:
    description: Containers mount their root filesystem read-only.
    severity: error
    given: "$.spec.template.spec.containers[*].securityContext"
    then: { field: readOnlyRootFilesystem, function: truthy }
  no-automount-token:
    description: Pods do not mount a service account token.
    severity: warn
    given: "$.spec.template.spec"
    then:
      - { field: automountServiceAccountToken, function: defined }
      - { field: automountServiceAccountToken, function: falsy }
  require-resource-requests:
    description: Containers request CPU and memory.
    severity: warn
    given: "$.spec.template.spec.containers[*].resources"
    then: { field: requests, function: defined }
`

/**
 * The library has no file walker or manifest extractor of its own (the Monokle CLI has them), so this runner
 * builds its `Resource`s the same way: one per YAML document with apiVersion and kind; `fileOffset` is a line
 * offset (see lib/utils/createLocations.js). kubernetes-schema is off: it fetches every schema from
 * plugins.monokle.com (lib/validators/kubernetes-schema/schemaLoader.js) and the benchmark runs offline.
 */
const MONOKLE_RUNNER = `import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { createDefaultMonokleValidator, processRefs, ResourceParser } from '@monokle/validation'

const dir = process.argv[2]
const phases = {}
let t = performance.now()
const lap = (name) => { phases[name] = Math.round(performance.now() - t); t = performance.now() }
const resources = []
for (const file of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(join(dir, file), 'utf8')
  for (const doc of parseAllDocuments(text)) {
    let content
    try { content = doc.toJS() } catch { continue }
    if (!content?.apiVersion || !content?.kind) continue
    const [start, , end] = doc.range
    resources.push({
      id: file + '#' + resources.length, fileId: file, filePath: file,
      fileOffset: text.slice(0, start).split('\\n').length - 1,
      name: content.metadata?.name ?? '', namespace: content.metadata?.namespace,
      apiVersion: content.apiVersion, kind: content.kind, content, text: text.slice(start, end)
    })
  }
}
lap('parse')
const validator = createDefaultMonokleValidator()
await validator.preload({
  plugins: { 'yaml-syntax': true, 'pod-security-standards': true, 'resource-links': true, 'kubernetes-schema': false }
})
lap('preload')
// The README's caveat: resource-links needs processRefs first. It compares each resource with every resource of
// each kind it may refer to, so its cost grows with the square of the resource count.
processRefs(resources, new ResourceParser())
lap('processRefs')
const response = await validator.validate({ resources })
lap('validate')
const results = response.runs.reduce((n, run) => n + run.results.length, 0)
console.log(JSON.stringify({ resources: resources.length, results, phases }))
`

interface Measured {
  ms: number
  maxRssKb: number
  code: number | null
  /** Last lines of stderr, for a note when the run failed. */
  stderr: string
}

/** Runs `cmd args` under `/usr/bin/time`, stdout and stderr to `<workDir>/<name>.out|.err`. */
async function measure(name: string, cmd: string, args: string[], workDir: string): Promise<Measured> {
  const [out, err, timeFile] = ['out', 'err', 'time'].map((ext) => join(workDir, `${name}.${ext}`))
  const fds = [openSync(out, 'w'), openSync(err, 'w')]
  const start = process.hrtime.bigint()
  // `-o` keeps time's own line out of the tool's stderr; its exit status is the tool's.
  const child = spawn(TIME, ['-f', '%M', '-o', timeFile, cmd, ...args], { cwd: workDir, stdio: ['ignore', ...fds] })
  const code = await new Promise<number | null>((done) => {
    child.on('error', () => done(null))
    child.on('close', done)
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  fds.forEach(closeSync)
  const timeLines = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n') : []
  const stderr = readFileSync(err, 'utf8').trim().split('\n').slice(-3).join(' | ')
  return { ms, maxRssKb: Number(timeLines.at(-1)) || 0, code, stderr }
}

/** A row from a measurement, with a note unless the exit code is one the tool uses for "ran, found problems". */
function toResult(tool: string, version: string, m: Measured, okCodes: number[], note?: string): PeerResult {
  const failed = m.code === null || !okCodes.includes(m.code)
  const why = failed ? `exit ${m.code}: ${m.stderr || 'no stderr'}` : undefined
  const joined = [why, note].filter(Boolean).join('; ')
  return { tool, version, ms: m.ms, maxRssKb: m.maxRssKb, ...(joined ? { note: joined } : {}) }
}

const failedRow = (tool: string, note: string): PeerResult => ({ tool, version: '', ms: 0, maxRssKb: 0, note })

/** Installs the npm peers missing from `<workDir>/node_modules`; returns why it failed, if it did. */
function installNpmPeers(workDir: string): string | undefined {
  const missing = Object.keys(NPM_PEERS).filter((p) => !existsSync(join(workDir, 'node_modules', p, 'package.json')))
  if (missing.length === 0) return undefined
  // All peers in one command: a later `--no-save` install prunes packages an earlier one added.
  const specs = Object.entries(NPM_PEERS).map(([p, v]) => `${p}@${v}`)
  const r = spawnSync('npm', ['install', '--prefix', workDir, '--no-save', '--no-audit', '--no-fund', ...specs], {
    encoding: 'utf8'
  })
  if (r.status === 0) return undefined
  // npm's first lines name the error (code, errno, message); the rest is a stack and advice.
  const lines = (r.stderr ?? '').split('\n').filter((l) => /^npm error \S/.test(l))
  return `npm install failed (${r.error?.message ?? `exit ${r.status}`}): ${lines.slice(0, 4).join(' | ')}`
}

const npmVersion = (workDir: string, pkg: string): string =>
  (JSON.parse(readFileSync(join(workDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version

async function runSpectral(dir: string, workDir: string, node: string, installError?: string): Promise<PeerResult> {
  const tool = '@stoplight/spectral-cli (5 rules)'
  const entry = join(workDir, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js')
  if (!existsSync(entry)) return failedRow(tool, installError ?? `not installed: ${entry} is missing`)
  const ruleset = join(workDir, '.spectral.yaml')
  writeFileSync(ruleset, SPECTRAL_RULESET)
  const args = [entry, 'lint', `${dir}/**/*.yaml`, '--ruleset', ruleset, '--format', 'json', '--quiet']
  const output = join(workDir, 'spectral.json')
  const m = await measure('spectral', node, [...args, '--output', output], workDir)
  // Spectral reads one document per file: a multi-document file gets the error "Expected a single document in
  // the stream, but found more" and none of its documents is linted. Say how many files that left out.
  let skipped = ''
  try {
    const results = JSON.parse(readFileSync(output, 'utf8')) as { code: string; source: string }[]
    const files = new Set(results.filter((r) => r.code === 'parser').map((r) => r.source))
    skipped = `${files.size} files not linted (parser: multi-document YAML or syntax error)`
  } catch {
    // No JSON: the run failed, and toResult says why.
  }
  // Exit 1 means "found errors" (--fail-severity defaults to error); 2 is a crash or a bad ruleset.
  return toResult(tool, npmVersion(workDir, '@stoplight/spectral-cli'), m, [0, 1], skipped)
}

/** The runner's one line of stdout; phases in ms. */
interface MonokleSummary {
  resources: number
  results: number
  phases: Record<string, number>
}

async function runMonokle(dir: string, workDir: string, node: string, installError?: string): Promise<PeerResult> {
  const tool = '@monokle/validation'
  if (!existsSync(join(workDir, 'node_modules', '@monokle', 'validation', 'package.json')))
    return failedRow(tool, installError ?? 'not installed')
  const runner = join(workDir, 'monokle-runner.mjs')
  writeFileSync(runner, MONOKLE_RUNNER)
  const m = await measure('monokle', node, [runner, dir], workDir)
  let counts = ''
  try {
    const out = JSON.parse(readFileSync(join(workDir, 'monokle.out'), 'utf8')) as MonokleSummary
    const phases = Object.entries(out.phases).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    counts = `${out.resources} resources, ${out.results} results (${phases.join(', ')}); `
  } catch {
    // No summary line: the run failed, and toResult says why.
  }
  const plugins = 'plugins yaml-syntax, pod-security-standards, resource-links; kubernetes-schema off (needs network)'
  return toResult(tool, npmVersion(workDir, '@monokle/validation'), m, [0], counts + plugins)
}

async function runYamllint(dir: string, workDir: string): Promise<PeerResult> {
  const tool = 'yamllint'
  const v = spawnSync(YAMLLINT, ['--version'], { encoding: 'utf8' })
  if (v.status !== 0) return failedRow(tool, `${YAMLLINT} does not run: ${v.error?.message ?? v.stderr}`)
  const m = await measure('yamllint', YAMLLINT, ['-f', 'parsable', dir], workDir)
  // Exit 1: errors found; 2: warnings only (with --strict). Default config.
  return toResult(tool, v.stdout.trim().replace(/^yamllint\s*/, ''), m, [0, 1, 2])
}

/** Runs each peer tool once over `dir` (a folder of ~2,000 Gloo YAML files, 20 MB) and returns its wall time and peak RSS; a tool that cannot be installed or run gives a row with `note` saying why (never throws for that). */
export async function runPeers(dir: string, opts: { workDir: string; node: string }): Promise<PeerResult[]> {
  const { workDir, node } = opts
  mkdirSync(workDir, { recursive: true })
  if (!existsSync(TIME))
    return ['@stoplight/spectral-cli', '@monokle/validation', 'yamllint'].map((t) => failedRow(t, `${TIME} is missing`))
  const installError = installNpmPeers(workDir)
  const guard = async (tool: string, run: () => Promise<PeerResult>): Promise<PeerResult> =>
    run().catch((e: unknown) => failedRow(tool, String(e)))
  // One at a time, so the tools do not compete for cores or memory.
  return [
    await guard('@stoplight/spectral-cli', () => runSpectral(dir, workDir, node, installError)),
    await guard('@monokle/validation', () => runMonokle(dir, workDir, node, installError)),
    await guard('yamllint', () => runYamllint(dir, workDir))
  ]
}
