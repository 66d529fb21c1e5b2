import rule from '../../src/rules/kube-destination-in-use.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const disabledSettings = {
  path: 'settings.yaml',
  text: yaml`
    apiVersion: gloo.solo.io/v1
    kind: Settings
    metadata:
      name: default
      namespace: gloo-system
    spec:
      gloo:
        disableKubernetesDestinations: true
  `
}

const petstoreUpstream = {
  path: 'upstreams.yaml',
  text: yaml`
    apiVersion: gloo.solo.io/v1
    kind: Upstream
    metadata:
      name: shop-petstore
      namespace: gloo-system
    spec:
      kube:
        serviceName: petstore
        serviceNamespace: shop
        servicePort: 8080
    ---
    apiVersion: gloo.solo.io/v1
    kind: Upstream
    metadata:
      name: payments
      namespace: gloo-system
    spec:
      kube:
        serviceName: payments
        serviceNamespace: shop
        servicePort: 9000
  `
}

const WHY = 'Settings default sets spec.gloo.disableKubernetesDestinations: true (settings.yaml:8)'

ruleTester(rule, {
  valid: [
    {
      name: 'Kubernetes destinations are not disabled anywhere',
      path: 'vs.yaml',
      code: yaml`
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
                  kube:
                    ref: {name: petstore, namespace: shop}
                    port: 8080
      `
    },
    {
      name: 'disabled, and no route uses a Kubernetes destination',
      path: 'vs.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: gloo-system
        spec:
          virtualHost:
            domains: ['*']
            routes:
            # - matchers: [{prefix: /old}]
            #   routeAction:
            #     single:
            #       kube: {ref: {name: legacy, namespace: shop}, port: 80}
            - matchers: [{prefix: /api}]
              routeAction:
                single:
                  upstream: {name: shop-petstore, namespace: gloo-system}
            - matchers: [{prefix: /discovered}]
              routeAction:
                single:
                  upstream: {name: shop-orders-8080, namespace: gloo-system}
            - matchers: [{prefix: /team}]
              delegateAction:
                ref: {name: team-routes, namespace: team}
            - matchers: [{prefix: /old}]
              redirectAction: {pathRedirect: /api}
            - matchers: [{prefix: /health}]
              directResponseAction: {status: 200, body: ok}
      `,
      context: [disabledSettings]
    },
    {
      name: 'values with settings.create false disable nothing',
      path: 'vs.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: petstore
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /}]
            routeAction:
              single:
                kube: {ref: {name: petstore, namespace: shop}, port: 8080}
      `,
      context: [{ path: 'values.yaml', text: 'settings:\n  create: false\n  disableKubernetesDestinations: true\n' }]
    }
  ],
  invalid: [
    {
      name: 'a route of no install is told which install would break it, as a notice (the install owns helm/ only)',
      path: 'routes/rt.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: petstore
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /}]
            routeAction:
              single: {kube: {ref: {name: petstore}, port: 8080}}
      `,
      context: [{ path: 'helm/values.yaml', text: 'settings:\n  disableKubernetesDestinations: true\n' }, { ...petstoreUpstream, path: 'helm/upstreams.yaml' }],
      errors: [
        {
          messageId: 'unowned',
          line: 10,
          column: 16,
          severity: 'notice',
          message:
            "Kubernetes destination 'shop/petstore:8080' belongs to no install of this run; it breaks if applied where Kubernetes destinations are disabled, as install helm does;"
        }
      ]
    },
    {
      name: 'VirtualService: block kube destination replaced by the matching Upstream',
      path: 'vs.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: gloo-system
        spec:
          virtualHost:
            domains: ['shop.example.com']
            routes:
            - matchers:
              - prefix: /api
              routeAction:
                single:
                  kube:
                    ref:
                      name: petstore
                      namespace: shop
                    port: 8080
              options:
                timeout: 15s
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [
        {
          messageId: 'kube',
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 15,
          severity: 'error',
          message: `Kubernetes destination 'shop/petstore:8080' fails because ${WHY}; route to Upstream 'shop-petstore'`
        }
      ],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: gloo-system
        spec:
          virtualHost:
            domains: ['shop.example.com']
            routes:
            - matchers:
              - prefix: /api
              routeAction:
                single:
                  upstream:
                    name: shop-petstore
                    namespace: gloo-system
              options:
                timeout: 15s
      `
    },
    {
      name: 'RouteTable: flow kube destination, disabled by values in the change',
      path: 'helm/rt.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: petstore
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /}]
            routeAction:
              single: {kube: {ref: {name: petstore}, port: 8080}}
      `,
      context: [{ path: 'helm/values.yaml', text: 'settings:\n  disableKubernetesDestinations: true\n' }, { ...petstoreUpstream, path: 'helm/upstreams.yaml' }],
      errors: [
        {
          messageId: 'kube',
          line: 10,
          column: 16,
          message: "'shop/petstore:8080' fails because settings.disableKubernetesDestinations is true (helm/values.yaml:2)"
        }
      ],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: petstore
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /}]
            routeAction:
              single: {upstream: {name: shop-petstore, namespace: gloo-system}}
      `
    },
    {
      name: 'multi destinations: one has an Upstream, the other has none',
      path: 'vs.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: canary
          namespace: shop
        spec:
          virtualHost:
            domains: ['*']
            routes:
            - matchers: [{prefix: /}]
              routeAction:
                multi:
                  destinations:
                  - weight: 90
                    destination:
                      kube: {ref: {name: petstore, namespace: shop}, port: 8080}
                  - weight: 10
                    destination:
                      kube:
                        ref: {name: petstore-v2, namespace: shop}
                        port: 8080
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [
        { messageId: 'kube', line: 16, column: 15 },
        { messageId: 'kubeNoUpstream', line: 19, column: 15, message: "'shop/petstore-v2:8080' fails because" }
      ],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: canary
          namespace: shop
        spec:
          virtualHost:
            domains: ['*']
            routes:
            - matchers: [{prefix: /}]
              routeAction:
                multi:
                  destinations:
                  - weight: 90
                    destination:
                      upstream: {name: shop-petstore, namespace: gloo-system}
                  - weight: 10
                    destination:
                      kube:
                        ref: {name: petstore-v2, namespace: shop}
                        port: 8080
      `
    },
    {
      name: 'UpstreamGroup destination',
      path: 'ug.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: UpstreamGroup
        metadata:
          name: payments
          namespace: gloo-system
        spec:
          destinations:
          - weight: 1
            destination:
              kube:
                ref:
                  name: payments
                  namespace: shop
                port: 9000
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [{ messageId: 'kube', line: 10, column: 7, message: "route to Upstream 'payments'" }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: UpstreamGroup
        metadata:
          name: payments
          namespace: gloo-system
        spec:
          destinations:
          - weight: 1
            destination:
              upstream:
                name: payments
                namespace: gloo-system
      `
    },
    {
      name: 'TCP hosts of a Gateway and of a hybrid Gateway',
      path: 'gateway.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: Gateway
        metadata:
          name: tcp
          namespace: gloo-system
        spec:
          bindAddress: '::'
          bindPort: 9000
          tcpGateway:
            tcpHosts:
            - name: payments
              destination:
                single:
                  kube: {ref: {name: payments, namespace: shop}, port: 9000}
        ---
        apiVersion: gateway.solo.io/v1
        kind: Gateway
        metadata:
          name: hybrid
          namespace: gloo-system
        spec:
          bindPort: 9443
          hybridGateway:
            matchedGateways:
            - matcher:
                sourcePrefixRanges:
                - addressPrefix: 10.0.0.0
                  prefixLen: 8
              tcpGateway:
                tcpHosts:
                - name: ledger
                  destination:
                    single:
                      kube: {ref: {name: ledger, namespace: shop}, port: 7000}
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [
        { messageId: 'kube', line: 14, column: 11 },
        { messageId: 'kubeNoUpstream', line: 34, column: 15, message: "'shop/ledger:7000'" }
      ],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: Gateway
        metadata:
          name: tcp
          namespace: gloo-system
        spec:
          bindAddress: '::'
          bindPort: 9000
          tcpGateway:
            tcpHosts:
            - name: payments
              destination:
                single:
                  upstream: {name: payments, namespace: gloo-system}
        ---
        apiVersion: gateway.solo.io/v1
        kind: Gateway
        metadata:
          name: hybrid
          namespace: gloo-system
        spec:
          bindPort: 9443
          hybridGateway:
            matchedGateways:
            - matcher:
                sourcePrefixRanges:
                - addressPrefix: 10.0.0.0
                  prefixLen: 8
              tcpGateway:
                tcpHosts:
                - name: ledger
                  destination:
                    single:
                      kube: {ref: {name: ledger, namespace: shop}, port: 7000}
      `
    },
    {
      name: 'kube-svc: in-memory upstreams, with and without a matching Upstream',
      path: 'vs.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: shop
        spec:
          virtualHost:
            domains: ['*']
            routes:
            - matchers: [{prefix: /api}]
              routeAction:
                single:
                  upstream:
                    name: kube-svc:shop-petstore-8080
                    namespace: gloo-system
            - matchers: [{prefix: /orders}]
              routeAction:
                single:
                  upstream: {name: 'kube-svc:shop-orders-8080'}
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [
        { messageId: 'kubeSvc', line: 14, column: 19, message: "In-memory upstream 'kube-svc:shop-petstore-8080' exists only while" },
        { messageId: 'kubeSvcNoUpstream', line: 19, column: 28 }
      ],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: shop
        spec:
          virtualHost:
            domains: ['*']
            routes:
            - matchers: [{prefix: /api}]
              routeAction:
                single:
                  upstream:
                    name: shop-petstore
                    namespace: gloo-system
            - matchers: [{prefix: /orders}]
              routeAction:
                single:
                  upstream: {name: 'kube-svc:shop-orders-8080'}
      `
    },
    {
      name: 'kube-svc: the namespace is added when the reference has none',
      path: 'rt.yaml',
      code: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: payments
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /pay}]
            routeAction:
              single:
                upstream: {name: kube-svc:shop-payments-9000}
      `,
      context: [disabledSettings, petstoreUpstream],
      errors: [{ messageId: 'kubeSvc', line: 11, column: 26 }],
      output: yaml`
        apiVersion: gateway.solo.io/v1
        kind: RouteTable
        metadata:
          name: payments
          namespace: shop
        spec:
          routes:
          - matchers: [{prefix: /pay}]
            routeAction:
              single:
                upstream: {name: payments, namespace: gloo-system}
      `
    }
  ]
})
