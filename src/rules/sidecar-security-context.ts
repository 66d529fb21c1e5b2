/** sidecar-security-context: the sds and istio-proxy sidecars of a gateway proxy must not escalate privileges or keep capabilities. */
import { setPath, type EditSource, type YamlValue } from '../yaml/edits.js'
import { getGlobal, getValue, helmTruthy, keyPath, locate, renderedProxy, setValueFix, type Found } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { asString, getNode, isFalse, jsonPathOf, seqItems, str } from '../yaml/query.js'
import {
  appendSeqItem,
  capabilityItems,
  containerAnchor,
  globalValues,
  ISTIO_INTEGRATION_SIDECARS_SINCE,
  proxyLabel,
  PSS_SINCE,
  PSS_SWITCH,
  renderedValuesProxies,
  restrictedDefaults,
  SECURITY_CONTEXT_SINCE
} from '../gloo/security.js'
import type { MapNode, YamlNode } from '../yaml/tree.js'
import { hasSince, isAtLeast, versionNote } from '../gloo/version.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule, type Problem } from './types.js'

type MessageId = 'sidecar' | 'noKnob' | 'customSidecar' | 'rendered' | 'setContext' | 'pss'

/** The chart's sidecars: container name → the `global.glooMtls` key of its securityContext (1.22.1 T7:309, 371). */
const SIDECARS = [
  { name: 'sds', key: 'sds' },
  { name: 'istio-proxy', key: 'istioProxy' }
] as const

const ESCALATION = 'allowPrivilegeEscalation: false'
const DROP = 'capabilities.drop: [ALL]'
/** First chart that reads `global.glooMtls.enabled` (catalog 4.3). */
const MTLS_SINCE = '1.3.6'

/** What a securityContext lacks of `allowPrivilegeEscalation: false` and `drop: [ALL]`. */
interface Gaps {
  escalation: boolean
  drop: boolean
  /** The `drop` list when it exists without ALL (ALL is appended to it). */
  dropList?: YamlNode
}

const describeGaps = (g: Gaps): string => [g.escalation ? ESCALATION : '', g.drop ? DROP : ''].filter(Boolean).join(' and ')

/** The gaps of a securityContext as written (a rendered container, a custom sidecar). */
function writtenGaps(sc: YamlNode | null): Gaps {
  const drop = getNode(sc, ['capabilities', 'drop'])
  return {
    escalation: !isFalse(getNode(sc, ['allowPrivilegeEscalation'])),
    drop: !capabilityItems(drop).some((r) => r.name === 'ALL'),
    ...(drop?.kind === 'seq' ? { dropList: drop } : {})
  }
}

/** Edits adding what a container's securityContext lacks, in place (a drop list gets ALL appended). */
function containerEdits(src: EditSource, container: MapNode, g: Gaps): TextEdit[] | null {
  const out: TextEdit[] = []
  const value: { [k: string]: YamlValue } = {}
  if (g.escalation) value.allowPrivilegeEscalation = 'false'
  if (g.drop && g.dropList?.kind === 'seq') {
    const e = appendSeqItem(src, g.dropList, 'ALL')
    if (!e) return null
    out.push(...e)
  } else if (g.drop) value.capabilities = { drop: '[ALL]' }
  if (Object.keys(value).length) {
    const e = setPath(src, container, ['securityContext'], value)
    if (!e) return null
    out.push(...e)
  }
  return out
}

