/** Chart knowledge as data: the generated schema is current, and chart.ts answers key, version, default and "did you mean" questions. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA_DIR, OUTPUT, readChartFiles, renderSchema } from '../../scripts/chart-schema.js'
import {
  COVERED_VERSIONS,
  TEMPLATE_ONLY_KEYS,
  chartDefault,
  coveredMinorFor,
  distanceWithin,
  editDistance,
  firstVersionWithKey,
  isAccepted,
  keyInfo,
  lastVersionWithKey,
  suggestKey,
  suggestKeyAt,
  type KeyInfo
} from '../../src/gloo/chart.js'
import { CHART_KEYS } from '../../src/gloo/chart-schema.generated.js'
import { parseVersion } from '../../src/gloo/version.js'

const v = (raw: string | undefined) => (raw === undefined ? undefined : parseVersion(raw)!)
const path = (dotted: string) => dotted.split('.')
const generated = fileURLToPath(new URL(`../../${OUTPUT}`, import.meta.url))

describe('the generated schema', () => {
  const dataDir = process.env.GLOO_CHART_DATA ?? DEFAULT_DATA_DIR
  if (!existsSync(dataDir)) it.skip(`skipped: chart data not found at ${dataDir}`, () => {})
  else
    it('equals a fresh generation from the chart data', () => {
      expect(readFileSync(generated, 'utf8')).toBe(renderSchema(readChartFiles(dataDir)))
    })

  it('stays small enough to bundle', () => {
    expect(statSync(generated).size).toBeLessThan(300_000)
  })

  it('covers the newest patch of each minor 1.6 … 1.22, oldest first', () => {
    expect(COVERED_VERSIONS).toEqual([
      '1.6.38', '1.7.23', '1.8.37', '1.9.30', '1.10.47', '1.11.59', '1.12.59', '1.13.39', '1.14.32', '1.15.36', '1.16.27',
      '1.17.38', '1.18.41', '1.19.20', '1.20.22', '1.21.13', '1.22.1'
    ])
  })

  it('does not list the template-only keys (else TEMPLATE_ONLY_KEYS should drop them)', () => {
    for (const { path: p } of TEMPLATE_ONLY_KEYS) expect(Object.hasOwn(CHART_KEYS, p)).toBe(false)
  })
})

describe('coveredMinorFor', () => {
  it.each([
    ['1.5.0', { index: 0, version: '1.6.38', exact: false, fallback: 'below' }],
    ['0.20.1', { index: 0, version: '1.6.38', exact: false, fallback: 'below' }],
    ['1.6.0', { index: 0, version: '1.6.38', exact: false }],
    ['1.17.3', { index: 11, version: '1.17.38', exact: false }],
    ['1.17.38', { index: 11, version: '1.17.38', exact: true }],
    ['1.17.0-beta13', { index: 11, version: '1.17.38', exact: false }],
    ['v1.10.2', { index: 4, version: '1.10.47', exact: false }],
    ['1.22.1', { index: 16, version: '1.22.1', exact: true }],
    ['1.23.0', { index: 16, version: '1.22.1', exact: false, fallback: 'above' }],
    ['2.0.0', { index: 16, version: '1.22.1', exact: false, fallback: 'above' }],
    [undefined, { index: 16, version: '1.22.1', exact: false, fallback: 'unknown' }]
  ] as const)('%s → %o', (raw, want) => {
    expect(coveredMinorFor(v(raw))).toEqual(want)
  })
})

describe('keyInfo', () => {
  it.each<[string, string | undefined, KeyInfo]>([
    // The catalog's §4.3 facts, at the covered version of each minor.
    ['gatewayProxies.publicGw.podTemplate.livenessProbeEnabled', '1.11.0', { known: false }],
    ['gatewayProxies.publicGw.podTemplate.livenessProbeEnabled', '1.12.0', { known: true, type: 'bool' }],
    ['gloo.headerSecretRefNsMatchesUs', '1.13.4', { known: false }],
    ['gloo.headerSecretRefNsMatchesUs', '1.14.13', { known: true, type: 'bool' }],
    ['gatewayProxies.gatewayProxy.kind.workloadType', '1.21.3', { known: false }],
    ['gatewayProxies.gatewayProxy.kind.workloadType', '1.22.0', { known: true, type: 'string' }],
    ['gatewayProxies.gatewayProxy.kind.workloadType', undefined, { known: true, type: 'string' }],
    ['gateway.validation.failurePolicy', '1.5.0', { known: true, type: 'string' }],
    // Objects, maps of objects, lists of objects: proxy names become `*`, list indexes `[]`.
    ['gatewayProxies', '1.17.3', { known: true, type: 'map', items: 'object' }],
    ['gatewayProxies.anyName', '1.17.3', { known: true, type: 'object' }],
    ['gatewayProxies.anyName.kind.deployment.replicas', '1.17.3', { known: true, type: 'int' }],
    ['gatewayProxies.anyName.podTemplate.runAsUser', '1.17.3', { known: true, type: 'float' }],
    ['global.configMaps', '1.17.3', { known: true, type: 'list', items: 'object' }],
    ['global.configMaps.0.name', '1.17.3', { known: true, type: 'string' }],
    ['global.configMaps.[1].name', '1.17.3', { known: true, type: 'string' }],
    ['global.configMaps.name', '1.17.3', { known: false }],
    ['global.configMaps.0.nme', '1.17.3', { known: false }],
    // Free-form values: keys below them are accepted, keys the data lists still known.
    ['gatewayProxies.x.kubeResourceOverride', '1.17.3', { known: true, type: 'any', free: true }],
    ['gatewayProxies.x.kubeResourceOverride.spec.template.spec.hostNetwork', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.affinity.podAntiAffinity', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.affinity', '1.8.0', { known: true, type: 'list', items: 'any', free: true }],
    ['gatewayProxies.x.affinity.0', '1.8.0', { known: false, parentFree: true }],
    ['gatewayProxies.x.affinity', '1.6.0', { known: false }],
    ['gatewayProxies.x.podTemplate.resources', '1.17.3', { known: true, type: 'object' }],
    ['gatewayProxies.x.podTemplate.resources.limits.cpu', '1.17.3', { known: true, type: 'string' }],
    ['gatewayProxies.x.podTemplate.resources.limits', '1.17.3', { known: true, type: 'object', free: true }],
    ['gatewayProxies.x.podTemplate.resources.limits.ephemeral-storage', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.podTemplate.resources.requests.nvidia.com/gpu', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.podTemplate.resources.limit', '1.17.3', { known: false }],
    ['gatewayProxies.x.podTemplate.tolerations', '1.17.3', { known: true, type: 'list', items: 'k8s:Toleration', free: true }],
    ['gatewayProxies.x.podTemplate.tolerations.0.key', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.podTemplate.nodeSelector.zone', '1.17.3', { known: false, parentFree: true }],
    ['gloo.deployment.glooContainerSecurityContext', '1.17.3', { known: true, type: 'k8s:SecurityContext', free: true }],
    ['gloo.deployment.glooContainerSecurityContext.mergePolicy', '1.17.3', { known: true, type: 'string' }],
    ['gloo.deployment.glooContainerSecurityContext.runAsNonRoot', '1.17.3', { known: false, parentFree: true }],
    ['gatewayProxies.x.gatewaySettings.options', '1.6.0', { known: true, type: 'ext:github.com/solo-io/gloo/projects/gloo/pkg/api/v1.GatewayOptions', free: true }],
    // Unknown keys: misplaced, misspelt, or below a leaf.
    ['gatewayProxies.x.deployment.replicas', '1.17.3', { known: false }],
    ['settings.watchNamespace', '1.17.3', { known: false }],
    ['gateway.validation.failurePolicy.extra', '1.17.3', { known: false }],
    ['kind.workloadType', '1.22.0', { known: false }],
    ['constructor', '1.17.3', { known: false }],
    ['__proto__.x', '1.17.3', { known: false }],
    ['gloo.*', '1.17.3', { known: false }],
    // Template-only keys (chart-data README, "Known gaps").
    ['settings.replaceInvalidRoutes', '1.17.3', { known: true, type: 'bool', gap: true }],
    ['gloo.deployment.serviceAccount', '1.6.0', { known: true, type: 'any', free: true, gap: true }],
    ['gloo.deployment.serviceAccount.extraAnnotations.a', '1.22.1', { known: false, parentFree: true }],
    ['global.AddEnterpriseSettings', '1.6.0', { known: false }],
    ['global.AddEnterpriseSettings', '1.7.0', { known: true, type: 'bool', gap: true }]
  ])('%s at %s', (dotted, raw, want) => {
    expect(keyInfo(path(dotted), v(raw))).toEqual(want)
  })

  it('takes a segment as one key, never as a dotted path', () => {
    expect(keyInfo(['gloo', 'deployment.replicas'], undefined)).toEqual({ known: false })
    expect(keyInfo(['global', 'configMaps[]', 'name'], undefined)).toEqual({ known: false })
    expect(keyInfo(['gatewayProxies', 'p', 'podTemplate', 'nodeSelector', 'kubernetes.io/os'], undefined)).toEqual({ known: false, parentFree: true })
  })

  it('answers for the root', () => {
    expect(keyInfo([], undefined)).toEqual({ known: true, type: 'object' })
  })

  it('isAccepted: known, or below a free-form key', () => {
    expect([{ known: true, type: 'bool' }, { known: false, parentFree: true }, { known: false }].map((i) => isAccepted(i as KeyInfo))).toEqual([true, true, false])
  })
})

describe('firstVersionWithKey / lastVersionWithKey', () => {
  it.each([
    ['gatewayProxies.p.podTemplate.livenessProbeEnabled', '1.12.59', '1.22.1'],
    ['gloo.headerSecretRefNsMatchesUs', '1.14.32', '1.22.1'],
    ['gatewayProxies.p.kind.workloadType', '1.22.1', '1.22.1'],
    ['gloo.disableLeaderElection', '1.12.59', '1.22.1'],
    ['gatewayProxies.p.podDisruptionBudget', '1.7.23', '1.22.1'],
    ['gatewayProxies.p.kubeResourceOverride.metadata.labels.a', '1.8.37', '1.22.1'],
    ['gateway.deployment.replicas', '1.6.38', '1.11.59'],
    ['global.AddEnterpriseSettings', '1.7.23', '1.22.1'],
    ['gatewayProxies.p.deployment.replicas', undefined, undefined]
  ])('%s: %s … %s', (dotted, first, last) => {
    expect([firstVersionWithKey(path(dotted)), lastVersionWithKey(path(dotted))]).toEqual([first, last])
  })
})

describe('chartDefault', () => {
  it.each<[string, string | undefined, unknown]>([
    ['gateway.validation.failurePolicy', '1.6.0', 'Ignore'],
    ['gateway.validation.failurePolicy', undefined, 'Ignore'],
    ['discovery.enabled', '1.19.4', true],
    ['discovery.enabled', '1.20.0', false],
    ['gatewayProxies.gatewayProxy.podTemplate.runAsUser', '1.17.3', 10101],
    ['gloo.deployment.runAsUser', '1.17.3', 10101],
    ['gatewayProxies.gatewayProxy.kind.deployment.replicas', '1.17.3', 1],
    // Custom proxies inherit gatewayProxies.gatewayProxy from 1.7 on, not in 1.6.
    ['gatewayProxies.publicGw.podTemplate.runAsUser', '1.7.0', 10101],
    ['gatewayProxies.publicGw.podTemplate.runAsUser', '1.6.0', undefined],
    ['gatewayProxies.gatewayProxy.podTemplate.runAsUser', '1.6.0', 10101],
    ['gatewayProxies.publicGw.podTemplate.disableNetBind', '1.17.3', true],
    ['gatewayProxies.publicGw.podTemplate.image.tag', '1.17.3', '1.17.38'],
    // Explicit null, absent, unknown.
    ['gatewayProxies.gatewayProxy.configMap.data', '1.6.0', null],
    ['gatewayProxies.gatewayProxy.configMap.data', '1.8.0', undefined],
    ['gatewayProxies.gatewayProxy.podTemplate.customReadinessProbe', '1.17.3', {}],
    ['gatewayProxies.gatewayProxy.podTemplate.customReadinessProbe.httpGet', '1.17.3', undefined],
    ['gatewayProxies.gatewayProxy.deployment.replicas', '1.17.3', undefined],
    ['gloo.deployment.resources', '1.17.3', undefined],
    // An object without a default of its own is made of its children's.
    ['gatewayProxies.publicGw.kind', '1.17.3', { deployment: { replicas: 1 } }],
    ['gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown', '1.17.3', { enabled: false, sleepTimeSeconds: 25 }],
    // A whole-value default is looked into.
    ['gateway.validation.webhook.skipDeleteValidationResources', '1.17.3', ['namespaces']],
    ['gateway.validation.webhook.skipDeleteValidationResources.0', '1.17.3', 'namespaces'],
    ['gateway.validation.webhook.skipDeleteValidationResources.1', '1.17.3', undefined],
    ['gateway.validation.webhook.skipDeleteValidationResources', '1.18.0', undefined]
  ])('%s at %s', (dotted, raw, want) => {
    expect(chartDefault(path(dotted), v(raw))).toEqual(want)
  })

  it('hands out copies', () => {
    const a = chartDefault(path('gatewayProxies.publicGw.kind'), undefined) as { deployment: { replicas: number } }
    a.deployment.replicas = 9
    expect(chartDefault(path('gatewayProxies.publicGw.kind.deployment.replicas'), undefined)).toBe(1)
  })
})

describe('suggestKey', () => {
  it.each<[string, string | undefined, [number, string] | undefined]>([
    ['settings.watchNamespace', '1.17.3', [1, 'watchNamespaces']],
    ['gateway.validation.alwaysAcceptResource', '1.17.3', [2, 'alwaysAcceptResources']],
    ['gateway.validation.AlwaysAcceptResources', '1.17.3', [2, 'alwaysAcceptResources']],
    ['gatewayProxies.publicGw.podTemplate.runAsUsr', '1.17.3', [3, 'runAsUser']],
    ['gatewayProxies.publicGw.podTemplat.runAsUser', '1.17.3', [2, 'podTemplate']],
    ['gatewayProxies.publicGw.podTemplate.resources.limit', '1.17.3', [4, 'limits']],
    ['gatewayProxies.publicGw.podTemplate.livenesProbeEnabled', '1.17.3', [3, 'livenessProbeEnabled']],
    ['gatewayProxies.publicGw.podTemplate.httpPorts', '1.17.3', [3, 'httpPort']],
    ['gatewayProxies.publicGw.kind.deployment.replica', '1.17.3', [4, 'replicas']],
    ['gloo.deplyoment.replicas', '1.17.3', [1, 'deployment']],
    // Accepted, nothing near, or a sibling the version lacks.
    ['settings.watchNamespaces', '1.17.3', undefined],
    ['gloo.deployment.watchNamespace', '1.17.3', undefined],
    ['gatewayProxies.publicGw.kubeResourceOverride.spc', '1.17.3', undefined],
    ['gatewayProxies.publicGw.podTemplate.livenesProbeEnabled', '1.11.0', undefined],
    ['gatewayProxies.publicGw.logLevel', '1.17.3', undefined],
    ['global.configMaps.names', '1.17.3', undefined]
  ])('%s at %s', (dotted, raw, want) => {
    const got = suggestKey(path(dotted), v(raw))
    // The same asked by covered version index, as values-unknown-key asks.
    expect(suggestKeyAt(path(dotted), coveredMinorFor(v(raw)).index)).toEqual(got)
    if (!want) return expect(got).toBeUndefined()
    const [index, key] = want
    const fixed = path(dotted)
    fixed[index] = key
    expect(got).toEqual({ index, key, path: fixed })
  })

  it('answers the same for every covered version with ranks shared, as values-unknown-key asks them all', () => {
    const paths = [
      'settings.watchNamespace',
      'settings.writeNamespac',
      'gatewayProxies.publicGw.podTemplate.livenesProbeEnabled',
      'gatewayProxies.publicGw.podTemplat.runAsUser',
      'gloo.deplyoment.replicas',
      'gateway.validation.webhook.enable',
      'global.glooMtls.enabeld',
      'settings.k4711'
    ]
    // Ranks are kept by typed key: one map may serve several paths too.
    const ranks = new Map<string, Map<string, number>>()
    for (const dotted of paths) {
      const shared = COVERED_VERSIONS.map((_, vi) => suggestKeyAt(path(dotted), vi, ranks))
      expect(shared).toEqual(COVERED_VERSIONS.map((_, vi) => suggestKeyAt(path(dotted), vi)))
      expect(shared.some((s) => s !== undefined) || dotted === 'settings.k4711').toBe(true)
    }
  })

  it('asks each covered version by its index (values-unknown-key hands it the indexes it checks)', () => {
    expect(COVERED_VERSIONS.map((raw, i) => coveredMinorFor(v(raw)).index === i)).not.toContain(false)
  })
})

describe('distanceWithin', () => {
  /** The definition: optimal string alignment, the whole table. */
  function osa(a: string, b: string): number {
    const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i])
    for (let j = 1; j <= b.length; j++) rows[0][j] = j
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
      }
    return rows[a.length][b.length]
  }

  it('is the distance when that is at most max, else max + 1; editDistance is it unbounded', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'A', 's'), { maxLength: 9 }).map((p) => p.join(''))
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(distanceWithin(a, b, max)).toBe(Math.min(osa(a, b), max + 1))
        expect(editDistance(a, b)).toBe(osa(a, b))
      }),
      { numRuns: 20000, seed: 11 }
    )
  })

  it('is the same for keys longer than its rows at first, a few edits apart', () => {
    const long = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 60, maxLength: 140 }).map((p) => p.join(''))
    const edit = fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 3 }), ch: fc.constantFrom('a', 'b', 'd') })
    fc.assert(
      fc.property(long, fc.array(edit, { maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (a, edits, max) => {
        let b = a
        for (const e of edits) {
          const i = e.at % (b.length + 1)
          b = e.kind === 0 ? b.slice(0, i) + e.ch + b.slice(i) : e.kind === 1 ? b.slice(0, i) + b.slice(i + 1) : e.kind === 2 ? b.slice(0, i) + e.ch + b.slice(i + 1) : b.slice(0, i) + b.slice(i + 1, i + 2) + b.slice(i, i + 1) + b.slice(i + 2)
        }
        expect(distanceWithin(a, b, max)).toBe(Math.min(osa(a, b), max + 1))
        expect(distanceWithin(b, a, max)).toBe(Math.min(osa(b, a), max + 1))
      }),
      { numRuns: 1000, seed: 12 }
    )
  })
})

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['podTemplate', 'podTemplat', 1],
    ['deployment', 'deplyoment', 1],
    ['ca', 'abc', 3]
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })
})
