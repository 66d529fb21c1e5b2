/**
 * values-unknown-key: keys the Gloo chart silently ignores (it ships no values schema). The known misplacements
 * are moved to their real place; every other key the chart data does not list gets a "did you mean". The walk
 * over the layers' keys is `chartKeyVerdicts` (gloo/chart-keys.ts), shared with values-key-unsupported-version.
 */
import { suggestKeyAt } from '../gloo/chart.js'
import { ANY, chartKeyVerdicts, COVERED, describeChart, KNOWN, PICK, type KeyVerdict } from '../gloo/chart-keys.js'
import { removePair, setPath, type EditSource } from '../yaml/edits.js'
import { getValue, keyPath, valuesProxies } from '../gloo/values.js'
import type { ValuesInput, ValuesLayer } from '../forms/manifests.js'
import { describeDestinations } from '../gloo/project.js'
import { deref, findPair, getNode, isTrue, keyOf, mapEntries } from '../yaml/query.js'
import type { MapNode, Pair, YamlNode } from '../yaml/tree.js'
import { editsOverlap } from '../model/edit.js'
import type { TextEdit } from '../model/finding.js'
import { defineRule, type Problem } from './types.js'

/** OSS chart keys that do nothing at the root of gloo-ee values (they belong under `gloo.`). */
const EE_ROOT_OSS_KEYS = ['gatewayProxies', 'settings', 'gateway', 'discovery']

const KUBE_DESTINATIONS = 'settings.disableKubernetesDestinations'
/** A moved flow map stays on one line; anything longer is left to a human. */
const MAX_MOVED_TEXT = 120

type MessageId = 'moved' | 'taken' | 'kubeInUse' | 'enterpriseRoot' | 'enterpriseRootTaken' | 'unknown' | 'unknownDidYouMean' | 'rename'

/** The one key name the checked versions suggest for the judged segment, if they agree on one. */
function suggestionOf(verdict: KeyVerdict): string | undefined {
  const names = new Set<string>()
  const ranks = new Map<string, Map<string, number>>()
  for (const vi of verdict.checked) {
    const s = suggestKeyAt(verdict.path, vi, ranks)
    if (s && s.index === verdict.path.length - 1) names.add(s.key)
    // Two names: no one "did you mean".
    if (names.size > 1) return undefined
  }
  return names.size === 1 ? [...names][0] : undefined
}

/** The generic finding for a key no checked version reads; a unique "did you mean" renames it (a suggestion). */
function unknownProblem(v: ValuesInput, verdict: KeyVerdict): Problem<MessageId> {
  const key = verdict.pair.key
  const chart = verdict.own ? describeChart(v.chartVersion) : 'any chart version'
  const suggestion = suggestionOf(verdict)
  if (!suggestion) return { messageId: 'unknown', node: key, data: { key: verdict.key, chart } }
  const target = verdict.key.slice(0, verdict.key.length - verdict.path[verdict.path.length - 1].length) + suggestion
  const data = { key: verdict.key, chart, suggestion: target }
  // A rename switches the setting on, so it is never a safe fix; a parameter cannot be renamed in place.
  const renamable =
    verdict.whole && !verdict.layer.synthetic && key.kind === 'scalar' && SIMPLE_KEY.test(suggestion) && !findPair(verdict.map, suggestion)
  const suggest = renamable ? [{ messageId: 'rename' as const, edits: [{ range: [key.start, key.end] as const, text: suggestion }] }] : undefined
  return { messageId: 'unknownDidYouMean', node: key, data, suggest }
}

interface Candidate {
  layer: ValuesLayer
  /** From `layer.root`: the maps along the path and the pair in each. */
  maps: MapNode[]
  pairs: Pair[]
  fromFull: string[]
  toFull: string[]
  /** The target as an OSS chart path (for `getValue` and `keyPath`). */
  toOss: string[]
  key: string
  target: string
  enterpriseRoot: boolean
  /** The target still names a placeholder proxy: no fix. */
  placeholder: boolean
}

