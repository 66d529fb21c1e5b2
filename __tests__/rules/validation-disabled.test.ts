import rule from '../../src/rules/validation-disabled.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
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
      name: 'values: validation.enabled false is flipped in place',
      code: yaml`
        gateway:
          validation:
            enabled: false # disabled while debugging
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'validation', line: 3, column: 14, severity: 'warning', message: 'gateway.validation.enabled is false' }],
      output: yaml`
        gateway:
          validation:
            enabled: true # disabled while debugging
            alwaysAcceptResources: false
      `
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
      output: yaml`
        license_key: abc
        gloo:
          gateway:
            validation:
              enabled: true
              webhook:
                enabled: true
                disableHelmHook: true
      `
    },
    {
      name: 'values: flow map',
      code: yaml`
        gateway: {validation: {webhook: {enabled: no}}}
      `,
      errors: [{ messageId: 'webhook', line: 1, column: 43 }],
      output: yaml`
        gateway: {validation: {webhook: {enabled: true}}}
      `
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
      output: yaml`
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
                enabled: true
      `
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
      output: yaml`
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
                      enabled: true
          destination:
            server: https://kubernetes.default.svc
            namespace: gloo-system
      `
    }
  ]
})
