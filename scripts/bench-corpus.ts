/**
 * Deterministic generator of a realistic Gloo corpus for the benchmark: values files, enterprise values,
 * Flux HelmRelease and Argo CD Application wrappers, rendered installs and Gloo CRs, with findings in most.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** mulberry32: a tiny seeded PRNG so the corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const bool = (r: Rand): string => (r() < 0.5 ? 'true' : 'false')
const VERSIONS = ['1.4.10', '1.8.12', '1.12.3', '1.14.13', '1.16.8', '1.17.4', '1.18.2', '1.19.1', '1.20.0']

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n)
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n')
}

function proxyValues(r: Rand, name: string): string {
  return `${name}:
  kind:
    deployment:
      replicas: ${pick(r, [1, 2, 3])}
  podTemplate:
    httpPort: ${pick(r, [8080, 80])}
    httpsPort: ${pick(r, [8443, 443])}
    disableNetBind: ${bool(r)}
    runUnprivileged: ${bool(r)}
    probes: ${bool(r)}
    resources:
      limits:
        cpu: ${pick(r, ['1', '2'])}
        memory: ${pick(r, ['512Mi', '1Gi'])}
  service:
    type: ${pick(r, ['LoadBalancer', 'NodePort', 'ClusterIP'])}
    extraAnnotations:
      service.beta.kubernetes.io/aws-load-balancer-type: nlb
  gatewaySettings:
    customHttpGateway:
      options:
        httpConnectionManagerSettings:
          useRemoteAddress: true
          xffNumTrustedHops: ${pick(r, [0, 1, 2])}
`
}

function ossValues(r: Rand): string {
  const proxies = ['gatewayProxy', 'publicGw', 'internalGw', 'partnerGw'].slice(0, 1 + Math.floor(r() * 3))
  return `# Gloo values (generated)
global:
  image:
    tag: ${pick(r, VERSIONS)}
  glooRbac:
    namespaced: ${bool(r)}
settings:
  writeNamespace: gloo-system
  disableKubernetesDestinations: ${bool(r)}
  invalidConfigPolicy:
    replaceInvalidRoutes: ${bool(r)}
    invalidRouteResponseCode: 404
gloo:
  deployment:
    replicas: ${pick(r, [1, 2, 3])}
  disableLeaderElection: ${bool(r)}
gateway:
  validation:
    alwaysAcceptResources: ${bool(r)}
    allowWarnings: ${bool(r)}
    failurePolicy: ${pick(r, ['Ignore', 'Fail'])}
  proxyServiceAccount:
    disableAutomount: ${bool(r)}
discovery:
  enabled: ${bool(r)}
gatewayProxies:
${indent(proxies.map((p) => proxyValues(r, p)).join(''), 2)}`
}

function eeValues(r: Rand): string {
  return `license_secret_name: license
create_license_secret: false
observability:
  enabled: ${bool(r)}
gloo:
${indent(ossValues(r).replace(/^global:[\s\S]*?(?=^settings:)/m, ''), 2)}`
}

function helmRelease(r: Rand, i: number): string {
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: gloo-${i}
  namespace: gloo-system
spec:
  interval: 10m
  chart:
    spec:
      chart: ${pick(r, ['gloo', 'gloo-ee'])}
      version: ${pick(r, VERSIONS)}
      sourceRef:
        kind: HelmRepository
        name: gloo
  values:
${indent(ossValues(r), 4)}`
}

function argoApp(r: Rand, i: number): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: gloo-${i}
  namespace: argocd
spec:
  project: platform
  destination:
    server: https://kubernetes.default.svc
    namespace: gloo-system
  source:
    chart: gloo
    repoURL: https://storage.googleapis.com/solo-public-helm
    targetRevision: ${pick(r, VERSIONS)}
    helm:
      values: |
${indent(ossValues(r), 8)}`
}

function proxyDeployment(r: Rand, name: string, version: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: gloo-system
  labels:
    app: gloo
    gloo: gateway-proxy
    gateway-proxy-id: ${name}
spec:
  replicas: ${pick(r, [1, 2, 3])}
  selector:
    matchLabels:
      gateway-proxy-id: ${name}
  template:
    metadata:
      labels:
        gloo: gateway-proxy
        gateway-proxy-id: ${name}
    spec:
      serviceAccountName: gateway-proxy
      containers:
      - name: ${name}
        image: quay.io/solo-io/gloo-envoy-wrapper:${version}
        args: ["--disable-hot-restart"]
        env:
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        ports:
        - containerPort: 8080
          name: http
        - containerPort: 8443
          name: https
        securityContext:
          allowPrivilegeEscalation: ${bool(r)}
          capabilities:
            add: ${r() < 0.5 ? '[NET_BIND_SERVICE]' : '[]'}
            drop:
            - ALL
          readOnlyRootFilesystem: ${bool(r)}
          runAsNonRoot: true
          runAsUser: 10101
        volumeMounts:
        - mountPath: /etc/envoy
          name: envoy-config
      volumes:
      - configMap:
          name: ${name}-envoy-config
        name: envoy-config
`
}

function configMap(r: Rand, i: number): string {
  const lines = Array.from({ length: 64 }, (_, k) => `    line ${k}: ${Math.floor(r() * 1e9).toString(36)}`).join('\n')
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: gloo-system
  labels:
    app: gloo
data:
  envoy.yaml: |
${lines}
`
}

function renderedInstall(r: Rand): string {
  const version = pick(r, VERSIONS)
  const docs: string[] = [
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n  namespace: gloo-system\n${r() < 0.5 ? 'automountServiceAccountToken: false\n' : ''}`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gloo\n  namespace: gloo-system\n  labels:\n    gloo: gloo\nspec:\n  replicas: ${pick(r, [1, 2])}\n  template:\n    spec:\n      containers:\n      - name: gloo\n        image: quay.io/solo-io/gloo:${version}\n        env:\n        - name: DISABLE_LEADER_ELECTION\n          value: "${bool(r)}"\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: discovery\n  namespace: gloo-system\n  labels:\n    gloo: discovery\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: discovery\n        image: quay.io/solo-io/discovery:${version}\n`,
    proxyDeployment(r, 'gateway-proxy', version),
    proxyDeployment(r, 'public-gw', version),
    settingsCr(r)
  ]
  for (let i = 0; i < 34; i++) docs.push(i % 3 === 0 ? upstream(r, i) : i % 3 === 1 ? virtualService(r, i) : configMap(r, i))
  return docs.join('---\n')
}

function settingsCr(r: Rand): string {
  return `apiVersion: gloo.solo.io/v1
kind: Settings
metadata:
  name: default
  namespace: gloo-system
spec:
  gloo:
    xdsBindAddr: 0.0.0.0:9977
    disableKubernetesDestinations: ${bool(r)}
    invalidConfigPolicy:
      replaceInvalidRoutes: ${bool(r)}
  gateway:
    validation:
      alwaysAccept: ${bool(r)}
      allowWarnings: ${bool(r)}
  discoveryNamespace: gloo-system
`
}

function upstream(r: Rand, i: number): string {
  return `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata:
  name: svc-${i}
  namespace: gloo-system
spec:
  kube:
    serviceName: svc-${i}
    serviceNamespace: apps
    servicePort: ${pick(r, [80, 8080, 9090])}
`
}

function virtualService(r: Rand, i: number): string {
  const routes = Array.from({ length: 4 }, (_, k) =>
    r() < 0.3
      ? `    - matchers:\n      - prefix: /kube-${k}\n      routeAction:\n        single:\n          kube:\n            ref:\n              name: svc-${k}\n              namespace: apps\n            port: 8080\n`
      : `    - matchers:\n      - prefix: /api-${k}\n      routeAction:\n        single:\n          upstream:\n            name: svc-${k}\n            namespace: gloo-system\n`
  ).join('')
  return `apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata:
  name: vs-${i}
  namespace: gloo-system
spec:
  virtualHost:
    domains:
    - 'app-${i}.example.com'
    routes:
${routes}`
}

/** Writes `files` files under `dir` and returns the total bytes. */
export function generateCorpus(dir: string, files: number, seed = 1): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true })
  const r = prng(seed)
  let bytes = 0
  for (let i = 0; i < files; i++) {
    const kind = i % 10
    const sub = join(dir, `env-${i % 7}`, `cluster-${i % 13}`)
    mkdirSync(sub, { recursive: true })
    let name: string
    let text: string
    if (kind <= 1) [name, text] = [`values-${i}.yaml`, ossValues(r)]
    else if (kind === 2) [name, text] = [`ee-values-${i}.yaml`, eeValues(r)]
    else if (kind === 3) [name, text] = [`helmrelease-${i}.yaml`, helmRelease(r, i)]
    else if (kind === 4) [name, text] = [`application-${i}.yaml`, argoApp(r, i)]
    else if (kind <= 7) [name, text] = [`install-${i}.yaml`, renderedInstall(r)]
    else [name, text] = [`routes-${i}.yaml`, [virtualService(r, i), upstream(r, i), settingsCr(r)].join('---\n')]
    writeFileSync(join(sub, name), text)
    bytes += Buffer.byteLength(text)
  }
  return { files, bytes }
}

