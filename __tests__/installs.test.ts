/**
 * Installs (catalog sections 1.2 and 1A): what is Gloo, which layers make one install, and that no fact crosses
 * from one install to another. Reads the scenario folders under __fixtures__/installs/ as whole runs.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultConfig, parseConfig, type Config } from '../src/engine/config.js'
import { fixFiles as fixAll } from '../src/engine/fix.js'
import { flavourOf, isStrong, valuesEvidence } from '../src/gloo/evidence.js'
import { lint as lintAll, type LintFile, type LintOptions } from '../src/engine/lint.js'
import { parseDocuments } from '../src/yaml/tree.js'
import type { MapNode } from '../src/yaml/tree.js'
import { toJsonReport } from '../src/report/json.js'
import { ruleIds, rules } from '../src/rules/index.js'
import { yamlFiles } from '../__fixtures__/files.js'
import { yaml } from '../__fixtures__/yaml.js'

const ROOT = join(__dirname, '..', '__fixtures__', 'installs')

/**
 * The rules these tests run: the ones that exercise installs (layers, facts, placement). A rule added later changes
 * what an install reports, not how installs are made, so it is left out here and tested on its own.
 */
const INSTALL_RULES = new Set([
  'control-plane-leader-election', 'discovery-enabled', 'file-skipped', 'header-secret-namespace', 'input-unrecognized',
  'input-unresolved', 'internal-error', 'invalid-routes-not-replaced', 'kube-destination-in-use', 'kube-destinations-enabled',
  'proxy-anti-affinity', 'proxy-disruption-budget', 'proxy-graceful-shutdown', 'proxy-net-bind', 'proxy-privileged',
  'proxy-probes', 'proxy-read-only-root-fs', 'proxy-resources', 'proxy-run-as-root', 'proxy-single-replica',
  'proxy-token-automount', 'suppression-unused', 'validation-allow-warnings', 'validation-always-accept',
  'validation-disabled', 'validation-failure-policy', 'values-unknown-key', 'yaml-duplicate-key', 'yaml-syntax'
])
const RULES = rules.filter((r) => INSTALL_RULES.has(r.meta.id))
const lint = (files: readonly LintFile[], options: LintOptions = {}) => lintAll(files, { rules: RULES, ...options })
const fixFiles = (files: LintFile[], options: LintOptions = {}) => fixAll(files, { rules: RULES, ...options })

