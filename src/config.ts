/** The config file (`.github/gloo-harden.yml`): rules off or re-severitied, paths excluded, chart version pinned. */
import { loadAll } from 'js-yaml'
import { parseVersion } from './load/version.js'
import type { Severity } from './model/finding.js'

export type RuleSetting = Severity | 'off'

export interface Config {
  /** rule id → severity or off. */
  rules: Record<string, RuleSetting>
  /** Globs (repo-relative) of files never read. */
  exclude: string[]
  /** Pins the Gloo chart version, overriding every version found in the files. */
  glooVersion?: string
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileSize: number
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
        if (typeof value !== 'number' || value <= 0) throw new ConfigError(`${path}: max-file-size must be a positive number of bytes`)
        config.maxFileSize = value
        break
      default:
        throw new ConfigError(`${path}: unknown key '${key}' (expected rules, exclude, gloo-version, max-file-size)`)
    }
  }
  return config
}
