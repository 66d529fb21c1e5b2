/**
 * Property test of the fix quality `--fix` promises (issue 10, item 4): on realistic Gloo values files (block
 * maps with comments above and after keys, commented-out keys, some flow maps and `{}`, quoted and plain
 * scalars, block scalars, 2/4-space indents, LF or CRLF), a few random `setPath` edits in a row each leave a
 * file that parses and holds the value; every other key reads back unchanged; every comment stays on its key;
 * the style of every map (block/flow, indentation step) and the quoting of untouched scalars are kept; no tab
 * and no foreign line break appears; and the same edit on the output is no edit at all.
 */
import fc from 'fast-check'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { EditSource, setPath, type YamlValue } from '../../src/yaml/edits.js'
import { parseDocuments, type YamlNode } from '../../src/yaml/tree.js'
import { LineIndex } from '../../src/yaml/position.js'
import { applyEdits } from '../../src/model/edit.js'

type Scalar = { t: 'scalar'; src: string }
type Block = { t: 'block'; lines: string[] }
type MapN = { t: 'map'; flow: boolean; entries: [string, Node][] }
type Node = Scalar | Block | MapN

const KEYS = [
  'gloo', 'gateway', 'gatewayProxies', 'gatewayProxy', 'settings', 'discovery', 'podTemplate', 'kind', 'deployment',
  'validation', 'securityContext', 'resources', 'requests', 'replicas', 'enabled', 'image', 'tag', 'runAsUser',
  'readOnlyRootFilesystem', 'disableAutomount', 'create', 'watchNamespaces', 'gloo-ee', 'license_key', 'x-y', 'my.key'
]
const key = fc.constantFrom(...KEYS)
const plain = fc.constantFrom('true', 'false', '1', '10101', '0.5', 'gloo-system', 'quay.io/solo-io/gloo:1.17.0', '500m', '[ALL]', 'a b')
const quoted = fc.constantFrom(`'1.17.0'`, `'it''s'`, `"gloo-system"`, `"a: b"`, `"x # y"`, `''`, `"true"`)
const nullish = fc.constantFrom('~', 'null', '')
const scalar: fc.Arbitrary<Scalar> = fc.oneof(plain, plain, quoted, nullish).map((src) => ({ t: 'scalar' as const, src }))
const block: fc.Arbitrary<Block> = fc
  .array(fc.constantFrom('echo hi', 'key: value', 'x', '  indented'), { minLength: 1, maxLength: 3 })
  .map((lines) => ({ t: 'block' as const, lines: lines[0].startsWith(' ') ? ['first', ...lines] : lines }))
const entries = <T>(value: fc.Arbitrary<T>, minLength: number) =>
  fc.uniqueArray(fc.tuple(key, value), { minLength, maxLength: 4, selector: (e) => e[0] })

const tree = fc.letrec<{ value: Node; map: MapN; flowMap: MapN; flowValue: Node }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, block, tie('flowMap'), tie('map'), tie('map')),
  map: entries(tie('value'), 1).map((e) => ({ t: 'map' as const, flow: false, entries: e })),
  flowMap: entries(tie('flowValue'), 0).map((e) => ({ t: 'map' as const, flow: true, entries: e })),
  flowValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(plain, quoted, fc.constant('~')).map((src) => ({ t: 'scalar' as const, src })),
    tie('flowMap')
  )
}))

interface Style {
  step: number
  eol: string
  finalEol: boolean
  noise: number[]
}

