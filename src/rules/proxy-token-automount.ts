import { getGlobal, getValue, keyPath, locate, proxyServiceAccount, renderedIstio, renderedProxy, setValueFix, valuesIstio } from '../gloo/values.js'
import { getNode, isFalse, isTrue, keyOf, mapEntries } from '../yaml/query.js'
import { setPath } from '../yaml/edits.js'
import { perProject, type Project } from '../gloo/project.js'
import { defineRule, safeIf } from './types.js'

const PATH = ['gateway', 'proxyServiceAccount', 'disableAutomount']
const IRSA = 'eks.amazonaws.com/role-arn'

export default defineRule({
  meta: {
    id: 'proxy-token-automount',
    category: 'security',
    severity: 'error',
    kinds: ['values', 'v1/ServiceAccount', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
    fixable: true,
    description: 'The gateway proxy pods must not mount a Kubernetes API token.',
    remediation:
      'Set gateway.proxyServiceAccount.disableAutomount: true in the values, or automountServiceAccountToken: false on the gateway-proxy ServiceAccount or the proxy pod spec.',
    messages: {
      values: '{{key}} is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.',
      irsa: '{{key}} is not true, and the proxy ServiceAccount carries an EKS IRSA role ({{annotation}}); confirm the proxy does not need the token, then disable automount.',
      serviceAccount: "ServiceAccount '{{name}}' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.",
      disableAutomount: 'Set {{key}}: true once nothing in the proxy pod needs the Kubernetes API token.',
      istio:
        "{{key}} is not true, and the proxy runs with Istio ({{why}}): the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
      istioServiceAccount:
        "ServiceAccount '{{name}}' mounts its API token into gateway proxy pods that run with Istio ({{why}}): the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
      istioPod:
        "Proxy '{{name}}' runs with Istio ({{why}}) and mounts the API token of ServiceAccount '{{sa}}': the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
      automountOff: 'Set automountServiceAccountToken: false once nothing in the proxy pod needs the Kubernetes API token.',
      unverified:
        "Proxy '{{name}}' mounts the token of ServiceAccount '{{sa}}', which is not among the checked files; set automountServiceAccountToken: false on the pod spec (or check the ServiceAccount)."
    }
  },

  *checkValues(v) {
    if (isFalse(getValue(v, ['gateway', 'enabled'])?.node)) return
    if (isTrue(getValue(v, PATH)?.node)) return
    // With Istio integration the token may be wanted (catalog row: a notice, and the edit only a suggestion).
    const istio = valuesIstio(v)
    if (istio) {
      yield { messageId: 'istio', severity: 'notice', node: locate(v, PATH), data: { key: keyPath(v, PATH), why: istio }, ...safeIf(false, setValueFix(v, PATH, 'true'), 'disableAutomount') }
      return
    }
    const annotations = getValue(v, ['gateway', 'proxyServiceAccount', 'extraAnnotations'])
    const irsa = mapEntries(annotations?.node).some((p) => keyOf(p) === IRSA)
    // Safe unless the proxy may need the token (IRSA, custom sidecars) or a human wrote `false` (catalog fix class).
    const written = getValue(v, PATH)
    const safe = !irsa && !written && !getGlobal(v, ['istioSDS', 'customSidecars']) && !getValue(v, ['gatewayProxies', 'gatewayProxy', 'extraContainersHelper'])
    yield {
      messageId: irsa ? 'irsa' : 'values',
      severity: irsa ? 'notice' : undefined,
      node: locate(v, PATH),
      data: { key: keyPath(v, PATH), annotation: IRSA },
      ...safeIf(safe, setValueFix(v, PATH, 'true'), 'disableAutomount')
    }
  },

  *checkObject(obj, { project }) {
    if (obj.kind === 'ServiceAccount') {
      if (obj.name !== 'gateway-proxy') return
      if (isFalse(getNode(obj.root, ['automountServiceAccountToken']))) return
      const users = serviceAccountUsers(project, obj.name, obj.namespace)
      // Pod-level automountServiceAccountToken: false wins over the ServiceAccount's setting.
      if (users.count > 0 && users.count === users.podLevelOff) return
      const irsa = IRSA in obj.annotations
      const existing = getNode(obj.root, ['automountServiceAccountToken'])
      const node = existing ?? getNode(obj.root, ['metadata', 'name']) ?? obj.root
      // As in the values (catalog row): with Istio integration the token may be wanted, so a notice and a suggestion.
      if (users.istio) {
        yield {
          messageId: 'istioServiceAccount',
          severity: 'notice',
          node,
          data: { name: obj.name, why: users.istio },
          ...safeIf(false, setPath(obj.file.edit, obj.root, ['automountServiceAccountToken'], 'false'), 'automountOff')
        }
        return
      }
      yield {
        messageId: 'serviceAccount',
        severity: irsa ? 'notice' : undefined,
        node,
        data: { name: obj.name },
        fix: setPath(obj.file.edit, obj.root, ['automountServiceAccountToken'], 'false')
      }
      return
    }
    const proxy = renderedProxy(obj)
    if (!proxy || !proxy.podSpec) return
    const podSetting = getNode(proxy.podSpec, ['automountServiceAccountToken'])
    if (isFalse(podSetting)) return
    const sa = proxyServiceAccount(proxy)
    if (project.serviceAccounts.has(sa)) return // the ServiceAccount decides, and is reported there
    const node = podSetting ?? getNode(proxy.podSpec, ['serviceAccountName']) ?? getNode(obj.root, ['metadata', 'name']) ?? obj.root
    const istio = renderedIstio(proxy)
    if (istio) {
      yield {
        messageId: 'istioPod',
        severity: 'notice',
        node,
        data: { name: proxy.name, sa, why: istio },
        ...safeIf(false, setPath(obj.file.edit, proxy.podSpec, ['automountServiceAccountToken'], 'false'), 'automountOff')
      }
      return
    }
    yield {
      messageId: 'unverified',
      severity: 'warning',
      node,
      data: { name: proxy.name, sa },
      fix: setPath(obj.file.edit, proxy.podSpec, ['automountServiceAccountToken'], 'false')
    }
  }
})

interface SaUsers {
  count: number
  podLevelOff: number
  /** Why one of its proxies integrates with Istio (the first found), if one does. */
  istio?: string
}

/**
 * What the rendered proxies running as a ServiceAccount say about its token, indexed once per run by
 * name and namespace (a proxy without a namespace counts for every namespace, as does a ServiceAccount without one).
 */
function serviceAccountUsers(project: Project, name: string, namespace: string | undefined): SaUsers {
  const index = perProject(project, 'proxyTokenAutomount.users', (p) => {
    const m = new Map<string, SaUsers>()
    for (const [sa, proxies] of p.proxiesByServiceAccount)
      for (const proxy of proxies)
        for (const ns of ['*', proxy.namespace ?? '?']) {
          const k = `${sa}\u0000${ns}`
          const u: SaUsers = m.get(k) ?? { count: 0, podLevelOff: 0 }
          u.count++
          if (proxy.podAutomountOff) u.podLevelOff++
          // A proxy that turns the token off itself does not need the ServiceAccount's.
          else if (proxy.istio && !u.istio) u.istio = proxy.istio
          m.set(k, u)
        }
    return m
  })
  const none: SaUsers = { count: 0, podLevelOff: 0 }
  if (!namespace) return index.get(`${name}\u0000*`) ?? none
  const own = index.get(`${name}\u0000${namespace}`) ?? none
  const unscoped = index.get(`${name}\u0000?`) ?? none
  return { count: own.count + unscoped.count, podLevelOff: own.podLevelOff + unscoped.podLevelOff, istio: own.istio ?? unscoped.istio }
}
