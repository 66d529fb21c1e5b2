/** The located tree and the line index: exact offsets and 1-based line/column of every kind of node. */
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { detectEol, LineIndex } from '../../src/yaml/position.js'
import { findPair, getNode, jsonPathOf, toPlain } from '../../src/yaml/query.js'
import { parseDocuments, walk, type AliasNode, type MapNode, type ScalarNode, type SeqNode, type YamlNode } from '../../src/yaml/tree.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** `line:col-line:col` of a node, as a finding would show it. */
function span(text: string, node: YamlNode | null | undefined): string {
  if (!node) return 'missing'
  const s = new LineIndex(text).spanOf(node.start, node.end)
  return `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`
}

function parse(text: string) {
  const r = parseDocuments(text)
  expect(r.error).toBeUndefined()
  return r
}

const root = (text: string): YamlNode => parse(text).documents[0].root!
const node = (text: string, path: (string | number)[]) => getNode(root(text), path)
const slice = (text: string, n: YamlNode | null) => (n ? text.slice(n.start, n.end) : 'missing')

describe('scalars', () => {
  const text = yaml`
    plain: gloo-system
    double: "say \\"hi\\""
    single: 'it''s'
    number: 10101
    spaced:    value   # trailing comment
  `

  it('spans plain scalars exactly, quoted ones with their quotes', () => {
    expect(span(text, node(text, ['plain']))).toBe('1:8-1:19')
    expect(span(text, node(text, ['double']))).toBe('2:9-2:21')
    expect(slice(text, node(text, ['double']))).toBe('"say \\"hi\\""')
    expect((node(text, ['double']) as ScalarNode).value).toBe('say "hi"')
    expect(span(text, node(text, ['single']))).toBe('3:9-3:16')
    expect((node(text, ['single']) as ScalarNode).value).toBe("it's")
    expect((node(text, ['single']) as ScalarNode).style).toBe('single')
    expect(span(text, node(text, ['number']))).toBe('4:9-4:14')
    expect(span(text, node(text, ['spaced']))).toBe('5:12-5:17')
  })

  it('spans keys', () => {
    const m = root(text) as MapNode
    expect(m.pairs.map((p) => span(text, p.key))).toEqual(['1:1-1:6', '2:1-2:7', '3:1-3:7', '4:1-4:7', '5:1-5:7'])
  })

  it('starts a block scalar at its header and ends it with its last content line', () => {
    const t = yaml`
      literal: |
        line one
        line two
      folded: >-  # comment
        folded text
      next: 1
    `
    const lit = node(t, ['literal']) as ScalarNode
    expect(lit.style).toBe('literal')
    expect(lit.value).toBe('line one\nline two\n')
    expect(lit.blockIndent).toBe(2)
    expect(span(t, lit)).toBe('1:10-3:11')
    expect(slice(t, lit)).toBe('|\n  line one\n  line two')
    const folded = node(t, ['folded']) as ScalarNode
    expect(folded.style).toBe('folded')
    expect(folded.value).toBe('folded text')
    expect(span(t, folded)).toBe('4:9-5:14')
  })

  it('finds the header even when its comment holds `>` or `|`', () => {
    const t = 'a: | # keep > 1 | 2\n  x\nb: 2\n'
    const a = node(t, ['a']) as ScalarNode
    expect(a.start).toBe(3)
    expect(span(t, a)).toBe('1:4-2:4')
  })

  it('handles explicit indentation, keep/strip chomping, empty blocks and a block at the end of the file', () => {
    const t = 'a:\n  d: |2-\n     x\n  k: |+\n    kept\n\n\n  e: |\n  f: >\n    last'
    expect(span(t, node(t, ['a', 'd']))).toBe('2:6-3:7')
    expect((node(t, ['a', 'd']) as ScalarNode).blockIndent).toBe(4)
    expect((node(t, ['a', 'd']) as ScalarNode).value).toBe(' x')
    // `|+` keeps the blank lines in its value; the node still ends with its last content line.
    expect((node(t, ['a', 'k']) as ScalarNode).value).toBe('kept\n\n\n')
    expect(span(t, node(t, ['a', 'k']))).toBe('4:6-5:9')
    // An empty block is just its header.
    expect(slice(t, node(t, ['a', 'e']))).toBe('|')
    expect(span(t, node(t, ['a', 'f']))).toBe('9:6-10:9')
  })

  it('keeps block scalars in sequences and under CRLF right', () => {
    const t = 'l:\r\n- |\r\n  x\r\n- >\r\n  y\r\nz: 1\r\n'
    expect(span(t, node(t, ['l', 0]))).toBe('2:3-3:4')
    expect(span(t, node(t, ['l', 1]))).toBe('4:3-5:4')
    expect((node(t, ['l', 0]) as ScalarNode).value).toBe('x\n')
    expect(span(t, node(t, ['z']))).toBe('6:4-6:5')
  })
})

