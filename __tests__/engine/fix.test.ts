import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/engine/config.js'
import { fixFiles, passOf, toOriginal } from '../../src/engine/fix.js'
import { lint, type LintFile } from '../../src/engine/lint.js'
import proxyTokenAutomount from '../../src/rules/proxy-token-automount.js'
import { defineRule } from '../../src/rules/types.js'
import validationAlwaysAccept from '../../src/rules/validation-always-accept.js'
import fileSkipped from '../../src/rules/file-skipped.js'
import type { TextEdit } from '../../src/model/finding.js'
import type { MapNode, YamlNode } from '../../src/yaml/tree.js'
import { yaml } from '../../__fixtures__/yaml.js'

const RULES = [proxyTokenAutomount, validationAlwaysAccept, fileSkipped]

/** Declares values.yaml a Gloo values file: the tests below use values with only keys that prove nothing alone. */
const DECLARED = { ...defaultConfig(), inputs: { gloo: ['values.yaml'], ignore: [] } }

const meta = { category: 'hygiene', severity: 'warning', kinds: ['values'], description: 'A test rule.', remediation: 'Nothing.' } as const

/** A rule whose fix leaves the file unparseable (an unclosed flow sequence). */
const breaksYaml = defineRule({
  meta: { ...meta, id: 'test-breaks-yaml', fixable: true, messages: { bad: 'Bad fix.' } },
  *checkValues(v) {
    const root = v.layers[0].root
    yield { messageId: 'bad', node: root.pairs[0].key, fix: [{ range: [root.start, root.start], text: 'broken: [\n' }] }
  }
})

/** A rule whose fix appends a second `gateway:` key: it parses, but the chart would see only one of them. */
const repeatsKey = defineRule({
  meta: { ...meta, id: 'test-repeats-key', fixable: true, messages: { dup: 'Appends a duplicate key.' } },
  *checkValues(v) {
    const root = v.layers[0].root
    yield { messageId: 'dup', node: root.pairs[0].key, fix: [{ range: [root.end, root.end], text: 'gateway:\n  enabled: false\n' }] }
  }
})

/** A rule whose fix never makes its finding go away. */
const neverSatisfied = defineRule({
  meta: { ...meta, id: 'test-never-satisfied', fixable: true, messages: { again: 'Still here.' } },
  *checkValues(v) {
    const root = v.layers[0].root
    yield { messageId: 'again', node: root.pairs[0].key, fix: [{ range: [root.start, root.start], text: '# touched\n' }] }
  }
})

/** A rule with only a suggestion: --fix must not apply it. */
const suggestsOnly = defineRule({
  meta: { ...meta, id: 'test-suggests-only', fixable: false, messages: { maybe: 'Maybe change this.', change: 'Change it.' } },
  *checkValues(v) {
    const root = v.layers[0].root
    yield { messageId: 'maybe', node: root.pairs[0].key, suggest: [{ messageId: 'change', edits: [{ range: [root.start, root.start], text: 'suggested: true\n' }] }] }
  }
})

