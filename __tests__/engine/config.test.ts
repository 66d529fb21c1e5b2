import { describe, expect, it } from 'vitest'
import { posix } from 'node:path'
import picomatch from 'picomatch'
import { ConfigError, DEFAULT_MAX_FILE_SIZE, defaultConfig, parseConfig, rebaseConfig, rebaseGlob, rebasePath } from '../../src/engine/config.js'
import { yaml } from '../../__fixtures__/yaml.js'

const PATH = '.github/gloo-harden.yml'
const KNOWN = new Set(['proxy-token-automount', 'validation-always-accept', 'yaml-syntax', 'file-skipped'])

describe('parseConfig', () => {
  it.each([
    ['max-file-size: 5MB\n', 5 * 1024 * 1024],
    ['max-file-size: 512k\n', 512 * 1024],
    ["max-file-size: '5 MiB'\n", 5 * 1024 * 1024],
    ['max-file-size: 1048576\n', 1048576]
  ])('reads max-file-size in the units of the action input: %j', (text, bytes) => {
    expect(parseConfig(text, PATH, new Set()).maxFileSize).toBe(bytes)
  })

  it('reads rules, exclude, gloo-version and max-file-size', () => {
    const config = parseConfig(
      yaml`
        # gloo-harden settings for this repository
        rules:
          proxy-token-automount: warning
          validation-always-accept: off
          file-skipped: false
          yaml-syntax: error
        exclude:
          - charts/**/templates/**
          - "**/*.generated.yaml"
        gloo-version: "1.17.3"
        max-file-size: 1048576
      `,
      PATH,
      KNOWN
    )
    expect(config).toEqual({
      rules: { 'proxy-token-automount': 'warning', 'validation-always-accept': 'off', 'file-skipped': 'off', 'yaml-syntax': 'error' },
      exclude: ['charts/**/templates/**', '**/*.generated.yaml'],
      glooVersion: '1.17.3',
      maxFileSize: 1048576
    })
  })

  it('gives the defaults for an empty file or empty sections', () => {
    expect(parseConfig('', PATH, KNOWN)).toEqual(defaultConfig())
    expect(parseConfig('# nothing yet\n', PATH, KNOWN)).toEqual({ rules: {}, exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE })
    expect(parseConfig('rules:\ngloo-version:\n', PATH, KNOWN)).toEqual(defaultConfig())
  })

  it.each([
    ['- rules\n', `${PATH}: the config must be a mapping`],
    ['rules: [proxy-token-automount]\n', `${PATH}: rules must map rule ids to off|notice|warning|error`],
    ['rules:\n  proxy-token-automount: loud\n', `${PATH}: rules.proxy-token-automount: 'loud' is not one of off, notice, warning, error`],
    ['rules:\n  proxy-token-automount: true\n', `${PATH}: rules.proxy-token-automount: 'true' is not one of off, notice, warning, error`],
    ['rules:\n  no-such-rule: off\n', `${PATH}: rules.no-such-rule: unknown rule id`],
    ['exclude: charts/**\n', `${PATH}: exclude must be a list of globs`],
    ['exclude: [1, 2]\n', `${PATH}: exclude must be a list of globs`],
    ['gloo-version: 1.10\n', `${PATH}: gloo-version: write the version as a quoted string, e.g. '1.17.3'`],
    ["gloo-version: 'latest'\n", `${PATH}: gloo-version: 'latest' is not a version`],
    ['max-file-size: 5XB\n', `${PATH}: max-file-size must be a positive size: bytes, or a number with k/KB/M/MB (e.g. 512k, 5MB)`],
    ['max-file-size: 0\n', `${PATH}: max-file-size must be a positive size: bytes, or a number with k/KB/M/MB (e.g. 512k, 5MB)`],
    ['max-file-size: [5]\n', `${PATH}: max-file-size must be a positive size: bytes, or a number with k/KB/M/MB (e.g. 512k, 5MB)`],
    ['failOn: error\n', `${PATH}: unknown key 'failOn' (expected rules, exclude, gloo-version, max-file-size, inputs, installs)`],
    ['rules:\n  a: 1\n  a: 2\n', `${PATH}:3:3: invalid YAML: duplicated mapping key`],
    ['rules: {\n', `${PATH}:2:1: invalid YAML: deficient indentation`],
    ['rules: {}\n---\nexclude: []\n', `${PATH}: the config must be a single YAML document`]
  ])('rejects %j naming the file and the key', (text, message) => {
    expect(() => parseConfig(text, PATH, KNOWN)).toThrow(ConfigError)
    expect(() => parseConfig(text, PATH, KNOWN)).toThrow(message)
  })
})

