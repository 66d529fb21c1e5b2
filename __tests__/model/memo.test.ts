import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memo, memoKind } from '../../src/model/memo.js'
import { loadFile } from '../../src/forms/manifests.js'
import { getValue } from '../../src/gloo/values.js'
import { globalValues } from '../../src/gloo/security.js'
import { asString } from '../../src/yaml/query.js'
import { yaml } from '../../__fixtures__/yaml.js'

describe('memo', () => {
  it('makes a result once per owner and kind', () => {
    const a = { name: 'a' }
    const b = { name: 'b' }
    const first = memoKind<string[]>('first')
    const second = memoKind<string[]>('second')
    const made: string[] = []
    const make = (what: string) => () => {
      made.push(what)
      return [what]
    }
    const aFirst = memo(a, first, make('a first'))
    expect(memo(a, first, make('a first again'))).toBe(aFirst)
    expect(memo(a, second, make('a second'))).toEqual(['a second'])
    expect(memo(b, first, make('b first'))).toEqual(['b first'])
    // Back to the first owner after another: its own memos, not the last owner's.
    expect(memo(a, first, make('a first, third time'))).toBe(aFirst)
    expect(memo(b, second, make('b second'))).toEqual(['b second'])
    expect(made).toEqual(['a first', 'a second', 'b first', 'b second'])
  })

  it('remembers null and undefined results', () => {
    const owner = {}
    let calls = 0
    const none = memoKind<null>('none')
    const nothing = memoKind<undefined>('nothing')
    for (let i = 0; i < 3; i++) {
      expect(memo(owner, none, () => (calls++, null))).toBeNull()
      expect(memo(owner, nothing, () => (calls++, undefined))).toBeUndefined()
    }
    expect(calls).toBe(2)
  })

  it('is not part of its owner: keys, JSON, deep equality and spread copies do not see it', () => {
    const owner = { kind: 'map', start: 3 }
    memo(owner, memoKind<number>('n'), () => 1)
    expect(Object.keys(owner)).toEqual(['kind', 'start'])
    expect(JSON.stringify(owner)).toBe('{"kind":"map","start":3}')
    expect(owner).toEqual({ kind: 'map', start: 3 })
    const copy = { ...owner }
    expect(memo(copy, memoKind<number>('n'), () => 2)).toBe(2)
  })

  it('gives values copied by spreading their own lookups (globals of a gloo-ee file from its root)', () => {
    // getValue remembers where each layer's lookups start; globalValues spreads the values with the root as the
    // chart's. A memo carried over by the spread would look for `global` under `gloo:`.
    const v = loadFile(
      'values.yaml',
      yaml`
        global:
          image:
            tag: 1.17.4
        gloo:
          global:
            image:
              tag: 1.16.0
          gatewayProxies:
            gatewayProxy:
              kind:
                deployment:
                  replicas: 2
      `
    ).values[0]
    expect(v.prefix).toBe('gloo.')
    expect(asString(getValue(v, ['global', 'image', 'tag'])?.node)).toBe('1.16.0')
    const root = globalValues(v)
    expect(asString(getValue(root, ['global', 'image', 'tag'])?.node)).toBe('1.17.4')
    expect(asString(getValue(v, ['global', 'image', 'tag'])?.node)).toBe('1.16.0')
  })

  it('is how src/ remembers facts about objects: no module keeps a WeakMap', () => {
    // A WeakMap entry whose key died young keeps its value alive through V8's young-generation collections: a
    // file's whole tree stayed alive until the next full collection (src/model/memo.ts).
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (p.endsWith('.ts') && /new WeakMap\b/.test(readFileSync(p, 'utf8'))) offenders.push(p)
      }
    }
    walk(join(__dirname, '../../src'))
    expect(offenders).toEqual([])
  })
})
