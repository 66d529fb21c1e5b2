/** Writing large reports in chunks, honouring backpressure, instead of building one giant string. */

/** Where streamed output goes: a Node stream (its backpressure is honoured) or anything with `write`. */
export interface ChunkSink {
  write(chunk: string): unknown
  once?(event: 'drain', listener: () => void): unknown
}

/**
 * Writes text in chunks of about `size` characters as `parts` yields it, waiting for `drain` when the sink
 * asks to: a 60 MB report is never one string, nor one write.
 */
export async function writeChunked(sink: ChunkSink, parts: Iterable<string> | AsyncIterable<string>, size = 1 << 16): Promise<void> {
  let buffer = ''
  const flush = async (): Promise<void> => {
    const chunk = buffer
    buffer = ''
    if (sink.write(chunk) === false && typeof sink.once === 'function') await new Promise<void>((resolve) => sink.once!('drain', resolve))
  }
  for await (const part of parts) {
    buffer += part
    if (buffer.length >= size) await flush()
  }
  if (buffer) await flush()
}

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
