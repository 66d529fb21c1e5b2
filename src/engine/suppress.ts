/**
 * Suppressions (catalog section 5): `# gloo-harden-ignore rule-a, rule-b: reason` on the finding's line or on
 * its own line just above, and the `gloo-harden.io/ignore: "rule-a,rule-b"` annotation on an object.
 */
import type { LineIndex } from '../yaml/position.js'

export const IGNORE_ANNOTATION = 'gloo-harden.io/ignore'

export interface CommentSuppression {
  rule: string
  reason: string
  /** 1-based line of the comment, and the lines it covers. */
  line: number
  column: number
  covers: number[]
  /** Offsets of the rule id inside the comment (to point a stale-suppression notice at). */
  start: number
  end: number
  used: boolean
}

const COMMENT = /#\s*gloo-harden-ignore\s+([a-z0-9][a-z0-9, -]*?)\s*(?::\s*(.*?))?\s*$/

/** Scans a file's comments for suppressions. A comment alone on its line covers the next line too. */
export function scanComments(text: string, lines: LineIndex): CommentSuppression[] {
  if (!text.includes('gloo-harden-ignore')) return []
  const out: CommentSuppression[] = []
  for (let line = 1; line <= lines.lineCount; line++) {
    const t = lines.lineText(line)
    const hash = t.indexOf('gloo-harden-ignore')
    if (hash < 0) continue
    const m = COMMENT.exec(t)
    if (!m) continue
    const ownLine = t.trimStart().startsWith('#')
    const idsAt = t.indexOf(m[1], m.index)
    let offsetInLine = idsAt
    for (const id of m[1].split(',')) {
      const rule = id.trim()
      const at = t.indexOf(rule, offsetInLine)
      offsetInLine = at + rule.length
      if (!rule) continue
      out.push({
        rule,
        reason: (m[2] ?? '').trim(),
        line,
        column: at + 1,
        covers: ownLine ? [line + 1] : [line],
        start: lines.lineStart(line) + at,
        end: lines.lineStart(line) + at + rule.length,
        used: false
      })
    }
  }
  return out
}

/** Rule ids listed in an annotation value (comma or space separated). */
export const parseAnnotation = (value: string): string[] =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
