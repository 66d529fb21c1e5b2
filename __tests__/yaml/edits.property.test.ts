/**
 * Property test of setPath: on random YAML documents (block and flow maps, sequences of maps, block
 * scalars, comments, quoted and plain scalars, 2/4-space indents, LF/CRLF, with or without a final
 * newline) setting a random path leaves a file that parses, holds the value, changes nothing else and
 * keeps every comment.
 */
import fc from 'fast-check'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { EditSource, setPath, type YamlValue } from '../../src/yaml/edits.js'
import { parseDocuments } from '../../src/yaml/tree.js'
import { applyEdits } from '../../src/model/edit.js'

type Scalar = { t: 'scalar'; src: string }
type Block = { t: 'block'; header: '|' | '|-' | '>' | '>-'; lines: string[] }
type MapN = { t: 'map'; flow: boolean; entries: [string, Node][] }
type SeqN = { t: 'seq'; flow: boolean; items: Node[] }
type Node = Scalar | Block | MapN | SeqN

const KEYS = ['gateway', 'validation', 'enabled', 'settings', 'podTemplate', 'probes', 'replicas', 'name', 'image', 'a', 'b', 'x-y', 'my.key']
const key = fc.constantFrom(...KEYS)
const word = fc.constantFrom('gloo', 'gloo-system', 'envoy', 'x', 'quay.io/solo-io/gloo:1.17.0')
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom('true', 'false', '0', '10101', '1.5', '~', 'null', '', 'gloo-system', 'a b c').map((src) => ({ t: 'scalar' as const, src })),
  fc.tuple(word, fc.constantFrom(' ', ': ', ' # ', "'", '"', '')).map(([w, sep]) => ({ t: 'scalar' as const, src: `'${(w + sep + w).replace(/'/g, "''")}'` })),
  fc.tuple(word, fc.constantFrom(' ', ': ', ' # ', "'", '')).map(([w, sep]) => ({ t: 'scalar' as const, src: JSON.stringify(w + sep + w) }))
)
const block: fc.Arbitrary<Block> = fc.record({
  t: fc.constant('block' as const),
  header: fc.constantFrom('|' as const, '|-' as const, '>' as const, '>-' as const),
  lines: fc.array(fc.constantFrom('echo hi', 'key: value', '# not a comment', 'x'), { minLength: 1, maxLength: 3 })
})

const tree = fc.letrec<{ node: Node; map: MapN; seq: SeqN; flowNode: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, block, tie('map'), tie('seq')),
  flowNode: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, tie('map').map(toFlow), tie('seq').map(toFlow)),
  map: fc
    .tuple(fc.boolean(), fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: (e) => e[0] }), fc.boolean())
    .map(([flow, entries, empty]) => ({ t: 'map' as const, flow: flow && empty ? true : flow, entries: flow && empty ? [] : entries })),
  seq: fc
    .tuple(fc.boolean(), fc.array(fc.oneof(scalar, tie('map')), { minLength: 1, maxLength: 3 }))
    .map(([flow, items]) => ({ t: 'seq' as const, flow, items }))
}))

/** A flow collection holds only flow collections and quoted/plain scalars. */
function toFlow<T extends Node>(n: T): T {
  if (n.t === 'map') return { ...n, flow: true, entries: n.entries.map(([k, v]) => [k, toFlow(v)] as [string, Node]) }
  if (n.t === 'seq') return { ...n, flow: true, items: n.items.map(toFlow) }
  if (n.t === 'block') return { t: 'scalar', src: JSON.stringify(n.lines.join(' ')) } as T
  return n
}

interface Style {
  step: number
  eol: string
  finalEol: boolean
  /** Per rendered position: add a comment line / a trailing comment / a blank line. */
  noise: number[]
  indentlessSeq: boolean
}

class Renderer {
  lines: string[] = []
  comments: string[] = []
  /** Full comment lines, exactly as written. */
  commentLines: string[] = []
  private k = 0
  constructor(private s: Style) {}
  private roll(): number {
    return this.s.noise[this.k++ % this.s.noise.length]
  }
  private comment(): string {
    const c = `# c${this.comments.length}z`
    this.comments.push(c)
    return c
  }
  private trailing(): string {
    return this.roll() % 3 === 0 ? ` ${this.comment()}` : ''
  }
  flow(n: Node): string {
    if (n.t === 'scalar') return n.src === '' ? '""' : n.src
    if (n.t === 'block') return JSON.stringify(n.lines.join(' '))
    if (n.t === 'map') return `{${n.entries.map(([k, v]) => `${k}: ${this.flow(v)}`).join(', ')}}`
    return `[${n.items.map((i) => this.flow(i)).join(', ')}]`
  }
  map(m: MapN, indent: number, firstPrefix?: string): void {
    const pad = ' '.repeat(indent)
    m.entries.forEach(([k, v], i) => {
      const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : pad
      if (lead === pad) {
        const r = this.roll()
        if (r % 5 === 0) this.commentLines.push(pad + this.comment())
        if (r % 5 === 0) this.lines.push(this.commentLines[this.commentLines.length - 1])
        if (r % 7 === 0) this.lines.push('')
      }
      this.entry(lead, k, v, indent)
    })
  }
  private entry(lead: string, k: string, v: Node, indent: number): void {
    if (v.t === 'scalar') this.lines.push(`${lead}${k}:${v.src ? ' ' + v.src : ''}${this.trailing()}`)
    else if (v.t === 'block') {
      this.lines.push(`${lead}${k}: ${v.header}${this.trailing()}`)
      for (const l of v.lines) this.lines.push(' '.repeat(indent + this.s.step) + l)
    } else if (v.flow || (v.t === 'map' && v.entries.length === 0)) this.lines.push(`${lead}${k}: ${this.flow(v)}${this.trailing()}`)
    else if (v.t === 'map') {
      this.lines.push(`${lead}${k}:${this.trailing()}`)
      this.map(v, indent + this.s.step)
    } else {
      this.lines.push(`${lead}${k}:${this.trailing()}`)
      this.seq(v, this.s.indentlessSeq ? indent : indent + this.s.step)
    }
  }
  seq(s: SeqN, indent: number): void {
    const pad = ' '.repeat(indent)
    for (const item of s.items) {
      if (item.t === 'map' && !item.flow && item.entries.length) this.map(item, indent + 2, `${pad}- `)
      else this.lines.push(`${pad}- ${this.flow(item)}${this.trailing()}`)
    }
  }
  document(root: MapN): string {
    if (root.flow) this.lines.push(this.flow(root) + this.trailing())
    else this.map(root, 0)
    if (this.roll() % 2 === 0) {
      this.commentLines.push(this.comment())
      this.lines.push(this.commentLines[this.commentLines.length - 1])
    }
    return this.lines.join(this.s.eol) + (this.s.finalEol ? this.s.eol : '')
  }
}

