import { describe, expect, it } from 'vitest'
import { lint, type LintFile } from '../../src/engine/lint.js'
import { toJson } from '../../src/report/json.js'
import { formatText, formatTotals } from '../../src/report/text.js'
import fileSkipped from '../../src/rules/file-skipped.js'
import proxyTokenAutomount from '../../src/rules/proxy-token-automount.js'
import validationAlwaysAccept from '../../src/rules/validation-always-accept.js'
import yamlSyntax from '../../src/rules/yaml-syntax.js'
import type { Finding } from '../../src/model/finding.js'
import { yaml } from '../../__fixtures__/yaml.js'

const RULES = [fileSkipped, proxyTokenAutomount, validationAlwaysAccept, yamlSyntax]

/**
 * A realistic multi-file run: values, rendered manifests, a broken file and a skipped one. The values and the
 * rendered Settings form two installs (helm, deploy), so messages name their install.
 */
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
    path: 'deploy/gloo.yaml',
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

const findings = (): Finding[] => lint(RUN, { rules: RULES }).findings

describe('formatText', () => {
  it('groups by file: path:line:column  severity  message  [rule-id], then totals', () => {
    expect(formatText(findings())).toBe(
      [
        'big.yaml:1:1  notice  big.yaml was not checked: it is 6291456 bytes, over max-file-size (5242880).  [file-skipped]',
        '',
        'deploy/broken.yaml:3:1  error  Invalid YAML: deficient indentation.  [yaml-syntax]',
        '',
        "deploy/gloo.yaml:4:9  error  ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false. (install deploy)  [proxy-token-automount]",
        "deploy/gloo.yaml:15:21  warning  Settings 'default' accepts invalid resources: spec.gateway.validation.alwaysAccept is not false. (install deploy)  [validation-always-accept]",
        '',
        'helm/values.yaml:1:1  error  gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs. (install helm)  [proxy-token-automount]',
        'helm/values.yaml:3:28  warning  gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources. (install helm)  [validation-always-accept]',
        '',
        '6 findings: 3 errors, 2 warnings, 1 notice',
        ''
      ].join('\n')
    )
  })

  it('sorts by file then position even when given unsorted findings', () => {
    const shuffled = findings().reverse()
    expect(formatText(shuffled)).toBe(formatText(findings()))
  })

  it('colours severity, location and rule id only when asked', () => {
    const [skipped, broken] = findings()
    expect(formatText([skipped, broken], { color: true })).toBe(
      '\u001b[1mbig.yaml:1:1\u001b[0m  \u001b[36mnotice\u001b[0m  big.yaml was not checked: it is 6291456 bytes, over max-file-size (5242880).  \u001b[2m[file-skipped]\u001b[0m\n' +
        '\n' +
        '\u001b[1mdeploy/broken.yaml:3:1\u001b[0m  \u001b[31merror\u001b[0m  Invalid YAML: deficient indentation.  \u001b[2m[yaml-syntax]\u001b[0m\n' +
        '\n' +
        '2 findings: 1 error, 0 warnings, 1 notice\n'
    )
  })

  it('escapes control characters that came from the scanned files', () => {
    const [f] = findings()
    const hostile = { ...f, path: 'evil\u001b]0;x\u0007.yaml', message: 'line one\nFAKE.yaml:1:1  error  forged' }
    expect(formatText([hostile])).toBe(
      'evil\\x1b]0;x\\x07.yaml:1:1  notice  line one\\x0aFAKE.yaml:1:1  error  forged  [file-skipped]\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    )
  })

  it('says so when there is nothing to report', () => {
    expect(formatText([])).toBe('No findings.\n')
  })

  it('counts fixable findings when asked', () => {
    // Only the two proxy-token-automount findings: the explicit alwaysAccept(Resources): true get a suggestion, not a fix.
    expect(formatTotals(findings(), { fixHint: true })).toBe('6 findings: 3 errors, 2 warnings, 1 notice (2 fixable with --fix)')
  })
})

describe('toJson', () => {
  it('gives totals and every finding with span, offsets, fingerprint and fix', () => {
    const report = JSON.parse(toJson(findings()))
    expect(report.version).toBe(1)
    expect(report.summary).toEqual({ error: 3, warning: 2, notice: 1, total: 6, fixable: 2 })
    const automount = report.findings.find((f: Finding) => f.path === 'helm/values.yaml' && f.ruleId === 'proxy-token-automount')
    expect(automount).toEqual({
      ruleId: 'proxy-token-automount',
      messageId: 'values',
      severity: 'error',
      message: 'gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs. (install helm)',
      path: 'helm/values.yaml',
      span: { start: { line: 1, column: 1 }, end: { line: 1, column: 8 } },
      offsets: [0, 7],
      resource: 'values:0',
      jsonPath: 'gateway',
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      fix: [{ range: [55, 55], text: '  proxyServiceAccount:\n    disableAutomount: true\n' }],
      install: 'helm'
    })
    // An explicit `true` is not reversed by --fix (catalog section 2): a suggestion, no fix.
    const values = report.findings.find((f: Finding) => f.path === 'helm/values.yaml' && f.ruleId === 'validation-always-accept')
    expect(values).toEqual({
      ruleId: 'validation-always-accept',
      messageId: 'values',
      severity: 'warning',
      message: 'gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources. (install helm)',
      path: 'helm/values.yaml',
      span: { start: { line: 3, column: 28 }, end: { line: 3, column: 32 } },
      offsets: [50, 54],
      resource: 'values:0',
      jsonPath: 'gateway.validation.alwaysAcceptResources',
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      suggestions: [
        {
          message: 'Set gateway.validation.alwaysAcceptResources: false (check first why it was set to true: invalid resources are then rejected on apply).',
          edits: [{ range: [50, 54], text: 'false' }]
        }
      ],
      install: 'helm'
    })
    expect(Object.keys(report.findings[0])).toEqual(['ruleId', 'messageId', 'severity', 'message', 'path', 'span', 'offsets', 'resource', 'jsonPath', 'fingerprint'])
  })
})
