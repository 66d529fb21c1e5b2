// `npm run build`, after ncc: every non-ASCII character of the CLI bundle written as a \uXXXX escape. One such
// character (a `→` in a message) makes V8 hold the whole bundle as a two-byte string, which Node decodes, hashes
// and compiles more slowly at every start (3 ms of a one-file CLI run; docs/benchmarks.md). The escapes mean the
// same in comments, strings, templates, regular expressions and identifiers, but not in a String.raw template:
// the script stops if one holds such a character. The action's start-up is no target: its bundle stays as built.
import { readFileSync, writeFileSync } from 'node:fs'

for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8')
  for (const m of text.matchAll(/String\.raw`[^`]*`/g))
    if (/[^\x00-\x7f]/.test(m[0])) throw new Error(`${path}: a String.raw template would see the escapes: ${m[0].slice(0, 80)}`)
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (ascii !== text) writeFileSync(path, ascii)
}
