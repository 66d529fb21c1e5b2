/** Packed parse events: pass 2 of the engine rebuilds a file's tree from them, so they must be js-yaml's exactly. */
import { parseEvents } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { packEvents, unpackEvents } from '../../src/yaml/packed-events.js'
import { MAX_DEPTH, parseDocuments } from '../../src/yaml/tree.js'
import { yaml } from '../../__fixtures__/yaml.js'

const CASES: Record<string, string> = {
  'block maps, sequences and every scalar style': yaml`
    plain: value
    single: 'it''s'
    double: "a\tb \u00e9"
    literal: |
      line 1
      line 2
    folded: >-
      folded
      text
    keep: |+
      kept

    indented: |2
        two extra
    list:
    - a
    - {flow: map, with: [a, seq]}
    - ~
    empty:
  `,
  'anchors, aliases, tags and merge keys': yaml`
    base: &base {replicas: 2}
    proxy:
      <<: *base
      tagged: !!str 10
      custom: !local {a: 1}
    seq: &s [1, 2]
    again: *s
    anchoredScalar: &x hello
    ref: *x
  `,
  'directives and several documents': '%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n...\n--- x\n---\n- 1\n',
  'a byte-order mark and CRLF line breaks': '\ufeffa: 1\r\nb:\r\n  - c\r\n'
}

describe('packEvents / unpackEvents', () => {
  it.each(Object.entries(CASES))('returns the events of %s unchanged', (_name, text) => {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH })
    const packed = packEvents(events)
    expect(unpackEvents(packed)).toEqual(events)
    expect(packed.count).toBe(events.length)
  })

  it('keeps the key order of js-yaml objects (the tree builder sees the same shapes)', () => {
    const events = parseEvents(CASES['anchors, aliases, tags and merge keys'], { maxDepth: MAX_DEPTH })
    expect(unpackEvents(packEvents(events)).map((e) => Object.keys(e).join())).toEqual(events.map((e) => Object.keys(e).join()))
  })

  it('rebuilds the same tree as a fresh parse', () => {
    const text = CASES['block maps, sequences and every scalar style'] + CASES['anchors, aliases, tags and merge keys']
    const fresh = parseDocuments(text)
    const rebuilt = parseDocuments(text, { events: unpackEvents(packEvents(parseEvents(text, { maxDepth: MAX_DEPTH }))) })
    // Compare without parent links (cycles) and alias targets.
    const plain = (r: typeof fresh) => JSON.stringify(r, (k, v) => (k === 'parent' || k === 'target' ? undefined : v))
    expect(plain(rebuilt)).toBe(plain(fresh))
  })

  it('takes a few bytes per event, far less than the event objects', () => {
    const text = Array.from({ length: 500 }, (_, i) => `key${i}: value-${i}`).join('\n')
    const events = parseEvents(text, { maxDepth: MAX_DEPTH })
    expect(packEvents(events).words.byteLength / events.length).toBeLessThan(16)
  })
})
