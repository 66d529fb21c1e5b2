/** The edit engine: minimal text edits that set, insert and remove values without re-serialising YAML. */
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { EditSource, insertInto, removePair, removeSeqItem, replaceScalar, setPath, type YamlValue } from '../../src/yaml/edits.js'
import { findPair, getNode } from '../../src/yaml/query.js'
import { parseDocuments, type MapNode, type ScalarNode, type SeqNode, type YamlNode } from '../../src/yaml/tree.js'
import { applyEdits } from '../../src/model/edit.js'
import type { TextEdit } from '../../src/model/finding.js'
import { yaml } from '../../__fixtures__/yaml.js'

function source(text: string, doc = 0): { src: EditSource; root: YamlNode | null } {
  const r = parseDocuments(text)
  expect(r.error).toBeUndefined()
  return { src: new EditSource(text, r.documents.map((d) => d.root)), root: r.documents[doc].root }
}

function apply(text: string, edits: TextEdit[] | TextEdit | null): string {
  expect(edits).not.toBeNull()
  const { output, skipped } = applyEdits(text, Array.isArray(edits) ? edits : [edits!])
  expect(skipped).toEqual([])
  expect(parseDocuments(output).error).toBeUndefined()
  return output
}

/** setPath + applyEdits; also checks that the output holds the value at the path. */
function set(text: string, path: string[], value: YamlValue, doc = 0): string {
  const { src, root } = source(text, doc)
  const out = apply(text, setPath(src, root, path, value))
  // `json: true`: duplicate keys are allowed, the last one wins (as in Helm).
  let v = load(out.split(/^---$/m)[doc] ?? out, { json: true }) as unknown
  for (const k of path) v = (v as Record<string, unknown>)[k]
  expect(v).toEqual(loaded(value))
  return out
}

/** What a YamlValue reads back as. */
const loaded = (value: YamlValue): unknown =>
  typeof value === 'string' ? load(value) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, loaded(v)]))

const setNull = (text: string, path: string[], value: YamlValue): TextEdit[] | null => {
  const { src, root } = source(text)
  return setPath(src, root, path, value)
}

describe('setPath: a value that is present', () => {
  it('replaces a quoted scalar, quotes included', () => {
    const text = yaml`
      gateway:
        validation:
          alwaysAcceptResources: "true"   # was quoted
    `
    expect(set(text, ['gateway', 'validation', 'alwaysAcceptResources'], 'false')).toBe(yaml`
      gateway:
        validation:
          alwaysAcceptResources: false   # was quoted
    `)
  })

  it('returns no edit when the plain value is already there', () => {
    expect(setNull('a:\n  b: true\n', ['a', 'b'], 'true')).toEqual([])
  })

  it('replaces a block scalar but keeps the line break after it', () => {
    const text = 'a:\n  b: |\n    old\n    text\n  c: 1\n'
    expect(set(text, ['a', 'b'], 'new')).toBe('a:\n  b: new\n  c: 1\n')
  })

  it('fills an empty value with a separating space', () => {
    expect(set('a:\n  b:\nc: 1\n', ['a', 'b'], '2')).toBe('a:\n  b: 2\nc: 1\n')
  })

  it('writes into the last of duplicate keys, the one Helm keeps', () => {
    expect(set('a: 1\nb: 2\na: 3\n', ['a'], '4')).toBe('a: 1\nb: 2\na: 4\n')
  })

  it('does not replace a tagged scalar (the tag would stay in front)', () => {
    expect(setNull('a: !!str yes\n', ['a'], 'true')).toBeNull()
  })

  it('refuses to replace a collection with a scalar', () => {
    expect(setNull('a:\n  b: 1\n', ['a'], 'true')).toBeNull()
  })

  it('merges a map value into an existing map', () => {
    const text = 'podDisruptionBudget:\n  minAvailable: 1\n'
    expect(set(text, ['podDisruptionBudget'], { minAvailable: '1', maxUnavailable: '1' })).toBe(
      'podDisruptionBudget:\n  minAvailable: 1\n  maxUnavailable: 1\n'
    )
  })
})

