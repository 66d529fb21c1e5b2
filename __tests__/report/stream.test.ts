/** Streamed reports: byte for byte what the whole-string versions give, written in chunks with backpressure. */
import { EventEmitter } from 'node:events'
import { Writable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lint, Linter } from '../../src/engine/lint.js'
import { toJson, writeJson } from '../../src/report/json.js'
import { toSarif, writeSarif, type SarifOptions } from '../../src/report/sarif.js'
import { byteSink, prettyElements, writeChunked } from '../../src/report/stream.js'
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

  describe('to process.stdout (byteSink: bytes, one buffer reused)', () => {
    /**
     * A stream like stdout: one that takes a write at once copies it (into the kernel, here a copy) and calls back
     * before `write` returns; one that holds (a pipe that is full) keeps the very chunk and calls back later.
     */
    class Stdout extends Writable {
      chunks: Buffer[] = []
      /** The buffers it was given, as given (not copies). */
      given: Buffer[] = []
      constructor(private readonly hold: boolean) {
        super({ highWaterMark: 16 })
      }
      override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
        this.given.push(chunk)
        if (this.hold) {
          this.chunks.push(chunk)
          setImmediate(done)
        } else {
          this.chunks.push(Buffer.from(chunk))
          done()
        }
      }
      get bytes(): Buffer {
        return Buffer.concat(this.chunks)
      }
    }

    const awkward = ['plain ascii', 'é ≥ → …', '\u{1F600} emoji', 'lone \ud800 surrogate', '"quoted"\n', 'x'.repeat(30)]

    it('writes exactly the UTF-8 of the parts, a stream that keeps its chunks included', async () => {
      for (const hold of [false, true]) {
        const stream = new Stdout(hold)
        const sink = stream
        const parts = Array.from({ length: 60 }, (_, i) => awkward[i % awkward.length] + i)
        await writeChunked(byteSink(stream), parts, 64)
        // A held chunk's buffer is never written over: what the stream kept is what was written.
        expect(sink.bytes.toString('utf8')).toBe(Buffer.from(parts.join(''), 'utf8').toString('utf8'))
        expect(sink.bytes.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true)
        // A chunk is flushed from `size` characters on; none is larger than twice that, encoded.
        expect(sink.chunks.length).toBe(10)
        expect(Math.max(...sink.chunks.map((c) => c.length))).toBeLessThanOrEqual(3 * 2 * 64 + 4)
      }
    })

    it('reuses its buffer only when the stream let go of the last write', async () => {
      const seen = async (hold: boolean): Promise<{ buffers: number; writes: number }> => {
        const stream = new Stdout(hold)
        const sink = byteSink(stream)
        const write = sink.write
        // It waits for drain: the stream holds nothing when it is written to.
        sink.write = (chunk) => {
          expect(stream.writableLength).toBe(0)
          return write(chunk)
        }
        await writeChunked(sink, Array.from({ length: 40 }, () => 'abcdefghij'), 64)
        return { buffers: new Set(stream.given.map((c) => c.buffer)).size, writes: stream.given.length }
      }
      // A stream that takes each write at once (stdout, a file) sees one buffer; one that holds them, a new one each.
      expect(await seen(false)).toEqual({ buffers: 1, writes: 6 })
      expect(await seen(true)).toEqual({ buffers: 6, writes: 6 })
    })

    it('writes text larger than a chunk in pieces of at most twice a chunk, never inside a surrogate pair', async () => {
      const stream = new Stdout(false)
      const parts = ['head ', 'é'.repeat(150), 'a\u{1F600}'.repeat(100), ' tail']
      await writeChunked(byteSink(stream), parts, 64)
      expect(stream.bytes.toString('utf8')).toBe(parts.join(''))
      // Every chunk is whole UTF-8 on its own: no character is split between two writes.
      for (const c of stream.chunks) expect(Buffer.from(c.toString('utf8'), 'utf8').equals(c)).toBe(true)
      expect(stream.chunks.map((c) => c.length)).toEqual([251, 54, 211, 214, 75, 5])
    })

    it('writes the SARIF log and JSON report byte for byte as a string sink gets them', async () => {
      const bytes = new Stdout(true)
      await writeSarif(byteSink(bytes), result.findings, rules, options)
      expect(bytes.bytes.toString('utf8')).toBe(JSON.stringify(toSarif(result.findings, rules, options), null, 2) + '\n')
      const json = new Stdout(false)
      await writeJson(byteSink(json), result.findings)
      expect(json.bytes.toString('utf8')).toBe(toJson(result.findings))
    })
  })

  it('prints every shape a SARIF result takes as JSON.stringify does (property)', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\t', '\u0001', 'é', '≥', '\u{1F600}', '\ud800', '/') })
    const edit = fc.record({ range: fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const), text })
    const finding = fc.record(
      {
        ruleId: fc.constantFrom('proxy-run-as-root', 'values-unknown-key', 'not-a-rule'),
        severity: fc.constantFrom('error', 'warning', 'notice'),
        message: text,
        path: fc.constantFrom('values.yaml', 'dir with space/ünïcode.yaml', 'a/b%c#d.yaml'),
        line: fc.integer({ min: 1, max: 5 }),
        resource: text,
        jsonPath: text,
        fingerprint: fc.constantFrom('', '0123456789abcdef'),
        install: fc.option(text, { nil: undefined }),
        fix: fc.option(fc.array(edit, { minLength: 1, maxLength: 3 }), { nil: undefined })
      },
      { requiredKeys: ['ruleId', 'severity', 'message', 'path', 'line', 'resource', 'jsonPath', 'fingerprint'] }
    )
    const source = 'line one\nline two é\n\nline four\r\nfive\n'
    await fc.assert(
      fc.asyncProperty(fc.array(finding, { maxLength: 4 }), fc.boolean(), async (made, withSources) => {
        const findings = made.map((m) => ({
          ruleId: m.ruleId,
          messageId: 'x',
          severity: m.severity as 'error' | 'warning' | 'notice',
          message: m.message,
          path: m.path,
          span: { start: { line: m.line, column: 1 }, end: { line: m.line, column: 3 } },
          offsets: [0, 2] as const,
          resource: m.resource,
          jsonPath: m.jsonPath,
          fingerprint: m.fingerprint,
          ...(m.install !== undefined ? { install: m.install } : {}),
          ...(m.fix ? { fix: m.fix } : {})
        }))
        const o: SarifOptions = { toolVersion: '1.2.3', sources: withSources ? new Map(findings.map((f) => [f.path, source])) : undefined }
        const sink = new SlowSink()
        await writeSarif(sink, findings, rules, o)
        expect(sink.text).toBe(JSON.stringify(toSarif(findings, rules, o), null, 2) + '\n')
      }),
      { numRuns: 200 }
    )
  })
})