const rows = (files: LintFile[], config?: Config): string[] =>
  lint(files, config ? { config } : {}).findings.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}${f.install ? ` [${f.install}]` : ''}`)

const valuesRoot = (text: string): MapNode => parseDocuments(text).documents[0].root as MapNode

describe('recognition by evidence (section 1.2)', () => {
  it('takes strong OSS paths, and names what it found', () => {
    const e = valuesEvidence(valuesRoot('gatewayProxies:\n  gatewayProxy:\n    kind: {}\nsettings:\n  disableKubernetesDestinations: true\nglobal:\n  glooMtls:\n    enabled: true\n'))
    expect(e).toEqual({ oss: ['gatewayProxies', 'settings.disableKubernetesDestinations'], ee: [], global: ['global.glooMtls'], weak: true })
    expect(isStrong(e)).toBe(true)
    expect(flavourOf(e)).toBe('gloo')
  })

  it('finds nothing in keys every chart has', () => {
    const e = valuesEvidence(valuesRoot('ingress:\n  enabled: true\ngateway:\n  enabled: true\nsettings:\n  create: true\nprometheus:\n  enabled: true\nglobal:\n  image:\n    registry: quay.io\n'))
    expect(isStrong(e)).toBe(false)
    expect(e.weak).toBe(true)
  })

  it('a stray gloo.discovery never flips an OSS file to enterprise; gloo.gatewayProxies and an EE-only key do', () => {
    const oss = valuesEvidence(valuesRoot('gatewayProxies:\n  gatewayProxy: {}\ngloo:\n  discovery:\n    enabled: false\n'))
    expect(flavourOf(oss)).toBe('gloo')
    const ee = valuesEvidence(valuesRoot('gloo:\n  gatewayProxies:\n    gatewayProxy: {}\n'))
    expect([isStrong(ee), flavourOf(ee)]).toEqual([true, 'gloo-ee'])
    const license = valuesEvidence(valuesRoot('license_key: abc\ngloo:\n  settings: {}\n'))
    expect([license.eeOnly, flavourOf(license)]).toEqual(['license_key', 'gloo-ee'])
    // license_key without a gloo: map proves nothing.
    expect(isStrong(valuesEvidence(valuesRoot('license_key: abc\n')))).toBe(false)
    // A tie between the flavours is OSS; the named chart always decides.
    const tie = valuesEvidence(valuesRoot('gatewayProxies:\n  p: {}\ngloo:\n  gatewayProxies:\n    p: {}\n'))
    expect([flavourOf(tie), flavourOf(tie, 'gloo-ee')]).toEqual(['gloo', 'gloo-ee'])
  })
})

describe('negative controls: other charts, workflows, playbooks and generic config beside Gloo files', () => {
  const negatives = yamlFiles(ROOT, ['negative'])
  const monorepo = yamlFiles(ROOT, ['monorepo'])

  it('has the negative corpus it claims', () => {
    expect(negatives.map((f) => f.path)).toEqual([
      'negative/.github/workflows/ci.yml',
      'negative/ansible/playbook.yml',
      'negative/argo/app-nginx.yaml',
      'negative/bitnami-redis/values.yaml',
      'negative/cert-manager/values.yaml',
      'negative/generic/app-config.yaml',
      'negative/gloo-mesh/helmrelease.yaml',
      'negative/gloo-mesh/values.yaml',
      'negative/gloo-portal/values.yaml',
      'negative/helm-create/Chart.yaml',
      'negative/helm-create/values.yaml',
      'negative/k8s/deployment.yaml',
      'negative/k8s/gateway-api.yaml',
      'negative/kube-prometheus-stack/values.yaml'
    ])
  })

  it('gives no finding on any of them, and the Gloo files beside them keep exact findings', () => {
    expect(rows([...monorepo, ...negatives].sort((a, b) => (a.path < b.path ? -1 : 1)))).toEqual([
      'monorepo/envs/dev/values.yaml:2:1 header-secret-namespace [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:2:1 invalid-routes-not-replaced [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:2:1 kube-destinations-enabled [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:9:3 validation-allow-warnings [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:9:3 validation-failure-policy [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:16:5 proxy-graceful-shutdown [monorepo/envs/dev]',
      'monorepo/envs/dev/values.yaml:16:5 proxy-probes [monorepo/envs/dev]',
      'monorepo/envs/prod/values.yaml:2:1 header-secret-namespace [monorepo/envs/prod]',
      'monorepo/envs/prod/values.yaml:9:3 validation-allow-warnings [monorepo/envs/prod]',
      'monorepo/envs/prod/values.yaml:9:3 validation-failure-policy [monorepo/envs/prod]',
      'monorepo/envs/prod/values.yaml:16:5 proxy-graceful-shutdown [monorepo/envs/prod]',
      'monorepo/envs/prod/values.yaml:16:5 proxy-probes [monorepo/envs/prod]',
      'monorepo/knative/values.yaml:2:1 header-secret-namespace [monorepo/knative]',
      'monorepo/knative/values.yaml:2:1 invalid-routes-not-replaced [monorepo/knative]',
      'monorepo/routes/shared-vs.yaml:15:11 kube-destination-in-use'
    ])
  })

  it('--fix changes none of them, and still fixes the Gloo file beside them', () => {
    const gloo = { path: 'monorepo/edge/values.yaml', text: 'gatewayProxies:\n  gatewayProxy:\n    kind:\n      deployment:\n        replicas: 2\n' }
    const result = fixFiles([...negatives, ...monorepo, gloo])
    expect([...result.outputs.keys()]).toEqual(['monorepo/edge/values.yaml'])
    expect(result.outputs.get('monorepo/edge/values.yaml')).toContain('gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n')
  })

  it('a file named like Gloo with only weak keys gets one input-unrecognized notice, and no other finding', () => {
    const findings = lint([{ path: 'deploy/gloo-values.yaml', text: yaml`
      # values for our gloo install
      gateway:
        enabled: true
      settings:
        create: true
    ` }]).findings
    expect(findings.map((f) => [`${f.ruleId}/${f.messageId}`, f.severity, f.span.start.line, f.message])).toEqual([
      [
        'input-unrecognized/weak',
        'notice',
        1,
        'deploy/gloo-values.yaml looks like Gloo values by its name, but none of its keys is one only the gloo / gloo-ee chart reads (keys such as gateway, settings or global prove nothing alone); it was not checked.'
      ]
    ])
  })

  it('the same file declared in the config (inputs.gloo) is checked as Gloo values', () => {
    const config = parseConfig('inputs:\n  gloo: [deploy/*-values.yaml]\n', '.github/gloo-harden.yml', ruleIds)
    const findings = lint([{ path: 'deploy/gloo-values.yaml', text: 'gateway:\n  enabled: true\n' }], { config }).findings
    expect(findings.some((f) => f.ruleId === 'proxy-token-automount' && f.span.start.line === 1)).toBe(true)
    const ignored = parseConfig('inputs:\n  ignore: [deploy/**]\n', '.github/gloo-harden.yml', ruleIds)
    expect(lint([{ path: 'deploy/values.yaml', text: 'gatewayProxies:\n  gatewayProxy: {}\n' }], { config: ignored }).findings).toEqual([])
  })
})

describe('installs are separate: envs/dev, envs/prod, a Knative install and a route of no install', () => {
  const files = yamlFiles(ROOT, ['monorepo'])
  const findings = lint(files).findings

  it("prod's disableKubernetesDestinations never turns dev's route into an error; dev is told to migrate it", () => {
    const dev = findings.find((f) => f.path === 'monorepo/envs/dev/values.yaml' && f.ruleId === 'kube-destinations-enabled')!
    expect(dev.message).toBe(
      'settings.disableKubernetesDestinations is not true (chart 1.17.3), and routes in this change use Kubernetes destinations (monorepo/envs/dev/routes/vs.yaml:14); migrate them to Upstreams first, then set it to true. (install monorepo/envs/dev)'
    )
    expect(findings.filter((f) => f.path === 'monorepo/envs/dev/routes/vs.yaml')).toEqual([])
  })

  it('a route outside every install is a notice naming the install that would break it, not an error', () => {
    const shared = findings.filter((f) => f.path === 'monorepo/routes/shared-vs.yaml')
    expect(shared.map((f) => [f.ruleId, f.severity, f.install, f.message])).toEqual([
      [
        'kube-destination-in-use',
        'notice',
        undefined,
        "Kubernetes destination 'ops/status:80' belongs to no install of this run; it breaks if applied where Kubernetes destinations are disabled, as install monorepo/envs/prod does; route to an Upstream with spec.kube instead."
      ]
    ])
  })

  it("one install's Knative integration does not silence kube-destinations-enabled in the others", () => {
    expect(findings.filter((f) => f.ruleId === 'kube-destinations-enabled').map((f) => f.install)).toEqual(['monorepo/envs/dev'])
  })

  it('JSON carries the install of each finding', () => {
    const report = toJsonReport(findings)
    expect(report.findings[0]).toMatchObject({ path: 'monorepo/envs/dev/values.yaml', install: 'monorepo/envs/dev' })
    expect(Object.keys(report.findings[0])).toContain('install')
  })

  it('a single install adds no install name to messages', () => {
    const one = lint(yamlFiles(ROOT, ['monorepo/envs/prod'])).findings
    expect(one.every((f) => f.install === undefined && !f.message.includes('(install'))).toBe(true)
  })
})

describe('layered installs report each problem once, on the deciding layer, and --fix writes there', () => {
  const layered = join(ROOT, 'layered')

  it('Argo CD: $values valueFiles < helm.values; keys of any layer are not missing in another', () => {
    expect(rows(yamlFiles(layered, ['argo']))).toEqual([
      'argo/gloo-app.yaml:21:9 discovery-enabled',
      'argo/gloo-app.yaml:21:9 header-secret-namespace',
      'argo/gloo-app.yaml:21:9 kube-destinations-enabled',
      'argo/gloo-app.yaml:22:11 proxy-graceful-shutdown',
      'argo/gloo-app.yaml:22:11 proxy-probes'
    ])
  })

  it('Argo CD: the value file whose replicas: 1 the values string overrides is not reported', () => {
    const findings = lint(yamlFiles(layered, ['argo'])).findings
    expect(findings.filter((f) => f.path.startsWith('argo/values/'))).toEqual([])
    // livenessProbeEnabled is missing from every layer: its fix goes to the highest writable layer, the values string.
    const probe = findings.find((f) => f.ruleId === 'proxy-probes')!
    expect(probe.message).toContain('livenessProbeEnabled is not set')
  })

  it('Flux: valuesFrom ConfigMap in the repo is a layer; a Secret layer is one input-unresolved notice', () => {
    const findings = lint(yamlFiles(layered, ['flux'])).findings
    expect(findings.some((f) => f.ruleId === 'proxy-token-automount' || f.ruleId === 'validation-always-accept')).toBe(false)
    const unresolved = findings.filter((f) => f.ruleId === 'input-unresolved')
    expect(unresolved.map((f) => `${f.path}:${f.span.start.line} ${f.ruleId}/${f.messageId} ${f.message}`)).toEqual([
      'flux/helmrelease.yaml:18 input-unresolved/layers Install HelmRelease gloo-system/gloo has values layers that cannot be read from the repository: spec.valuesFrom Secret gloo-license; keys they set are not seen.'
    ])
  })

  it('Flux: with a layer that cannot be read, every finding is an unverified notice and no fix is applied', () => {
    const findings = lint(yamlFiles(layered, ['flux'])).findings.filter((f) => f.ruleId !== 'input-unresolved')
    expect(findings.length).toBe(12)
    expect(findings.every((f) => f.severity === 'notice' && f.fix === undefined && f.message.startsWith('Unverified (install HelmRelease gloo-system/gloo has values layers that cannot be read): '))).toBe(true)
    // Every finding keeps its edit, as a suggestion: the safe ones (their fix moved there) and the suggest-class ones.
    expect(findings.filter((f) => f.suggestions?.length).map((f) => f.ruleId)).toEqual([
      'discovery-enabled', 'header-secret-namespace', 'invalid-routes-not-replaced', 'kube-destinations-enabled',
      'validation-allow-warnings', 'validation-failure-policy', 'proxy-anti-affinity', 'proxy-disruption-budget',
      'proxy-graceful-shutdown', 'proxy-probes', 'proxy-probes', 'proxy-resources'
    ])
    expect(fixFiles(yamlFiles(layered, ['flux'])).outputs.size).toBe(0)
  })

  it('Argo CD: --fix writes a missing key into the helm.values string in place (no sibling valuesObject)', () => {
    const app = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: gloo
        namespace: argocd
      spec:
        source:
          chart: gloo
          repoURL: https://storage.googleapis.com/solo-public-helm
          targetRevision: 1.17.3
          helm:
            values: |
              gatewayProxies:
                gatewayProxy:
                  kind:
                    deployment:
                      replicas: 3
    `
    const out = fixFiles([{ path: 'apps/gloo.yaml', text: app }]).outputs.get('apps/gloo.yaml')!
    expect(out).not.toContain('valuesObject')
    expect(out).toContain(
      ['      values: |', '        gatewayProxies:', '          gatewayProxy:', '            kind:', '              deployment:', '                replicas: 3'].join('\n')
    )
    expect(out).toContain(
      ['        gateway:', '          proxyServiceAccount:', '            disableAutomount: true', '          validation:', '            alwaysAcceptResources: false\n'].join('\n')
    )
    expect(lint([{ path: 'apps/gloo.yaml', text: out }]).findings.filter((f) => f.fix)).toEqual([])
  })

  it('Flux: a ConfigMap made by a kustomize configMapGenerator from a file of the repo is a layer', () => {
    const findings = lint([
      {
        path: 'clusters/prod/gloo/helmrelease.yaml',
        text: yaml`
          apiVersion: helm.toolkit.fluxcd.io/v2
          kind: HelmRelease
          metadata:
            name: gloo
            namespace: gloo-system
          spec:
            chart:
              spec:
                chart: gloo
                version: 1.17.3
            valuesFrom:
            - kind: ConfigMap
              name: gloo-values
        `
      },
      {
        path: 'clusters/prod/gloo/kustomization.yaml',
        text: yaml`
          apiVersion: kustomize.config.k8s.io/v1beta1
          kind: Kustomization
          namespace: gloo-system
          resources: [helmrelease.yaml]
          configMapGenerator:
          - name: gloo-values
            files:
            - values.yaml=gloo-values.yaml
        `
      },
      { path: 'clusters/prod/gloo/gloo-values.yaml', text: 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n' }
    ]).findings
    const automount = findings.filter((f) => f.ruleId === 'proxy-token-automount')
    expect(automount.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.severity}`)).toEqual(['clusters/prod/gloo/gloo-values.yaml:3:23 error'])
    expect(findings.some((f) => f.ruleId === 'input-unresolved')).toBe(false)
  })

  it('helmfile: values files and an inline map, in order', () => {
    expect(rows(yamlFiles(layered, ['helmfile']))).toEqual([
      'helmfile/helmfile.yaml:12:5 discovery-enabled',
      'helmfile/helmfile.yaml:12:5 header-secret-namespace',
      'helmfile/helmfile.yaml:12:5 invalid-routes-not-replaced',
      'helmfile/helmfile.yaml:12:5 kube-destinations-enabled',
      'helmfile/helmfile.yaml:12:5 validation-allow-warnings',
      'helmfile/helmfile.yaml:12:5 validation-failure-policy',
      'helmfile/helmfile.yaml:13:7 proxy-anti-affinity',
      'helmfile/helmfile.yaml:13:7 proxy-disruption-budget',
      'helmfile/helmfile.yaml:14:9 proxy-graceful-shutdown',
      'helmfile/helmfile.yaml:14:9 proxy-probes',
      'helmfile/helmfile.yaml:14:9 proxy-resources'
    ])
  })

  it('Kustomize helmCharts: valuesInline wins over valuesFile (alwaysAcceptResources: true there is overridden)', () => {
    const findings = lint(yamlFiles(layered, ['kustomize'])).findings
    expect(findings.filter((f) => f.ruleId === 'validation-always-accept' || f.ruleId === 'proxy-token-automount')).toEqual([])
    expect(findings.filter((f) => f.path === 'kustomize/values.yaml')).toEqual([])
    expect(new Set(findings.map((f) => f.path))).toEqual(new Set(['kustomize/kustomization.yaml']))
  })

  it('values.yaml + values-prod.yaml declared in the config: reported on the prod layer, fixed there', () => {
    const config = parseConfig(
      yaml`
        installs:
          - name: prod
            chart: gloo
            version: '1.17.3'
            values: [config/values.yaml, config/values-prod.yaml]
            fixTarget: config/values-prod.yaml
      `,
      '.github/gloo-harden.yml',
      ruleIds
    )
    const files = yamlFiles(layered, ['config'])
    const findings = lint(files, { config }).findings
    expect(new Set(findings.map((f) => f.path))).toEqual(new Set(['config/values-prod.yaml']))
    // probes: true in values.yaml, disableAutomount: true in values-prod.yaml: neither is missing.
    expect(findings.find((f) => f.ruleId === 'proxy-token-automount')).toBeUndefined()
    expect(findings.filter((f) => f.ruleId === 'proxy-probes').map((f) => f.messageId)).toEqual(['liveness'])
    const fixed = fixFiles(files, { config })
    expect([...fixed.outputs.keys()]).toEqual(['config/values-prod.yaml'])
    const out = fixed.outputs.get('config/values-prod.yaml')!
    expect(parseDocuments(out).error).toBeUndefined()
    expect(out.startsWith('gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n')).toBe(true)
    // Nothing else changed, and what was fixed is not reported again.
    const again = lint([files[0], { path: 'config/values-prod.yaml', text: out }], { config }).findings
    const fixedIds = new Set(findings.filter((f) => f.fix).map((f) => f.fingerprint))
    expect(again.filter((f) => fixedIds.has(f.fingerprint))).toEqual([])
  })

  it('without a config, values.yaml and its sibling values-prod.yaml form one install anyway', () => {
    expect(new Set(lint(yamlFiles(layered, ['config'])).findings.map((f) => f.path))).toEqual(new Set(['config/values-prod.yaml']))
  })

  it('an umbrella chart whose values.yaml is only comments gets the defaults findings at line 1, and --fix appends', () => {
    const files = yamlFiles(layered, ['umbrella-empty'])
    const findings = lint(files).findings
    expect(findings.length).toBe(14)
    expect(new Set(findings.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column}`))).toEqual(new Set(['umbrella-empty/values.yaml:1:1']))
    expect(findings.find((f) => f.ruleId === 'proxy-token-automount')!.message).toBe(
      'gloo.gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.'
    )
    const out = fixFiles(files).outputs.get('umbrella-empty/values.yaml')!
    expect(out.startsWith('# Gloo runs at the chart defaults for now.\n# gloo:\n#   gatewayProxies: {}\ngloo:\n')).toBe(true)
    expect(parseDocuments(out).error).toBeUndefined()
    expect(lint([files[0], { path: 'umbrella-empty/values.yaml', text: out }]).findings.some((f) => f.ruleId === 'proxy-token-automount')).toBe(false)
  })

  it('an umbrella chart without values.yaml: findings on the Chart.yaml dependency, no fix (--fix creates no file)', () => {
    const findings = lint(yamlFiles(layered, ['umbrella-none'])).findings
    expect(findings.length).toBe(14)
    expect(new Set(findings.map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column}`))).toEqual(new Set(['umbrella-none/Chart.yaml:5:9']))
    expect(findings.filter((f) => f.fix)).toEqual([])
  })

  it('an umbrella dependency whose condition is false installs nothing: no findings', () => {
    const chart = 'apiVersion: v2\nname: edge\nversion: 0.1.0\ndependencies:\n- name: gloo\n  version: 1.17.3\n  repository: https://storage.googleapis.com/solo-public-helm\n  condition: gloo.enabled\n'
    const off = lint([
      { path: 'edge/Chart.yaml', text: chart },
      { path: 'edge/values.yaml', text: 'gloo:\n  enabled: false\n  gatewayProxies:\n    gatewayProxy: {}\n' }
    ]).findings
    expect(off).toEqual([])
    const on = lint([
      { path: 'edge/Chart.yaml', text: chart },
      { path: 'edge/values.yaml', text: 'gloo:\n  enabled: true\n  gatewayProxies:\n    gatewayProxy: {}\n' }
    ]).findings
    expect(on.some((f) => f.ruleId === 'proxy-token-automount' && f.path === 'edge/values.yaml')).toBe(true)
  })

  it('the reader supplies a sibling Chart.yaml that is not in the run: the values are the umbrella’s', () => {
    const chart = readFileSync(join(layered, 'umbrella-empty', 'Chart.yaml'), 'utf8')
    const findings = lint([{ path: 'edge/values.yaml', text: 'gloo:\n  gateway:\n    proxyServiceAccount:\n      disableAutomount: true\n', siblingChart: chart }]).findings
    expect(findings.some((f) => f.ruleId === 'proxy-token-automount')).toBe(false)
    expect(findings.find((f) => f.ruleId === 'validation-always-accept')!.message.startsWith('gloo.gateway.validation.alwaysAcceptResources')).toBe(true)
    expect(findings.every((f) => f.path === 'edge/values.yaml')).toBe(true)
  })
})

describe('config: inputs and installs', () => {
  it('rejects what it does not understand, naming the key', () => {
    const bad = (text: string): string => {
      try {
        parseConfig(text, '.github/gloo-harden.yml', ruleIds)
        return 'accepted'
      } catch (err) {
        return (err as Error).message
      }
    }
    expect(bad('inputs:\n  glo: [a]\n')).toBe('.github/gloo-harden.yml: inputs.glo: unknown key (expected gloo, ignore)')
    expect(bad('installs:\n  - name: a\n')).toBe('.github/gloo-harden.yml: installs[0].values must be a non-empty list of globs, in precedence order')
    expect(bad('installs:\n  - name: a\n    values: [x]\n    chart: gloo-gateway\n')).toBe(".github/gloo-harden.yml: installs[0].chart: 'gloo-gateway' is not gloo or gloo-ee")
    expect(bad('installs:\n  - name: a\n    values: [x]\n  - name: a\n    values: [y]\n')).toBe(".github/gloo-harden.yml: installs[1].name: 'a' is declared twice")
    expect(bad('installs:\n  - name: a\n    values: [x]\n    version: 1.17\n')).toBe(".github/gloo-harden.yml: installs[0].version: write the version as a quoted string, e.g. '1.17.3'")
  })

  it('an install declared with a prefix reads the chart under it (an umbrella the config describes)', () => {
    const config: Config = { ...defaultConfig(), installs: [{ name: 'edge', chart: 'gloo', prefix: 'edge.', values: ['v.yaml'] }] }
    const findings = lint([{ path: 'v.yaml', text: 'edge:\n  gateway:\n    proxyServiceAccount:\n      disableAutomount: false\n' }], { config }).findings
    const f = findings.find((x) => x.ruleId === 'proxy-token-automount')!
    expect([f.span.start.line, f.span.start.column, f.message]).toEqual([
      4,
      25,
      'edge.gateway.proxyServiceAccount.disableAutomount is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.'
    ])
  })
})

describe('what cannot be read is said once, where it is', () => {
  it('an Argo CD values string that is not YAML: input-unresolved on the string, the other layers still checked', () => {
    const findings = lint([{ path: 'apps/gloo.yaml', text: yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: gloo
      spec:
        source:
          chart: gloo
          repoURL: https://storage.googleapis.com/solo-public-helm
          targetRevision: 1.17.3
          helm:
            values: |
              gateway: [unclosed
            valuesObject:
              gateway:
                proxyServiceAccount:
                  disableAutomount: true
    ` }]).findings
    const notes = findings.filter((f) => f.ruleId === 'input-unresolved')
    expect(notes.map((f) => [`${f.ruleId}/${f.messageId}`, f.span.start.line, f.span.start.column])).toEqual([['input-unresolved/unresolved', 11, 15]])
    expect(findings.some((f) => f.ruleId === 'proxy-token-automount')).toBe(false)
    expect(findings.some((f) => f.ruleId === 'validation-always-accept')).toBe(true)
  })

  it('a Helm template named like Gloo gets one notice; a workflow file and other templates get nothing', () => {
    const template = 'gatewayProxies:\n  gatewayProxy:\n    kind:\n      deployment:\n        replicas: {{ .Values.replicas }}\n'
    const findings = lint([
      { path: '.github/workflows/gloo.yml', text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }} gloo\n' },
      { path: 'charts/app/templates/deployment.yaml', text: 'replicas: {{ .Values.replicaCount }}\n' },
      { path: 'charts/gloo/templates/gateway-proxy.yaml', text: template }
    ]).findings
    expect(findings.map((f) => [f.path, `${f.ruleId}/${f.messageId}`, f.message])).toEqual([
      [
        'charts/gloo/templates/gateway-proxy.yaml',
        'input-unresolved/template',
        'charts/gloo/templates/gateway-proxy.yaml is a Helm template (Go template directives), not YAML: it was not checked; check the rendered output (helm template) instead.'
      ]
    ])
  })

  it('a gloo chart 2.x install is out of scope: one input-unrecognized notice on the descriptor, nothing else', () => {
    const findings = lint([{ path: 'flux/gloo.yaml', text: yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: gloo
        namespace: gloo-system
      spec:
        chart:
          spec:
            chart: gloo
            version: 2.0.1
        values:
          gatewayProxies:
            gatewayProxy: {}
    ` }]).findings
    expect(findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}/${f.messageId} ${f.message}`)).toEqual([
      '12:5 input-unrecognized/chart2 Install HelmRelease gloo-system/gloo is chart 2.0.1 (the HelmRelease spec.chart.spec.version): gloo 2.x is another product (Kubernetes Gateway API), out of scope for these rules; it was not checked.'
    ])
  })

  it('a syntax error is reported on Gloo inputs only', () => {
    const findings = lint([
      { path: 'other/values.yaml', text: 'a: [\n' },
      { path: 'gloo/values.yaml', text: 'gatewayProxies: [\n' }
    ]).findings
    expect(findings.map((f) => `${f.path}:${f.span.start.line} ${f.ruleId}`)).toEqual(['gloo/values.yaml:2 yaml-syntax'])
  })

  it('a file the reader skipped is named (file-skipped/skipped)', () => {
    const findings = lint([{ path: 'big.yaml', text: '', skipped: 'it is 9 bytes, over max-file-size (4)' }]).findings
    expect(findings.map((f) => `${f.ruleId}/${f.messageId} ${f.message}`)).toEqual(['file-skipped/skipped big.yaml was not checked: it is 9 bytes, over max-file-size (4).'])
  })
})

