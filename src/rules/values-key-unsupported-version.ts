/**
 * values-key-unsupported-version: a values key the detected chart version does not read, although other chart
 * versions do (catalog section 4.3). Which versions read a key comes from the chart data (docs/chart-schema.md),
 * through the walk values-unknown-key shares.
 */
import { COVERED_VERSIONS } from '../gloo/chart.js'
import { keyPath } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { deref, isTrue, scalarValue } from '../yaml/query.js'
import { hasSince, type Version } from '../gloo/version.js'
import { chartKeyVerdicts, describeChart, type KeyVerdict } from '../gloo/chart-keys.js'
import { defineRule, type Problem } from './types.js'

type MessageId = 'newer' | 'newerEquivalent' | 'older' | 'literal'

/** `1.12.59` → `1.12`: the data covers one release per minor, so a minor is all a message can claim. */
const minorOf = (version: string): string => version.split('.').slice(0, 2).join('.')

/** `1.14.3`, `1.15.0-beta5`: the detected release itself, for the one rule with a boundary inside a minor. */
const releaseOf = (v: Version): string => `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre[0]}${v.pre[1]}` : ''}`

// The chart data covers only the newest patch of each minor (1.14.32 for 1.14), so a boundary inside a minor is
// invisible to it: 1.14.3 is answered with 1.14.32's keys. Where this rule needs such a boundary, it takes it from
// the catalog (section 4.3) through src/gloo/version.ts `hasSince`, as below. Other mid-minor boundaries of 4.3
// (`gloo.headerSecretRefNsMatchesUs` 1.14.13, `kind.workloadType` 1.22.0-beta11 …) are not applied: a key the
// minor's newest patch reads is taken as read by the whole minor.

/** `…SecurityContext.mergePolicy` is read from 1.14.5/1.15.0-beta6; the contexts it sits in exist from 1.14.0-beta11. */
const MERGE_POLICY_SINCE = '1.14.5/1.15.0-beta6'
const SECURITY_CONTEXTS_SINCE = '1.14.0-beta11'

/** In 1.14.0-beta11 … 1.14.4 and 1.15.0-beta1 … beta5 the templates copy a context's `mergePolicy` into the object. */
function copiesMergePolicy(v: Version | undefined): boolean {
  return !!v && hasSince(v, SECURITY_CONTEXTS_SINCE) && !hasSince(v, MERGE_POLICY_SINCE)
}

const isMergePolicy = (path: readonly string[]): boolean =>
  path.length > 1 && path[path.length - 1] === 'mergePolicy' && /[sS]ecurityContext$/.test(path[path.length - 2])

/**
 * The older equivalent the catalog names for a key newer than the detected chart, as a clause of the message;
 * undefined when there is none.
 */
function olderEquivalent(v: ValuesInput, verdict: KeyVerdict): string | undefined {
  const p = verdict.path
  if (p[0] !== 'gatewayProxies' || p.length !== 4) return undefined
  const value = deref(verdict.pair.value)
  // Before 1.12.0-beta6 `probes: true` renders the liveness probe with the readiness probe (catalog 4.2, Probes).
  if (p[2] === 'podTemplate' && p[3] === 'livenessProbeEnabled' && isTrue(value))
    return `${keyPath(v, [p[0], p[1], 'podTemplate', 'probes'])}: true renders the liveness probe together with the readiness probe`
  // A DaemonSet needs `kind.deployment: null` before 1.22.0-beta11; on a custom proxy only from 1.7.1/1.8.0-beta3
  // (catalog 4.2, Workload kind).
  const customOk = p[1] === 'gatewayProxy' || hasSince(v.chartVersion, '1.7.1/1.8.0-beta3')
  if (p[2] === 'kind' && p[3] === 'workloadType' && scalarValue(value) === 'DaemonSet' && customOk)
    return `${keyPath(v, [p[0], p[1], 'kind', 'deployment'])}: null next to ${keyPath(v, [p[0], p[1], 'kind', 'daemonSet'])} renders a DaemonSet`
  return undefined
}

function problemOf(v: ValuesInput, verdict: KeyVerdict): Problem<MessageId> | undefined {
  const node = verdict.pair.key
  const chart = describeChart(v.chartVersion)
  if (verdict.kind === 'watched')
    return { messageId: 'literal', node, data: { key: verdict.key, release: releaseOf(v.chartVersion!), since: MERGE_POLICY_SINCE } }
  if (verdict.kind !== 'otherVersion' || !verdict.own) return undefined
  const own = verdict.checked[0]
  const readBy = verdict.readBy ?? []
  const next = readBy.find((vi) => vi > own)
  if (next === undefined) {
    const until = minorOf(COVERED_VERSIONS[readBy[readBy.length - 1]])
    return { messageId: 'older', node, data: { key: verdict.key, until, chart } }
  }
  const since = minorOf(COVERED_VERSIONS[next])
  const equivalent = olderEquivalent(v, verdict)
  return equivalent
    ? { messageId: 'newerEquivalent', node, data: { key: verdict.key, since, chart, equivalent } }
    : { messageId: 'newer', node, data: { key: verdict.key, since, chart } }
}

export default defineRule({
  meta: {
    id: 'values-key-unsupported-version',
    category: 'hygiene',
    severity: 'warning',
    kinds: ['values'],
    fixable: false,
    description: 'Helm values must not rely on keys that the detected Gloo chart version does not read.',
    remediation: 'Upgrade the chart to a version that reads the key, or use the older equivalent the message names; otherwise delete the key.',
    messages: {
      newer: '{{key}} is read by the chart only from {{since}} on, so {{chart}} ignores it.',
      newerEquivalent: '{{key}} is read by the chart only from {{since}} on, so {{chart}} ignores it; there {{equivalent}}.',
      older: '{{key}} is read by the chart only up to {{until}}, so {{chart}} ignores it.',
      literal:
        '{{key}} is copied as is into the rendered securityContext by chart {{release}}, where schema validation rejects it; the chart reads mergePolicy only from {{since}} on.'
    }
  },

  *checkValues(v) {
    // Without a version every covered version counts as the install's, so no key is another version's.
    if (!v.chartVersion) return
    const watch = copiesMergePolicy(v.chartVersion) ? isMergePolicy : undefined
    for (const verdict of chartKeyVerdicts(v, watch)) {
      const problem = problemOf(v, verdict)
      if (problem) yield problem
    }
  }
})
