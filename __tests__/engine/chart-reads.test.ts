/** Fix condition F1 (catalog sections 1.4, 2 and 4.3): a fix is safe only when the chart version is known and reads the key written. */
import { describe, expect, it } from 'vitest'
import { defaultConfig, type Config } from '../../src/engine/config.js'
import { fixFiles } from '../../src/engine/fix.js'
import { lint, type LintOptions } from '../../src/engine/lint.js'
import { keySince, readsKey } from '../../src/gloo/key-since.js'
import { parseVersion } from '../../src/gloo/version.js'
import type { Finding } from '../../src/model/finding.js'
import { yaml } from '../../__fixtures__/yaml.js'

const config = (glooVersion?: string): Config => ({ ...defaultConfig(), glooVersion, inputs: { gloo: ['values.yaml'], ignore: [] } })
const run = (text: string, options: LintOptions & { glooVersion?: string } = {}): Finding[] =>
  lint([{ path: 'values.yaml', text }], { config: config(options.glooVersion), ...(options.unknownVersionFixes ? { unknownVersionFixes: options.unknownVersionFixes } : {}) }).findings
const one = (findings: Finding[], ruleId: string, messageId: string): Finding => {
  const found = findings.filter((f) => f.ruleId === ruleId && f.messageId === messageId)
  expect(found).toHaveLength(1)
  return found[0]
}

/** Three gateway-proxy replicas and no budget: proxy-disruption-budget inserts `podDisruptionBudget` (1.7.0-beta21). */
const noBudget = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: 3
      antiAffinity: true
`

/** An autoscaler that may shrink to one pod: proxy-single-replica raises `horizontalPodAutoscaler.minReplicas` (1.7.0-beta21). */
const autoscaled = (tag: string): string => yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        image:
          tag: ${tag}
      kind:
        deployment:
          replicas: 3
      antiAffinity: true
      horizontalPodAutoscaler:
        minReplicas: 1
        maxReplicas: 5
`

describe('keySince (catalog 4.3 as data)', () => {
  it('finds the row of a key, a key below it, and the most specific row first', () => {
    expect(keySince('gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled')).toEqual([
      { pattern: 'gatewayProxies.*.podTemplate.livenessProbeEnabled', since: '1.12.0-beta6' }
    ])
    expect(keySince('gatewayProxies.publicGw.podDisruptionBudget.minAvailable').map((r) => r.since)).toEqual(['1.7.0-beta21'])
    expect(keySince('gatewayProxies.gatewayProxy.podTemplate.podSecurityContext.mergePolicy').map((r) => r.since)).toEqual(['1.14.5/1.15.0-beta6', '1.14.0-beta11'])
    expect(keySince('global.glooMtls.sds.securityContext.mergePolicy').map((r) => r.since)).toEqual(['1.14.5/1.15.0-beta6', '1.14.0-beta11'])
    expect(keySince('gatewayProxies.gatewayProxy.service.kubeResourceOverride').map((r) => r.since)).toEqual(['1.8.0-beta14'])
    expect(keySince('settings.disableKubernetesDestinations').map((r) => r.since)).toEqual(['1.3.3'])
    expect(keySince('global.podSecurityStandards.container.enableRestrictedContainerDefaults').map((r) => r.since)).toEqual(['1.16.14/1.17.0-beta29'])
    // Keys of 1.3.0 are in no row.
    expect(keySince('gatewayProxies.gatewayProxy.kind.deployment.replicas')).toEqual([])
    expect(keySince('gateway.validation.alwaysAcceptResources')).toEqual([])
  })

  it('gives a proxy the rows of its key whatever its name, a name that is itself a security context included', () => {
    // One remembered entry serves every proxy name; a name a `**` row reads is looked at on its own.
    const rows = (name: string) => keySince(`gatewayProxies.${name}.mergePolicy`).map((r) => r.pattern)
    expect(rows('gatewayProxy')).toEqual([])
    expect(rows('publicGw')).toEqual([])
    expect(rows('edgeSecurityContext')).toEqual(['**.*SecurityContext.mergePolicy'])
    expect(rows('securityContext')).toEqual(['**.securityContext.mergePolicy'])
    expect(rows('gatewayProxy')).toEqual([])
    expect(keySince('gatewayProxies.edgeSecurityContext.podTemplate.podSecurityContext.mergePolicy').map((r) => r.since)).toEqual(['1.14.5/1.15.0-beta6', '1.14.0-beta11'])
    expect(keySince('gatewayProxies.gw2.podTemplate.podSecurityContext.mergePolicy').map((r) => r.since)).toEqual(['1.14.5/1.15.0-beta6', '1.14.0-beta11'])
  })

  it.each([
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.12.42', false],
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.12.43', true],
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.13.4', false],
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.13.5', true],
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.14.0-beta6', false],
    ['gatewayProxies.gatewayProxy.disableCoreDumps', '1.14.0-beta7', true],
    ['gatewayProxies.gatewayProxy.podDisruptionBudget', '1.7.0-beta20', false],
    ['gatewayProxies.gatewayProxy.podDisruptionBudget', '1.7.0-beta21', true],
    ['gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.mergePolicy', '1.14.4', false],
    ['gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.mergePolicy', '1.14.5', true],
    ['gatewayProxies.gatewayProxy.kind.deployment.replicas', '1.3.0', true],
    ['gatewayProxies.gatewayProxy.kind.workloadType', undefined, true]
  ])('readsKey(%s, %s) is %s', (key, version, want) => {
    expect(readsKey(key, parseVersion(version))).toBe(want)
  })
})

