import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePatch, type Hunk } from '../../src/diff/parse.js'
import { makeSourceFile, type SourceFile } from '../../src/forms/manifests.js'
import type { Finding, TextEdit } from '../../src/model/finding.js'
import { parseMarker } from '../../src/report/fingerprint.js'
import { escapeMarkdown } from '../../src/report/markdown.js'
import { commentBody, planReview } from '../../src/report/review.js'
import { VALUES_PATH, finding, fixture, insertBefore, remediation, replaceToken, valuesFile } from './support.js'

// helm/gloo/values.yaml at the PR head; hunks 1..8, 11..17, 24..30 (see github-values.patch).
const file = valuesFile()
const files: ReadonlyMap<string, SourceFile> = new Map([[VALUES_PATH, file]])
const diffs: ReadonlyMap<string, Hunk[]> = new Map([[VALUES_PATH, parsePatch(fixture('github-values.patch'))]])
const rem = (id: string): string => `**Remediation:** ${escapeMarkdown(remediation(id)!)}`

const alwaysAccept = finding(file, {
  ruleId: 'validation-always-accept',
  severity: 'warning',
  message: 'gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources (the chart default is true).',
  line: 8,
  token: 'true',
  fix: [replaceToken(file, 8, 'true', 'false')]
})
/** Missing key: the finding is on `gateway:`, the fix inserts two lines after it. */
const automount = finding(file, {
  ruleId: 'proxy-token-automount',
  severity: 'error',
  message: 'gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.',
  line: 6,
  token: 'gateway',
  fix: [insertBefore(file, 7, '  proxyServiceAccount:\n    disableAutomount: true\n')]
})
const allowWarnings = finding(file, {
  ruleId: 'validation-allow-warnings',
  severity: 'notice',
  message: 'gateway.validation.allowWarnings is not false.',
  line: 9,
  token: 'true',
  fix: [replaceToken(file, 9, 'true', 'false')]
})
/** A multi-line node: the `kind:` pair of lines 12..14 (exclusive end at column 1 of line 15). */
const pdb = finding(file, {
  ruleId: 'proxy-disruption-budget',
  severity: 'warning',
  message: "Gateway proxy 'gateway-proxy' runs 3 replicas without a PodDisruptionBudget.",
  line: 12,
  token: 'kind',
  toEndOfLine: 14
})
const probes = finding(file, {
  ruleId: 'proxy-probes',
  severity: 'warning',
  message: "Gateway proxy 'gateway-proxy' has no readiness probe (podTemplate.probes is false).",
  line: 16,
  token: 'false',
  suggestions: [{ message: 'Enable the chart probes (check the readiness path first).', edits: [replaceToken(file, 16, 'false', 'true')] }]
})
const eof = (text: string) => [insertBefore(file, 31, text)]
const privileged = finding(file, {
  ruleId: 'proxy-privileged',
  severity: 'error',
  message: "Gateway proxy 'public-gw' allows privilege escalation.",
  line: 28,
  token: 'podTemplate',
  fix: eof('      glooContainerSecurityContext:\n        allowPrivilegeEscalation: false\n')
})
const readOnly = finding(file, {
  ruleId: 'proxy-read-only-root-fs',
  severity: 'error',
  message: "Gateway proxy 'public-gw' has a writable root filesystem.",
  line: 28,
  token: 'podTemplate',
  fix: eof('      glooContainerSecurityContext:\n        readOnlyRootFilesystem: true\n')
})
const netBind = finding(file, {
  ruleId: 'proxy-net-bind',
  severity: 'error',
  message: "Gateway proxy 'public-gw' sets disableNetBind: false.",
  line: 29,
  token: 'false',
  fix: [replaceToken(file, 29, 'false', 'true')]
})
const runAsRoot = finding(file, {
  ruleId: 'proxy-run-as-root',
  severity: 'error',
  message: "Gateway proxy 'public-gw' sets runUnprivileged: false.",
  line: 30,
  token: 'false',
  fix: [replaceToken(file, 30, 'false', 'true')]
})

