/** The config file (`.github/gloo-harden.yml`): rules off or re-severitied, paths excluded, chart version pinned. */
import { posix } from 'node:path'
import { loadAll } from 'js-yaml'
import picomatch from 'picomatch'
import { parseVersion } from '../gloo/version.js'
import type { ConfigInstall } from '../gloo/installs.js'
import { bytesOf } from './size.js'
import type { Severity } from '../model/finding.js'

export type RuleSetting = Severity | 'off'

export interface Config {
  /** rule id → severity or off. */
  rules: Record<string, RuleSetting>
  /** Globs (relative to the repository root, the folder holding `.github/`) of files never read. */
  exclude: string[]
  /** Pins the Gloo chart version, overriding every version found in the files. */
  glooVersion?: string
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileSize: number
  /** `inputs.gloo`: globs of files that are always Gloo values; `inputs.ignore`: never. */
  inputs?: { gloo: string[]; ignore: string[] }
  /** Installs declared whole (catalog section 1A); they override the grouping the files suggest. */
  installs?: ConfigInstall[]
}

export const DEFAULT_CONFIG_PATH = '.github/gloo-harden.yml'
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

export const defaultConfig = (): Config => ({ rules: {}, exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE })

export class ConfigError extends Error {}

const SETTINGS = new Set(['off', 'notice', 'warning', 'error'])

/**
 * Parses a config file. Throws ConfigError naming the file and the offending key for anything it does not
 * understand, so a typo never silently turns a rule back on.
 */
export function parseConfig(text: string, path: string, knownRules: ReadonlySet<string>): Config {
  let raw: unknown
  try {
    // loadAll: js-yaml 5's load() rejects an empty (or comments-only) file, which is a valid, empty config.
    const docs = loadAll(text, { filename: path })
    if (docs.length > 1) throw new ConfigError(`${path}: the config must be a single YAML document`)
    raw = docs[0]
  } catch (err) {
    if (err instanceof ConfigError) throw err
    const e = err as { reason?: string; mark?: { line: number; column: number } }
    throw new ConfigError(`${path}:${(e.mark?.line ?? 0) + 1}:${(e.mark?.column ?? 0) + 1}: invalid YAML: ${e.reason ?? String(err)}`)
  }
  const config = defaultConfig()
  if (raw === null || raw === undefined) return config
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${path}: the config must be a mapping`)
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case 'rules': {
        if (value === null) break
        if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${path}: rules must map rule ids to off|notice|warning|error`)
        for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
          if (!knownRules.has(id)) throw new ConfigError(`${path}: rules.${id}: unknown rule id`)
          const s = setting === false ? 'off' : String(setting)
          if (!SETTINGS.has(s)) throw new ConfigError(`${path}: rules.${id}: '${String(setting)}' is not one of off, notice, warning, error`)
          config.rules[id] = s as RuleSetting
        }
        break
      }
      case 'exclude':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ConfigError(`${path}: exclude must be a list of globs`)
        config.exclude = value as string[]
        break
      case 'gloo-version':
      case 'glooVersion':
        if (value === null || value === undefined) break
        // YAML reads an unquoted 1.10 as the number 1.1: refuse numbers rather than pin the wrong chart.
        if (typeof value !== 'string') throw new ConfigError(`${path}: ${key}: write the version as a quoted string, e.g. '1.17.3'`)
        if (!parseVersion(value)) throw new ConfigError(`${path}: ${key}: '${value}' is not a version`)
        config.glooVersion = value
        break
      case 'max-file-size':
      case 'maxFileSize':
        {
          // The same units as the action input: bytes, or `512k`, `5MB`, `5 MiB`.
          const bytes = typeof value === 'number' || typeof value === 'string' ? bytesOf(value) : undefined
          if (bytes === undefined) throw new ConfigError(`${path}: max-file-size must be a positive size: bytes, or a number with k/KB/M/MB (e.g. 512k, 5MB)`)
          config.maxFileSize = bytes
        }
        break
      case 'inputs':
        config.inputs = parseInputs(value, path)
        break
      case 'installs':
        config.installs = parseInstalls(value, path)
        break
      default:
        throw new ConfigError(`${path}: unknown key '${key}' (expected rules, exclude, gloo-version, max-file-size, inputs, installs)`)
    }
  }
  return config
}