describe('rebaseGlob: root-relative globs as globs relative to a folder below the root', () => {
  it.each([
    ['deploy/gloo/*.yaml', '', ['deploy/gloo/*.yaml']],
    ['deploy/gloo/*.yaml', 'deploy', ['../deploy/gloo/*.yaml', 'gloo/*.yaml']],
    ['deploy/gloo/*.yaml', 'deploy/gloo', ['../../deploy/gloo/*.yaml', '../gloo/*.yaml', '*.yaml']],
    ['deploy/gloo/*.yaml', 'charts', ['../deploy/gloo/*.yaml']],
    // `**` takes no folder, or one, or both: deploy/values.yaml is `../values.yaml` from deploy/eu.
    ['dep*/**/values.yaml', 'deploy/eu', ['../../dep*/**/values.yaml', '../**/values.yaml', '../values.yaml', '**/values.yaml']],
    ['**/values.yaml', 'a/b', ['../../**/values.yaml', '../../values.yaml', '../**/values.yaml', '../values.yaml', '**/values.yaml']],
    ['deploy/**', 'deploy', ['../deploy/**', '**']],
    ['deploy', 'deploy', ['../deploy']],
    ['./helm/values.yaml', 'helm', ['../helm/values.yaml', 'values.yaml']],
    ['{deploy/a,b}/x.yaml', 'deploy', ['{deploy/a,b}/x.yaml']],
    ['{deploy,b}/x.yaml', 'deploy', ['../{deploy,b}/x.yaml', 'x.yaml']]
  ])('%j from %j', (glob, prefix, want) => {
    expect(new Set(rebaseGlob(glob, prefix))).toEqual(new Set(want))
  })

  it('matches from the folder exactly the files below it the glob matches from the root, and none it does not', () => {
    const files = ['values.yaml', 'deploy/values.yaml', 'deploy/eu/values.yaml', 'deploy/eu/gloo/values-prod.yaml', 'deploy/us/values.yaml', 'charts/values.yaml', 'deploy/eu/x.yaml']
    const globs = ['deploy/eu/**', '**/values*.yaml', 'deploy/*/values.yaml', 'charts/*.yaml', 'deploy/e?/gloo/*.yaml', '**', 'dep*/**/values.yaml', '*.yaml']
    for (const glob of globs)
      for (const prefix of ['deploy', 'deploy/eu', 'charts']) {
        const fromRoot = files.filter((f) => picomatch(glob, { dot: true })(f))
        const rebased = picomatch(rebaseGlob(glob, prefix), { dot: true })
        const fromFolder = files.filter((f) => rebased(posix.relative(prefix, f)))
        const below = (f: string): boolean => f.startsWith(`${prefix}/`)
        expect({ glob, prefix, below: fromFolder.filter(below) }).toEqual({ glob, prefix, below: fromRoot.filter(below) })
        // Beside the folder (`../`), `**` cannot take `..`: some may be missed, none is added.
        for (const f of fromFolder) expect(fromRoot).toContain(f)
      }
  })

  it('rebases inputs, installs values, manifests and fixTarget; leaves exclude to the reader', () => {
    const config = { ...defaultConfig(), exclude: ['deploy/legacy/**'], inputs: { gloo: ['deploy/gloo/*.yaml'], ignore: [] }, installs: [{ name: 'p', values: ['deploy/values.yaml'], manifests: ['deploy/k8s/**'], fixTarget: 'deploy/values.yaml' }] }
    expect(rebaseConfig(config, 'deploy')).toEqual({
      ...config,
      inputs: { gloo: ['../deploy/gloo/*.yaml', 'gloo/*.yaml'], ignore: [] },
      installs: [{ name: 'p', values: ['../deploy/values.yaml', 'values.yaml'], manifests: ['../deploy/k8s/**', 'k8s/**'], fixTarget: 'values.yaml' }]
    })
    expect(rebaseConfig(config, '')).toBe(config)
    expect(rebasePath('helm/values.yaml', 'deploy/eu')).toBe('../../helm/values.yaml')
  })
})