const all = [alwaysAccept, automount, allowWarnings, pdb, probes, privileged, readOnly, netBind, runAsRoot]
const plan = planReview(all, files, diffs, { mode: 'file', maxComments: 10 })
const comment = (ruleId: string) => plan.comments.find((c) => c.finding.ruleId === ruleId)!

describe('planReview', () => {
  it('plans errors first, then by place, with exact ranges', () => {
    expect(plan.comments.map((c) => [c.finding.ruleId, c.start_line, c.line, c.start_side, c.side])).toEqual([
      ['proxy-token-automount', undefined, 6, undefined, 'RIGHT'],
      ['proxy-privileged', 28, 30, 'RIGHT', 'RIGHT'],
      ['validation-always-accept', undefined, 8, undefined, 'RIGHT'],
      ['proxy-disruption-budget', 12, 14, 'RIGHT', 'RIGHT'],
      ['proxy-probes', undefined, 16, undefined, 'RIGHT']
    ])
    expect(plan.outside).toEqual([allowWarnings])
    expect(plan.overflow).toEqual([])
    expect(plan.comments.every((c) => c.path === VALUES_PATH && c.fingerprint === c.finding.fingerprint)).toBe(true)
  })

  it('single-line fix: a suggestion of the whole fixed line', () => {
    expect(comment('validation-always-accept').body).toBe(
      [
        '⚠️ **warning** · [`validation-always-accept`](docs/rules/validation-always-accept.md)',
        '',
        'gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources (the chart default is true).',
        '',
        rem('validation-always-accept'),
        '',
        'Suggested fix (what `gloo-harden --fix` applies):',
        '',
        '```suggestion',
        '    alwaysAcceptResources: false',
        '```',
        '',
        '<!-- gloo-harden:fp=validation-always-accept-8 -->'
      ].join('\n')
    )
  })

  it('insertion after line N: anchored on line N, the suggestion repeats it then adds the new lines', () => {
    const c = comment('proxy-token-automount')
    expect([c.start_line, c.line]).toEqual([undefined, 6])
    expect(c.body).toBe(
      [
        '🛑 **error** · [`proxy-token-automount`](docs/rules/proxy-token-automount.md)',
        '',
        'gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.',
        '',
        rem('proxy-token-automount'),
        '',
        'Suggested fix (what `gloo-harden --fix` applies):',
        '',
        '```suggestion',
        'gateway:',
        '  proxyServiceAccount:',
        '    disableAutomount: true',
        '```',
        '',
        '<!-- gloo-harden:fp=proxy-token-automount-6 -->'
      ].join('\n')
    )
  })

  it('fix reaching outside the hunk: a comment on the finding, no suggestion, pointing at --fix', () => {
    // Same finding, but the fix appends after line 9 (the end of `gateway:`), and line 9 is not in the diff.
    const late = { ...automount, fix: [insertBefore(file, 10, '  proxyServiceAccount:\n    disableAutomount: true\n')] }
    const p = planReview([late], files, diffs, { mode: 'diff_context', maxComments: 10 })
    expect(p.comments.map((c) => [c.start_line, c.line])).toEqual([[undefined, 6]])
    expect(p.comments[0].body).toBe(
      [
        '🛑 **error** · [`proxy-token-automount`](docs/rules/proxy-token-automount.md)',
        '',
        'gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.',
        '',
        rem('proxy-token-automount'),
        '',
        'Fix available with `gloo-harden --fix` (it reaches outside this diff; the combined patch is in the check run summary).',
        '',
        '<!-- gloo-harden:fp=proxy-token-automount-6 -->'
      ].join('\n')
    )
    const linked = planReview([late], files, diffs, { mode: 'diff_context', maxComments: 10, docsBase: 'https://github.com/acme/gloo-harden/blob/v1/docs/rules/' })
    expect(linked.comments[0].body).toContain('[`proxy-token-automount`](https://github.com/acme/gloo-harden/blob/v1/docs/rules/proxy-token-automount.md)')
  })

  it('multi-line finding without a fix: start_line..line are exactly its lines', () => {
    const c = comment('proxy-disruption-budget')
    expect([c.start_line, c.line]).toEqual([12, 14])
    expect(c.body).toBe(
      [
        '⚠️ **warning** · [`proxy-disruption-budget`](docs/rules/proxy-disruption-budget.md)',
        '',
        "Gateway proxy 'gateway-proxy' runs 3 replicas without a PodDisruptionBudget.",
        '',
        rem('proxy-disruption-budget'),
        '',
        '<!-- gloo-harden:fp=proxy-disruption-budget-12 -->'
      ].join('\n')
    )
  })

  it('needs-a-human suggestions are offered the same way, labelled as needing review', () => {
    const body = comment('proxy-probes').body
    expect(body).toContain(
      [
        'Possible change, **needs review** (not applied by `--fix`): Enable the chart probes (check the readiness path first).',
        '',
        '```suggestion',
        '      probes: true',
        '```'
      ].join('\n')
    )
    expect(body).not.toContain('Suggested fix')
  })

  it('overlapping suggestions: disjoint fixes merge into one suggestion, a conflicting one is listed without its own', () => {
    const c = comment('proxy-privileged')
    expect([c.start_line, c.line]).toEqual([28, 30])
    expect(c.also?.map((f) => f.ruleId)).toEqual(['proxy-net-bind', 'proxy-run-as-root', 'proxy-read-only-root-fs'])
    // Exactly one suggestion block, covering all three merged edits.
    expect(c.body.match(/```suggestion/g)).toHaveLength(1)
    expect(c.body).toContain(
      [
        'Suggested fix for these 3 findings (what `gloo-harden --fix` applies):',
        '',
        '```suggestion',
        '    podTemplate:',
        '      disableNetBind: true',
        '      runUnprivileged: true',
        '      glooContainerSecurityContext:',
        '        allowPrivilegeEscalation: false',
        '```'
      ].join('\n')
    )
    expect(c.body).toContain('🛑 **error** · [`proxy-net-bind`](docs/rules/proxy-net-bind.md) · line 29')
    // Both rules insert glooContainerSecurityContext at the end of the file: merging would duplicate the key.
    expect(c.body).toContain(
      [
        'Also on line 28:',
        '',
        '🛑 **error** · [`proxy-read-only-root-fs`](docs/rules/proxy-read-only-root-fs.md)',
        '',
        "Gateway proxy 'public-gw' has a writable root filesystem.",
        '',
        rem('proxy-read-only-root-fs'),
        '',
        'Its fix overlaps the suggestion above; apply that first, or run `gloo-harden --fix` (the combined patch is in the check run summary).'
      ].join('\n')
    )
    expect(c.body.endsWith('\n\n<!-- gloo-harden:fp=proxy-privileged-28 -->')).toBe(true)
  })

  it('never plans two suggestions on overlapping lines', () => {
    const withSuggestion = plan.comments.filter((c) => c.body.includes('```suggestion'))
    for (const a of withSuggestion)
      for (const b of withSuggestion)
        if (a !== b && a.path === b.path) expect((a.start_line ?? a.line) > b.line || (b.start_line ?? b.line) > a.line).toBe(true)
  })

  it('caps at maxComments, errors first; the rest (with their merged findings) go to overflow', () => {
    const p = planReview(all, files, diffs, { mode: 'file', maxComments: 2 })
    expect(p.comments.map((c) => c.finding.ruleId)).toEqual(['proxy-token-automount', 'proxy-privileged'])
    expect(p.overflow.map((f) => f.ruleId)).toEqual(['validation-always-accept', 'proxy-disruption-budget', 'proxy-probes'])
    expect(planReview(all, files, diffs, { mode: 'file', maxComments: 0 }).overflow).toHaveLength(8)
  })

  it('does not depend on the input order', () => {
    const reversed = planReview([...all].reverse(), files, diffs, { mode: 'file', maxComments: 10 })
    expect(reversed).toEqual(plan)
  })

  it('applies the filter mode first: in added mode, context-line findings are not reported at all', () => {
    const p = planReview(all, files, diffs, { mode: 'added', maxComments: 10 })
    // proxy-disruption-budget spans 12..14 and line 14 was added: reviewdog reports a finding when any of its lines qualifies.
    expect(p.comments.map((c) => c.finding.ruleId)).toEqual(['proxy-privileged', 'proxy-disruption-budget'])
    expect(p.outside).toEqual([])
  })

  it('findings of files outside the diff are outside in nofilter mode', () => {
    const other = makeSourceFile('rendered/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n')
    const f = finding(other, { ruleId: 'proxy-token-automount', severity: 'error', message: 'm', line: 2, token: 'ServiceAccount' })
    expect(planReview([f], new Map([[other.path, other]]), diffs, { mode: 'nofilter', maxComments: 10 })).toEqual({ comments: [], overflow: [], outside: [f] })
  })
})

