import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-single-replica.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyDeployment = (replicas?: number): string =>
  renderProxyDeployment({
    namespace: 'gloo-system',
    labels: { app: 'gloo', gloo: 'gateway-proxy', 'gateway-proxy-id': 'gateway-proxy' },
    replicas,
    selector: { 'gateway-proxy-id': 'gateway-proxy' },
    podLabels: { gloo: 'gateway-proxy', 'gateway-proxy-id': 'gateway-proxy' }
  })

const hpa = (min: string, target = 'gateway-proxy'): string => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: ${target}
    namespace: gloo-system
  spec:${min}
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: ${target}
    maxReplicas: 6
    metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: two replicas',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      // kind.daemonSet alone renders a Deployment (catalog 4.2 "Workload kind"): kind.deployment: null makes the DaemonSet.
      name: 'values: a DaemonSet runs one pod per node',
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
      name: 'values: the autoscaler keeps at least two pods',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 1
            horizontalPodAutoscaler:
              apiVersion: autoscaling/v2
              minReplicas: 2
              maxReplicas: 6
      `
    },
    {
      name: 'values: an HPA object of the run keeps two pods',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      context: [{ path: 'hpa.yaml', text: hpa('\n    minReplicas: 2') }]
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
      `
    },
    {
      name: 'rendered: three replicas',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(3)
    },
    {
      name: 'rendered: an HPA owns the replica count',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(1),
      context: [{ path: 'hpa.yaml', text: hpa('\n    minReplicas: 3') }]
    },
    {
      name: 'rendered: an HPA of another Deployment is not about the proxy',
      path: 'hpa.yaml',
      code: hpa('\n    minReplicas: 1', 'petstore')
    }
  ],
  invalid: [
    {
      name: 'values: replicas 0 is dropped by the chart, which then runs one pod (the message says so)',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 0
      `,
      errors: [{ messageId: 'values', line: 5, column: 19, message: 'replicas is 0, which the chart drops (it renders replicas only when truthy; chart 1.17.3): gateway proxy' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      name: 'values: under hostNetwork (kind.daemonSet.hostPort on a Deployment) two replicas are only a suggestion',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 1
              daemonSet:
                hostPort: true
      `,
      errors: [{ messageId: 'values', line: 5, column: 19 }],
      output: null
    },
    {
      name: 'values: replicas unset, inserted under kind.deployment',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment: {}
      `,
      errors: [{ messageId: 'values', line: 4, column: 7, severity: 'warning', message: 'gatewayProxies.gatewayProxy.kind.deployment.replicas is not set (chart default 1)' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      name: 'values: kind.daemonSet alone still renders a Deployment with the default replicas: 1 (catalog 4.2 "Workload kind")',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet: {}
      `,
      errors: [{ messageId: 'values', line: 3, column: 5, message: 'gatewayProxies.gatewayProxy.kind.deployment.replicas is not set (chart default 1)' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet: {}
              deployment:
                replicas: 2
      `
    },
    {
      name: 'values: explicit 1 replaced in place',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 1 # bump for prod
      `,
      errors: [{ messageId: 'values', line: 5, column: 19, message: 'replicas is 1:' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2 # bump for prod
      `
    },
    {
      name: 'enterprise values: a custom proxy inheriting replicas: 1 is fixed through the default proxy',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                deployment:
                  replicas: 1
            publicGw:
              service:
                type: LoadBalancer
      `,
      errors: [
        { messageId: 'values', line: 7, column: 21, message: 'gloo.gatewayProxies.gatewayProxy.kind.deployment.replicas is 1' },
        { messageId: 'values', line: 8, column: 5, message: 'gloo.gatewayProxies.publicGw.kind.deployment.replicas is 1, inherited from gloo.gatewayProxies.gatewayProxy.kind.deployment.replicas' }
      ],
      output: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                deployment:
                  replicas: 2
            publicGw:
              service:
                type: LoadBalancer
      `
    },
    {
      name: 'values: deployment.replicas is not a chart key (no fix: values-unknown-key moves it)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            deployment:
              replicas: 2
      `,
      errors: [{ messageId: 'misplaced', line: 4, column: 17, message: 'gatewayProxies.gatewayProxy.deployment.replicas is not a chart key' }],
      output: null
    },
    {
      name: 'values: the autoscaler may shrink to one pod',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            horizontalPodAutoscaler:
              apiVersion: autoscaling/v2
              minReplicas: 1
              maxReplicas: 4
      `,
      errors: [{ messageId: 'hpaMin', line: 5, column: 20, message: 'gatewayProxies.gatewayProxy.horizontalPodAutoscaler.minReplicas is 1' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            horizontalPodAutoscaler:
              apiVersion: autoscaling/v2
              minReplicas: 2
              maxReplicas: 4
      `
    },
    {
      name: 'values: no fix when maxReplicas leaves no room for two',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            horizontalPodAutoscaler: {maxReplicas: 1}
      `,
      errors: [{ messageId: 'hpaMin', line: 3, column: 5, message: 'minReplicas is not set (chart default 1)' }],
      output: null
    },
    {
      name: 'Argo CD Application: helm.valuesObject created in the `- ` sources item',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
          - repoURL: https://github.com/acme/platform.git
            path: overlays/prod
      `,
      errors: [{ messageId: 'values', line: 8, column: 5 }],
      output: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    kind:
                      deployment:
                        replicas: 2
          - repoURL: https://github.com/acme/platform.git
            path: overlays/prod
      `
    },
    {
      name: 'rendered: spec.replicas unset (Kubernetes default 1)',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(),
      errors: [{ messageId: 'rendered', line: 10, column: 1, message: 'spec.replicas is not set (default 1)' }],
      output: proxyDeployment() + '  replicas: 2\n'
    },
    {
      name: 'rendered: spec.replicas: 1',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment(1),
      errors: [{ messageId: 'rendered', line: 11, column: 13 }],
      output: proxyDeployment(2)
    },
    {
      name: 'rendered HPA: minReplicas 1 raised to 2',
      path: 'hpa.yaml',
      code: hpa('\n    minReplicas: 1'),
      context: [{ path: 'gateway-proxy.yaml', text: proxyDeployment(1) }],
      errors: [{ messageId: 'renderedHpa', line: 7, column: 16, message: "HorizontalPodAutoscaler 'gateway-proxy' can shrink gateway proxy 'gateway-proxy'" }],
      output: hpa('\n    minReplicas: 2')
    }
  ]
})

describe('proxy-single-replica under hostNetwork', () => {
  it("offers replicas: 2 as a suggestion (messageId: 'twoOnHostNetwork'), never as a fix", () => {
    const [f] = runLint(rule, {
      glooVersion: '1.17.3',
      code: 'gatewayProxies:\n  gatewayProxy:\n    kind:\n      deployment:\n        replicas: 1\n      daemonSet:\n        hostPort: true\n'
    })
    expect(f.fix).toBeUndefined()
    expect(f.suggestions).toEqual([
      {
        message: 'Set two replicas where the pods can run on different nodes: under hostNetwork each pod binds the host ports, so two pods never share a node.',
        edits: [{ range: [78, 79], text: '2' }]
      }
    ])
  })
})
