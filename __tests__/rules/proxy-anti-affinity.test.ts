import rule from '../../src/rules/proxy-anti-affinity.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyDeployment = (replicas: number, podSpecExtra = ''): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: public-gw
    namespace: gloo-system
    labels:
      gloo: gateway-proxy
      gateway-proxy-id: public-gw
  spec:
    replicas: ${replicas}
    template:
      metadata:
        labels:
          gloo: gateway-proxy
          gateway-proxy-id: public-gw
      spec:${podSpecExtra}
        serviceAccountName: gateway-proxy
        containers:
        - name: public-gw
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
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
      name: 'rendered: a node affinity alone does not spread; podAntiAffinity joins it',
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
      context: [
        {
          path: 'hpa.yaml',
          text: yaml`
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: public-gw
              namespace: gloo-system
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: public-gw}
              minReplicas: 1
              maxReplicas: 6
          `
        }
      ],
      errors: [{ messageId: 'rendered', line: 17, column: 7, message: 'runs up to 6 pods (HorizontalPodAutoscaler maxReplicas)' }],
      output: proxyDeployment(
        1,
        `
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
              - matchExpressions:
                - {key: node-role, operator: In, values: [edge]}
          podAntiAffinity:
            preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {gateway-proxy-id: public-gw}}, topologyKey: kubernetes.io/hostname}}]`
      )
    }
  ]
})
