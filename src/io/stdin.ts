/** Standard input as one more file (`gloo-harden -`): the same size limit and decoding as a file from disk. */
import { decode, type RepoFile } from './files.js'

/** The name findings on standard input are reported under without `--stdin-filename` (ESLint: `<text>`). */
export const STDIN_NAME = '<stdin>'

/** The paths on the command line that mean standard input: `-`, and `/dev/stdin` (read as a stream, not a file). */
export const isStdinPath = (p: string): boolean => p === '-' || p === '/dev/stdin'

/**
 * Reads standard input into a file named `path`. Reading stops once it exceeds max-file-size, and the file is
 * then skipped, as an oversize file on disk is (a `file-skipped` notice); so is one that is binary or not valid
 * UTF-8 (UTF-16 with a BOM is decoded, as from disk).
 */
export async function readStdin(stream: AsyncIterable<Buffer | string | Uint8Array> | undefined, path: string, opts: { maxFileSize: number }): Promise<RepoFile> {
  const chunks: Buffer[] = []
  let size = 0
  if (stream)
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)
      chunks.push(bytes)
      size += bytes.length
      // Stop reading: the writer gets EPIPE, as from a reader that went away.
      if (size > opts.maxFileSize) return { path, text: '', skipped: `it is more than max-file-size (${opts.maxFileSize} bytes)` }
    }
  const decoded = decode(Buffer.concat(chunks, size))
  if ('skipped' in decoded) return { path, text: '', skipped: decoded.skipped }
  const file: RepoFile = { path, text: decoded.text }
  if (decoded.encoding !== 'utf-8') file.encoding = decoded.encoding
  return file
}
