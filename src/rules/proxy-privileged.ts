/** proxy-privileged: the Envoy container must not be privileged, escalate privileges or keep capabilities. */
import { setPath } from '../yaml/edits.js'
import { keyPath, locate, renderedProxy, setValueFix, type ValuesProxy } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { findPair, getNode, isFalse, isTrue, jsonPathOf } from '../yaml/query.js'
import {
  appendSeqItem,
  capabilityItems,
  containerAnchor,
  CONTAINER_SC,
  customContext,
  customPath,
  isEmptyMap,
  leftOutOfReplacement,
  proxyLabel,
  proxySetting,
  removeListItem,
  MERGE_POLICY_SINCE,
  removeOrReplace,
  renderedValuesProxies,
  SECURITY_CONTEXT_SINCE,
  reportOnce,
  type CustomContext,
  type SeqItemRef
} from '../gloo/security.js'
import type { TextEdit } from '../model/finding.js'
import { versionNote } from '../gloo/version.js'
import { defineRule, type Problem } from './types.js'

const NET_BIND = 'NET_BIND_SERVICE'

type MessageId = 'privileged' | 'escalation' | 'drop' | 'added' | 'noSecurityContext'

/**
 * Kubernetes rejects `allowPrivilegeEscalation: false` next to `privileged: true` or an added SYS_ADMIN,
 * so that edit is only offered once those are gone.
 */
const escalationFixBlocked = (privileged: boolean, added: SeqItemRef[]): boolean => privileged || added.some((r) => r.name === 'SYS_ADMIN')

/**
 * Every edit is a suggestion (catalog section 2: fix class `suggest`): a human wrote the value, or something in the
 * pod may rely on the privilege, so `--fix` never changes it.
 */
const suggestion = (messageId: MessageId, edits: TextEdit[] | null | undefined) => (edits?.length ? [{ messageId, edits }] : undefined)

function* valuesProblems(v: ValuesInput, proxy: ValuesProxy, custom: CustomContext, once: (n: Problem['node'], id: string) => boolean): Generator<Problem<MessageId>> {
  const ownOrBase = customPath(proxy, custom, [])
  const where = keyPath(v, ownOrBase)
  // The verdict rests on a chart that reads glooContainerSecurityContext (catalog 4.3), and helm-merge on one that reads mergePolicy.
  const data = { where, proxy: proxy.name, chart: versionNote(v.chartVersion, custom.merge ? MERGE_POLICY_SINCE : SECURITY_CONTEXT_SINCE) }
  const sub = (...p: string[]) => [...CONTAINER_SC, ...p]

  const privileged = proxySetting(v, proxy, sub('privileged'))
  const isPrivileged = !!privileged && isTrue(privileged.node)
  if (privileged && isPrivileged && once(privileged.node, 'privileged'))
    yield { messageId: 'privileged', node: privileged.node, key: proxy.key, data, suggest: suggestion('privileged', setValueFix(v, privileged.path, 'false')) }

  const add = proxySetting(v, proxy, sub('capabilities', 'add'))
  const added = capabilityItems(add?.node).filter((r) => r.name !== NET_BIND)

  // With helm-merge only an explicit `true` survives: a missing or false value keeps the chart's `false`.
  const escalation = proxySetting(v, proxy, sub('allowPrivilegeEscalation'))
  const escalates = custom.merge ? !!escalation && isTrue(escalation.node) : !escalation || !isFalse(escalation.node)
  // Merely left out of a replacing map: proxy-security-context-replaced reports the lost default (one finding per cause).
  if (escalates && !leftOutOfReplacement(v, proxy, ['allowPrivilegeEscalation'])) {
    const path = escalation?.path ?? customPath(proxy, custom, ['allowPrivilegeEscalation'])
    const node = escalation?.node ?? locate(v, path)
    if (once(node, 'escalation'))
      yield {
        messageId: 'escalation',
        node,
        key: `${proxy.key}:escalation`,
        data,
        suggest: escalationFixBlocked(isPrivileged, added) ? undefined : suggestion('escalation', setValueFix(v, path, 'false'))
      }
  }

  // With helm-merge a non-empty `drop` list replaces the chart's [ALL]; an empty or missing one keeps it.
  const drop = proxySetting(v, proxy, sub('capabilities', 'drop'))
  const dropped = capabilityItems(drop?.node)
  const dropsAll = dropped.some((r) => r.name === 'ALL') || (custom.merge && dropped.length === 0)
  if (!dropsAll) {
    if (drop) {
      let fix: TextEdit[] | null = null
      if (drop.node.kind === 'seq') fix = drop.layer.synthetic ? null : appendSeqItem(drop.layer.file.edit, drop.node, 'ALL')
      else if (drop.node.kind === 'scalar') fix = setValueFix(v, drop.path, '[ALL]')
      if (once(drop.node, 'drop')) yield { messageId: 'drop', node: drop.node, key: `${proxy.key}:drop`, data, suggest: suggestion('drop', fix) }
    } else if (!leftOutOfReplacement(v, proxy, ['capabilities', 'drop'])) {
      const path = customPath(proxy, custom, ['capabilities', 'drop'])
      const node = locate(v, path)
      if (once(node, 'drop')) yield { messageId: 'drop', node, key: `${proxy.key}:drop`, data, suggest: suggestion('drop', setValueFix(v, path, '[ALL]')) }
    }
  }

  for (const ref of added) {
    if (!once(ref.item, 'added')) continue
    const edits = add!.layer.synthetic ? null : removeListItem(add!.layer.file.edit, ref)
    yield {
      messageId: 'added',
      node: ref.item,
      key: proxy.key,
      data: { ...data, capability: ref.name },
      suggest: edits ? [{ messageId: 'added', edits }] : undefined
    }
  }
}