/** The maps and pairs along `path`, or null when a segment is missing or reached through a merge key. */
function pairChain(root: MapNode, path: readonly string[]): { maps: MapNode[]; pairs: Pair[] } | null {
  const maps: MapNode[] = []
  const pairs: Pair[] = []
  let m: YamlNode | null = root
  for (const seg of path) {
    if (!m || m.kind !== 'map') return null
    const p = findPair(m, seg)
    if (!p || !m.pairs.includes(p)) return null
    maps.push(m)
    pairs.push(p)
    m = deref(p.value)
  }
  return { maps, pairs }
}

/** Whether `path` can be there below `node`: a key at each step (pairChain says for sure). */
function mayHold(node: YamlNode | null, path: readonly string[]): boolean {
  let n = node
  for (const seg of path) {
    const p = n ? findPair(n, seg) : undefined
    if (!p) return false
    n = deref(p.value)
  }
  return true
}

function candidatesOf(v: ValuesInput, layer: ValuesLayer): Candidate[] {
  const out: Candidate[] = []
  const single = valuesProxies(v)
  const picked = single.length === 1 ? single[0].key : undefined
  const oss = getNode(layer.root, layer.ossPath)
  // Each proxy's map, found once for all the misplacements below a proxy.
  const proxyMaps = mapEntries(getNode(oss, ['gatewayProxies'])).map((p) => ({ key: keyOf(p), map: deref(p.value) }))
  for (const m of KNOWN) {
    const any = m.from[0] === 'gatewayProxies' && m.from[1] === ANY
    for (const { key: proxy, map } of any ? proxyMaps : [{ key: undefined, map: oss }]) {
      // Most layers hold none of these keys: looked for before anything is built.
      if (!mayHold(map, any ? m.from.slice(2) : m.from)) continue
      const from = m.from.map((s) => (s === ANY ? proxy! : s))
      const fromFull = [...layer.ossPath, ...from]
      const chain = pairChain(layer.root, fromFull)
      if (!chain) continue
      const toOss = m.to.map((s) => (s === ANY ? proxy! : s === PICK ? picked ?? PICK : s))
      out.push({
        layer,
        ...chain,
        fromFull,
        toFull: [...layer.ossPath, ...toOss],
        toOss,
        key: keyPath(v, from),
        target: keyPath(v, toOss),
        enterpriseRoot: false,
        placeholder: toOss.includes(PICK)
      })
    }
  }
  if (v.chart === 'gloo-ee' && layer.ossPath.length) {
    const outer = layer.ossPath.slice(0, -1)
    const outerPrefix = outer.map((s) => `${s}.`).join('')
    for (const k of EE_ROOT_OSS_KEYS) {
      const chain = pairChain(layer.root, [...outer, k])
      if (!chain) continue
      out.push({
        layer,
        ...chain,
        fromFull: [...outer, k],
        toFull: [...layer.ossPath, k],
        toOss: [k],
        key: outerPrefix + k,
        target: keyPath(v, [k]),
        enterpriseRoot: true,
        placeholder: false
      })
    }
  }
  return out
}

const SIMPLE_KEY = /^[A-Za-z0-9_.\/-]+$/

/** Source text of a value that can be moved as is: a one-line scalar or a small one-line flow map. */
function movableText(src: EditSource, node: YamlNode): string | null {
  // An anchor or tag would be lost or orphaned by moving the bare value.
  if (node.kind === 'alias' || node.anchor || ('tag' in node && node.tag)) return null
  if (node.kind === 'scalar') {
    if (node.empty || node.style === 'literal' || node.style === 'folded') return null
  } else if (node.kind !== 'map' || !node.flow) return null
  const text = src.text.slice(node.start, node.end)
  return /[\r\n]/.test(text) || text.length > MAX_MOVED_TEXT ? null : text
}

/**
 * Moves the key to its target: a key rename when only the last segment differs, otherwise removing the pair
 * (or the ancestors it alone fills, never the common ancestor) and inserting the value at the target.
 */
