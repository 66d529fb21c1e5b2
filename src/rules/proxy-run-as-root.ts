/** proxy-run-as-root: Envoy must run as a non-root user, and with a securityContext the kubelet accepts. */
import { setPath } from '../yaml/edits.js'
import { keyPath, locate, proxyPath, renderedProxy, setValueFix, type ProxyFound, type ValuesProxy, imageVersion } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { asNumber, getNode, jsonPathOf, scalarValue, str } from '../yaml/query.js'
import {
  containerAnchor,
  CONTAINER_SC,
  customContext,
  floatingUser,
  proxyLabel,
  proxySetting,
  renderedValuesProxies,
  reportOnce,
  restrictedDefaults,
  SECURITY_CONTEXT_SINCE
} from '../gloo/security.js'
import type { MapNode, YamlNode } from '../yaml/tree.js'
import { customMerge, mergedProxyValue } from '../gloo/workloads.js'
import { hasOldSecurityDefaults, hasSince, isAtLeast, isBefore, type Version, versionNote } from '../gloo/version.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule } from './types.js'

/** The chart's default user for every Gloo container, and the envoy-wrapper image's `USER`. */
const DEFAULT_USER = '10101'
const UNPRIVILEGED = ['podTemplate', 'runUnprivileged']
/** envoy-wrapper images have `USER 10101` from these (projects/envoyinit/cmd/Dockerfile.envoyinit); older run as root. */
const IMAGE_USER_SINCE = '1.5.1/1.6.0-beta1'
/** runUnprivileged and disableNetBind default to true from these (catalog 4.1). */
const SECURE_DEFAULTS_SINCE = '1.3.31/1.4.0-beta15'
type MessageId = 'runUnprivileged' | 'runUnprivilegedImageUser' | 'runUnprivilegedDefault' | 'runAsUser' | 'refused' | 'floatingRefused' | 'runAsNonRoot' | 'unset' | 'rootImage'

/**
 * `podTemplate.floatingUserId` renders `runAsUser: 0` instead of omitting it in 1.14.0-beta11 … 1.14.8 and
 * 1.15.0-beta1 … 13 (catalog 4.2, "uid"); unknown versions are the newest.
 */
function floatingRendersZero(v: Version | undefined): boolean {
  return (isAtLeast(v, '1.14.0-beta11') && isBefore(v, '1.14.9')) || (isAtLeast(v, '1.15.0-beta1') && isBefore(v, '1.15.0-beta14'))
}

interface Unprivileged {
  /** What the chart renders: true ⇒ `runAsNonRoot: true`. */
  on: boolean
  /** The written value that decides, when one does. */
  found: ProxyFound | null
  /** Why an absent value leaves it off (only when `on` is false and nothing is written). */
  why?: string
}

/** The merged `runUnprivileged` of a proxy, chart defaults and the 1.7.0 `merge` refill included (catalog 4.1, 4.2). */
function effectiveUnprivileged(v: ValuesInput, proxy: ValuesProxy): Unprivileged {
  const mode = proxy.isDefault ? 'default' : customMerge(v)
  const chartOn = !hasOldSecurityDefaults(v.chartVersion) && mode !== 'alone'
  const found = mergedProxyValue(v, proxy, UNPRIVILEGED)
  const raw = found && !found.deleted ? scalarValue(found.node) : undefined
  // `--set` parameters hold strings; in YAML a quoted "false" is a (truthy) string.
  const value = found?.layer.synthetic && (raw === 'true' || raw === 'false') ? raw === 'true' : raw
  if (!found || found.deleted || value === null || value === undefined) {
    if (chartOn) return { on: true, found: null }
    const why = hasOldSecurityDefaults(v.chartVersion)
      ? `chart ${v.chartVersion!.raw} does not run Envoy unprivileged by default (until ${SECURE_DEFAULTS_SINCE})`
      : `before chart 1.7.0-beta21 a custom proxy does not inherit gatewayProxy's runUnprivileged: true (this is chart ${v.chartVersion!.raw})`
    return { on: false, found: null, why }
  }
  const truthy = value !== false && value !== 0 && value !== ''
  // 1.7.0-beta21 … 1.7.0: sprig `merge` refills a custom `false` from gatewayProxy (the chart default true).
  if (!truthy && mode === 'merge' && !found.inherited && chartOn) return { on: true, found: null }
  return { on: truthy, found }
}

