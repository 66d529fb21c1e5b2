/** proxy-run-as-root: Envoy must run as a non-root user. */
import { setPath } from '../load/edits.js'
import { getGlobal, keyPath, locate, proxyPath, proxyValue, renderedProxy, setValueFix, type ValuesProxy } from '../load/install.js'
import type { ValuesInput } from '../load/manifests.js'
import { asNumber, getNode, isTrue, jsonPathOf, scalarValue } from '../load/query.js'
import { containerAnchor, CONTAINER_SC, customContext, helmValue, proxyLabel, proxySetting, renderedValuesProxies, reportOnce } from '../load/security.js'
import type { MapNode, YamlNode } from '../load/tree.js'
import { hasOldSecurityDefaults, isBefore } from '../load/version.js'
import { defineRule } from './types.js'

/** The chart's default user for every Gloo container. */
const DEFAULT_USER = '10101'
const UNPRIVILEGED = ['podTemplate', 'runUnprivileged']

type MessageId = 'runUnprivileged' | 'runUnprivilegedDefault' | 'runAsUser' | 'runAsNonRoot' | 'unset'

/** Why an absent `runUnprivileged` leaves Envoy on the image's user, or undefined when the chart default is `true`. */
function defaultRootReason(v: ValuesInput, proxy: ValuesProxy): string | undefined {
  if (hasOldSecurityDefaults(v.chartVersion)) return `chart ${v.chartVersion!.raw} does not run Envoy unprivileged by default (until 1.3.31)`
  if (!proxy.isDefault && !proxy.inherits && isBefore(v.chartVersion, '1.7.0'))
    return `before chart 1.7 a custom proxy does not inherit gatewayProxy's runUnprivileged: true (this is chart ${v.chartVersion!.raw})`
  return undefined
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-run-as-root',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: true,
    description: 'The gateway proxy must run Envoy as a non-root user.',
    remediation:
      'Set gatewayProxies.<proxy>.podTemplate.runUnprivileged: true and runAsUser: 10101 (or floatingUserId: true on OpenShift) in the values; in rendered manifests set runAsNonRoot: true and a non-zero runAsUser.',
    messages: {
      runUnprivileged: "{{key}} is false: nothing stops Envoy of proxy '{{proxy}}' from running as root.",
      runUnprivilegedDefault: "{{key}} is not set: {{why}}, so Envoy of proxy '{{proxy}}' runs as the image's user, which may be root.",
      runAsUser: "{{key}} is 0: Envoy of proxy '{{proxy}}' runs as root.",
      runAsNonRoot: "{{key}} is false: nothing stops Envoy of proxy '{{proxy}}' from running as root.",
      unset:
        "Neither the pod nor the Envoy container of proxy '{{proxy}}' sets runAsNonRoot: true or a non-zero runAsUser, so Envoy runs as the image's user, which may be root."
    }
  },

  *checkValues(v) {
    const once = reportOnce()
    const globalFloating = isTrue(getGlobal(v, ['securitySettings', 'floatingUserId'])?.node)
    for (const proxy of renderedValuesProxies(v)) {
      const data = { proxy: proxy.name }
      const custom = customContext(v, proxy)
      const floating = globalFloating || isTrue(proxyValue(v, proxy, ['podTemplate', 'floatingUserId'])?.node)

      // runUnprivileged sets the container's runAsNonRoot; a glooContainerSecurityContext that replaces the
      // chart's defaults supersedes it, so it only counts without one (or with helm-merge).
      const unprivileged = proxySetting(v, proxy, UNPRIVILEGED)
      const unprivilegedValue = helmValue(unprivileged)
      const customNonRoot = custom ? proxySetting(v, proxy, [...CONTAINER_SC, 'runAsNonRoot']) : null
      let runsUnprivileged = unprivilegedValue === true || unprivilegedValue === 'true'
      if (!custom || custom.merge) {
        if (unprivileged && unprivilegedValue === false) {
          if (!(custom && isTrue(customNonRoot?.node)) && once(unprivileged.node, 'runUnprivileged'))
            yield {
              messageId: 'runUnprivileged',
              node: unprivileged.node,
              key: proxy.key,
              data: { ...data, key: keyPath(v, unprivileged.path) },
              fix: setValueFix(v, unprivileged.path, 'true')
            }
        } else if (!unprivileged || unprivilegedValue === null) {
          // `null` deletes a Helm value, so the chart default applies.
          const why = defaultRootReason(v, proxy)
          if (why) {
            const path = proxyPath(proxy, UNPRIVILEGED)
            const node = unprivileged && !unprivileged.inherited ? unprivileged.node : locate(v, path)
            if (once(node, 'runUnprivilegedDefault'))
              yield {
                messageId: 'runUnprivilegedDefault',
                severity: 'warning',
                node,
                key: proxy.key,
                data: { ...data, key: keyPath(v, path), why },
                fix: setValueFix(v, path, 'true')
              }
          } else runsUnprivileged = true
        }
      }

      // floatingUserId leaves runAsUser out of every securityContext, so its value does not matter.
      const user = floating ? null : proxySetting(v, proxy, ['podTemplate', 'runAsUser'])
      if (user && asNumber(user.node) === 0 && once(user.node, 'runAsUser'))
        yield {
          messageId: 'runAsUser',
          node: user.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, user.path) },
          fix: setValueFix(v, user.path, DEFAULT_USER)
        }

      if (!custom) continue
      // With helm-merge a zero value (0, false) is filled from the chart's default when that is non-zero.
      const customUser = globalFloating ? null : proxySetting(v, proxy, [...CONTAINER_SC, 'runAsUser'])
      const defaultUser = floating ? 0 : asNumber(user?.node) ?? Number(DEFAULT_USER)
      if (customUser && asNumber(customUser.node) === 0 && !(custom.merge && defaultUser !== 0) && once(customUser.node, 'runAsUser'))
        yield {
          messageId: 'runAsUser',
          node: customUser.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, customUser.path) },
          fix: setValueFix(v, customUser.path, DEFAULT_USER)
        }
      if (customNonRoot && scalarValue(customNonRoot.node) === false && !(custom.merge && runsUnprivileged) && once(customNonRoot.node, 'runAsNonRoot'))
        yield {
          messageId: 'runAsNonRoot',
          node: customNonRoot.node,
          key: proxy.key,
          data: { ...data, key: keyPath(v, customNonRoot.path) },
          fix: setValueFix(v, customNonRoot.path, 'true')
        }
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const container: MapNode = p.container
    const data = { proxy: proxyLabel(p) }
    // The container's securityContext wins over the pod's, field by field.
    const field = (name: string): YamlNode | null => getNode(container, ['securityContext', name]) ?? getNode(p.podSpec, ['securityContext', name])
    const src = obj.file.edit
    const userNode = field('runAsUser')
    const user = asNumber(userNode)
    if (userNode && user === 0)
      yield {
        messageId: 'runAsUser',
        node: userNode,
        data: { ...data, key: jsonPathOf(userNode) },
        fix: userNode.kind === 'scalar' ? [{ range: [userNode.start, userNode.end], text: DEFAULT_USER }] : null
      }
    // After the runAsUser fix the user is 10101; without any user, runAsNonRoot: true would stop a root image
    // from starting, so that edit is only a suggestion.
    const fixedUser = user === 0 ? Number(DEFAULT_USER) : user
    const nonRootNode = field('runAsNonRoot')
    const nonRoot = scalarValue(nonRootNode)
    if (nonRootNode && nonRoot === false) {
      const edits = nonRootNode.kind === 'scalar' ? [{ range: [nonRootNode.start, nonRootNode.end] as const, text: 'true' }] : null
      const safe = fixedUser !== undefined && fixedUser > 0
      yield {
        messageId: 'runAsNonRoot',
        node: nonRootNode,
        data: { ...data, key: jsonPathOf(nonRootNode) },
        fix: safe ? edits : null,
        suggest: !safe && edits ? [{ messageId: 'runAsNonRoot', edits }] : undefined
      }
      return
    }
    if (userNode || nonRoot === true) return
    const edits = setPath(src, container, ['securityContext'], { runAsNonRoot: 'true', runAsUser: DEFAULT_USER })
    yield {
      messageId: 'unset',
      severity: 'warning',
      node: containerAnchor(container),
      data,
      suggest: edits ? [{ messageId: 'unset', edits }] : undefined
    }
  }
})