describe('F1 in the engine: values fixes and the chart version', () => {
  it('unknown version: a fix writing a key of 4.3 becomes a suggestion, and the message says what it assumes', () => {
    const f = one(run(noBudget, { unknownVersionFixes: 'suggest' }), 'proxy-disruption-budget', 'missing')
    expect(f.fix).toBeUndefined()
    expect(f.message).toBe(
      // The rule says what it assumes itself (catalog 1.4), so the engine adds nothing.
      "gatewayProxies.gatewayProxy.podDisruptionBudget is not set (assuming chart ≥ 1.7.0-beta21; the chart version is unknown): gateway proxy 'gateway-proxy' has no PodDisruptionBudget, so a node drain or cluster upgrade may evict all its pods at once."
    )
    expect(f.suggestions?.[0].message).toBe(
      'Apply once the chart is known to be ≥ 1.7.0-beta21, the first version that reads gatewayProxies.gatewayProxy.podDisruptionBudget (what --fix would write if the version were known).'
    )
    expect(f.suggestions?.[0].edits.length).toBeGreaterThan(0)
  })

  it('unknown version: --fix leaves the suggestion alone', () => {
    const result = fixFiles([{ path: 'values.yaml', text: noBudget }], { config: config(), unknownVersionFixes: 'suggest' })
    expect(result.applied.map((f) => f.ruleId)).not.toContain('proxy-disruption-budget')
    expect(result.outputs.get('values.yaml') ?? noBudget).not.toContain('podDisruptionBudget')
  })

  it('unknown version: a fix writing a key of 1.3.0 stays a fix', () => {
    const text = yaml`
      gatewayProxies:
        gatewayProxy:
          kind:
            deployment:
              replicas: 1
    `
    const f = one(run(text, { unknownVersionFixes: 'suggest' }), 'proxy-single-replica', 'values')
    expect(f.fix?.length).toBeGreaterThan(0)
    expect(f.message).not.toContain('assuming chart')
  })

  it('unknown version, default options: a key newer than 1.3.0 is only a suggestion (catalog 1.4, F1)', () => {
    const f = one(run(noBudget), 'proxy-disruption-budget', 'missing')
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('(assuming chart ≥ 1.7.0-beta21; the chart version is unknown)')
    expect(f.suggestions?.[0].edits.length).toBeGreaterThan(0)
  })

  it('known version that does not read the key: no fix, a suggestion to upgrade first', () => {
    const f = one(run(autoscaled('1.6.10')), 'proxy-single-replica', 'hpaMin')
    expect(f.fix).toBeUndefined()
    expect(f.message).not.toContain('assuming chart')
    expect(f.suggestions?.[0].message).toBe(
      'Upgrade the chart to ≥ 1.7.0-beta21 first: chart 1.6.10 does not read gatewayProxies.gatewayProxy.horizontalPodAutoscaler.minReplicas; then apply this.'
    )
    const result = fixFiles([{ path: 'values.yaml', text: autoscaled('1.6.10') }], { config: config() })
    expect(result.applied.map((f) => f.ruleId)).not.toContain('proxy-single-replica')
  })

  it('known version from --gloo-version, a key of 1.14.0-beta11 on chart 1.13.2: the chart ignores it, so only the key is reported', () => {
    const text = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            glooContainerSecurityContext:
              readOnlyRootFilesystem: false
    `
    // Catalog 4.2: before 1.14.0-beta11 the Envoy securityContext is a fixed read-only block; the key is
    // values-key-unsupported-version's (catalog 4.3), not a writable root filesystem.
    const old = run(text, { glooVersion: '1.13.2' })
    expect(old.filter((f) => f.ruleId === 'proxy-read-only-root-fs')).toEqual([])
    expect(old.some((f) => f.ruleId === 'values-key-unsupported-version')).toBe(true)
    // From 1.14.0-beta11 the key is read: the finding, its edit a suggestion (catalog fix class `suggest`).
    expect(one(run(text, { glooVersion: '1.14.0-beta11' }), 'proxy-read-only-root-fs', 'valuesNotTrue').suggestions?.length).toBeGreaterThan(0)
  })

  it('known version that reads the key: the fix stays, with no assumption in the message', () => {
    const f = one(run(autoscaled('1.17.4'), { unknownVersionFixes: 'suggest' }), 'proxy-single-replica', 'hpaMin')
    expect(f.fix?.length).toBeGreaterThan(0)
    expect(f.message).not.toContain('assuming chart')
    const result = fixFiles([{ path: 'values.yaml', text: autoscaled('1.17.4') }], { config: config() })
    expect(result.applied.map((f) => f.ruleId)).toContain('proxy-single-replica')
  })

  it('enterprise values: the key is looked up without the gloo. prefix and printed with it', () => {
    const text = yaml`
      license_key: abc
      gloo:
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 3
            antiAffinity: true
    `
    const f = one(run(text, { unknownVersionFixes: 'suggest' }), 'proxy-disruption-budget', 'missing')
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('(assuming chart ≥ 1.7.0-beta21; the chart version is unknown)')
    expect(f.suggestions?.[0].message).toContain('the first version that reads gloo.gatewayProxies.gatewayProxy.podDisruptionBudget')
  })
})
