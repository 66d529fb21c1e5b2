/**
 * An ESLint-style RuleTester: tables of YAML with exact messageId, line and column, and for fixable rules the
 * exact fixed output. Every fix is checked by applying it as `--fix` does (overlapping fixes in later passes):
 * no fix is rejected, the output parses, and every finding that had a fix is gone.
 */
import { describe, expect, it } from 'vitest'
import { defaultConfig, type Config } from '../src/engine/config.js'
import { fixFiles } from '../src/engine/fix.js'
import { lint, type LintFile } from '../src/engine/lint.js'
import { parseDocuments } from '../src/yaml/tree.js'
import { applyEdits } from '../src/model/edit.js'
import type { Finding, Severity } from '../src/model/finding.js'
import type { Rule } from '../src/rules/types.js'

export interface ExpectedError {
  messageId: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  severity?: Severity
  /** Substring the message must contain. */
  message?: string
}

export interface ValidCase {
  name?: string
  code: string
  /** Path of the file under test (default `values.yaml`). */
  path?: string
  /** Other files of the same run (cross-document rules). */
  context?: LintFile[]
  glooVersion?: string
  /** Recognition decides whether the file is Gloo (default: it is declared Gloo values, `inputs.gloo`). */
  undeclared?: boolean
  /** The file is the one layer of an install declared `complete: true` (fixes that need a complete install apply). */
  complete?: boolean
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[]
  /** The file after applying every fix; null when no problem carries a fix. Required for fixable rules. */
  output?: string | null
}

/** The file under test is declared Gloo values (`inputs.gloo`): recognition by evidence has its own tests. */
export function testConfig(c: ValidCase): Config {
  if (c.complete) return { ...defaultConfig(), glooVersion: c.glooVersion, installs: [{ name: 'test', values: [c.path ?? 'values.yaml'], complete: true }] }
  return { ...defaultConfig(), glooVersion: c.glooVersion, ...(c.undeclared ? {} : { inputs: { gloo: [c.path ?? 'values.yaml'], ignore: [] } }) }
}

export function runLint(rule: Rule, c: ValidCase): Finding[] {
  const config = testConfig(c)
  const path = c.path ?? 'values.yaml'
  const files: LintFile[] = [{ path, text: c.code }, ...(c.context ?? []).map((f) => ({ ...f, report: false }))]
  return lint(files, { config, rules: [rule] }).findings.filter((f) => f.path === path)
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const [i, c] of cases.valid.entries())
        it(c.name ?? `valid #${i + 1}`, () => {
          const findings = runLint(rule, c)
          expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId} ${f.message}`)).toEqual([])
        })
    })
    describe('invalid', () => {
      for (const [i, c] of cases.invalid.entries())
        it(c.name ?? `invalid #${i + 1}`, () => {
          const findings = runLint(rule, c)
          expect(findings.filter((f) => f.ruleId !== rule.meta.id).map((f) => f.message)).toEqual([])
          const got = findings.map((f) => {
            const e: ExpectedError = { messageId: f.messageId, line: f.span.start.line, column: f.span.start.column }
            return e
          })
          expect(got).toEqual(c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column })))
          c.errors.forEach((e, k) => {
            const f = findings[k]
            if (e.endLine !== undefined) expect(f.span.end.line).toBe(e.endLine)
            if (e.endColumn !== undefined) expect(f.span.end.column).toBe(e.endColumn)
            if (e.severity) expect(f.severity).toBe(e.severity)
            if (e.message) expect(f.message).toContain(e.message)
          })
          const edits = findings.flatMap((f) => f.fix ?? [])
          if (c.output === undefined) {
            if (rule.meta.fixable && edits.length) throw new Error('a fixable rule case must state `output`')
            return
          }
          if (c.output === null) {
            expect(edits).toEqual([])
            return
          }
          // What --fix writes: fixes that overlap an earlier one are applied in a later pass, on fresh offsets.
          const config = testConfig(c)
          const path = c.path ?? 'values.yaml'
          const files: LintFile[] = [{ path, text: c.code }, ...(c.context ?? []).map((f) => ({ ...f, report: false }))]
          const result = fixFiles(files, { config, rules: [rule] })
          expect(result.rejected.map((r) => r.reason)).toEqual([])
          const output = result.outputs.get(path) ?? c.code
          expect(output).toBe(c.output)
          // The fixed file still parses, and every finding that had a fix is gone.
          expect(parseDocuments(output).error).toBeUndefined()
          const again = runLint(rule, { ...c, code: output })
          const fixed = new Set(findings.filter((f) => f.fix).map((f) => f.fingerprint))
          expect(again.filter((f) => fixed.has(f.fingerprint)).map((f) => f.message)).toEqual([])
        })
    })
  })
}

/**
 * The file after applying the first suggestion of every finding of the rule at once (overlapping ones skipped), as
 * a reviewer accepting them all would get it: for rules whose edits are only suggestions (catalog fix class `suggest`).
 */
export function applySuggestions(rule: Rule, c: ValidCase): string {
  const edits = runLint(rule, c).flatMap((f) => f.suggestions?.[0]?.edits ?? [])
  return applyEdits(c.code, edits).output
}
