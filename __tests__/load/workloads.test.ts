import { describe, expect, it } from 'vitest'
import { loadFile } from '../../src/load/manifests.js'
import { buildProject } from '../../src/load/project.js'
import { hpasFor, pdbsForProxy, proxiesForHpa, proxiesForPdb, valuesScale, workloadIndex } from '../../src/load/workloads.js'
import { kebab, valuesProxies } from '../../src/load/install.js'
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
})
