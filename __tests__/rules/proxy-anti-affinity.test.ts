import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-anti-affinity.js'
import type { Finding } from '../../src/model/finding.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyDeployment = (replicas: number, podSpec = ''): string =>
  renderProxyDeployment({
    name: 'public-gw',
    namespace: 'gloo-system',
    replicas,
    podLabels: { gloo: 'gateway-proxy', 'gateway-proxy-id': 'public-gw' },
    podSpec,
    serviceAccountName: 'gateway-proxy'
  })

const hpa = (max: number): string => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: public-gw
    namespace: gloo-system
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: public-gw}
    minReplicas: 1
    maxReplicas: ${max}
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: one replica is proxy-single-replica’s concern',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: antiAffinity on',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            antiAffinity: true
      `
    },
    {
      name: 'values: topologySpreadConstraints or an affinity spread the pods',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind: {deployment: {replicas: 3}}
            topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: ScheduleAnyway
              labelSelector:
                matchLabels:
                  gateway-proxy-id: gateway-proxy
          internalGw:
            kind: {deployment: {replicas: 2}}
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                - topologyKey: kubernetes.io/hostname
                  labelSelector:
                    matchLabels:
                      gateway-proxy-id: internal-gw
      `
    },
    {
      name: 'values: a DaemonSet runs one pod per node',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
      `
    },
    {
      name: 'enterprise values on chart 1.14: the custom proxy inherits antiAffinity',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind: {deployment: {replicas: 2}}
              antiAffinity: true
            publicGw:
              service:
                type: LoadBalancer
      `
    },
    {
      name: 'rendered: podAntiAffinity present',
      path: 'public-gw.yaml',
      code: proxyDeployment(
        2,
        `
        affinity:
          podAntiAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchLabels:
                    gloo: gateway-proxy
                topologyKey: kubernetes.io/hostname`
      )
    },
    {
      name: 'rendered: topologySpreadConstraints present',
      path: 'public-gw.yaml',
      code: proxyDeployment(
        3,
        `
        topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector: {matchLabels: {gateway-proxy-id: public-gw}}`
      )
    },
    {
      // Catalog row: "none of antiAffinity: true, affinity, topologySpreadConstraints"; values `affinity` renders as
      // the pod's affinity, so any affinity counts in both forms (see the boundary table below).
      name: 'rendered: any affinity counts, as affinity does in the values (a node affinity here)',
      path: 'public-gw.yaml',
      code: proxyDeployment(
        1,
        `
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
              - matchExpressions:
                - {key: node-role, operator: In, values: [edge]}`
      ),
      context: [{ path: 'hpa.yaml', text: hpa(6) }]
    },
    {
      name: 'rendered: a single replica',
      path: 'public-gw.yaml',
      code: proxyDeployment(1)
    }
  ],
  invalid: [
    {
      name: 'values: two replicas, antiAffinity unset',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, severity: 'notice', message: "gatewayProxies.gatewayProxy.antiAffinity is not set (chart default false) and gateway proxy 'gateway-proxy' runs 2 pods" }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            antiAffinity: true
      `
    },
    {
      name: 'values: explicit false, with an autoscaler that can add pods',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            antiAffinity: false
            horizontalPodAutoscaler:
              minReplicas: 1
              maxReplicas: 5
      `,
      errors: [{ messageId: 'values', line: 3, column: 19, message: 'antiAffinity is false and gateway proxy \'gateway-proxy\' runs up to 5 pods (autoscaler maxReplicas)' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            antiAffinity: true
            horizontalPodAutoscaler:
              minReplicas: 1
              maxReplicas: 5
      `
    },
    {
      name: 'enterprise values before chart 1.7: the custom proxy stands alone',
      glooVersion: '1.6.12',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind: {deployment: {replicas: 2}}
              antiAffinity: true
            publicGw: {kind: {deployment: {replicas: 3}}}
      `,
      errors: [{ messageId: 'values', line: 7, column: 5, message: 'gloo.gatewayProxies.publicGw.antiAffinity is not set' }],
      output: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind: {deployment: {replicas: 2}}
              antiAffinity: true
            publicGw: {kind: {deployment: {replicas: 3}}, antiAffinity: true}
      `
    },
    {
      name: 'Flux HelmRelease',
      path: 'release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                kind: {deployment: {replicas: 2}}
      `,
      errors: [{ messageId: 'values', line: 11, column: 7 }],
      output: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                kind: {deployment: {replicas: 2}}
                antiAffinity: true
      `
    },
    {
      name: "rendered: two replicas without spreading get the chart's preferred anti-affinity",
      path: 'public-gw.yaml',
      code: proxyDeployment(2),
      errors: [{ messageId: 'rendered', line: 16, column: 5, severity: 'notice', message: "Gateway proxy 'public-gw' runs 2 pods" }],
      output:
        proxyDeployment(2) +
        '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {gateway-proxy-id: public-gw}}, topologyKey: kubernetes.io/hostname}}]\n'
    },
    {
      name: 'rendered: an autoscaler that can add pods',
      path: 'public-gw.yaml',
      code: proxyDeployment(1),
      context: [{ path: 'hpa.yaml', text: hpa(6) }],
      errors: [{ messageId: 'rendered', line: 16, column: 5, message: 'runs up to 6 pods (HorizontalPodAutoscaler maxReplicas)' }],
      output:
        proxyDeployment(1) +
        '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {gateway-proxy-id: public-gw}}, topologyKey: kubernetes.io/hostname}}]\n'
    }
  ]
})

/** A finding as a verdict: severity and fix class (`fix` applied by --fix, `suggest`, `-` none). */
const verdict = (f: Finding): string => `${f.severity} ${f.fix ? 'fix' : f.suggestions?.length ? 'suggest' : '-'}`

const values = (proxy: string): string => `gatewayProxies:\n  gatewayProxy:\n${proxy.replace(/^/gm, '    ')}\n`
const TWO = 'kind: {deployment: {replicas: 2}}'
const SPREAD = `${TWO}\ntopologySpreadConstraints:\n- {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}`
const AFFINITY = `${TWO}\naffinity:\n  nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: edge, operator: Exists}]}]}}`
const OVERRIDE = `${TWO}\nkubeResourceOverride:\n  spec:\n    template:\n      spec:\n        topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}`

describe('proxy-anti-affinity: version boundaries and exceptions (catalog section 2 and 4.2)', () => {
  const FIRES = ['notice fix']
  it.each<[string, string | undefined, string, string[], string?]>([
    // topologySpreadConstraints: 1.11.48/1.12.41/1.13.3/1.14.0-beta4 (catalog row, 4.3); older charts do not render it.
    ['spread, 1.10.9 (older line)', '1.10.9', SPREAD, FIRES, 'chart 1.10.9 does not render gatewayProxies.gatewayProxy.topologySpreadConstraints (from 1.11.48/'],
    ['spread, 1.11.47 (just below)', '1.11.47', SPREAD, FIRES, 'chart 1.11.47 does not render'],
    ['spread, 1.11.48 (at)', '1.11.48', SPREAD, []],
    ['spread, 1.11.49 (above)', '1.11.49', SPREAD, []],
    ['spread, 1.12.40', '1.12.40', SPREAD, FIRES],
    ['spread, 1.12.41', '1.12.41', SPREAD, []],
    ['spread, 1.13.2', '1.13.2', SPREAD, FIRES],
    ['spread, 1.13.3', '1.13.3', SPREAD, []],
    ['spread, 1.14.0-beta3', '1.14.0-beta3', SPREAD, FIRES],
    ['spread, 1.14.0-beta4', '1.14.0-beta4', SPREAD, []],
    ['spread, 1.14.0', '1.14.0', SPREAD, []],
    ['spread, unknown version (newest assumed)', undefined, SPREAD, []],
    // affinity: rendered from 1.7.0-beta17 (not in catalog 4.3; 7-gateway-proxy-deployment.yaml).
    ['affinity, 1.6.38', '1.6.38', AFFINITY, FIRES, 'chart 1.6.38 does not render gatewayProxies.gatewayProxy.affinity (from 1.7.0-beta17)'],
    ['affinity, 1.7.0-beta16', '1.7.0-beta16', AFFINITY, FIRES],
    ['affinity, 1.7.0-beta17', '1.7.0-beta17', AFFINITY, []],
    ['affinity (any: a node affinity), 1.17.3', '1.17.3', AFFINITY, []],
    // kubeResourceOverride: merged onto the proxy Deployment from 1.8.0-beta14 (catalog 4.3).
    ['override spread, 1.8.0-beta13', '1.8.0-beta13', OVERRIDE, FIRES, 'gatewayProxies.gatewayProxy.kubeResourceOverride.spec.template.spec.topologySpreadConstraints (from 1.8.0-beta14)'],
    ['override spread, 1.8.0-beta14', '1.8.0-beta14', OVERRIDE, []],
    // Exceptions: Deployments only, two or more pods, antiAffinity on.
    ['one replica', '1.17.3', 'kind: {deployment: {replicas: 1}}', []],
    ['two replicas', '1.17.3', TWO, FIRES],
    ['one replica, an autoscaler up to 4', '1.17.3', 'horizontalPodAutoscaler: {minReplicas: 1, maxReplicas: 4}', FIRES],
    ['antiAffinity: true', '1.17.3', `${TWO}\nantiAffinity: true`, []],
    ['kind.workloadType: DaemonSet on 1.22.0-beta11 (read)', '1.22.0-beta11', 'kind: {deployment: {replicas: 2}, workloadType: DaemonSet}', []],
    ['kind.workloadType: DaemonSet on 1.22.0-beta10 (ignored: a Deployment)', '1.22.0-beta10', 'kind: {deployment: {replicas: 2}, workloadType: DaemonSet}', FIRES],
    ['kind.deployment: null (a DaemonSet)', '1.17.3', 'kind: {deployment: null, daemonSet: {}}', []]
  ])('%s', (_name, glooVersion, proxy, want, message) => {
    const findings = runLint(rule, { code: values(proxy), glooVersion })
    expect(findings.map(verdict)).toEqual(want)
    if (message) expect(findings[0].message).toContain(message)
  })

  // What the chart renders from those values: the same verdict in the rendered form (no version needed there).
  const rendered = (replicas: number, podSpecExtra = '') => proxyDeployment(replicas, podSpecExtra)
  const spreadRendered = `
        topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}`
  const affinityRendered = `
        affinity:
          nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: edge, operator: Exists}]}]}}`
  const antiRendered = `
        affinity:
          podAntiAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm: {labelSelector: {matchLabels: {gloo: gateway-proxy}}, topologyKey: kubernetes.io/hostname}`
  it.each<[string, string, string, string]>([
    ['two replicas, nothing', '1.17.3', TWO, rendered(2)],
    ['one replica', '1.17.3', 'kind: {deployment: {replicas: 1}}', rendered(1)],
    ['spread on 1.17.3 (rendered)', '1.17.3', SPREAD, rendered(2, spreadRendered)],
    ['spread on 1.11.47 (not rendered)', '1.11.47', SPREAD, rendered(2)],
    ['affinity on 1.17.3 (rendered)', '1.17.3', AFFINITY, rendered(2, affinityRendered)],
    ['affinity on 1.6.38 (not rendered)', '1.6.38', AFFINITY, rendered(2)],
    ['antiAffinity: true', '1.17.3', `${TWO}\nantiAffinity: true`, rendered(2, antiRendered)]
  ])('values and rendered agree: %s', (_name, glooVersion, proxy, manifest) => {
    const fromValues = runLint(rule, { code: values(proxy), glooVersion }).map(verdict)
    const fromRendered = runLint(rule, { path: 'public-gw.yaml', code: manifest }).map(verdict)
    expect(fromRendered).toEqual(fromValues)
  })
})
