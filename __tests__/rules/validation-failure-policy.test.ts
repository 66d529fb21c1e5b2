import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/validation-failure-policy.js'
import { ruleTester, runLint, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

/** Asserts the one suggestion of the findings of `c`: its message (from the rule's messages) and the text after it. */
function expectSuggestion(c: ValidCase, want: { messageId: keyof typeof rule.meta.messages; data: Record<string, string>; after: string }): void {
  const suggestions = runLint(rule, c).flatMap((f) => f.suggestions ?? [])
  expect(suggestions.map((s) => s.message)).toEqual([formatMessage(rule.meta.messages[want.messageId], want.data)])
  expect(applyEdits(c.code, suggestions[0].edits).output).toBe(want.after)
}

ruleTester(rule, {
  valid: [
    {
      name: 'values: null on 1.9.0-beta19 (v1 webhook, API default Fail)',
      glooVersion: '1.9.0-beta19',
      code: yaml`
        gateway:
          validation:
            failurePolicy: null
      `
    },
    {
      name: 'values: "" on 1.17.3',
      glooVersion: '1.17.3',
      code: yaml`
        gateway:
          validation:
            failurePolicy: ""
      `
    },
    {
      name: 'values: null with an unknown version (newest: v1)',
      code: yaml`
        gateway:
          validation:
            failurePolicy: null
      `
    },
    {
      name: 'values: gateway.enabled false (no webhook)',
      code: yaml`
        gateway:
          enabled: false
          validation:
            failurePolicy: Ignore
      `
    },
    {
      name: 'values: webhook.enabled false on 1.3.27',
      glooVersion: '1.3.27',
      code: yaml`
        gateway:
          validation:
            webhook: {enabled: false}
      `
    },
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
      name: 'values: null on 1.9.0-beta18 renders none: v1beta1 defaults to Ignore',
      glooVersion: '1.9.0-beta18',
      code: yaml`
        gateway:
          validation:
            failurePolicy: null
      `,
      errors: [{ messageId: 'values', line: 3, column: 20, message: 'null, so chart 1.9.0-beta18 renders no failurePolicy' }],
      output: null
    },
    {
      name: 'values: "" on 1.8.13',
      glooVersion: '1.8.13',
      code: yaml`
        gateway:
          validation:
            failurePolicy: ""
      `,
      errors: [{ messageId: 'values', line: 3, column: 20, message: 'empty, so chart 1.8.13 renders no failurePolicy' }],
      output: null
    },
    {
      name: 'values: webhook.enabled false on 1.3.26 is not read: the webhook renders',
      glooVersion: '1.3.26',
      code: yaml`
        gateway:
          validation:
            webhook: {enabled: false}
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'not set (the chart default is Ignore)' }],
      output: null
    },
    {
      name: 'values: Ignore on 1.9.0-beta19',
      glooVersion: '1.9.0-beta19',
      code: yaml`
        gateway:
          validation:
            failurePolicy: Ignore
      `,
      errors: [{ messageId: 'values', line: 3, column: 20, message: 'gateway.validation.failurePolicy is Ignore' }],
      output: null
    },
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
      output: null
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
      output: null
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
      output: null
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
      output: null
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
      output: null
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
      output: null
    }
  ]
})

describe('validation-failure-policy suggestions', () => {
  it('suggests Fail for the gloo policy only, never kubeCoreFailurePolicy', () => {
    const code = yaml`
      gateway:
        validation:
          failurePolicy: Ignore
          kubeCoreFailurePolicy: Ignore
    `
    expectSuggestion({ code }, { messageId: 'failClosed', data: {}, after: code.replace('failurePolicy: Ignore', 'failurePolicy: Fail') })
    expect(runLint(rule, { code }).every((f) => !f.fix && !f.message.includes('kubeCore'))).toBe(true)
  })
})
