import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { applyPatch, structuredPatch } from 'diff'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { parseUnifiedDiff } from '../../src/diff/parse.js'
import { makeSourceFile, type SourceFile } from '../../src/forms/manifests.js'
import type { Finding } from '../../src/model/finding.js'
import { combinedPatch, fixedText, linePatch } from '../../src/report/patch.js'
import { finding, insertBefore, replaceToken, valuesFile } from './support.js'

const values = valuesFile()
const crlf = makeSourceFile('clusters/prod/gloo values.yaml', 'gateway:\r\n  validation:\r\n    alwaysAcceptResources: true\r\n')
const unicode = makeSourceFile('clusters/stagé/values.yaml', 'settings:\n  disableKubernetesDestinations: false')
const files: ReadonlyMap<string, SourceFile> = new Map([values, crlf, unicode].map((f) => [f.path, f]))

const findings: Finding[] = [
  finding(values, {
    ruleId: 'validation-always-accept',
    severity: 'warning',
    message: 'm',
    line: 8,
    token: 'true',
    fix: [replaceToken(values, 8, 'true', 'false')]
  }),
  finding(values, {
    ruleId: 'proxy-token-automount',
    severity: 'error',
    message: 'm',
    line: 6,
    token: 'gateway',
    fix: [insertBefore(values, 7, '  proxyServiceAccount:\n    disableAutomount: true\n')]
  }),
  // Two rules that both create glooContainerSecurityContext at the end of the file: only the first is taken.
  finding(values, {
    ruleId: 'proxy-privileged',
    severity: 'error',
    message: 'm',
    line: 28,
    token: 'podTemplate',
    fix: [insertBefore(values, 31, '      glooContainerSecurityContext:\n        allowPrivilegeEscalation: false\n')]
  }),
  finding(values, {
    ruleId: 'proxy-read-only-root-fs',
    severity: 'error',
    message: 'm',
    line: 28,
    token: 'podTemplate',
    fix: [insertBefore(values, 31, '      glooContainerSecurityContext:\n        readOnlyRootFilesystem: true\n')]
  }),
  // A needs-a-human suggestion is never part of the patch.
  finding(values, {
    ruleId: 'proxy-probes',
    severity: 'warning',
    message: 'm',
    line: 16,
    token: 'false',
    suggestions: [{ message: 'Enable probes.', edits: [replaceToken(values, 16, 'false', 'true')] }]
  }),
  finding(crlf, {
    ruleId: 'validation-always-accept',
    severity: 'warning',
    message: 'm',
    line: 3,
    token: 'true',
    fix: [replaceToken(crlf, 3, 'true', 'false'), insertBefore(crlf, 4, '    allowWarnings: false\r\n')]
  }),
  finding(unicode, {
    ruleId: 'kube-destinations-enabled',
    severity: 'warning',
    message: 'm',
    line: 2,
    token: 'false',
    fix: [replaceToken(unicode, 2, 'false', 'true')]
  })
]

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A git repository holding the original files. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloo-harden-patch-'))
  dirs.push(dir)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  git('init', '-q')
  git('config', 'core.autocrlf', 'false')
  for (const f of files.values()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true })
    writeFileSync(join(dir, f.path), f.text)
  }
  return dir
}

