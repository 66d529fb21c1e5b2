/**
 * The real-world corpus (`../shared/corpus`, read in place): each file produces exactly the findings the catalog
 * says it should. Skipped, saying so, when the corpus is not there.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixFiles } from '../src/engine/fix.js'
import { lint } from '../src/engine/lint.js'
import { parseDocuments } from '../src/yaml/tree.js'

const DIR = '../shared/corpus'
const present = existsSync(DIR)
if (!present) console.warn(`corpus test skipped: ${DIR} does not exist`)

const read = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8')
const run = (f: string) => lint([{ path: f, text: read(f) }]).findings
const brief = (f: string) => run(f).map((x) => `${x.span.start.line}:${x.span.start.column} ${x.severity} ${x.ruleId}`)

/** Every finding of every corpus file, reviewed against the catalog (see the notes in the tests below). */
const EXPECTED: Record<string, string[]> = {
  'amitkshirsagar13-apps-gloo-values.yaml': [
    '6:1 notice header-secret-namespace',
    '6:1 notice proxy-core-dumps',
    '6:1 notice proxy-disruption-budget',
    '6:1 notice proxy-graceful-shutdown',
    '6:1 warning proxy-probes',
    '6:1 warning proxy-probes',
    '6:1 warning proxy-resources',
    '6:1 notice proxy-seccomp',
    '6:1 warning proxy-single-replica',
    '6:1 notice validation-allow-warnings',
    '6:1 warning validation-always-accept',
    '6:1 notice validation-failure-policy',
    '7:3 notice proxy-token-automount',
    '14:1 notice invalid-routes-not-replaced',
    '14:1 warning kube-destinations-enabled',
    '20:1 notice control-plane-xds-mtls',
    '20:1 warning yaml-duplicate-key'
  ],
  'bladedancer-gloo-k3d-gateway-proxy-deployment.yaml': [
    '9:9 notice proxy-disruption-budget',
    '9:9 notice proxy-token-automount',
    '11:1 warning proxy-single-replica',
    '43:15 notice proxy-graceful-shutdown',
    '43:15 warning proxy-probes',
    '51:9 warning proxy-resources',
    '52:9 error proxy-read-only-root-fs',
    '52:9 error proxy-run-as-root',
    '52:9 notice proxy-seccomp',
    '56:15 error proxy-net-bind',
    '85:9 warning sidecar-security-context'
  ],
  'cmwylie19-task-service-settings-cr.yaml': [
    '80:22 notice validation-allow-warnings',
    '81:21 warning validation-always-accept',
    '83:3 notice invalid-routes-not-replaced',
    '84:36 warning kube-destinations-enabled'
  ],
  'codeverifier-gloo-edge-1-14-values.yaml': [
    '11:1 warning values-unknown-key',
    '127:14 notice control-plane-xds-mtls',
    '155:3 notice invalid-routes-not-replaced',
    '203:22 notice validation-allow-warnings',
    '237:5 error proxy-token-automount',
    '241:5 notice proxy-core-dumps',
    '243:7 warning values-unknown-key',
    '289:21 warning proxy-single-replica',
    '291:7 warning values-unknown-key',
    '296:7 notice proxy-graceful-shutdown',
    '296:7 warning values-unknown-key',
    '301:7 warning values-unknown-key',
    '312:23 warning proxy-disruption-budget',
    '313:7 notice proxy-seccomp',
    '387:3 notice header-secret-namespace'
  ],
  'codeverifier-sharded-gateways-values.yaml': [
    '88:14 notice control-plane-xds-mtls',
    '113:3 notice invalid-routes-not-replaced',
    '137:14 notice discovery-enabled',
    '165:22 notice validation-allow-warnings',
    '199:5 error proxy-token-automount',
    '209:5 notice proxy-core-dumps',
    '213:7 warning values-unknown-key',
    '263:21 warning proxy-single-replica',
    '265:7 warning values-unknown-key',
    '270:7 notice proxy-graceful-shutdown',
    '270:7 warning values-unknown-key',
    '275:7 warning values-unknown-key',
    '286:23 warning proxy-disruption-budget',
    '287:7 notice proxy-seccomp',
    '348:5 notice proxy-core-dumps',
    '352:7 warning values-unknown-key',
    '402:21 warning proxy-single-replica',
    '404:7 warning values-unknown-key',
    '409:7 notice proxy-graceful-shutdown',
    '409:7 warning values-unknown-key',
    '414:7 warning values-unknown-key',
    '425:23 warning proxy-disruption-budget',
    '426:7 notice proxy-seccomp',
    '500:3 notice header-secret-namespace'
  ],
  'jsnider-tfw-doks-gloo-values.yaml': [
    '23:12 notice discovery-enabled',
    '51:3 error proxy-token-automount',
    '62:20 notice validation-allow-warnings',
    '63:28 warning validation-always-accept',
    '66:20 notice validation-failure-policy',
    '75:3 notice proxy-anti-affinity',
    '75:3 notice proxy-disruption-budget',
    '75:3 notice proxy-seccomp',
    '97:5 warning proxy-probes',
    '97:5 warning proxy-resources',
    '104:18 notice proxy-graceful-shutdown',
    '111:15 warning proxy-probes',
    '124:14 notice control-plane-xds-mtls',
    '201:34 warning kube-destinations-enabled',
    '224:27 notice invalid-routes-not-replaced'
  ],
  'pickjonathan-gloo-1.4.10-rendered.yaml': [
    '40:9 error proxy-token-automount',
    '745:9 notice discovery-enabled',
    '855:9 notice proxy-disruption-budget',
    '858:13 warning proxy-single-replica',
    '893:15 notice proxy-graceful-shutdown',
    '893:15 warning proxy-probes',
    '893:15 warning proxy-resources',
    '894:9 notice proxy-seccomp',
    '1049:3 notice invalid-routes-not-replaced',
    '1051:36 warning kube-destinations-enabled',
    '1059:5 notice validation-allow-warnings',
    '1061:21 warning validation-always-accept',
    '1253:18 notice validation-failure-policy',
    '1285:18 notice validation-failure-policy'
  ],
  'ref-solo-gloo-production-recommendations.yaml': [
    '4:1 notice control-plane-xds-mtls',
    '4:1 error proxy-token-automount',
    '11:3 notice proxy-core-dumps',
    '25:5 warning proxy-probes',
    '25:5 warning proxy-resources',
    '25:5 notice proxy-seccomp',
    '43:7 warning values-unknown-key',
    '43:17 warning proxy-single-replica',
    '45:21 warning proxy-disruption-budget',
    '60:3 warning values-unknown-key',
    '68:3 warning values-unknown-key'
  ],
  'solo-gitops-library-argocd-gloo-ee.yaml': [
    '20:9 warning discovery-enabled',
    '20:9 notice invalid-routes-not-replaced',
    '20:9 warning kube-destinations-enabled',
    '20:9 notice proxy-disruption-budget',
    '20:9 notice proxy-graceful-shutdown',
    '20:9 warning proxy-probes',
    '20:9 warning proxy-probes',
    '20:9 warning proxy-resources',
    '20:9 notice proxy-seccomp',
    '20:9 warning proxy-single-replica',
    '20:9 error proxy-token-automount',
    '20:9 notice validation-allow-warnings',
    '20:9 warning validation-always-accept',
    '20:9 notice validation-failure-policy',
    '28:9 notice control-plane-xds-mtls'
  ],
  'solo-gitops-library-argocd-gloo-oss.yaml': [
    '17:15 notice control-plane-xds-mtls',
    '17:15 warning discovery-enabled',
    '17:15 notice invalid-routes-not-replaced',
    '17:15 warning kube-destinations-enabled',
    '17:15 notice proxy-disruption-budget',
    '17:15 notice proxy-graceful-shutdown',
    '17:15 warning proxy-probes',
    '17:15 warning proxy-probes',
    '17:15 warning proxy-resources',
    '17:15 notice proxy-seccomp',
    '17:15 warning proxy-single-replica',
    '17:15 error proxy-token-automount',
    '17:15 notice validation-allow-warnings',
    '17:15 warning validation-always-accept',
    '17:15 notice validation-failure-policy'
  ],
  'tpctl-gloo-ee-values.yaml': [
    '81:14 notice discovery-enabled',
    '106:25 error proxy-token-automount',
    '112:22 notice validation-failure-policy',
    '115:5 notice proxy-disruption-budget',
    '115:5 notice proxy-seccomp',
    '126:21 warning proxy-single-replica',
    '127:7 warning proxy-resources',
    '128:25 error proxy-net-bind',
    '136:17 warning proxy-probes',
    '137:20 error proxy-run-as-root',
    '138:26 error proxy-run-as-root',
    '215:13 warning kube-destinations-enabled',
    '974:1 warning values-unknown-key'
  ],
  'tpctl-settings-cr.yaml': [
    '9:1 notice invalid-routes-not-replaced',
    '9:1 warning kube-destinations-enabled',
    '9:1 warning validation-always-accept'
  ]
}