describe('fixFiles', () => {
  it('applies every fix of every file and re-lints to what remains', () => {
    const files: LintFile[] = [
      {
        path: 'helm/values.yaml',
        text: yaml`
          gateway:
            proxyServiceAccount:
              disableAutomount: null
            validation:
              enabled: true  # the chart default
        `
      },
      {
        path: 'deploy/settings.yaml',
        text: yaml`
          apiVersion: gloo.solo.io/v1
          kind: Settings
          metadata:
            name: default
            namespace: gloo-system
          spec:
            gateway:
              validation:
                proxyValidationServerAddr: gloo:9988
        `
      }
    ]
    const r = fixFiles(files, { rules: RULES })
    expect([...r.outputs.keys()]).toEqual(['helm/values.yaml', 'deploy/settings.yaml'])
    expect(r.outputs.get('helm/values.yaml')).toBe(yaml`
      gateway:
        proxyServiceAccount:
          disableAutomount: true
        validation:
          enabled: true  # the chart default
          alwaysAcceptResources: false
    `)
    expect(r.outputs.get('deploy/settings.yaml')).toBe(yaml`
      apiVersion: gloo.solo.io/v1
      kind: Settings
      metadata:
        name: default
        namespace: gloo-system
      spec:
        gateway:
          validation:
            proxyValidationServerAddr: gloo:9988
            alwaysAccept: false
    `)
    expect(r.applied.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual([
      'deploy/settings.yaml:8:5 validation-always-accept',
      'helm/values.yaml:3:23 proxy-token-automount',
      'helm/values.yaml:4:3 validation-always-accept'
    ])
    expect(r.remaining).toEqual([])
    expect(r.rejected).toEqual([])
  })

  it('applies overlapping fixes over several passes (two insertions into the same map)', () => {
    const text = yaml`
      gateway:
        enabled: true
      settings:
        writeNamespace: gloo-system
    `
    const r = fixFiles([{ path: 'values.yaml', text }], { rules: RULES, config: DECLARED })
    expect(r.outputs.get('values.yaml')).toBe(yaml`
      gateway:
        enabled: true
        proxyServiceAccount:
          disableAutomount: true
        validation:
          alwaysAcceptResources: false
      settings:
        writeNamespace: gloo-system
    `)
    expect(r.applied.map((f) => f.ruleId)).toEqual(['proxy-token-automount', 'validation-always-accept'])
    expect(lint([{ path: 'values.yaml', text: r.outputs.get('values.yaml')! }], { rules: RULES, config: DECLARED }).findings).toEqual([])
  })

  it('fixes values inside an Argo CD Application values string, in place', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: gloo
        namespace: argocd
      spec:
        project: default
        source:
          repoURL: https://storage.googleapis.com/solo-public-helm
          chart: gloo
          targetRevision: 1.17.3
          helm:
            values: |
              gateway:
                proxyServiceAccount:
                  disableAutomount: true
                validation:
                  enabled: true
        destination:
          server: https://kubernetes.default.svc
          namespace: gloo-system
    `
    const r = fixFiles([{ path: 'apps/gloo.yaml', text }], { rules: RULES })
    expect(r.outputs.get('apps/gloo.yaml')).toBe(text.replace('            enabled: true\n', '            enabled: true\n            alwaysAcceptResources: false\n'))
    expect(r.applied.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['17:11 validation-always-accept'])
  })

  it('rejects a fix whose result does not parse, keeps the text, and still applies the others', () => {
    const text = yaml`
      gateway:
        validation:
          enabled: true
        proxyServiceAccount:
          disableAutomount: true
    `
    const r = fixFiles([{ path: 'values.yaml', text }], { rules: [breaksYaml, validationAlwaysAccept] })
    expect(r.outputs.get('values.yaml')).toBe(yaml`
      gateway:
        validation:
          enabled: true
          alwaysAcceptResources: false
        proxyServiceAccount:
          disableAutomount: true
    `)
    expect(r.applied.map((f) => f.ruleId)).toEqual(['validation-always-accept'])
    expect(r.rejected.map((x) => [x.finding.ruleId, x.reason])).toEqual([['test-breaks-yaml', 'the fixed file would not parse (or would repeat a key)']])
    expect(r.remaining.map((f) => f.ruleId)).toEqual(['test-breaks-yaml'])
  })

  it('leaves a file untouched when its only fix would break it', () => {
    const text = 'gateway:\n  enabled: true\n'
    const r = fixFiles([{ path: 'values.yaml', text }], { rules: [breaksYaml], config: DECLARED })
    expect(r.outputs.size).toBe(0)
    expect(r.applied).toEqual([])
    expect(r.rejected).toHaveLength(1)
  })

  it('rejects a fix that would repeat a key', () => {
    const text = 'gateway:\n  enabled: true\n'
    const r = fixFiles([{ path: 'values.yaml', text }], { rules: [repeatsKey], config: DECLARED })
    expect(r.outputs.size).toBe(0)
    expect(r.rejected.map((x) => x.finding.ruleId)).toEqual(['test-repeats-key'])
  })

  it('applies a fix once even if its finding stays (no duplicated insertions)', () => {
    const r = fixFiles([{ path: 'values.yaml', text: 'gateway:\n  enabled: true\n' }], { rules: [neverSatisfied], config: DECLARED })
    expect(r.outputs.get('values.yaml')).toBe('# touched\ngateway:\n  enabled: true\n')
    expect(r.applied.map((f) => f.ruleId)).toEqual(['test-never-satisfied'])
    expect(r.remaining.map((f) => f.ruleId)).toEqual(['test-never-satisfied'])
  })

  it('never applies suggestions', () => {
    const r = fixFiles([{ path: 'values.yaml', text: 'gateway:\n  enabled: true\n' }], { rules: [suggestsOnly], config: DECLARED })
    expect(r.outputs.size).toBe(0)
    expect(r.remaining.map((f) => [f.ruleId, f.suggestions?.length])).toEqual([['test-suggests-only', 1]])
  })

  it('does not touch context files, skipped files or files without fixes', () => {
    const values = 'gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n'
    const r = fixFiles(
      [
        { path: 'context/values.yaml', text: values, report: false },
        { path: 'big.yaml', text: '', skipped: 'it is 9 bytes, over max-file-size (5)' },
        { path: 'values.yaml', text: values }
      ],
      { rules: [validationAlwaysAccept, fileSkipped] }
    )
    expect([...r.outputs.keys()]).toEqual(['values.yaml'])
    expect(r.outputs.get('values.yaml')).toBe(`${values}  validation:\n    alwaysAcceptResources: false\n`)
    expect(r.applied.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['values.yaml validation-always-accept'])
    expect(r.remaining.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['big.yaml file-skipped'])
  })
})

describe('fixFiles: edits, located in the original text', () => {
  const valueOf = (root: MapNode, key: string): YamlNode => root.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === key)!.value
  /** Inserts `top: 1` at the start of the file, once. */
  const insertsTop = defineRule({
    meta: { ...meta, id: 'test-inserts-top', fixable: true, messages: { m: 'No top.' } },
    *checkValues(v) {
      const root = v.layers[0].root
      if (!root.pairs.some((p) => p.key.kind === 'scalar' && p.key.value === 'top')) yield { messageId: 'm', node: root, fix: [{ range: [0, 0], text: 'top: 1\n' }] }
    }
  })
  /** Replaces b's `old` with `new`. */
  const replacesB = defineRule({
    meta: { ...meta, id: 'test-replaces-b', fixable: true, messages: { m: 'b is old.' } },
    *checkValues(v) {
      const b = valueOf(v.layers[0].root, 'b')
      if (b.kind === 'scalar' && b.value === 'old') yield { messageId: 'm', node: b, fix: [{ range: [b.start, b.end], text: 'new' }] }
    }
  })
  /** Rewrites b (as the rule above) and c together: it overlaps the rule above, so it waits for the second pass. */
  const replacesC = defineRule({
    meta: { ...meta, id: 'test-replaces-c', fixable: true, messages: { m: 'c is not x.' } },
    *checkValues(v) {
      const root = v.layers[0].root
      const [b, c] = [valueOf(root, 'b'), valueOf(root, 'c')]
      if (c.kind === 'scalar' && c.value !== 'x')
        yield { messageId: 'm', node: c, fix: [{ range: [b.start, b.end], text: 'new' }, { range: [c.start, c.end], text: 'x' }] }
    }
  })

  it('gives each applied edit its line before any fix, what it removed and what it inserted, over passes', () => {
    const text = 'a: 1\nb: old\n\nc: yes\n'
    const r = fixFiles([{ path: 'values.yaml', text }], { rules: [insertsTop, replacesB, replacesC], config: DECLARED })
    expect(r.outputs.get('values.yaml')).toBe('top: 1\na: 1\nb: new\n\nc: x\n')
    // Pass 1: the insertion at the start and b; pass 2: c's fix, whose offsets are in the text pass 1 made.
    expect(r.edits.map(({ finding, ...e }) => ({ ...e, applied: r.applied.includes(finding) }))).toEqual([
      { path: 'values.yaml', ruleId: 'test-inserts-top', line: 1, removed: '', inserted: 'top: 1\n', applied: true },
      { path: 'values.yaml', ruleId: 'test-replaces-b', line: 2, removed: 'old', inserted: 'new', applied: true },
      { path: 'values.yaml', ruleId: 'test-replaces-c', line: 2, removed: 'new', inserted: 'new', applied: true },
      { path: 'values.yaml', ruleId: 'test-replaces-c', line: 4, removed: 'yes', inserted: 'x', applied: true }
    ])
  })

  it('counts lines as findings do, carriage returns alone included', () => {
    const r = fixFiles([{ path: 'values.yaml', text: 'a: 1\rb: old\r\rc: x\r' }], { rules: [replacesB], config: DECLARED })
    expect(r.outputs.get('values.yaml')).toBe('a: 1\rb: new\r\rc: x\r')
    expect(r.initial.map((f) => f.span.start.line)).toEqual([2])
    expect(r.edits.map((e) => [e.ruleId, e.line, e.removed, e.inserted])).toEqual([['test-replaces-b', 2, 'old', 'new']])
  })
})

describe('toOriginal', () => {
  /** The definition: each pass's edits walked in order, from the last pass back. */
  function walk(offset: number, passes: readonly (readonly TextEdit[])[]): number {
    let o = offset
    for (let p = passes.length - 1; p >= 0; p--) {
      let shift = 0
      let mapped: number | undefined
      for (const e of [...passes[p]].sort((a, b) => a.range[0] - b.range[0])) {
        const start = e.range[0] + shift
        if (o < start) break
        if (o < start + e.text.length) {
          mapped = e.range[0]
          break
        }
        shift += e.text.length - (e.range[1] - e.range[0])
      }
      o = mapped ?? o - shift
    }
    return o
  }
  /** Edits that do not overlap, as a pass applies them: gaps, lengths and inserted texts at random. */
  const pass = fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 9 }), length: fc.integer({ min: 0, max: 5 }), text: fc.string({ maxLength: 6 }) }), { maxLength: 12 })
    .map((parts) => {
      let at = 0
      let last = -1
      return parts.map(({ gap, length, text }): TextEdit => {
        // No two edits of a pass start at one point (nonOverlapping keeps them apart).
        const start = Math.max(at + gap, last + 1)
        at = start + length
        last = start
        return { range: [start, start + length], text }
      })
    })

  it('maps an offset back through passes by bisection as the walk through each pass does', () => {
    fc.assert(
      fc.property(fc.array(pass, { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 20 }), (passes, offsets) => {
        const prepared = passes.map((edits) => passOf([...edits].reverse()))
        for (const o of offsets) expect(toOriginal(o, prepared)).toBe(walk(o, passes))
      }),
      { numRuns: 3000 }
    )
  })
})