describe('planReview: suggestions that clash', () => {
  const text = [
    'gatewayProxies:',
    '  gatewayProxy:',
    '    podTemplate:',
    '      disableNetBind: false',
    '      runUnprivileged: false',
    '      floatingUserId: true',
    '    antiAffinity: false',
    ''
  ].join('\n')
  const values = makeSourceFile('values.yaml', text)
  const added = new Map([['values.yaml', parsePatch(`@@ -0,0 +1,7 @@\n${text.replace(/\n$/, '').split('\n').map((l) => `+${l}`).join('\n')}\n`)]])
  const runAsRoot = finding(values, {
    ruleId: 'proxy-run-as-root',
    severity: 'error',
    message: "Gateway proxy 'gateway-proxy' sets runUnprivileged: false.",
    line: 5,
    token: 'false',
    fix: [replaceToken(values, 5, 'false', 'true')]
  })
  const netBind = finding(values, {
    ruleId: 'proxy-net-bind',
    severity: 'warning',
    message: "Gateway proxy 'gateway-proxy' sets disableNetBind: false.",
    line: 4,
    token: 'false',
    fix: [replaceToken(values, 4, 'false', 'true')]
  })
  /** Its suggestion rewrites lines 4..6: it overlaps both fixes above. */
  const replaced = finding(values, {
    ruleId: 'proxy-security-context-replaced',
    severity: 'notice',
    message: "Gateway proxy 'gateway-proxy' replaces the chart's security context.",
    line: 3,
    token: 'podTemplate',
    suggestions: [
      {
        message: 'Merge into the chart defaults.',
        edits: [{ range: [values.lines.lineStart(4), values.lines.lineStart(7)], text: '      glooContainerSecurityContext:\n        mergePolicy: helm-merge\n' }]
      }
    ]
  })

  it('a suggestion on the lines of two others goes with the first one made (errors first), not the first in line order', () => {
    const p = planReview([replaced, netBind, runAsRoot], new Map([[values.path, values]]), added, { mode: 'added', maxComments: 10 })
    expect(p.comments.map((c) => [c.finding.ruleId, c.start_line, c.line, c.also?.map((f) => f.ruleId)])).toEqual([
      ['proxy-run-as-root', undefined, 5, ['proxy-security-context-replaced']],
      ['proxy-net-bind', undefined, 4, undefined]
    ])
  })

  it('on random fixes and suggestions: no two suggestions share a line, and each finding is planned once', () => {
    const keys = text.split('\n').length - 1
    fc.assert(
      fc.property(
        fc.array(fc.record({ line: fc.integer({ min: 1, max: keys }), to: fc.integer({ min: 1, max: keys }), kind: fc.integer({ min: 0, max: 2 }), severity: fc.constantFrom(...(['error', 'warning', 'notice'] as const)) }), {
          maxLength: 40
        }),
        (specs) => {
          const made = specs.map((s, i) => {
            const [from, to] = [Math.min(s.line, s.to), Math.max(s.line, s.to)]
            const edit: TextEdit =
              s.kind === 0
                ? { range: [values.lines.lineStart(s.line), values.lines.lineStart(s.line) + 1], text: ' ' }
                : { range: [values.lines.lineStart(from), to < keys ? values.lines.lineStart(to + 1) : text.length], text: `      k${i}: true\n` }
            return finding(values, {
              ruleId: `rule-${i}`,
              severity: s.severity,
              message: `finding ${i}`,
              line: s.line,
              token: values.lines.lineText(s.line).trim().slice(0, 3),
              ...(s.kind === 2 ? { suggestions: [{ message: 'check first', edits: [edit] }] } : { fix: [edit] })
            })
          })
          const p = planReview(made, new Map([[values.path, values]]), added, { mode: 'file', maxComments: 100 })
          const suggesting = p.comments.filter((c) => c.body.includes('```suggestion')).map((c) => [c.start_line ?? c.line, c.line])
          for (const [i, a] of suggesting.entries()) for (const b of suggesting.slice(i + 1)) expect(a[1] < b[0] || b[1] < a[0]).toBe(true)
          const planned = [...p.comments.flatMap((c) => [c.finding, ...(c.also ?? [])]), ...p.overflow, ...p.outside]
          expect(planned.map((f) => f.ruleId).sort()).toEqual(made.map((f) => f.ruleId).sort())
        }
      )
    )
  })
})