describe('collections', () => {
  it('spans a block map from its first key to its last value', () => {
    const t = yaml`
      gateway:
        validation:
          enabled: true
        proxyServiceAccount: {}
      settings: x
    `
    expect(span(t, root(t))).toBe('1:1-5:12')
    expect(span(t, node(t, ['gateway']))).toBe('2:3-4:26')
    expect(span(t, node(t, ['gateway', 'validation']))).toBe('3:5-3:18')
  })

  it('ends a flow collection past its closing bracket, comments and commas before it included', () => {
    const t = 'a: {x: 1, y: [1, 2] }  # hi\nb: {}\nc: [ ]\nd: {\n  p: 1, # note\n  }\ne: [a: 1]\nf: {q: 2}\n'
    expect(span(t, node(t, ['a']))).toBe('1:4-1:22')
    expect(span(t, node(t, ['a', 'y']))).toBe('1:14-1:20')
    expect((node(t, ['a']) as MapNode).flow).toBe(true)
    expect(span(t, node(t, ['b']))).toBe('2:4-2:6')
    expect(span(t, node(t, ['c']))).toBe('3:4-3:7')
    expect(span(t, node(t, ['d']))).toBe('4:4-6:4')
    // A single pair in a flow sequence is a map without braces: it ends with its value, not at a later `}`.
    expect(span(t, node(t, ['e', 0]))).toBe('7:5-7:9')
    expect(span(t, node(t, ['e']))).toBe('7:4-7:10')
  })

  it('spans block sequences and the maps in them', () => {
    const t = yaml`
      containers:
      - name: envoy
        image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
      - name: sds
    `
    const seq = node(t, ['containers']) as SeqNode
    expect(seq.flow).toBe(false)
    expect(span(t, seq)).toBe('2:1-4:12')
    expect(span(t, seq.items[0])).toBe('2:3-3:51')
    expect(span(t, node(t, ['containers', 1, 'name']))).toBe('4:9-4:12')
  })

  it('sets parents', () => {
    const t = 'a:\n  b: [1, {c: 2}]\n'
    const c = node(t, ['a', 'b', 1, 'c'])!
    expect(jsonPathOf(c)).toBe('a.b[1].c')
    expect(c.parent!.kind).toBe('map')
    expect(c.parent!.parent!.kind).toBe('seq')
  })
})

describe('empty values', () => {
  it('places `key:` as a zero-width value just after the colon', () => {
    const t = 'a:\nbb:   # comment\n"q":\nc: 1\n'
    const a = node(t, ['a']) as ScalarNode
    expect(a.empty).toBe(true)
    expect([a.start, a.end]).toEqual([2, 2])
    expect(span(t, a)).toBe('1:3-1:3')
    expect(span(t, node(t, ['bb']))).toBe('2:4-2:4')
    expect(span(t, node(t, ['q']))).toBe('3:5-3:5')
  })

  it('places an empty value with an anchor or tag after them, and an empty sequence item after its dash', () => {
    const t = 'a: &base\nb: !!null\nl:\n-\n- x\n-   # c\n'
    expect(span(t, node(t, ['a']))).toBe('1:9-1:9')
    expect((node(t, ['a']) as ScalarNode).anchor).toBe('base')
    expect(span(t, node(t, ['b']))).toBe('2:10-2:10')
    expect((node(t, ['b']) as ScalarNode).tag).toBe('!!null')
    expect(span(t, node(t, ['l', 0]))).toBe('4:2-4:2')
    expect(span(t, node(t, ['l', 2]))).toBe('6:2-6:2')
  })
})

