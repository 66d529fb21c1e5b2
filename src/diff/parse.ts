/** Unified-diff parsing: hunks with their new-side line ranges and added lines, from GitHub patches or `git diff`. */

export interface Hunk {
  /** 1-based; for an empty side (`-0,0`) the line before the hunk, as diff writes it. */
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
  /** New-side line numbers (1-based) of '+' lines. */
  added: number[]
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/** Splits on LF only (git's line separator) and drops the CR of a CRLF-encoded patch. */
function splitLines(text: string): string[] {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1)
  return lines
}

/**
 * Reads one hunk starting at the header `lines[i]`; returns it and the index after its body. The body is
 * consumed by the header's counts, not by line prefixes: a removed line `-- x` reads `--- x`, and a context
 * line whose single space a tool trimmed reads as an empty line.
 */
function readHunk(lines: string[], i: number): { hunk: Hunk; next: number } | undefined {
  const m = HUNK_HEADER.exec(lines[i])
  if (!m) return undefined
  const hunk: Hunk = {
    oldStart: Number(m[1]),
    oldLines: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newLines: m[4] === undefined ? 1 : Number(m[4]),
    added: []
  }
  let oldLeft = hunk.oldLines
  let newLeft = hunk.newLines
  let newLine = hunk.newStart
  let j = i + 1
  while (j < lines.length && (oldLeft > 0 || newLeft > 0)) {
    const line = lines[j]
    const c = line[0]
    if (c === '+') {
      hunk.added.push(newLine++)
      newLeft--
    } else if (c === '-') {
      oldLeft--
    } else if (c === ' ' || line === '') {
      // A trailing empty string from the final newline is not a context line: stop if the counts say so.
      if (line === '' && j === lines.length - 1) break
      newLine++
      oldLeft--
      newLeft--
    } else if (c === '\\') {
      // "\ No newline at end of file" belongs to the previous line and counts for neither side.
    } else break
    j++
  }
  // The marker may also follow the hunk's last line.
  while (j < lines.length && lines[j].startsWith('\\')) j++
  return { hunk, next: j }
}

/** Parses GitHub's `files[].patch` (hunks only, no file headers). */
export function parsePatch(patch: string): Hunk[] {
  const lines = splitLines(patch)
  const hunks: Hunk[] = []
  let i = 0
  while (i < lines.length) {
    const r = readHunk(lines, i)
    if (r) {
      hunks.push(r.hunk)
      i = r.next
    } else i++
  }
  return hunks
}

/** Decodes a C-quoted git path (`"a/t\303\251st"`); octal escapes are UTF-8 bytes. */
function unquote(s: string): string {
  if (!s.startsWith('"')) return s
  const bytes: number[] = []
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 }
  for (let i = 1; i < s.length; i++) {
    const c = s[i]
    if (c === '"') break
    if (c === '\\') {
      const n = s[i + 1]
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8))
        i += 3
      } else {
        bytes.push(simple[n] ?? n.charCodeAt(0))
        i += 1
      }
    } else for (const b of new TextEncoder().encode(c)) bytes.push(b)
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** The path of a `---`/`+++` line: quoted or up to the tab git and diff put before a timestamp. */
function headerPath(rest: string): string {
  if (rest.startsWith('"')) {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(rest)
    return unquote(m ? m[0] : rest)
  }
  const tab = rest.indexOf('\t')
  return tab >= 0 ? rest.slice(0, tab) : rest.replace(/\s+$/, '')
}

/** Strips git's one-letter prefix (`b/`, or `w/`, `i/` … with diff.mnemonicPrefix) when the header used prefixes. */
function stripPrefix(path: string, prefixed: boolean): string {
  return prefixed ? path.replace(/^[a-z]\//, '') : path
}

/** The new path from `diff --git <old> <new>` when no `+++` or `rename to` line says it (binary, mode-only). */
function gitHeaderNewPath(rest: string): { path: string; prefixed: boolean } {
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "')
    const p = unquote(rest.slice(start + 1))
    return { path: p, prefixed: /^[a-z]\//.test(p) }
  }
  // Unquoted names may contain spaces; git writes the same name twice, so split where both halves agree.
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== ' ') continue
    const a = rest.slice(0, i)
    const b = rest.slice(i + 1)
    if (/^[a-z]\//.test(a) && /^[a-z]\//.test(b) && a.slice(2) === b.slice(2)) return { path: b, prefixed: true }
    if (a === b) return { path: b, prefixed: false }
  }
  const k = rest.lastIndexOf(' b/')
  return k >= 0 ? { path: rest.slice(k + 1), prefixed: true } : { path: rest.slice(rest.lastIndexOf(' ') + 1), prefixed: false }
}

/**
 * Parses `git diff` output (or any unified diff with `---`/`+++` headers) into hunks keyed by the new path.
 * Deleted files have no new path and are left out; renames, mode changes and binary files appear with no hunks.
 */
export function parseUnifiedDiff(diff: string): Map<string, Hunk[]> {
  const lines = splitLines(diff)
  const out = new Map<string, Hunk[]>()
  let current: Hunk[] | undefined
  // State of the `diff --git` section being read.
  let git: { newPath?: string; prefixed: boolean; deleted: boolean } | undefined
  const open = (path: string): Hunk[] => {
    const hunks = out.get(path) ?? []
    out.set(path, hunks)
    return hunks
  }
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (line.startsWith('diff --git ')) {
      const h = gitHeaderNewPath(line.slice('diff --git '.length))
      git = { newPath: stripPrefix(h.path, h.prefixed), prefixed: h.prefixed, deleted: false }
      current = undefined
      i++
      // Extended headers up to the first `---` or hunk.
      while (i < lines.length && !lines[i].startsWith('--- ') && !lines[i].startsWith('@@') && !lines[i].startsWith('diff ')) {
        const x = lines[i]
        if (x.startsWith('deleted file mode')) git.deleted = true
        else if (x.startsWith('rename to ')) git.newPath = unquote(x.slice('rename to '.length))
        else if (x.startsWith('copy to ')) git.newPath = unquote(x.slice('copy to '.length))
        i++
      }
      if (!git.deleted && git.newPath !== undefined) current = open(git.newPath)
      continue
    }
    if (line.startsWith('--- ') && i + 1 < lines.length && lines[i + 1].startsWith('+++ ')) {
      const oldPath = headerPath(line.slice(4))
      const newPath = headerPath(lines[i + 1].slice(4))
      i += 2
      if (newPath === '/dev/null') {
        current = undefined
        if (git) git.deleted = true
        continue
      }
      // Without a `diff --git` line, strip the prefix only when both sides carry one (`diff -u a/x b/x`).
      const prefixed = git ? git.prefixed : /^[a-z]\//.test(newPath) && (oldPath === '/dev/null' || /^[a-z]\//.test(oldPath))
      const path = stripPrefix(newPath, prefixed)
      if (git?.newPath !== undefined && git.newPath !== path && out.get(git.newPath)?.length === 0) out.delete(git.newPath)
      current = open(path)
      continue
    }
    if (line.startsWith('@@ ') && current) {
      const r = readHunk(lines, i)
      if (r) {
        current.push(r.hunk)
        i = r.next
        continue
      }
    }
    i++
  }
  return out
}