/** Renders a values file the way people write them; comments are `# c<n>z …`, unique in the file. */
class Renderer {
  lines: string[] = []
  private n = 0
  private k = 0
  constructor(private s: Style) {}
  private roll(): number {
    return this.s.noise[this.k++ % this.s.noise.length]
  }
  private comment(text = ''): string {
    return `# c${this.n++}z${text}`
  }
  private trailing(): string {
    return this.roll() % 4 === 0 ? `${' '.repeat(1 + (this.roll() % 3))}${this.comment()}` : ''
  }
  flow(n: Node): string {
    if (n.t === 'scalar') return n.src
    if (n.t === 'block') return JSON.stringify(n.lines.join(' '))
    return n.entries.length ? `{${n.entries.map(([k, v]) => `${k}: ${this.flow(v)}`).join(', ')}}` : '{}'
  }
  map(m: MapN, indent: number): void {
    const pad = ' '.repeat(indent)
    for (const [k, v] of m.entries) {
      const r = this.roll()
      if (r % 13 === 0) this.lines.push('')
      if (r % 5 === 0) this.lines.push(pad + this.comment(' documents the key below'))
      if (r % 11 === 0) this.lines.push(pad + this.comment(' and a second line'))
      this.entry(pad, k, v, indent)
    }
    // The end of a nested map: a note at its indentation, or a commented-out key deeper.
    if (indent > 0) {
      const r = this.roll()
      if (r % 6 === 0) this.lines.push(pad + this.comment(' end of the map'))
      // (Not after a block scalar: a deeper line would be its content.)
      if (r % 9 === 0 && m.entries[m.entries.length - 1][1].t !== 'block') this.lines.push(pad + ' '.repeat(this.s.step) + this.comment(' replicas: 2'))
    }
  }
  private entry(pad: string, k: string, v: Node, indent: number): void {
    if (v.t === 'scalar') this.lines.push(`${pad}${k}:${v.src ? ' ' + v.src : ''}${this.trailing()}`)
    else if (v.t === 'block') {
      this.lines.push(`${pad}${k}: |${this.trailing()}`)
      for (const l of v.lines) this.lines.push(' '.repeat(indent + this.s.step) + l)
    } else if (v.flow) this.lines.push(`${pad}${k}: ${this.flow(v)}${this.trailing()}`)
    else {
      this.lines.push(`${pad}${k}:${this.trailing()}`)
      this.map(v, indent + this.s.step)
    }
  }
  document(root: MapN): string {
    if (this.roll() % 3 === 0) this.lines.push(this.comment(' Gloo values'), '')
    this.map(root, 0)
    if (this.roll() % 2 === 0) this.lines.push(this.comment(' end'))
    return this.lines.join(this.s.eol) + (this.s.finalEol ? this.s.eol : '')
  }
}

const style: fc.Arbitrary<Style> = fc.record({
  step: fc.constantFrom(2, 2, 4),
  eol: fc.constantFrom('\n', '\n', '\r\n'),
  finalEol: fc.boolean(),
  noise: fc.array(fc.nat(1000), { minLength: 1, maxLength: 24 })
})

const valueArb: fc.Arbitrary<YamlValue> = fc.constantFrom<YamlValue>(
  'true', 'false', '2', '10101', '"gloo-system"', "'1.17.0'", 'RuntimeDefault',
  { enabled: 'true' },
  { runAsNonRoot: 'true', runAsUser: '10101' },
  { requests: { cpu: '500m', memory: '256Mi' } }
)

/** Every path of keys through the model's maps (flow ones too), the root's `[]` left out. */
function mapPaths(m: MapN, prefix: string[] = []): string[][] {
  const out: string[][] = []
  for (const [k, v] of m.entries) {
    out.push([...prefix, k])
    if (v.t === 'map') out.push(...mapPaths(v, [...prefix, k]))
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
    return out
  }
  if (Array.isArray(old) || (old !== undefined && old !== null && !isObject(old))) return null
  const merge = (target: Record<string, unknown>, v: { [k: string]: YamlValue }): boolean => {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string') {
        if (isObject(target[k]) || Array.isArray(target[k])) return false
        target[k] = loaded(x)
      } else {
        const t = target[k]
        if (t !== undefined && t !== null && !isObject(t)) return false
        if (!merge((target[k] = isObject(t) ? t : {}) as Record<string, unknown>, x)) return false
      }
    }
    return true
  }
  return merge((isObject(old) ? old : (cur[last] = {})) as Record<string, unknown>, value) ? out : null
}

/** Each node reached through maps only, by its key path (JSON), with its parent map. */
function nodesByPath(root: YamlNode | null): Map<string, YamlNode> {
  const out = new Map<string, YamlNode>()
  const visit = (n: YamlNode, path: string[]): void => {
    out.set(JSON.stringify(path), n)
    if (n.kind === 'map') for (const p of n.pairs) if (p.key.kind === 'scalar') visit(p.value, [...path, p.key.value])
  }
  if (root) visit(root, [])
  return out
}

const COMMENT = /# c\d+z/
/** `  key:` (or `- key:`) at the start of a line: what a comment is attached to. */
const keyPrefix = (line: string): string => /^ *(?:- )*[^\s:#'"{\[][^:#]*:/.exec(line)?.[0] ?? line

/** Every comment of the file by id: its whole line, and the key line it sits on or documents (null: none below). */
function comments(text: string): Map<string, { line: string; full: boolean; key: string | null }> {
  const lines = text.split(/\r\n|\n/)
  const out = new Map<string, { line: string; full: boolean; key: string | null }>()
  lines.forEach((line, i) => {
    const id = COMMENT.exec(line)?.[0]
    if (!id) return
    const full = line.trimStart().startsWith('#')
    let key: string | null = keyPrefix(line)
    if (full) {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))
      key = next === undefined ? null : keyPrefix(next)
    }
    out.set(id, { line, full, key })
  })
  return out
}

const startsWith = (p: readonly string[], prefix: readonly string[]): boolean => prefix.every((k, i) => p[i] === k)

