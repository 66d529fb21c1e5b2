import rule from '../../src/rules/proxy-disruption-budget.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyDeployment = (replicas: number): string =>
  renderProxyDeployment({
    namespace: 'gloo-system',
    labels: { app: 'gloo', gloo: 'gateway-proxy', 'gateway-proxy-id': 'gateway-proxy' },
    replicas,
    selector: { gloo: 'gateway-proxy', 'gateway-proxy-id': 'gateway-proxy' },
    podLabels: { gloo: 'gateway-proxy', 'gateway-proxy-id': 'gateway-proxy', 'gateway-proxy': 'live' }
  })

const pdb = (budget: string): string => yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: gateway-proxy-pdb
    namespace: gloo-system
  spec:
    ${budget}
    selector:
      matchLabels:
        gateway-proxy-id: gateway-proxy
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: maxUnavailable 1',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'values: minAvailable below the replicas (integer and percentage, rounded up)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind: {deployment: {replicas: 4}}
            podDisruptionBudget: {minAvailable: "50%"}
          internalGw:
            kind: {deployment: {replicas: 3}}
            podDisruptionBudget: {minAvailable: 2}
      `
    },
    {
      // kind.daemonSet alone renders a Deployment (catalog 4.2 "Workload kind"): kind.deployment: null makes the DaemonSet.
      name: 'values: a DaemonSet needs no budget (kubectl drain skips its pods)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment: null
              daemonSet:
                hostPort: true
      `
    },
    {
      name: 'values: a PodDisruptionBudget object of the run covers the proxy',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      context: [{ path: 'pdb.yaml', text: pdb('maxUnavailable: 1') }]
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
      `
    },
    {
      name: 'rendered: a budget selecting the proxy pods is in the run',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(2),
      context: [{ path: 'pdb.yaml', text: pdb('minAvailable: 1') }]
    },
    {
      name: 'rendered: a budget that lets one pod go',
      path: 'pdb.yaml',
      code: pdb('maxUnavailable: 1'),
      context: [{ path: 'gateway-proxy.yaml', text: proxyDeployment(2) }]
    },
    {
      name: 'rendered: a budget of another workload is not checked',
      path: 'pdb.yaml',
      code: yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: petstore
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: petstore
      `
    }
  ],
  invalid: [
    {
      name: 'values: before chart 1.7.0-beta21 the chart has no podDisruptionBudget key, so no values fix',
      glooVersion: '1.6.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'missingOldChart', line: 2, column: 3, message: "chart 1.6.12 renders none from the values (podDisruptionBudget is read from 1.7.0-beta21)" }],
      output: null
    },
    {
      name: 'values: budget missing, inserted as a block map',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3, severity: 'notice', message: 'gatewayProxies.gatewayProxy.podDisruptionBudget is not set' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'values: kind.daemonSet alone still renders a Deployment, which needs a budget (catalog 4.2 "Workload kind")',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet: {}
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3, severity: 'notice' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet: {}
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'values: `podDisruptionBudget:` with no value renders nothing, and is filled in',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            ## Pod disruption budget
            podDisruptionBudget:
            podTemplate:
              probes: true
      `,
      errors: [{ messageId: 'missing', line: 4, column: 25 }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            ## Pod disruption budget
            podDisruptionBudget:
              maxUnavailable: 1
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: an empty {} in a block map renders nothing, and is filled in block style',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podDisruptionBudget: {}
      `,
      errors: [{ messageId: 'missing', line: 3, column: 26 }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'enterprise values: minAvailable 2 with one replica blocks every eviction',
      glooVersion: '1.17.3',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                deployment:
                  replicas: 1
              podDisruptionBudget:
                ## Well this should ideally be < replicas
                minAvailable: 2
      `,
      errors: [
        {
          messageId: 'blocks',
          line: 10,
          column: 23,
          severity: 'warning',
          message: "gloo.gatewayProxies.gatewayProxy.podDisruptionBudget.minAvailable is 2 while gateway proxy 'gateway-proxy' runs 1 pod"
        }
      ],
      output: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                deployment:
                  replicas: 1
              podDisruptionBudget:
                ## Well this should ideally be < replicas
                maxUnavailable: 1
      `
    },
    {
      name: 'values: minAvailable "100%" blocks at any size (flow map)',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind: {deployment: {replicas: 3}}
            podDisruptionBudget: {minAvailable: "100%"}
      `,
      errors: [{ messageId: 'blocks', line: 4, column: 41, severity: 'warning', message: 'runs 3 pods' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind: {deployment: {replicas: 3}}
            podDisruptionBudget: {maxUnavailable: 1}
      `
    },
    {
      name: 'values: the autoscaler floor counts, not kind.deployment.replicas',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 4
            horizontalPodAutoscaler:
              minReplicas: 2
              maxReplicas: 8
            podDisruptionBudget:
              minAvailable: 2
      `,
      errors: [{ messageId: 'blocks', line: 10, column: 21, message: 'runs as few as 2 pods (autoscaler minReplicas)' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 4
            horizontalPodAutoscaler:
              minReplicas: 2
              maxReplicas: 8
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'values: maxUnavailable 0 blocks every eviction',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podDisruptionBudget:
              maxUnavailable: 0
      `,
      errors: [{ messageId: 'blocks', line: 7, column: 23, message: 'podDisruptionBudget.maxUnavailable is 0' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podDisruptionBudget:
              maxUnavailable: 1
      `
    },
    {
      name: 'values on chart 1.14: an inherited minAvailable cannot be renamed on the custom proxy',
      glooVersion: '1.14.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 3
            podDisruptionBudget:
              minAvailable: 2
          internalGw:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'blocks', line: 7, column: 21, message: "gatewayProxies.internalGw.podDisruptionBudget.minAvailable is 2 while gateway proxy 'internal-gw' runs 2 pods" }],
      output: null
    },
    {
      name: 'Flux HelmRelease: budget missing',
      path: 'release.yaml',
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
                kind:
                  deployment:
                    replicas: 2
      `,
      errors: [{ messageId: 'missing', line: 12, column: 7 }],
      output: yaml`
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
                kind:
                  deployment:
                    replicas: 2
                podDisruptionBudget:
                  maxUnavailable: 1
      `
    },
    {
      name: 'rendered: no budget selects the proxy (no fix: a new object is not a minimal edit)',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(2),
      errors: [{ messageId: 'renderedMissing', line: 4, column: 9, severity: 'notice' }],
      output: null
    },
    {
      name: 'rendered: minAvailable 2 with two replicas',
      path: 'pdb.yaml',
      code: pdb('minAvailable: 2'),
      context: [{ path: 'gateway-proxy.yaml', text: proxyDeployment(2) }],
      errors: [{ messageId: 'renderedBlocks', line: 7, column: 17, severity: 'warning', message: "PodDisruptionBudget 'gateway-proxy-pdb' sets minAvailable: 2 while gateway proxy 'gateway-proxy' runs 2 pods" }],
      output: pdb('maxUnavailable: 1')
    },
    {
      name: 'rendered: maxUnavailable 0 blocks whatever the Deployment says',
      path: 'pdb.yaml',
      code: pdb('maxUnavailable: 0'),
      errors: [{ messageId: 'renderedBlocks', line: 7, column: 19, message: 'runs any number of pods' }],
      output: pdb('maxUnavailable: 1')
    }
  ]
})
