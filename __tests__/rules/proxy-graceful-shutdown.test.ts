import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import rule from '../../src/rules/proxy-graceful-shutdown.js'
import { renderProxyDeployment } from '../../__fixtures__/proxy-deployment.js'
import { ruleTester, runLint, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const proxyDeployment = (podSpec: string, container: string): string =>
  renderProxyDeployment({ flowLabels: true, replicas: 2, podSpec, container })

const preStop = (sleep: number): string => `
          lifecycle:
            preStop:
              exec:
                command:
                - /bin/sh
                - -c
                - wget --post-data "" -O /dev/null 127.0.0.1:19000/healthcheck/fail; sleep ${sleep}`

/** Invalid cases; `suggested` is the file after applying every finding's first suggestion. */
const cases: { valid: ValidCase[]; invalid: (InvalidCase & { suggested?: string })[] } = {
  valid: [
    {
      name: "values: Solo's zero-downtime settings",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              terminationGracePeriodSeconds: 7
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 5
      `
    },
    {
      name: "values: the chart's 25 s sleep fits Kubernetes' default 30 s grace period",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown: {enabled: true}
      `
    },
    {
      name: 'enterprise values on chart 1.14: the custom proxy inherits graceful shutdown',
      glooVersion: '1.14.2',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                gracefulShutdown: {enabled: true, sleepTimeSeconds: 10}
                terminationGracePeriodSeconds: 15
            publicGw:
              service:
                type: LoadBalancer
      `
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
      `
    },
    {
      name: 'rendered: preStop sleep shorter than the grace period',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment('\n        terminationGracePeriodSeconds: 7', preStop(5))
    },
    {
      name: "rendered: a 25 s sleep within Kubernetes' default 30 s",
      path: 'gateway-proxy.yaml',
      code: proxyDeployment('', preStop(25))
    },
    {
      name: 'boundary: chart 1.4.7 has no gracefulShutdown key: no finding',
      glooVersion: '1.4.7',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'boundary: 1.5.0-beta13 has no gracefulShutdown key',
      glooVersion: '1.5.0-beta13',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'rendered: a 1.4.7 image has no knob for a preStop hook',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.4.7
      `
    }
  ],
  invalid: [
    {
      name: 'values: nothing set in a block podTemplate',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 5, severity: 'notice', message: 'gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown.enabled is not set (chart default false; assuming chart ≥ 1.4.8/1.5.0-beta14; the chart version is unknown)' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 5
              terminationGracePeriodSeconds: 7
      `
    },
    {
      name: 'values: no podTemplate at all',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 3 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
            podTemplate:
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 5
              terminationGracePeriodSeconds: 7
      `
    },
    {
      name: "values: disabled with the user's sleep and grace period, both kept (flow map)",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown: {enabled: false, sleepTimeSeconds: 25}
              terminationGracePeriodSeconds: 30
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 35, message: 'enabled is false (assuming chart ≥ 1.4.8/1.5.0-beta14; the chart version is unknown):' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown: {enabled: true, sleepTimeSeconds: 25}
              terminationGracePeriodSeconds: 30
      `
    },
    {
      name: "values: a 40 s sleep outlasts Kubernetes' default grace period, which is raised, never the sleep lowered",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown:
                sleepTimeSeconds: 40
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 7 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown:
                sleepTimeSeconds: 40
                enabled: true
              terminationGracePeriodSeconds: 42
      `
    },
    {
      name: 'values: a longer grace period the user chose is kept',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              terminationGracePeriodSeconds: 60
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 5 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              terminationGracePeriodSeconds: 60
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 5
      `
    },
    {
      name: 'enterprise values: gracefulShutdown directly under the proxy is ignored by the chart (no fix: values-unknown-key moves it)',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 25
              terminationGracePeriodSeconds: 30
      `,
      errors: [{ messageId: 'misplaced', line: 5, column: 7, message: 'gloo.gatewayProxies.gatewayProxy.gracefulShutdown is not read by the chart' }],
      output: null
    },
    {
      name: 'values: grace period not longer than the sleep is raised',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 25
              terminationGracePeriodSeconds: 20
      `,
      errors: [
        {
          messageId: 'tooShort',
          line: 7,
          column: 38,
          severity: 'notice',
          message:
            'gatewayProxies.gatewayProxy.podTemplate.terminationGracePeriodSeconds is 20, not more than the preStop sleep (gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown.sleepTimeSeconds is 25)'
        }
      ],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              gracefulShutdown:
                enabled: true
                sleepTimeSeconds: 25
              terminationGracePeriodSeconds: 27
      `
    },
    {
      name: "Flux HelmRelease: a 30 s sleep equals Kubernetes' default grace period",
      path: 'release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.4
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  gracefulShutdown: {enabled: true, sleepTimeSeconds: 30}
      `,
      errors: [{ messageId: 'tooShort', line: 13, column: 9, message: 'terminationGracePeriodSeconds is not set (Kubernetes default 30)' }],
      suggested: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.17.4
          values:
            gatewayProxies:
              gatewayProxy:
                podTemplate:
                  gracefulShutdown: {enabled: true, sleepTimeSeconds: 30}
                  terminationGracePeriodSeconds: 32
      `
    },
    {
      name: 'rendered: no preStop hook on the Envoy container',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment('', ''),
      errors: [{ messageId: 'renderedNoPreStop', line: 11, column: 15, severity: 'notice' }],
      output: null
    },
    {
      name: 'rendered: grace period shorter than the preStop sleep',
      path: 'gateway-proxy.yaml',
      code: proxyDeployment('\n        terminationGracePeriodSeconds: 10', preStop(25)),
      errors: [{ messageId: 'renderedTooShort', line: 10, column: 38, message: 'is 10, not more than its preStop sleep of 25 s' }],
      output: proxyDeployment('\n        terminationGracePeriodSeconds: 27', preStop(25))
    },
    {
      name: 'boundary: from 1.4.8 gracefulShutdown is read and off by default',
      glooVersion: '1.4.8',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'disabled', line: 3, column: 5, severity: 'notice', message: 'health-check filter' }
      ]
    },
    {
      name: 'boundary: from 1.5.0-beta14 gracefulShutdown is read',
      glooVersion: '1.5.0-beta14',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'disabled', line: 3, column: 5, severity: 'notice' }
      ]
    },
    {
      name: 'a grace period not above the default sleep of 25, with a health-check filter (not mentioned)',
      glooVersion: '1.17.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            gatewaySettings:
              customHttpGateway:
                options:
                  healthCheck:
                    path: /envoy-hc
            podTemplate:
              gracefulShutdown:
                enabled: true
              terminationGracePeriodSeconds: 20
      `,
      errors: [
        { messageId: 'tooShort', line: 11, column: 38, severity: 'notice', message: 'is 20, not more than the preStop sleep' }
      ]
    },
    {
      name: 'rendered: a 1.4.8 image without preStop hook',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.4.8
      `,
      errors: [
        { messageId: 'renderedNoPreStop', line: 11, column: 15, severity: 'notice' }
      ]
    }
  ]
}

ruleTester(rule, { valid: cases.valid, invalid: cases.invalid.map(({ suggested: _, ...c }) => ({ ...c, output: null })) })

describe('proxy-graceful-shutdown suggestions as written', () => {
  for (const c of cases.invalid.filter((k) => k.suggested !== undefined))
    it(c.name ?? 'case', () => {
      const findings = runLint(rule, c)
      expect(findings.every((f) => !f.fix)).toBe(true)
      const edits = findings.flatMap((f) => f.suggestions?.[0]?.edits ?? [])
      expect(applyEdits(c.code, edits).output).toBe(c.suggested)
    })
})