function moveFix(src: EditSource, c: Candidate): TextEdit[] | null {
  const n = c.fromFull.length
  let cp = 0
  while (cp < n && cp < c.toFull.length && c.fromFull[cp] === c.toFull[cp]) cp++
  const last = c.pairs[n - 1]
  if (c.toFull.length === n && cp === n - 1) {
    if (last.key.kind !== 'scalar' || !SIMPLE_KEY.test(c.toFull[n - 1])) return null
    return [{ range: [last.key.start, last.key.end], text: c.toFull[n - 1] }]
  }
  // An alias along the way means the edit would land in a shared anchor.
  if (c.pairs.slice(cp, n - 1).some((p) => p.value.kind !== 'map')) return null
  const text = movableText(src, last.value)
  if (text === null) return null
  let idx = n - 1
  while (idx > cp && c.maps[idx].pairs.length === 1) idx--
  const map = c.maps[idx]
  const removal = removePair(src, map, c.pairs[idx])
  const insertion = setPath(src, c.layer.root, c.toFull, text)
  if (!removal || !insertion || !insertion.length) return null
  if (map.flow && map.pairs.length === 1) {
    // `{a: 1}` → `{}` then `, b: 1` before `}` would read `{, b: 1}`: write the new entry over the old one.
    const [ins] = insertion
    if (insertion.length !== 1 || ins.range[0] !== map.end - 1 || ins.range[1] !== ins.range[0] || !ins.text.startsWith(', ')) return null
    return [{ range: removal.range, text: ins.text.slice(2) }]
  }
  if (editsOverlap([removal], insertion)) return null
  return [removal, ...insertion]
}

export default defineRule({
  meta: {
    id: 'values-unknown-key',
    category: 'hygiene',
    severity: 'warning',
    kinds: ['values'],
    fixable: true,
    description: 'Helm values must not hold keys the Gloo chart silently ignores.',
    remediation: 'Move or rename the key to the place the chart reads it from, or delete it.',
    messages: {
      moved: '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}.',
      taken: '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}, which is already set, so merge the two and delete this one.',
      kubeInUse:
        '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}, but routes in this change use Kubernetes destinations ({{routes}}): migrate them to Upstreams before moving it.',
      enterpriseRoot: "{{key}} at the root of gloo-ee values is ignored: the open-source chart's values go under gloo., at {{target}}.",
      enterpriseRootTaken:
        "{{key}} at the root of gloo-ee values is ignored: the open-source chart's values go under gloo., and {{target}} is already set, so merge the two and delete this one.",
      unknown: '{{key}} is not a value of {{chart}} and is ignored.',
      unknownDidYouMean: '{{key}} is not a value of {{chart}} and is ignored; did you mean {{suggestion}}?',
      rename: 'Rename {{key}} to {{suggestion}} (the setting then takes effect: check its value first).'
    }
  },

  *checkValues(v, { project }) {
    const problems: Problem<MessageId>[] = []
    for (const verdict of chartKeyVerdicts(v)) if (verdict.kind === 'unknown') problems.push(unknownProblem(v, verdict))
    for (const c of v.layers.flatMap((layer) => candidatesOf(v, layer))) {
      const last = c.pairs[c.pairs.length - 1]
      const data = { key: c.key, target: c.target }
      const taken = !c.placeholder && getValue(v, c.toOss) !== null
      let problem: Problem<MessageId>
      if (taken) problem = { messageId: c.enterpriseRoot ? 'enterpriseRootTaken' : 'taken', node: last.key, data }
      else if (c.toOss.join('.') === KUBE_DESTINATIONS && isTrue(last.value) && project.kubeDestinations.length)
        // Moving it would switch off the Kubernetes destinations those routes need (kube-destination-in-use).
        problem = { messageId: 'kubeInUse', node: last.key, data: { ...data, routes: describeDestinations(project.kubeDestinations) } }
      else {
        // Two moves creating the same `podTemplate:` overlap: --fix applies them in separate passes.
        const fix = c.placeholder || c.layer.synthetic ? null : moveFix(c.layer.file.edit, c)
        problem = { messageId: c.enterpriseRoot ? 'enterpriseRoot' : 'moved', node: last.key, data, fix }
      }
      problems.push(problem)
    }
    yield* problems.sort((a, b) => a.node.start - b.node.start)
  }
})
