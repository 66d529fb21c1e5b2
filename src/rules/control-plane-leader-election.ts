/** Several gloo control-plane replicas need leader election, or they all write statuses and proxies at once. */
import { getValue, keyPath, setValueFix } from '../gloo/values.js'
import { replaceScalar } from '../yaml/edits.js'
import { asNumber, getNode, isMap, isScalar, isTrue, seqItems, str } from '../yaml/query.js'
import { hasSince, isBefore, parseVersion, versionNote, type Version } from '../gloo/version.js'
import { defineRule } from './types.js'

const REPLICAS = ['gloo', 'deployment', 'replicas']
const DISABLE = ['gloo', 'disableLeaderElection']
/** First charts that render `gloo.disableLeaderElection` as env DISABLE_LEADER_ELECTION (catalog 4.2, 4.3). */
const DISABLE_SINCE = '1.12.32/1.13.0-beta25'

/** Leader election for gloo arrived in 1.12.6 and 1.13.0-beta6 (1.13.0-beta1…5 lack it). */
function lacksLeaderElection(v: Version | undefined): boolean {
  if (!v) return false
  if (v.major === 1 && v.minor === 13 && v.patch === 0 && v.pre) return isBefore(v, '1.13.0-beta6')
  return isBefore(v, '1.12.6')
}

/** The tag of `…/gloo:1.11.2` or `…/gloo-ee:1.11.2@sha256:…`. */
function imageVersion(image: string | undefined): Version | undefined {
  const m = image ? /:([^:@/]+)(?:@|$)/.exec(image) : null
  return m ? parseVersion(m[1]) : undefined
}

export default defineRule({
  meta: {
    id: 'control-plane-leader-election',
    category: 'control-plane',
    severity: 'error',
    kinds: ['values', 'apps/v1/Deployment'],
    fixable: true,
    description: 'More than one gloo control-plane replica needs leader election.',
    remediation:
      'Set gloo.disableLeaderElection: false (or remove it) when gloo.deployment.replicas is above 1; on charts before 1.12.6 run a single gloo replica or upgrade.',
    messages: {
      disabled:
        '{{key}} is true while {{replicasKey}} is {{replicas}}{{chart}}: every gloo replica acts as leader, and they overwrite each other\'s resource statuses and Proxy writes.',
      noLeaderElection:
        '{{replicasKey}} is {{replicas}}, but chart {{version}} has no leader election for gloo (it came in 1.12.6 and 1.13.0-beta6): the replicas overwrite each other\'s resource statuses and Proxy writes.',
      renderedDisabled:
        "Deployment '{{name}}' runs {{replicas}} gloo replicas with DISABLE_LEADER_ELECTION \"true\": every replica acts as leader, and they overwrite each other's resource statuses and Proxy writes.",
      renderedNoLeaderElection:
        "Deployment '{{name}}' runs {{replicas}} replicas of gloo {{version}}, which has no leader election (it came in 1.12.6 and 1.13.0-beta6): the replicas overwrite each other's resource statuses and Proxy writes."
    }
  },
  *checkValues(v) {
    const replicasFound = getValue(v, REPLICAS)
    const replicas = asNumber(replicasFound?.node)
    if (!replicasFound || replicas === undefined || replicas <= 1) return
    const data = { replicasKey: keyPath(v, REPLICAS), replicas, key: keyPath(v, DISABLE), version: v.chartVersion?.raw }
    if (lacksLeaderElection(v.chartVersion)) {
      yield { messageId: 'noLeaderElection', severity: 'warning', node: replicasFound.node, data }
      return
    }
    const disable = getValue(v, DISABLE)
    if (!disable || !isTrue(disable.node)) return
    // Older charts ignore the key (values-key-unsupported-version reports it): leader election stays on.
    if (!hasSince(v.chartVersion, DISABLE_SINCE)) return
    yield { messageId: 'disabled', node: disable.node, data: { ...data, chart: versionNote(v.chartVersion, DISABLE_SINCE) }, fix: setValueFix(v, DISABLE, 'false') }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'gloo') return
    const replicasNode = getNode(obj.root, ['spec', 'replicas'])
    const replicas = asNumber(replicasNode)
    if (!replicasNode || replicas === undefined || replicas <= 1) return
    const containers = seqItems(getNode(obj.root, ['spec', 'template', 'spec', 'containers'])).filter(isMap)
    const gloo = containers.find((c) => str(c, ['name']) === 'gloo') ?? containers[0]
    const version = imageVersion(str(gloo, ['image']))
    if (lacksLeaderElection(version)) {
      yield { messageId: 'renderedNoLeaderElection', severity: 'warning', node: replicasNode, data: { name: obj.name, replicas, version: version?.raw } }
      return
    }
    for (const env of seqItems(getNode(gloo, ['env']))) {
      if (str(env, ['name']) !== 'DISABLE_LEADER_ELECTION') continue
      const value = getNode(env, ['value'])
      if (!isScalar(value) || !isTrue(value)) continue
      // Keep the quoting style: env values must stay strings.
      const text = value.style === 'single' ? "'false'" : '"false"'
      yield { messageId: 'renderedDisabled', node: value, data: { name: obj.name, replicas }, fix: [replaceScalar(value, text)] }
    }
  }
})
