import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/validation-disabled.js'
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
      name: 'values: webhook.enabled false on 1.3.26 (not read before 1.3.27): the webhook renders anyway',
      glooVersion: '1.3.26',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `
    },
    {
      name: 'values: webhook.enabled false on 1.4.0-beta10 (not read before 1.4.0-beta11)',
      glooVersion: '1.4.0-beta10',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `
    },
    {
      name: 'values: validation and webhook on explicitly',
      code: yaml`
        gateway:
          validation:
            enabled: true
            alwaysAcceptResources: false
            webhook:
              enabled: true
      `
    },
    {
      name: 'values: keys absent (the chart default is on)',
      code: yaml`
        gateway:
          readGatewaysFromAllNamespaces: true
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: gateway controller disabled, validation keys are inert',
      code: yaml`
        gateway:
          enabled: false
          validation:
            enabled: false
        kubeGateway:
          enabled: true
      `
    },
    {
      name: 'enterprise values: webhook on',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              webhook:
                enabled: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: webhook.enabled false on 1.3.27, the first 1.3 chart that reads it',
      glooVersion: '1.3.27',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `,
      errors: [{ messageId: 'webhook', line: 4, column: 16 }],
      output: null
    },
    {
      name: 'values: webhook.enabled false on 1.4.0-beta11',
      glooVersion: '1.4.0-beta11',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `,
      errors: [{ messageId: 'webhook', line: 4, column: 16 }],
      output: null
    },
    {
      name: 'values: validation.enabled false on 1.3.0 (every version)',
      glooVersion: '1.3.0',
      code: yaml`
        gateway:
          validation:
            enabled: false
      `,
      errors: [{ messageId: 'validation', line: 3, column: 14 }],
      output: null
    },
    {
      name: 'values: validation.enabled false is flipped in place',
      code: yaml`
        gateway:
          validation:
            enabled: false # disabled while debugging
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'validation', line: 3, column: 14, severity: 'warning', message: 'gateway.validation.enabled is false' }],
      output: null
    },
    {
      name: 'enterprise values: both switches off, two findings',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              enabled: false
              webhook:
                enabled: false
                disableHelmHook: true
      `,
      errors: [
        { messageId: 'validation', line: 5, column: 16, message: 'gloo.gateway.validation.enabled is false' },
        { messageId: 'webhook', line: 7, column: 18, message: 'gloo.gateway.validation.webhook.enabled is false' }
      ],
      output: null
    },
    {
      name: 'values: flow map',
      code: yaml`
        gateway: {validation: {webhook: {enabled: no}}}
      `,
      errors: [{ messageId: 'webhook', line: 1, column: 43 }],
      output: null
    },
    {
      name: 'Flux HelmRelease: spec.values',
      path: 'gloo-helmrelease.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          interval: 10m
          chart:
            spec:
              chart: gloo
              version: 1.17.16
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            gateway:
              validation:
                enabled: false
      `,
      errors: [{ messageId: 'validation', line: 18, column: 18 }],
      output: null
    },
    {
      name: 'Argo CD Application: values block string',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
          namespace: argocd
        spec:
          project: default
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.16.8
            helm:
              values: |
                gateway:
                  validation:
                    webhook:
                      enabled: false
          destination:
            server: https://kubernetes.default.svc
            namespace: gloo-system
      `,
      errors: [{ messageId: 'webhook', line: 17, column: 24 }],
      output: null
    }
  ]
})

describe('validation-disabled suggestions', () => {
  it('suggests true in place, never as a --fix', () => {
    const code = yaml`
      gateway:
        validation:
          enabled: false
    `
    expectSuggestion({ code }, { messageId: 'enable', data: { key: 'gateway.validation.enabled' }, after: code.replace('false', 'true') })
    expect(runLint(rule, { code }).every((f) => !f.fix)).toBe(true)
  })
})