/** A gateway proxy with every hardening the rules ask for (no finding of its own). */
function hardenedProxy(r: Rand, name: string): string {
  return `${name}:
  kind:
    deployment:
      replicas: ${pick(r, [2, 3, 4])}
  podTemplate:
    httpPort: 8080
    httpsPort: 8443
    probes: true
    livenessProbeEnabled: true
    gracefulShutdown:
      enabled: true
      sleepTimeSeconds: ${pick(r, [15, 20, 25])}
    terminationGracePeriodSeconds: 30
    resources:
      requests:
        cpu: ${pick(r, ['250m', '500m', '1'])}
        memory: ${pick(r, ['256Mi', '512Mi'])}
      limits:
        cpu: '2'
        memory: 1Gi
  antiAffinity: true
  disableCoreDumps: true
  podDisruptionBudget:
    maxUnavailable: 1
  service:
    type: ${pick(r, ['LoadBalancer', 'ClusterIP'])}
    extraAnnotations:
      service.beta.kubernetes.io/aws-load-balancer-type: nlb
  gatewaySettings:
    customHttpGateway:
      options:
        healthCheck:
          path: /envoy-hc
        httpConnectionManagerSettings:
          useRemoteAddress: true
          xffNumTrustedHops: ${pick(r, [0, 1, 2])}
`
}

