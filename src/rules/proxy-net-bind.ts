/** proxy-net-bind: the Envoy container must not get NET_BIND_SERVICE unless the proxy binds a port below 1024. */
import { keyPath, locate, proxyPath, renderedProxy, setValueFix, type ValuesProxy, imageVersion } from '../gloo/values.js'
import type { TextEdit } from '../model/finding.js'
import type { ValuesInput } from '../forms/manifests.js'
import { getNode, isTrue } from '../yaml/query.js'
import {
  capabilityItems,
  CONTAINER_SC,
  customContext,
  gatewayLowPorts,
  helmValue,
  lowPortOrigin,
  proxyLabel,
  proxySetting,
  removeListItem,
  renderedLowPorts,
  renderedValuesProxies,
  reportOnce,
  valuesHostNetwork,
  valuesLowPorts,
  type LowPort
} from '../gloo/security.js'
import type { YamlNode } from '../yaml/tree.js'
import { customMerge, mergedProxyValue } from '../gloo/workloads.js'
import { hasOldSecurityDefaults } from '../gloo/version.js'
import { defineRule } from './types.js'

const DISABLE = ['podTemplate', 'disableNetBind']
const NET_BIND = 'NET_BIND_SERVICE'

type MessageId = 'explicitFalse' | 'chartDefault' | 'customAdd' | 'rendered' | 'lowPort'

/** Why an absent `disableNetBind` adds the capability, or undefined when the chart default is `true`. */
function defaultAddsReason(v: ValuesInput, proxy: ValuesProxy): string | undefined {
  if (hasOldSecurityDefaults(v.chartVersion)) return `chart ${v.chartVersion!.raw} adds the capability by default (until 1.3.31/1.4.0-beta15)`
  if (!proxy.isDefault && customMerge(v) === 'alone')
    return `before chart 1.7.0-beta21 a custom proxy does not inherit gatewayProxy's disableNetBind: true (this is chart ${v.chartVersion!.raw})`
  return undefined
}

