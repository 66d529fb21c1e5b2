import rule from '../../src/rules/values-key-unsupported-version.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** A proxy that sets the keys whose first chart version these cases straddle. */
const PROBES = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        probes: true
        livenessProbeEnabled: true
`

const MERGE_POLICY = yaml`
  gatewayProxies:
    gatewayProxy:
      podTemplate:
        glooContainerSecurityContext:
          mergePolicy: helm-merge
          allowPrivilegeEscalation: false
`

ruleTester(rule, {
  valid: [
    { name: 'livenessProbeEnabled at the first covered minor that reads it (1.12.0)', glooVersion: '1.12.0', code: PROBES },
    { name: 'livenessProbeEnabled above it', glooVersion: '1.13.2', code: PROBES },
    { name: 'an unknown version: every covered version counts, so no key is another version\'s', code: PROBES },
    {
      name: 'an unknown version with keys only old and only new charts read',
      code: yaml`
        crds:
          create: false
        gatewayProxies:
          gatewayProxy:
            kind:
              workloadType: DaemonSet
      `
    },
    {
      name: 'kind.workloadType on 1.22; headerSecretRefNsMatchesUs on 1.14',
      glooVersion: '1.22.1',
      code: yaml`
        gloo:
          headerSecretRefNsMatchesUs: true
        gatewayProxies:
          gatewayProxy:
            kind:
              workloadType: DaemonSet
      `
    },
    { name: 'mergePolicy at 1.14.5, where the chart starts reading it', glooVersion: '1.14.5', code: MERGE_POLICY },
    { name: 'mergePolicy above it', glooVersion: '1.14.6', code: MERGE_POLICY },
    { name: 'mergePolicy on the 1.15 line from 1.15.0-beta6', glooVersion: '1.15.0-beta6', code: MERGE_POLICY },
    {
      name: 'a key no version reads is values-unknown-key business',
      glooVersion: '1.11.3',
      code: yaml`
        settings:
          watchNamespace: [shop]
      `
    },
    {
      name: 'envoyLogLevel on 1.11: the template reads it although values.go calls it logLevel until 1.13',
      glooVersion: '1.11.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            envoyLogLevel: debug
      `
    }
  ],
  invalid: [
    {
      name: 'livenessProbeEnabled just below its first minor, with the older equivalent',
      glooVersion: '1.11.59',
      code: PROBES,
      errors: [
        {
          messageId: 'newerEquivalent',
          line: 5,
          column: 7,
          severity: 'warning',
          message:
            'gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled is read by the chart only from 1.12 on, so chart 1.11 (checked against 1.11.59) ignores it; there gatewayProxies.gatewayProxy.podTemplate.probes: true renders the liveness probe together with the readiness probe.'
        }
      ],
      output: null
    },
    {
      name: 'headerSecretRefNsMatchesUs on 1.13 (no older equivalent: upgrade)',
      glooVersion: '1.13.7',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
          headerSecretRefNsMatchesUs: true
      `,
      errors: [{ messageId: 'newer', line: 4, column: 3, message: 'gloo.headerSecretRefNsMatchesUs is read by the chart only from 1.14 on, so chart 1.13 (checked against 1.13.39) ignores it.' }],
      output: null
    },
    {
      name: 'kind.workloadType on 1.21: a DaemonSet the older way; a Deployment needs nothing',
      glooVersion: '1.21.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              workloadType: Deployment
          edgeGw:
            kind:
              daemonSet: {hostPort: true}
              workloadType: DaemonSet
      `,
      errors: [
        { messageId: 'newer', line: 4, column: 7, message: 'gatewayProxies.gatewayProxy.kind.workloadType is read by the chart only from 1.22 on, so chart 1.21 (checked against 1.21.13) ignores it.' },
        {
          messageId: 'newerEquivalent',
          line: 8,
          column: 7,
          message: 'ignores it; there gatewayProxies.edgeGw.kind.deployment: null next to gatewayProxies.edgeGw.kind.daemonSet renders a DaemonSet.'
        }
      ],
      output: null
    },
    {
      name: 'a key only old charts read',
      glooVersion: '1.8.6',
      code: yaml`
        crds:
          create: false
        discovery:
          enabled: false
      `,
      errors: [{ messageId: 'older', line: 1, column: 1, message: 'crds is read by the chart only up to 1.7, so chart 1.8 (checked against 1.8.37) ignores it.' }],
      output: null
    },
    {
      name: 'the top key of a newer subtree only: glooContainerSecurityContext on 1.13, not its mergePolicy',
      glooVersion: '1.13.7',
      code: MERGE_POLICY,
      errors: [{ messageId: 'newer', line: 4, column: 7, message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext is read by the chart only from 1.14 on' }],
      output: null
    },
    {
      name: 'mergePolicy just below 1.14.5: copied into the securityContext (a boundary the chart data cannot see)',
      glooVersion: '1.14.4',
      code: MERGE_POLICY,
      errors: [
        {
          messageId: 'literal',
          line: 5,
          column: 9,
          message:
            'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.mergePolicy is copied as is into the rendered securityContext by chart 1.14.4, where schema validation rejects it; the chart reads mergePolicy only from 1.14.5/1.15.0-beta6 on.'
        }
      ],
      output: null
    },
    {
      name: 'mergePolicy on 1.15.0-beta5, in a gloo-ee install',
      glooVersion: '1.15.0-beta5',
      code: yaml`
        license_key: abc
        gloo:
          gloo:
            deployment:
              podSecurityContext: {mergePolicy: helm-merge, fsGroup: 10101}
      `,
      errors: [{ messageId: 'literal', line: 5, column: 28, message: 'gloo.gloo.deployment.podSecurityContext.mergePolicy is copied as is into the rendered securityContext by chart 1.15.0-beta5' }],
      output: null
    },
    {
      name: 'an Argo CD Application: targetRevision is the version, a parameter is reported on its item',
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
            targetRevision: 1.11.12
            helm:
              parameters:
              - name: gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled
                value: "true"
      `,
      errors: [{ messageId: 'newerEquivalent', line: 13, column: 9, message: 'is read by the chart only from 1.12 on, so chart 1.11 (checked against 1.11.59) ignores it; there' }],
      output: null
    }
  ]
})