describe('planReview on a CRLF file', () => {
  const text = ['gateway:', '  validation:', '    alwaysAcceptResources: true', '    allowWarnings: true', ''].join('\r\n')
  const crlf = makeSourceFile('values-prod.yaml', text)
  const crlfDiffs = new Map([['values-prod.yaml', parsePatch('@@ -0,0 +1,4 @@\r\n+gateway:\r\n+  validation:\r\n+    alwaysAcceptResources: true\r\n+    allowWarnings: true\r\n')]])
  const accept = finding(crlf, {
    ruleId: 'validation-always-accept',
    severity: 'warning',
    message: 'gateway.validation.alwaysAcceptResources is not false.',
    line: 3,
    token: 'true',
    fix: [replaceToken(crlf, 3, 'true', 'false')]
  })
  const failurePolicy = finding(crlf, {
    ruleId: 'validation-failure-policy',
    severity: 'notice',
    message: 'gateway.validation.failurePolicy is not Fail.',
    line: 2,
    token: 'validation',
    fix: [insertBefore(crlf, 5, '    failurePolicy: Fail\r\n')]
  })

  it('keeps line numbers and writes the suggestion with LF only', () => {
    const p = planReview([accept], new Map([[crlf.path, crlf]]), crlfDiffs, { mode: 'added', maxComments: 10 })
    expect(p.comments.map((c) => [c.finding.ruleId, c.start_line, c.line])).toEqual([['validation-always-accept', undefined, 3]])
    expect(p.comments[0].body).toContain('```suggestion\n    alwaysAcceptResources: false\n```')
    expect(p.comments[0].body).not.toContain('\r')
  })

  it('merges a line-3 fix into the line-2..4 insertion of a less severe finding, the more severe one first', () => {
    const p = planReview([failurePolicy, accept], new Map([[crlf.path, crlf]]), crlfDiffs, { mode: 'added', maxComments: 10 })
    expect(p.comments.map((c) => [c.finding.ruleId, c.also?.map((f) => f.ruleId), c.start_line, c.line])).toEqual([
      ['validation-always-accept', ['validation-failure-policy'], 2, 4]
    ])
    expect(p.comments[0].body).toContain(
      ['```suggestion', '  validation:', '    alwaysAcceptResources: false', '    allowWarnings: true', '    failurePolicy: Fail', '```'].join('\n')
    )
    expect(p.comments[0].body).not.toContain('\r')
  })

  it('an insertion at the end of a CRLF file anchors on the last line', () => {
    const p = planReview([failurePolicy], new Map([[crlf.path, crlf]]), crlfDiffs, { mode: 'added', maxComments: 10 })
    expect(p.comments.map((c) => [c.start_line, c.line])).toEqual([[2, 4]])
    expect(p.comments[0].body).toContain(
      ['```suggestion', '  validation:', '    alwaysAcceptResources: true', '    allowWarnings: true', '    failurePolicy: Fail', '```'].join('\n')
    )
  })
})

