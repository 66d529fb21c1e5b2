import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/model/finding.js'
import {
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_SUMMARY_BYTES,
  batchAnnotations,
  conclusionFor,
  summarize,
  toAnnotations,
  truncateBytes,
  type Annotation,
  type FailOn
} from '../../src/report/check-run.js'
import { VALUES_PATH, finding, insertBefore, remediation, replaceToken, valuesFile } from './support.js'

const file = valuesFile()
const alwaysAccept = finding(file, {
  ruleId: 'validation-always-accept',
  severity: 'warning',
  message: 'gateway.validation.alwaysAcceptResources is not false.',
  line: 8,
  token: 'true',
  fix: [replaceToken(file, 8, 'true', 'false')]
})
const automount = finding(file, {
  ruleId: 'proxy-token-automount',
  severity: 'error',
  message: 'gateway.proxyServiceAccount.disableAutomount is not true.',
  line: 6,
  token: 'gateway',
  fix: [insertBefore(file, 7, '  proxyServiceAccount:\n    disableAutomount: true\n')]
})
const pdb = finding(file, {
  ruleId: 'proxy-disruption-budget',
  severity: 'notice',
  message: "Gateway proxy 'gateway-proxy' has no PodDisruptionBudget.",
  line: 12,
  token: 'kind',
  toEndOfLine: 14
})

/** n findings of a severity on consecutive lines of one file. */
function many(n: number, severity: Severity = 'warning', path = 'clusters/prod/gloo/values.yaml'): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: 'validation-always-accept',
    messageId: 'values',
    severity,
    message: `gateway.validation.alwaysAcceptResources is not false in release ${i} | see \`values\`.`,
    path,
    span: { start: { line: i + 1, column: 3 }, end: { line: i + 1, column: 9 } },
    offsets: [0, 0] as const,
    resource: 'values:0',
    jsonPath: 'gateway.validation.alwaysAcceptResources',
    fingerprint: `fp${i}`
  }))
}

describe('toAnnotations', () => {
  it('maps severities to levels, most severe first, columns only on one line (inclusive end)', () => {
    expect(toAnnotations([alwaysAccept, pdb, automount])).toEqual<Annotation[]>([
      {
        path: VALUES_PATH,
        start_line: 6,
        end_line: 6,
        start_column: 1,
        end_column: 7,
        annotation_level: 'failure',
        title: 'gloo-harden: proxy-token-automount',
        message: `gateway.proxyServiceAccount.disableAutomount is not true.\n${remediation('proxy-token-automount')}\nFixable with gloo-harden --fix.`
      },
      {
        path: VALUES_PATH,
        start_line: 8,
        end_line: 8,
        start_column: 28,
        end_column: 31,
        annotation_level: 'warning',
        title: 'gloo-harden: validation-always-accept',
        message: `gateway.validation.alwaysAcceptResources is not false.\n${remediation('validation-always-accept')}\nFixable with gloo-harden --fix.`
      },
      {
        path: VALUES_PATH,
        start_line: 12,
        end_line: 14,
        annotation_level: 'notice',
        title: 'gloo-harden: proxy-disruption-budget',
        message: `Gateway proxy 'gateway-proxy' has no PodDisruptionBudget.\n${remediation('proxy-disruption-budget')}`
      }
    ])
  })

  it('caps the message at 64 KB without splitting a character', () => {
    const [big] = many(1)
    big.message = '€'.repeat(30_000)
    const [a] = toAnnotations([big])
    expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(64 * 1024)
    expect(a.message.endsWith('€…')).toBe(true)
  })
})

describe('batchAnnotations', () => {
  it('splits 120 annotations into 50/50/20, in order', () => {
    const batches = batchAnnotations(toAnnotations(many(120)))
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20])
    expect(batches.flat().map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
    expect(MAX_ANNOTATIONS_PER_REQUEST).toBe(50)
  })

  it.each([
    [0, []],
    [50, [50]],
    [51, [50, 1]]
  ])('%i annotations → %j', (n, want) => {
    expect(batchAnnotations(toAnnotations(many(n))).map((b) => b.length)).toEqual(want)
  })
})

describe('conclusionFor', () => {
  const cases: { severities: Severity[]; failOn: FailOn; want: string }[] = [
    { severities: [], failOn: 'error', want: 'success' },
    { severities: ['error'], failOn: 'error', want: 'failure' },
    { severities: ['warning', 'notice'], failOn: 'error', want: 'neutral' },
    { severities: ['warning'], failOn: 'warning', want: 'failure' },
    { severities: ['error'], failOn: 'warning', want: 'failure' },
    { severities: ['notice'], failOn: 'warning', want: 'neutral' },
    { severities: ['notice'], failOn: 'notice', want: 'failure' },
    { severities: ['error'], failOn: 'never', want: 'neutral' },
    { severities: [], failOn: 'never', want: 'success' }
  ]
  it.each(cases)('$severities with fail-on $failOn → $want', ({ severities, failOn, want }) => {
    expect(conclusionFor(severities.flatMap((s) => many(1, s)), failOn)).toBe(want)
  })
})

