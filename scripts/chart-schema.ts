/**
 * Writes `src/gloo/chart-schema.generated.ts` from the gloo chart values catalog (`chart-data/gloo/<version>.json`,
 * described in chart-data/README.md): the covered versions, and for every values key its type and default where
 * they change. `--check` regenerates in memory and fails when the committed module differs; without the data
 * folder (a machine with only the repo) it says so and passes.
 *
 * Usage: tsx scripts/chart-schema.ts [--check] [--data DIR]   (DIR also from $GLOO_CHART_DATA)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Repo-relative, forward slashes: it is also what `--check` names. */
export const OUTPUT = 'src/gloo/chart-schema.generated.ts'
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/chart-data/gloo')

interface KeyEntry {
  type: string
  items?: string
  default?: unknown
}

interface ChartFile {
  version: string
  commit: string
  notes: string
  keys: Record<string, KeyEntry>
}

const PROXY = 'gatewayProxies.gatewayProxy'
const ANY_PROXY = 'gatewayProxies.*'
const TYPE = /^(bool|string|int|float|object|map|list|any|k8s:[A-Za-z0-9]+|ext:[^<>\s]+)$/
const PATH = /^[A-Za-z0-9_]+(\.\*|\[\]|\.[A-Za-z0-9_-]+)*$/

/** `1.10.47` after `1.9.30`. */
function compareDotted(a: string, b: string): number {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0)
  return 0
}

/** JSON with object keys sorted, so the output does not depend on the order of the data files. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Whether custom proxies inherit `gatewayProxies.gatewayProxy`, from the file's `notes` sentence. Anything but the
 * two known wordings stops the run: a silent guess would give custom proxies the wrong defaults.
 */
function inheritsOf(file: ChartFile): 0 | 1 {
  if (/^No inheritance\b/.test(file.notes)) return 0
  if (/^Custom gatewayProxies\.<name> entries inherit gatewayProxies\.gatewayProxy\b/.test(file.notes)) return 1
  throw new Error(`${file.version}: cannot tell from notes whether custom proxies inherit gatewayProxies.gatewayProxy: ${file.notes}`)
}

function typeOf(path: string, entry: KeyEntry, version: string): string {
  if (!TYPE.test(entry.type) || (entry.items !== undefined && !TYPE.test(entry.items)))
    throw new Error(`${version}: ${path}: unexpected type ${entry.type}${entry.items ? `<${entry.items}>` : ''}`)
  if ((entry.items !== undefined) !== (entry.type === 'map' || entry.type === 'list'))
    throw new Error(`${version}: ${path}: items must be given exactly for map and list`)
  return entry.items ? `${entry.type}<${entry.items}>` : entry.type
}

export function readChartFiles(dataDir: string): ChartFile[] {
  const names = readdirSync(dataDir).filter((n) => /^\d+\.\d+\.\d+\.json$/.test(n))
  if (!names.length) throw new Error(`no <version>.json files in ${dataDir}`)
  const files = names.map((n) => {
    const file = JSON.parse(readFileSync(join(dataDir, n), 'utf8')) as ChartFile
    if (`${file.version}.json` !== n) throw new Error(`${n}: its version field says ${file.version}`)
    return file
  })
  return files.sort((a, b) => compareDotted(a.version, b.version))
}

