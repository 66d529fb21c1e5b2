/** Streamed reports: byte for byte what the whole-string versions give, written in chunks with backpressure. */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { lint, Linter } from '../../src/engine/lint.js'
import { toJson, writeJson } from '../../src/report/json.js'
import { toSarif, writeSarif } from '../../src/report/sarif.js'
import { prettyElements, writeChunked } from '../../src/report/stream.js'
import { rules } from '../../src/rules/index.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A sink that says "full" after every write and drains on the next tick, as a piped stdout does. */
class SlowSink extends EventEmitter {
  chunks: string[] = []
  write(chunk: string): boolean {
    this.chunks.push(chunk)
    setImmediate(() => this.emit('drain'))
    return false
  }
  get text(): string {
    return this.chunks.join('')
  }
}

const files = [
  {
    path: 'values.yaml',
    text: yaml`
      gateway:
        validation:
          alwaysAcceptResources: true
        proxyServiceAccount:
          disableAutomount: false
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            probes: false
    `
  },
  { path: 'dir with space/ünïcode.yaml', text: 'apiVersion: gloo.solo.io/v1\nkind: Settings\nmetadata:\n  name: "x\\ty"\nspec:\n  gateway:\n    validation:\n      alwaysAccept: true\n' }
]

describe('streamed reports', () => {
  // Enough findings for several batches of elements.
  const result = lint([...files, ...[1, 2, 3].map((i) => ({ ...files[0], path: `team-${i}/values.yaml` }))])
  const options = { toolVersion: '1.2.3', sources: new Map([...result.files].map(([p, f]) => [p, f.text])) }

  it('writes the SARIF log exactly as JSON.stringify would, in small chunks', async () => {
    expect(result.findings.length).toBeGreaterThan(32)
    const sink = new SlowSink()
    await writeChunked(sink, ['a'], 1)
    await writeSarif(sink, result.findings, rules, options)
    expect(sink.text).toBe('a' + JSON.stringify(toSarif(result.findings, rules, options), null, 2) + '\n')
  })

  it('writes the same log from batches as they come, with line starts instead of texts', async () => {
    // As a streamed run makes them: file by file, some batches empty, positions from line starts alone.
    const linter = new Linter()
    for (const f of [...files, ...[1, 2, 3].map((i) => ({ ...files[0], path: `team-${i}/values.yaml` }))].sort((a, b) => (a.path < b.path ? -1 : 1))) linter.add(f)
    const perFile = [...linter.eachFile()]
    expect(perFile.flatMap((x) => x.findings)).toEqual(result.findings)
    const lineStarts = new Map(perFile.map(({ file }) => [file.path, { starts: file.lines.starts, length: file.text.length }]))
    async function* batches() {
      yield []
      for (const { findings } of perFile) {
        await new Promise((resolve) => setImmediate(resolve))
        yield findings
      }
    }
    const sink = new SlowSink()
    await writeSarif(sink, batches(), rules, { toolVersion: '1.2.3', lineStarts })
    expect(sink.text).toBe(JSON.stringify(toSarif(result.findings, rules, options), null, 2) + '\n')
    expect(sink.text).toContain('"deletedRegion"')
    const none = new SlowSink()
    await writeSarif(none, (async function* () { yield [] })(), rules, options)
    expect(none.text).toBe(JSON.stringify(toSarif([], rules, options), null, 2) + '\n')
  })

  it('writes an empty SARIF log and an empty JSON report', async () => {
    const sarif = new SlowSink()
    await writeSarif(sarif, [], rules, options)
    expect(sarif.text).toBe(JSON.stringify(toSarif([], rules, options), null, 2) + '\n')
    const json = new SlowSink()
    await writeJson(json, [])
    expect(json.text).toBe(toJson([]))
  })

  it('writes the JSON report exactly as toJson', async () => {
    const sink = new SlowSink()
    await writeJson(sink, result.findings)
    expect(sink.text).toBe(toJson(result.findings))
  })

  it('waits for drain before writing on, and never holds more than a chunk', async () => {
    const sink = new SlowSink()
    const parts = Array.from({ length: 100 }, (_, i) => `${i}`.padStart(10, '.'))
    let pending = 0
    sink.on('drain', () => pending--)
    const write = sink.write.bind(sink)
    sink.write = (chunk: string) => {
      expect(pending).toBe(0)
      pending++
      return write(chunk)
    }
    await writeChunked(sink, parts, 64)
    expect(sink.text).toBe(parts.join(''))
    expect(Math.max(...sink.chunks.map((c) => c.length))).toBeLessThan(64 + 10)
  })

  it('prints array elements as the enclosing document would indent them', () => {
    const items = [{ a: [1, { b: 'x' }] }, 'text', [], {}, null]
    for (const indent of [2, 4, 8]) {
      let nested: unknown = items
      for (let i = 1; i < indent / 2; i++) nested = [nested]
      const whole = JSON.stringify(nested, null, 2)
      const inner = whole.slice(whole.lastIndexOf('[\n', whole.indexOf('{')) + 2, whole.indexOf(`\n${' '.repeat(indent - 2)}]`))
      expect([...prettyElements(items, indent, 2)].join('')).toBe(inner)
    }
  })
})
