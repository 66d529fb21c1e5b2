/**
 * Hostile input: never crash, bounded work. Work is measured by counting reads (of map pairs, and of the
 * query helpers the loader and the rules call), never by the clock.
 */
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { lint } from '../../src/engine/lint.js'
import { loadFile } from '../../src/forms/manifests.js'
import { findPair, getNode, toPlain } from '../../src/yaml/query.js'
import { parseDocuments, walk, type MapNode, type YamlNode } from '../../src/yaml/tree.js'
import { checkFindings } from '../../__fixtures__/hostile/check.js'

// Every call into query.js from another module (loader, install, project, rules) is counted.
const calls = vi.hoisted(() => ({ n: 0 }))
vi.mock('../../src/yaml/query.js', async (importOriginal) => {
  const orig = await importOriginal<Record<string, unknown>>()
  const out: Record<string, unknown> = {}
  for (const [k, f] of Object.entries(orig))
    out[k] =
      typeof f === 'function'
        ? (...args: unknown[]) => {
            calls.n++
            return (f as (...a: unknown[]) => unknown)(...args)
          }
        : f
  return out
})
beforeEach(() => {
  calls.n = 0
})

const fixture = (name: string) => readFileSync(new URL(`../../__fixtures__/hostile/${name}`, import.meta.url), 'utf8')

/** Wraps every map's pairs in a proxy that counts element reads. */
function countPairReads(root: YamlNode | null): { reads: number } {
  const counter = { reads: 0 }
  const maps = [...walk(root)].filter((n): n is MapNode => n.kind === 'map')
  for (const m of maps)
    m.pairs = new Proxy(m.pairs, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) counter.reads++
        return Reflect.get(target, prop, receiver)
      }
    })
  return counter
}

// Named like Gloo: syntax errors and templates are reported only on Gloo inputs and files named `*gloo*` (catalog section 1).
function lintOne(text: string, path = 'gloo-values.yaml') {
  const findings = lint([{ path, text }]).findings
  checkFindings(text, findings)
  return findings
}

