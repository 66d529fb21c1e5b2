/** proxy-security-context-replaced: a securityContext map in the values that replaces the chart's defaults instead of merging into them. */
import { keyPath, setValueFix, type ValuesProxy } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { deref, scalarValue } from '../yaml/query.js'
import {
  CONTAINER_SC,
  contextMap,
  envoyContainerDefaults,
  floatingUser,
  isHelmEmpty,
  MERGE_POLICY_SINCE,
  mergesAt,
  POD_SC,
  podContextRendered,
  proxyPodDefaults,
  proxySetting,
  renderedValuesProxies,
  reportOnce,
  SECURITY_CONTEXT_SINCE,
  type ContextMap,
  type DefaultEntry
} from '../gloo/security.js'
import type { YamlNode } from '../yaml/tree.js'
import { hasSince, versionNote } from '../gloo/version.js'
import { defineRule, type Problem } from './types.js'

type MessageId = 'replaced' | 'podReplaced' | 'merge'

const isZero = (value: DefaultEntry['value']): boolean => value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0)

/** How a message says why the map replaces: no helm-merge, another policy, or a chart that does not read the key. */
function policyText(v: ValuesInput, map: ContextMap): string {
  const value = map.policy?.value
  if (value === 'helm-merge') return `chart ${v.chartVersion?.raw ?? ''} does not read mergePolicy (from 1.14.5 and 1.15.0-beta6)`
  if (value !== undefined) return `mergePolicy is ${value === '' ? '""' : value}`
  return 'no mergePolicy: helm-merge'
}

/** The value a key of the map has as written, for messages: `false`, `0`, `""`. */
const written = (node: YamlNode): string => {
  const n = deref(node)
  if (!n) return 'empty'
  if (n.kind === 'map') return '{}'
  if (n.kind === 'seq') return '[]'
  const value = scalarValue(n)
  return value === '' ? '""' : String(value)
}

/**
 * What a human should check before `mergePolicy: helm-merge` goes in (empty: the fix is safe, catalog F1/F3).
 * helm-merge is Helm's `merge`: the map's keys win, but a key it leaves out, or sets to a zero value, takes the
 * chart's default (1.22.1 H:230).
 */
function mergeChecks(v: ValuesInput, proxy: ValuesProxy, map: ContextMap, sub: readonly string[], defaults: readonly DefaultEntry[]): string[] {
  const checks: string[] = []
  if (!v.chartVersion) checks.push('the chart version is unknown, and mergePolicy needs chart 1.14.5, 1.15.0-beta6 or later')
  // 1.14.0-beta11…1.14.8 and 1.15.0-beta1…13 render runAsUser: 0 with floatingUserId: merged in, the kubelet refuses it.
  if (floatingUser(v, proxy)) checks.push('floatingUserId is set: check the runAsUser the merged context ends up with')
  for (const entry of defaults) {
    const found = proxySetting(v, proxy, [...sub, ...entry.path])
    if (entry.hardening && found && isHelmEmpty(found.node) && !isZero(entry.value))
      checks.push(`helm-merge would turn ${entry.path.join('.')}: ${written(found.node)} into the chart's ${entry.label}`)
    // The chart grants NET_BIND_SERVICE (disableNetBind: false); a replacing map without `add` does not.
    if (!entry.hardening && (!found || isHelmEmpty(found.node))) checks.push(`helm-merge would add the chart's ${entry.label} (disableNetBind is false)`)
  }
  if (map.policy?.value === 'no-merge') checks.push(`it reverses mergePolicy: no-merge in ${keyPath(v, map.policy.path)}`)
  return checks
}

function* replacedProblems(
  v: ValuesInput,
  proxy: ValuesProxy,
  sub: readonly string[],
  messageId: 'replaced' | 'podReplaced',
  defaultsOf: (v: ValuesInput, proxy: ValuesProxy) => readonly DefaultEntry[],
  once: (node: Problem['node'], id: string) => boolean
): Generator<Problem<MessageId>> {
  const map = contextMap(v, proxy, sub)
  if (!map || mergesAt(v, map)) return
  // The defaults a replacing map loses: worked out only for one (most maps merge, or there is none).
  const defaults = defaultsOf(v, proxy)
  // Only what the map leaves out is lost; a key it sets to another value is the other rules' finding.
  const dropped = defaults.filter((e) => e.hardening && !proxySetting(v, proxy, [...sub, ...e.path])).map((e) => e.label)
  if (!dropped.length) return
  const node = map.found.pair?.key ?? map.found.node
  if (!once(node, messageId)) return
  const key = keyPath(v, map.path)
  const problem: Problem<MessageId> = {
    messageId,
    node,
    key: proxy.key,
    // The verdict rests on a chart that reads the map (1.14.0-beta11) and, without helm-merge read, replaces with it.
    data: { key, proxy: proxy.name, dropped: dropped.join(', '), policy: policyText(v, map), chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
    ...(messageId === 'podReplaced' ? { severity: 'notice' as const } : {})
  }
  // A chart that does not read mergePolicy gets no edit: it would render the key into the securityContext.
  if (hasSince(v.chartVersion, MERGE_POLICY_SINCE)) {
    const edits = setValueFix(v, [...map.path, 'mergePolicy'], 'helm-merge')
    const checks = mergeChecks(v, proxy, map, sub, defaults)
    if (edits?.length && !checks.length) problem.fix = edits
    else if (edits?.length) problem.suggest = [{ messageId: 'merge', data: { key, check: checks.join('; ') }, edits }]
  }
  yield problem
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-security-context-replaced',
    category: 'security',
    severity: 'warning',
    kinds: ['values'],
    fixable: true,
    description: "A gateway proxy's glooContainerSecurityContext or podSecurityContext should merge into the chart's secure defaults, not replace them.",
    remediation:
      'Add mergePolicy: helm-merge to gatewayProxies.<proxy>.podTemplate.glooContainerSecurityContext (and podSecurityContext) on chart 1.14.5, 1.15.0-beta6 or later, or write every default it drops into the map.',
    messages: {
      replaced:
        "{{key}} replaces the chart's securityContext defaults of the Envoy container of proxy '{{proxy}}' ({{policy}}), so Envoy runs without {{dropped}}{{chart}}.",
      podReplaced: "{{key}} replaces the chart's pod securityContext defaults of proxy '{{proxy}}' ({{policy}}), so the pod runs without {{dropped}}{{chart}}.",
      merge: "Set mergePolicy: helm-merge in {{key}} so the chart's defaults fill the keys it leaves out (check first: {{check}})."
    }
  },

  *checkValues(v) {
    if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) return
    const once = reportOnce()
    for (const proxy of renderedValuesProxies(v)) {
      yield* replacedProblems(v, proxy, CONTAINER_SC, 'replaced', envoyContainerDefaults, once)
      if (podContextRendered(v, proxy)) yield* replacedProblems(v, proxy, POD_SC, 'podReplaced', proxyPodDefaults, once)
    }
  }
})
