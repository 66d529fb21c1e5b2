/** proxy-seccomp: Envoy should run under a seccomp profile (RuntimeDefault or Localhost), set on its container or its pod. */
import { setPath } from '../yaml/edits.js'
import { getValue, keyPath, locate, proxyPath, renderedProxy, setValueFix, type ValuesProxy } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { asString, getNode, jsonPathOf, seqItems } from '../yaml/query.js'
import {
  containerAnchor,
  CONTAINER_SC,
  contextMap,
  globalValues,
  isHelmEmpty,
  MERGE_POLICY_SINCE,
  mergesAt,
  OVERRIDE_POD_SPEC,
  OVERRIDE_SINCE,
  overrideEnvoyContainer,
  POD_SC,
  podContextRendered,
  proxyLabel,
  proxySetting,
  PSS_SINCE,
  PSS_SWITCH,
  renderedValuesProxies,
  reportOnce,
  restrictedDefaults,
  SECURITY_CONTEXT_SINCE
} from '../gloo/security.js'
import type { YamlNode } from '../yaml/tree.js'
import { hasSince, isAtLeast, versionNote } from '../gloo/version.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule, type Problem } from './types.js'

type MessageId = 'missing' | 'unconfined' | 'oldChart' | 'container' | 'pss' | 'override'

/** The profiles that confine a container (Kubernetes `SeccompProfile.type`); `Unconfined` turns seccomp off. */
const CONFINED = new Set(['RuntimeDefault', 'Localhost'])
const SECCOMP_TYPE = ['seccompProfile', 'type'] as const
const RUNTIME_DEFAULT = 'RuntimeDefault'

/** A seccomp profile type as it reaches the container or the pod, and where it is written. */
interface Profile {
  type: string | undefined
  /** The node that decides (the `type` value, or the PSS switch). */
  node: YamlNode
  /** Edits turning an `Unconfined` into RuntimeDefault: made only for a finding (most profiles are confined). */
  edits?: () => TextEdit[] | null
  /** How a message names it: worked out for a finding only, like `edits`. */
  key: () => string
}

const confined = (p: Profile | null): boolean => !!p?.type && CONFINED.has(p.type)
const unconfined = (p: Profile | null): boolean => p?.type === 'Unconfined'

/** The profile a values setting writes below `sub` (a securityContext map's path under the proxy), if any. */
function fromSetting(v: ValuesInput, proxy: ValuesProxy, sub: readonly string[]): Profile | null {
  const s = proxySetting(v, proxy, [...sub, ...SECCOMP_TYPE])
  return s ? { type: asString(s.node), node: s.node, key: () => keyPath(v, s.path), edits: () => setValueFix(v, s.path, RUNTIME_DEFAULT) } : null
}

/**
 * The Envoy container's profile as the chart renders it (catalog 4.2): from glooContainerSecurityContext (replacing,
 * or merged into defaults holding the PSS profile) or the PSS defaults; a kubeResourceOverride containers list has the
 * last word (mergeOverwrite replaces the chart's list).
 */
function containerProfile(v: ValuesInput, proxy: ValuesProxy): Profile | null {
  const envoy = isAtLeast(v.chartVersion, OVERRIDE_SINCE) ? overrideEnvoyContainer(v, proxy) : null
  if (envoy) {
    const node = getNode(envoy.container, ['securityContext', ...SECCOMP_TYPE])
    const src = envoy.found.layer.synthetic ? null : envoy.found.layer.file.edit
    return node ? { type: asString(node), node, key: () => jsonPathOf(node), edits: () => src && setPath(src, envoy.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT) } : null
  }
  if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) return null
  const map = contextMap(v, proxy, CONTAINER_SC)
  const merge = mergesAt(v, map)
  const own = map ? fromSetting(v, proxy, CONTAINER_SC) : null
  // helm-merge refills an empty type from the defaults; a replacing map keeps only what it says.
  if (own && !(merge && isHelmEmpty(own.node))) return own
  const pss = restrictedDefaults(v)
  return pss && (!map || merge) ? { type: pss.seccompType, node: pss.found.node, key: () => 'global.podSecurityStandards.container' } : null
}

/**
 * The pod's profile as the chart renders it: from podSecurityContext; a kubeResourceOverride's pod securityContext
 * merges over the chart's (mergeOverwrite). Asked only when the container has no confined profile of its own.
 */