const style: fc.Arbitrary<Style> = fc.record({
  step: fc.constantFrom(2, 4),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  noise: fc.array(fc.nat(104), { minLength: 1, maxLength: 16 }),
  indentlessSeq: fc.boolean()
})

/** Every path of keys through maps, root first. */
function mapPaths(m: MapN, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix]
  for (const [k, v] of m.entries) {
    out.push([...prefix, k])
    if (v.t === 'map') out.push(...mapPaths(v, [...prefix, k]).slice(1))
  }
  return out
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const loaded = (value: YamlValue): unknown =>
  typeof value === 'string' ? load(value) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, loaded(v)]))

/** `before` with `path` set as setPath promises it, or null when setPath must refuse. */
function expected(before: unknown, path: string[], value: YamlValue): unknown {
  const out = structuredClone(before) as Record<string, unknown>
  let cur = out
  for (let i = 0; i < path.length - 1; i++) {
    const v = cur[path[i]]
    if (v === undefined || v === null) cur[path[i]] = {}
    else if (!isObject(v)) return null
    cur = cur[path[i]] as Record<string, unknown>
  }
  const last = path[path.length - 1]
  const old = cur[last]
  if (typeof value === 'string') {
    if (isObject(old) || Array.isArray(old)) return null
    cur[last] = loaded(value)
  } else {
    if (Array.isArray(old) || (old !== undefined && old !== null && !isObject(old))) return null
    const target = (isObject(old) ? old : (cur[last] = {})) as Record<string, unknown>
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && (isObject(target[k]) || Array.isArray(target[k]))) return null
      target[k] = loaded(v)
    }
  }
  return out
}

const valueArb: fc.Arbitrary<YamlValue> = fc.oneof(
  fc.constantFrom<YamlValue>('true', 'false', '10101', '"quoted: value"', "'single'", 'gloo-system'),
  fc.constantFrom<YamlValue>({ enabled: 'true' }, { replicas: '2', probes: 'true' })
)

describe('setPath on random documents', () => {
  it('keeps the file valid, sets the value, changes nothing else and keeps every comment', () => {
    fc.assert(
      fc.property(tree.map, style, fc.nat(), fc.array(key, { maxLength: 2 }), valueArb, (root, st, pick, extra, value) => {
        const r = new Renderer(st)
        const text = r.document({ ...root, flow: root.entries.length === 0 || (root.flow && st.noise[0] % 4 === 0) })
        const parsed = parseDocuments(text)
        expect(parsed.error, text).toBeUndefined()
        const before = load(text)
        const paths = mapPaths(root).filter((p) => p.length + extra.length > 0)
        fc.pre(paths.length > 0)
        const path = [...paths[pick % paths.length], ...extra]
        const want = expected(before, path, value)

        const src = new EditSource(text, parsed.documents.map((d) => d.root))
        const edits = setPath(src, parsed.documents[0].root, path, value)
        if (want === null) {
          expect(edits, `${text}\n${path.join('.')}`).toBeNull()
          return
        }
        expect(edits, `${JSON.stringify(text)} ${path.join('.')}`).not.toBeNull()
        const { output, skipped } = applyEdits(text, edits!)
        expect(skipped).toEqual([])
        const ctx = `${JSON.stringify(text)}\n→ ${path.join('.')} = ${JSON.stringify(value)}\n${JSON.stringify(output)}`
        expect(parseDocuments(output).error, ctx).toBeUndefined()
        expect(load(output), ctx).toEqual(want)
        for (const c of r.comments) expect(output, ctx).toContain(c)
        // Full-line comments keep their line as it was.
        const lines = new Set(output.split(/\r?\n/))
        for (const l of r.commentLines) expect(lines.has(l), ctx).toBe(true)
        // The file's line breaks (when it has any) and its final newline (or lack of one) are kept.
        if (text.includes('\r\n')) expect(output.replace(/\r\n/g, ''), ctx).not.toContain('\n')
        else if (text.includes('\n')) expect(output, ctx).not.toContain('\r')
        expect(/\n$/.test(output), ctx).toBe(/\n$/.test(text))
      }),
      { seed: 42, numRuns: 300 }
    )
  })
})