describe('setPath: a missing path', () => {
  it('inserts under the nearest existing ancestor, creating intermediate maps (2-space file)', () => {
    const text = yaml`
      gateway:
        validation:
          enabled: true
      settings:
        writeNamespace: gloo-system
    `
    expect(set(text, ['gateway', 'proxyServiceAccount', 'disableAutomount'], 'true')).toBe(yaml`
      gateway:
        validation:
          enabled: true
        proxyServiceAccount:
          disableAutomount: true
      settings:
        writeNamespace: gloo-system
    `)
  })

  it("uses the file's own indentation (4-space file)", () => {
    const text = 'gatewayProxies:\n    gatewayProxy:\n        kind:\n            deployment:\n                replicas: 1\n'
    expect(set(text, ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes'], 'true')).toBe(
      'gatewayProxies:\n    gatewayProxy:\n        kind:\n            deployment:\n                replicas: 1\n        podTemplate:\n            probes: true\n'
    )
  })

  it('inserts at the root when nothing of the path exists', () => {
    expect(set('settings:\n  create: true\n', ['discovery', 'enabled'], 'false')).toBe('settings:\n  create: true\ndiscovery:\n  enabled: false\n')
  })

  it('inserts at column 1 in a file with a byte-order mark', () => {
    expect(set('\ufeffsettings:\n  create: true\n', ['discovery', 'enabled'], 'false')).toBe('\ufeffsettings:\n  create: true\ndiscovery:\n  enabled: false\n')
  })

  it('inserts into flow maps: `{}` and `{a: 1}`, keeping a trailing comma and a comment', () => {
    expect(set('{}\n', ['gateway', 'enabled'], 'true')).toBe('{gateway: {enabled: true}}\n')
    expect(set('{ }\n', ['enabled'], 'true')).toBe('{enabled: true }\n')
    expect(set('a: {b: {}}\n', ['a', 'b', 'c'], '1')).toBe('a: {b: {c: 1}}\n')
    expect(set('gateway: {a: 1}\n', ['gateway', 'b'], '2')).toBe('gateway: {a: 1, b: 2}\n')
    expect(set('gateway: {a: 1,}\n', ['gateway', 'b'], '2')).toBe('gateway: {a: 1, b: 2,}\n')
    expect(set('gateway: {\n    a: 1 # one\n  }\n', ['gateway', 'b'], '2')).toBe('gateway: {\n    a: 1, b: 2 # one\n  }\n')
    expect(set('gateway: {a: {x: 1}}\n', ['gateway', 'a', 'w'], '2')).toBe('gateway: {a: {x: 1, w: 2}}\n')
  })

  it('fills `key:` and `key: ~` / `key: null` with a nested block', () => {
    expect(set('gateway:\nsettings: {}\n', ['gateway', 'validation', 'enabled'], 'true')).toBe(
      'gateway:\n  validation:\n    enabled: true\nsettings: {}\n'
    )
    expect(set('gateway: ~\n', ['gateway', 'enabled'], 'true')).toBe('gateway:\n  enabled: true\n')
    expect(set('gateway: null   # set later\nx: 1\n', ['gateway', 'enabled'], 'true')).toBe('gateway:   # set later\n  enabled: true\nx: 1\n')
    expect(set('gateway:   # set later\n', ['gateway', 'enabled'], 'true')).toBe('gateway:   # set later\n  enabled: true\n')
    expect(set('a: {gateway: null}\n', ['a', 'gateway', 'enabled'], 'true')).toBe('a: {gateway: {enabled: true}}\n')
    expect(set('a: {gateway: }\n', ['a', 'gateway', 'enabled'], 'true')).toBe('a: {gateway: {enabled: true} }\n')
    expect(set('a:\n', ['a'], { b: 'true' })).toBe('a:\n  b: true\n')
  })

  it('does not fill a tagged null or a non-null scalar', () => {
    expect(setNull('gateway: !!null\n', ['gateway', 'enabled'], 'true')).toBeNull()
    expect(setNull('gateway: off\n', ['gateway', 'enabled'], 'true')).toBeNull()
  })

  it('inserts inside `- name: x` sequence-item maps', () => {
    const text = yaml`
      containers:
      - name: envoy
        image: envoy:1
      - name: sds
    `
    const { src, root } = source(text)
    const item = getNode(root, ['containers', 0]) as MapNode
    expect(apply(text, setPath(src, item, ['securityContext', 'readOnlyRootFilesystem'], 'true'))).toBe(yaml`
      containers:
      - name: envoy
        image: envoy:1
        securityContext:
          readOnlyRootFilesystem: true
      - name: sds
    `)
    const last = getNode(root, ['containers', 1]) as MapNode
    expect(apply(text, setPath(src, last, ['image'], 'sds:1'))).toBe(text + '  image: sds:1\n')
  })

  it('keeps CRLF line endings', () => {
    const text = 'gateway:\r\n  validation:\r\n    enabled: true\r\nsettings: {}\r\n'
    expect(set(text, ['gateway', 'validation', 'alwaysAcceptResources'], 'false')).toBe(
      'gateway:\r\n  validation:\r\n    enabled: true\r\n    alwaysAcceptResources: false\r\nsettings: {}\r\n'
    )
    expect(set('gateway: ~\r\n', ['gateway', 'a', 'b'], '1')).toBe('gateway:\r\n  a:\r\n    b: 1\r\n')
  })

  it('keeps lone-CR line endings', () => {
    expect(set('a:\r  b: 1\r', ['a', 'c'], '2')).toBe('a:\r  b: 1\r  c: 2\r')
  })

  it('keeps a file without a final newline without one', () => {
    expect(set('a:\n  b: 1', ['a', 'c'], '2')).toBe('a:\n  b: 1\n  c: 2')
    expect(set('a: 1', ['b', 'c'], '2')).toBe('a: 1\nb:\n  c: 2')
    expect(set('a: ~', ['a', 'c'], '2')).toBe('a:\n  c: 2')
  })

  it('leaves comments after the last key where they are', () => {
    const text = yaml`
      gateway:
        validation:
          enabled: true
        # the proxy service account is managed elsewhere
      # end of gateway
    `
    expect(set(text, ['gateway', 'validation', 'allowWarnings'], 'false')).toBe(yaml`
      gateway:
        validation:
          enabled: true
          allowWarnings: false
        # the proxy service account is managed elsewhere
      # end of gateway
    `)
  })

  it('inserts after a block scalar that is the last value', () => {
    const text = 'settings:\n  script: |\n    echo hi\n\n    echo bye\n\nnext: 1\n'
    expect(set(text, ['settings', 'create'], 'false')).toBe('settings:\n  script: |\n    echo hi\n\n    echo bye\n  create: false\n\nnext: 1\n')
  })

  it('inserts after the blank lines a keeping block scalar (`|+`) owns', () => {
    const text = 'settings:\n  script: |+\n    echo hi\n\n\nnext: 1\n'
    const out = set(text, ['settings', 'create'], 'false')
    expect(out).toBe('settings:\n  script: |+\n    echo hi\n\n\n  create: false\nnext: 1\n')
    expect((load(out) as { settings: { script: string } }).settings.script).toBe('echo hi\n\n\n')
  })

  it('writes into the requested document of a multi-document file', () => {
    const text = 'a: 1\n---\nb:\n  c: 1\n---\nd: 1\n'
    const { src, root } = source(text, 1)
    expect(apply(text, setPath(src, root, ['b', 'e'], '2'))).toBe('a: 1\n---\nb:\n  c: 1\n  e: 2\n---\nd: 1\n')
  })

  it('quotes keys that YAML would read as something else', () => {
    expect(set('a: {x: 1}\n', ['a', 'on'], '1')).toBe('a: {x: 1, "on": 1}\n')
    expect(set('a: {}\n', ['a', 'y'], '1')).toBe('a:\n  "y": 1\n')
    expect(set('a:\n  x: 1\n', ['a', 'my key', '8080'], '1')).toBe('a:\n  x: 1\n  "my key":\n    "8080": 1\n')
  })

  it("indents to the map's own column when its first key carries an anchor, a tag or `?`", () => {
    expect(set('gateway:\n  &v validation: {}\n', ['gateway', 'enabled'], 'true')).toBe('gateway:\n  &v validation: {}\n  enabled: true\n')
    expect(set('!!str apiVersion: v1\nkind: Settings\n', ['spec', 'a'], '1')).toBe('!!str apiVersion: v1\nkind: Settings\nspec:\n  a: 1\n')
    expect(set('? complex\n: 1\n', ['b'], '2')).toBe('? complex\n: 1\nb: 2\n')
  })

  it('keeps a comment on the header line of a replaced block scalar', () => {
    expect(set('a: |  # why\n  text\nb: 1\n', ['a'], 'false')).toBe('a: false  # why\nb: 1\n')
  })

  it('refuses an explicit key without a value indicator (nowhere to write the value)', () => {
    expect(setNull('? gatewayProxies\n', ['gatewayProxies', 'gatewayProxy'], '{}')).toBeNull()
    expect(setNull('? gatewayProxies\n', ['gatewayProxies'], 'true')).toBeNull()
    expect(setNull('a: {b}\n', ['a', 'b'], 'true')).toBeNull()
  })

  it('returns null when there is no root map or the path runs through a sequence or a scalar', () => {
    expect(setNull('- a\n', ['a'], '1')).toBeNull()
    expect(setNull('a: [1]\n', ['a', 'b'], '1')).toBeNull()
    expect(setNull('a: text\n', ['a', 'b'], '1')).toBeNull()
    expect(setNull('a: 1\n', [], '1')).toBeNull()
  })
})

describe('setPath: fix quality (the style and comments of the file are kept)', () => {
  const inItem = (text: string, path: (string | number)[], key: string[], value: YamlValue): string => {
    const { src, root } = source(text)
    return apply(text, setPath(src, getNode(root, path), key, value))
  }

  it('writes into `key: {}` of a block map in block style, never as a flow map', () => {
    expect(set('gloo-ee:\n  license_key: x\nsettings: {}\n', ['settings', 'create'], 'true')).toBe(
      'gloo-ee:\n  license_key: x\nsettings:\n  create: true\n'
    )
    expect(set('gateway: {}\nb: 1\n', ['gateway', 'validation', 'enabled'], 'true')).toBe('gateway:\n  validation:\n    enabled: true\nb: 1\n')
    expect(set('a:\n  b: {}\n', ['a', 'b'], { c: '1', d: { e: '2' } })).toBe('a:\n  b:\n    c: 1\n    d:\n      e: 2\n')
    // `{ }`, a comment after it, an anchor or a tag before it: the comment and the properties stay on the key.
    expect(set('a:\n  b: { }\n', ['a', 'b', 'c'], '1')).toBe('a:\n  b:\n    c: 1\n')
    expect(set('a:\n  b: {}   # filled by --fix\nz: 1\n', ['a', 'b', 'c'], '1')).toBe('a:\n  b:   # filled by --fix\n    c: 1\nz: 1\n')
    expect(set('a:\n  b: &q {}\n  d: *q\n', ['a', 'b', 'c'], '1')).toBe('a:\n  b: &q\n    c: 1\n  d: *q\n')
    expect(set('a:\n  b: !!map {}\n', ['a', 'b', 'c'], '1')).toBe('a:\n  b: !!map\n    c: 1\n')
    // The file's step (4) and a `- key: {}` item map (indented from its first key, not from the dash).
    expect(set('a:\n    b: 1\n    c: {}\n', ['a', 'c', 'd'], '1')).toBe('a:\n    b: 1\n    c:\n        d: 1\n')
    expect(inItem('l:\n- name: envoy\n  securityContext: {}\n', ['l', 0], ['securityContext', 'runAsNonRoot'], 'true')).toBe(
      'l:\n- name: envoy\n  securityContext:\n    runAsNonRoot: true\n'
    )
    // At the end of a file without a final line break.
    expect(set('a: {}', ['a', 'b'], '1')).toBe('a:\n  b: 1')
  })

  it('keeps a flow map flow: with entries, inside a flow map, as a sequence item, or with a comment inside', () => {
    expect(set('a:\n  b: {c: 1}\n', ['a', 'b', 'd'], { e: '2' })).toBe('a:\n  b: {c: 1, d: {e: 2}}\n')
    expect(set('a: {b: {}}\n', ['a', 'b', 'c'], '1')).toBe('a: {b: {c: 1}}\n')
    expect(set('a: {b: ~}\n', ['a', 'b', 'c'], '1')).toBe('a: {b: {c: 1}}\n')
    expect(inItem('l:\n- {}\n', ['l', 0], ['c'], '1')).toBe('l:\n- {c: 1}\n')
    expect(inItem('l: [{}]\n', ['l', 0], ['c'], '1')).toBe('l: [{c: 1}]\n')
    expect(set('a: { # later\n  }\n', ['a', 'c'], '1')).toBe('a: {c: 1 # later\n  }\n')
  })

  it('a map value written into a block map is a block, whatever the depth', () => {
    expect(set('a:\n  b: 1\n', ['a', 'c'], { d: { e: { f: '1' } }, g: '2' })).toBe('a:\n  b: 1\n  c:\n    d:\n      e:\n        f: 1\n    g: 2\n')
    expect(set('a:\n  b: ~\n', ['a', 'b', 'c'], { d: { e: '1' } })).toBe('a:\n  b:\n    c:\n      d:\n        e: 1\n')
  })

  it('inserting after the last key never lands between a comment and the key it documents', () => {
    // A comment block at the end of a nested map documents the next (outdented) key: it stays right above it.
    const text = yaml`
      gateway:
        validation:
          # webhook on
          enabled: true   # default
        # the proxies
      # the settings, written below
      settings:
        create: true
    `
    expect(set(text, ['gateway', 'validation', 'allowWarnings'], 'false')).toBe(yaml`
      gateway:
        validation:
          # webhook on
          enabled: true   # default
          allowWarnings: false
        # the proxies
      # the settings, written below
      settings:
        create: true
    `)
    expect(set(text, ['gateway', 'proxyServiceAccount', 'disableAutomount'], 'true')).toBe(yaml`
      gateway:
        validation:
          # webhook on
          enabled: true   # default
        proxyServiceAccount:
          disableAutomount: true
        # the proxies
      # the settings, written below
      settings:
        create: true
    `)
    // At the root: after the last key, before the comments that end the file.
    expect(set('a: 1\n# b is set by the chart\n\n# end\n', ['b'], '2')).toBe('a: 1\nb: 2\n# b is set by the chart\n\n# end\n')
  })

  it('filling `key:` keeps the comment below it above the key it documents', () => {
    expect(set('a:\n  b:\n  # about c\n  c: 1\n', ['a', 'b', 'x'], '1')).toBe('a:\n  b:\n    x: 1\n  # about c\n  c: 1\n')
    expect(set('a:\n  b: null # later\n# about c\nc: 1\n', ['a', 'b', 'x'], '1')).toBe('a:\n  b: # later\n    x: 1\n# about c\nc: 1\n')
    expect(set('a:\n  b: {}\n  # about c\n  c: 1\n', ['a', 'b', 'x'], '1')).toBe('a:\n  b:\n    x: 1\n  # about c\n  c: 1\n')
  })

  it('never splits a multi-line value', () => {
    const cases: [string, string][] = [
      ['a:\n  b: plain text\n    continued\nc: 1\n', 'a:\n  b: plain text\n    continued\n  d: 1\nc: 1\n'],
      ['a:\n  b: "quoted\n    continued"  # c\nc: 1\n', 'a:\n  b: "quoted\n    continued"  # c\n  d: 1\nc: 1\n'],
      ["a:\n  b: 'single\n\n    para'\nc: 1\n", "a:\n  b: 'single\n\n    para'\n  d: 1\nc: 1\n"],
      ['a:\n  b: [x,\n    y]\nc: 1\n', 'a:\n  b: [x,\n    y]\n  d: 1\nc: 1\n'],
      ['a:\n  b: {x: 1,\n    y: 2}\nc: 1\n', 'a:\n  b: {x: 1,\n    y: 2}\n  d: 1\nc: 1\n'],
      ['a:\n  b: >-\n    folded\n\n      more\n\n  # about c\nc: 1\n', 'a:\n  b: >-\n    folded\n\n      more\n  d: 1\n\n  # about c\nc: 1\n'],
      ['a:\n  l:\n  - |\n    x\n  - y\nc: 1\n', 'a:\n  l:\n  - |\n    x\n  - y\n  d: 1\nc: 1\n']
    ]
    for (const [text, want] of cases) expect(set(text, ['a', 'd'], '1')).toBe(want)
    // Into a flow map whose last value spans lines: after that value, not inside it.
    expect(set('a: {x: "one\n  two"\n  }\n', ['a', 'z'], '1')).toBe('a: {x: "one\n  two", z: 1\n  }\n')
  })

  it('keeps CRLF everywhere, and never writes a tab', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n')
    expect(set(crlf('a:\n  b: {}  # x\n'), ['a', 'b', 'c'], { d: '1' })).toBe(crlf('a:\n  b:  # x\n    c:\n      d: 1\n'))
    expect(set(crlf('a:\n  b: null\nz: 1\n'), ['a', 'b', 'c'], '1')).toBe(crlf('a:\n  b:\n    c: 1\nz: 1\n'))
    expect(set(crlf('a:\n  b: |\n    x\n  # c\n'), ['a', 'd'], '1')).toBe(crlf('a:\n  b: |\n    x\n  d: 1\n  # c\n'))
    expect(set(crlf('a:\n  b: 1'), ['a', 'c'], { d: '2' })).toBe(crlf('a:\n  b: 1\n  c:\n    d: 2'))
    // A tab before a comment or a null is left alone or removed with the null, never copied into new lines.
    expect(set('a:\n  b:\tnull\t# x\n', ['a', 'b', 'c'], '1')).toBe('a:\n  b:\t# x\n    c: 1\n')
    expect(set('a:\t# x\n  b: 1\n', ['a', 'c'], '1')).toBe('a:\t# x\n  b: 1\n  c: 1\n')
  })

  it('returns no edit when the same text is already there (a second run changes nothing)', () => {
    expect(setNull('a: "x y"\n', ['a'], '"x y"')).toEqual([])
    expect(setNull("a: 'on'\n", ['a'], "'on'")).toEqual([])
    expect(setNull('a:\n  b: 1\n', ['a'], { b: '1' })).toEqual([])
    expect(setNull('a: "1"\n', ['a'], '1')).toEqual([{ range: [3, 6], text: '1' }])
  })
})