describe('documents', () => {
  it('indexes every document of a multi-document file with its own offsets', () => {
    const t = '---\napiVersion: v1\nkind: ServiceAccount\n---\n# second\nkind: Service\n...\n---\n'
    const r = parse(t)
    expect(r.documents.map((d) => d.index)).toEqual([0, 1, 2])
    expect(span(t, r.documents[0].root)).toBe('2:1-3:21')
    expect(span(t, r.documents[1].root)).toBe('6:1-6:14')
    expect(t.slice(r.documents[1].start, r.documents[1].end)).toBe('kind: Service')
    const empty = r.documents[2].root as ScalarNode
    expect(empty.kind).toBe('scalar')
    expect(empty.empty).toBe(true)
  })

  it('returns no documents for an empty or comment-only file', () => {
    expect(parse('').documents).toEqual([])
    expect(parse('# only a comment\n').documents).toEqual([])
  })

  it('resets anchors per document', () => {
    const r = parse('a: &x 1\n---\nb: *x\n')
    expect(r.error).toBeUndefined()
    const alias = getNode(r.documents[1].root, ['b'])
    expect(alias).toBeNull()
    const raw = (r.documents[1].root as MapNode).pairs[0].value as AliasNode
    expect(raw.kind).toBe('alias')
    expect(raw.target).toBeNull()
  })
})

describe('line endings, BOM and tabs', () => {
  it('keeps line numbers right with CRLF', () => {
    const t = 'gateway:\r\n  validation:\r\n    enabled: false\r\n'
    expect(span(t, node(t, ['gateway', 'validation', 'enabled']))).toBe('3:14-3:19')
    const li = new LineIndex(t)
    expect(li.lineCount).toBe(4)
    expect(li.lineText(2)).toBe('  validation:')
    expect(li.lineEnd(1)).toBe(8)
    expect(detectEol(t)).toBe('\r\n')
  })

  it('counts a lone CR as a line break', () => {
    const t = 'gateway:\r  validation:\r    enabled: false\r'
    expect(span(t, node(t, ['gateway', 'validation', 'enabled']))).toBe('3:14-3:19')
    const li = new LineIndex(t)
    expect(li.lineText(3)).toBe('    enabled: false')
    expect(detectEol(t)).toBe('\r')
    expect(detectEol('a: 1\nb: 2\r\n')).toBe('\n')
    expect(detectEol('a: 1')).toBe('\n')
  })

  it('does not count a byte-order mark as a column', () => {
    const t = '\ufeffgateway:\n  enabled: true\n'
    const r = root(t) as MapNode
    expect(r.pairs[0].key.start).toBe(1)
    expect(span(t, r.pairs[0].key)).toBe('1:1-1:8')
    expect(span(t, node(t, ['gateway', 'enabled']))).toBe('2:12-2:16')
    const li = new LineIndex(t)
    expect(li.offsetAt({ line: 1, column: 1 })).toBe(1)
    expect(li.lineText(1)).toBe('gateway:')
  })

  it('counts a tab as one column', () => {
    const t = 'a:\t1\nb: "x\ty"\n'
    expect(span(t, node(t, ['a']))).toBe('1:4-1:5')
    expect((node(t, ['b']) as ScalarNode).value).toBe('x\ty')
  })

  it('round-trips offsets and positions on every line', () => {
    const t = 'a: 1\r\nb:\r  c: 2\n\nd: 3'
    const li = new LineIndex(t)
    for (let o = 0; o <= t.length; o++) {
      const p = li.positionAt(o)
      if (t[o - 1] === '\r' && t[o] === '\n') continue // inside a CRLF pair
      expect(li.offsetAt(p)).toBe(o)
    }
    expect(li.lineCount).toBe(5)
    expect([1, 2, 3, 4, 5].map((l) => li.lineText(l))).toEqual(['a: 1', 'b:', '  c: 2', '', 'd: 3'])
  })
})