/** How a message names the proxies a sidecar runs in: `proxy 'gateway-proxy'`, `proxies 'a' and 'b'`. */
function proxiesText(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`)
  if (quoted.length === 1) return `proxy ${quoted[0]}`
  return `proxies ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`
}

/** Why a chart sidecar renders: the switch that adds it, or null when it does not render. */
function sidecarSwitches(v: ValuesInput): { sds: Found | null; istioProxy: Found | null; custom: Found | null } {
  const g = (...path: string[]) => getGlobal(v, path)
  const truthy = (f: Found | null): Found | null => (helmTruthy(f) ? f : null)
  const mtls = isAtLeast(v.chartVersion, MTLS_SINCE) ? truthy(g('glooMtls', 'enabled')) : null
  // istioIntegration.enabled adds both sidecars from 1.17.0 (1.17.0 T7:299); before it is inert (catalog 1.5).
  const istio = truthy(g('istioSDS', 'enabled')) ?? (isAtLeast(v.chartVersion, ISTIO_INTEGRATION_SIDECARS_SINCE) ? truthy(g('istioIntegration', 'enabled')) : null)
  const custom = istio ? truthy(g('istioSDS', 'customSidecars')) : null
  return { sds: mtls ?? istio, istioProxy: custom ? null : istio, custom }
}

export default defineRule<MessageId>({
  meta: {
    id: 'sidecar-security-context',
    category: 'security',
    severity: 'warning',
    kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: false,
    description: "The gateway proxy's sds and istio-proxy sidecars must not escalate privileges or keep Linux capabilities.",
    remediation:
      'Set allowPrivilegeEscalation: false and capabilities.drop: [ALL] in global.glooMtls.sds.securityContext and global.glooMtls.istioProxy.securityContext (chart 1.14.0-beta11 and later), or turn on global.podSecurityStandards.container.enableRestrictedContainerDefaults (1.16.14, 1.17.0-beta29 and later); write them into custom sidecars yourself.',
    messages: {
      sidecar:
        "{{key}} does not give the {{sidecar}} sidecar of {{proxies}} {{missing}}{{chart}}, and {{why}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
      noKnob:
        "Chart {{version}} renders the {{sidecar}} sidecar of {{proxies}} without a securityContext and reads no key for one (from 1.14.0-beta11): a process in it may escalate privileges or keep the container runtime's default capabilities.",
      customSidecar:
        "Custom sidecar '{{name}}' of {{proxies}} ({{key}}) runs without {{missing}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
      rendered:
        "The {{sidecar}} sidecar of proxy '{{proxy}}' runs without {{missing}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
      setContext: 'Set {{missing}} in {{key}} (check first that the sidecar needs no privilege).',
      pss: 'Set {{key}}: true (check first: it changes the securityContext of every Gloo container, and its runAsNonRoot: true needs images that run as a numeric non-root user).'
    }
  },

  *checkValues(v) {
    const proxies = renderedValuesProxies(v)
    if (!proxies.length) return
    const root = globalValues(v)
    const names = proxiesText(proxies.map((p) => p.name))
    const switches = sidecarSwitches(v)
    // Before 1.14.0-beta11 nothing sets a sidecar's securityContext: only a notice (catalog row).
    const knobs = hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)
    const severity = knobs ? undefined : ('notice' as const)
    const pss = restrictedDefaults(v)

    for (const sidecar of SIDECARS) {
      const on = switches[sidecar.key]
      if (!on) continue
      if (!knobs) {
        yield { messageId: 'noKnob', severity, node: on.node, key: sidecar.name, data: { version: v.chartVersion?.raw, sidecar: sidecar.name, proxies: names } }
        continue
      }
      const base = ['global', 'glooMtls', sidecar.key, 'securityContext']
      const map = getValue(root, base)
      const set = helmTruthy(map) && map!.node.kind === 'map'
      // The helper that merges (mergePolicy) and adds the PSS defaults renders the sidecars from 1.16.14/1.17.0-beta29;
      // before, the map is written as it is.
      const merge = set && asString(getValue(root, [...base, 'mergePolicy'])?.node) === 'helm-merge' && hasSince(v.chartVersion, PSS_SINCE)
      let gaps: Gaps
      if (!set) gaps = { escalation: !pss, drop: !pss }
      else {
        const escalation = getValue(root, [...base, 'allowPrivilegeEscalation'])
        const drop = getValue(root, [...base, 'capabilities', 'drop'])
        const items = capabilityItems(drop?.node)
        gaps = {
          // helm-merge refills a missing or empty value from the PSS defaults; an explicit true stays.
          escalation: !isFalse(escalation?.node) && !(merge && pss && !escalation),
          drop: !items.some((r) => r.name === 'ALL') && !(merge && pss && items.length === 0),
          ...(drop?.node.kind === 'seq' ? { dropList: drop.node } : {})
        }
      }
      if (!gaps.escalation && !gaps.drop) continue
      const missing = describeGaps(gaps)
      const key = keyPath(root, base)
      const suggest: NonNullable<Problem<MessageId>['suggest']> = []
      const value: { [k: string]: YamlValue } = {}
      const edits: TextEdit[] = []
      if (gaps.escalation) value.allowPrivilegeEscalation = 'false'
      if (gaps.drop && gaps.dropList?.kind === 'seq') {
        const found = getValue(root, [...base, 'capabilities', 'drop'])!
        const e = found.layer.synthetic ? null : appendSeqItem(found.layer.file.edit, gaps.dropList, 'ALL')
        if (e) edits.push(...e)
      } else if (gaps.drop) value.capabilities = { drop: '[ALL]' }
      if (Object.keys(value).length) edits.push(...(setValueFix(root, base, value) ?? []))
      if (edits.length) suggest.push({ messageId: 'setContext', data: { missing, key }, edits })
      // The PSS defaults only reach a sidecar without a replacing map.
      if (!set && hasSince(v.chartVersion, PSS_SINCE)) {
        const path = ['global', ...PSS_SWITCH]
        const e = setValueFix(root, path, 'true')
        if (e?.length) suggest.push({ messageId: 'pss', data: { key: keyPath(root, path) }, edits: e })
      }
      yield {
        messageId: 'sidecar',
        node: set ? (map!.pair?.key ?? map!.node) : locate(root, base),
        key: sidecar.name,
        // A warning rests on a chart that reads the key (1.14.0-beta11, catalog row); older ones get noKnob.
        data: { sidecar: sidecar.name, proxies: names, missing, key, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE), why: set && pss && !merge ? 'it replaces the PSS restricted defaults' : 'the chart sets no default' },
        suggest: suggest.length ? suggest : undefined
      }
    }

    // Custom sidecars are rendered as written (toYaml), without defaults or PSS.
    if (switches.custom) {
      const list = switches.custom
      const key = keyPath(root, ['global', 'istioSDS', 'customSidecars'])
      for (const [index, item] of seqItems(list.node).entries()) {
        if (item.kind !== 'map') continue
        const gaps = writtenGaps(getNode(item, ['securityContext']))
        if (!gaps.escalation && !gaps.drop) continue
        const missing = describeGaps(gaps)
        const edits = list.layer.synthetic ? null : containerEdits(list.layer.file.edit, item, gaps)
        const name = str(item, ['name']) ?? '?'
        yield {
          messageId: 'customSidecar',
          severity,
          node: containerAnchor(item),
          key: name,
          data: { name, proxies: names, key, missing },
          suggest: edits?.length ? [{ messageId: 'setContext', data: { missing, key: `${key}[${index}].securityContext` }, edits }] : undefined
        }
      }
    }
  },

  *checkObject(obj) {
    const p = renderedProxy(obj)
    if (!p) return
    for (const c of p.containers) {
      const name = str(c, ['name'])
      if (c === p.container || !SIDECARS.some((s) => s.name === name)) continue
      const gaps = writtenGaps(getNode(c, ['securityContext']))
      if (!gaps.escalation && !gaps.drop) continue
      const missing = describeGaps(gaps)
      const edits = containerEdits(obj.file.edit, c, gaps)
      yield {
        messageId: 'rendered',
        node: containerAnchor(c),
        key: name,
        data: { sidecar: name, proxy: proxyLabel(p), missing },
        suggest: edits?.length ? [{ messageId: 'setContext', data: { missing, key: `${jsonPathOf(c)}.securityContext` }, edits }] : undefined
      }
    }
  }
})
