import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint, type LintFile } from '../../src/engine/lint.js'
import { toSarif, type SarifLog } from '../../src/report/sarif.js'
import fileSkipped from '../../src/rules/file-skipped.js'
import { rules as catalog } from '../../src/rules/index.js'
import proxyTokenAutomount from '../../src/rules/proxy-token-automount.js'
import validationAlwaysAccept from '../../src/rules/validation-always-accept.js'
import type { Rule } from '../../src/rules/types.js'
import yamlSyntax from '../../src/rules/yaml-syntax.js'
import { yaml } from '../../__fixtures__/yaml.js'

const RULES: Rule[] = [fileSkipped, proxyTokenAutomount, validationAlwaysAccept, yamlSyntax]

// Two installs (helm: the values; deploy: the rendered Settings), so messages name their install.
const RUN: LintFile[] = [
  {
    path: 'helm/values.yaml',
    text: yaml`
      gateway:
        validation:
          alwaysAcceptResources: true
    `
  },
  {
    path: 'deploy/gloo system.yaml',
    text: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: gateway-proxy
        namespace: gloo-system
      ---
      apiVersion: gloo.solo.io/v1
      kind: Settings
      metadata:
        name: default
        namespace: gloo-system
      spec:
        gateway:
          validation:
            alwaysAccept: true
    `
  },
  { path: 'deploy/broken.yaml', text: 'gloo:\n  deployment: [\n' },
  { path: 'big.yaml', text: '', skipped: 'it is 6291456 bytes, over max-file-size (5242880)' }
]

function sarifOf(files: LintFile[], rules: readonly Rule[] = RULES, withSources = true): SarifLog {
  const result = lint(files, { rules })
  const sources = new Map([...result.files].map(([p, f]) => [p, f.text]))
  return toSarif(result.findings, rules, { toolVersion: '0.1.0', sources: withSources ? sources : undefined })
}

describe('toSarif', () => {
  it('describes the tool and every catalog rule', () => {
    const { driver } = sarifOf(RUN).runs[0].tool
    expect(driver.name).toBe('gloo-harden')
    expect(driver.version).toBe('0.1.0')
    expect(driver.informationUri).toMatch(/^https:\/\//)
    expect(driver.rules.map((r) => r.id)).toEqual(['file-skipped', 'proxy-token-automount', 'validation-always-accept', 'yaml-syntax'])
    expect(driver.rules[2]).toEqual({
      id: 'validation-always-accept',
      name: 'ValidationAlwaysAccept',
      shortDescription: { text: 'The validation webhook must reject resources that fail validation.' },
      fullDescription: {
        text: 'The validation webhook must reject resources that fail validation. Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).'
      },
      help: {
        text: 'The validation webhook must reject resources that fail validation.\n\nRemediation: Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).',
        markdown: [
          '# validation-always-accept',
          '',
          'The validation webhook must reject resources that fail validation.',
          '',
          '**Remediation.** Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).',
          '',
          'Default severity `warning`, category control-plane, fixable with `gloo-harden --fix`.',
          '',
          `[Rule documentation](${driver.informationUri}/blob/main/docs/rules/validation-always-accept.md)`
        ].join('\n')
      },
      helpUri: `${driver.informationUri}/blob/main/docs/rules/validation-always-accept.md`,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['control-plane', 'gloo'], category: 'control-plane', fixable: true }
    })
    expect(driver.rules[1].properties.tags).toEqual(['security', 'gloo'])
    expect(driver.rules[0].defaultConfiguration).toEqual({ level: 'note' })
  })

  it('uses the doc page as help.markdown, without its generated-block comments', () => {
    const docs = new Map([['yaml-syntax', '<!-- begin generated -->\n# yaml-syntax\n\nText.\n<!-- end generated -->\n\n## Why\n\nBecause.\n']])
    const result = lint(RUN, { rules: RULES })
    const log = toSarif(result.findings, RULES, { toolVersion: '0.1.0', ruleDocs: docs })
    expect(log.runs[0].tool.driver.rules[3].help.markdown).toBe('# yaml-syntax\n\nText.\n\n## Why\n\nBecause.')
  })

  it('gives each result its rule index, level, message, region and fingerprint', () => {
    const log = sarifOf(RUN)
    expect(log.version).toBe('2.1.0')
    const rows = log.runs[0].results.map((r) => {
      const loc = r.locations[0].physicalLocation
      const g = loc.region
      return `${r.ruleIndex} ${r.ruleId} ${r.level} ${loc.artifactLocation.uriBaseId}/${loc.artifactLocation.uri} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn}`
    })
    expect(rows).toEqual([
      '0 file-skipped note %SRCROOT%/big.yaml 1:1-1:1',
      '3 yaml-syntax error %SRCROOT%/deploy/broken.yaml 3:1-3:1',
      '1 proxy-token-automount error %SRCROOT%/deploy/gloo%20system.yaml 4:9-4:22',
      '2 validation-always-accept warning %SRCROOT%/deploy/gloo%20system.yaml 15:21-15:25',
      '1 proxy-token-automount error %SRCROOT%/helm/values.yaml 1:1-1:8',
      '2 validation-always-accept warning %SRCROOT%/helm/values.yaml 3:28-3:32'
    ])
    const sa = log.runs[0].results[2]
    expect(sa.message.text).toBe("ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false. (install deploy)")
    expect(sa.partialFingerprints).toEqual({ 'glooHarden/v1': expect.stringMatching(/^[0-9a-f]{16}$/) })
    expect(sa.properties).toEqual({ resource: 'ServiceAccount/gloo-system/gateway-proxy', jsonPath: 'metadata.name', install: 'deploy' })
  })

  it('keeps fingerprints stable when lines shift', () => {
    const shifted = RUN.map((f) => (f.path === 'helm/values.yaml' ? { ...f, text: `# production values\n\n${f.text}` } : f))
    const before = sarifOf(RUN).runs[0].results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'helm/values.yaml')
    const after = sarifOf(shifted).runs[0].results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'helm/values.yaml')
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints))
    expect(after.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual([3, 5])
  })

  it('expresses fixes as line/column replacements (insertions are empty regions)', () => {
    const results = sarifOf(RUN).runs[0].results
    expect(results[2].fixes).toEqual([
      {
        description: { text: "Fix proxy-token-automount: ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false. (install deploy)" },
        artifactChanges: [
          {
            artifactLocation: { uri: 'deploy/gloo%20system.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 1 }, insertedContent: { text: 'automountServiceAccountToken: false\n' } }]
          }
        ]
      }
    ])
    expect(results[4].fixes?.[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 1 }, insertedContent: { text: '  proxyServiceAccount:\n    disableAutomount: true\n' } }
    ])
    // An explicit alwaysAcceptResources: true gets a suggestion only (catalog section 2), so no SARIF fix.
    expect(results[5].fixes).toBeUndefined()
    // A replacement: a null value (the chart default) is overwritten, its region is the old value.
    const replaced = sarifOf([{ path: 'values.yaml', text: 'gateway:\n  proxyServiceAccount:\n    disableAutomount: null\n' }], [proxyTokenAutomount]).runs[0].results
    expect(replaced.map((r) => r.fixes?.[0].artifactChanges[0].replacements)).toEqual([
      [{ deletedRegion: { startLine: 3, startColumn: 23, endLine: 3, endColumn: 27 }, insertedContent: { text: 'true' } }]
    ])
    expect(results[0].fixes).toBeUndefined()
    expect(sarifOf(RUN, RULES, false).runs[0].results.some((r) => r.fixes)).toBe(false)
  })

  it('does not count a BOM as a column, in results or fixes', () => {
    // Everything on the BOM's line: the finding at `gateway`, the fix inserted before the closing brace.
    const log = sarifOf([{ path: 'values.yaml', text: '\uFEFFgateway: {validation: {alwaysAcceptResources: true}}\n' }], [proxyTokenAutomount])
    const [r] = log.runs[0].results
    expect(r.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 })
    expect(r.fixes?.[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 1, startColumn: 52, endLine: 1, endColumn: 52 }, insertedContent: { text: ', proxyServiceAccount: {disableAutomount: true}' } }
    ])
  })
})

