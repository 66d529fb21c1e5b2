/**
 * Is a values map Gloo values, and of which chart? Catalog section 1.2: only strong evidence (a path only the
 * gloo chart reads) makes a file Gloo; keys every chart has (`ingress`, `gateway`, `settings`, `global` …) prove
 * nothing, and a stray key never flips the flavour.
 */
import { deref, findPair, getNode, isMap, mapEntries, keyOf } from '../yaml/query.js'
import type { MapNode, YamlNode } from '../yaml/tree.js'

export type Chart = 'gloo' | 'gloo-ee'

/** Paths (below the OSS chart's root) that only the gloo chart reads. `global.*` is listed apart: it stays at the root in gloo-ee too. */
const OSS_ONLY: readonly (readonly string[])[] = [
  ['gatewayProxies'],
  ['gloo', 'deployment'],
  ['gloo', 'disableLeaderElection'],
  ['gloo', 'headerSecretRefNsMatchesUs'],
  ['discovery', 'fdsMode'],
  ['settings', 'integrations', 'knative'],
  ['settings', 'invalidConfigPolicy'],
  ['settings', 'disableKubernetesDestinations'],
  ['settings', 'replaceInvalidRoutes'],
  ['gateway', 'validation', 'alwaysAcceptResources'],
  ['gateway', 'proxyServiceAccount'],
  ['gateway', 'certGenJob'],
  ['ingressProxy'],
  ['kubeGateway', 'gatewayParameters', 'glooGateway']
]
const GLOBAL_ONLY: readonly (readonly string[])[] = [
  ['global', 'glooRbac'],
  ['global', 'glooMtls'],
  ['global', 'glooStats'],
  ['global', 'istioSDS']
]
/** Keys only the gloo-ee chart has at its root; evidence only next to a `gloo:` map. */
const EE_ONLY = ['license_key', 'create_license_secret', 'license_secret_name', 'gloo-fed']
/** Keys that prove nothing alone: a file with only these (and a name with `gloo`) gets an input-unrecognized notice. */
export const WEAK_KEYS: ReadonlySet<string> = new Set([
  'ingress', 'gateway', 'settings', 'global', 'discovery', 'gloo', 'namespace', 'k8s', 'crds', 'rbac', 'prometheus',
  'grafana', 'redis', 'observability', 'image', 'service', 'resources', 'replicaCount', 'license_key'
])

export interface Evidence {
  /** OSS-only paths at the root (item 2 of section 1.2, `global.*` excluded). */
  oss: string[]
  /** The same paths under `gloo.` (item 3). */
  ee: string[]
  /** `global.*` Gloo paths: strong for either flavour, decide neither. */
  global: string[]
  /** An EE-only root key next to a `gloo:` map. */
  eeOnly?: string
  /** Some key of the weak list is present. */
  weak: boolean
}

function has(root: YamlNode | null, path: readonly string[]): boolean {
  const parent = path.length > 1 ? getNode(root, path.slice(0, -1)) : root
  const pair = findPair(parent, path[path.length - 1])
  if (!pair) return false
  // `gatewayProxies` counts only as a map of maps (a proxy name → its spec).
  if (path.length === 1 && path[0] === 'gatewayProxies') {
    const v = deref(pair.value)
    return isMap(v) && v.pairs.length > 0 && v.pairs.every((p) => { const d = deref(p.value); return isMap(d) || (d?.kind === 'scalar' && (d.empty || d.value === 'null' || d.value === '~')) })
  }
  return true
}

/** The evidence a values map carries about being Gloo values. */
export function valuesEvidence(root: MapNode): Evidence {
  const join = (p: readonly string[]): string => p.join('.')
  const oss = OSS_ONLY.filter((p) => has(root, p)).map(join)
  const glooMap = getNode(root, ['gloo'])
  const ee = isMap(glooMap) ? OSS_ONLY.filter((p) => has(glooMap, p)).map((p) => `gloo.${join(p)}`) : []
  const global = GLOBAL_ONLY.filter((p) => has(root, p)).map(join)
  const keys = mapEntries(root).map(keyOf)
  const ev: Evidence = { oss, ee, global, weak: keys.some((k) => WEAK_KEYS.has(k)) }
  const eeKey = EE_ONLY.find((k) => keys.includes(k))
  if (eeKey && isMap(glooMap) && glooMap.pairs.length > 0) ev.eeOnly = eeKey
  return ev
}

/** Strong evidence: some path only Gloo reads. */
export const isStrong = (e: Evidence): boolean => e.oss.length + e.ee.length + e.global.length > 0 || e.eeOnly !== undefined

/**
 * The flavour of a values map: the chart named by a descriptor or the config decides; else an EE-only key makes
 * it enterprise; else the flavour with more strong paths wins, a tie is OSS.
 */
export function flavourOf(e: Evidence, named?: Chart): Chart {
  if (named) return named
  if (e.eeOnly) return 'gloo-ee'
  return e.ee.length > e.oss.length ? 'gloo-ee' : 'gloo'
}
