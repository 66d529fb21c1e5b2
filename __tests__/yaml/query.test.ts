/** Looking keys up in the located tree: the last pair of a key wins, in maps of any size (large ones are indexed). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findPair, getNode, ownPair } from '../../src/yaml/query.js'
import { parseDocuments, type MapNode } from '../../src/yaml/tree.js'

const root = (text: string): MapNode => {
  const r = parseDocuments(text)
  expect(r.error).toBeUndefined()
  const node = r.documents[0].root
  if (node?.kind !== 'map') throw new Error('not a map')
  return node
}

/** The definition: the last pair written with the key, by a scan from the end. */
const lastPair = (m: MapNode, key: string) => [...m.pairs].reverse().find((p) => p.key.kind === 'scalar' && p.key.value === key)

describe('ownPair and findPair', () => {
  it('finds the last pair of a key in maps small and large, with repeated keys, as a scan from the end does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 90, size: 'max' }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }), (keys, asked) => {
        const text = keys.length ? keys.map((k, i) => `gw${k}: ${i}\n`).join('') : '{}\n'
        const m = root(text)
        for (const k of [...asked, ...keys]) {
          const key = `gw${k}`
          expect(ownPair(m, key)).toBe(lastPair(m, key))
          expect(findPair(m, key)).toBe(lastPair(m, key))
        }
      })
    )
  })

  it('looks a large map up again after it has grown', () => {
    const m = root(Array.from({ length: 40 }, (_, i) => `gw${i}: ${i}\n`).join(''))
    expect(ownPair(m, 'gw39')?.value).toMatchObject({ kind: 'scalar', value: '39' })
    expect(ownPair(m, 'gw40')).toBeUndefined()
    const more = root('gw40: a\ngw3: b\n')
    m.pairs.push(...more.pairs)
    expect(ownPair(m, 'gw40')?.value).toMatchObject({ kind: 'scalar', value: 'a' })
    expect(ownPair(m, 'gw3')?.value).toMatchObject({ kind: 'scalar', value: 'b' })
  })

  it('reads a proxy among 2,000 in gatewayProxies, the last of a repeated one, and none past a merge key it lacks', () => {
    const proxies = Array.from({ length: 2000 }, (_, i) => `  gw${i}:\n    podTemplate:\n      disableNetBind: ${i % 2 === 0}\n`).join('')
    const m = root(`base: &base\n  kind: {deployment: {replicas: 2}}\ngatewayProxies:\n${proxies}  gw17:\n    <<: *base\n`)
    expect(getNode(m, ['gatewayProxies', 'gw1998', 'podTemplate', 'disableNetBind'])).toMatchObject({ value: 'true' })
    expect(getNode(m, ['gatewayProxies', 'gw1999', 'podTemplate', 'disableNetBind'])).toMatchObject({ value: 'false' })
    // gw17 is written twice: the second one (a merge of the anchor) wins, as Helm reads it.
    expect(getNode(m, ['gatewayProxies', 'gw17', 'podTemplate'])).toBeNull()
    expect(getNode(m, ['gatewayProxies', 'gw17', 'kind', 'deployment', 'replicas'])).toMatchObject({ value: '2' })
    expect(getNode(m, ['gatewayProxies', 'gw2000'])).toBeNull()
  })
})