export default defineRule<MessageId>({
  meta: {
    id: 'proxy-privileged',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: "The gateway proxy's Envoy container must not be privileged, escalate privileges or keep Linux capabilities.",
    remediation:
      "In the Envoy container's securityContext (values: podTemplate.glooContainerSecurityContext), remove privileged: true, set allowPrivilegeEscalation: false and capabilities.drop: [ALL], and add no capability.",
    messages: {
      privileged: "{{where}} sets privileged: true{{chart}}: the Envoy container of proxy '{{proxy}}' gets every capability and the node's devices.",
      escalation:
        "{{where}} does not set allowPrivilegeEscalation: false{{chart}}: a process in the Envoy container of proxy '{{proxy}}' can gain more privileges than its parent.",
      drop: "{{where}} does not drop ALL capabilities{{chart}}: the Envoy container of proxy '{{proxy}}' keeps the container runtime's default capabilities.",
      added: "{{where}} adds capability {{capability}} to the Envoy container of proxy '{{proxy}}'{{chart}}; remove it unless Envoy really needs it.",
      noSecurityContext:
        "The Envoy container of proxy '{{proxy}}' has no securityContext: it may escalate privileges and keeps the container runtime's default capabilities."
    }
  },

  *checkValues(v) {
    const once = reportOnce()
    for (const proxy of renderedValuesProxies(v)) {
      // Without glooContainerSecurityContext the chart renders privileged: unset, allowPrivilegeEscalation:
      // false and drop: [ALL]; NET_BIND_SERVICE is proxy-net-bind's.
      const custom = customContext(v, proxy)
      if (custom) yield* valuesProblems(v, proxy, custom, once)
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p?.container) return
    const container = p.container
    const src = obj.file.edit
    const proxy = proxyLabel(p)
    const sc = getNode(container, ['securityContext'])
    if (!sc || isEmptyMap(sc)) {
      yield {
        messageId: 'noSecurityContext',
        node: containerAnchor(container),
        data: { proxy },
        suggest: suggestion('noSecurityContext', setPath(src, container, ['securityContext'], { allowPrivilegeEscalation: 'false', capabilities: { drop: '[ALL]' } }))
      }
      return
    }
    const data = { where: jsonPathOf(sc), proxy, chart: '' }

    const privilegedPair = findPair(sc, 'privileged')
    const isPrivileged = !!privilegedPair && isTrue(privilegedPair.value)
    if (privilegedPair && isPrivileged) yield { messageId: 'privileged', node: privilegedPair.value, data, suggest: suggestion('privileged', removeOrReplace(src, privilegedPair, 'false')) }

    const added = capabilityItems(getNode(sc, ['capabilities', 'add'])).filter((r) => r.name !== NET_BIND)

    const escalation = getNode(sc, ['allowPrivilegeEscalation'])
    if (!isFalse(escalation))
      yield {
        messageId: 'escalation',
        node: escalation ?? containerAnchor(container),
        key: 'escalation',
        data,
        suggest: escalationFixBlocked(isPrivileged, added) ? undefined : suggestion('escalation', setPath(src, container, ['securityContext', 'allowPrivilegeEscalation'], 'false'))
      }

    const drop = getNode(sc, ['capabilities', 'drop'])
    if (!capabilityItems(drop).some((r) => r.name === 'ALL')) {
      let fix: TextEdit[] | null
      // A list gets ALL appended (keeping what it already drops); anything else is replaced by [ALL].
      if (drop?.kind === 'seq') fix = appendSeqItem(src, drop, 'ALL')
      else fix = setPath(src, container, ['securityContext', 'capabilities', 'drop'], '[ALL]')
      yield { messageId: 'drop', node: drop ?? containerAnchor(container, ['capabilities']), key: 'drop', data, suggest: suggestion('drop', fix) }
    }

    for (const ref of added) {
      const edits = removeListItem(src, ref)
      yield { messageId: 'added', node: ref.item, data: { ...data, capability: ref.name }, suggest: edits ? [{ messageId: 'added', edits }] : undefined }
    }
  }
})
