/** LineIndex: the one offset → line/column conversion; its table is built with indexOf and shared per text. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeSourceFile } from '../../src/forms/manifests.js'
import { LineIndex } from '../../src/yaml/position.js'

/** The definition: a new line after LF, after CR not followed by LF; a leading BOM is not a column. */
function naiveStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0]
  for (let i = 0; i < text.length; i++)
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1)
  return starts
}

describe('LineIndex', () => {
  it.each([
    ['LF', 'a: 1\nb: 2\n', [0, 5, 10]],
    ['CRLF', 'a: 1\r\nb: 2', [0, 6]],
    ['lone CR', 'a\rb\r\nc\n', [0, 2, 5, 7]],
    ['BOM', '\ufeffa: 1\nb', [1, 6]],
    ['empty', '', [0]]
  ])('finds the line starts of %s text', (_name, text, starts) => {
    expect([...new LineIndex(text).starts]).toEqual(starts)
  })

  it('agrees with the definition on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\ufeff', 'é'), { maxLength: 60 }), (parts) => {
        const text = parts.join('')
        expect([...new LineIndex(text).starts]).toEqual(naiveStarts(text))
      })
    )
  })

  it('converts offsets to 1-based positions and back', () => {
    const li = new LineIndex('a: 1\r\nbb: 2\nc')
    expect(li.positionAt(7)).toEqual({ line: 2, column: 2 })
    expect(li.offsetAt({ line: 2, column: 2 })).toBe(7)
    expect(li.lineText(2)).toBe('bb: 2')
    expect(li.lineEnd(1)).toBe(4)
    expect(li.positionAt(999)).toEqual({ line: 3, column: 2 })
  })

  it('is shared by a source file and its edit source: the file is scanned once', () => {
    const file = makeSourceFile('v.yaml', 'a: 1\nb: 2\n')
    expect(file.edit.lines).toBe(file.lines)
  })

  it('gives the line of an offset before its table exists as after it (lineAt)', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\ufeff'), { maxLength: 30 }).map((p) => p.join(''))
    fc.assert(
      fc.property(text, fc.nat(40), (t, at) => {
        const offset = Math.min(at, t.length)
        const fresh = new LineIndex(t).lineAt(offset)
        const built = new LineIndex(t)
        void built.starts
        expect(fresh).toBe(built.positionAt(offset).line)
        expect(built.lineAt(offset)).toBe(fresh)
      }),
      { numRuns: 3000, seed: 13 }
    )
    expect(new LineIndex('a: 1\nb: 2\nc: 3\n').lineAt(8)).toBe(2)
  })
})
