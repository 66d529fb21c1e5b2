/** Envoy should not write core files: a core dump of a gateway proxy holds its TLS keys and tokens. */
import { keyPath, locate, proxyPath, proxyValue, setValueFix } from '../gloo/values.js'
import { isTrue } from '../yaml/query.js'
import { hasSince, versionNote, withNote } from '../gloo/version.js'
import { coveredByDefault, describeSetting, isUnset, renderedValuesProxies } from '../gloo/workloads.js'
import { defineRule } from './types.js'

const PATH = ['disableCoreDumps']
/** First chart of each release line that renders `DISABLE_CORE_DUMPS` from the key (catalog section 4.3). */
const SINCE = '1.12.43/1.13.5/1.14.0-beta7'

export default defineRule({
  meta: {
    id: 'proxy-core-dumps',
    category: 'security',
    severity: 'notice',
    kinds: ['values'],
    fixable: true,
    description: 'Gateway proxies should not write core dumps, which hold their keys and tokens.',
    remediation: 'Set gatewayProxies.<proxy>.disableCoreDumps: true (chart 1.12.43, 1.13.5, 1.14.0-beta7 and later).',
    messages: {
      values:
        "{{key}} is {{state}}: a crash of gateway proxy '{{proxy}}' can write a core file holding Envoy's memory, TLS private keys and tokens included.",
      disable: 'Set {{key}}: true (check first that no one collects Envoy core dumps for debugging).'
    }
  },

  *checkValues(v) {
    if (!hasSince(v.chartVersion, SINCE)) return
    const fixedOnDefault = new Set<string>()
    for (const proxy of renderedValuesProxies(v)) {
      const found = proxyValue(v, proxy, PATH)
      if (isTrue(found?.node)) continue
      const path = proxyPath(proxy, PATH)
      const edits = coveredByDefault(v, proxy, PATH, fixedOnDefault) ? null : setValueFix(v, path, 'true')
      if (proxy.isDefault && edits?.length) fixedOnDefault.add(PATH.join('.'))
      // Safe only when the chart is known to read the key (catalog section 2, F1: an unknown version may be
      // older) and the fix reverses no value a human wrote (an explicit `false` may be deliberate).
      const safe = v.chartVersion !== undefined && isUnset(found?.node)
      const data = { key: keyPath(v, path), state: withNote(describeSetting(v, PATH, found, 'false'), versionNote(v.chartVersion, SINCE)), proxy: proxy.name }
      yield {
        messageId: 'values',
        node: locate(v, path),
        data,
        fix: safe ? edits : null,
        suggest: !safe && edits?.length ? [{ messageId: 'disable', edits }] : undefined,
        key: proxy.name
      }
    }
  }
})
