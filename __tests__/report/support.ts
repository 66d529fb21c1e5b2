/** Builds realistic findings on a loaded file for the reporter tests: spans and fixes from line/token, as rules produce them. */
import { readFileSync } from 'node:fs'
import { makeSourceFile, type SourceFile } from '../../src/forms/manifests.js'
import type { Finding, Severity, TextEdit } from '../../src/model/finding.js'
import { rules } from '../../src/rules/index.js'

export const VALUES_PATH = 'helm/gloo/values.yaml'

export const fixture = (name: string): string => readFileSync(new URL(`../../__fixtures__/diffs/${name}`, import.meta.url), 'utf8')

/** The PR head of helm/gloo/values.yaml (30 lines) that github-values.patch produced. */
export const valuesFile = (): SourceFile => makeSourceFile(VALUES_PATH, fixture('github-values.head.yaml'))

export const remediation = (ruleId: string): string | undefined => rules.find((r) => r.meta.id === ruleId)?.meta.remediation

/** Offset range of `token` on a 1-based line. */
export function tokenRange(file: SourceFile, line: number, token: string): [number, number] {
  const text = file.lines.lineText(line)
  const i = text.indexOf(token)
  if (i < 0) throw new Error(`'${token}' not on line ${line}: ${text}`)
  const s = file.lines.lineStart(line) + i
  return [s, s + token.length]
}

export const replaceToken = (file: SourceFile, line: number, token: string, text: string): TextEdit => ({ range: tokenRange(file, line, token), text })

/** Inserts whole lines before `line` (or at the end of the file when line is past the last). */
export function insertBefore(file: SourceFile, line: number, text: string): TextEdit {
  const at = line > file.lines.lineCount || (line === file.lines.lineCount && file.lines.lineText(line) === '') ? file.text.length : file.lines.lineStart(line)
  return { range: [at, at], text }
}

export interface FindingSpec {
  ruleId: string
  severity: Severity
  message: string
  line: number
  token: string
  /** A multi-line node: span from the token to the end of this line (exclusive end at column 1 of the next). */
  toEndOfLine?: number
  fix?: TextEdit[]
  suggestions?: { message: string; edits: TextEdit[] }[]
  jsonPath?: string
}

export function finding(file: SourceFile, s: FindingSpec): Finding {
  const [start] = tokenRange(file, s.line, s.token)
  const end = s.toEndOfLine ? file.lines.lineStart(s.toEndOfLine + 1) : start + s.token.length
  const f: Finding = {
    ruleId: s.ruleId,
    messageId: 'values',
    severity: s.severity,
    message: s.message,
    path: file.path,
    span: file.lines.spanOf(start, end),
    offsets: [start, end],
    resource: 'values:0',
    jsonPath: s.jsonPath ?? '',
    fingerprint: `${s.ruleId}-${s.line}`.replace(/[^0-9a-z-]/g, '')
  }
  if (s.fix) f.fix = s.fix
  if (s.suggestions) f.suggestions = s.suggestions
  return f
}
