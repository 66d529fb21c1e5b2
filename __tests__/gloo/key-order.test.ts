/**
 * Conventional key order for insertions: a fix puts a new key where the chart's values.yaml (sorted by
 * ghodss/yaml through yaml.v2) has it, when the map it joins already follows that order; else at the end.
 */
import { describe, expect, it } from 'vitest'
import { compareChartKeys } from '../../src/gloo/key-order.js'
import { fixFiles } from '../../src/engine/fix.js'
import type { Rule } from '../../src/rules/types.js'
import antiAffinity from '../../src/rules/proxy-anti-affinity.js'
import coreDumps from '../../src/rules/proxy-core-dumps.js'
import disruptionBudget from '../../src/rules/proxy-disruption-budget.js'
import kubeDestinations from '../../src/rules/kube-destinations-enabled.js'
import probes from '../../src/rules/proxy-probes.js'
import { EditSource, setPath } from '../../src/yaml/edits.js'
import { parseDocuments, type MapNode, type SeqNode } from '../../src/yaml/tree.js'
import { applyEdits } from '../../src/model/edit.js'
import { testConfig } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

describe('compareChartKeys (yaml.v2 keyList order, as generate.go writes values.yaml)', () => {
  it("orders podTemplate's keys as the chart's values.yaml lists them", () => {
    const shipped = [
      'customLivenessProbe',
      'customReadinessProbe',
      'disableNetBind',
      'enablePodSecurityContext',
      'fsGroup',
      'gracefulShutdown',
      'httpPort',
      'httpsPort',
      'image',
      'probes',
      'runAsUser',
      'runUnprivileged'
    ]
    expect([...shipped].reverse().sort(compareChartKeys)).toEqual(shipped)
  })

  it.each([
    ['Zeta', 'alpha', -1], // code points: upper case first
    ['a2', 'a10', -1], // runs of digits by their number
    ['a-b', 'aa', -1], // a non-letter before a letter
    ['kind', 'kind', 0],
    ['podTemplate', 'podDisruptionBudget', 1]
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareChartKeys(a, b))).toBe(sign)
  })
})

/** What --fix writes with one rule (the file is the one layer of a complete install). */
function fixed(rule: Rule, code: string, glooVersion = '1.17.3'): string {
  const files = [{ path: 'values.yaml', text: code }]
  const result = fixFiles(files, { config: testConfig({ code, glooVersion, complete: true }), rules: [rule] })
  expect(result.rejected).toEqual([])
  const out = result.outputs.get('values.yaml') ?? code
  expect(parseDocuments(out).error).toBeUndefined()
  return out
}

describe('a fix inserting into a map that follows the chart order', () => {
  it('goes after the nearest preceding key; the comment above the next key stays with it', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          # the proxy's workload
          kind:
            deployment:
              replicas: 3
          # pod settings
          podTemplate:
            probes: true
    `
    // antiAffinity < kind: before the first key, above the comment that documents it.
    expect(fixed(antiAffinity, code)).toBe(yaml`
      gatewayProxies:
        gatewayProxy:
          antiAffinity: true
          # the proxy's workload
          kind:
            deployment:
              replicas: 3
          # pod settings
          podTemplate:
            probes: true
    `)
    // disableCoreDumps < kind as well; podDisruptionBudget goes between kind's block and podTemplate's comment.
    expect(fixed(disruptionBudget, code)).toBe(yaml`
      gatewayProxies:
        gatewayProxy:
          # the proxy's workload
          kind:
            deployment:
              replicas: 3
          podDisruptionBudget:
            maxUnavailable: 1
          # pod settings
          podTemplate:
            probes: true
    `)
  })

  it('leaves a commented-out child key with the block it belongs to', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          kind:
            deployment:
              replicas: 3
              # priorityClassName: edge
          # pod settings
          podTemplate:
            probes: true
    `
    expect(fixed(disruptionBudget, code)).toBe(yaml`
      gatewayProxies:
        gatewayProxy:
          kind:
            deployment:
              replicas: 3
              # priorityClassName: edge
          podDisruptionBudget:
            maxUnavailable: 1
          # pod settings
          podTemplate:
            probes: true
    `)
  })

  it('keeps a comment on the line of the key before the site', () => {
    const code = yaml`
      # Gloo values for prod
      settings:
        create: true # the default Settings CR
        writeNamespace: gloo-system
    `
    expect(fixed(kubeDestinations, code)).toBe(yaml`
      # Gloo values for prod
      settings:
        create: true # the default Settings CR
        disableKubernetesDestinations: true
        writeNamespace: gloo-system
    `)
  })

  it('inserts a whole missing path at its place in the root map, in block style', () => {
    const code = yaml`
      gateway:
        enabled: true
      global:
        glooRbac:
          create: true
    `
    expect(fixed(coreDumps, code)).toBe(yaml`
      gateway:
        enabled: true
      gatewayProxies:
        gatewayProxy:
          disableCoreDumps: true
      global:
        glooRbac:
          create: true
    `)
  })

  it('goes into podTemplate between its sorted keys', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            disableNetBind: true
            runUnprivileged: true
    `
    expect(fixed(probes, code)).toBe(yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            disableNetBind: true
            probes: true
            runUnprivileged: true
    `)
  })
})

