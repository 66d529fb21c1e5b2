import { describe, expect, it } from 'vitest'
import { lint, type LintFile } from '../../src/engine/lint.js'
import { toJson } from '../../src/report/json.js'
import fc from 'fast-check'
import { countFindings, formatFileBlock, formatSummary, formatText, formatTotals, wantsColor, widthOf, wrap } from '../../src/report/text.js'
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

describe('formatText (stylish)', () => {
  it('gives a heading per file, then aligned rows wrapped to the width, then totals', () => {
    expect(formatText(findings(), { width: 100 })).toBe(
      [
        'big.yaml',
        '  1:1  notice  big.yaml was not checked: it is 6291456 bytes, over max-file-size (5242880).',
        '               file-skipped',
        '',
        'deploy/broken.yaml',
        '  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax',
        '',
        'deploy/gloo.yaml',
        "   4:9   error    ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod;",
        '                  set automountServiceAccountToken: false. (install deploy)  proxy-token-automount',
        "  15:21  warning  Settings 'default' accepts invalid resources: spec.gateway.validation.alwaysAccept",
        '                  is not false. (install deploy)  validation-always-accept',
        '',
        'helm/values.yaml',
        '  1:1   error    gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod',
        '                 mounts a Kubernetes API token that Envoy never needs. (install helm)',
        '                 proxy-token-automount',
        '  3:28  warning  gateway.validation.alwaysAcceptResources is not false: the validation webhook',
        '                 accepts invalid resources. (install helm)  validation-always-accept',
        '',
        '6 findings: 3 errors, 2 warnings, 1 notice',
        ''
      ].join('\n')
    )
  })

  it('never writes a line wider than the width when the words allow it', () => {
    for (const width of [60, 80, 100, 120])
      for (const line of formatText(findings(), { width }).split('\n')) expect(line.length).toBeLessThanOrEqual(width)
  })

  it('lines rule ids up in a column when every row of the file fits the width', () => {
    const gloo = findings().filter((f) => f.path === 'deploy/gloo.yaml')
    expect(formatFileBlock('deploy/gloo.yaml', gloo, { width: 200 })).toBe(
      [
        'deploy/gloo.yaml',
        "   4:9   error    ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false. (install deploy)  proxy-token-automount",
        `  15:21  warning  ${"Settings 'default' accepts invalid resources: spec.gateway.validation.alwaysAccept is not false. (install deploy)".padEnd(139)}  validation-always-accept`,
        '',
        ''
      ].join('\n')
    )
  })

  it('wraps at 80 columns by default, and cuts a word longer than the message column', () => {
    const [skipped] = findings()
    const long = { ...skipped, message: `${'x'.repeat(70)} end.` }
    expect(formatText([long])).toBe(
      [
        'big.yaml',
        `  1:1  notice  ${'x'.repeat(65)}`,
        `               ${'x'.repeat(5)} end.  file-skipped`,
        '',
        '1 finding: 0 errors, 0 warnings, 1 notice',
        ''
      ].join('\n')
    )
  })

  it('sorts by file then position even when given unsorted findings', () => {
    const shuffled = findings().reverse()
    expect(formatText(shuffled)).toBe(formatText(findings()))
  })

  it('colours the heading, position, severity, rule id and totals only when asked', () => {
    const [skipped, broken] = findings()
    expect(formatText([skipped, broken], { color: true, width: 200 })).toBe(
      '\u001b[4mbig.yaml\u001b[0m\n' +
        '  \u001b[2m1:1\u001b[0m  \u001b[36mnotice\u001b[0m  big.yaml was not checked: it is 6291456 bytes, over max-file-size (5242880).  \u001b[2mfile-skipped\u001b[0m\n' +
        '\n' +
        '\u001b[4mdeploy/broken.yaml\u001b[0m\n' +
        '  \u001b[2m3:1\u001b[0m  \u001b[31merror\u001b[0m  Invalid YAML: deficient indentation.  \u001b[2myaml-syntax\u001b[0m\n' +
        '\n' +
        '\u001b[1m\u001b[31m2 findings: 1 error, 0 warnings, 1 notice\u001b[0m\n'
    )
    expect(formatText([skipped, broken], { width: 200 })).toBe(
      'big.yaml\n  1:1  notice  big.yaml was not checked: it is 6291456 bytes, over max-file-size (5242880).  file-skipped\n\n' +
        'deploy/broken.yaml\n  3:1  error  Invalid YAML: deficient indentation.  yaml-syntax\n\n' +
        '2 findings: 1 error, 0 warnings, 1 notice\n'
    )
  })

  it('pads by visible width: colour codes do not shift the columns', () => {
    const strip = (s: string): string => s.replace(/\u001b\[\d+m/g, '')
    for (const width of [60, 100, 200]) expect(strip(formatText(findings(), { color: true, width }))).toBe(formatText(findings(), { width }))
  })

  it('escapes control characters that came from the scanned files', () => {
    const [f] = findings()
    const hostile = { ...f, path: 'evil\u001b]0;x\u0007.yaml', message: 'line one\nFAKE.yaml:1:1  error  forged' }
    expect(formatText([hostile])).toBe(
      'evil\\x1b]0;x\\x07.yaml\n  1:1  notice  line one\\x0aFAKE.yaml:1:1  error  forged  file-skipped\n\n1 finding: 0 errors, 0 warnings, 1 notice\n'
    )
  })

  it('says so when there is nothing to report', () => {
    expect(formatText([])).toBe('No findings.\n')
    expect(formatText([], { color: true })).toBe('No findings.\n')
  })

  it('counts fixable findings when asked', () => {
    // Only the two proxy-token-automount findings: the explicit alwaysAccept(Resources): true get a suggestion, not a fix.
    expect(formatTotals(findings(), { fixHint: true })).toBe('6 findings: 3 errors, 2 warnings, 1 notice (2 fixable with --fix)')
    // Standard input: --fix cannot write there, the CLI names --fix-dry-run.
    expect(formatTotals(findings(), { fixHint: true, fixOption: '--fix-dry-run' })).toBe('6 findings: 3 errors, 2 warnings, 1 notice (2 fixable with --fix-dry-run)')
  })

  it('is the composition of formatFileBlock per file and formatSummary of the counts (for streaming)', () => {
    const all = findings()
    const paths = [...new Set(all.map((f) => f.path))].sort()
    const opts = { color: true, fixHint: true, width: 72 }
    const streamed =
      paths.map((p) => formatFileBlock(p, all.filter((f) => f.path === p), opts)).join('') + formatSummary(countFindings(all), opts)
    expect(streamed).toBe(formatText(all, opts))
    expect(countFindings(all)).toEqual({ error: 3, warning: 2, notice: 1, fixable: 2 })
    expect(formatSummary({ error: 0, warning: 2, notice: 1, fixable: 2 }, { fixHint: true })).toBe('3 findings: 0 errors, 2 warnings, 1 notice (2 fixable with --fix)\n')
    expect(formatSummary({ error: 0, warning: 2, notice: 1, fixable: 2 }, { color: true })).toBe('\u001b[1m\u001b[33m3 findings: 0 errors, 2 warnings, 1 notice\u001b[0m\n')
    expect(formatSummary({ error: 0, warning: 0, notice: 0, fixable: 0 })).toBe('No findings.\n')
    expect(formatFileBlock('clean.yaml', [])).toBe('')
  })
})

describe('wrap', () => {
  it.each([
    ['a bb ccc dddd', 6, ['a bb', 'ccc', 'dddd']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['ab abcdefghij c', 4, ['ab', 'abcd', 'efgh', 'ij c']],
    ['', 10, ['']]
  ])('%j at %i', (text, width, want) => {
    expect(wrap(text, width)).toEqual(want)
  })

  /** The definition: greedy, each line's width counted again in code points, a word longer than the width cut. */
  function definition(text: string, width: number): string[] {
    const cp = (s: string): number => [...s].length
    const lines: string[] = []
    let line = ''
    for (let word of text.split(' ')) {
      while (cp(word) > width) {
        if (line) lines.push(line)
        lines.push([...word].slice(0, width).join(''))
        word = [...word].slice(width).join('')
        line = ''
      }
      if (!line) line = word
      else if (cp(line) + 1 + cp(word) <= width) line += ` ${word}`
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
    return lines
  }

  it('wraps as the definition does, and counts code points as widths (surrogate pairs, lone halves)', () => {
    const text = fc.array(fc.constantFrom('a', 'bb', ' ', '  ', '😀', '\ud83d', '\ude00', 'é', 'long-word-here'), { maxLength: 25 }).map((p) => p.join(''))
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, width) => {
        expect(wrap(t, width)).toEqual(definition(t, width))
        expect(widthOf(t)).toBe([...t].length)
      }),
      { numRuns: 5000, seed: 17 }
    )
  })
})