describe('setPath: aliases and merge keys', () => {
  const text = yaml`
    defaults: &d
      podTemplate:
        probes: false
    gatewayProxies:
      gatewayProxy: *d
      publicGw:
        <<: *d
        replicas: 2
  `

  it('does not edit through an alias (the anchor is shared)', () => {
    expect(setNull(text, ['gatewayProxies', 'gatewayProxy', 'podTemplate', 'probes'], 'true')).toBeNull()
  })

  it('replaces an alias that is the value itself', () => {
    expect(set(text, ['gatewayProxies', 'gatewayProxy'], '{}')).toContain('  gatewayProxy: {}\n')
  })

  it('overrides a merged key with an explicit one, but never hides a merged map', () => {
    expect(set(text, ['gatewayProxies', 'publicGw', 'podTemplate'], '{probes: true}')).toContain('    replicas: 2\n    podTemplate: {probes: true}\n')
    expect(setNull(text, ['gatewayProxies', 'publicGw', 'podTemplate', 'probes'], 'true')).toBeNull()
  })
})

describe('insertInto and replaceScalar', () => {
  it('inserts several entries in one edit, in order', () => {
    const text = 'a:\n  b: 1\n'
    const { src, root } = source(text)
    const edits = insertInto(src, getNode(root, ['a']) as MapNode, [
      ['c', '2'],
      ['d', { e: '3' }]
    ])
    expect(apply(text, edits)).toBe('a:\n  b: 1\n  c: 2\n  d:\n    e: 3\n')
  })

  it('replaces exactly the scalar', () => {
    const text = "a: 'x' # c\n"
    const { root } = source(text)
    expect(replaceScalar(getNode(root, ['a']) as ScalarNode, 'y')).toEqual({ range: [3, 6], text: 'y' })
  })
})