describe('the facts of an install’s values reach members checked before its values', () => {
  const vs = yaml`
    apiVersion: gateway.solo.io/v1
    kind: VirtualService
    metadata:
      name: petstore
      namespace: gloo-system
    spec:
      virtualHost:
        domains: ['*']
        routes:
        - matchers: [{prefix: /}]
          routeAction:
            single:
              kube:
                ref: {name: petstore, namespace: default}
                port: 8080
  `
  const settings = yaml`
    apiVersion: gloo.solo.io/v1
    kind: Settings
    metadata:
      name: default
      namespace: gloo-system
    spec:
      gloo:
        xdsBindAddr: 0.0.0.0:9977
  `
  const at = (files: LintFile[], rule: string): string[] =>
    lintAll(files)
      .findings.filter((f) => f.ruleId === rule)
      .map((f) => `${f.path}:${f.span.start.line}`)

  it('a route in a file that sorts before the values that disable Kubernetes destinations (kube-destination-in-use)', () => {
    const values = 'global:\n  image:\n    tag: 1.17.4\nsettings:\n  disableKubernetesDestinations: true\n'
    expect(at([{ path: 'team/a-routes.yaml', text: vs }, { path: 'team/values.yaml', text: values }], 'kube-destination-in-use')).toEqual(['team/a-routes.yaml:13'])
    expect(at([{ path: 'team/a-routes.yaml', text: vs }, { path: 'team/values.yaml', text: values.replace('true', 'false') }], 'kube-destination-in-use')).toEqual([])
  })

  it('a Settings resource before values that turn Knative on (kube-destinations-enabled does not apply)', () => {
    const knative = 'global:\n  image:\n    tag: 1.17.4\nsettings:\n  integrations:\n    knative:\n      enabled: true\n'
    expect(at([{ path: 'team/a-settings.yaml', text: settings }, { path: 'team/values.yaml', text: knative }], 'kube-destinations-enabled')).toEqual([])
    expect(at([{ path: 'team/a-settings.yaml', text: settings }, { path: 'team/values.yaml', text: knative.replace('true', 'false') }], 'kube-destinations-enabled')).toEqual([
      'team/a-settings.yaml:7',
      'team/values.yaml:4'
    ])
  })
})