describe('summarize', () => {
  const links = { serverUrl: 'https://github.com', owner: 'acme', repo: 'gitops', sha: '3f2a9c1' }

  it('renders the verdict, a linked table, the extra sections and the patch', () => {
    const md = summarize({
      title: 'gloo-harden: 3 findings',
      findings: [alwaysAccept, pdb, automount],
      failOn: 'error',
      links,
      patch: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a: 1\n+a: 2\n',
      overflow: [alwaysAccept],
      rejected: [{ finding: pdb, reason: 'pull_request_review_thread.line must be part of the diff' }],
      suppressionsAdded: [{ path: VALUES_PATH, line: 9, rule: 'validation-allow-warnings', reason: 'team @acme/gw | wants warnings' }],
      notes: ['Pull request from a fork: findings are reported as workflow annotations.']
    })
    const row = (badge: string, id: string, line: string, anchor: string, msg: string) =>
      `| ${badge} | [\`${id}\`](docs/rules/${id}.md) | [\`${VALUES_PATH}:${line}\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#${anchor}) | ${msg} |`
    expect(md).toBe(
      [
        '## gloo-harden: 3 findings',
        '',
        '**Failed**: 3 findings (1 error, 1 warning, 1 notice); fails on error and above.',
        '',
        '> Pull request from a fork: findings are reported as workflow annotations.',
        '',
        '### Findings',
        '',
        '| Severity | Rule | Location | Message |',
        '|---|---|---|---|',
        row('🛑 error', 'proxy-token-automount', '6', 'L6', 'gateway.proxyServiceAccount.disableAutomount is not true. 🔧'),
        row('⚠️ warning', 'validation-always-accept', '8', 'L8', 'gateway.validation.alwaysAcceptResources is not false. 🔧'),
        row('ℹ️ notice', 'proxy-disruption-budget', '12', 'L12-L14', "Gateway proxy 'gateway-proxy' has no PodDisruptionBudget."),
        '',
        '### Not posted as review comments',
        '',
        'The review is capped; 1 finding inside the diff got no comment:',
        '',
        `- [\`${VALUES_PATH}:8\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#L8) [\`validation-always-accept\`](docs/rules/validation-always-accept.md): gateway.validation.alwaysAcceptResources is not false.`,
        '',
        '### Review comments GitHub rejected',
        '',
        'These were reported here instead:',
        '',
        `- [\`${VALUES_PATH}:12\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#L12-L14) [\`proxy-disruption-budget\`](docs/rules/proxy-disruption-budget.md): Gateway proxy 'gateway-proxy' has no PodDisruptionBudget. (pull\\_request\\_review\\_thread.line must be part of the diff)`,
        '',
        '### Suppressions added in this pull request',
        '',
        '| Location | Rule | Reason |',
        '|---|---|---|',
        `| [\`${VALUES_PATH}:9\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#L9) | [\`validation-allow-warnings\`](docs/rules/validation-allow-warnings.md) | team @\u200Dacme/gw \\| wants warnings |`,
        '',
        '### Fixes',
        '',
        '<details><summary>Combined patch of every safe fix: save it and run <code>git apply</code>, or run <code>gloo-harden --fix</code></summary>',
        '',
        '```diff',
        'diff --git a/x b/x',
        '--- a/x',
        '+++ b/x',
        '@@ -1 +1 @@',
        '-a: 1',
        '+a: 2',
        '```',
        '',
        '</details>',
        ''
      ].join('\n')
    )
  })

  it('says "No findings." and passes when there are none', () => {
    expect(summarize({ title: 'gloo-harden', findings: [], failOn: 'error' })).toBe('## gloo-harden\n\nNo findings.\n')
  })

  it('escapes table cells: a pipe, a newline, HTML and a mention cannot break the table', () => {
    const [f] = many(1)
    f.message = 'value "a|b"\n<script>x</script> @org/team'
    f.path = 'gloo|values.yaml'
    const md = summarize({ title: 't', findings: [f], failOn: 'error' })
    const row = md.split('\n').find((l) => l.startsWith('| ⚠️'))!
    expect(row).toBe('| ⚠️ warning | [`validation-always-accept`](docs/rules/validation-always-accept.md) | `gloo\\|values.yaml:1` | value "a\\|b" &lt;script&gt;x&lt;/script&gt; @\u200Dorg/team |')
  })

  it('stays under 65,535 bytes with 5,000 findings, truncating the table and saying so', () => {
    const findings = [...many(2_500, 'error'), ...many(2_500, 'notice', 'rendered/gloo/gateway-proxy-deployment.yaml')]
    const md = summarize({ title: 'gloo-harden', findings, failOn: 'error', links, patch: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n' })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    const rows = md.split('\n').filter((l) => /^\| (🛑|⚠️|ℹ️)/.test(l))
    expect(rows.length).toBeGreaterThan(100)
    expect(md).toContain(`> The table is truncated: ${(5_000 - rows.length).toLocaleString('en-US')} more findings not shown`)
    // Errors come first, so the truncated rows are the notices.
    expect(rows.every((r) => r.startsWith('| 🛑 error'))).toBe(true)
    // The table ends with a whole row and the small patch still fits.
    expect(md).toContain('```diff\ndiff --git a/x b/x')
    expect(md.endsWith('</details>\n')).toBe(true)
  })

  it('leaves out a patch too large to fit, whole, and says so', () => {
    const patch = `diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3000 +1,3000 @@\n${'-a: 1\n+a: 2\n'.repeat(6_000)}`
    const md = summarize({ title: 'gloo-harden', findings: many(10), failOn: 'error', patch })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(md).not.toContain('```diff')
    expect(md).toContain('The combined patch of every safe fix is too large for this summary; run `gloo-harden --fix` locally.')
    expect(md.split('\n').filter((l) => l.startsWith('| ⚠️'))).toHaveLength(10)
  })

  it('gate new: the table holds the new findings; the fixed ones are thanked for, the debt is collapsed with counts per rule', () => {
    const existing = [{ ...automount, baseline: 'existing' as const }, { ...pdb, baseline: 'existing' as const }]
    const fixed = { ...alwaysAccept, span: { start: { line: 7, column: 28 }, end: { line: 7, column: 32 } } }
    const md = summarize({
      title: 'gloo-harden: no new findings (2 findings already on the base branch)',
      findings: [],
      failOn: 'error',
      gate: 'new',
      existing,
      fixed: [fixed],
      links: { ...links, baseSha: 'ba5e000' }
    })
    expect(md).toBe(
      [
        '## gloo-harden: no new findings (2 findings already on the base branch)',
        '',
        '**Passed**: no new findings; fails on error and above. 2 findings were already on the base branch and are not judged (gate: new).',
        '',
        '### Fixed',
        '',
        'This pull request fixes 1 finding that was on the base branch (0 errors, 1 warning, 0 notices):',
        '',
        `- [\`${VALUES_PATH}:7\`](https://github.com/acme/gitops/blob/ba5e000/${VALUES_PATH}#L7) [\`validation-always-accept\`](docs/rules/validation-always-accept.md): gateway.validation.alwaysAcceptResources is not false. (warning)`,
        '',
        'Thank you for paying down this debt!',
        '',
        '<details>',
        '<summary>2 findings were already on the base branch (not judged: gate is new)</summary>',
        '',
        'They get no review comment and do not fail the check; they are notices in the annotations. Per rule:',
        '',
        '| Rule | Findings | Severities |',
        '|---|---|---|',
        '| [`proxy-disruption-budget`](docs/rules/proxy-disruption-budget.md) | 1 | 0 errors, 0 warnings, 1 notice |',
        '| [`proxy-token-automount`](docs/rules/proxy-token-automount.md) | 1 | 1 error, 0 warnings, 0 notices |',
        '',
        `- [\`${VALUES_PATH}:6\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#L6) [\`proxy-token-automount\`](docs/rules/proxy-token-automount.md): gateway.proxyServiceAccount.disableAutomount is not true. (error)`,
        `- [\`${VALUES_PATH}:12\`](https://github.com/acme/gitops/blob/3f2a9c1/${VALUES_PATH}#L12-L14) [\`proxy-disruption-budget\`](docs/rules/proxy-disruption-budget.md): Gateway proxy 'gateway-proxy' has no PodDisruptionBudget. (notice)`,
        '',
        '</details>',
        ''
      ].join('\n')
    )
  })

  it('gate all: the debt is in the table and judged, and still counted apart', () => {
    const existing = [{ ...automount, baseline: 'existing' as const }]
    const md = summarize({ title: 't', findings: [existing[0], { ...pdb, baseline: 'new' }], failOn: 'error', gate: 'all', existing })
    expect(md).toContain('**Failed**: 2 findings (1 error, 0 warnings, 1 notice); fails on error and above. 1 finding was already on the base branch (gate: all judges them too).')
    expect(md).toContain('<summary>1 finding was already on the base branch</summary>')
    expect(md).toContain('They get no review comment; gate: all judges them with the new ones. Per rule:')
  })

  it('stays under the cap with thousands of existing and fixed findings: each list names 20 and counts the rest', () => {
    const existing = many(3_000, 'error').map((f) => ({ ...f, baseline: 'existing' as const }))
    const md = summarize({ title: 't', findings: many(3_000, 'notice', 'b.yaml'), failOn: 'error', gate: 'new', existing, fixed: many(3_000, 'warning', 'c.yaml'), links })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(md).toContain('- … and 2,980 more.')
    expect(md).toContain('<summary>3,000 findings were already on the base branch (not judged: gate is new)</summary>')
    expect(md).toContain('This pull request fixes 3,000 findings')
  })

  it('truncateBytes never exceeds the cap', () => {
    expect(truncateBytes('abc', 3)).toBe('abc')
    expect(truncateBytes('abcdef', 4)).toBe('a…')
    expect(Buffer.byteLength(truncateBytes('😀'.repeat(10), 9))).toBeLessThanOrEqual(9)
  })
})