describe('removePair', () => {
  const pairOf = (root: YamlNode | null, path: string[]) => {
    const map = getNode(root, path.slice(0, -1)) as MapNode
    return { map, pair: findPair(map, path[path.length - 1])! }
  }
  const remove = (text: string, path: string[]) => {
    const { src, root } = source(text)
    const { map, pair } = pairOf(root, path)
    return removePair(src, map, pair)
  }

  it('removes a block pair with all its lines', () => {
    const text = 'a:\n  b:\n    c: 1\n    d: |\n      x\n  e: 2\n'
    expect(apply(text, remove(text, ['a', 'b']))).toBe('a:\n  e: 2\n')
    expect(apply(text, remove(text, ['a', 'e']))).toBe('a:\n  b:\n    c: 1\n    d: |\n      x\n')
    expect(apply(text, remove(text, ['a', 'b', 'd']))).toBe('a:\n  b:\n    c: 1\n  e: 2\n')
  })

  it('removes an empty-valued pair and keeps CRLF', () => {
    const text = 'a:\r\n  b:\r\n  c: 1\r\n'
    expect(apply(text, remove(text, ['a', 'b']))).toBe('a:\r\n  c: 1\r\n')
  })

  it('removes a flow pair with its comma', () => {
    const text = 'a: {x: 1, y: 2, z: 3}\n'
    expect(apply(text, remove(text, ['a', 'x']))).toBe('a: {y: 2, z: 3}\n')
    expect(apply(text, remove(text, ['a', 'y']))).toBe('a: {x: 1, z: 3}\n')
    expect(apply(text, remove(text, ['a', 'z']))).toBe('a: {x: 1, y: 2}\n')
    expect(apply('a: {x: 1}\n', remove('a: {x: 1}\n', ['a', 'x']))).toBe('a: {}\n')
  })

  it('refuses the first key of a `- key:` item (the dash would go with it)', () => {
    const text = 'l:\n- name: a\n  v: 1\n'
    const { src, root } = source(text)
    const item = getNode(root, ['l', 0]) as MapNode
    expect(removePair(src, item, findPair(item, 'name')!)).toBeNull()
    expect(apply(text, removePair(src, item, findPair(item, 'v')!))).toBe('l:\n- name: a\n')
  })
})

