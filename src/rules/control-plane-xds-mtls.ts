/** Gloo should serve the gateway proxies' configuration (xDS) over mutual TLS. */
import { getValue, keyPath, locate, renderedValuesProxies, setValueFix } from '../gloo/values.js'
import type { ValuesInput } from '../forms/manifests.js'
import { isTrue } from '../yaml/query.js'
import { isAtLeast, versionNote, withNote } from '../gloo/version.js'
import { defineRule } from './types.js'

const PATH = ['global', 'glooMtls', 'enabled']
/** First chart that reads `global.glooMtls.enabled` (catalog section 4.3). */
const SINCE = '1.3.6'

/**
 * The values seen from their root: Helm's globals stay at the root of every layer, also in gloo-ee and in an
 * umbrella chart, so `global.*` is looked up, located and fixed as a chart key at the root.
 */
function fromRoot(v: ValuesInput): ValuesInput {
  return { ...v, chart: 'gloo', prefix: '', layers: v.layers.map((l) => ({ ...l, ossPath: [] })) }
}

export default defineRule({
  meta: {
    id: 'control-plane-xds-mtls',
    category: 'security',
    severity: 'notice',
    kinds: ['values'],
    fixable: false,
    description: 'Gloo should serve xDS to the gateway proxies over mutual TLS.',
    remediation: 'Set global.glooMtls.enabled: true (chart 1.3.6 and later), which adds sds sidecars and a certificate Job.',
    messages: {
      values:
        "{{key}} is {{state}}: Gloo sends the gateway proxies their configuration (xDS, port 9977), TLS private keys included, in plaintext, and neither side authenticates the other.",
      enable: 'Set {{key}}: true (this adds an sds sidecar to gloo and to every gateway proxy, and a Job that issues the certificates).'
    }
  },

  *checkValues(v) {
    if (!isAtLeast(v.chartVersion, SINCE)) return
    // The chart's mTLS secures gloo and the gateway proxies; without a gateway proxy it changes nothing.
    if (renderedValuesProxies(v).length === 0) return
    const root = fromRoot(v)
    const found = getValue(root, PATH)
    if (isTrue(found?.node)) return
    const edits = setValueFix(root, PATH, 'true')
    const state = found && found.node.kind === 'scalar' && !found.node.empty ? found.node.value : 'not set (chart default false)'
    yield {
      messageId: 'values',
      node: locate(root, PATH),
      // The verdict rests on a chart that reads the key (1.3.6, catalog 4.3).
      data: { key: keyPath(root, PATH), state: withNote(state, versionNote(v.chartVersion, SINCE)) },
      suggest: edits?.length ? [{ messageId: 'enable', edits }] : undefined
    }
  }
})