describe.skipIf(!present)('corpus', () => {
  for (const [file, want] of Object.entries(EXPECTED))
    it(`${file} produces exactly its findings`, () => {
      expect(brief(file)).toEqual(want)
    })

  it('gives the Istio SDS proxy only a proxy-token-automount notice, but flags NET_BIND_SERVICE, the writable root filesystem and root', () => {
    const fs = run('bladedancer-gloo-k3d-gateway-proxy-deployment.yaml')
    // Catalog section 2, proxy-token-automount: "Notice with Istio integration", rendered as in values; a suggestion, no fix.
    const token = fs.find((f) => f.ruleId === 'proxy-token-automount')!
    expect([token.severity, token.messageId, token.fix]).toEqual(['notice', 'istioPod', undefined])
    // gloo-envoy-wrapper:1.5.0-beta20 predates the image's USER 10101 (1.5.1): with no runAsUser, Envoy runs as root.
    expect(fs.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['proxy-net-bind', 'proxy-read-only-root-fs', 'proxy-run-as-root'])
  })

  it('lowers proxy-token-automount to a notice for the IRSA-annotated ServiceAccount; istioSDS false with sidecars is no exemption', () => {
    const f = run('amitkshirsagar13-apps-gloo-values.yaml').find((x) => x.ruleId === 'proxy-token-automount')!
    expect(f.severity).toBe('notice')
    expect(f.messageId).toBe('irsa')
  })

  it("finds exactly the three keys the chart ignores in Solo's own production recommendations", () => {
    const keys = run('ref-solo-gloo-production-recommendations.yaml').filter((f) => f.ruleId === 'values-unknown-key')
    expect(keys.map((f) => f.message.split(' ')[0])).toEqual([
      'gatewayProxies.gatewayProxy.deployment.replicas',
      'settings.accessLoggingService',
      'settings.disableTransformationValidation'
    ])
  })

  it('maps findings inside an Argo CD values string to the outer file, at the nearest existing key', () => {
    const text = read('solo-gitops-library-argocd-gloo-ee.yaml')
    const f = run('solo-gitops-library-argocd-gloo-ee.yaml').find((x) => x.ruleId === 'proxy-token-automount')!
    const line = text.split('\n')[f.span.start.line - 1]
    expect(line.slice(f.span.start.column - 1)).toBe('gloo:')
  })

  it('fixes every corpus file with --fix: it still parses, no fixed finding remains, nothing is rejected', () => {
    for (const file of Object.keys(EXPECTED)) {
      const before = run(file)
      const result = fixFiles([{ path: file, text: read(file) }])
      const output = result.outputs.get(file) ?? read(file)
      expect(parseDocuments(output).error, file).toBeUndefined()
      expect(result.rejected.map((r) => r.reason), file).toEqual([])
      const fixed = new Set(before.filter((f) => f.fix).map((f) => f.fingerprint))
      const after = lint([{ path: file, text: output }]).findings
      expect(after.filter((f) => fixed.has(f.fingerprint)).map((f) => `${file} ${f.ruleId}: ${f.message}`)).toEqual([])
      // A fix never trades its finding for a new one.
      expect(before.length - after.length, file).toBeGreaterThanOrEqual(fixed.size)
    }
  })
})