/** OSS values with every hardening the rules ask for, chart 1.17: a scan finds nothing in them. */
function hardenedValues(r: Rand, i: number, count = 5 + Math.floor(r() * 5)): string {
  const proxies = ['gatewayProxy', ...Array.from({ length: count }, (_, k) => `team${i}Gw${k}`)]
  return `# Gloo values (generated, hardened)
global:
  image:
    tag: 1.17.4
  glooMtls:
    enabled: true
  podSecurityStandards:
    container:
      enableRestrictedContainerDefaults: true
settings:
  writeNamespace: gloo-system
  disableKubernetesDestinations: true
  invalidConfigPolicy:
    replaceInvalidRoutes: true
    invalidRouteResponseCode: 404
gloo:
  headerSecretRefNsMatchesUs: true
  deployment:
    replicas: ${pick(r, [2, 3])}
gateway:
  validation:
    alwaysAcceptResources: false
    allowWarnings: false
    failurePolicy: Fail
  proxyServiceAccount:
    disableAutomount: true
discovery:
  enabled: false
gatewayProxies:
${indent(proxies.map((p) => hardenedProxy(r, p)).join(''), 2)}`
}

/**
 * The low-findings corpus of the time target: hardened values files, one install per folder (`team-N/values.yaml`),
 * about 8 kB each. A scan of it costs what reading, parsing and judging cost, with almost no findings to report.
 */
export function generateHardenedCorpus(dir: string, files: number, seed = 1, flip: (text: string) => string = (t) => t): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true })
  const r = prng(seed)
  let bytes = 0
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `team-${String(i).padStart(4, '0')}`)
    mkdirSync(sub, { recursive: true })
    const text = flip(hardenedValues(r, i))
    writeFileSync(join(sub, 'values.yaml'), text)
    bytes += Buffer.byteLength(text)
  }
  return { files, bytes }
}

/** Settings of the hardened values turned back to their unhardened values, each a finding (per proxy where per proxy). */
const DEBT: readonly [RegExp, string][] = [
  [/^( {4}enabled:) true$(?=[\s\S]*^ {2}podSecurityStandards)/m, '$1 false'],
  [/(enableRestrictedContainerDefaults:) true/, '$1 false'],
  [/(replaceInvalidRoutes:) true/, '$1 false'],
  [/(headerSecretRefNsMatchesUs:) true/, '$1 false'],
  [/(alwaysAcceptResources:) false/, '$1 true'],
  [/(allowWarnings:) false/, '$1 true'],
  [/(failurePolicy:) Fail/, '$1 Ignore'],
  [/(disableAutomount:) true/, '$1 false'],
  [/^(discovery:\n {2}enabled:) false/m, '$1 true'],
  [/(\bprobes:) true/g, '$1 false'],
  [/(livenessProbeEnabled:) true/g, '$1 false'],
  [/(antiAffinity:) true/g, '$1 false'],
  [/(disableCoreDumps:) true/g, '$1 false'],
  [/(gracefulShutdown:\n +enabled:) true/g, '$1 false'],
  [/^( {6}deployment:\n {8}replicas:) \d/gm, '$1 1']
]

/**
 * The hardened corpus's twin with debt: the same files, the same size within a few bytes, with fifteen hardening
 * settings turned back (every proxy's among them), so that only the findings differ. The time a scan of it takes
 * over the hardened corpus, per extra finding, is the marginal cost of a finding: its rule's message and fix, and
 * its place in the report.
 */
export function generateDebtCorpus(dir: string, files: number, seed = 1): { files: number; bytes: number } {
  return generateHardenedCorpus(dir, files, seed, (text) => DEBT.reduce((t, [from, to]) => t.replace(from, to), text))
}

/** One values file of the debt twin's kind with `proxies` gateway proxies besides gatewayProxy: a file whose findings are many and all fixable. */
export function debtValuesFile(proxies: number, seed = 1): string {
  return DEBT.reduce((t, [from, to]) => t.replace(from, to), hardenedValues(prng(seed), 0, proxies))
}