describe('a file with more findings than a call takes arguments', () => {
  it('is one block, its columns as wide as its widest row', () => {
    const many: Finding[] = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: 'yaml-duplicate-key',
      messageId: 'duplicate',
      severity: 'warning',
      message: `Duplicate key 'a' (first at line 2).`,
      path: 'gloo-dup.yaml',
      span: { start: { line: i + 3, column: 1 }, end: { line: i + 3, column: 2 } },
      offsets: [5 * i + 12, 5 * i + 13],
      resource: 'file',
      jsonPath: 'a',
      fingerprint: ''
    }))
    const lines = formatFileBlock('gloo-dup.yaml', many).split('\n')
    expect(lines.length).toBe(200_003)
    expect([lines[0], lines[1], lines[200_000]]).toEqual([
      'gloo-dup.yaml',
      "       3:1  warning  Duplicate key 'a' (first at line 2).  yaml-duplicate-key",
      "  200002:1  warning  Duplicate key 'a' (first at line 2).  yaml-duplicate-key"
    ])
  })
})

describe('wantsColor: FORCE_COLOR wins over NO_COLOR (Node, supports-color); no-color.org, force-color.org', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true], // empty: ignored (no-color.org)
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: '' }, false, false], // empty: ignored (force-color.org)
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, true, false],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, false, true]
  ] as const)('%j on a TTY: %s → %s', (env, tty, want) => {
    expect(wantsColor(env, tty)).toBe(want)
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