describe('anchors, aliases and merge keys', () => {
  const t = yaml`
    base: &b
      probes: true
      replicas: 2
    one: &o 1
    two: &t 2
    proxy:
      <<: *b
      replicas: 3
    alias: *o
    other: *t
  `

  it('names anchors and aliases exactly and points aliases at their anchor', () => {
    const m = root(t) as MapNode
    expect((findPair(m, 'base')!.value as MapNode).anchor).toBe('b')
    expect((findPair(m, 'one')!.value as ScalarNode).anchor).toBe('o')
    const alias = findPair(m, 'alias')!.value as AliasNode
    expect(alias.kind).toBe('alias')
    expect(alias.name).toBe('o')
    expect(span(t, alias)).toBe('9:8-9:10')
    expect(slice(t, alias)).toBe('*o')
    // Two single-letter anchors stay apart.
    expect(getNode(m, ['alias'])).toBe(getNode(m, ['one']))
    expect(getNode(m, ['other'])).toBe(getNode(m, ['two']))
  })

  it('reads through merge keys, explicit keys first', () => {
    const m = root(t) as MapNode
    expect((getNode(m, ['proxy']) as MapNode).merge).toBe(true)
    expect((getNode(m, ['proxy', 'replicas']) as ScalarNode).value).toBe('3')
    expect(span(t, getNode(m, ['proxy', 'probes']))).toBe('2:11-2:15')
    expect(toPlain(getNode(m, ['proxy']))).toEqual({ '<<': { probes: true, replicas: 2 }, replicas: 3 })
  })

  it('takes the first merge source that has the key, depth first', () => {
    const m = root('a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: &c {x: 3, y: 4}\nd:\n  <<: [*b, *c]\n')
    expect((getNode(m, ['d', 'x']) as ScalarNode).value).toBe('1')
    expect((getNode(m, ['d', 'y']) as ScalarNode).value).toBe('2')
    expect(getNode(m, ['d', 'z'])).toBeNull()
  })

  it('survives merge cycles', () => {
    const m = root('a: &a {b: &b {<<: *a, q: 1}, <<: *b}\n')
    expect(getNode(m, ['a', 'missing'])).toBeNull()
    expect((getNode(m, ['a', 'q']) as ScalarNode).value).toBe('1')
    expect(toPlain(m)).toEqual({ a: { b: { '<<': null, q: 1 }, '<<': { '<<': null, q: 1 } } })
  })
})

describe('duplicate keys', () => {
  it('records the second and later occurrences, in block and flow maps', () => {
    const t = 'global:\n  a: 1\nglobal:\n  b: 2\nx: {k: 1, "k": 2}\nglobal: 3\n<<: {}\n<<: {}\n'
    const d = parse(t).documents[0]
    expect(d.duplicateKeys.map((k) => `${k.value}@${span(t, k)}`)).toEqual(['k@5:11-5:14', 'global@3:1-3:7', 'global@6:1-6:7'])
    // Helm keeps the last one.
    expect((getNode(d.root, ['global']) as ScalarNode).value).toBe('3')
  })
})

describe('syntax errors', () => {
  const cases: [string, string, number, number][] = [
    ['tab indentation', 'a:\n\tb: 1\n', 2, 1],
    ['bad indentation', 'a: 1\n  b: 2\n', 2, 4],
    ['unclosed flow', 'gateway:\n  validation: [1,\nb: 2\n', 3, 1],
    ['unclosed quote', 'a: "x\n', 2, 1],
    ['CRLF', 'a: 1\r\nb: [\r\n', 3, 1]
  ]
  for (const [name, text, line, column] of cases)
    it(`returns js-yaml's 1-based line and column: ${name}`, () => {
      const r = parseDocuments(text)
      expect(r.documents).toEqual([])
      expect(r.error).toMatchObject({ line, column })
      expect(r.error!.message).not.toBe('')
      // The offset agrees with the line index the findings use.
      expect(new LineIndex(text).positionAt(r.error!.offset)).toEqual({ line, column })
      let thrown: { mark?: { line: number; column: number } } = {}
      try {
        load(text)
      } catch (e) {
        thrown = e as typeof thrown
      }
      expect(thrown.mark && { line: thrown.mark.line + 1, column: thrown.mark.column + 1 }).toEqual({ line, column })
    })

  it('reports nesting past the depth limit as a syntax error, not a crash', () => {
    const t = 'a: ' + '['.repeat(300) + ']'.repeat(300) + '\n'
    const r = parseDocuments(t)
    expect(r.error?.message).toMatch(/depth/i)
    expect(parseDocuments(t, { maxDepth: 400 }).error).toBeUndefined()
  })
})

describe('walk', () => {
  it('visits every node once, keys before values, in source order', () => {
    const t = 'a: [1, {b: 2}]\nc: *x\n'
    const r = parseDocuments('x: &x 0\n' + t)
    const kinds = [...walk(r.documents[0].root)].map((n) => (n.kind === 'scalar' ? n.value : n.kind))
    expect(kinds).toEqual(['map', 'x', '0', 'a', 'seq', '1', 'map', 'b', '2', 'c', 'alias'])
  })
})
