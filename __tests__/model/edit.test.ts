/** Edits that overlap: the index a pass keeps of the edits it took answers as a comparison with each of them does. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EditIndex, editsOverlap } from '../../src/model/edit.js'
import type { TextEdit } from '../../src/model/finding.js'

const edit = fc
  .record({ start: fc.integer({ min: 0, max: 200 }), length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 80 })) })
  .map(({ start, length }): TextEdit => ({ range: [start, start + length], text: 'x' }))

describe('EditIndex', () => {
  it('says a list of edits overlaps the taken ones exactly when editsOverlap says so for one of them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 60, size: 'max' }), (lists) => {
        const index = new EditIndex()
        const taken: TextEdit[][] = []
        for (const list of lists) {
          const overlaps = taken.some((t) => editsOverlap(t, list))
          expect(index.overlaps(list)).toBe(overlaps)
          // As a pass does: what overlaps waits; the rest is taken.
          if (!overlaps) {
            taken.push(list)
            index.add(list)
          }
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('counts an insertion at the start of a taken edit, or inside it, and not one at its end', () => {
    const index = new EditIndex()
    index.add([{ range: [10, 20], text: 'new' }])
    expect([5, 10, 15, 19, 20, 25].map((at) => index.overlaps([{ range: [at, at], text: 'x' }]))).toEqual([false, true, true, true, false, false])
    expect(index.overlaps([{ range: [0, 11], text: '' }])).toBe(true)
    expect(index.overlaps([{ range: [20, 30], text: '' }])).toBe(false)
  })
})
