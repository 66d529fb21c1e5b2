/**
 * The first chart version that reads a values key (catalog section 4.3), as data: what fix condition F1 asks
 * ("the chart version is known and reads every key written") and what an unknown version assumes (section 1.4).
 */
import { hasSince, type Version } from './version.js'

/**
 * One row of section 4.3. `pattern` is an OSS key path (no `gloo.` prefix of an enterprise or umbrella chart);
 * a `*` segment matches one key (a proxy name), `*` inside a segment any characters of it
 * (`*SecurityContext`), and a `**` segment any number of keys, none included. `since` is the catalog's first
 * version, one per release line when it differs (`1.12.43/1.13.5/1.14.0-beta7`, read by `hasSince`).
 */
export interface KeySince {
  pattern: string
  since: string
}

/** Catalog section 4.3, row by row, in its order; the short names there are written here as full key paths. */
export const KEY_SINCE: readonly KeySince[] = [
  { pattern: 'settings.disableKubernetesDestinations', since: '1.3.3' },
  { pattern: 'global.glooMtls.enabled', since: '1.3.6' },
  { pattern: 'gateway.validation.webhook.enabled', since: '1.3.27/1.4.0-beta11' },
  { pattern: 'gatewayProxies.*.service.loadBalancerSourceRanges', since: '1.3.28/1.4.0-beta12' },
  { pattern: 'gatewayProxies.*.disabled', since: '1.4.7/1.5.0-beta13' },
  { pattern: 'gatewayProxies.*.podTemplate.gracefulShutdown', since: '1.4.8/1.5.0-beta14' },
  { pattern: 'gatewayProxies.*.podTemplate.terminationGracePeriodSeconds', since: '1.4.8/1.5.0-beta14' },
  { pattern: 'gatewayProxies.*.podTemplate.customReadinessProbe', since: '1.4.8/1.5.0-beta14' },
  { pattern: 'gatewayProxies.*.readConfigMulticluster', since: '1.6.0-beta24' },
  { pattern: 'gatewayProxies.*.podDisruptionBudget', since: '1.7.0-beta21' },
  { pattern: 'gatewayProxies.*.horizontalPodAutoscaler', since: '1.7.0-beta21' },
  { pattern: 'gatewayProxies.*.kind.daemonSet.hostNetwork', since: '1.8.0-beta13' },
  // "kubeResourceOverride (proxy)": the proxy's own and those of the objects it renders (service, PDB, HPA …).
  { pattern: 'gatewayProxies.*.**.kubeResourceOverride', since: '1.8.0-beta14' },
  { pattern: 'gatewayProxies.*.podTemplate.enablePodSecurityContext', since: '1.8.0-beta17' },
  { pattern: 'gatewayProxies.*.podTemplate.fsGroup', since: '1.8.0-beta17' },
  { pattern: 'gatewayProxies.*.topologySpreadConstraints', since: '1.11.48/1.12.41/1.13.3/1.14.0-beta4' },
  { pattern: 'global.istioIntegration.enableIstioSidecarOnGateway', since: '1.12.0-beta5' },
  { pattern: 'gatewayProxies.*.podTemplate.livenessProbeEnabled', since: '1.12.0-beta6' },
  { pattern: 'gatewayProxies.*.podTemplate.customLivenessProbe', since: '1.12.0-beta6' },
  { pattern: 'gatewayProxies.*.envoyOverloadManager', since: '1.12.0-beta6' },
  { pattern: 'gloo.disableLeaderElection', since: '1.12.32/1.13.0-beta25' },
  { pattern: 'gatewayProxies.*.disableCoreDumps', since: '1.12.43/1.13.5/1.14.0-beta7' },
  { pattern: 'gateway.validation.webhook.skipDeleteValidationResources', since: '1.13.20/1.14.6' },
  { pattern: 'gatewayProxies.*.podTemplate.glooContainerSecurityContext', since: '1.14.0-beta11' },
  { pattern: 'gatewayProxies.*.podTemplate.podSecurityContext', since: '1.14.0-beta11' },
  { pattern: 'global.glooMtls.sds.securityContext', since: '1.14.0-beta11' },
  { pattern: 'global.glooMtls.istioProxy.securityContext', since: '1.14.0-beta11' },
  { pattern: 'gateway.validation.webhook.timeoutSeconds', since: '1.14.0-beta12' },
  { pattern: '**.*SecurityContext.mergePolicy', since: '1.14.5/1.15.0-beta6' },
  { pattern: '**.securityContext.mergePolicy', since: '1.14.5/1.15.0-beta6' },
  { pattern: 'gloo.headerSecretRefNsMatchesUs', since: '1.14.13/1.15.0-beta23' },
  { pattern: 'gloo.podDisruptionBudget', since: '1.14.19/1.15.2' },
  { pattern: 'gateway.certGenJob.cron', since: '1.14.26/1.15.13' },
  { pattern: 'global.podSecurityStandards', since: '1.16.14/1.17.0-beta29' },
  { pattern: 'global.image.variant', since: '1.17.0-beta13' },
  { pattern: 'global.istioIntegration.enabled', since: '1.17.0' },
  { pattern: 'global.securitySettings.floatingUserId', since: '1.17.3/1.18.0-beta14' },
  { pattern: 'gatewayProxies.*.kind.deployment.priorityClassName', since: '1.17.4/1.18.0-beta16' },
  { pattern: 'gateway.validation.kubeCoreFailurePolicy', since: '1.18.0-beta34' },
  { pattern: 'gatewayProxies.*.kind.workloadType', since: '1.22.0-beta11' }
]

