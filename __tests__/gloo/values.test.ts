import { describe, expect, it } from 'vitest'
import { loadFile, type ValuesInput } from '../../src/forms/manifests.js'
import { getGlobal, proxyLookup, proxyValue, valuesProxies } from '../../src/gloo/values.js'
import { parseVersion } from '../../src/gloo/version.js'
import { scalarValue } from '../../src/yaml/query.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** The values of `texts`, highest layer first, at chart `version`. */
function valuesAt(version: string, ...texts: string[]): ValuesInput {
  const [top, ...lower] = texts.map((t, i) => loadFile(`values-${i}.yaml`, t).values[0])
  return { ...top, layers: [top, ...lower].flatMap((x) => x.layers), chartVersion: parseVersion(version) }
}

const valueOf = (found: ReturnType<typeof getGlobal>): unknown => (found ? scalarValue(found.node) : 'absent')

describe('getGlobal', () => {
  const top = yaml`
    global:
      istioIntegration:
        enabled: true
      securitySettings:
        floatingUserId: null
  `
  const lower = yaml`
    global:
      istioIntegration:
        enabled: false
        enableIstioSidecarOnGateway: true
      securitySettings:
        floatingUserId: true
      image:
        tag: 1.17.4
  `

  it('answers paths that share their first segments, each from the layer that decides, asked in any order and again', () => {
    const v = valuesAt('1.17.4', top, lower)
    const ask = (): unknown[] => [
      valueOf(getGlobal(v, ['istioIntegration', 'enableIstioSidecarOnGateway'])),
      valueOf(getGlobal(v, ['istioIntegration', 'enabled'])),
      getGlobal(v, ['istioIntegration'])?.node.kind,
      // The top layer's null deletes the lower layer's true.
      valueOf(getGlobal(v, ['securitySettings', 'floatingUserId'])),
      valueOf(getGlobal(v, ['image', 'tag'])),
      valueOf(getGlobal(v, ['image', 'repository'])),
      valueOf(getGlobal(v, ['istioSDS', 'enabled']))
    ]
    const expected = [true, true, 'map', 'absent', '1.17.4', 'absent', 'absent']
    expect(ask()).toEqual(expected)
    expect(ask()).toEqual(expected)
    // The line of the deciding layer's node: the top layer's `enabled: true`, the lower layer's tag.
    expect(getGlobal(v, ['istioIntegration', 'enabled'])!.layer.file.path).toBe('values-0.yaml')
    expect(getGlobal(v, ['image', 'tag'])!.layer.file.path).toBe('values-1.yaml')
  })

  it('keeps each values’ answers apart', () => {
    const both = valuesAt('1.17.4', top, lower)
    const alone = valuesAt('1.17.4', lower)
    expect(valueOf(getGlobal(both, ['istioIntegration', 'enabled']))).toBe(true)
    expect(valueOf(getGlobal(alone, ['istioIntegration', 'enabled']))).toBe(false)
    expect(valueOf(getGlobal(alone, ['securitySettings', 'floatingUserId']))).toBe(true)
    expect(valueOf(getGlobal(both, ['securitySettings', 'floatingUserId']))).toBe('absent')
  })
})

describe('proxy values', () => {
  const text = yaml`
    gatewayProxies:
      gatewayProxy:
        podTemplate:
          runAsUser: 10101
          probes: true
      publicGw:
        podTemplate:
          runAsUser: 20202
        kind: null
  `

  it('tells a proxy’s own value from one inherited from gatewayProxy', () => {
    const v = valuesAt('1.17.4', text)
    const publicGw = valuesProxies(v).find((p) => p.key === 'publicGw')!
    const own = proxyValue(v, publicGw, ['podTemplate', 'runAsUser'])
    const inherited = proxyValue(v, publicGw, ['podTemplate', 'probes'])
    expect([scalarValue(own!.node), own!.inherited]).toEqual([20202, false])
    expect([scalarValue(inherited!.node), inherited!.inherited]).toEqual([true, true])
    // Asked again: the same answers (a value handed on as it is found is never changed by a later inherited one).
    expect(proxyValue(v, publicGw, ['podTemplate', 'runAsUser'])!.inherited).toBe(false)
    expect(proxyValue(v, publicGw, ['podTemplate', 'probes'])!.inherited).toBe(true)
  })

  it('looks up the first `length` segments of a path only', () => {
    const v = valuesAt('1.17.4', text)
    const path = ['kind', 'deployment', 'replicas']
    // `kind: null` decides `kind` and deletes everything below it.
    expect(proxyLookup(v, 'publicGw', path, 1)).toMatchObject({ deleted: true })
    expect(proxyLookup(v, 'publicGw', path, 2)).toBeNull()
    expect(scalarValue(proxyLookup(v, 'publicGw', ['podTemplate', 'runAsUser', 'x'], 2)!.node)).toBe(20202)
    expect(proxyLookup(v, 'publicGw', ['podTemplate', 'runAsUser', 'x'])).toBeNull()
  })
})
