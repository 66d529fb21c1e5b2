import { describe, expect, it } from 'vitest'
import { loadFile } from '../../src/forms/manifests.js'
import { buildProject } from '../../src/gloo/project.js'
import { describeRefs, looksDiscovered, undefinedDiscoveredRefs, upstreamRefs } from '../../src/gloo/upstream-refs.js'
import { yaml } from '../../__fixtures__/yaml.js'

describe('looksDiscovered', () => {
  it.each([
    ['default-petstore-8080', true],
    ['gloo-system-gateway-proxy-443', true],
    ['petstore-8080', false],
    ['kube-svc:default-petstore-8080', false],
    ['Default-Petstore-8080', false],
    ['default-petstore-http', false],
    ['aws-lambda', false]
  ])('%s → %s', (name, want) => expect(looksDiscovered(name)).toBe(want))
})

describe('upstreamRefs', () => {
  const vs = loadFile(
    'vs.yaml',
    yaml`
      apiVersion: gateway.solo.io/v1
      kind: VirtualService
      metadata:
        name: default
      spec:
        virtualHost:
          routes:
          - routeAction:
              single:
                upstream: {name: default-petstore-8080, namespace: gloo-system}
          - routeAction:
              single:
                kube: {ref: {name: petstore, namespace: default}, port: 8080}
          - delegateAction:
              ref: {name: shop}
          - routeAction:
              multi:
                destinations:
                - destination:
                    upstream: {name: default-reviews-9080}
      ---
      apiVersion: gloo.solo.io/v1
      kind: UpstreamGroup
      metadata:
        name: canary
      spec:
        destinations:
        - weight: 5
          destination:
            upstream: {name: default-reviews-v2-9080, namespace: gloo-system}
      ---
      apiVersion: gloo.solo.io/v1
      kind: Upstream
      metadata:
        name: default-reviews-9080
        namespace: gloo-system
      spec:
        kube: {serviceName: reviews, serviceNamespace: default, servicePort: 9080}
    `
  )

  it('reads single, multi and UpstreamGroup destinations, not kube or delegate actions', () => {
    const refs = vs.objects.flatMap(upstreamRefs)
    expect(refs.map((r) => [r.name, r.namespace, vs.file.lines.positionAt(r.node.start).line])).toEqual([
      ['default-petstore-8080', 'gloo-system', 10],
      ['default-reviews-9080', undefined, 20],
      ['default-reviews-v2-9080', 'gloo-system', 30]
    ])
  })

  it('keeps only discovered-looking names that no file defines', () => {
    const refs = undefinedDiscoveredRefs(buildProject([vs]))
    expect(refs.map((r) => r.name)).toEqual(['default-petstore-8080', 'default-reviews-v2-9080'])
    expect(describeRefs(refs, 1)).toBe('default-petstore-8080 (vs.yaml:10), 1 more')
  })
})