/** Applies one setPath edit and checks every promise of a `--fix` edit; returns the new text (or the old one on a refusal). */
function checkEdit(text: string, step: number, path: string[], value: YamlValue): string {
  const parsed = parseDocuments(text)
  expect(parsed.error, text).toBeUndefined()
  const root = parsed.documents[0].root
  const before = load(text)
  const want = expected(before, path, value)
  const edits = setPath(new EditSource(text, [root]), root, path, value)
  const ctx = `${JSON.stringify(text)}\n→ ${path.join('.')} = ${JSON.stringify(value)}`
  if (want === null) {
    expect(edits, ctx).toBeNull()
    return text
  }
  expect(edits, ctx).not.toBeNull()
  const { output, skipped } = applyEdits(text, edits!)
  expect(skipped, ctx).toEqual([])
  const at = `${ctx}\n${JSON.stringify(output)}`

  // It parses; the value reads back as written, and every other key/value as it was.
  const after = parseDocuments(output)
  expect(after.error, at).toBeUndefined()
  const got = load(output)
  expect(got, at).toEqual(want)
  let v: unknown = got
  for (const k of path) v = (v as Record<string, unknown>)[k]
  if (typeof value === 'string') expect(v, at).toEqual(loaded(value))
  else expect(v, at).toMatchObject(loaded(value) as object)

  // Every comment line is kept whole, on (or directly above) the same key.
  const was = comments(text)
  const now = comments(output)
  expect([...now.keys()].sort(), at).toEqual([...was.keys()].sort())
  for (const [id, c] of was) {
    const d = now.get(id)!
    if (c.full) expect(d.line, `${at}\n${id}`).toBe(c.line)
    expect(d.key, `${at}\n${id}`).toBe(c.key)
  }

  // Styles: a map keeps block/flow (an empty `{}` in a block map takes the block style), a new map takes its
  // parent's, every nested block map is indented by the file's step, and untouched scalars keep their text.
  const oldNodes = nodesByPath(root)
  const newNodes = nodesByPath(after.documents[0].root)
  const lines = new LineIndex(output)
  const col = (o: number) => lines.positionAt(o).column
  for (const [p, n] of newNodes) {
    const keys = JSON.parse(p) as string[]
    const old = oldNodes.get(p)
    const parent = n.parent
    if (n.kind === 'map') {
      const parentFlow = parent?.kind === 'map' ? parent.flow : undefined
      const wantFlow =
        old?.kind === 'map'
          ? old.flow && !(old.pairs.length === 0 && n.pairs.length > 0 && parentFlow === false)
          : parentFlow ?? false
      expect(n.flow, `${at}\n${p}`).toBe(wantFlow)
      if (!n.flow && parent?.kind === 'map' && !parent.flow) expect(col(n.start) - col(parent.start), `${at}\n${p}`).toBe(step)
    }
    if (old && old.kind !== 'map' && !startsWith(keys, path) && !startsWith(path, keys)) {
      expect(n.kind, `${at}\n${p}`).toBe(old.kind)
      expect(output.slice(n.start, n.end), `${at}\n${p}`).toBe(text.slice(old.start, old.end))
    }
  }
  for (const p of oldNodes.keys()) expect(newNodes.has(p), `${at}\n${p}`).toBe(true)

  // Line breaks, the final newline and tabs are the file's own.
  if (text.includes('\r\n')) expect(output.replace(/\r\n/g, ''), at).not.toMatch(/[\r\n]/)
  else expect(output, at).not.toContain('\r')
  expect(/\n$/.test(output), at).toBe(/\n$/.test(text))
  expect(output.split('\t').length, at).toBe(text.split('\t').length)

  // The same edit again is no edit.
  const again = setPath(new EditSource(output, [after.documents[0].root]), after.documents[0].root, path, value)
  expect(again, at).toEqual([])
  return output
}

describe('--fix edits on realistic values files', () => {
  it('parse, hold the value, keep every other value, comment and style, and are idempotent', () => {
    fc.assert(
      fc.property(
        tree.map,
        style,
        fc.array(fc.tuple(fc.nat(), fc.array(key, { maxLength: 2 }), valueArb), { minLength: 1, maxLength: 3 }),
        (root, st, edits) => {
          let text = new Renderer(st).document(root)
          const paths = mapPaths(root)
          // A file without a nested block map shows no step: new maps are indented by 2.
          const step = root.entries.some(([, v]) => v.t === 'map' && !v.flow) ? st.step : 2
          for (const [pick, extra, value] of edits) text = checkEdit(text, step, [...paths[pick % paths.length], ...extra], value)
        }
      ),
      { seed: 10, numRuns: 200 }
    )
  })
})