describe('combinedPatch', () => {
  const patch = combinedPatch(files, findings)

  it('passes `git apply --check` and applies to exactly the fixed texts', () => {
    const dir = repo()
    writeFileSync(join(dir, 'fixes.patch'), patch)
    execFileSync('git', ['apply', '--check', 'fixes.patch'], { cwd: dir, stdio: 'pipe' })
    execFileSync('git', ['apply', 'fixes.patch'], { cwd: dir, stdio: 'pipe' })
    expect(readFileSync(join(dir, values.path), 'utf8')).toBe(fixedText(values, findings).text)
    expect(readFileSync(join(dir, crlf.path), 'utf8')).toBe('gateway:\r\n  validation:\r\n    alwaysAcceptResources: false\r\n    allowWarnings: false\r\n')
    expect(readFileSync(join(dir, unicode.path), 'utf8')).toBe('settings:\n  disableKubernetesDestinations: true')
  })

  it('is the golden patch: a/ b/ prefixes, git quoting, whole fixes only, most severe first', () => {
    expect(patch).toBe(
      [
        'diff --git a/clusters/prod/gloo values.yaml b/clusters/prod/gloo values.yaml',
        '--- a/clusters/prod/gloo values.yaml',
        '+++ b/clusters/prod/gloo values.yaml',
        '@@ -1,3 +1,4 @@',
        ' gateway:\r',
        '   validation:\r',
        '-    alwaysAcceptResources: true\r',
        '+    alwaysAcceptResources: false\r',
        '+    allowWarnings: false\r',
        'diff --git "a/clusters/stag\\303\\251/values.yaml" "b/clusters/stag\\303\\251/values.yaml"',
        '--- "a/clusters/stag\\303\\251/values.yaml"',
        '+++ "b/clusters/stag\\303\\251/values.yaml"',
        '@@ -1,2 +1,2 @@',
        ' settings:',
        '-  disableKubernetesDestinations: false',
        '\\ No newline at end of file',
        '+  disableKubernetesDestinations: true',
        '\\ No newline at end of file',
        'diff --git a/helm/gloo/values.yaml b/helm/gloo/values.yaml',
        '--- a/helm/gloo/values.yaml',
        '+++ b/helm/gloo/values.yaml',
        '@@ -4,8 +4,10 @@',
        '   invalidConfigPolicy:',
        '     replaceInvalidRoutes: true',
        ' gateway:',
        '+  proxyServiceAccount:',
        '+    disableAutomount: true',
        '   validation:',
        '-    alwaysAcceptResources: true',
        '+    alwaysAcceptResources: false',
        '     allowWarnings: true',
        ' gatewayProxies:',
        '   gatewayProxy:',
        '@@ -28,3 +30,5 @@',
        '     podTemplate:',
        '       disableNetBind: false',
        '       runUnprivileged: false',
        '+      glooContainerSecurityContext:',
        '+        allowPrivilegeEscalation: false',
        ''
      ].join('\n')
    )
  })

  it('reads back with our own diff parser, keyed by the real paths', () => {
    expect([...parseUnifiedDiff(patch).keys()]).toEqual(['clusters/prod/gloo values.yaml', 'clusters/stagé/values.yaml', 'helm/gloo/values.yaml'])
  })

  it('reports which fixes were left for a second --fix pass', () => {
    const r = fixedText(values, findings)
    expect(r.applied.map((f) => f.ruleId)).toEqual(['proxy-token-automount', 'proxy-privileged', 'validation-always-accept'])
    expect(r.skipped.map((f) => f.ruleId)).toEqual(['proxy-read-only-root-fs'])
  })

  it('is empty without fixes, and ignores files it was not given', () => {
    expect(combinedPatch(files, [])).toBe('')
    const stray = { ...findings[0], path: 'not/loaded.yaml' }
    expect(combinedPatch(files, [stray])).toBe('')
  })
})

describe('linePatch', () => {
  /** A text's lines from a few that repeat (as keys of many proxies do), LF or CRLF, with or without a final line break. */
  const text = fc
    .tuple(
      fc.array(fc.constantFrom('gatewayProxies:', '  gw:', '    probes: true', '    replicas: 2', '  x: 1', '', '# note'), { maxLength: 60, size: 'max' }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean()
    )
    .map(([lines, eol, feed]) => lines.join(eol) + (feed && lines.length ? eol : ''))
  /** The text with lines inserted, removed and replaced, and its final line feed dropped or added, at random. */
  const changed = (a: string) =>
    fc.tuple(fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 2 }), line: fc.constantFrom('    probes: false', '  new: 1', '') }), { maxLength: 8 }), fc.boolean()).map(([edits, flip]) => {
      const lines = a.split('\n')
      for (const e of edits) {
        const i = e.at % (lines.length + 1)
        if (e.kind === 0) lines.splice(i, 0, e.line)
        else if (e.kind === 1) lines.splice(i, 1)
        else lines[i] = e.line
      }
      const b = lines.join('\n')
      return flip ? (b.endsWith('\n') ? b.slice(0, -1) : `${b}\n`) : b
    })

  it('region by region, a patch that turns the old text into the new one, its hunks in order', () => {
    fc.assert(
      fc.property(text.chain((a) => fc.tuple(fc.constant(a), changed(a))), ([a, b]) => {
        const p = linePatch('a/values.yaml', 'b/values.yaml', a, b, 3, 0)
        expect(applyPatch(a, p)).toBe(b)
        for (let i = 1; i < p.hunks.length; i++) expect(p.hunks[i].oldStart).toBeGreaterThan(p.hunks[i - 1].oldStart + p.hunks[i - 1].oldLines)
        // Under the size it is jsdiff's own.
        expect(linePatch('a/values.yaml', 'b/values.yaml', a, b)).toEqual(structuredPatch('a/values.yaml', 'b/values.yaml', a, b, undefined, undefined, { context: 3 }))
      }),
      { numRuns: 3000 }
    )
  })

  it('gives jsdiff\'s patch for a values file of 400 proxies and what --fix makes of it, region by region', () => {
    const proxy = (i: number) =>
      `  gw${i}:\n    podTemplate:\n      probes: false\n      httpPort: 8080\n      resources:\n        requests:\n          cpu: 500m\n          memory: 256Mi\n        limits:\n          cpu: '2'\n          memory: 1Gi\n    antiAffinity: false\n`
    const a = `gatewayProxies:\n${Array.from({ length: 400 }, (_, i) => proxy(i)).join('')}`
    const b = a.replace(/probes: false/g, 'probes: true').replace(/(antiAffinity: false\n)/g, '$1    disableCoreDumps: true\n')
    const whole = structuredPatch('a/values.yaml', 'b/values.yaml', a, b, undefined, undefined, { context: 3 })
    expect(linePatch('a/values.yaml', 'b/values.yaml', a, b)).toEqual(whole)
    // A hunk per proxy's probes, joined with the previous proxy's insertion three lines before it.
    expect(whole.hunks).toHaveLength(401)
  })
})
