import { describe, expect, it } from 'vitest'
import { loadFile } from '../../src/forms/manifests.js'
import { buildProject } from '../../src/gloo/project.js'
import { hpasFor, pdbsForProxy, proxiesForHpa, proxiesForPdb, valuesScale, workloadIndex, workloadKind } from '../../src/gloo/workloads.js'
import { kebab, kebabOf, valuesProxies } from '../../src/gloo/values.js'
import fc from 'fast-check'
import type { ValuesInput } from '../../src/forms/manifests.js'
import { parseVersion } from '../../src/gloo/version.js'
import { yaml } from '../../__fixtures__/yaml.js'

const rendered = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: public-gw
    namespace: gloo-system
    labels: {gloo: gateway-proxy, gateway-proxy-id: public-gw}
  spec:
    template:
      metadata:
        labels: {gloo: gateway-proxy, gateway-proxy-id: public-gw}
      spec:
        containers:
        - name: public-gw
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: public-gw, namespace: gloo-system}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: public-gw}
    minReplicas: 3
    maxReplicas: 9
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: public-gw, namespace: staging}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: public-gw}
    maxReplicas: 2
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: public-gw-pdb, namespace: gloo-system}
  spec:
    maxUnavailable: 1
    selector: {matchLabels: {gateway-proxy-id: public-gw}}
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: all-proxies}
  spec:
    minAvailable: 1
    selector: {matchLabels: {gloo: gateway-proxy}}
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: other-proxy, namespace: gloo-system}
  spec:
    selector: {matchLabels: {gloo: gateway-proxy, gateway-proxy-id: internal-gw}}
`

function project(...texts: string[]) {
  return buildProject(texts.map((t, i) => loadFile(`f${i}.yaml`, t)))
}

describe('workloads', () => {
  it('indexes HPAs and PDBs once per project and matches namespaces', () => {
    const p = project(rendered)
    expect(workloadIndex(p)).toBe(workloadIndex(p))
    expect(hpasFor(p, 'public-gw', 'gloo-system').map((h) => h.namespace)).toEqual(['gloo-system'])
    expect(hpasFor(p, 'public-gw').map((h) => h.namespace)).toEqual(['gloo-system', 'staging'])
    const [proxy] = p.proxies
    // The id-keyed budget and the label-subset one select it; the budget of another proxy id does not.
    expect(pdbsForProxy(p, proxy).map((b) => b.name)).toEqual(['public-gw-pdb', 'all-proxies'])
    const pdb = p.objects.find((o) => o.name === 'other-proxy')!
    expect(proxiesForPdb(p, pdb)).toEqual([])
    const staging = p.objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.namespace === 'staging')!
    expect(proxiesForHpa(p, staging)).toEqual([])
  })

  it('reads a values proxy scale with the HPA of the run as a fallback', () => {
    const values = loadFile(
      'values.yaml',
      yaml`
        gatewayProxies:
          publicGw:
            kind:
              deployment:
                replicas: 1
      `
    ).values[0]
    const p = project(rendered)
    const proxy = valuesProxies(values).find((x) => x.key === 'publicGw')!
    const scale = valuesScale(values, proxy, p)
    expect({ daemonSet: scale.daemonSet, replicas: scale.replicas, source: scale.hpa?.source, min: scale.hpa?.min }).toEqual({
      daemonSet: false,
      replicas: 1,
      source: 'object',
      min: 3
    })
  })
})

/** The values of `text` (highest layer first when several texts are given) at chart `version` (undefined: unknown). */
function valuesAt(version: string | undefined, ...texts: string[]): ValuesInput {
  const [top, ...lower] = texts.map((t, i) => loadFile(`values-${i}.yaml`, t).values[0])
  return { ...top, layers: [top, ...lower].flatMap((x) => x.layers), chartVersion: parseVersion(version) }
}

function kindOf(version: string | undefined, key: string, ...texts: string[]) {
  const v = valuesAt(version, ...texts)
  const proxy = valuesProxies(v).find((p) => p.key === key)!
  const k = workloadKind(v, proxy)
  return { kind: k.daemonSet ? 'DaemonSet' : 'Deployment', reason: k.reason, because: k.because }
}

const onlyDaemonSet = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        daemonSet:
          hostPort: true
`
const nullDeployment = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment: null
        daemonSet:
          hostPort: true
`
const nullReplicas = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: null
`
const bothMapsTyped = (type: string): string => yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        workloadType: ${type}
        deployment:
          replicas: 3
        daemonSet:
          hostPort: true
`
const custom = (kind: string): string => yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        probes: true
    publicGw:
      kind: ${kind}
`

