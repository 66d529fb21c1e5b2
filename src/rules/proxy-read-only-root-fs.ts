/** proxy-read-only-root-fs: the Envoy container's root filesystem must be read-only. */
import { setPath } from '../yaml/edits.js'
import { getValue, keyPath, proxyPath, renderedProxy, setValueFix } from '../gloo/values.js'
import { asString, getNode, isTrue, jsonPathOf, seqItems, str } from '../yaml/query.js'
import {
  containerAnchor,
  customContext,
  proxyLabel,
  proxySetting,
  renderedValuesProxies,
  reportOnce,
  CONTAINER_SC,
  OVERRIDE_POD_SPEC,
  OVERRIDE_SINCE,
  SECURITY_CONTEXT_SINCE
} from '../gloo/security.js'
import { hasSince, versionNote } from '../gloo/version.js'
import type { MapNode, YamlNode } from '../yaml/tree.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule } from './types.js'

const FIELD = 'readOnlyRootFilesystem'
const ENVOY_IMAGE = /envoy-wrapper/

type MessageId = 'valuesNotTrue' | 'overrideNotTrue' | 'overrideMissing' | 'rendered'

/**
 * Every edit is a suggestion (catalog section 2: fix class `suggest`): the `false` was written by someone, who may
 * have a reason (a tool writing into the image's filesystem), so `--fix` never reverses it.
 */
const suggestion = (messageId: MessageId, edits: TextEdit[] | null | undefined) => (edits?.length ? [{ messageId, edits }] : undefined)

/**
 * The Envoy container among the containers of a `kubeResourceOverride`: the one named like the proxy,
 * else the one running the envoy-wrapper image, else the only one.
 */
function overrideEnvoy(items: YamlNode[], proxyName: string): MapNode | undefined {
  const maps = items.filter((c): c is MapNode => c.kind === 'map')
  return (
    maps.find((c) => str(c, ['name']) === proxyName) ??
    maps.find((c) => ENVOY_IMAGE.test(str(c, ['image']) ?? '')) ??
    // The override replaces the whole list, so a lone container is the one Envoy runs in.
    (maps.length === 1 ? maps[0] : undefined)
  )
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-read-only-root-fs',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: "The gateway proxy's Envoy container must run with a read-only root filesystem.",
    remediation:
      'Set readOnlyRootFilesystem: true in the Envoy container\'s securityContext (in the values: in podTemplate.glooContainerSecurityContext, or leave that key out to keep the chart\'s defaults).',
    messages: {
      valuesNotTrue: '{{key}} is {{value}}{{chart}}: Envoy of proxy \'{{proxy}}\' can write to its root filesystem.',
      overrideNotTrue: '{{key}} is {{value}}{{chart}}: the kubeResourceOverride lets Envoy of proxy \'{{proxy}}\' write to its root filesystem.',
      overrideMissing:
        '{{key}} replaces the whole container list{{chart}}, and its Envoy container does not set securityContext.readOnlyRootFilesystem: true, so Envoy of proxy \'{{proxy}}\' can write to its root filesystem.',
      rendered: 'The Envoy container of proxy \'{{proxy}}\' does not set securityContext.readOnlyRootFilesystem: true, so Envoy can write to its root filesystem.'
    }
  },

  *checkValues(v) {
    const once = reportOnce()
    for (const proxy of renderedValuesProxies(v)) {
      const custom = customContext(v, proxy)
      // With helm-merge a missing or false value keeps the chart's `true` (Helm's merge only fills zero values).
      if (custom && !custom.merge) {
        const setting = proxySetting(v, proxy, [...CONTAINER_SC, FIELD])
        if (setting && !isTrue(setting.node)) {
          if (once(setting.node, 'valuesNotTrue'))
            yield {
              messageId: 'valuesNotTrue',
              node: setting.node,
              key: proxy.key,
              // The verdict rests on a chart that reads glooContainerSecurityContext (and, with helm-merge, not mergePolicy).
              data: { key: keyPath(v, setting.path), value: asString(setting.node) ?? 'empty', proxy: proxy.name, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
              suggest: suggestion('valuesNotTrue', setValueFix(v, setting.path, 'true'))
            }
        }
        // Merely left out of the replacing map: proxy-security-context-replaced reports the lost default (catalog
        // section 2, "key only missing from a replacing context"), one finding per cause.
      }

      // kubeResourceOverride is read from the proxy's own values only (the chart does not inherit it), and
      // Helm's mergeOverwrite replaces lists: the containers it lists are all the pod gets.
      // Merged onto the proxy Deployment from 1.8.0-beta14 (catalog 4.3); older charts ignore it.
      if (!hasSince(v.chartVersion, OVERRIDE_SINCE)) continue
      const overridePath = proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers'])
      const containers = getValue(v, overridePath)
      if (!containers || containers.layer.synthetic) continue
      const envoy = overrideEnvoy(seqItems(containers.node), proxy.name)
      if (!envoy) continue
      const field = getNode(envoy, ['securityContext', FIELD])
      if (isTrue(field)) continue
      if (field)
        yield {
          messageId: 'overrideNotTrue',
          node: field,
          key: proxy.key,
          data: { key: `${keyPath(v, overridePath)}${jsonPathOf(field).slice(jsonPathOf(containers.node).length)}`, value: asString(field) ?? 'empty', proxy: proxy.name, chart: versionNote(v.chartVersion, OVERRIDE_SINCE) },
          suggest: suggestion('overrideNotTrue', setPath(containers.layer.file.edit, envoy, ['securityContext', FIELD], 'true'))
        }
      else
        yield {
          messageId: 'overrideMissing',
          node: containerAnchor(envoy),
          key: proxy.key,
          data: { key: keyPath(v, overridePath), proxy: proxy.name, chart: versionNote(v.chartVersion, OVERRIDE_SINCE) },
          suggest: suggestion('overrideMissing', setPath(containers.layer.file.edit, envoy, ['securityContext', FIELD], 'true'))
        }
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const field = getNode(p.container, ['securityContext', FIELD])
    if (isTrue(field)) return
    yield {
      messageId: 'rendered',
      node: field ?? containerAnchor(p.container),
      data: { proxy: proxyLabel(p) },
      suggest: suggestion('rendered', setPath(obj.file.edit, p.container, ['securityContext', FIELD], 'true'))
    }
  }
})
