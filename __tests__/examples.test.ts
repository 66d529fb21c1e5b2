/** The shipped examples: what the README's first command reports, and `--fix` followed by a clean second run. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.js'
import { lint } from '../src/engine/lint.js'
import { parseDocuments } from '../src/yaml/tree.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloo-harden-examples-'))
  cpSync('examples', join(dir, 'examples'), { recursive: true })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { cwd: dir, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } })
  return { code, out, err }
}

const json = async (...argv: string[]) => JSON.parse((await cli('--format', 'json', '--fail-on', 'never', ...argv)).out) as { findings: { ruleId: string; path: string; fingerprint: string; fix?: unknown; suggestions?: unknown[]; severity: string }[] }

describe('examples/', () => {
  it('reports errors, so the README command exits 1', async () => {
    const r = await cli('examples/')
    expect(r.code).toBe(1)
    expect(r.err).toBe('')
    const perFile = new Map<string, Set<string>>()
    for (const f of (await json('examples/')).findings) perFile.set(f.path, (perFile.get(f.path) ?? new Set()).add(f.ruleId))
    // What each example is there to show.
    expect([...perFile.get('examples/rendered/gateway-proxy.yaml')!]).toEqual(expect.arrayContaining(['proxy-net-bind', 'proxy-read-only-root-fs', 'proxy-token-automount']))
    expect([...perFile.get('examples/routing/petstore.yaml')!]).toEqual(['kube-destination-in-use'])
    expect([...perFile.get('examples/values/gloo-values.yaml')!]).toEqual(expect.arrayContaining(['proxy-net-bind', 'proxy-token-automount', 'validation-always-accept']))
    expect(perFile.get('examples/values/gloo-ee-values.yaml')?.has('values-unknown-key') ?? false).toBe(false)
  })

  it('--fix, then a second run reports none of the fixed findings, and every file still parses', async () => {
    const before = (await json('examples/')).findings
    const fixed = before.filter((f) => f.fix)
    expect(fixed.length).toBeGreaterThan(10)
    const r = await cli('--fix', 'examples/')
    expect(r.err).toBe('')
    const after = (await json('examples/')).findings
    const gone = new Set(fixed.map((f) => f.fingerprint))
    expect(after.filter((f) => gone.has(f.fingerprint)).map((f) => `${f.path} ${f.ruleId}`)).toEqual([])
    // Removing NET_BIND_SERVICE is safe only for an install declared complete (catalog: proxy-net-bind fix column):
    // the examples declare none, so those errors stay for a human, with a suggestion. So does the rendered proxy's
    // writable root filesystem (catalog: proxy-read-only-root-fs fix column, `suggest`).
    expect(after.filter((f) => f.severity === 'error').map((f) => `${f.path} ${f.ruleId}`)).toEqual([
      'examples/rendered/gateway-proxy.yaml proxy-net-bind',
      'examples/rendered/gateway-proxy.yaml proxy-read-only-root-fs',
      'examples/values/gloo-values.yaml proxy-net-bind'
    ])
    expect(after.filter((f) => f.severity === 'error').every((f) => !f.fix && (f.suggestions?.length ?? 0) > 0)).toBe(true)
    for (const f of new Set(before.map((x) => x.path))) expect(parseDocuments(readFileSync(join(dir, f), 'utf8')).error, f).toBeUndefined()
  })

  it('keeps the Argo CD values string a valid literal block after fixes land inside it', async () => {
    await cli('--fix', 'examples/gitops/argocd-application.yaml')
    const text = readFileSync(join(dir, 'examples/gitops/argocd-application.yaml'), 'utf8')
    const r = lint([{ path: 'a.yaml', text }])
    expect(r.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'input-unresolved')).toEqual([])
    expect(text).toContain('      values: |\n        gateway:\n          proxyServiceAccount:\n            disableAutomount: true\n')
  })
})
