import rule from '../../src/rules/validation-failure-policy.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: 'values: Fail',
      code: yaml`
        gateway:
          validation:
            failurePolicy: Fail
            alwaysAcceptResources: false
      `
    },
    {
      name: 'values: webhook disabled, no webhook is rendered',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `
    },
    {
      name: 'values: validation disabled',
      code: yaml`
        gateway:
          validation:
            enabled: false
            failurePolicy: Ignore
      `
    },
    {
      name: 'rendered 1.17: gloo webhook Fail, the core-resources webhook keeps Ignore',
      path: 'gloo/vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
          labels:
            app: gloo
            gloo: gateway
        webhooks:
        - name: gloo.gloo-system.svc
          clientConfig:
            service:
              name: gloo
              namespace: gloo-system
              path: "/validation"
          rules:
          - operations: ["CREATE", "UPDATE", "DELETE"]
            apiGroups: ["gateway.solo.io"]
            apiVersions: ["v1"]
            resources: ["virtualservices"]
          sideEffects: None
          matchPolicy: Exact
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Fail
        - name: kube.gloo-system.svc
          clientConfig:
            service:
              name: gloo
              namespace: gloo-system
              path: "/validation"
          rules:
          - operations: ["DELETE"]
            apiGroups: [""]
            apiVersions: ["v1"]
            resources: ["secrets", "namespaces"]
          sideEffects: None
          matchPolicy: Exact
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Ignore
      `
    },
    {
      name: 'rendered v1 without failurePolicy: the API server defaults it to Fail',
      path: 'vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
        webhooks:
        - name: gloo.gloo-system.svc
          sideEffects: None
          admissionReviewVersions: [v1beta1]
          clientConfig:
            service: {name: gloo, namespace: gloo-system, path: /validation}
      `
    },
    {
      name: 'rendered: an unrelated webhook configuration',
      path: 'vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: cert-manager-webhook
        webhooks:
        - name: webhook.cert-manager.io
          failurePolicy: Ignore
          sideEffects: None
          admissionReviewVersions: [v1]
          clientConfig:
            service: {name: cert-manager-webhook, namespace: cert-manager}
      `
    }
  ],
  invalid: [
    {
      name: 'values: key absent, inserted under gateway (the chart default is Ignore)',
      code: yaml`
        gateway:
          readGatewaysFromAllNamespaces: true
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'notice', message: 'gateway.validation.failurePolicy is not set (the chart default is Ignore)' }],
      output: yaml`
        gateway:
          readGatewaysFromAllNamespaces: true
          validation:
            failurePolicy: Fail
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'enterprise values: quoted Ignore is replaced',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              failurePolicy: "Ignore"
              kubeCoreFailurePolicy: Ignore
      `,
      errors: [{ messageId: 'values', line: 5, column: 22, message: 'gloo.gateway.validation.failurePolicy is Ignore' }],
      output: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              failurePolicy: Fail
              kubeCoreFailurePolicy: Ignore
      `
    },
    {
      name: 'Argo CD Application: helm.valuesObject',
      path: 'apps/gloo.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.16
            helm:
              valuesObject:
                gateway:
                  validation:
                    failurePolicy: Ignore
          destination:
            namespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 15, column: 28 }],
      output: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.16
            helm:
              valuesObject:
                gateway:
                  validation:
                    failurePolicy: Fail
          destination:
            namespace: gloo-system
      `
    },
    {
      name: 'rendered 1.17: the gloo webhook is fixed, the kube webhook is left alone',
      path: 'gloo/vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
        webhooks:
        - name: gloo.gloo-system.svc  # must be a domain with at least three segments separated by dots
          clientConfig:
            service:
              name: gloo
              namespace: gloo-system
              path: "/validation"
          sideEffects: None
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Ignore
        - name: kube.gloo-system.svc
          sideEffects: None
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Ignore
      `,
      errors: [{ messageId: 'rendered', line: 15, column: 18, message: "Webhook 'gloo.gloo-system.svc'" }],
      output: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
        webhooks:
        - name: gloo.gloo-system.svc  # must be a domain with at least three segments separated by dots
          clientConfig:
            service:
              name: gloo
              namespace: gloo-system
              path: "/validation"
          sideEffects: None
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Fail
        - name: kube.gloo-system.svc
          sideEffects: None
          admissionReviewVersions:
            - v1beta1
          failurePolicy: Ignore
      `
    },
    {
      name: 'rendered before 1.12: webhook gateway.<ns>.svc',
      path: 'vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo
        webhooks:
        - name: gateway.gloo.svc
          clientConfig:
            service: {name: gateway, namespace: gloo, path: /validation}
          sideEffects: None
          admissionReviewVersions: [v1beta1]
          failurePolicy: Ignore
      `,
      errors: [{ messageId: 'rendered', line: 11, column: 18 }],
      output: yaml`
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo
        webhooks:
        - name: gateway.gloo.svc
          clientConfig:
            service: {name: gateway, namespace: gloo, path: /validation}
          sideEffects: None
          admissionReviewVersions: [v1beta1]
          failurePolicy: Fail
      `
    },
    {
      name: 'rendered v1beta1 without failurePolicy (defaults to Ignore): inserted into the item',
      path: 'vwc.yaml',
      code: yaml`
        apiVersion: admissionregistration.k8s.io/v1beta1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
        webhooks:
        - name: gateway.gloo-system.svc
          clientConfig:
            service:
              name: gateway
              namespace: gloo-system
              path: "/validation"
          rules:
          - operations: [ "CREATE", "UPDATE", "DELETE" ]
            apiGroups: ["gateway.solo.io"]
            apiVersions: ["v1"]
            resources: ["*"]
      `,
      errors: [{ messageId: 'rendered', line: 6, column: 9, message: 'Ignore (the v1beta1 default)' }],
      output: yaml`
        apiVersion: admissionregistration.k8s.io/v1beta1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: gloo-gateway-validation-webhook-gloo-system
        webhooks:
        - name: gateway.gloo-system.svc
          clientConfig:
            service:
              name: gateway
              namespace: gloo-system
              path: "/validation"
          rules:
          - operations: [ "CREATE", "UPDATE", "DELETE" ]
            apiGroups: ["gateway.solo.io"]
            apiVersions: ["v1"]
            resources: ["*"]
          failurePolicy: Fail
      `
    }
  ]
})
