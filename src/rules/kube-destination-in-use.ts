/** kube-destination-in-use: a route to a Kubernetes destination breaks once Kubernetes destinations are disabled. */
import { setPath } from '../yaml/edits.js'
import type { SourceFile } from '../forms/manifests.js'
import { destinationsOf, perProject, type KubeDestination, type KubeUpstreamRef, type Project } from '../gloo/project.js'
import { deref, str } from '../yaml/query.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule } from './types.js'

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const scalarText = (s: string): string => (PLAIN.test(s) ? s : JSON.stringify(s))

/** An Upstream of the change whose `spec.kube` points at the same service and port. */
function matchingUpstream(d: KubeDestination, project: Project): KubeUpstreamRef | undefined {
  const index = perProject(project, 'kubeUpstreamIndex', (p) => {
    const m = new Map<string, KubeUpstreamRef>()
    for (const u of p.kubeUpstreams) {
      const { service, serviceNamespace: namespace, port } = u
      if (!service || !port) continue
      // First definition wins, as the linear scan it replaces did.
      const k1 = `kube\u0000${service}\u0000${port}\u0000${namespace ?? ''}`
      if (!m.has(k1)) m.set(k1, u)
      if (namespace) {
        const k2 = `svc\u0000kube-svc:${namespace}-${service}-${port}`
        if (!m.has(k2)) m.set(k2, u)
      }
    }
    return m
  })
  if (d.via === 'kube') return index.get(`kube\u0000${d.service}\u0000${d.port}\u0000${d.namespace ?? d.obj.namespace ?? ''}`)
  return index.get(`svc\u0000${str(d.pair.value, ['name'])}`)
}

/** Replaces the `kube:` pair, key through value, with an `upstream:` reference in the same (block or flow) style. */
function replaceKube(file: SourceFile, d: KubeDestination, upstream: KubeUpstreamRef): TextEdit[] | null {
  const kube = deref(d.pair.value)
  if (!kube || kube.kind !== 'map') return null
  const src = file.edit
  const fields: [string, string][] = [['name', scalarText(upstream.name)]]
  if (upstream.namespace) fields.push(['namespace', scalarText(upstream.namespace)])
  let text: string
  if (d.holder.flow || kube.flow) text = `upstream: {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}`
  else {
    const col = kube.pairs.length ? src.col(kube.pairs[0].key.start) : src.col(d.pair.key.start) + src.indentStep
    const pad = ' '.repeat(col)
    text = `upstream:${fields.map(([k, v]) => `${src.eol}${pad}${k}: ${v}`).join('')}`
  }
  return [{ range: [d.pair.key.start, d.pair.value.end], text }]
}

/** Points an in-memory `kube-svc:` upstream reference at the real Upstream. */
function replaceKubeSvc(file: SourceFile, d: KubeDestination, upstream: KubeUpstreamRef): TextEdit[] | null {
  const ref = deref(d.pair.value)
  if (!ref || ref.kind !== 'map' || d.node.kind !== 'scalar') return null
  const edits: TextEdit[] = [{ range: [d.node.start, d.node.end], text: scalarText(upstream.name) }]
  if (upstream.namespace) {
    const ns = setPath(file.edit, ref, ['namespace'], scalarText(upstream.namespace))
    if (!ns) return null
    edits.push(...ns)
  }
  return edits
}

function disabledBy(project: Project): { disabledBy: string; where: string } {
  // Not `[first, ...rest]`: that copies the whole list for every route object (quadratic over a large run).
  const list = project.kubeDestinationsDisabled
  const first = list[0]
  const more = list.length > 1 ? ` and ${list.length - 1} more` : ''
  return { disabledBy: first.what, where: `${first.path}:${first.line}${more}` }
}

export default defineRule({
  meta: {
    id: 'kube-destination-in-use',
    category: 'security',
    severity: 'error',
    kinds: [
      'gateway.solo.io/v1/VirtualService',
      'gateway.solo.io/v1/RouteTable',
      'gateway.solo.io/v1/Gateway',
      'gateway.solo.io/v1/MatchableTcpGateway',
      'gloo.solo.io/v1/UpstreamGroup'
    ],
    fixable: true,
    readsValuesFacts: true,
    description: 'No route may use a Kubernetes destination while Kubernetes destinations are disabled.',
    remediation:
      'Route to an Upstream with spec.kube for the service (upstream: {name, namespace}) instead of a kube destination or a kube-svc: in-memory upstream.',
    messages: {
      kube: "Kubernetes destination '{{service}}' fails because {{disabledBy}} ({{where}}); route to Upstream '{{upstream}}', which selects the same service, instead.",
      kubeNoUpstream:
        "Kubernetes destination '{{service}}' fails because {{disabledBy}} ({{where}}); no Upstream in this change has spec.kube for that service and port, so add one and route to it.",
      kubeSvc:
        "In-memory upstream '{{name}}' exists only while Kubernetes destinations are enabled, but {{disabledBy}} ({{where}}); route to Upstream '{{upstream}}', which selects the same service, instead.",
      kubeSvcNoUpstream:
        "In-memory upstream '{{name}}' exists only while Kubernetes destinations are enabled, but {{disabledBy}} ({{where}}); no Upstream in this change has spec.kube for that service, so add one and route to it.",
      unowned:
        "Kubernetes destination '{{service}}' belongs to no install of this run; it breaks if applied where Kubernetes destinations are disabled, as install {{installs}} does; route to an Upstream with spec.kube instead."
    }
  },

  *checkObject(obj, { project, install, disablingInstalls }) {
    if (!install && disablingInstalls?.length) {
      // A route of no install: no install's settings decide for it, but say where it would break.
      for (const d of destinationsOf(project, obj)) {
        const ns = d.namespace ?? d.obj.namespace
        const service = d.via === 'kube' ? `${ns ? `${ns}/` : ''}${d.service}${d.port ? `:${d.port}` : ''}` : str(d.pair.value, ['name']) ?? d.service
        yield { messageId: 'unowned', severity: 'notice', node: d.via === 'kube' ? d.pair.key : d.node, data: { service, installs: disablingInstalls.join(', ') } }
      }
      return
    }
    if (!project.kubeDestinationsDisabled.length) return
    const mine = destinationsOf(project, obj)
    if (!mine.length) return
    const why = disabledBy(project)
    for (const d of mine) {
      const upstream = matchingUpstream(d, project)
      if (d.via === 'kube') {
        const ns = d.namespace ?? d.obj.namespace
        const service = `${ns ? `${ns}/` : ''}${d.service}${d.port ? `:${d.port}` : ''}`
        yield {
          messageId: upstream ? 'kube' : 'kubeNoUpstream',
          node: d.pair.key,
          data: { service, upstream: upstream?.name, ...why },
          fix: upstream ? replaceKube(obj.file, d, upstream) : null
        }
      } else {
        yield {
          messageId: upstream ? 'kubeSvc' : 'kubeSvcNoUpstream',
          node: d.node,
          data: { name: str(d.pair.value, ['name']), upstream: upstream?.name, ...why },
          fix: upstream ? replaceKubeSvc(obj.file, d, upstream) : null
        }
      }
    }
  }
})
