/** The action's inputs: every core.getInput lives here, validated, with errors that name the input. */
import * as core from '@actions/core'
import { FILTER_MODES, type FilterMode } from './diff/filter.js'
import { FAIL_ONS, GATES, type FailOn, type Gate } from './report/gate.js'
import { bytesOf } from './engine/size.js'
import { parseVersion } from './gloo/version.js'

export type ScanMode = 'changed' | 'all'

export interface Inputs {
  token: string
  failOn: FailOn
  /** Which findings the gate judges in a pull request: the new ones (not on the base commit), or all. */
  gate: Gate
  /** Check-run annotations per run, most severe and new first; the rest are in the summary. */
  maxAnnotations: number
  filterMode: FilterMode
  /** Review comments per run; 0 turns the review off (everything becomes annotations). */
  maxComments: number
  /** Globs of files to check; empty means every .yaml/.yml/.json file. */
  paths: string[]
  exclude: string[]
  /** Repo-relative path of the config file. */
  config: string
  /** False when `config` was left at its default, so a missing file is not an error. */
  configExplicit: boolean
  scan: ScanMode
  checkName: string
  /** Where to write the SARIF log; undefined: no SARIF. */
  sarifFile?: string
  glooVersion?: string
  /** Bytes; undefined: the config file's value or the default. */
  maxFileSize?: number
}

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
  }
}

export const DEFAULTS = {
  'fail-on': 'error',
  gate: 'new',
  'max-annotations': '500',
  'filter-mode': 'file',
  'max-comments': '30',
  config: '.github/gloo-harden.yml',
  scan: 'changed',
  'check-name': 'gloo-harden'
} as const

const SCANS: readonly ScanMode[] = ['changed', 'all']
/** GitHub truncates a check run name beyond this; longer names also make poor required-check names. */
const MAX_CHECK_NAME = 100

/** The input's value, trimmed, or the action.yml default when empty (a `with:` of '' behaves like absent). */
function get(name: string): string {
  const v = core.getInput(name)
  return v !== '' ? v : ((DEFAULTS as Record<string, string>)[name] ?? '')
}

function oneOf<T extends string>(name: string, allowed: readonly T[]): T {
  const v = get(name).toLowerCase()
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(name, `'${get(name)}' is not one of ${allowed.join(', ')}`)
  return v as T
}

/** Globs, one a line or comma-separated (commas inside `{a,b}` braces belong to the glob). */
export function splitGlobs(value: string): string[] {
  const out: string[] = []
  for (const line of value.split(/\r?\n/)) {
    let depth = 0
    let cur = ''
    for (const c of line) {
      if (c === '{') depth++
      else if (c === '}') depth = Math.max(0, depth - 1)
      if (c === ',' && depth === 0) {
        out.push(cur)
        cur = ''
      } else cur += c
    }
    out.push(cur)
  }
  return out.map((g) => g.trim()).filter((g) => g && !g.startsWith('#'))
}

/** `524288`, `512k`, `5MB`, `5 MiB` → bytes (binary units, as file sizes are shown by most tools). */
export function parseSize(name: string, value: string): number {
  if (/^\s*0+(\.0+)?\s*[a-z]*\s*$/i.test(value)) throw new InputError(name, 'must be greater than 0')
  const bytes = bytesOf(value)
  if (bytes === undefined) throw new InputError(name, `'${value}' is not a size (bytes, or a number with k/KB/M/MB)`)
  return bytes
}

/** A workspace-relative path that stays inside the workspace. */
function relativePath(name: string, value: string): string {
  const v = value.trim().replace(/\\/g, '/')
  if (v.startsWith('/') || /^[a-z]:/i.test(v)) throw new InputError(name, `'${value}' must be relative to the repository root`)
  if (v.split('/').includes('..')) throw new InputError(name, `'${value}' must not leave the repository ('..')`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(v)) throw new InputError(name, 'contains control characters')
  return v.replace(/^(\.\/)+/, '')
}

/** Reads and validates every input. Throws InputError naming the first bad input. */
export function readInputs(): Inputs {
  const token = core.getInput('github-token')
  if (!token) throw new InputError('github-token', 'is empty; pass ${{ github.token }} or a token with checks: write and pull-requests: write')
  core.setSecret(token)

  const maxRaw = get('max-comments').trim()
  if (!/^\d+$/.test(maxRaw)) throw new InputError('max-comments', `'${maxRaw}' is not a whole number ≥ 0`)
  const maxComments = Number(maxRaw)
  const maxAnnotationsRaw = get('max-annotations').trim()
  if (!/^\d+$/.test(maxAnnotationsRaw)) throw new InputError('max-annotations', `'${maxAnnotationsRaw}' is not a whole number ≥ 0`)

  const configRaw = core.getInput('config')
  const config = relativePath('config', configRaw || DEFAULTS.config)

  const checkName = get('check-name').trim()
  if (!checkName) throw new InputError('check-name', 'must not be empty')
  if (checkName.length > MAX_CHECK_NAME) throw new InputError('check-name', `is longer than ${MAX_CHECK_NAME} characters`)

  const sarif = core.getInput('sarif-file')
  const gloo = core.getInput('gloo-version')
  if (gloo && !parseVersion(gloo)) throw new InputError('gloo-version', `'${gloo}' is not a chart version such as 1.17.4`)
  const size = core.getInput('max-file-size')

  return {
    token,
    failOn: oneOf('fail-on', FAIL_ONS),
    gate: oneOf('gate', GATES),
    maxAnnotations: Number(maxAnnotationsRaw),
    filterMode: oneOf('filter-mode', FILTER_MODES),
    maxComments,
    paths: splitGlobs(core.getInput('paths')),
    exclude: splitGlobs(core.getInput('exclude')),
    config,
    // The runner passes action.yml's default value as if it were set, so only a different path is explicit.
    configExplicit: configRaw !== '' && config !== DEFAULTS.config,
    scan: oneOf('scan', SCANS),
    checkName,
    sarifFile: sarif ? relativeOrAbsolute(sarif) : undefined,
    glooVersion: gloo || undefined,
    maxFileSize: size ? parseSize('max-file-size', size) : undefined
  }
}

/** The SARIF file may be written anywhere the job can write (e.g. $RUNNER_TEMP); only control characters are refused. */
function relativeOrAbsolute(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(value)) throw new InputError('sarif-file', 'contains control characters')
  return value.trim()
}
