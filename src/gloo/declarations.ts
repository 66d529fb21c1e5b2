/**
 * What installs are made of, taken from a loaded file while its trees exist: its values documents and descriptors
 * (without trees), its ConfigMaps and kustomize `configMapGenerator`s, and whether it holds Gloo control-plane
 * objects. `planInstalls` (installs.ts) plans from these alone.
 */
import { dirOf, resolveRel, type KubeObject, type LoadedFile } from '../forms/manifests.js'
import { getNode, keyOf, mapEntries, scalarValue, seqItems, str } from '../yaml/query.js'
import type { FileDecl } from './installs.js'
import { renderedProxy } from './values.js'

/** What installs are made of, from a loaded file: plain data, no trees. */
export function declOf(lf: LoadedFile): FileDecl {
  const decl = emptyDecl(lf.file.path, lf.file.text)
  decl.empty = !lf.file.parse.error && !lf.file.skipped && !lf.file.parse.documents.some((d) => d.root && d.root.kind !== 'scalar')
  lf.values.forEach((v, ordinal) => {
    decl.values.push({
      ordinal,
      form: v.form,
      chart: v.chart,
      prefix: v.prefix,
      ...(v.evidence ? { evidence: v.evidence } : {}),
      stack: v.stack.map((s) => (s.kind === 'inline' ? { kind: 'inline' as const } : s.kind === 'unresolved' ? { kind: 'unresolved' as const, what: s.what } : s)),
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
      ...(v.declaredVersion ? { declaredVersion: v.declaredVersion } : {}),
      ...(v.chartPath !== undefined ? { chartPath: v.chartPath } : {}),
      ...(v.resources ? { resources: v.resources } : {})
    })
  })
  lf.objects.forEach((obj, objIndex) => {
    if (obj.kind === 'ConfigMap' && obj.apiVersion === 'v1')
      decl.configMaps.push({ name: obj.name, ...(obj.namespace !== undefined ? { namespace: obj.namespace } : {}), objIndex, keys: mapEntries(getNode(obj.root, ['data'])).map(keyOf) })
    if (obj.kind === 'Kustomization')
      for (const gen of seqItems(getNode(obj.root, ['configMapGenerator']))) {
        const files = new Map<string, string>()
        for (const f of seqItems(getNode(gen, ['files']))) {
          const raw = scalarValue(f)
          if (typeof raw !== 'string') continue
          const [key, rel] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw.slice(raw.lastIndexOf('/') + 1), raw]
          const target = resolveRel(dirOf(lf.file.path), rel)
          if (target !== undefined) files.set(key, target)
        }
        decl.generators.push({ name: str(gen, ['name']) ?? '', ...(str(gen, ['namespace']) ? { namespace: str(gen, ['namespace']) } : {}), files })
      }
    if (isControlPlane(obj)) decl.controlPlane = true
  })
  return decl
}

export function emptyDecl(path: string, text: string): FileDecl {
  return { path, values: [], configMaps: [], generators: [], controlPlane: false, empty: text.trim() === '' }
}

/** Gloo control-plane objects: a gateway proxy or the `gloo` Deployment, Settings, the validation webhook. */
function isControlPlane(obj: KubeObject): boolean {
  if (renderedProxy(obj)) return true
  // The chart's own workloads: `gloo`, `discovery`, and `gateway` (the validation server before 1.12).
  if ((obj.kind === 'Deployment' || obj.kind === 'DaemonSet') && ['gloo', 'discovery', 'gateway'].includes(obj.labels['gloo'] ?? '')) return true
  if (obj.kind === 'Settings' && obj.apiVersion.startsWith('gloo.solo.io/')) return true
  return obj.kind === 'ValidatingWebhookConfiguration' && obj.name.startsWith('gloo-gateway-validation-webhook')
}
