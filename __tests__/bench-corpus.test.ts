/**
 * The benchmark's twin corpora (scripts/bench-corpus.ts): the hardened values have no findings, and their twins
 * with debt differ only in the settings turned back, so that the time between them is the findings' alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lint } from '../src/engine/lint.js'
import { generateDebtCorpus, generateHardenedCorpus } from '../scripts/bench-corpus.js'

const tmp = mkdtempSync(join(tmpdir(), 'gloo-harden-twins-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const read = (dir: string): { path: string; text: string }[] =>
  readdirSync(dir)
    .sort()
    .map((team) => ({ path: `${team}/values.yaml`, text: readFileSync(join(dir, team, 'values.yaml'), 'utf8') }))

describe('the twin corpora of the per-finding benchmark', () => {
  const calm = generateHardenedCorpus(join(tmp, 'calm'), 3, 5)
  const debt = generateDebtCorpus(join(tmp, 'debt'), 3, 5)
  const calmFiles = read(join(tmp, 'calm'))
  const debtFiles = read(join(tmp, 'debt'))

  it('are the same files, line for line, but for the settings turned back', () => {
    expect(debt.files).toBe(calm.files)
    expect(Math.abs(debt.bytes - calm.bytes)).toBeLessThan(100 * calm.files)
    for (const [i, { text }] of calmFiles.entries()) {
      const a = text.split('\n')
      const b = debtFiles[i].text.split('\n')
      expect(b.length).toBe(a.length)
      const changed = a.flatMap((line, n) => (line === b[n] ? [] : [`${line.trim()} → ${b[n].trim()}`]))
      const proxies = (text.match(/^ {4}kind:$/gm) ?? []).length
      expect(proxies).toBeGreaterThan(5)
      // Nine install settings, and per proxy: replicas, probes, liveness probe, graceful shutdown, anti-affinity, core dumps.
      expect(changed.length).toBe(9 + 6 * proxies)
      expect(new Set(changed.map((c) => c.replace(/: \d+ → /, ': N → ')))).toEqual(
        new Set([
          'enabled: true → enabled: false',
          'enableRestrictedContainerDefaults: true → enableRestrictedContainerDefaults: false',
          'replaceInvalidRoutes: true → replaceInvalidRoutes: false',
          'headerSecretRefNsMatchesUs: true → headerSecretRefNsMatchesUs: false',
          'alwaysAcceptResources: false → alwaysAcceptResources: true',
          'allowWarnings: false → allowWarnings: true',
          'failurePolicy: Fail → failurePolicy: Ignore',
          'disableAutomount: true → disableAutomount: false',
          'enabled: false → enabled: true',
          'replicas: N → replicas: 1',
          'probes: true → probes: false',
          'livenessProbeEnabled: true → livenessProbeEnabled: false',
          'antiAffinity: true → antiAffinity: false',
          'disableCoreDumps: true → disableCoreDumps: false'
        ])
      )
    }
  })

  it('give no findings hardened, and a known set with debt', () => {
    expect(lint(calmFiles).findings).toEqual([])
    const byRule: Record<string, number> = {}
    for (const f of lint(debtFiles).findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1
    const proxies = calmFiles.reduce((n, { text }) => n + (text.match(/^ {4}kind:$/gm) ?? []).length, 0)
    const installs = calmFiles.length
    expect(byRule).toEqual({
      'control-plane-xds-mtls': installs,
      'discovery-enabled': installs,
      'header-secret-namespace': installs,
      'invalid-routes-not-replaced': installs,
      'proxy-token-automount': installs,
      'validation-allow-warnings': installs,
      'validation-always-accept': installs,
      'validation-failure-policy': installs,
      'proxy-core-dumps': proxies,
      'proxy-graceful-shutdown': proxies,
      'proxy-probes': 2 * proxies,
      'proxy-seccomp': proxies,
      'proxy-single-replica': proxies
    })
  })
})