type Segment = '**' | ((key: string) => boolean)

/** A `*` segment: any one key. */
const ANY: Segment = () => true

const ROWS = KEY_SINCE.map((row) => ({ ...row, segments: row.pattern.split('.').map(segmentMatcher) }))

function segmentMatcher(segment: string): Segment {
  if (segment === '**') return '**'
  if (segment === '*') return ANY
  if (!segment.includes('*')) return (key) => key === segment
  const re = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
  return (key) => re.test(key)
}

/** How many keys of `path` the pattern matches from its start (a key below a row's key is new with it); -1 if none. */
function matchDepth(segments: readonly Segment[], path: readonly string[], i = 0, j = 0): number {
  if (i === segments.length) return j
  const s = segments[i]
  if (s === '**') {
    for (let k = j; k <= path.length; k++) {
      const depth = matchDepth(segments, path, i + 1, k)
      if (depth >= 0) return depth
    }
    return -1
  }
  return j < path.length && s(path[j]) ? matchDepth(segments, path, i + 1, j + 1) : -1
}

/**
 * The rows of section 4.3 a written key falls under: the key itself or one of its parents (writing
 * `…podDisruptionBudget.minAvailable` writes `…podDisruptionBudget`). The row naming the deepest key first.
 * @param path an OSS key path, dotted (`gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled`) or split.
 */
export function keySince(path: string | readonly string[]): readonly KeySince[] {
  const keys = typeof path === 'string' ? path.split('.') : path
  const dotted = memoKey(keys)
  let rows = sinceByKey.get(dotted)
  if (!rows) {
    rows = rowsStarting(keys[0])
      .rows.map((r) => ({ row: r, depth: matchDepth(r.segments, keys) }))
      .filter((m) => m.depth >= 0)
      .sort((a, b) => b.depth - a.depth)
      .map(({ row }) => Object.freeze({ pattern: row.pattern, since: row.since }))
    if (sinceByKey.size >= 10_000) sinceByKey.clear()
    sinceByKey.set(dotted, Object.freeze(rows))
  }
  return rows
}
/** The rows of each key asked about (every finding on a values key asks; keys name proxies, so they vary). */
const sinceByKey = new Map<string, readonly KeySince[]>()

/**
 * The rows that can match a key starting with `first`, in catalog order (those starting with it, or with a
 * pattern), and whether the key's second segment is free: every such row that starts with `first` matches it with
 * `*` (a proxy's name under `gatewayProxies`).
 */
function rowsStarting(first: string): { rows: typeof ROWS; secondFree: boolean } {
  let entry = byFirst.get(first)
  if (!entry) {
    const rows = ROWS.filter((r) => r.segments[0] === '**' || r.segments[0](first))
    entry = { rows, secondFree: rows.every((r) => r.segments[0] === '**' || r.segments[1] === ANY) }
    if (byFirst.size >= 1_000) byFirst.clear()
    byFirst.set(first, entry)
  }
  return entry
}
const byFirst = new Map<string, { rows: typeof ROWS; secondFree: boolean }>()

/**
 * The key the rows of `keys` are remembered by. A free second segment (`rowsStarting`) that no segment of a `**`
 * row matches cannot change which rows match: it is left out, so that one entry serves every proxy.
 */
function memoKey(keys: readonly string[]): string {
  if (keys.length > 1 && rowsStarting(keys[0]).secondFree && !DEEP.some((m) => m(keys[1]))) return [keys[0], '\u0000', ...keys.slice(2)].join('.')
  return keys.join('.')
}
/** The segments of the rows that start with `**`. */
const DEEP = ROWS.flatMap((r) => (r.segments[0] === '**' ? r.segments.filter((x): x is Exclude<Segment, '**'> => x !== '**') : []))

/**
 * Whether a chart of version `version` reads the key (every row it falls under); a key no row names is read by
 * every version (1.3.0 on). Unknown versions are the newest, as in `hasSince`.
 */
export function readsKey(path: string | readonly string[], version: Version | undefined): boolean {
  return keySince(path).every((row) => hasSince(version, row.since))
}

/** The first row a chart of version `version` lacks, for saying which version to upgrade to; undefined if none. */
export function unreadRow(path: string | readonly string[], version: Version | undefined): KeySince | undefined {
  return keySince(path).find((row) => !hasSince(version, row.since))
}
