/** Writing large reports in chunks, honouring backpressure, instead of building one giant string. */

/** Where streamed output goes: a Node stream (its backpressure is honoured) or anything with `write`. */
export interface ChunkSink {
  write(chunk: string): unknown
  once?(event: 'drain', listener: () => void): unknown
}

/**
 * A sink that takes bytes and has let go of them when `write` returns, unless it says it still holds some
 * (`writableLength` > 0): made by `byteSink` for process.stdout.
 */
export interface ByteSink extends ChunkSink {
  write(chunk: string | Uint8Array): unknown
  readonly writableLength: number
  readonly takesBytes: true
}

/**
 * process.stdout as a sink that gets bytes. A file is written synchronously; a pipe or terminal is written at once
 * when it can take it all (always on Linux, where they block), and otherwise keeps the chunk queued and says so
 * in `writableLength`. Other streams may keep a chunk they were given (a Writable's `_write` owns it), so only
 * this stream is used this way.
 */
export function byteSink(stream: NodeJS.WritableStream & { readonly writableLength: number }): ByteSink {
  return {
    takesBytes: true,
    write: (chunk) => stream.write(chunk),
    once: (event, listener) => stream.once(event, listener),
    get writableLength() {
      return stream.writableLength
    }
  }
}

const takesBytes = (sink: ChunkSink): sink is ByteSink => (sink as Partial<ByteSink>).takesBytes === true

/**
 * Writes text in chunks of about `size` characters as `parts` yields it, waiting for `drain` when the sink
 * asks to: a 60 MB report is never one string, nor one write. A `byteSink` gets bytes: each chunk is encoded
 * (UTF-8, as the stream would) into one buffer, reused while the stream lets go of each write when `write`
 * returns; else the next chunk gets a new one. (A new buffer per chunk was a good part of a large report's cost;
 * so is a call per small piece, hence the pieces are first joined into a chunk's text: docs/benchmarks.md.)
 */
export async function writeChunked(sink: ChunkSink, parts: Iterable<Part> | AsyncIterable<Part>, size = 1 << 15): Promise<void> {
  const bytes = takesBytes(sink) ? sink : undefined
  // A chunk's text is written at most `2 * size` characters at a time (it is flushed from `size` on, so it is
  // mostly one write); a UTF-16 code unit is at most 3 bytes of UTF-8, and 4 spare bytes keep a surrogate pair whole.
  const most = 2 * size
  const capacity = 3 * most + 4
  let buf = bytes ? Buffer.allocUnsafeSlow(capacity) : undefined
  // The text of the chunk being made, as pieces: joined once, when it is written. (Joined as they come, they
  // make an object per piece; a whole batch joined at once can make a string large enough for V8's large-object
  // space, which only a full collection frees.) Filled by index and cut to the count only when joined: emptied
  // with `length = 0` after each chunk, the array's storage was dropped and grown again, piece by piece, for the
  // next chunk (1 KB a finding of a SARIF report).
  const pending: string[] = []
  let count = 0
  let length = 0
  const send = async (chunk: string | Uint8Array): Promise<void> => {
    const more = bytes ? bytes.write(chunk) : sink.write(chunk as string)
    // Still held (a pipe that could not take it all at once): the stream owns that buffer now.
    if (bytes && bytes.writableLength > 0) buf = Buffer.allocUnsafeSlow(capacity)
    if (more === false && typeof sink.once === 'function') await new Promise<void>((resolve) => sink.once!('drain', resolve))
  }
  const flush = async (): Promise<void> => {
    if (!length) return
    if (pending.length !== count) pending.length = count
    const all = count === 1 ? pending[0] : pending.join('')
    count = 0
    length = 0
    if (!buf) return send(all)
    // Never cut inside a surrogate pair.
    for (let from = 0; from < all.length; ) {
      let to = Math.min(all.length, from + most)
      if (to < all.length && isHighSurrogate(all.charCodeAt(to - 1))) to = to - 1 > from ? to - 1 : to + 1
      const used = buf.write(from === 0 && to === all.length ? all : all.slice(from, to), 0)
      from = to
      await send(buf.subarray(0, used))
    }
  }
  for await (const part of parts) {
    const pieces = typeof part === 'string' ? [part] : part
    // Indexed: an iterator here, across an await, would make an object per piece.
    for (let i = 0; i < pieces.length; i++) {
      pending[count++] = pieces[i]
      length += pieces[i].length
      if (length >= size) await flush()
    }
  }
  await flush()
}

/** What a report yields: text, or pieces of text in order (joined once, into a chunk's text). */
export type Part = string | readonly string[]

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff

/**
 * The elements of a pretty-printed JSON array whose elements sit at `indent` spaces, joined by `,\n`, exactly as
 * `JSON.stringify(whole, null, 2)` prints them. Built a batch at a time: each batch is stringified nested in
 * `indent / 2` arrays, which indents it as the whole document would, and the brackets are cut off. Batches stay
 * small: a string over ~128 kB goes to V8's large-object space, which only a full collection frees.
 */
export function* prettyElements<T>(items: Iterable<T>, indent: number, batchSize = 32): Generator<string> {
  const depth = indent / 2
  let open = ''
  let close = ''
  for (let i = 0; i < depth; i++) {
    open += `${' '.repeat(2 * i)}[\n`
    close = `\n${' '.repeat(2 * i)}]${close}`
  }
  let batch: T[] = []
  let first = true
  const flush = (): string => {
    let nested: unknown = batch
    for (let i = 1; i < depth; i++) nested = [nested]
    const text = JSON.stringify(nested, null, 2)
    const out = (first ? '' : ',\n') + text.slice(open.length, text.length - close.length)
    first = false
    batch = []
    return out
  }
  for (const item of items) {
    batch.push(item)
    if (batch.length >= batchSize) yield flush()
  }
  if (batch.length) yield flush()
}
