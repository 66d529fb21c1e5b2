/** How a scalar resolves (query.ts `scalarValue`): Helm's YAML 1.1 booleans, the core schema's nulls and numbers. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocuments } from '../../src/yaml/tree.js'
import { getNode, plainValue, scalarValue } from '../../src/yaml/query.js'

/** The definition, each form tried in turn on every text (what plainValue must answer without trying them all). */
function definition(v: string): string | number | boolean | null {
  if (['', '~', 'null', 'Null', 'NULL'].includes(v)) return null
  if (['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y'].includes(v)) return true
  if (['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N'].includes(v)) return false
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(v)) return Number(v.replace(/_/g, ''))
  if (/^0x[0-9a-fA-F]+$/.test(v)) return parseInt(v.slice(2), 16)
  if (/^0o[0-7]+$/.test(v)) return parseInt(v.slice(2), 8)
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(v)) return Number(v)
  return v
}

describe('plain scalars', () => {
  it('resolve as the definition says, for texts made of what numbers and the words are made of', () => {
    const pieces = ['0', '1', '7', '9', '_', '+', '-', '.', 'e', 'E', 'x', 'o', 'f', 'a', 'A', '~', ' ', 'y', 'n', 'N', 'true', 'off', 'Null', 'yes', 'NO']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 7 }), (parts) => {
        const v = parts.join('')
        expect(plainValue(v)).toStrictEqual(definition(v))
      }),
      { numRuns: 20000, seed: 7 }
    )
  })

  it('resolve the words, the number forms and the near misses', () => {
    const cases: [string, string | number | boolean | null][] = [
      ['', null],
      ['~', null],
      ['NULL', null],
      ['nulls', 'nulls'],
      ['Yes', true],
      ['y', true],
      ['OFF', false],
      ['FALSE', false],
      ['False ', 'False '],
      ['falsey', 'falsey'],
      ['1_000', 1000],
      ['-0', -0],
      ['+12', 12],
      ['012', 12],
      ['0x1F', 31],
      ['0o17', 15],
      ['0o18', '0o18'],
      ['.5', 0.5],
      ['-1.5e3', -1500],
      ['1.', 1],
      ['1.17.4', '1.17.4'],
      ['-', '-'],
      ['.inf', '.inf'],
      ['8080/TCP', '8080/TCP']
    ]
    for (const [text, value] of cases) expect([text, plainValue(text)]).toStrictEqual([text, value])
  })

  it('are resolved by scalarValue; quoted scalars and !!str stay strings', () => {
    const [doc] = parseDocuments('a: yes\nb: "yes"\nc: !!str 12\nd: 0x10\ne: ~\nf: |\n  true\n').documents
    const at = (k: string) => scalarValue(getNode(doc.root, [k]))
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map(at)).toStrictEqual([true, 'yes', '12', 16, null, 'true\n'])
  })
})