describe('alias bombs', () => {
  it('builds the billion-laughs tree without expanding it, and converts it within a budget', () => {
    const text = fixture('billion-laughs.yaml')
    const r = parseDocuments(text)
    expect(r.error).toBeUndefined()
    expect(r.aliasCount).toBe(83)
    // One node per event: 10 anchored sequences of 9, 83 aliases, the maps and keys.
    expect([...walk(r.documents[0].root)].length).toBeLessThan(200)
    let leaves = 0
    const count = (v: unknown): void => (Array.isArray(v) ? v.forEach(count) : void (leaves += 1))
    count(toPlain(r.documents[0].root))
    expect(leaves).toBeLessThanOrEqual(10_000)
  })

  it('lints the billion laughs with every rule and bounded work', () => {
    const findings = lintOne(fixture('billion-laughs.yaml'))
    expect(findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([])
    // 9^9 = 387,420,489 strings if anything expanded the aliases.
    expect(calls.n).toBeLessThan(5_000)
  })

  it('looks keys up through exponential merge-key fan-out in linear work', () => {
    // m30 merges m29 ten times, which merges m28 ten times …: 10^30 paths to m0.
    const text = 'm0: &m0 {x: 1}\n' + Array.from({ length: 30 }, (_, i) => `m${i + 1}: &m${i + 1} {<<: [${Array(10).fill(`*m${i}`).join(', ')}]}`).join('\n') + '\n'
    const root = parseDocuments(text).documents[0].root
    const counter = countPairReads(root)
    expect(getNode(root, ['m30', 'missing'])).toBeNull()
    expect((getNode(root, ['m30', 'x']) as { value: string }).value).toBe('1')
    // 31 maps of at most 10 merge items: a few reads per pair, not 10^30.
    expect(counter.reads).toBeLessThan(2_000)
    const findings = lintOne(text + 'gatewayProxies:\n  gatewayProxy:\n    <<: *m30\n')
    expect(findings.length).toBeGreaterThan(0)
    expect(calls.n).toBeLessThan(5_000)
  })

  it('survives merge keys that point back at the map being defined', () => {
    const text = fixture('merge-cycle.yaml')
    const root = parseDocuments(text).documents[0].root
    const counter = countPairReads(root)
    expect(findPair(getNode(root, ['gatewayProxies', 'gatewayProxy', 'podTemplate']), 'nothing')).toBeUndefined()
    expect((getNode(root, ['gatewayProxies', 'publicGw', 'podTemplate', 'probes']) as { value: string }).value).toBe('true')
    expect(getNode(root, ['gateway', 'validation', 'missing'])).toBeNull()
    expect(counter.reads).toBeLessThan(200)
    expect(JSON.stringify(toPlain(root)).length).toBeLessThan(5_000)
    lintOne(text)
  })

  it('follows a deep alias chain without recursion trouble', () => {
    // Each anchor wraps the previous one: 5,000 levels reachable through aliases, 2 levels of nesting each.
    const text = 'a0: &a0 x\n' + Array.from({ length: 5_000 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`).join('\n') + '\ngatewayProxies: {gatewayProxy: {podTemplate: *a5000}}\n'
    const r = parseDocuments(text)
    expect(r.error).toBeUndefined()
    expect(() => toPlain(getNode(r.documents[0].root, ['a5000']))).not.toThrow()
    lintOne(text)
  })
})

describe('deep nesting', () => {
  const cases: [string, string, string][] = [
    ['flow sequences', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', '1:203'],
    ['flow maps', 'a: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n', '1:797'],
    ['block sequences on one line', '- '.repeat(10_000) + 'x\n', '1:401'],
    ['block maps', Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n', '200:200']
  ]
  for (const [name, text, at] of cases)
    it(`reports 10,000 levels of ${name} as a clear yaml-syntax finding, not a stack overflow`, () => {
      const findings = lintOne(text)
      expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`)).toEqual([
        `${at} yaml-syntax Invalid YAML: nesting exceeded maxDepth (200).`
      ])
    })
})

describe('size', () => {
  it('lints 100,000 documents', () => {
    let text = ''
    for (let i = 0; i < 100_000; i++) text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: v\n`
    const r = lint([{ path: 'many.yaml', text }])
    expect(r.files.get('many.yaml')!.parse.documents).toHaveLength(100_000)
    expect(r.findings).toEqual([])
    // A handful of lookups per object, not one per pair of objects (each ConfigMap's data keys are now indexed too:
    // it may be a Flux valuesFrom layer).
    expect(calls.n).toBeLessThan(100_000 * 25)
  })

  it('lints a 20 MB file in work linear in its size', () => {
    const head = 'gateway:\n  validation:\n    alwaysAcceptResources: true\nconfig: |\n'
    const text = head + ('  ' + 'x'.repeat(98) + '\n').repeat(200_000)
    expect(text.length).toBeGreaterThan(20_000_000)
    const findings = lintOne(text)
    expect(findings.find((f) => f.ruleId === 'validation-always-accept')?.span.start).toEqual({ line: 3, column: 28 })
    expect(calls.n).toBeLessThan(2_000)
  })

  it('scans one 11 MB line of quoted template strings once, parsed or not', () => {
    const line = 'a: [' + Array.from({ length: 1_000_000 }, () => '"{{ x }}"').join(', ') + ']\n'
    const ok = loadFile('line.yaml', line)
    expect(ok.file.skipped).toBeUndefined()
    const broken = lintOne(line + 'b: [\n')
    expect(broken.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['3:1 yaml-syntax'])
  })

  it('reports 50,000 duplicate keys, each pointing at its own line', () => {
    let text = 'settings:\n'
    for (let i = 0; i < 50_000; i++) text += '  a: 1\n'
    const dups = lintOne(text).filter((f) => f.ruleId === 'yaml-duplicate-key')
    expect(dups).toHaveLength(49_999)
    expect(dups[49_998].span.start).toEqual({ line: 50_001, column: 3 })
    expect(new Set(dups.map((f) => f.fingerprint)).size).toBeGreaterThan(1)
  })
})

describe('odd bytes and odd files', () => {
  it('reports a NUL byte as a syntax error at its position', () => {
    expect(lintOne('gateway:\n  enabled: tr\0ue\n').map((f) => `${f.span.start.line}:${f.span.start.column} ${f.message}`)).toEqual([
      '2:14 Invalid YAML: null byte is not allowed in input.'
    ])
  })

  it('handles what a lossy UTF-8 decode leaves: replacement characters and lone surrogates', () => {
    expect(lintOne('settings:\n  writeNamespace: gloo\ufffd\ufffd\n').filter((f) => f.ruleId === 'yaml-syntax')).toEqual([])
    // In a quoted string js-yaml takes it; as a plain scalar it is not printable.
    expect(lintOne('settings:\n  writeNamespace: "\ud800"\n').filter((f) => f.ruleId === 'yaml-syntax')).toEqual([])
    const lone = lintOne('settings:\n  writeNamespace: \ud800\n')
    expect(lone.map((f) => `${f.span.start.line}:${f.ruleId}`)).toEqual(['2:yaml-syntax'])
    const lf = loadFile('x.yaml', '\udc00: 1\n')
    expect(lf.file.parse.error?.line).toBe(1)
  })

  it('reports tab indentation at its line, and reads tabs elsewhere', () => {
    expect(lintOne('gateway:\n\tenabled: true\n').map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['2:1 yaml-syntax'])
    const tabs = lintOne('gateway:\n  validation:\n    alwaysAcceptResources:\ttrue\t# tabbed\n')
    expect(tabs.find((f) => f.ruleId === 'validation-always-accept')?.span.start).toEqual({ line: 3, column: 28 })
  })

  it('reads JSON, and reports JSON with comments as a syntax error, not a crash', () => {
    const json = '{"gateway": {"validation": {"alwaysAcceptResources": true}}}'
    const findings = lintOne(json, 'gloo-values.json')
    expect(findings.find((f) => f.ruleId === 'validation-always-accept')?.span.start).toEqual({ line: 1, column: 54 })
    const jsonc = '{\n  "gateway": {"enabled": true} // the gateway\n}\n'
    expect(lintOne(jsonc, 'gloo-values.json').map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`)).toEqual(['2:32 yaml-syntax'])
  })

  it('reports nothing for empty, blank, comment-only and marker-only files', () => {
    for (const text of ['', '\n\n', '   ', '# nothing here\n', '---\n', '---\n...\n', '\ufeff', '\r\n\r\n'])
      expect(lintOne(text).map((f) => f.ruleId), JSON.stringify(text)).toEqual([])
  })

  it('checks a values file whose strings hold `{{ }}` instead of skipping it as a template', () => {
    const text = 'settings:\n  writeNamespace: "{{ .Release.Namespace }}"\ngateway:\n  validation:\n    alwaysAcceptResources: true\n'
    const findings = lintOne(text)
    expect(findings.find((f) => f.ruleId === 'input-unresolved' || f.ruleId === 'file-skipped')).toBeUndefined()
    expect(findings.find((f) => f.ruleId === 'validation-always-accept')?.span.start).toEqual({ line: 5, column: 28 })
    const tpl = lintOne('settings:\n  writeNamespace: {{ .Release.Namespace }}\n')
    expect(tpl.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.messageId}`)).toEqual(['1:1 input-unresolved template'])
  })
})
