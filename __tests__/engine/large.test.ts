/**
 * Inputs with more of something than a function call takes arguments (about 120,000 here): a values file with
 * 150,000 keys the chart does not know, and the facts of files with 150,000 objects, are handled one by one.
 */
import { describe, expect, it } from 'vitest'
import { lint } from '../../src/engine/lint.js'
import { emptyProject, mergeProjects } from '../../src/gloo/facts.js'
import type { ProxyFact } from '../../src/gloo/values.js'
import type { KubeObject } from '../../src/forms/manifests.js'

const KEYS = 150_000

describe('a values file with 150,000 unknown keys', () => {
  it('reports each of them, in order', () => {
    const head = 'global:\n  image:\n    tag: 1.17.4\ngloo:\n  deployment:\n    replicas: 2\ngatewayProxies:\n  gatewayProxy:\n    podTemplate:\n      httpPort: 8080\nsettings:\n'
    // Longer than any key of the chart at that level: no "did you mean" to look for.
    const key = (i: number): string => `notAKeyOfTheGlooChartAtAllNumber${String(i).padStart(6, '0')}`
    let text = head
    for (let i = 0; i < KEYS; i++) text += `  ${key(i)}: 1\n`
    const unknown = lint([{ path: 'values.yaml', text }]).findings.filter((f) => f.ruleId === 'values-unknown-key')
    expect(unknown.length).toBe(KEYS)
    expect([unknown[0].span.start.line, unknown[0].jsonPath, unknown[KEYS - 1].span.start.line, unknown[KEYS - 1].jsonPath]).toEqual([
      12,
      `settings.${key(0)}`,
      11 + KEYS,
      `settings.${key(KEYS - 1)}`
    ])
  }, 60_000)
})

describe('mergeProjects', () => {
  it('joins files of 150,000 objects each', () => {
    const objects = Array.from({ length: KEYS }, (_, i) => ({ kind: 'Upstream', name: `u${i}` }) as unknown as KubeObject)
    const one = { ...emptyProject(), objects }
    const both = mergeProjects([one, { ...emptyProject(), objects: objects.slice(0, 10) }])
    expect([both.objects.length, both.objects[KEYS - 1], both.objects[KEYS]]).toEqual([KEYS + 10, objects[KEYS - 1], objects[0]])
  })

  it("joins the proxies of a ServiceAccount in order, leaving each file's list as it was", () => {
    const proxy = (name: string) => ({ name }) as unknown as ProxyFact
    const parts = ['a', 'b', 'c'].map((name) => ({ ...emptyProject(), proxiesByServiceAccount: new Map([['gateway-proxy', [proxy(name)]]]) }))
    const merged = mergeProjects(parts)
    expect(merged.proxiesByServiceAccount.get('gateway-proxy')!.map((p) => p.name)).toEqual(['a', 'b', 'c'])
    expect(parts.map((p) => p.proxiesByServiceAccount.get('gateway-proxy')!.length)).toEqual([1, 1, 1])
  })
})
