/** The engine: built-in findings, suppressions, config, fingerprints. */
import { describe, expect, it } from 'vitest'
import { defaultConfig, parseConfig } from '../../src/engine/config.js'
import { fingerprint, lint, lintText } from '../../src/engine/lint.js'
import { ruleIds } from '../../src/rules/index.js'
import { defineRule, formatMessage } from '../../src/rules/types.js'
import { yaml } from '../../__fixtures__/yaml.js'

const brief = (fs: ReturnType<typeof lintText>) => fs.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.severity} ${f.ruleId}/${f.messageId}`)

const values = yaml`
  gateway:
    validation:
      alwaysAcceptResources: true
    proxyServiceAccount:
      disableAutomount: true
`

describe('lint', () => {
  it('reports a syntax error at js-yaml line and column and still checks the other files', () => {
    const r = lint([
      { path: 'a.yaml', text: 'gloo:\n  deployment: [1,\nb: 2\n' },
      { path: 'b.yaml', text: values }
    ])
    const a = r.findings.filter((f) => f.path === 'a.yaml')
    expect(brief(a)).toEqual(['3:1 error yaml-syntax/invalid'])
    expect(a[0].message).toMatch(/^Invalid YAML: /)
    expect(brief(r.findings.filter((f) => f.path === 'b.yaml'))).toContain('3:28 warning validation-always-accept/values')
  })

  it('skips a Helm template with one notice naming the file', () => {
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n{{ include "labels" . | indent 4 }}\n'
    const fs = lintText('gloo/templates/sa.yaml', text)
    expect(brief(fs)).toEqual(['1:1 notice input-unresolved/template'])
    expect(fs[0].message).toBe('gloo/templates/sa.yaml is a Helm template (Go template directives), not YAML: it was not checked; check the rendered output (helm template) instead.')
    // A template that names no Gloo anywhere is not a Gloo input: nothing to say.
    expect(lintText('templates/sa.yaml', text)).toEqual([])
  })

  it('reports duplicate keys on the second occurrence', () => {
    const fs = lintText('v.yaml', 'global:\n  a: 1\nglobal:\n  b: 2\n', { rules: [] })
    expect(fs).toEqual([])
    const all = lintText('gloo/v.yaml', 'global:\n  a: 1\nglobal:\n  b: 2\n')
    expect(brief(all.filter((f) => f.ruleId === 'yaml-duplicate-key'))).toEqual(['3:1 warning yaml-duplicate-key/duplicate'])
    // Not a Gloo input (catalog section 1: no finding of any rule): cert-manager values with a repeated key.
    expect(lintText('certmgr/values.yaml', 'installCRDs: true\ninstallCRDs: false\n')).toEqual([])
    expect(all.find((f) => f.ruleId === 'yaml-duplicate-key')!.message).toContain('first on line 1')
  })

  it('names the first line of each repeated key, in a map that repeats many, one of them twice', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `  k${i}: 1`)
    const text = ['global:', ...keys, ...keys.slice(250), '  k299: 2', ''].join('\n')
    const dups = lintText('gloo/v.yaml', text).filter((f) => f.ruleId === 'yaml-duplicate-key')
    const at = (f: (typeof dups)[number]): [number, string] => [f.span.start.line, /first on line (\d+)/.exec(f.message)![1]]
    expect([dups.length, at(dups[0]), ...dups.slice(-2).map(at)]).toEqual([51, [302, '252'], [351, '301'], [352, '301']])
  })

  it('honours a suppression comment on the line and the line above, and reports stale ones', () => {
    const text = yaml`
      gateway:
        validation:
          # gloo-harden-ignore validation-always-accept: legacy tenants need it until Q3
          alwaysAcceptResources: true
        proxyServiceAccount:
          disableAutomount: true # gloo-harden-ignore proxy-token-automount: nothing to suppress here
    `
    const fs = lintText('v.yaml', text).filter((f) => f.ruleId !== 'validation-allow-warnings')
    expect(fs.find((f) => f.ruleId === 'validation-always-accept')).toBeUndefined()
    const stale = fs.filter((f) => f.ruleId === 'suppression-unused')
    expect(brief(stale)).toEqual(['6:49 notice suppression-unused/unused'])
  })

  it('reports an unknown rule id in a suppression', () => {
    const fs = lintText('v.yaml', '# gloo-harden-ignore no-such-rule: typo\ngateway: {}\n')
    expect(brief(fs.filter((f) => f.ruleId === 'suppression-unused'))).toEqual(['1:22 notice suppression-unused/unknownRule'])
  })

  it('honours the ignore annotation on an object', () => {
    const sa = yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: gateway-proxy
        annotations:
          gloo-harden.io/ignore: "proxy-token-automount, validation-always-accept"
    `
    const fs = lintText('sa.yaml', sa)
    expect(fs.find((f) => f.ruleId === 'proxy-token-automount')).toBeUndefined()
    expect(brief(fs.filter((f) => f.ruleId === 'suppression-unused'))).toEqual(['6:28 notice suppression-unused/unused'])
    expect(fs.find((f) => f.ruleId === 'suppression-unused')!.message).toContain("'validation-always-accept'")
  })

  it('applies config: rule off, severity changed', () => {
    const config = parseConfig('rules:\n  validation-always-accept: error\n  proxy-token-automount: off\n', '.github/gloo-harden.yml', ruleIds)
    const fs = lintText('v.yaml', 'gateway:\n  validation:\n    alwaysAcceptResources: true\n', { config })
    expect(fs.find((f) => f.ruleId === 'proxy-token-automount')).toBeUndefined()
    expect(fs.find((f) => f.ruleId === 'validation-always-accept')!.severity).toBe('error')
  })

  it('turns a crashing rule into an internal-error finding and keeps going', async () => {
    const boom = defineRule({
      meta: { id: 'boom', category: 'hygiene', severity: 'error', kinds: ['values'], fixable: false, description: 'Always crashes.', remediation: 'None.', messages: { x: 'x' } },
      *checkValues() {
        throw new Error('kaboom')
      }
    })
    const internal = (await import('../../src/rules/internal-error.js')).default
    const fs = lintText('v.yaml', values, { rules: [boom, internal] })
    expect(brief(fs)).toEqual(['1:1 warning internal-error/crashed'])
    expect(fs[0].message).toBe("Rule 'boom' failed on this file: kaboom.")
  })

  it('keeps fingerprints stable when lines shift', () => {
    const a = lintText('v.yaml', values, { config: defaultConfig() })
    const b = lintText('v.yaml', '# a new comment\n\n' + values)
    expect(b.map((f) => f.fingerprint)).toEqual(a.map((f) => f.fingerprint))
    expect(b[0].span.start.line).toBe(a[0].span.start.line + 2)
  })

  it('numbers the fingerprints of repeated resources in a file, and leaves them empty when the run wants none', () => {
    const sa = yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: gateway-proxy
        namespace: gloo-system
      automountServiceAccountToken: true
    `
    const text = `${sa}---\n${sa}`
    const fs = lintText('sa.yaml', text).filter((f) => f.ruleId === 'proxy-token-automount')
    expect(brief(fs)).toEqual(['6:31 error proxy-token-automount/serviceAccount', '13:31 error proxy-token-automount/serviceAccount'])
    const first = fingerprint(['proxy-token-automount', 'sa.yaml', 'ServiceAccount/gloo-system/gateway-proxy', 'automountServiceAccountToken', '', ''])
    expect(fs.map((f) => f.fingerprint)).toEqual([first, fingerprint([first, '1'])])
    const none = lintText('sa.yaml', text, { fingerprints: false })
    expect(none.map((f) => f.fingerprint)).toEqual(none.map(() => ''))
    expect(none.map((f) => f.message)).toEqual(lintText('sa.yaml', text).map((f) => f.message))
  })
})

describe('lint: notices about what could not be checked', () => {
  it('says once that a HelmRelease valuesFrom cannot be resolved', () => {
    const hr = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: gloo
        namespace: gloo-system
      spec:
        chart:
          spec:
            chart: gloo
            version: 1.18.2
        valuesFrom:
        - kind: ConfigMap
          name: gloo-values
        values:
          gateway:
            proxyServiceAccount:
              disableAutomount: true
    `
    const fs = lintText('hr.yaml', hr).filter((f) => f.ruleId === 'input-unresolved')
    expect(brief(fs)).toEqual(['15:5 notice input-unresolved/layers'])
    expect(fs[0].message).toBe(
      'Install HelmRelease gloo-system/gloo has values layers that cannot be read from the repository: ConfigMap gloo-values in gloo-system (not among the checked files); keys they set are not seen.'
    )
  })

  it('asks for a reason on a suppression that gives none', () => {
    const text = 'gateway:\n  validation:\n    alwaysAcceptResources: true # gloo-harden-ignore validation-always-accept\n'
    const fs = lintText('v.yaml', text)
    expect(fs.find((f) => f.ruleId === 'validation-always-accept')).toBeUndefined()
    expect(brief(fs.filter((f) => f.ruleId === 'suppression-unused'))).toEqual(['3:54 notice suppression-unused/noReason'])
  })
})

describe('formatMessage', () => {
  it('fills each placeholder, leaves a missing one as written, and takes values literally', () => {
    const template = "{{key}} is {{ value }}, not {{expected}}; {{key}} again{{missing}}."
    expect(formatMessage(template, { key: 'gateway.enabled', value: 0, expected: '$& {{x}}' })).toBe('gateway.enabled is 0, not $& {{x}}; gateway.enabled again{{missing}}.')
    // The same template again (split once, kept): other values.
    expect(formatMessage(template, { key: 'k', value: 'v', expected: 'e', missing: 'm' })).toBe('k is v, not e; k againm.')
    expect(formatMessage('no placeholders', { key: 'x' })).toBe('no placeholders')
    expect(formatMessage('{{only}}')).toBe('{{only}}')
  })
})