describe('the gateway turned off by an install’s values (catalog "Control-plane safeguards")', () => {
  const settings = yaml`
    apiVersion: gloo.solo.io/v1
    kind: Settings
    metadata:
      name: default
      namespace: gloo-system
    spec:
      gateway:
        validation:
          alwaysAccept: true
          allowWarnings: true
      gloo:
        disableKubernetesDestinations: true
        invalidConfigPolicy:
          replaceInvalidRoutes: true
  `
  const values = (gateway: string): string => yaml`
    gateway:
      enabled: ${gateway}
    settings:
      create: false
    discovery:
      fdsMode: WHITELIST
  `
  const validation = (files: LintFile[]): string[] =>
    lint(files)
      .findings.filter((f) => f.ruleId.startsWith('validation-'))
      .map((f) => `${f.path}:${f.span.start.line}:${f.span.start.column} ${f.ruleId}${f.install ? ` [${f.install}]` : ''}`)

  it('silences the validation rules on the Settings of that install only', () => {
    expect(
      validation([
        { path: 'core/settings.yaml', text: settings },
        { path: 'core/values.yaml', text: values('true') },
        { path: 'edge/settings.yaml', text: settings },
        { path: 'edge/values.yaml', text: values('false') }
      ])
    ).toEqual([
      'core/settings.yaml:9:21 validation-always-accept [core]',
      'core/settings.yaml:10:22 validation-allow-warnings [core]',
      // The values rule of the same catalog rows is silent in edge too.
      'core/values.yaml:1:1 validation-failure-policy [core]'
    ])
  })

  it('reports a Settings two installs share for the one whose gateway runs', () => {
    expect(
      validation([
        { path: 'gloo/settings.yaml', text: settings },
        { path: 'gloo/values-dev.yaml', text: values('false') },
        { path: 'gloo/values-prod.yaml', text: values('true') }
      ])
    ).toEqual([
      'gloo/settings.yaml:9:21 validation-always-accept [gloo/values-prod.yaml]',
      'gloo/settings.yaml:10:22 validation-allow-warnings [gloo/values-prod.yaml]',
      'gloo/values-prod.yaml:1:1 validation-failure-policy [gloo/values-prod.yaml]'
    ])
  })

  it('reads the gateway off from a flow map and from a layer over the file that turns it on', () => {
    const flow = 'gateway: {enabled: false}\nsettings: {create: false}\ndiscovery: {fdsMode: WHITELIST}\n'
    expect(validation([{ path: 'a/settings.yaml', text: settings }, { path: 'a/values.yaml', text: flow }])).toEqual([])
    const config = parseConfig('installs:\n  - name: edge\n    values: [edge/values.yaml, edge/values-off.yaml]\n    manifests: [edge/settings.yaml]\n', '.github/gloo-harden.yml', ruleIds)
    const files = [
      { path: 'edge/settings.yaml', text: settings },
      { path: 'edge/values-off.yaml', text: 'gateway:\n  enabled: false\n' },
      { path: 'edge/values.yaml', text: values('true') }
    ]
    expect(lint(files, { config }).findings.filter((f) => f.ruleId.startsWith('validation-'))).toEqual([])
  })
})
