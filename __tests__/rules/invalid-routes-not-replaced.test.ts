import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/invalid-routes-not-replaced.js'
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
      name: '1.5.0: invalidConfigPolicy alone renders',
      glooVersion: '1.5.0',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `
    },
    {
      name: '1.5.1: both keys',
      glooVersion: '1.5.1',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `
    },
    {
      name: '1.7.0-beta20: both keys',
      glooVersion: '1.7.0-beta20',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `
    },
    {
      name: '1.7.0-beta21: invalidConfigPolicy alone',
      glooVersion: '1.7.0-beta21',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `
    },
    {
      name: 'settings.create false and no member Settings: no finding',
      code: yaml`
        settings:
          create: false
      `
    },
    {
      name: 'enterprise settings.create false: the member Settings is checked on its own',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            create: false
      `
    },
    {
      name: 'values: replaceInvalidRoutes true with a custom response',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
            invalidRouteResponseCode: 503
            invalidRouteResponseBody: Gloo has invalid configuration for this route.
      `
    },
    {
      name: 'values: settings.create false with the Settings in the same change (checked there)',
      code: yaml`
        settings:
          create: false
          writeNamespace: gloo-system
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
              gloo:
                invalidConfigPolicy:
                  replaceInvalidRoutes: true
          `
        }
      ]
    },
    {
      name: 'Settings: replaceInvalidRoutes true',
      path: 'settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          name: default
          namespace: gloo-system
        spec:
          gloo:
            xdsBindAddr: 0.0.0.0:9977
            invalidConfigPolicy:
              replaceInvalidRoutes: true
              invalidRouteResponseCode: 404
      `
    }
  ],
  invalid: [
    {
      name: '1.5.0: the legacy key alone is ignored',
      glooVersion: '1.5.0',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'legacyIgnored', line: 1, column: 1, message: 'chart 1.5.0 ignores settings.replaceInvalidRoutes' }],
      output: null
    },
    {
      name: '1.5.1: invalidConfigPolicy alone is not rendered',
      glooVersion: '1.5.1',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'legacyNeeded', line: 1, column: 1, message: 'chart 1.5.1 renders invalidConfigPolicy only when settings.replaceInvalidRoutes is true too' }],
      output: null
    },
    {
      name: '1.7.0-beta20: invalidConfigPolicy alone is not rendered',
      glooVersion: '1.7.0-beta20',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'legacyNeeded', line: 1, column: 1, message: 'chart 1.7.0-beta20' }],
      output: null
    },
    {
      name: '1.5.1: the legacy key alone gates an empty policy',
      glooVersion: '1.5.1',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, message: 'settings.invalidConfigPolicy.replaceInvalidRoutes is not true' }],
      output: null
    },
    {
      name: '1.7.0-beta21: the legacy key alone is overridden by the later duplicate',
      glooVersion: '1.7.0-beta21',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'legacyOverridden', line: 1, column: 1, message: 'on chart 1.7.0-beta21 the rendered Settings repeats' }],
      output: null
    },
    {
      name: 'unknown version: the legacy key alone is overridden, assuming the newest chart',
      code: yaml`
        settings:
          replaceInvalidRoutes: true
      `,
      errors: [{ messageId: 'legacyOverridden', line: 1, column: 1, message: 'assuming chart ≥ 1.7.0-beta21' }],
      output: null
    },
    {
      name: 'values: absent, inserted under settings',
      code: yaml`
        settings:
          writeNamespace: gloo-system
          disableKubernetesDestinations: true
        gateway:
          validation:
            alwaysAcceptResources: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'notice', message: 'settings.invalidConfigPolicy.replaceInvalidRoutes is not true' }],
      output: null
    },
    {
      name: 'values: explicit false next to a custom response',
      code: yaml`
        settings:
          invalidConfigPolicy:
            replaceInvalidRoutes: false
            invalidRouteResponseCode: 404
      `,
      errors: [{ messageId: 'values', line: 3, column: 27 }],
      output: null
    },
    {
      name: 'values: only the legacy alias, written false: the finding is about invalidConfigPolicy',
      code: yaml`
        settings:
          replaceInvalidRoutes: false
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, message: 'settings.invalidConfigPolicy.replaceInvalidRoutes is not true' }],
      output: null
    },
    {
      name: 'enterprise values: empty flow map under gloo.settings',
      code: yaml`
        license_key: abc
        gloo:
          settings: {}
      `,
      errors: [{ messageId: 'values', line: 3, column: 3, message: 'gloo.settings.invalidConfigPolicy.replaceInvalidRoutes' }],
      output: null
    },
    {
      name: 'Settings: exported from a cluster, policy inserted under spec.gloo',
      path: 'default-settings.yaml',
      code: yaml`
        apiVersion: gloo.solo.io/v1
        kind: Settings
        metadata:
          labels:
            app: gloo
          name: default
          namespace: gloo-system
        spec:
          discoveryNamespace: gloo-system
          gloo:
            disableKubernetesDestinations: false
            disableProxyGarbageCollection: false
            enableRestEds: false
            xdsBindAddr: 0.0.0.0:9977
          refreshRate: 60s
      `,
      errors: [{ messageId: 'settings', line: 10, column: 3, message: "Settings 'default'" }],
      output: null
    },
    {
      name: 'Settings inside a List: explicit false',
      path: 'list.yaml',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: gloo.solo.io/v1
          kind: Settings
          metadata:
            name: default
            namespace: gloo-system
          spec:
            gloo:
              invalidConfigPolicy: {replaceInvalidRoutes: false, invalidRouteResponseCode: 404}
      `,
      errors: [{ messageId: 'settings', line: 11, column: 51 }],
      output: null
    }
  ]
})

describe('invalid-routes-not-replaced suggestions', () => {
  it('suggests invalidConfigPolicy.replaceInvalidRoutes: true, never as a --fix', () => {
    const code = yaml`
      settings:
        invalidConfigPolicy:
          replaceInvalidRoutes: false
    `
    expectSuggestion({ code }, { messageId: 'replace', data: { key: 'settings.invalidConfigPolicy.replaceInvalidRoutes' }, after: code.replace('false', 'true') })
  })
})
