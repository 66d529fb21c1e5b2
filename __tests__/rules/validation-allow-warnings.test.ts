import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/validation-allow-warnings.js'
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
      name: 'values: settings.create false and no member Settings: no Settings-based finding',
      code: yaml`
        settings:
          create: false
        gateway:
          validation:
            allowWarnings: true
      `
    },
    {
      name: 'values: webhook.enabled false on 1.4.0-beta11 (validation-disabled only)',
      glooVersion: '1.4.0-beta11',
      code: yaml`
        gateway:
          validation:
            webhook: {enabled: false}
      `
    },
    {
      name: 'values: allowWarnings false',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
            allowWarnings: false
      `
    },
    {
      name: 'values: validation disabled (validation-disabled reports it)',
      code: yaml`
        gateway:
          validation:
            enabled: false
      `
    },
    {
      name: 'values: gateway controller disabled',
      code: yaml`
        gateway:
          enabled: false
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: settings.create false with the Settings in the same change (checked there)',
      code: yaml`
        settings:
          create: false
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      context: [
        {
          path: 'settings.yaml',
          text: yaml`
            apiVersion: gloo.solo.io/v1
            kind: Settings
            metadata:
              name: default
              namespace: gloo-system
            spec:
              discoveryNamespace: gloo-system
          `
        }
      ]
    },
    {
      name: 'Settings: allowWarnings false',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            readGatewaysFromAllNamespaces: false
            validation:
              allowWarnings: false
              alwaysAccept: false
              proxyValidationServerAddr: gloo:9988
      `
    },
    {
      name: 'Settings: no spec.gateway.validation (validation off, nothing to tighten)',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discovery:
            fdsMode: WHITELIST
          discoveryNamespace: gloo-system
          kubernetesArtifactSource: {}
          refreshRate: 60s
      `
    },
    {
      name: 'not a Gloo Settings',
      path: 'other.yaml',
      code: yaml`
        apiVersion: example.com/v1
        kind: Settings
        metadata:
          name: default
        spec:
          gateway:
            validation:
              allowWarnings: true
      `
    }
  ],
  invalid: [
    {
      name: 'values: key absent on 1.3.29',
      glooVersion: '1.3.29',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'chart 1.3.29 predates the default of 1.3.30/1.4.0-beta15' }],
      output: null
    },
    {
      name: 'values: key absent on 1.3.30',
      glooVersion: '1.3.30',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'is not set (the default of chart 1.3.30 is true):' }],
      output: null
    },
    {
      name: 'values: key absent on 1.4.0-beta14',
      glooVersion: '1.4.0-beta14',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'chart 1.4.0-beta14 predates' }],
      output: null
    },
    {
      name: 'values: key absent on 1.4.0-beta15',
      glooVersion: '1.4.0-beta15',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'is not set (the default of chart 1.4.0-beta15 is true):' }],
      output: null
    },
    {
      name: 'values: key absent, inserted under gateway.validation',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, severity: 'notice', message: 'gateway.validation.allowWarnings is not set (the chart default is true; assuming chart ≥ 1.3.30/1.4.0-beta15; the chart version is unknown)' }],
      output: null
    },
    {
      name: 'enterprise values: flow map under gloo.gateway',
      code: yaml`
        license_key: abc
        gloo:
          gateway: {validation: {alwaysAcceptResources: false}}
      `,
      errors: [{ messageId: 'values', line: 3, column: 13, message: 'gloo.gateway.validation.allowWarnings' }],
      output: null
    },
    {
      name: 'Flux HelmRelease without spec.values: the values block is created',
      path: 'gloo-helmrelease.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.16
          interval: 5m
      `,
      errors: [{ messageId: 'values', line: 5, column: 1 }],
      output: null
    },
    {
      name: 'Settings: allowWarnings true is flipped (cluster export with managedFields)',
      path: 'default-settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          generation: 4
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gateway:
            readGatewaysFromAllNamespaces: false
            validation:
              allowWarnings: true
              alwaysAccept: true
              proxyValidationServerAddr: gloo:9988
          gloo:
            xdsBindAddr: 0.0.0.0:9977
          refreshRate: 60s
      `,
      errors: [{ messageId: 'settings', line: 14, column: 22, severity: 'notice', message: "Settings 'default'" }],
      output: null
    },
    {
      name: 'Settings: validation block without allowWarnings gets it inserted',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            validation:
              alwaysAccept: false
              proxyValidationServerAddr: gloo:9988
      `,
      errors: [{ messageId: 'settings', line: 8, column: 5 }],
      output: null
    }
  ]
})

describe('validation-allow-warnings suggestions', () => {
  it('offers allowWarnings: false, never as a --fix', () => {
    const code = yaml`
      gateway:
        validation:
          allowWarnings: true
    `
    expectSuggestion({ code }, { messageId: 'reject', data: { key: 'gateway.validation.allowWarnings' }, after: code.replace('true', 'false') })
  })
})