const VALIDATOR = join(process.cwd(), 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool')

describe('SARIF validator (Gh;Sarif rules)', () => {
  if (!existsSync(VALIDATOR)) console.warn(`skipping the SARIF validator test: ${VALIDATOR} is absent`)

  it.skipIf(!existsSync(VALIDATOR))('reports no errors or warnings for a realistic multi-file run with the whole catalog', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloo-harden-sarif-'))
    try {
      const input = join(dir, 'gloo-harden.sarif')
      const output = join(dir, 'validation.sarif')
      const files: LintFile[] = [
        ...RUN,
        { path: 'helm/values-ee.yaml', text: 'license_key: ""\ngloo:\n  gateway:\n    validation:\n      alwaysAcceptResources: true\n' },
        { path: 'crlf.yaml', text: 'gateway:\r\n  validation:\r\n    alwaysAcceptResources: true\r\n' }
      ]
      const log = sarifOf(files, catalog)
      expect(log.runs[0].results.some((r) => r.fixes)).toBe(true)
      writeFileSync(input, JSON.stringify(log, null, 2))
      // The validator's exit code is 0 even when it finds problems, so read its own SARIF output; a result
      // without a level is a warning (SARIF's default).
      execFileSync(VALIDATOR, ['validate', input, '--rule-kind', 'Gh;Sarif', '-o', output, '--log', 'ForceOverwrite'], { stdio: 'pipe' })
      const validation = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { arguments?: string[] } }[] }[] }
      const problems = (validation.runs[0].results ?? [])
        .filter((r) => (r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning')
        .map((r) => `${r.ruleId}: ${(r.message.arguments ?? []).join(' | ')}`)
      expect(problems).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
