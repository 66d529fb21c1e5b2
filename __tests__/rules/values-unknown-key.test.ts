import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/values-unknown-key.js'
import { emptyProject } from '../../src/gloo/facts.js'
import { loadFile } from '../../src/forms/manifests.js'
import { parseVersion } from '../../src/gloo/version.js'
import { applyEdits } from '../../src/model/edit.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'every key where the chart reads it',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            envoyLogLevel: info
            kind:
              deployment:
                replicas: 2
            gatewaySettings:
              disableGeneratedGateways: false
              accessLoggingService:
                accessLog:
                - fileSink: {path: /dev/stdout, stringFormat: ""}
            podTemplate:
              terminationGracePeriodSeconds: 7
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 5
        gateway:
          validation:
            disableTransformationValidation: true
        settings:
          disableKubernetesDestinations: true
        gloo:
          logLevel: info
          deployment:
            replicas: 2
      `
    },
    {
      name: 'enterprise values: OSS keys under gloo., global and enterprise keys at the root',
      code: yaml`
        license_key: abc
        global:
          glooRbac:
            create: true
        observability:
          enabled: false
        gloo:
          settings:
            disableKubernetesDestinations: true
          gatewayProxies:
            gatewayProxy:
              envoyLogLevel: info
      `
    },
    {
      name: 'free-form subtrees, dotted annotation keys, global.extensions and a template-only key are all read',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          publicGw:
            podTemplate:
              resources:
                requests: {cpu: 500m, memory: 256Mi, ephemeral-storage: 1Gi}
                limits: {nvidia.com/gpu: 1}
              extraContainers:
              - name: log-shipper
                image: fluent/fluent-bit:3.0
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    priorityClassName: gateway-critical
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - topologyKey: kubernetes.io/hostname
            service:
              extraAnnotations:
                service.beta.kubernetes.io/aws-load-balancer-type: nlb
        global:
          extensions:
            extAuth:
              enabled: true
              deployment: {replicas: 2}
          configMaps:
          - name: extra-certs
            data: {ca.crt: abc}
        settings:
          replaceInvalidRoutes: true
      `
    },
    {
      name: "gloo-ee: only the open-source part under gloo. is checked; gloo-ee's own keys there are read",
      glooVersion: '1.17.3',
      code: yaml`
        license_key: abc
        create_license_secret: true
        observability:
          enabled: false
        gloo-fed:
          enabled: false
        redis:
          disabled: true
        gloo:
          license_secret_name: license
          redis:
            service: {port: 6379}
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                probes: true
      `
    },
    {
      name: 'a key another chart version reads is values-key-unsupported-version business',
      glooVersion: '1.11.3',
      code: yaml`
        crds:
          create: true
        gatewayProxies:
          gatewayProxy:
            envoyLogLevel: info
            podTemplate:
              probes: true
              livenessProbeEnabled: true
            kind:
              workloadType: DaemonSet
      `
    },
    {
      name: 'an unknown version accepts a key that any covered version reads',
      code: yaml`
        crds:
          create: true
        gatewayProxies:
          gatewayProxy:
            podTemplate: {probes: true, livenessProbeEnabled: true}
      `
    }
  ],
  invalid: [
    {
      name: "Solo's recommendations: deployment.replicas moves under kind",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: ClusterIP
            deployment:
              replicas: 2
            podDisruptionBudget:
              minAvailable: 2
        discovery:
          enabled: false
      `,
      errors: [
        {
          messageId: 'moved',
          line: 6,
          column: 7,
          severity: 'warning',
          message: 'gatewayProxies.gatewayProxy.deployment.replicas is not a value of the chart, which ignores it; it belongs at gatewayProxies.gatewayProxy.kind.deployment.replicas.'
        }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            service:
              type: ClusterIP
            podDisruptionBudget:
              minAvailable: 2
            kind:
              deployment:
                replicas: 2
        discovery:
          enabled: false
      `
    },
    {
      name: 'target already set: no fix',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 3
            deployment:
              replicas: 2
      `,
      errors: [{ messageId: 'taken', line: 7, column: 7, message: 'it belongs at gatewayProxies.gatewayProxy.kind.deployment.replicas, which is already set' }],
      output: null
    },
    {
      name: 'settings keys: one moves into gateway.validation, the map value stays for a human',
      code: yaml`
        gateway:
          validation:
            failurePolicy: Fail
        settings:
          accessLoggingService:
            accessLog:
            - fileSink:
                path: /dev/stdout
          # for performance
          disableTransformationValidation: true
          writeNamespace: gloo-system
      `,
      errors: [
        { messageId: 'moved', line: 5, column: 3, message: 'it belongs at gatewayProxies.gatewayProxy.gatewaySettings.accessLoggingService.' },
        { messageId: 'moved', line: 10, column: 3, message: 'settings.disableTransformationValidation is not a value' }
      ],
      output: yaml`
        gateway:
          validation:
            failurePolicy: Fail
            disableTransformationValidation: true
        settings:
          accessLoggingService:
            accessLog:
            - fileSink:
                path: /dev/stdout
          # for performance
          writeNamespace: gloo-system
      `
    },
    {
      name: 'settings.accessLoggingService with several proxies names no single target',
      code: yaml`
        gatewayProxies:
          publicGw:
            service: {type: LoadBalancer}
        settings:
          accessLoggingService: {accessLog: []}
      `,
      errors: [{ messageId: 'moved', line: 5, column: 3, message: 'it belongs at gatewayProxies.<proxy>.gatewaySettings.accessLoggingService.' }],
      output: null
    },
    {
      name: 'logLevel is renamed in place, block and flow',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            logLevel: debug # while we chase the 503s
            podTemplate:
              probes: true
          internalGw: {logLevel: warn, service: {type: ClusterIP}}
      `,
      errors: [
        { messageId: 'moved', line: 3, column: 5, endColumn: 13, message: 'it belongs at gatewayProxies.gatewayProxy.envoyLogLevel.' },
        { messageId: 'moved', line: 6, column: 16, message: 'gatewayProxies.internalGw.envoyLogLevel' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            envoyLogLevel: debug # while we chase the 503s
            podTemplate:
              probes: true
          internalGw: {envoyLogLevel: warn, service: {type: ClusterIP}}
      `
    },
    {
      name: 'proxy keys that belong under podTemplate and gatewaySettings; same-offset insertions go in separate passes',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disableGeneratedGateways: true
            gracefulShutdown:
              enabled: true
              sleepTimeSeconds: 25
            terminationGracePeriodSeconds: 30
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'moved', line: 3, column: 5, message: 'gatewaySettings.disableGeneratedGateways' },
        { messageId: 'moved', line: 4, column: 5, message: 'it belongs at gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown.' },
        { messageId: 'moved', line: 7, column: 5 }
      ],
      // Both insertions would land at the end of the file, where their order decides the nesting: --fix
      // applies them in separate passes. The block gracefulShutdown has no fix (it is not a scalar).
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            gracefulShutdown:
              enabled: true
              sleepTimeSeconds: 25
            podTemplate:
              probes: true
              terminationGracePeriodSeconds: 30
            gatewaySettings:
              disableGeneratedGateways: true
      `
    },
    {
      name: 'a custom proxy: terminationGracePeriodSeconds joins an existing podTemplate',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          publicGw:
            terminationGracePeriodSeconds: 7
            podTemplate:
              gracefulShutdown:
                enabled: true
              probes: true
            service:
              type: LoadBalancer
      `,
      errors: [{ messageId: 'moved', line: 3, column: 5, message: 'gatewayProxies.publicGw.terminationGracePeriodSeconds is not a value of the chart' }],
      output: yaml`
        gatewayProxies:
          publicGw:
            podTemplate:
              gracefulShutdown:
                enabled: true
              probes: true
              terminationGracePeriodSeconds: 7
            service:
              type: LoadBalancer
      `
    },
    {
      name: 'two moves that would both create podTemplate: the second goes in on the next pass, into the new map',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            gracefulShutdown: {enabled: true, sleepTimeSeconds: 5}
            terminationGracePeriodSeconds: 7
      `,
      errors: [
        { messageId: 'moved', line: 3, column: 5 },
        { messageId: 'moved', line: 4, column: 5 }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown: {enabled: true, sleepTimeSeconds: 5}
              terminationGracePeriodSeconds: 7
      `
    },
    {
      name: 'settings.gloo.disableKubernetesDestinations: the Settings CR path, block',
      code: yaml`
        settings:
          gloo:
            disableKubernetesDestinations: true
      `,
      errors: [{ messageId: 'moved', line: 3, column: 5, message: 'it belongs at settings.disableKubernetesDestinations.' }],
      output: yaml`
        settings:
          disableKubernetesDestinations: true
      `
    },
    {
      name: 'settings.gloo.disableKubernetesDestinations: flow map with a single entry',
      code: yaml`
        settings: {gloo: {disableKubernetesDestinations: true}}
        discovery: {enabled: false}
      `,
      errors: [{ messageId: 'moved', line: 1, column: 19 }],
      output: yaml`
        settings: {disableKubernetesDestinations: true}
        discovery: {enabled: false}
      `
    },
    {
      name: 'settings.gloo.disableKubernetesDestinations while routes use Kubernetes destinations',
      code: yaml`
        settings:
          gloo:
            disableKubernetesDestinations: true
      `,
      context: [
        {
          path: 'routes/vs.yaml',
          text: yaml`
            apiVersion: gateway.solo.io/v1
            kind: VirtualService
            metadata:
              name: shop
              namespace: gloo-system
            spec:
              virtualHost:
                domains: ['*']
                routes:
                - matchers: [{prefix: /}]
                  routeAction:
                    single:
                      kube: {ref: {name: petstore, namespace: shop}, port: 8080}
          `
        }
      ],
      errors: [{ messageId: 'kubeInUse', line: 3, column: 5, message: 'Kubernetes destinations (routes/vs.yaml:13): migrate them' }],
      output: null
    },
    {
      name: 'enterprise values: OSS keys at the root',
      code: yaml`
        license_key: abc
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
        gateway:
          validation:
            alwaysAcceptResources: false
        discovery: {enabled: false}
        gloo:
          gateway:
            validation:
              alwaysAcceptResources: false
      `,
      errors: [
        { messageId: 'enterpriseRoot', line: 2, column: 1, message: "gatewayProxies at the root of gloo-ee values is ignored: the open-source chart's values go under gloo., at gloo.gatewayProxies." },
        { messageId: 'enterpriseRootTaken', line: 6, column: 1, message: 'gloo.gateway is already set' },
        { messageId: 'enterpriseRoot', line: 9, column: 1 }
      ],
      output: yaml`
        license_key: abc
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
        gateway:
          validation:
            alwaysAcceptResources: false
        gloo:
          gateway:
            validation:
              alwaysAcceptResources: false
          discovery: {enabled: false}
      `
    },
    {
      name: 'Argo CD Application: fixes land in the values string',
      path: 'argocd/gloo.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          project: default
          destination: {server: https://kubernetes.default.svc, namespace: gloo-system}
          source:
            repoURL: https://storage.googleapis.com/solo-public-helm
            chart: gloo
            targetRevision: 1.17.3
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    logLevel: debug
                settings:
                  disableTransformationValidation: true
                gateway:
                  validation:
                    alwaysAcceptResources: false
      `,
      errors: [
        { messageId: 'moved', line: 17, column: 13, message: 'gatewayProxies.gatewayProxy.logLevel' },
        { messageId: 'moved', line: 19, column: 11, message: 'settings.disableTransformationValidation' }
      ],
      output: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          project: default
          destination: {server: https://kubernetes.default.svc, namespace: gloo-system}
          source:
            repoURL: https://storage.googleapis.com/solo-public-helm
            chart: gloo
            targetRevision: 1.17.3
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    envoyLogLevel: debug
                gateway:
                  validation:
                    alwaysAcceptResources: false
                    disableTransformationValidation: true
      `
    },
    {
      name: 'Argo CD parameters: reported on the parameter, not fixed',
      path: 'argocd/gloo.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            repoURL: https://storage.googleapis.com/solo-public-helm
            chart: gloo
            targetRevision: 1.17.3
            helm:
              parameters:
              - name: gatewayProxies.gatewayProxy.logLevel
                value: debug
      `,
      errors: [{ messageId: 'moved', line: 13, column: 9 }],
      output: null
    },
    {
      name: 'unknown keys at several depths, with "did you mean" where one key is near',
      glooVersion: '1.17.3',
      code: yaml`
        replicaCount: 2
        settings:
          watchNamespace: [shop, payments]
        gateway:
          validation:
            alwaysAcceptResource: false
        gatewayProxies:
          publicGw:
            podTemplate:
              resources:
                limit: {cpu: "1"}
            service:
              type: LoadBalancer
        global:
          glooMtls:
            sds:
              securityContxt: {runAsNonRoot: true}
      `,
      errors: [
        { messageId: 'unknown', line: 1, column: 1, message: 'replicaCount is not a value of chart 1.17 (checked against 1.17.38) and is ignored.' },
        {
          messageId: 'unknownDidYouMean',
          line: 3,
          column: 3,
          severity: 'warning',
          message: 'settings.watchNamespace is not a value of chart 1.17 (checked against 1.17.38) and is ignored; did you mean settings.watchNamespaces?'
        },
        { messageId: 'unknownDidYouMean', line: 6, column: 5, message: 'did you mean gateway.validation.alwaysAcceptResources?' },
        { messageId: 'unknownDidYouMean', line: 11, column: 9, message: 'gatewayProxies.publicGw.podTemplate.resources.limit is not a value' },
        { messageId: 'unknownDidYouMean', line: 17, column: 7, message: 'did you mean global.glooMtls.sds.securityContext?' }
      ],
      // Renaming switches a setting on: only a suggestion (see below), never --fix.
      output: null
    },
    {
      name: 'a list item of objects and a key in a flow map',
      glooVersion: '1.17.3',
      code: yaml`
        global:
          configMaps:
          - name: extra-certs
            namespce: gloo-system
            labels: {team: edge}
        gloo:
          deployment: {replicas: 2, resource: {requests: {cpu: 500m}}}
      `,
      errors: [
        { messageId: 'unknownDidYouMean', line: 4, column: 5, message: 'did you mean global.configMaps[0].namespace?' },
        { messageId: 'unknown', line: 5, column: 5, message: 'global.configMaps[0].labels is not a value of chart 1.17 (checked against 1.17.38) and is ignored.' },
        { messageId: 'unknownDidYouMean', line: 7, column: 29, message: 'gloo.deployment.resource is not a value of chart 1.17 (checked against 1.17.38) and is ignored; did you mean gloo.deployment.resources?' }
      ],
      output: null
    },
    {
      name: 'below a misplaced parent: the known key keeps its move, a sibling gets the generic message',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            deployment:
              replicas: 2
              strategy: {type: RollingUpdate}
      `,
      errors: [
        { messageId: 'moved', line: 4, column: 7, message: 'it belongs at gatewayProxies.gatewayProxy.kind.deployment.replicas.' },
        { messageId: 'unknown', line: 5, column: 7, message: 'gatewayProxies.gatewayProxy.deployment.strategy is not a value of chart 1.17' }
      ],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            deployment:
              strategy: {type: RollingUpdate}
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      name: 'an unknown version: checked against every covered chart version',
      code: yaml`
        settings:
          watchNamespace: [shop]
          create: true
      `,
      errors: [{ messageId: 'unknownDidYouMean', line: 2, column: 3, message: 'settings.watchNamespace is not a value of any chart version and is ignored; did you mean settings.watchNamespaces?' }],
      output: null
    },
    {
      name: 'below a key of another version: checked against the versions that read it',
      glooVersion: '1.11.3',
      code: yaml`
        global:
          configMaps:
          - name: extra-certs
            dat: {ca.crt: abc}
      `,
      errors: [{ messageId: 'unknown', line: 4, column: 5, message: 'global.configMaps[0].dat is not a value of any chart version and is ignored.' }],
      output: null
    },
    {
      name: 'gloo-ee values: the key path keeps its gloo. prefix',
      glooVersion: '1.17.3',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            watchNamespace: [shop]
          gloo:
            deployment:
              replica: 2
      `,
      errors: [
        { messageId: 'unknownDidYouMean', line: 4, column: 5, message: 'gloo.settings.watchNamespace is not a value of chart 1.17 (checked against 1.17.38) and is ignored; did you mean gloo.settings.watchNamespaces?' },
        { messageId: 'unknownDidYouMean', line: 7, column: 7, message: 'did you mean gloo.gloo.deployment.replicas?' }
      ],
      output: null
    },
    {
      name: "an umbrella chart: keys under the dependency's alias, the other charts' keys left alone",
      path: 'platform/values.yaml',
      context: [
        {
          path: 'platform/Chart.yaml',
          text: yaml`
            apiVersion: v2
            name: platform
            version: 0.1.0
            dependencies:
            - name: cert-manager
              version: 1.14.0
              repository: https://charts.jetstack.io
            - name: gloo
              alias: edge
              version: 1.17.3
              repository: https://storage.googleapis.com/solo-public-helm
          `
        }
      ],
      code: yaml`
        cert-manager:
          installCRDs: true
        edge:
          gateway:
            validation:
              alwaysAcceptResource: false
      `,
      errors: [{ messageId: 'unknownDidYouMean', line: 6, column: 7, message: 'edge.gateway.validation.alwaysAcceptResource is not a value of chart 1.17 (checked against 1.17.38)' }],
      output: null
    },
    {
      name: 'Argo CD parameters: a --set name with a list index, reported on the parameter, never renamed',
      path: 'argocd/gloo.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            repoURL: https://storage.googleapis.com/solo-public-helm
            chart: gloo
            targetRevision: 1.17.3
            helm:
              parameters:
              - name: gateway.validation.alwaysAcceptResource
                value: "false"
              - name: gatewayProxies.gatewayProxy.podTemplate.extraContainer[0].name
                value: log-shipper
              - name: global.configMaps[0].name
                value: extra-certs
      `,
      errors: [
        { messageId: 'unknownDidYouMean', line: 13, column: 9, message: 'gateway.validation.alwaysAcceptResource is not a value of chart 1.17' },
        { messageId: 'unknownDidYouMean', line: 15, column: 9, message: 'did you mean gatewayProxies.gatewayProxy.podTemplate.extraContainers?' }
      ],
      output: null
    }
  ]
})

describe('values-unknown-key/rename: a unique "did you mean" renames the key, as a suggestion only', () => {
  const lintAt = (code: string, extra: { path?: string; glooVersion?: string } = {}) => runLint(rule, { code, glooVersion: '1.17.3', ...extra })

  it('replaces the key text and nothing else; the renamed file has no finding left', () => {
    const code = yaml`
      settings:
        watchNamespace: [shop] # the tenant namespaces
        create: true
    `
    const [f] = lintAt(code)
    expect(f.fix).toBeUndefined()
    expect(f.suggestions?.map((s) => s.message)).toEqual([
      'Rename settings.watchNamespace to settings.watchNamespaces (the setting then takes effect: check its value first).'
    ])
    const { output } = applyEdits(code, f.suggestions![0].edits)
    expect(output).toBe(code.replace('watchNamespace:', 'watchNamespaces:'))
    expect(lintAt(output)).toEqual([])
  })

  it('is the rule\'s rename suggestion, on the key node', () => {
    const v = loadFile('values.yaml', 'gateway:\n  validation:\n    alwaysAcceptResource: false\n').values[0]
    v.chartVersion = parseVersion('1.17.3')
    const [problem] = [...rule.checkValues!(v, { project: emptyProject() })]
    expect(problem).toMatchObject({ messageId: 'unknownDidYouMean', suggest: [{ messageId: 'rename', edits: [{ range: [27, 47], text: 'alwaysAcceptResources' }] }] })
  })

  it('lands inside an Argo CD values string', () => {
    const code = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: gloo, namespace: argocd}
      spec:
        source:
          repoURL: https://storage.googleapis.com/solo-public-helm
          chart: gloo
          targetRevision: 1.17.3
          helm:
            values: |
              gateway:
                validation:
                  alwaysAcceptResource: false
    `
    const [f] = lintAt(code, { path: 'argocd/gloo.yaml' })
    expect(f.messageId).toBe('unknownDidYouMean')
    expect(applyEdits(code, f.suggestions![0].edits).output).toBe(code.replace('alwaysAcceptResource:', 'alwaysAcceptResources:'))
  })

  it('offers no rename when the right key is already there, nor for a --set parameter', () => {
    const both = lintAt('settings:\n  watchNamespace: [a]\n  watchNamespaces: [b]\n')
    expect(both.map((f) => [f.messageId, f.suggestions])).toEqual([['unknownDidYouMean', undefined]])
    const params = lintAt(
      yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: gloo, namespace: argocd}
        spec:
          source:
            repoURL: https://storage.googleapis.com/solo-public-helm
            chart: gloo
            targetRevision: 1.17.3
            helm:
              parameters:
              - {name: settings.watchNamespace, value: shop}
      `,
      { path: 'argocd/gloo.yaml' }
    )
    expect(params.map((f) => [f.messageId, f.suggestions])).toEqual([['unknownDidYouMean', undefined]])
  })
})

/** Real files, read in place (see ../shared/corpus/README.md); skipped when the corpus is not checked out. */
const CORPUS = '../shared/corpus'

describe.skipIf(!existsSync(CORPUS))('values-unknown-key on the corpus', () => {
  const run = (file: string) => {
    const code = readFileSync(`${CORPUS}/${file}`, 'utf8')
    const findings = runLint(rule, { code, path: file })
    return { code, findings, summary: findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.messageId} ${f.fix ? 'fix' : 'no fix'}`) }
  }

  it("finds the three keys Solo's production recommendations set where the chart ignores them", () => {
    const { code, findings, summary } = run('ref-solo-gloo-production-recommendations.yaml')
    expect(summary).toEqual(['43:7 moved fix', '60:3 moved no fix', '68:3 moved fix'])
    expect(findings.map((f) => f.message.split(' ')[0])).toEqual([
      'gatewayProxies.gatewayProxy.deployment.replicas',
      'settings.accessLoggingService',
      'settings.disableTransformationValidation'
    ])
    const { output, skipped } = applyEdits(code, findings.flatMap((f) => f.fix ?? []))
    expect(skipped).toEqual([])
    expect(runLint(rule, { code: output, path: 'fixed.yaml' }).map((f) => f.message.split(' ')[0])).toEqual(['settings.accessLoggingService'])
  })

  it('finds the misplaced keys of the enterprise 1.14 values', () => {
    const { summary, findings } = run('codeverifier-gloo-edge-1-14-values.yaml')
    expect(summary).toEqual(['11:1 enterpriseRootTaken no fix', '243:7 moved fix', '291:7 moved fix', '296:7 moved no fix', '301:7 moved fix'])
    expect(findings.map((f) => f.message.split(' ')[0])).toEqual([
      'settings',
      'gloo.gatewayProxies.gatewayProxy.disableGeneratedGateways',
      'gloo.gatewayProxies.gatewayProxy.logLevel',
      'gloo.gatewayProxies.gatewayProxy.gracefulShutdown',
      'gloo.gatewayProxies.gatewayProxy.terminationGracePeriodSeconds'
    ])
  })
})
