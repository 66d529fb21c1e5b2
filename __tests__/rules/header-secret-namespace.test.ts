import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import { formatMessage } from '../../src/rules/types.js'
import rule from '../../src/rules/header-secret-namespace.js'
import { ruleTester, runLint, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { defaultConfig } from '../../src/engine/config.js'
import { fixFiles } from '../../src/engine/fix.js'
import { lint, type LintFile } from '../../src/engine/lint.js'

/** Asserts the one suggestion of the findings of `c`: its message (from the rule's messages) and the text after it. */
function expectSuggestion(c: ValidCase, want: { messageId: keyof typeof rule.meta.messages; data: Record<string, string>; after: string }): void {
  const suggestions = runLint(rule, c).flatMap((f) => f.suggestions ?? [])
  expect(suggestions.map((s) => s.message)).toEqual([formatMessage(rule.meta.messages[want.messageId], want.data)])
  expect(applyEdits(c.code, suggestions[0].edits).output).toBe(want.after)
}

ruleTester(rule, {
  valid: [
    {
      name: 'values: 1.15.0-beta22 lacks the key',
      glooVersion: '1.15.0-beta22',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `
    },
    {
      name: 'rendered: env set',
      path: 'gloo/deploy.yaml',
      glooVersion: '1.17.3',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.17.3
                env:
                - name: HEADER_SECRET_REF_NS_MATCHES_US
                  value: "true"
      `
    },
    {
      name: 'rendered: gloo 1.14.12 lacks the env',
      path: 'gloo/deploy.yaml',
      glooVersion: '',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.14.12
      `
    },
    {
      name: 'values: set to true',
      code: yaml`
        gloo:
          headerSecretRefNsMatchesUs: true
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: chart 1.14.12 has no such key',
      glooVersion: '1.14.12',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: chart 1.13 from the image tag',
      code: yaml`
        gloo:
          deployment:
            image:
              tag: 1.13.30
      `
    }
  ],
  invalid: [
    {
      name: 'values: 1.15.0-beta23, key absent (install not complete: suggestion)',
      glooVersion: '1.15.0-beta23',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, message: 'on chart 1.15.0-beta23' }],
      output: null
    },
    {
      name: 'rendered: gloo 1.17.3 without the env',
      path: 'gloo/deploy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.17.3
      `,
      errors: [{ messageId: 'rendered', line: 10, column: 15, message: 'on chart 1.17.3' }],
      output: null
    },
    {
      name: 'rendered: image without a tag (assumed newest)',
      path: 'gloo/deploy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo
      `,
      errors: [{ messageId: 'rendered', line: 10, column: 15, message: 'assuming chart ≥ 1.14.13/1.15.0-beta23' }],
      output: null
    },
    {
      name: 'values: unknown chart (newest), key absent, inserted under gloo',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
        settings:
          writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 1, column: 1, severity: 'notice', message: 'gloo.headerSecretRefNsMatchesUs is not true on the chart (assuming chart ≥ 1.14.13/1.15.0-beta23; the chart version is unknown)' }],
      output: null
    },
    {
      name: 'values: chart 1.14.13, explicit false',
      glooVersion: '1.14.13',
      code: yaml`
        settings:
          writeNamespace: gloo-system
        gloo:
          headerSecretRefNsMatchesUs: false
      `,
      errors: [{ messageId: 'values', line: 4, column: 31 }],
      output: null
    },
    {
      name: 'enterprise values: gloo.gloo is created under gloo',
      code: yaml`
        license_key: abc
        gloo:
          settings:
            writeNamespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 2, column: 1, message: 'gloo.gloo.headerSecretRefNsMatchesUs' }],
      output: null
    },
    {
      name: 'Argo CD Application 1.17 without values: helm.valuesObject is created',
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
            targetRevision: 1.17.0
            helm:
              releaseName: gloo
          destination:
            namespace: gloo-system
      `,
      errors: [{ messageId: 'values', line: 11, column: 5 }],
      output: null
    }
  ]
})

/** The files of a declared, complete install (config `installs[]`, catalog 1A). */
function completeRun(files: LintFile[], complete = true) {
  const config = { ...defaultConfig(), installs: [{ name: 'prod', chart: 'gloo' as const, version: '1.17.3', values: ['values.yaml'], manifests: ['k8s/**'], complete }] }
  return { files, options: { config, rules: [rule] } }
}

const upstream = (secretNs: string) => yaml`
  apiVersion: gloo.solo.io/v1
  kind: Upstream
  metadata:
    name: api
    namespace: apps
  spec:
    static:
      hosts: [{addr: api.example.com, port: 443}]
    healthChecks:
    - httpHealthCheck:
        requestHeadersToAdd:
        - headerSecretRef: {name: token, namespace: ${secretNs}}
`

describe('header-secret-namespace in a complete install', () => {
  const values = 'gloo:\n  deployment:\n    replicas: 2\n'
  it('is a safe fix when no member Upstream exists', () => {
    const fixCase = { code: values, output: yaml`
      gloo:
        deployment:
          replicas: 2
        headerSecretRefNsMatchesUs: true
    ` }
    const run = completeRun([{ path: 'values.yaml', text: fixCase.code }])
    const findings = lint(run.files, run.options).findings
    expect(findings.map((f) => [f.messageId, !!f.fix])).toEqual([['values', true]])
    expect(fixFiles(run.files, run.options).outputs.get('values.yaml')).toBe(fixCase.output)
  })
  it('is only a suggestion when the install is not declared complete', () => {
    const run = completeRun([{ path: 'values.yaml', text: values }], false)
    const findings = lint(run.files, run.options).findings
    expect(findings.map((f) => [f.messageId, !!f.fix])).toEqual([['values', false]])
    expect(findings[0].suggestions?.map((s) => s.message)).toEqual([
      formatMessage(rule.meta.messages.restrict, { key: 'gloo.headerSecretRefNsMatchesUs' })
    ])
  })
  it('is only a suggestion when a member Upstream it cannot inspect exists, or one reads another namespace', () => {
    for (const ns of ['apps', 'secrets']) {
      const run = completeRun([{ path: 'values.yaml', text: values }, { path: 'k8s/upstream.yaml', text: upstream(ns) }])
      const findings = lint(run.files, run.options).findings.filter((f) => f.path === 'values.yaml')
      expect(findings.map((f) => [f.messageId, !!f.fix, !!f.suggestions?.length])).toEqual([['values', false, true]])
    }
  })
})

describe('header-secret-namespace suggestions', () => {
  it('offers true when the fix is not safe (version unknown, install not complete)', () => {
    const code = 'gloo:\n  headerSecretRefNsMatchesUs: false\n'
    expectSuggestion({ code }, { messageId: 'restrict', data: { key: 'gloo.headerSecretRefNsMatchesUs' }, after: code.replace('false', 'true') })
  })
})
