/** The project of a run: facts taken file by file, whole objects only of the kinds rules read across files. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFile } from '../../src/forms/manifests.js'
import { buildProject, describeDestinations, FACT_WORDS, fileFacts, mayHoldFacts } from '../../src/gloo/project.js'
import { generateCorpus } from '../../scripts/bench-corpus.js'
import { yaml } from '../../__fixtures__/yaml.js'

const ROOT = join(__dirname, '..', '..')

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e)
    if (e === 'node_modules') continue
    if (statSync(p).isDirectory()) yamlFiles(p, out)
    else if (/\.(ya?ml|json)$/.test(e)) out.push(p)
  }
  return out
}

const kinds = (texts: string[]) => {
  const p = buildProject(texts.map((t, i) => loadFile(`f${i}.yaml`, t)))
  return p.objects.map((o) => `${o.kind}/${o.name}`)
}

const deployment = (name: string, image: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
  spec:
    template:
      spec:
        containers:
        - name: ${name}
          image: ${image}
`

describe('mayHoldFacts', () => {
  it('is false only for files from which the project takes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloo-harden-facts-'))
    try {
      generateCorpus(dir, 60, 11)
      const paths = [...yamlFiles(join(ROOT, '__fixtures__')), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(dir)]
      let factFree = 0
      for (const path of paths) {
        const text = readFileSync(path, 'utf8')
        if (mayHoldFacts(text)) continue
        factFree++
        const file = loadFile(path, text)
        expect([...fileFacts(file).kept], path).toEqual([])
        const p = buildProject([file])
        expect([p.objects, p.kubeDestinations, p.kubeDestinationsDisabled, p.kubeUpstreams, [...p.upstreamNames], [...p.serviceAccounts], p.proxies, p.knative], path).toEqual([[], [], [], [], [], [], [], false])
      }
      expect(factFree).toBeGreaterThan(5)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['a Secret', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  a: b\n', false],
    ['a Service', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n', false],
    ['values without the keys the project reads', 'gateway:\n  validation:\n    failurePolicy: Fail\n', false],
    ['a ConfigMap (it may be a Flux values layer)', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n', true],
    ['values with a key that proves them Gloo (install evidence)', 'gateway:\n  validation:\n    alwaysAcceptResources: true\n', true],
    ['a file that names Gloo', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gloo\n', true],
    ['a ServiceAccount', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n', true],
    ['a VirtualService', 'apiVersion: gateway.solo.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n', true],
    ['values that disable Kubernetes destinations', 'settings:\n  disableKubernetesDestinations: true\n', true],
    ['an Argo parameter that turns Knative on', 'spec:\n  source:\n    helm:\n      parameters:\n      - name: settings.integrations.knative.enabled\n', true]
  ])('says whether %s may hold facts', (_name, text, expected) => {
    expect(mayHoldFacts(text)).toBe(expected)
  })

  it('finds each of its words anywhere in a text, and only as written', () => {
    const filler = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n'.repeat(50)
    expect(FACT_WORDS).toHaveLength(22)
    for (const word of FACT_WORDS) {
      expect(mayHoldFacts(`${filler}  labels:\n    app: x-${word}-y\n`), word).toBe(true)
      expect(mayHoldFacts(`${filler}  labels:\n    app: x-${word.slice(0, -1)}-y\n`), word).toBe(false)
    }
    // The dot of solo.io is a dot, not any character.
    expect(mayHoldFacts(`${filler}  labels:\n    app: soloXio\n`)).toBe(false)
  })
})

describe('ProjectBuilder', () => {
  it('keeps whole only the objects rules read across files', () => {
    const objects = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cm
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: gateway-proxy
      ---
      apiVersion: gloo.solo.io/v1
      kind: Upstream
      metadata:
        name: static
      spec:
        static:
          hosts: [{addr: example.com, port: 80}]
      ---
      apiVersion: gloo.solo.io/v1
      kind: Upstream
      metadata:
        name: petstore
      spec:
        kube: {serviceName: petstore, serviceNamespace: default, servicePort: 8080}
      ---
      apiVersion: gateway.solo.io/v1
      kind: VirtualService
      metadata:
        name: plain
      spec:
        virtualHost:
          routes:
          - routeAction: {single: {upstream: {name: petstore}}}
      ---
      apiVersion: gateway.solo.io/v1
      kind: VirtualService
      metadata:
        name: discovered
      spec:
        virtualHost:
          routes:
          - routeAction: {single: {upstream: {name: default-petstore-8080}}}
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: pdb
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: hpa
    `
    expect(kinds([objects, deployment('gateway-proxy', 'quay.io/solo-io/gloo-envoy-wrapper:1.17.4'), deployment('web', 'nginx:1.27')])).toEqual([
      'PodDisruptionBudget/pdb',
      'HorizontalPodAutoscaler/hpa'
    ])
  })

  it('remembers references to discovered-looking Upstreams as records (name, file, line), not the route objects', () => {
    const file = loadFile(
      'routes/vs.yaml',
      yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: discovered
          namespace: gloo-system
        spec:
          virtualHost:
            routes:
            - routeAction: {single: {upstream: {name: default-petstore-8080, namespace: gloo-system}}}
            - routeAction: {single: {upstream: {name: static-one}}}
      `
    )
    const { facts, kept } = fileFacts(file)
    expect(kept.size).toBe(0)
    expect(facts.objects).toEqual([])
    expect(facts.discoveredRefs).toEqual([{ name: 'default-petstore-8080', namespace: 'gloo-system', path: 'routes/vs.yaml', line: 9 }])
  })

  it('remembers Upstreams with spec.kube and rendered proxies as facts, not trees', () => {
    const upstream = yaml`
      apiVersion: gloo.solo.io/v1
      kind: Upstream
      metadata:
        name: petstore
        namespace: gloo-system
      spec:
        kube: {serviceName: petstore, servicePort: 8080}
    `
    const p = buildProject([upstream, deployment('gateway-proxy', 'quay.io/solo-io/gloo-envoy-wrapper:1.17.4')].map((t, i) => loadFile(`f${i}.yaml`, t)))
    expect(p.kubeUpstreams).toEqual([{ name: 'petstore', namespace: 'gloo-system', service: 'petstore', serviceNamespace: 'gloo-system', port: '8080' }])
    expect(p.proxies.map((x) => [x.name, x.daemonSet, x.replicas, x.serviceAccount, x.podAutomountOff, x.istio])).toEqual([
      ['gateway-proxy', false, 1, 'default', false, undefined]
    ])
    expect(p.objects).toEqual([])
  })

  it('remembers Kubernetes destinations as places, and names the disabling objects before the values', () => {
    const values = 'settings:\n  disableKubernetesDestinations: true\n'
    const settings = yaml`
      apiVersion: gloo.solo.io/v1
      kind: Settings
      metadata:
        name: default
      spec:
        gloo:
          disableKubernetesDestinations: true
    `
    const vs = yaml`
      apiVersion: gateway.solo.io/v1
      kind: VirtualService
      metadata:
        name: vs
        namespace: apps
      spec:
        virtualHost:
          routes:
          - routeAction:
              single:
                kube:
                  ref: {name: petstore, namespace: default}
                  port: 8080
    `
    const p = buildProject([loadFile('values.yaml', values), loadFile('vs.yaml', vs), loadFile('settings.yaml', settings)])
    expect(p.kubeDestinations).toEqual([{ path: 'vs.yaml', line: 11, resource: 'VirtualService/apps/vs', via: 'kube', service: 'petstore', namespace: 'default', port: '8080' }])
    expect(describeDestinations(p.kubeDestinations)).toBe('vs.yaml:11')
    expect(p.kubeDestinationsDisabled.map((d) => `${d.path}:${d.line}`)).toEqual(['settings.yaml:7', 'values.yaml:2'])
    // The Settings resource is a count, not a tree.
    expect([p.objects, p.settings]).toEqual([[], 1])
  })
})