describe('a fix inserting into a map with an order of its own, or none to go by', () => {
  it('appends to a map whose keys are not in the chart order', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            runUnprivileged: true
            disableNetBind: true
    `
    expect(fixed(probes, code)).toBe(`${code}      probes: true\n`)
  })

  it('appends to a map of one key (no evidence of an order)', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            runUnprivileged: true
    `
    expect(fixed(probes, code)).toBe(`${code}      probes: true\n`)
  })

  it('appends inside a flow map, keeping its style', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate: {disableNetBind: true, runUnprivileged: true}
    `
    expect(fixed(probes, code)).toBe(code.replace('runUnprivileged: true}', 'runUnprivileged: true, probes: true}'))
  })
})

describe('setPath with a key order (yaml/edits)', () => {
  const compare = { from: 0, compare: compareChartKeys }
  const apply = (text: string, path: string[], value: Parameters<typeof setPath>[3], order = compare) => {
    const r = parseDocuments(text)
    const edits = setPath(new EditSource(text, r.documents.map((d) => d.root)), r.documents[0].root, path, value, order)
    return applyEdits(text, edits!).output
  }

  it('places several new keys of one map each at its own site', () => {
    const code = yaml`
      sc:
        capabilities:
          add: [NET_BIND_SERVICE]
        runAsUser: 10101
    `
    expect(apply(code, ['sc'], { allowPrivilegeEscalation: 'false', readOnlyRootFilesystem: 'true' })).toBe(yaml`
      sc:
        allowPrivilegeEscalation: false
        capabilities:
          add: [NET_BIND_SERVICE]
        readOnlyRootFilesystem: true
        runAsUser: 10101
    `)
  })

  it('goes before the first key below a file header, and above the comment that documents that key', () => {
    const header = yaml`
      # Gloo values for prod
      gateway:
        enabled: true
      settings:
        create: true
    `
    expect(apply(header, ['discovery', 'enabled'], 'false')).toBe(header.replace('gateway:', 'discovery:\n  enabled: false\ngateway:'))
    const documented = yaml`
      # Gloo values for prod

      # the gateway controller
      gateway:
        enabled: true
      settings:
        create: true
    `
    expect(apply(documented, ['discovery', 'enabled'], 'false')).toBe(documented.replace('# the gateway controller', 'discovery:\n  enabled: false\n# the gateway controller'))
  })

  it('leaves the maps above `from` (a wrapper) appending at their end', () => {
    const code = yaml`
      spec:
        chart: gloo
        values:
          gateway:
            enabled: true
          settings:
            create: true
        version: 1.17.3
    `
    expect(apply(code, ['spec', 'values', 'gatewayProxies', 'gatewayProxy', 'disableCoreDumps'], 'true', { from: 2, compare: compareChartKeys })).toBe(yaml`
      spec:
        chart: gloo
        values:
          gateway:
            enabled: true
          gatewayProxies:
            gatewayProxy:
              disableCoreDumps: true
          settings:
            create: true
        version: 1.17.3
    `)
    // `spec` holds its keys at path index 1: below `from`, so appended even though its keys are in order.
    expect(apply(code, ['spec', 'interval'], '5m', { from: 2, compare: compareChartKeys })).toBe(`${code}  interval: 5m\n`)
  })

  it('appends when the key after the site shares its line with a sequence dash', () => {
    const code = yaml`
      items:
      - name: a
        value: b
    `
    const r = parseDocuments(code)
    const item = (r.documents[0].root as MapNode).pairs[0].value
    const edits = setPath(new EditSource(code, [r.documents[0].root]), (item as SeqNode).items[0], ['enabled'], 'true', compare)
    expect(applyEdits(code, edits!).output).toBe(`${code}  enabled: true\n`)
  })
})
