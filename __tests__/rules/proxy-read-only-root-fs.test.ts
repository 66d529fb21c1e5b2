import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-read-only-root-fs.js'
import type { Finding } from '../../src/model/finding.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { applySuggestions, ruleTester, runLint, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const cases: { valid: ValidCase[]; invalid: (InvalidCase & { suggested?: string })[] } = {
  valid: [
    {
      name: "values: no glooContainerSecurityContext keeps the chart's read-only default",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
              disableNetBind: true
      `
    },
    {
      name: 'values: glooContainerSecurityContext with readOnlyRootFilesystem: true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: "values: with helm-merge a false value is filled from the chart's true",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                readOnlyRootFilesystem: false
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: 'values: an empty glooContainerSecurityContext does not replace the defaults',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext: {}
      `
    },
    {
      name: "values: a custom proxy's own map is merged with the one it inherits (chart 1.12)",
      glooVersion: '1.12.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
          internalGw:
            disabled: false
            podTemplate:
              glooContainerSecurityContext:
                runAsUser: 10102
      `
    },
    {
      name: 'values: a kubeResourceOverride that does not touch the containers',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              metadata:
                labels:
                  team: edge
      `
    },
    {
      name: 'rendered: the chart output of 1.4.10',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            app: gloo
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
          name: gateway-proxy
          namespace: default
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 10101
                runAsUser: 10101
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.4.10
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  runAsNonRoot: true
                  runAsUser: 10101
                  capabilities:
                    drop:
                    - ALL
      `
    },
    {
      name: "values: a replacing glooContainerSecurityContext that only leaves the key out is proxy-security-context-replaced's",
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                runAsNonRoot: true
                runAsUser: 10101
      `,
    },
    {
      name: "enterprise values: a replacing flow map (mergePolicy: no-merge) without the key is proxy-security-context-replaced's",
      glooVersion: '1.17.3',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext: {runAsUser: 10101, mergePolicy: no-merge}
      `,
    },
    {
      name: "values: a map without the key inherited by a custom proxy (chart 1.14.2) is proxy-security-context-replaced's",
      glooVersion: '1.14.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                allowPrivilegeEscalation: false
          internalGw:
            disabled: false
      `,
    },
    {
      name: "values: a custom proxy's empty map inheriting a map without the key is proxy-security-context-replaced's",
      glooVersion: '1.16.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              glooContainerSecurityContext:
                runAsUser: 10101
          publicGw:
            disabled: false
            podTemplate:
              glooContainerSecurityContext: {}
      `,
    },
    {
      name: "Flux HelmRelease: glooContainerSecurityContext without the key is proxy-security-context-replaced's",
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.4
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  glooContainerSecurityContext:
                    seccompProfile:
                      type: RuntimeDefault
      `,
    }
  ],
  invalid: [
    {
      name: 'values: readOnlyRootFilesystem: false in glooContainerSecurityContext',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: false
                allowPrivilegeEscalation: false
      `,
      errors: [{ messageId: 'valuesNotTrue', line: 5, column: 33, severity: 'error', message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.readOnlyRootFilesystem is false' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
      `
    },
    {
      name: 'values: a kubeResourceOverride sets it false on the Envoy container',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          publicGw:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: public-gw
                      image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                      securityContext:
                        readOnlyRootFilesystem: false
      `,
      errors: [
        {
          messageId: 'overrideNotTrue',
          line: 11,
          column: 41,
          message: 'gatewayProxies.publicGw.kubeResourceOverride.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem is false'
        }
      ],
      suggested: yaml`
        gatewayProxies:
          publicGw:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: public-gw
                      image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                      securityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'values: a kubeResourceOverride container list replaces the chart containers, dropping the read-only default',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: gateway-proxy
                      resources:
                        limits:
                          memory: 1Gi
      `,
      errors: [{ messageId: 'overrideMissing', line: 8, column: 15, message: 'replaces the whole container list' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: gateway-proxy
                      resources:
                        limits:
                          memory: 1Gi
                      securityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'Argo CD Application (sources[] item): valuesObject sets it false',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      glooContainerSecurityContext:
                        readOnlyRootFilesystem: "false"
      `,
      errors: [{ messageId: 'valuesNotTrue', line: 16, column: 41 }],
      suggested: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      glooContainerSecurityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'rendered: hand-edited securityContext without the key',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
                volumeMounts:
                - mountPath: /etc/envoy
                  name: envoy-config
      `,
      errors: [{ messageId: 'rendered', line: 14, column: 9, severity: 'error', message: "proxy 'gateway-proxy'" }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
                  readOnlyRootFilesystem: true
                volumeMounts:
                - mountPath: /etc/envoy
                  name: envoy-config
      `
    },
    {
      name: 'rendered: no securityContext at all, inserted into the - container item',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
              - name: sds
                image: quay.io/solo-io/sds:1.17.0
      `,
      errors: [{ messageId: 'rendered', line: 11, column: 9 }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  readOnlyRootFilesystem: true
              - name: sds
                image: quay.io/solo-io/sds:1.17.0
      `
    },
    {
      name: 'rendered: a DaemonSet with readOnlyRootFilesystem: false',
      path: 'gateway-proxy-ds.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.2
                securityContext: {readOnlyRootFilesystem: false, allowPrivilegeEscalation: false}
      `,
      errors: [{ messageId: 'rendered', line: 13, column: 51 }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.2
                securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
      `
    },
    {
      name: 'rendered: an empty flow securityContext',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext: {}
      `,
      errors: [{ messageId: 'rendered', line: 13, column: 9 }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  readOnlyRootFilesystem: true
      `
    }
  ]
}