describe('workload kind (catalog 4.2 "Workload kind")', () => {
  const DS = 'DaemonSet'
  const D = 'Deployment'
  it.each([
    // [name, chart version, proxy key, values, kind, reason]
    ['nothing written: the chart default replicas: 1 makes a Deployment', undefined, 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {}}\n', D, 'deploymentMap'],
    ['kind.daemonSet alone still renders a Deployment (1.3.0)', '1.3.0', 'gatewayProxy', onlyDaemonSet, D, 'deploymentMap'],
    ['kind.daemonSet alone still renders a Deployment (unknown version)', undefined, 'gatewayProxy', onlyDaemonSet, D, 'deploymentMap'],
    ['kind.deployment: null makes a DaemonSet (1.3.0)', '1.3.0', 'gatewayProxy', nullDeployment, DS, 'deploymentNull'],
    ['kind.deployment: null makes a DaemonSet (1.22.1)', '1.22.1', 'gatewayProxy', nullDeployment, DS, 'deploymentNull'],
    ['kind: null deletes the default deployment too', '1.17.3', 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {kind: null}}\n', DS, 'deploymentNull'],
    ['replicas: null leaves {}: a DaemonSet up to 1.22.0-beta4', '1.22.0-beta4', 'gatewayProxy', nullReplicas, DS, 'replicasNull'],
    ['replicas: null leaves {}: a Deployment from 1.22.0-beta5 (kindIs "map")', '1.22.0-beta5', 'gatewayProxy', nullReplicas, D, 'deploymentMap'],
    ['replicas: null leaves {}: a Deployment with an unknown version', undefined, 'gatewayProxy', nullReplicas, D, 'deploymentMap'],
    ['replicas: null next to another key keeps the map non-empty', '1.17.3', 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {kind: {deployment: {replicas: null, priorityClassName: high}}}}\n', D, 'deploymentMap'],
    ['kind.deployment: true is truthy up to 1.22.0-beta4', '1.22.0-beta4', 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {kind: {deployment: true}}}\n', D, 'deploymentScalar'],
    ['kind.deployment: true is not a map from 1.22.0-beta5', '1.22.0-beta5', 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {kind: {deployment: true}}}\n', DS, 'deploymentScalar'],
    ['workloadType is not read on 1.22.0-beta10', '1.22.0-beta10', 'gatewayProxy', bothMapsTyped(DS), D, 'deploymentMap'],
    ['workloadType: DaemonSet beats both maps on 1.22.0-beta11', '1.22.0-beta11', 'gatewayProxy', bothMapsTyped(DS), DS, 'workloadType'],
    ['workloadType: DaemonSet beats both maps with an unknown version', undefined, 'gatewayProxy', bothMapsTyped(DS), DS, 'workloadType'],
    ['workloadType: Deployment beats kind.deployment: null', '1.22.1', 'gatewayProxy', nullDeployment.replace('deployment: null', 'deployment: null\n      workloadType: Deployment'), D, 'workloadType'],
    ['any other workloadType fails the render: the maps are the best guess', '1.22.1', 'gatewayProxy', bothMapsTyped('daemonset'), D, 'deploymentMap'],
    // Custom proxies (catalog 4.2 "Custom proxy merge")
    ['custom, standing alone before 1.7.0-beta21: no kind.deployment is a DaemonSet', '1.7.0-beta20', 'publicGw', custom('{daemonSet: {hostPort: true}}'), DS, 'deploymentUnset'],
    ['custom, standing alone: an empty map is falsy', '1.6.9', 'publicGw', custom('{deployment: {}}'), DS, 'deploymentEmpty'],
    ['custom, standing alone: replicas: null leaves its own map empty', '1.6.9', 'publicGw', custom('{deployment: {replicas: null}}'), DS, 'replicasNull'],
    ['custom, standing alone: its own replicas make a Deployment', '1.6.9', 'publicGw', custom('{deployment: {replicas: 2}}'), D, 'deploymentMap'],
    ['custom from 1.7.0-beta21 inherits the default replicas: 1', '1.7.0-beta21', 'publicGw', custom('{daemonSet: {hostPort: true}}'), D, 'deploymentMap'],
    ['custom on 1.7.0: `merge` refills a null from gatewayProxy', '1.7.0', 'publicGw', custom('{deployment: null}'), D, 'deploymentMap'],
    ['custom on 1.7.0: `merge` refills replicas: null as well', '1.7.0', 'publicGw', custom('{deployment: {replicas: null}}'), D, 'deploymentMap'],
    ['custom on 1.7.1: `mergeOverwrite` lets its null win', '1.7.1', 'publicGw', custom('{deployment: null}'), DS, 'deploymentNull'],
    ['custom on 1.8.0-beta2: still `merge`', '1.8.0-beta2', 'publicGw', custom('{deployment: null}'), D, 'deploymentMap'],
    ['custom on 1.8.0-beta3: `mergeOverwrite`', '1.8.0-beta3', 'publicGw', custom('{deployment: null}'), DS, 'deploymentNull'],
    ['custom with an unknown version: `mergeOverwrite`', undefined, 'publicGw', custom('{deployment: null}'), DS, 'deploymentNull'],
    ['custom on 1.21: replicas: null deletes the inherited replicas', '1.21.0', 'publicGw', custom('{deployment: {replicas: null}}'), DS, 'replicasNull'],
    ['custom on 1.22.0-beta11: workloadType: DaemonSet', '1.22.0-beta11', 'publicGw', custom('{workloadType: DaemonSet}'), DS, 'workloadType']
  ] as const)('%s', (_, version, key, text, kind, reason) => {
    expect(kindOf(version, key, text)).toMatchObject({ kind, reason })
  })

  it('says which key decided, inherited or not, with the values prefix', () => {
    expect(kindOf('1.17.3', 'gatewayProxy', onlyDaemonSet).because).toBe('gatewayProxies.gatewayProxy.kind.deployment keeps the chart default {replicas: 1}')
    expect(kindOf('1.17.3', 'publicGw', custom('{daemonSet: {}}')).because).toBe(
      'gatewayProxies.publicGw.kind.deployment keeps the chart default {replicas: 1}, inherited from gatewayProxies.gatewayProxy.kind.deployment'
    )
    expect(kindOf('1.17.3', 'publicGw', nullDeployment + '  publicGw: {}\n').because).toBe(
      'gatewayProxies.publicGw.kind.deployment is null, inherited from gatewayProxies.gatewayProxy.kind.deployment'
    )
    expect(kindOf('1.17.3', 'gatewayProxy', 'gatewayProxies: {gatewayProxy: {kind: null}}\n').because).toBe('gatewayProxies.gatewayProxy.kind is null')
    expect(kindOf('1.22.0-beta4', 'gatewayProxy', nullReplicas).because).toBe(
      'gatewayProxies.gatewayProxy.kind.deployment.replicas is null, which leaves gatewayProxies.gatewayProxy.kind.deployment empty'
    )
    expect(kindOf('1.22.1', 'gatewayProxy', bothMapsTyped(DS)).because).toBe('gatewayProxies.gatewayProxy.kind.workloadType is DaemonSet')
    const ee = yaml`
      license_key: abc
      gloo:
        gatewayProxies:
          gatewayProxy:
            kind: {deployment: null, daemonSet: {}}
    `
    expect(kindOf('1.17.3', 'gatewayProxy', ee)).toEqual({ kind: DS, reason: 'deploymentNull', because: 'gloo.gatewayProxies.gatewayProxy.kind.deployment is null' })
  })

  it('merges the layers as Helm does: a map above a null revives the default replicas, a null above a map deletes it', () => {
    const map = 'gatewayProxies: {gatewayProxy: {kind: {deployment: {}, daemonSet: {}}}}\n'
    const none = 'gatewayProxies: {gatewayProxy: {kind: {deployment: null}}}\n'
    expect(kindOf('1.17.3', 'gatewayProxy', map, none)).toMatchObject({ kind: 'Deployment', reason: 'deploymentMap' })
    expect(kindOf('1.17.3', 'gatewayProxy', none, map)).toMatchObject({ kind: 'DaemonSet', reason: 'deploymentNull' })
    // replicas: null in a lower layer still deletes the default under a higher layer's map without replicas.
    const lowNull = 'gatewayProxies: {gatewayProxy: {kind: {deployment: {replicas: null}}}}\n'
    expect(kindOf('1.22.0-beta4', 'gatewayProxy', map, lowNull)).toMatchObject({ kind: 'DaemonSet', reason: 'replicasNull' })
  })

  it('is what valuesScale reports to the scaling rules', () => {
    const v = valuesAt('1.17.3', nullDeployment)
    const proxy = valuesProxies(v)[0]
    const scale = valuesScale(v, proxy, project())
    expect({ daemonSet: scale.daemonSet, reason: scale.kind.reason }).toEqual({ daemonSet: true, reason: 'deploymentNull' })
    const deployment = valuesAt('1.17.3', onlyDaemonSet)
    expect(valuesScale(deployment, valuesProxies(deployment)[0], project()).daemonSet).toBe(false)
  })
})

describe('proxy names: the values key through sprig kebabcase (catalog 1.3)', () => {
  it.each([
    ['gatewayProxy', 'gateway-proxy'],
    ['publicGw', 'public-gw'],
    ['GWProxy', 'gw-proxy'],
    ['publicGWProxy', 'public-gw-proxy'],
    ['proxy_internal', 'proxy-internal'],
    ['gatewayProxyV2', 'gateway-proxy-v2']
  ])('%s → %s', (key, name) => {
    expect(kebab(key)).toBe(name)
  })

  it('names a key in one pass exactly as the three replacements do', () => {
    const chars = fc.constantFrom(...'aAbBzZ09.-_ éÉ'.split(''))
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((cs) => cs.join('')), (key) => {
        expect(kebab(key)).toBe(kebabOf(key))
      }),
      { numRuns: 3000, seed: 13 }
    )
    expect(['team0Gw1', 'a1B', 'AbC', 'x.yZ', 'A'].map(kebab)).toEqual(['team0-gw1', 'a1-b', 'ab-c', 'x.y-z', 'a'])
  })
})