function podProfile(v: ValuesInput, proxy: ValuesProxy): Profile | null {
  if (isAtLeast(v.chartVersion, OVERRIDE_SINCE)) {
    const podPath = proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE])
    const podOverride = getValue(v, podPath)
    if (podOverride && !isHelmEmpty(podOverride.node))
      return { type: asString(podOverride.node), node: podOverride.node, key: () => keyPath(v, podPath), edits: () => setValueFix(v, podPath, RUNTIME_DEFAULT) }
  }
  return hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE) && podContextRendered(v, proxy) && contextMap(v, proxy, POD_SC) ? fromSetting(v, proxy, POD_SC) : null
}

/** Suggestions for a proxy whose pod and Envoy container have no profile at all. */
function missingSuggestions(v: ValuesInput, proxy: ValuesProxy): NonNullable<Problem<MessageId>['suggest']> {
  const out: NonNullable<Problem<MessageId>['suggest']> = []
  const map = contextMap(v, proxy, CONTAINER_SC)
  const merge = mergesAt(v, map)
  const overrideFix = (): void => {
    if (!isAtLeast(v.chartVersion, OVERRIDE_SINCE)) return
    const path = proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE])
    const edits = setValueFix(v, path, RUNTIME_DEFAULT)
    if (edits?.length) out.push({ messageId: 'override', data: { key: keyPath(v, path) }, edits })
  }
  // A kubeResourceOverride containers list replaces the chart's containers: only its Envoy container counts.
  const envoy = isAtLeast(v.chartVersion, OVERRIDE_SINCE) ? overrideEnvoyContainer(v, proxy) : null
  if (envoy) {
    const edits = envoy.found.layer.synthetic ? null : setPath(envoy.found.layer.file.edit, envoy.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT)
    const index = seqItems(envoy.found.node).indexOf(envoy.container)
    const key = `${keyPath(v, proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers']))}[${index}].securityContext`
    if (edits?.length) out.push({ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key }, edits })
    return out
  }
  if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) {
    overrideFix()
    return out
  }
  if (map) {
    // The map already replaces (or merges into) the defaults: a profile in it changes nothing else.
    const edits = setValueFix(v, [...map.path, ...SECCOMP_TYPE], RUNTIME_DEFAULT)
    if (edits?.length) out.push({ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: keyPath(v, map.path) }, edits })
  } else if (hasSince(v.chartVersion, MERGE_POLICY_SINCE)) {
    // A new map would replace the chart's defaults; with helm-merge it only adds the profile.
    const path = proxyPath(proxy, CONTAINER_SC)
    const edits = setValueFix(v, path, { mergePolicy: 'helm-merge', seccompProfile: { type: RUNTIME_DEFAULT } })
    if (edits?.length)
      out.push({ messageId: 'container', data: { what: `mergePolicy: helm-merge and ${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: keyPath(v, path) }, edits })
  } else overrideFix()
  if (hasSince(v.chartVersion, PSS_SINCE) && (!map || merge)) {
    const root = globalValues(v)
    const path = ['global', ...PSS_SWITCH]
    const edits = setValueFix(root, path, 'true')
    if (edits?.length) out.push({ messageId: 'pss', data: { key: keyPath(root, path) }, edits })
  }
  return out
}

/** The node a finding about a proxy without any profile points at: where the container's profile would go. */
function missingNode(v: ValuesInput, proxy: ValuesProxy): YamlNode {
  if (!hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) return locate(v, proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE]))
  const map = contextMap(v, proxy, CONTAINER_SC)
  return locate(v, [...(map ? map.path : proxyPath(proxy, CONTAINER_SC)), ...SECCOMP_TYPE])
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-seccomp',
    category: 'security',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: "The gateway proxy's Envoy container should run under a seccomp profile (RuntimeDefault or Localhost).",
    remediation:
      'Set seccompProfile.type: RuntimeDefault on the Envoy container or its pod: in the values through podTemplate.glooContainerSecurityContext or podSecurityContext (chart 1.14.0-beta11 and later), global.podSecurityStandards.container.enableRestrictedContainerDefaults (1.16.14, 1.17.0-beta29 and later), or kubeResourceOverride on older charts.',
    messages: {
      missing:
        "Neither the Envoy container nor the pod of proxy '{{proxy}}' sets seccompProfile.type RuntimeDefault or Localhost{{chart}}, so Envoy runs without a seccomp filter and can make any system call.",
      unconfined: "{{key}} is Unconfined: Envoy of proxy '{{proxy}}' runs without a seccomp filter and can make any system call.",
      oldChart:
        "Chart {{version}} gives proxy '{{proxy}}' no seccompProfile and reads no key for one (from 1.14.0-beta11), so Envoy runs without a seccomp filter; {{how}}.",
      container: 'Set {{what}} in {{key}} (check first that Envoy and its filters make no system call the profile blocks).',
      pss: 'Set {{key}}: true (check first: it changes the securityContext of every Gloo container, not only this proxy).',
      override: 'Set {{key}}: RuntimeDefault (check first that Envoy and its filters make no system call the profile blocks).'
    }
  },

  *checkValues(v) {
    const once = reportOnce()
    for (const proxy of renderedValuesProxies(v)) {
      const container = containerProfile(v, proxy)
      if (confined(container)) continue
      const pod = podProfile(v, proxy)
      // The container's own profile wins over the pod's; without one it inherits the pod's.
      const bad: Profile | null = unconfined(container) ? container : !container?.type && unconfined(pod) ? pod : null
      if (bad) {
        if (once(bad.node, 'unconfined')) {
          const edits = bad.edits?.()
          yield {
            messageId: 'unconfined',
            severity: 'warning',
            node: bad.node,
            key: proxy.key,
            data: { key: bad.key(), proxy: proxy.name },
            suggest: edits?.length ? [{ messageId: 'container', data: { what: `type: ${RUNTIME_DEFAULT}`, key: bad.key().replace(/\.type$/, '') }, edits }] : undefined
          }
        }
        continue
      }
      if (!container?.type && confined(pod)) continue
      const node = missingNode(v, proxy)
      // A custom proxy missing the profile only through the map it inherits is gatewayProxy's finding (and fix).
      if (!once(node, 'missing') && contextMap(v, proxy, CONTAINER_SC)?.found.inherited) continue
      const suggest = missingSuggestions(v, proxy)
      const old = !hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)
      const how = isAtLeast(v.chartVersion, OVERRIDE_SINCE)
        ? `set spec.template.spec.securityContext.seccompProfile through ${keyPath(v, proxyPath(proxy, ['kubeResourceOverride']))}`
        : 'upgrade the chart'
      yield {
        messageId: old ? 'oldChart' : 'missing',
        node,
        key: proxy.key,
        // The values verdict rests on the chart's securityContext keys and defaults (1.14.0-beta11 on, catalog row).
        data: old ? { version: v.chartVersion?.raw, proxy: proxy.name, how } : { proxy: proxy.name, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
        suggest: suggest.length ? suggest : undefined
      }
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const containerNode = getNode(p.container, ['securityContext', ...SECCOMP_TYPE])
    const podNode = getNode(p.podSpec, ['securityContext', ...SECCOMP_TYPE])
    const container = asString(containerNode)
    const pod = asString(podNode)
    if (container && CONFINED.has(container)) return
    // The container's own profile wins over the pod's; without one it inherits the pod's.
    const bad = container === 'Unconfined' ? containerNode : !container && pod === 'Unconfined' ? podNode : null
    const src = obj.file.edit
    const proxy = proxyLabel(p)
    if (bad) {
      const edits = bad.kind === 'scalar' ? [{ range: [bad.start, bad.end] as const, text: RUNTIME_DEFAULT }] : null
      const key = jsonPathOf(bad)
      yield {
        messageId: 'unconfined',
        severity: 'warning',
        node: bad,
        data: { key, proxy },
        suggest: edits ? [{ messageId: 'container', data: { what: `type: ${RUNTIME_DEFAULT}`, key: key.replace(/\.type$/, '') }, edits }] : undefined
      }
      return
    }
    if (!container && pod && CONFINED.has(pod)) return
    const edits = setPath(src, p.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT)
    const sc = getNode(p.container, ['securityContext'])
    yield {
      messageId: 'missing',
      node: containerAnchor(p.container),
      data: { proxy, chart: '' },
      suggest: edits?.length
        ? [{ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: sc ? jsonPathOf(sc) : `${jsonPathOf(p.container)}.securityContext` }, edits }]
        : undefined
    }
  }
})