// Catalog section 2: fix class `suggest`, so no case has a fix; `suggested` is the file with every suggestion accepted.
ruleTester(rule, cases)

describe('proxy-read-only-root-fs suggestions as written', () => {
  for (const c of cases.invalid.filter((x) => x.suggested !== undefined)) it(c.name!, () => expect(applySuggestions(rule, c)).toBe(c.suggested))
})

describe('proxy-read-only-root-fs: version boundaries and exceptions (catalog section 2, 4.2 and 4.3)', () => {
  const verdict = (f: Finding): string => `${f.severity} ${f.fix ? 'fix' : f.suggestions?.length ? 'suggest' : '-'}`
  const values = (podTemplate: string): string => `gatewayProxies:\n  gatewayProxy:\n    podTemplate:\n${podTemplate.replace(/^/gm, '      ')}\n`
  const WRITTEN_FALSE = 'glooContainerSecurityContext: {readOnlyRootFilesystem: false, allowPrivilegeEscalation: false}'
  const MERGE_FALSE = 'glooContainerSecurityContext: {mergePolicy: helm-merge, readOnlyRootFilesystem: false}'
  const LEFT_OUT = 'glooContainerSecurityContext: {runAsUser: 10101}'
  const override = (sc: string): string =>
    `gatewayProxies:\n  gatewayProxy:\n    kubeResourceOverride:\n      spec:\n        template:\n          spec:\n            containers:\n            - name: gateway-proxy\n              image: quay.io/solo-io/gloo-envoy-wrapper:1.17.3\n${sc}\n`
  const FIRES = ['error suggest']

  it.each<[string, string | undefined, string, string[], string?]>([
    ['no glooContainerSecurityContext: the chart default', '1.17.3', 'probes: true', []],
    // glooContainerSecurityContext is read from 1.14.0-beta11; before, the chart renders a fixed read-only block.
    ['false on 1.14.0-beta10 (not read)', '1.14.0-beta10', WRITTEN_FALSE, []],
    ['false on 1.14.0-beta11 (at)', '1.14.0-beta11', WRITTEN_FALSE, FIRES, 'is false (chart 1.14.0-beta11)'],
    ['false on 1.14.0-beta12 (above)', '1.14.0-beta12', WRITTEN_FALSE, FIRES],
    ['false, unknown version', undefined, WRITTEN_FALSE, FIRES, '(assuming chart ≥ 1.14.0-beta11; the chart version is unknown)'],
    // helm-merge refills a false from the chart's true, from 1.14.5/1.15.0-beta6; before, the map replaces.
    ['helm-merge false on 1.14.4 (mergePolicy not read: replaces)', '1.14.4', MERGE_FALSE, FIRES],
    ['helm-merge false on 1.14.5 (inert)', '1.14.5', MERGE_FALSE, []],
    ['helm-merge false on 1.15.0-beta5 (replaces)', '1.15.0-beta5', MERGE_FALSE, FIRES],
    ['helm-merge false on 1.15.0-beta6 (inert)', '1.15.0-beta6', MERGE_FALSE, []],
    ['helm-merge false, unknown version (inert, newest assumed)', undefined, MERGE_FALSE, []],
    // Exception: only left out of a replacing map is proxy-security-context-replaced's.
    ['left out of a replacing map', '1.17.3', LEFT_OUT, []]
  ])('%s', (_name, glooVersion, podTemplate, want, message) => {
    const findings = runLint(rule, { code: values(podTemplate), glooVersion })
    expect(findings.map(verdict)).toEqual(want)
    if (message) expect(findings[0].message).toContain(message)
  })

  it.each<[string, string, string, string[]]>([
    // kubeResourceOverride is merged onto the proxy Deployment from 1.8.0-beta14; its containers list replaces the chart's.
    ['override false on 1.8.0-beta13 (not read)', '1.8.0-beta13', override('              securityContext: {readOnlyRootFilesystem: false}'), []],
    ['override false on 1.8.0-beta14', '1.8.0-beta14', override('              securityContext: {readOnlyRootFilesystem: false}'), FIRES],
    ['override container without the key on 1.8.0-beta14', '1.8.0-beta14', override('              resources: {}'), FIRES],
    ['override container with true', '1.17.3', override('              securityContext: {readOnlyRootFilesystem: true}'), []]
  ])('%s', (_name, glooVersion, code, want) => {
    expect(runLint(rule, { code, glooVersion }).map(verdict)).toEqual(want)
  })

  it('checks no proxy with gateway.enabled: false or a disabled proxy', () => {
    expect(runLint(rule, { code: `gateway: {enabled: false}\n${values(WRITTEN_FALSE)}`, glooVersion: '1.17.3' })).toEqual([])
    expect(runLint(rule, { code: values(WRITTEN_FALSE).replace('    podTemplate:', '    disabled: true\n    podTemplate:'), glooVersion: '1.17.3' })).toEqual([])
  })

  // What the chart renders from those values gets the same verdict.
  const deployment = (container: string): string =>
    renderProxyDeployment({ labels: { gloo: 'gateway-proxy' }, flowLabels: true, version: '1.17.3', container })
  const CHART = '        securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 10101, capabilities: {drop: [ALL]}}'
  it.each<[string, string, string, string]>([
    ['the chart default', '1.17.3', values('probes: true'), deployment(CHART)],
    ['a written false', '1.17.3', values(WRITTEN_FALSE), deployment('        securityContext: {readOnlyRootFilesystem: false, allowPrivilegeEscalation: false}')],
    ['helm-merge false (inert)', '1.17.3', values(MERGE_FALSE), deployment(CHART)],
    ['a false the chart does not read (1.13.2)', '1.13.2', values(WRITTEN_FALSE), deployment(CHART)],
    ['an override container without the key', '1.17.3', override('              resources: {}'), deployment('        resources: {}')]
  ])('values and rendered agree: %s', (_name, glooVersion, code, manifest) => {
    const fromValues = runLint(rule, { code, glooVersion }).map(verdict)
    expect(runLint(rule, { path: 'gateway-proxy.yaml', code: manifest }).map(verdict)).toEqual(fromValues)
  })
})