const isGlobList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function parseInputs(value: unknown, path: string): { gloo: string[]; ignore: string[] } {
  if (value === null || value === undefined) return { gloo: [], ignore: [] }
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${path}: inputs must be a mapping with gloo and ignore lists of globs`)
  const out = { gloo: [] as string[], ignore: [] as string[] }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k !== 'gloo' && k !== 'ignore') throw new ConfigError(`${path}: inputs.${k}: unknown key (expected gloo, ignore)`)
    if (!isGlobList(v)) throw new ConfigError(`${path}: inputs.${k} must be a list of globs`)
    out[k] = v
  }
  return out
}

const INSTALL_KEYS = ['name', 'chart', 'version', 'prefix', 'values', 'manifests', 'complete', 'fixTarget']

function parseInstalls(value: unknown, path: string): ConfigInstall[] {
  if (value === null || value === undefined) return []
  if (!Array.isArray(value)) throw new ConfigError(`${path}: installs must be a list`)
  const names = new Set<string>()
  return value.map((raw, i) => {
    const at = `${path}: installs[${i}]`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${at} must be a mapping`)
    const o = raw as Record<string, unknown>
    for (const k of Object.keys(o)) if (!INSTALL_KEYS.includes(k)) throw new ConfigError(`${at}.${k}: unknown key (expected ${INSTALL_KEYS.join(', ')})`)
    if (typeof o.name !== 'string' || !o.name) throw new ConfigError(`${at}.name: a name is required`)
    if (names.has(o.name)) throw new ConfigError(`${at}.name: '${o.name}' is declared twice`)
    names.add(o.name)
    if (o.chart !== undefined && o.chart !== 'gloo' && o.chart !== 'gloo-ee') throw new ConfigError(`${at}.chart: '${String(o.chart)}' is not gloo or gloo-ee`)
    if (o.version !== undefined && (typeof o.version !== 'string' || !parseVersion(o.version)))
      throw new ConfigError(`${at}.version: write the version as a quoted string, e.g. '1.17.3'`)
    if (o.prefix !== undefined && typeof o.prefix !== 'string') throw new ConfigError(`${at}.prefix must be a string such as "" or "gloo-ee."`)
    if (!isGlobList(o.values) || !o.values.length) throw new ConfigError(`${at}.values must be a non-empty list of globs, in precedence order`)
    if (o.manifests !== undefined && !isGlobList(o.manifests)) throw new ConfigError(`${at}.manifests must be a list of globs`)
    if (o.complete !== undefined && typeof o.complete !== 'boolean') throw new ConfigError(`${at}.complete must be true or false`)
    if (o.fixTarget !== undefined && typeof o.fixTarget !== 'string') throw new ConfigError(`${at}.fixTarget must be a file path`)
    const ci: ConfigInstall = { name: o.name, values: o.values }
    if (o.chart) ci.chart = o.chart as ConfigInstall['chart']
    if (o.version) ci.version = o.version as string
    if (o.prefix !== undefined) ci.prefix = o.prefix as string
    if (o.manifests) ci.manifests = o.manifests as string[]
    if (o.complete !== undefined) ci.complete = o.complete as boolean
    if (o.fixTarget) ci.fixTarget = o.fixTarget as string
    return ci
  })
}

/**
 * The globs (and paths) of a config, rebased from the folder they are written against (the repository root:
 * the folder holding `.github/`) onto a working directory `prefix` below it (forward slashes, e.g. `deploy/eu`),
 * so that they match the cwd-relative paths the CLI lints and reports. `exclude` is not rebased: the reader
 * matches it against root-relative paths itself (findFiles' `excludeBase`).
 */
export function rebaseConfig(config: Config, prefix: string): Config {
  if (!prefix) return config
  const globs = (list: string[]): string[] => [...new Set(list.flatMap((g) => rebaseGlob(g, prefix)))]
  const out: Config = { ...config }
  if (config.inputs) out.inputs = { gloo: globs(config.inputs.gloo), ignore: globs(config.inputs.ignore) }
  if (config.installs)
    out.installs = config.installs.map((i) => {
      const r: ConfigInstall = { ...i, values: globs(i.values) }
      if (i.manifests) r.manifests = globs(i.manifests)
      if (i.fixTarget) r.fixTarget = rebasePath(i.fixTarget, prefix)
      return r
    })
  return out
}

/** A root-relative path as a path relative to the folder `prefix` below the root (`../` where it lies outside). */
export function rebasePath(path: string, prefix: string): string {
  const p = posix.normalize(path.replace(/^\.\//, ''))
  return posix.relative(`/${prefix}`, `/${p}`)
}

/**
 * The globs that match, relative to the folder `prefix`, what `glob` matches relative to the root: its leading
 * segments are matched against the prefix's folders (`**` taking none or several), and what remains is the glob
 * below the folder; a glob that leaves the folder earlier gets `../` for each folder it leaves. Empty when it
 * can match nothing below or beside the folder. A brace or extglob that spans folders (`{a/b,c}/x`) is kept
 * whole, unrebased.
 */
export function rebaseGlob(glob: string, prefix: string): string[] {
  if (!prefix) return [glob]
  const dirs = prefix.split('/').filter(Boolean)
  const segs = glob.replace(/^\.\//, '').split('/')
  // A segment with an unbalanced brace, bracket or parenthesis belongs to a pattern that spans folders.
  const balanced = (s: string): boolean => [...'{[('].every((open, k) => s.split(open).length === s.split('}])'[k]).length)
  if (!segs.every(balanced)) return [glob]
  const out = new Set<string>()
  const seen = new Set<string>()
  const go = (i: number, j: number): void => {
    const state = `${i},${j}`
    if (seen.has(state)) return
    seen.add(state)
    if (i === segs.length) return
    if (j === dirs.length) {
      out.add(segs.slice(i).join('/'))
      return
    }
    // A path outside the folder, `../` × (folders left) + the rest: the rest need not start with dirs[j].
    out.add(`${'../'.repeat(dirs.length - j)}${segs.slice(i).join('/')}`)
    if (segs[i] === '**') {
      go(i + 1, j)
      go(i, j + 1)
    } else if (picomatch.isMatch(dirs[j], segs[i], { dot: true })) go(i + 1, j + 1)
  }
  go(0, 0)
  return [...out]
}
