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
export async function writeChunked(sink: ChunkSink, parts: Iterable<string>, size = 1 << 16): Promise<void> {
  let buffer = ''
  const flush = async (): Promise<void> => {
    const chunk = buffer
    buffer = ''
    if (sink.write(chunk) === false && typeof sink.once === 'function') await new Promise<void>((resolve) => sink.once!('drain', resolve))
  }
  for (const part of parts) {
    buffer += part
    if (buffer.length >= size) await flush()
  }
  if (buffer) await flush()
}

/** Every line of a pretty-printed value, indented by `pad` (as JSON.stringify indents an array element). */
export const indentJson = (value: unknown, pad: string): string => pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`)
