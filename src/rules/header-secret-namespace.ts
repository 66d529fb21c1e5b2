/** Header secrets of an Upstream should come from the Upstream's own namespace, not from anywhere in the cluster. */
import { getValue, keyPath, locate, setValueFix } from '../gloo/values.js'
import type { KubeObject } from '../forms/manifests.js'
import type { Project } from '../gloo/project.js'
import { deref, getNode, isMap, isTrue, keyOf, mapEntries, scalarValue, seqItems, str } from '../yaml/query.js'
import type { YamlNode } from '../yaml/tree.js'
import { hasSince, parseVersion, chartNamed } from '../gloo/version.js'
import { isUnset } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const PATH = ['gloo', 'headerSecretRefNsMatchesUs']
const ENV = 'HEADER_SECRET_REF_NS_MATCHES_US'
/** First chart of each release line that renders the env var from the key (catalog 4.2, 4.3). */
const SINCE = '1.14.13/1.15.0-beta23'

const isUpstream = (o: KubeObject): boolean => o.kind === 'Upstream' && o.apiVersion.startsWith('gloo.solo.io/')

/** Every `headerSecretRef(s)` reference below `node` whose namespace differs from `ns`. */
function foreignSecretRefs(node: YamlNode | null, ns: string | undefined, depth = 0): boolean {
  const n = deref(node)
  if (!n || depth > 40) return false
  if (n.kind === 'seq') return seqItems(n).some((i) => foreignSecretRefs(i, ns, depth + 1))
  if (n.kind !== 'map') return false
  for (const pair of mapEntries(n)) {
    const key = keyOf(pair)
    const refs = key === 'headerSecretRefs' ? seqItems(pair.value) : key === 'headerSecretRef' ? [pair.value] : []
    for (const ref of refs) {
      const refNs = str(ref, ['namespace'])
      if (refNs !== undefined && refNs !== ns) return true
    }
    if (foreignSecretRefs(pair.value, ns, depth + 1)) return true
  }
  return false
}

/**
 * Why turning the check on might break traffic, or undefined when the install is known not to be affected: every
 * member Upstream must be visible (the project keeps only some kinds whole) and none may take a header secret
 * from another namespace.
 */
function unsafeBecause(project: Project): string | undefined {
  const upstreams = project.objects.filter(isUpstream)
  const seen = new Set(upstreams.flatMap((u) => [u.name, ...(u.namespace ? [`${u.namespace}/${u.name}`] : [])]))
  if ([...project.upstreamNames].some((n) => !seen.has(n))) return 'the Upstreams of the install could not be checked'
  if (upstreams.some((u) => foreignSecretRefs(getNode(u.root, ['spec']), u.namespace))) return 'an Upstream takes a header secret from another namespace'
  return undefined
}

export default defineRule({
  meta: {
    id: 'header-secret-namespace',
    category: 'security',
    severity: 'notice',
    kinds: ['values', 'apps/v1/Deployment'],
    fixable: true,
    description: "Secrets sent as headers via headerSecretRefs should be limited to the Upstream's namespace.",
    remediation: 'Set gloo.headerSecretRefNsMatchesUs: true (chart 1.14.13, 1.15.0-beta23 and later).',
    messages: {
      values:
        '{{key}} is not true on {{chart}}: an Upstream can send the contents of a header Secret from any namespace to its destination (the chart default is false).',
      rendered:
        "Deployment '{{name}}' does not set env {{env}}: \"true\" on {{chart}}: an Upstream can send the contents of a header Secret from any namespace to its destination.",
      restrict: 'Set {{key}}: true (check first that no Upstream takes a header secret from another namespace: its requests would then fail).'
    }
  },
  *checkValues(v, { project, install }) {
    // The key renders the env var from 1.14.13/1.15.0-beta23; an unknown version is taken as the newest chart.
    if (!hasSince(v.chartVersion, SINCE)) return
    const found = getValue(v, PATH)
    if (isTrue(found?.node)) return
    const data = { key: keyPath(v, PATH), chart: chartNamed(v.chartVersion, SINCE) }
    const edits = setValueFix(v, PATH, 'true')
    // Safe (catalog section 2): the chart is known to read the key (F1), nothing a human wrote is reversed, the
    // install is complete and no member Upstream depends on a secret of another namespace (F3).
    const safe = v.chartVersion !== undefined && isUnset(found?.node) && install?.complete === true && !unsafeBecause(project)
    const node = locate(v, PATH)
    if (safe) yield { messageId: 'values', node, data, fix: edits }
    else yield { messageId: 'values', node, data, suggest: edits?.length ? [{ messageId: 'restrict', data, edits }] : undefined }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'gloo') return
    const containers = seqItems(getNode(obj.root, ['spec', 'template', 'spec', 'containers'])).filter(isMap)
    const gloo = containers.find((c) => str(c, ['name']) === 'gloo') ?? containers[0]
    if (!gloo) return
    const tag = /:([^:@/]+)(?:@|$)/.exec(str(gloo, ['image']) ?? '')?.[1]
    const version = parseVersion(tag)
    if (!hasSince(version, SINCE)) return
    const env = seqItems(getNode(gloo, ['env'])).find((e) => str(e, ['name']) === ENV)
    const value = getNode(env, ['value'])
    if (String(scalarValue(value)) === 'true') return
    const chart = chartNamed(version, SINCE)
    yield { messageId: 'rendered', node: value ?? getNode(gloo, ['name']) ?? gloo, data: { name: obj.name, env: ENV, chart } }
  }
})