describe('hostile values from the file', () => {
  const text = [
    'gatewayProxies:',
    '  gatewayProxy:',
    '    podTemplate: {probes: false, note: "```` @org/team --> <!-- gloo-harden:fp=evil --> <img src=x onerror=alert(1)>"}',
    ''
  ].join('\n')
  const hostile = makeSourceFile('values.yaml', text)
  const hostileDiffs = new Map([['values.yaml', parsePatch('@@ -1,2 +1,3 @@\n gatewayProxies:\n   gatewayProxy:\n+    podTemplate: {}\n')]])
  const note = '```` @org/team --> <!-- gloo-harden:fp=evil --> <img src=x onerror=alert(1)>'
  const f = finding(hostile, {
    ruleId: 'proxy-probes',
    severity: 'warning',
    message: `Gateway proxy 'gateway-proxy' has probes off (note: '${note}').`,
    line: 3,
    token: 'false',
    fix: [replaceToken(hostile, 3, 'false', 'true')]
  })
  const [c] = planReview([f], new Map([[hostile.path, hostile]]), hostileDiffs, { mode: 'added', maxComments: 10 }).comments
  const [prose, block] = [c.body.slice(0, c.body.indexOf('`````suggestion')), c.body.slice(c.body.indexOf('`````suggestion'))]

  it('fences the suggestion longer than any backtick run in it, and keeps the line verbatim', () => {
    expect(block).toBe(
      ['`````suggestion', `    podTemplate: {probes: true, note: "${note}"}`, '`````', '', '<!-- gloo-harden:fp=proxy-probes-3 -->'].join('\n')
    )
  })

  it('escapes the message: no raw HTML, no comment opener or closer, no mention, no code span', () => {
    expect(prose).toContain(
      "Gateway proxy 'gateway-proxy' has probes off (note: '\\`\\`\\`\\` @\u200Dorg/team --&gt; &lt;!-- gloo-harden:fp=evil --&gt; &lt;img src=x onerror=alert(1)&gt;')."
    )
    expect(prose).not.toMatch(/<!--|-->|<img|@org/)
  })

  it('the marker is last and is the one parseMarker finds', () => {
    expect(parseMarker(c.body)).toBe('proxy-probes-3')
  })
})

describe('commentBody', () => {
  it('offers the suggestion only when the edits fit the given lines', () => {
    expect(commentBody(automount, file, { start: 6, end: 6 })).toContain('```suggestion\ngateway:\n  proxyServiceAccount:')
    const narrow = commentBody(alwaysAccept, file, { start: 7, end: 7 })
    expect(narrow).not.toContain('```suggestion')
    expect(narrow).toContain('Fix available with `gloo-harden --fix`')
  })

  it('a suggestion that deletes whole lines is an empty block', () => {
    const removal: Finding = { ...pdb, fix: [{ range: [file.lines.lineStart(12), file.lines.lineStart(15)], text: '' }] }
    expect(commentBody(removal, file, { start: 12, end: 14 })).toContain('```suggestion\n```')
  })
})
