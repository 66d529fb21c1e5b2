/** The catalog checks itself: every rule is well-formed, registered, documented and tested. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rules } from '../src/rules/index.js'
import { header } from '../scripts/docs.js'

const ruleFiles = readdirSync('src/rules')
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
  .map((f) => f.replace(/\.ts$/, ''))

/** Every test source, to find where messageIds and outputs are exercised. */
function testSources(dir = '__tests__'): string {
  let out = ''
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`
    if (e.isDirectory()) out += testSources(p)
    else if (e.name.endsWith('.ts')) out += readFileSync(p, 'utf8')
  }
  return out
}
const allTests = testSources()

describe('rule catalog', () => {
  it('registers every rule file, sorted by id', () => {
    const ids = rules.map((r) => r.meta.id)
    expect(ids).toEqual([...ids].sort())
    expect([...ids].sort()).toEqual([...ruleFiles].sort())
  })

  for (const rule of rules) {
    const m = rule.meta
    describe(m.id, () => {
      it('has well-formed meta', () => {
        expect(m.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
        expect(m.remediation).toMatch(/\.$/)
        expect(m.description.length).toBeGreaterThan(10)
        expect(Object.keys(m.messages).length).toBeGreaterThan(0)
        for (const [id, text] of Object.entries(m.messages)) {
          expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/)
          expect(text.trim()).toBe(text)
        }
        if (!m.builtin) expect(rule.checkObject || rule.checkValues).toBeTruthy()
      })

      it('has a docs page whose header matches the meta, with hand-written prose', () => {
        const path = `docs/rules/${m.id}.md`
        expect(existsSync(path)).toBe(true)
        const text = readFileSync(path, 'utf8')
        expect(text.startsWith(header(rule))).toBe(true)
        expect(text).not.toContain('TODO: explain the rule.')
      })

      it('uses every messageId in a test', () => {
        const own = `__tests__/rules/${m.id}.test.ts`
        const src = m.builtin || !existsSync(own) ? allTests : readFileSync(own, 'utf8')
        for (const id of Object.keys(m.messages))
          expect(src, `messageId '${id}' of ${m.id} is never asserted`).toMatch(new RegExp(`messageId: '${id}'|${m.id}/${id}\\b`))
      })

      if (!m.builtin)
        it('states a fixed output exactly when the rule is fixable', () => {
          const test = `__tests__/rules/${m.id}.test.ts`
          expect(existsSync(test)).toBe(true)
          const src = readFileSync(test, 'utf8')
          const hasOutput = /\boutput: (yaml`|'|")/.test(src)
          expect(hasOutput).toBe(m.fixable)
        })
    })
  }
})