/** The generated module's text for the chart files, oldest first. Pure, so a test can compare it to the committed one. */
export function renderSchema(files: readonly ChartFile[]): string {
  const paths = new Set<string>()
  for (const f of files)
    for (const p of Object.keys(f.keys)) {
      if (!PATH.test(p) || p.split(/[.[\]]/).includes('__proto__')) throw new Error(`${f.version}: unexpected key path ${p}`)
      paths.add(p)
    }
  const sorted = [...paths].sort()

  // Types: one change list per key; the predefined proxy's keys are typed under gatewayProxies.* (README, Defaults).
  const keyLines: string[] = []
  for (const p of sorted) {
    if (p === PROXY || p.startsWith(`${PROXY}.`)) {
      const star = ANY_PROXY + p.slice(PROXY.length)
      files.forEach((f) => {
        const own = f.keys[p]
        const any = f.keys[star]
        if (own && (!any || typeOf(p, own, f.version) !== typeOf(star, any, f.version)))
          throw new Error(`${f.version}: ${p} is not typed like ${star}`)
      })
      continue
    }
    const changes: (number | string)[] = []
    let last = ''
    files.forEach((f, i) => {
      const entry = f.keys[p]
      const state = entry ? typeOf(p, entry, f.version) : ''
      if (state !== last) changes.push(i, state)
      last = state
    })
    keyLines.push(`  ${JSON.stringify(p)}: ${JSON.stringify(changes)},`)
  }

  // Defaults: absent and "no default" are the same state; chart.ts checks presence through the types.
  const defaultLines: string[] = []
  for (const p of sorted) {
    if (p.startsWith(`${ANY_PROXY}.`) && files.some((f) => f.keys[p] && 'default' in f.keys[p]))
      throw new Error(`${p}: a gatewayProxies.* key carries a default`)
    const changes: string[] = []
    let last: string | undefined
    files.forEach((f, i) => {
      const entry = f.keys[p]
      const state = entry && 'default' in entry ? canonical(entry.default) : undefined
      if (state !== last) changes.push(state === undefined ? `[${i}]` : `[${i},${state}]`)
      last = state
    })
    if (changes.length) defaultLines.push(`  ${JSON.stringify(p)}: [${changes.join(',')}],`)
  }

  const versions = files.map((f) => `  [${JSON.stringify(f.version)}, ${JSON.stringify(f.commit)}, ${inheritsOf(f)}],`)
  const first = files[0].version
  const newest = files[files.length - 1].version
  return [
    `// Generated by scripts/chart-schema.ts from chart-data/gloo/<version>.json (${first} … ${newest}; see`,
    '// chart-data/README.md): do not edit by hand. Regenerate with `npm run schema` (data from ../shared/chart-data/gloo,',
    '// or --data DIR / $GLOO_CHART_DATA); CI runs `npm run schema:check`. Read it through src/gloo/chart.ts.',
    '',
    '/**',
    ' * The covered chart versions (newest patch of each minor), oldest first: [version, solo-io/gloo commit of its tag,',
    ' * 1 when custom gatewayProxies.<name> entries inherit gatewayProxies.gatewayProxy]. An index into this list is',
    ' * what the tables below call a version.',
    ' */',
    'export const CHART_VERSIONS: readonly (readonly [version: string, commit: string, inherits: 0 | 1])[] = [',
    ...versions,
    ']',
    '',
    '/**',
    ' * Every values key of any covered version → [from, type, from, type, …]: from version index `from` on the key has',
    " * that type, written `type` or `type<items>`; '' means the key is absent from there. `P.*` is an entry of a map",
    ' * of objects, `P[]` an element of a list of objects. The predefined proxy is typed under gatewayProxies.*.',
    ' */',
    'export const CHART_KEYS: Readonly<Record<string, readonly (number | string)[]>> = {',
    ...keyLines,
    '}',
    '',
    '/**',
    " * Keys that values.yaml sets → [[from, default], …]: the default from version index `from` on; `[from]` means no",
    ' * default from there (the key is absent or values.yaml does not set it). Includes gatewayProxies.gatewayProxy.*.',
    ' */',
    'export const CHART_DEFAULTS: Readonly<Record<string, readonly (readonly [number, unknown?])[]>> = {',
    ...defaultLines,
    '}',
    ''
  ].join('\n')
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag)
  if (i < 0) return undefined
  const v = argv[i + 1]
  if (!v || v.startsWith('--')) throw new Error(`${flag} needs a directory`)
  return v
}

/** The data folder: `--data DIR`, else $GLOO_CHART_DATA, else ../shared/chart-data/gloo beside the repo. */
export function dataDirOf(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const dir = argValue(argv, '--data') ?? env.GLOO_CHART_DATA
  return dir ? resolve(dir) : DEFAULT_DATA_DIR
}

function main(): void {
  const argv = process.argv.slice(2)
  const check = argv.includes('--check')
  const dataDir = dataDirOf(argv, process.env)
  if (!existsSync(dataDir)) {
    if (check) {
      console.log(`chart data not found at ${dataDir}: generated schema not checked`)
      return
    }
    console.error(`chart data not found at ${dataDir}: pass --data DIR or set GLOO_CHART_DATA`)
    process.exit(1)
  }
  const want = renderSchema(readChartFiles(dataDir))
  const out = join(REPO_ROOT, OUTPUT)
  const have = existsSync(out) ? readFileSync(out, 'utf8') : undefined
  if (check) {
    if (have !== want) {
      console.error(`${OUTPUT} is stale or missing: run npm run schema and commit it`)
      process.exit(1)
    }
    return
  }
  if (have !== want) writeFileSync(out, want)
  console.log(`${OUTPUT}: ${Buffer.byteLength(want)} bytes from ${relative(process.cwd(), dataDir) || '.'}`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main()