/** Safe only in a complete install (no member may bind a low port we cannot see); otherwise a suggestion. */
function fixOrSuggest(edits: TextEdit[] | null, complete: boolean, messageId: MessageId) {
  if (!edits?.length) return {}
  return complete ? { fix: edits } : { suggest: [{ messageId, edits }] }
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-net-bind',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: true,
    description: 'The gateway proxy must not get the NET_BIND_SERVICE capability unless it binds a port below 1024.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.disableNetBind: true in the values, or remove NET_BIND_SERVICE from the Envoy container\'s securityContext.capabilities.add, and keep the proxy\'s listeners on ports 1024 and above.',
    messages: {
      explicitFalse: '{{key}} is false, so the chart adds NET_BIND_SERVICE to the Envoy container, which binds no port below 1024.',
      chartDefault: '{{key}} is not set: {{why}}, so the Envoy container gets NET_BIND_SERVICE, which it does not need.',
      customAdd: '{{key}} adds NET_BIND_SERVICE to the Envoy container of proxy \'{{proxy}}\', which binds no port below 1024.',
      rendered: 'The Envoy container of proxy \'{{proxy}}\' adds NET_BIND_SERVICE, which it does not need: it binds no port below 1024{{why}}.',
      lowPort:
        'Proxy \'{{proxy}}\' binds port {{port}}{{via}}, below 1024, so Envoy needs NET_BIND_SERVICE there; keep it, or move the listener to a port of 1024 or above and map the low port in the Service.'
    }
  },

  *checkValues(v, { project, install }) {
    const once = reportOnce()
    const complete = install?.complete === true
    for (const proxy of renderedValuesProxies(v)) {
      // The ports are looked up when the capability is there to be judged: most proxies do not have it.
      let lows: LowPort[] | undefined
      const lowPorts = (): LowPort[] => (lows ??= [...valuesLowPorts(v, proxy), ...gatewayLowPorts(project, proxy.name)])
      // Report on the node that grants the capability; a Gateway's bindPort may live in another file.
      const lowPort = (node: YamlNode) => ({
        messageId: 'lowPort' as const,
        severity: 'notice' as const,
        node,
        key: proxy.key,
        data: { proxy: proxy.name, port: lowPorts()[0].port, via: lowPortOrigin(lowPorts()[0]) + (valuesHostNetwork(v, proxy) ? ' with host networking' : '') }
      })

      const custom = customContext(v, proxy)
      const add = custom ? proxySetting(v, proxy, [...CONTAINER_SC, 'capabilities', 'add']) : null
      const items = capabilityItems(add?.node)
      // glooContainerSecurityContext replaces the defaults (disableNetBind is then ignored); with helm-merge
      // a non-empty `add` list still wins, because Helm's merge keeps non-empty lists of the values.
      if (custom && (!custom.merge || items.length > 0)) {
        for (const ref of items) {
          if (ref.name !== NET_BIND || !once(ref.item, 'add')) continue
          if (lowPorts().length) {
            yield lowPort(ref.item)
            continue
          }
          yield {
            messageId: 'customAdd',
            node: ref.item,
            key: proxy.key,
            data: { key: keyPath(v, add!.path), proxy: proxy.name },
            ...fixOrSuggest(add!.layer.synthetic ? null : removeListItem(add!.layer.file.edit, ref), complete, 'customAdd')
          }
        }
        continue
      }

      // The merged value (catalog 4.2): 1.7.0-beta21 … 1.7.0 `merge` refills a custom false from gatewayProxy,
      // whose chart default is true, so only gatewayProxy's own false (or none) can be effective there.
      const merged = mergedProxyValue(v, proxy, DISABLE)
      const setting = merged && !merged.deleted ? merged : null
      const value = helmValue(setting)
      if (value === true || value === 'true') continue
      if (setting && value === false && !setting.inherited && !proxy.isDefault && customMerge(v) === 'merge' && !defaultAddsReason(v, proxy)) continue
      if (setting && value === false) {
        if (!once(setting.node, 'explicitFalse')) continue
        if (lowPorts().length) {
          yield lowPort(setting.node)
          continue
        }
        // Where the false is written: the proxy's own key, or gatewayProxy's.
        const path = setting.inherited ? ['gatewayProxies', 'gatewayProxy', ...DISABLE] : proxyPath(proxy, DISABLE)
        yield {
          messageId: 'explicitFalse',
          node: setting.node,
          key: proxy.key,
          data: { key: keyPath(v, path) },
          ...fixOrSuggest(setValueFix(v, path, 'true'), complete, 'explicitFalse')
        }
        continue
      }
      // Any other string is truthy in the template; `null` deletes the key, so the chart default applies.
      if (setting && value !== null) continue
      const why = defaultAddsReason(v, proxy)
      if (!why) continue
      const path = proxyPath(proxy, DISABLE)
      const node = setting?.inherited === false ? setting.node : locate(v, path)
      if (lowPorts().length) {
        if (once(node, 'lowPort')) yield lowPort(node)
        continue
      }
      yield {
        messageId: 'chartDefault',
        severity: 'warning',
        node,
        key: proxy.key,
        data: { key: keyPath(v, path), why },
        ...fixOrSuggest(setValueFix(v, path, 'true'), complete, 'chartDefault')
      }
    }
  },

  *checkObject(obj, { project, install }) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const items = capabilityItems(getNode(p.container, ['securityContext', 'capabilities', 'add'])).filter((r) => r.name === NET_BIND)
    if (!items.length) return
    const lows = [...renderedLowPorts(p.container), ...gatewayLowPorts(project, p.name)]
    const via = isTrue(getNode(p.podSpec, ['hostNetwork'])) ? ' with host networking' : ''
    for (const ref of items) {
      if (lows.length) {
        yield { messageId: 'lowPort', severity: 'notice', node: ref.item, data: { proxy: proxyLabel(p), port: lows[0].port, via: lowPortOrigin(lows[0]) + via } }
        continue
      }
      // A chart that adds it by default (its image tag says which) makes this the chart default's warning.
      const byDefault = hasOldSecurityDefaults(imageVersion(p.container))
      yield {
        messageId: 'rendered',
        severity: byDefault ? 'warning' : 'error',
        node: ref.item,
        data: { proxy: proxyLabel(p), why: byDefault ? `; chart ${imageVersion(p.container)!.raw} adds it by default (until 1.3.31/1.4.0-beta15)` : '' },
        ...fixOrSuggest(removeListItem(obj.file.edit, ref), install?.complete === true, 'rendered')
      }
    }
  }
})
