/** Gloo should replace the routes of an invalid resource with a direct response instead of serving stale config. */
import { getValue, helmTruthy, keyPath, locate, setValueFix } from '../gloo/values.js'
import { setPath } from '../yaml/edits.js'
import { getNode, isFalse, isTrue, locatePath } from '../yaml/query.js'
import { isBefore, chartNamed } from '../gloo/version.js'
import { defineRule } from './types.js'

const PATH = ['settings', 'invalidConfigPolicy', 'replaceInvalidRoutes']
/** The legacy key: ignored ≤ 1.5.0, a gate 1.5.1 … 1.7.0-beta20, a duplicate key that loses from 1.7.0-beta21 (T18:33-38). */
const LEGACY = ['settings', 'replaceInvalidRoutes']
const CR_PATH = ['spec', 'gloo', 'invalidConfigPolicy', 'replaceInvalidRoutes']
const GATE_SINCE = '1.5.1'
const OVERRIDE_SINCE = '1.7.0-beta21'

export default defineRule({
  meta: {
    id: 'invalid-routes-not-replaced',
    category: 'control-plane',
    severity: 'notice',
    kinds: ['values', 'gloo.solo.io/v1/Settings'],
    fixable: false,
    description: 'Gloo should replace invalid routes instead of keeping the last valid configuration.',
    remediation:
      'Set settings.invalidConfigPolicy.replaceInvalidRoutes: true (Settings: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes: true).',
    messages: {
      values:
        '{{key}} is not true: when a VirtualService becomes invalid, the proxies keep serving its last valid routes and nothing tells clients (the chart default is false).',
      legacyOverridden:
        '{{legacy}} is true but {{key}} is not: on {{chart}} the rendered Settings repeats replaceInvalidRoutes with the invalidConfigPolicy value (default false) last, and the last one wins, so the proxies keep serving the last valid routes of an invalid VirtualService.',
      legacyIgnored:
        '{{legacy}} is true but {{key}} is not: chart {{version}} ignores {{legacy}}, so the proxies keep serving the last valid routes of an invalid VirtualService.',
      legacyNeeded:
        '{{key}} is true, but chart {{version}} renders invalidConfigPolicy only when {{legacy}} is true too (1.5.1 to 1.7.0-beta20): the proxies keep serving the last valid routes of an invalid VirtualService.',
      settings:
        "Settings '{{name}}' keeps serving the last valid routes of an invalid VirtualService: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes is not true.",
      replace: 'Set {{key}}: true (invalid routes then answer with a direct response, 404 by default, instead of keeping the last good configuration).'
    }
  },
  *checkValues(v) {
    // No Settings rendered: the member Settings CR is checked on its own, and none is the engine's notice.
    if (isFalse(getValue(v, ['settings', 'create'])?.node)) return
    const current = getValue(v, PATH)
    const legacy = getValue(v, LEGACY)
    const version = v.chartVersion
    const gated = isBefore(version, OVERRIDE_SINCE) && !isBefore(version, GATE_SINCE)
    const suggestion = (path: string[]) => {
      const edits = setValueFix(v, path, 'true')
      return edits?.length ? [{ messageId: 'replace' as const, data: { key: keyPath(v, path) }, edits }] : []
    }
    const data = { key: keyPath(v, PATH), legacy: keyPath(v, LEGACY), version: version?.raw }
    if (isTrue(current?.node)) {
      // 1.5.1 … 1.7.0-beta20: the legacy key gates the whole invalidConfigPolicy block.
      if (!gated || helmTruthy(legacy)) return
      yield { messageId: 'legacyNeeded', node: locate(v, LEGACY), data, suggest: suggestion(LEGACY) }
      return
    }
    const suggest = suggestion(PATH)
    if (gated && !helmTruthy(legacy)) suggest.push(...suggestion(LEGACY))
    if (isTrue(legacy?.node)) {
      if (isBefore(version, GATE_SINCE)) yield { messageId: 'legacyIgnored', node: locate(v, PATH), data, suggest }
      else if (!gated) {
        const chart = chartNamed(version, OVERRIDE_SINCE)
        yield { messageId: 'legacyOverridden', node: locate(v, PATH), data: { ...data, chart }, suggest }
      } else yield { messageId: 'values', node: locate(v, PATH), data, suggest }
      return
    }
    yield { messageId: 'values', node: locate(v, PATH), data, suggest }
  },
  *checkObject(obj) {
    if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/')) return
    if (isTrue(getNode(obj.root, CR_PATH))) return
    const edits = setPath(obj.file.edit, obj.root, CR_PATH, 'true')
    yield {
      messageId: 'settings',
      node: locatePath(obj.root, CR_PATH),
      data: { name: obj.name },
      suggest: edits?.length ? [{ messageId: 'replace', data: { key: CR_PATH.join('.') }, edits }] : undefined
    }
  }
})
