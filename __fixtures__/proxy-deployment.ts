/** A gateway-proxy Deployment as the chart renders it, cut down to what the proxy rules read. */
import { dedent } from './yaml.js'

/** Labels in the order they are written. */
export type Labels = Record<string, string>

export interface ProxyDeploymentParts {
  /** metadata.name, the Envoy container's name and the default `gateway-proxy-id` label (default `gateway-proxy`). */
  name?: string
  namespace?: string
  /** metadata.labels (default `gloo: gateway-proxy` and `gateway-proxy-id: <name>`). */
  labels?: Labels
  /** Write metadata.labels as one flow map `{…}` rather than a block. */
  flowLabels?: boolean
  replicas?: number
  /** spec.selector.matchLabels. */
  selector?: Labels
  /** spec.template.metadata.labels. */
  podLabels?: Labels
  /** YAML at the head of the pod spec, at any indentation (re-indented under `spec:`). */
  podSpec?: string
  serviceAccountName?: string
  /** Tag of the gloo-envoy-wrapper image (default 1.17.4). */
  version?: string
  /** YAML after the Envoy container's `image:`, at any indentation (re-indented into the container). */
  container?: string
}

/**
 * The Deployment's text, with a part that has no default left out when not given. Tests assert lines and columns
 * in it, so the layout is fixed: two-space indentation, `- name:` at the column of `containers:`, parts in the order
 * of the fields above.
 */
export function renderProxyDeployment(parts: ProxyDeploymentParts = {}): string {
  const name = parts.name ?? 'gateway-proxy'
  const labels = parts.labels ?? { gloo: 'gateway-proxy', 'gateway-proxy-id': name }
  let text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n`
  if (parts.namespace) text += `  namespace: ${parts.namespace}\n`
  text += parts.flowLabels ? `  labels: ${flowMap(labels)}\n` : `  labels:${blockMap(labels, 4)}\n`
  text += 'spec:\n'
  if (parts.replicas !== undefined) text += `  replicas: ${parts.replicas}\n`
  if (parts.selector) text += `  selector:\n    matchLabels:${blockMap(parts.selector, 6)}\n`
  text += '  template:\n'
  if (parts.podLabels) text += `    metadata:\n      labels:${blockMap(parts.podLabels, 8)}\n`
  text += `    spec:${indent(parts.podSpec, 6)}\n`
  if (parts.serviceAccountName) text += `      serviceAccountName: ${parts.serviceAccountName}\n`
  text += `      containers:\n      - name: ${name}\n`
  text += `        image: quay.io/solo-io/gloo-envoy-wrapper:${parts.version ?? '1.17.4'}${indent(parts.container, 8)}\n`
  return text
}

const flowMap = (map: Labels): string => `{${Object.entries(map).map(([k, v]) => `${k}: ${v}`).join(', ')}}`

/** One `\n` + indented line a pair, so it can follow the key that holds the map. */
const blockMap = (map: Labels, column: number): string => Object.entries(map).map(([k, v]) => `\n${' '.repeat(column)}${k}: ${v}`).join('')

/** The block dedented, then each line put at `column` behind a `\n`, to follow the line it extends. */
function indent(block: string | undefined, column: number): string {
  if (!block) return ''
  return dedent(block)
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `\n${line.trim() ? ' '.repeat(column) + line : ''}`)
    .join('')
}
