import { describe, expect, it } from 'vitest'
import { detachStrings, ownString } from '../../src/engine/detach.js'

describe('detachStrings', () => {
  it('copies every string reachable through objects, arrays, Maps and Sets, in place, and keeps the structure', () => {
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy-service-account\n'
    const name = text.slice(text.indexOf('gateway'), text.length - 1)
    const value = {
      name,
      list: [name, 3, null, { deep: name }],
      byName: new Map([[name, [name]]]),
      names: new Set([name, 'short'])
    }
    const out = detachStrings(value)
    expect(out).toBe(value)
    expect(out).toEqual({
      name: 'gateway-proxy-service-account',
      list: ['gateway-proxy-service-account', 3, null, { deep: 'gateway-proxy-service-account' }],
      byName: new Map([['gateway-proxy-service-account', ['gateway-proxy-service-account']]]),
      names: new Set(['gateway-proxy-service-account', 'short'])
    })
  })

  it('does not walk up a tree or into its file and document, and survives cycles', () => {
    const file = { path: 'sa.yaml', text: 'kind: ServiceAccount' }
    const root: Record<string, unknown> = { kind: 'map', value: 'gateway-proxy-service-account', file, doc: { text: 'x' } }
    const child: Record<string, unknown> = { kind: 'scalar', value: 'automountServiceAccountToken', parent: root }
    root.pairs = [child]
    root.self = root
    detachStrings(root)
    expect(child.parent).toBe(root)
    expect(root.file).toBe(file)
    expect(root.self).toBe(root)
    expect(child.value).toBe('automountServiceAccountToken')
  })

  it('returns short strings as they are and equal copies of long ones', () => {
    expect(ownString('gloo')).toBe('gloo')
    const long = 'x'.repeat(100).slice(1, 40)
    expect(ownString(long)).toBe(long)
    expect(ownString(long).length).toBe(39)
  })
})