const suggestion = (messageId: MessageId, edits: TextEdit[] | null | undefined) => (edits?.length ? [{ messageId, edits }] : undefined)

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-run-as-root',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: 'The gateway proxy must run Envoy as a non-root user.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.runUnprivileged: true and runAsUser: 10101 (or floatingUserId: true on OpenShift) in the values; in rendered manifests set runAsNonRoot: true and a non-zero runAsUser.',
    messages: {
      runUnprivileged: "{{key}} is false on chart {{version}}, whose envoy-wrapper image has no USER (until 1.5.1): Envoy of proxy '{{proxy}}' runs as root.",
      runUnprivilegedImageUser:
        "{{key}} is {{state}}{{imageChart}}: Envoy of proxy '{{proxy}}' still runs as uid 10101 (the envoy-wrapper image's USER{{rendered}}), but runAsNonRoot is not set, so nothing stops an image or override from running it as root.",
      runUnprivilegedDefault: "{{key}} is not set: {{why}}, and the envoy-wrapper image of chart {{version}} has no USER (until 1.5.1), so Envoy of proxy '{{proxy}}' runs as root.",
      runAsUser: "{{key}} is 0: Envoy of proxy '{{proxy}}' runs as root.",
      refused: "{{key}} is 0 next to runAsNonRoot: true{{defaultsChart}}: the kubelet refuses to start Envoy of proxy '{{proxy}}' (CreateContainerConfigError).",
      floatingRefused:
        "{{key}} is true on chart {{version}}, which renders runAsUser: 0 for it (1.14.0-beta11 … 1.14.8, 1.15.0-beta1 … 13){{nonRoot}}: Envoy of proxy '{{proxy}}' {{effect}}.",
      runAsNonRoot: "{{key}} is false: nothing stops Envoy of proxy '{{proxy}}' from running as root.",
      rootImage: "Neither the pod nor the Envoy container of proxy '{{proxy}}' sets runAsUser, and its image {{image}} has no USER (until 1.5.1): Envoy runs as root.",
      unset:
        "Neither the pod nor the Envoy container of proxy '{{proxy}}' sets runAsNonRoot: true or a non-zero runAsUser, so Envoy runs as the image's user, which may be root."
    }
  },

  *checkValues(v) {
    const once = reportOnce()
    const version = v.chartVersion?.raw ?? ''
    const imageUser = hasSince(v.chartVersion, IMAGE_USER_SINCE)
    const newContext = hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)
    const pss = !!restrictedDefaults(v)
    // What an unknown version assumes: the image's USER (1.5.1/1.6.0-beta1) and runUnprivileged on by default (1.3.31/1.4.0-beta15).
    const imageChart = versionNote(v.chartVersion, IMAGE_USER_SINCE)
    const defaultsChart = versionNote(v.chartVersion, SECURE_DEFAULTS_SINCE)
    for (const proxy of renderedValuesProxies(v)) {
      const data = { proxy: proxy.name, version, imageChart, defaultsChart }
      const custom = customContext(v, proxy)
      const replaced = !!custom && !custom.merge
      const floating = floatingUser(v, proxy)
      // Only the proxy's own floatingUserId renders runAsUser: 0 in the affected window (the global key came later).
      const ownFloating = floating ? proxySetting(v, proxy, ['podTemplate', 'floatingUserId']) : null
      const floatingIsOwn = !!floating && !!ownFloating && floating.node === ownFloating.node
      const unpriv = effectiveUnprivileged(v, proxy)
      // The container's runAsNonRoot as rendered without a replacing context: runUnprivileged, or PSS's merge.
      const nonRoot = unpriv.on || (pss && newContext)
      const customNonRoot = custom ? proxySetting(v, proxy, [...CONTAINER_SC, 'runAsNonRoot']) : null

      // floatingUserId leaves runAsUser out, except in the window where it renders 0.
      const user = floating ? null : proxySetting(v, proxy, ['podTemplate', 'runAsUser'])
      const userZero = !!user && asNumber(user.node) === 0
      if (user && userZero && once(user.node, 'runAsUser')) {
        const refused = !replaced && nonRoot
        yield {
          messageId: refused ? 'refused' : 'runAsUser',
          node: user.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, user.path) },
          suggest: suggestion(refused ? 'refused' : 'runAsUser', setValueFix(v, user.path, DEFAULT_USER))
        }
      }
      if (floatingIsOwn && floatingRendersZero(v.chartVersion) && !replaced && v.chartVersion && once(ownFloating!.node, 'floatingRefused')) {
        yield {
          messageId: 'floatingRefused',
          node: ownFloating!.node,
          key: proxy.key,
          data: {
            ...data,
            key: keyPath(v, ownFloating!.path),
            nonRoot: nonRoot ? ' next to runAsNonRoot: true' : '',
            effect: nonRoot ? 'is refused by the kubelet (CreateContainerConfigError)' : 'runs as root'
          },
          suggest: suggestion('floatingRefused', setValueFix(v, ownFloating!.path, 'false'))
        }
      }

      // uid 0 is reported above; on images with a USER the warning below would wrongly say uid 10101.
      const rootUser = userZero || (floatingIsOwn && floatingRendersZero(v.chartVersion))
      if (!replaced && !nonRoot && !(rootUser && imageUser)) {
        const path = unpriv.found ? (unpriv.found.inherited ? ['gatewayProxies', 'gatewayProxy', ...UNPRIVILEGED] : proxyPath(proxy, UNPRIVILEGED)) : proxyPath(proxy, UNPRIVILEGED)
        const node = unpriv.found ? unpriv.found.node : locate(v, path)
        const key = keyPath(v, path)
        const fix = suggestion('runUnprivileged', setValueFix(v, path, 'true'))
        // A replacing glooContainerSecurityContext with runAsNonRoot: true (helm-merge keeps it) enforces it.
        const enforcedByCustom = !!custom && scalarValue(customNonRoot?.node) === true
        if (!enforcedByCustom && once(node, 'runUnprivileged')) {
          if (!imageUser)
            yield unpriv.found
              ? { messageId: 'runUnprivileged', node, key: proxy.key, data: { ...data, key }, suggest: fix }
              : { messageId: 'runUnprivilegedDefault', node, key: proxy.key, data: { ...data, key, why: unpriv.why }, suggest: suggestion('runUnprivilegedDefault', setValueFix(v, path, 'true')) }
          else
            yield {
              messageId: 'runUnprivilegedImageUser',
              severity: 'warning',
              node,
              key: proxy.key,
              data: {
                ...data,
                key,
                state: unpriv.found ? 'false' : `not set (${unpriv.why})`,
                rendered: newContext && !floating ? ', rendered as runAsUser' : ''
              },
              suggest: suggestion('runUnprivilegedImageUser', setValueFix(v, path, 'true'))
            }
        }
      }

      if (!custom) continue
      // With helm-merge a zero value (0, false) is filled from the chart's default when that is non-zero.
      const customUser = floating && !floatingIsOwn ? null : proxySetting(v, proxy, [...CONTAINER_SC, 'runAsUser'])
      const defaultUser = floating ? 0 : asNumber(user?.node) ?? Number(DEFAULT_USER)
      const customUserZero = !!customUser && asNumber(customUser.node) === 0 && !(custom.merge && defaultUser !== 0)
      const effectiveNonRoot = custom.merge ? scalarValue(customNonRoot?.node) === true || nonRoot : scalarValue(customNonRoot?.node) === true
      if (customUser && customUserZero && once(customUser.node, 'runAsUser')) {
        const refused = effectiveNonRoot
        yield {
          messageId: refused ? 'refused' : 'runAsUser',
          node: customUser.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, customUser.path) },
          suggest: suggestion(refused ? 'refused' : 'runAsUser', setValueFix(v, customUser.path, DEFAULT_USER))
        }
      }
      // runAsNonRoot: false renders as written (a warning, as in rendered output); a uid 0 above is the error.
      if (customNonRoot && scalarValue(customNonRoot.node) === false && !(custom.merge && nonRoot) && once(customNonRoot.node, 'runAsNonRoot'))
        yield {
          messageId: 'runAsNonRoot',
          severity: customUserZero ? 'error' : 'warning',
          node: customNonRoot.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, customNonRoot.path) },
          suggest: suggestion('runAsNonRoot', setValueFix(v, customNonRoot.path, 'true'))
        }
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const container: MapNode = p.container
    // Rendered output says what it runs: no chart version to name.
    const data = { proxy: proxyLabel(p), defaultsChart: '' }
    // The container's securityContext wins over the pod's, field by field.
    const field = (name: string): YamlNode | null => getNode(container, ['securityContext', name]) ?? getNode(p.podSpec, ['securityContext', name])
    const src = obj.file.edit
    const userNode = field('runAsUser')
    const user = asNumber(userNode)
    const nonRootNode = field('runAsNonRoot')
    const nonRoot = scalarValue(nonRootNode)
    if (userNode && user === 0) {
      const messageId = nonRoot === true ? 'refused' : 'runAsUser'
      yield {
        messageId,
        node: userNode,
        data: { ...data, key: jsonPathOf(userNode) },
        suggest: userNode.kind === 'scalar' ? [{ messageId, edits: [{ range: [userNode.start, userNode.end], text: DEFAULT_USER }] }] : undefined
      }
    }
    if (nonRootNode && nonRoot === false) {
      if (user === 0) return
      yield {
        messageId: 'runAsNonRoot',
        severity: 'warning',
        node: nonRootNode,
        data: { ...data, key: jsonPathOf(nonRootNode) },
        suggest: nonRootNode.kind === 'scalar' ? [{ messageId: 'runAsNonRoot', edits: [{ range: [nonRootNode.start, nonRootNode.end], text: 'true' }] }] : undefined
      }
      return
    }
    if (userNode || nonRoot === true) return
    const edits = setPath(src, container, ['securityContext'], { runAsNonRoot: 'true', runAsUser: DEFAULT_USER })
    // Without any user the image's USER decides: envoy-wrapper images before 1.5.1 have none (root).
    const image = imageVersion(container)
    if (image && !hasSince(image, IMAGE_USER_SINCE)) {
      yield { messageId: 'rootImage', node: containerAnchor(container), data: { ...data, image: str(container, ['image']) ?? '' }, suggest: suggestion('rootImage', edits) }
      return
    }
    yield { messageId: 'unset', severity: 'warning', node: containerAnchor(container), data, suggest: suggestion('unset', edits) }
  }
})
