import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/validation-always-accept.js'
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
      name: 'values: gateway.enabled false (no webhook, no proxies)',
      code: yaml`
        gateway:
          enabled: false
      `
    },
    {
      name: 'values: validation.enabled false (validation-disabled only)',
      code: yaml`
        gateway:
          validation:
            enabled: false
      `
    },
    {
      name: 'values: webhook.enabled false on 1.3.27 (validation-disabled only)',
      glooVersion: '1.3.27',
      code: yaml`
        gateway:
          validation:
            webhook: {enabled: false}
      `
    },
    {
      name: 'values: settings.create false without a member Settings: nothing to read, no finding',
      code: yaml`
        settings:
          create: false
      `
    },
    {
      name: 'values: settings.create false, the member Settings is read (and checked on its own)',
      code: yaml`
        settings:
          create: false
        gateway:
          validation:
            alwaysAcceptResources: true
      `,
      context: [{ path: 'settings.yaml', text: yaml`
            apiVersion: gloo.solo.io/v1
            kind: Settings
            metadata:
              name: default
              namespace: gloo-system
            spec:
              gateway:
                validation:
                  alwaysAccept: false
          ` }]
    },
    {
      name: 'values: explicitly false',
      code: yaml`
        gateway:
          validation:
            alwaysAcceptResources: false
      `
    },
    {
      name: 'Settings CR: alwaysAccept false',
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
      `
    },
    {
      name: 'not Gloo values at all',
      undeclared: true,
      code: yaml`
        replicaCount: 2
        image:
          repository: nginx
      `
    }
  ],
  invalid: [
    {
      name: 'values: webhook.enabled false on 1.3.26 is not read, so the webhook renders and accepts',
      glooVersion: '1.3.26',
      code: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
      `,
      errors: [{ messageId: 'values', line: 2, column: 3, message: 'gateway.validation.alwaysAcceptResources is not set (the chart default is true)' }],
      output: yaml`
        gateway:
          validation:
            webhook:
              enabled: false
            alwaysAcceptResources: false
      `
    },
    {
      name: 'Settings CR: a written alwaysAccept true is a suggestion only',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
        spec:
          gateway:
            validation:
              alwaysAccept: true
      `,
      errors: [{ messageId: 'settings', line: 8, column: 21 }],
      output: null
    },
    {
      name: 'values: the chart default (true) applies when the key is absent',
      code: yaml`
        settings:
          writeNamespace: gloo-system
        gateway:
          validation:
            allowWarnings: false
      `,
      errors: [{ messageId: 'values', line: 4, column: 3, severity: 'warning' }],
      output: yaml`
        settings:
          writeNamespace: gloo-system
        gateway:
          validation:
            allowWarnings: false
            alwaysAcceptResources: false
      `
    },
    {
      name: 'enterprise values, explicit true in a flow map: suggestion only',
      code: yaml`
        license_key: abc
        gloo:
          gateway:
            validation: {alwaysAcceptResources: true, allowWarnings: false}
      `,
      errors: [{ messageId: 'values', line: 4, column: 41, message: 'gloo.gateway.validation.alwaysAcceptResources is not false' }],
      // A written true is not reversed by --fix (catalog section 2): a suggestion only.
      output: null
    },
    {
      name: 'Settings CR without a spec.gateway.validation block: creating it configures validation anew, so only a suggestion',
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
          discoveryNamespace: gloo-system
      `,
      errors: [{ messageId: 'settings', line: 7, column: 3 }],
      output: null
    },
    {
      name: 'Settings CR: a validation block without alwaysAccept gets the key inserted',
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
              proxyValidationServerAddr: gloo:9988
      `,
      errors: [{ messageId: 'settings', line: 8, column: 5 }],
      output: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gateway:
            validation:
              proxyValidationServerAddr: gloo:9988
              alwaysAccept: false
      `
    }
  ]
})

describe('validation-always-accept suggestions', () => {
  it('offers false for a written true', () => {
    const code = yaml`
      gateway:
        validation:
          alwaysAcceptResources: true
    `
    expectSuggestion({ code }, { messageId: 'reject', data: { key: 'gateway.validation.alwaysAcceptResources', state: 'not false' }, after: code.replace('true', 'false') })
  })
  it('settings.create false: a member Settings that accepts is reported there, not on the values', () => {
    const settings = yaml`
      apiVersion: gloo.solo.io/v1
      kind: Settings
      metadata:
        name: default
      spec:
        gateway:
          validation:
            alwaysAccept: true
    `
    const findings = runLint(rule, { path: 'settings.yaml', code: settings, context: [{ path: 'values.yaml', text: 'settings:\n  create: false\n' }] })
    expect(findings.map((f) => f.messageId)).toEqual(['settings'])
  })
})