describe('removeSeqItem', () => {
  const remove = (text: string, path: (string | number)[], index: number) => {
    const { src, root } = source(text)
    return removeSeqItem(src, getNode(root, path) as SeqNode, index)
  }

  it('removes a block item with its lines', () => {
    const text = 'add:\n- NET_BIND_SERVICE\n- name: x\n  v: 1\n- SYS_TIME\n'
    expect(apply(text, remove(text, ['add'], 0))).toBe('add:\n- name: x\n  v: 1\n- SYS_TIME\n')
    expect(apply(text, remove(text, ['add'], 1))).toBe('add:\n- NET_BIND_SERVICE\n- SYS_TIME\n')
    expect(apply(text, remove(text, ['add'], 2))).toBe('add:\n- NET_BIND_SERVICE\n- name: x\n  v: 1\n')
  })

  it('finds the dash past an anchor name with a hyphen', () => {
    const text = 'l:\n- &my-anchor a\n- b\n'
    expect(apply(text, remove(text, ['l'], 0))).toBe('l:\n- b\n')
  })

  it('removes a flow item with its comma', () => {
    const text = 'drop: [NET_RAW, ALL, SYS_TIME]\n'
    expect(apply(text, remove(text, ['drop'], 0))).toBe('drop: [ALL, SYS_TIME]\n')
    expect(apply(text, remove(text, ['drop'], 1))).toBe('drop: [NET_RAW, SYS_TIME]\n')
    expect(apply(text, remove(text, ['drop'], 2))).toBe('drop: [NET_RAW, ALL]\n')
  })

  it('returns null for the only item and for an index out of range', () => {
    expect(remove('a:\n- x\n', ['a'], 0)).toBeNull()
    expect(remove('a: [x, y]\n', ['a'], 5)).toBeNull()
  })
})

describe('EditSource', () => {
  it("learns the file's indentation step from its first nested block map", () => {
    expect(source('a: 1\nb:\n    c: 1\n').src.indentStep).toBe(4)
    expect(source('l:\n- a:\n    b: 1\n').src.indentStep).toBe(2)
    expect(source('a: {b: {c: 1}}\n').src.indentStep).toBe(2)
  })
})
