import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-workload-kind.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'
import { loadFile } from '../../src/forms/manifests.js'
import { buildProject } from '../../src/gloo/project.js'
import { parseVersion } from '../../src/gloo/version.js'

/** `kind.daemonSet` alone: the chart default `kind.deployment.replicas: 1` still makes a Deployment. */
const onlyDaemonSet = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        daemonSet:
          hostPort: true
`

/** A custom proxy asking for a DaemonSet with `kind.deployment: null` (the default proxy stays a Deployment). */
const customNull = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: 2
    publicGw:
      kind:
        deployment: null
        daemonSet: {}
`

/** Both maps and `kind.workloadType: DaemonSet` (read from 1.22.0-beta11). */
const typed = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        workloadType: DaemonSet
        deployment:
          replicas: 3
        daemonSet:
          hostPort: true
`

/** `kind.deployment.replicas: null` empties the map: falsy up to 1.22.0-beta4, still a map after. */
const nullReplicas = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: null # the HPA sets it
`

ruleTester(rule, {
  valid: [
    { name: 'no kind.daemonSet: a Deployment, as the values say', code: 'gatewayProxies: {gatewayProxy: {kind: {deployment: {replicas: 2}}}}\n' },
    {
      name: 'kind.deployment: null next to kind.daemonSet renders the DaemonSet',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment: null
              daemonSet:
                hostPort: true
      `
    },
    { name: 'gateway.enabled: false renders no proxy', code: 'gateway:\n  enabled: false\n' + onlyDaemonSet },
    {
      name: 'a disabled proxy renders no workload',
      code: 'gatewayProxies:\n  gatewayProxy:\n    disabled: true\n    kind:\n      daemonSet: {}\n',
      glooVersion: '1.17.3'
    },
    { name: 'kind.workloadType: DaemonSet beats both maps on 1.22.0-beta11', code: typed, glooVersion: '1.22.0-beta11' },
    { name: 'kind.workloadType: DaemonSet beats both maps with an unknown version', code: typed },
    { name: 'kind.workloadType: DaemonSet beats both maps on 1.22.1', code: typed, glooVersion: '1.22.1' },
    { name: 'kind.workloadType: Deployment says a Deployment is meant', code: typed.replace('workloadType: DaemonSet', 'workloadType: Deployment'), glooVersion: '1.22.1' },
    { name: 'replicas: null on 1.22.0-beta5 still renders a Deployment (kindIs "map")', code: nullReplicas, glooVersion: '1.22.0-beta5' },
    { name: 'replicas: null with an unknown version (the newest chart) renders a Deployment', code: nullReplicas },
    {
      name: 'replicas: null next to another key keeps the map non-empty (1.22.0-beta4)',
      code: nullReplicas.replace('replicas: null # the HPA sets it', 'replicas: null\n        priorityClassName: high'),
      glooVersion: '1.22.0-beta4'
    },
    {
      name: 'custom proxy standing alone (1.7.0-beta20): kind.daemonSet without kind.deployment is a DaemonSet',
      code: 'gatewayProxies:\n  publicGw:\n    kind:\n      daemonSet: {hostPort: true}\n',
      glooVersion: '1.7.0-beta20'
    },
    { name: 'custom proxy on 1.7.1: its kind.deployment: null wins (mergeOverwrite)', code: customNull, glooVersion: '1.7.1' },
    { name: 'custom proxy on 1.8.0-beta3: its kind.deployment: null wins (mergeOverwrite)', code: customNull, glooVersion: '1.8.0-beta3' },
    { name: 'custom proxy, unknown version: its kind.deployment: null wins', code: customNull },
    {
      name: 'custom proxy on 1.7.0: merge refills its replicas: null, and nothing suggests a DaemonSet',
      code: 'gatewayProxies:\n  publicGw:\n    kind:\n      deployment: {replicas: null}\n',
      glooVersion: '1.7.0'
    },
    {
      name: 'enterprise values: kind.deployment: null under gloo.',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind: {deployment: null, daemonSet: {hostPort: true}}
      `,
      glooVersion: '1.17.3'
    }
  ],
  invalid: [
    {
      name: 'kind.daemonSet alone renders a Deployment with hostNetwork (unknown version)',
      code: onlyDaemonSet,
      errors: [
        {
          messageId: 'deploymentHostNetwork',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            "gatewayProxies.gatewayProxy.kind.daemonSet is set, but gatewayProxies.gatewayProxy.kind.deployment keeps the chart default {replicas: 1}: the chart (assuming chart ≥ 1.22.0-beta11; the chart version is unknown) renders gateway proxy 'gateway-proxy' as a Deployment, not a DaemonSet, and kind.daemonSet.hostPort still gives it hostNetwork: true"
        }
      ],
      output: null
    },
    {
      name: 'kind.daemonSet next to a written kind.deployment map (1.3.0): on the deployment key',
      glooVersion: '1.3.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
              daemonSet: {}
      `,
      errors: [{ messageId: 'deployment', line: 4, column: 7, message: 'gatewayProxies.gatewayProxy.kind.deployment is a map: chart 1.3.0 renders' }],
      output: null
    },
    {
      name: 'kind.workloadType is not read on 1.22.0-beta10: both maps give a Deployment',
      code: typed,
      glooVersion: '1.22.0-beta10',
      errors: [{ messageId: 'deploymentHostNetwork', line: 5, column: 7, message: 'chart 1.22.0-beta10 renders' }],
      output: null
    },
    {
      name: 'kind.daemonSet.hostNetwork: false is read from 1.8.0-beta13: a Deployment without hostNetwork',
      code: onlyDaemonSet.replace('hostPort: true', 'hostPort: true\n        hostNetwork: false'),
      glooVersion: '1.8.0-beta13',
      errors: [{ messageId: 'deployment', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'kind.daemonSet.hostNetwork: false is not read on 1.8.0-beta12',
      code: onlyDaemonSet.replace('hostPort: true', 'hostPort: true\n        hostNetwork: false'),
      glooVersion: '1.8.0-beta12',
      errors: [{ messageId: 'deploymentHostNetwork', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'replicas: null on 1.22.0-beta4 leaves kind.deployment empty: a DaemonSet, on the null',
      code: nullReplicas,
      glooVersion: '1.22.0-beta4',
      errors: [
        {
          messageId: 'replicasNull',
          line: 5,
          column: 19,
          message:
            "gatewayProxies.gatewayProxy.kind.deployment.replicas is null, which leaves gatewayProxies.gatewayProxy.kind.deployment empty: chart 1.22.0-beta4 renders gateway proxy 'gateway-proxy' as a DaemonSet, one Envoy pod per node, not a Deployment; from chart 1.22.0-beta5"
        }
      ],
      output: null
    },
    {
      name: 'replicas: null with kind.daemonSet on 1.17.3: a DaemonSet today, a Deployment from 1.22.0-beta5',
      code: nullReplicas + '      daemonSet: {}\n',
      glooVersion: '1.17.3',
      errors: [{ messageId: 'replicasNull', line: 5, column: 19 }],
      output: null
    },
    {
      name: 'custom proxy on 1.7.0: merge refills its kind.deployment: null from gatewayProxy',
      code: customNull,
      glooVersion: '1.7.0',
      errors: [
        {
          messageId: 'deployment',
          line: 8,
          column: 19,
          message:
            "gatewayProxies.publicGw.kind.daemonSet is set, but gatewayProxies.publicGw.kind.deployment is null, which chart 1.7.0 refills from gatewayProxies.gatewayProxy.kind.deployment (sprig merge): chart 1.7.0 renders gateway proxy 'public-gw' as a Deployment"
        }
      ],
      output: null
    },
    {
      name: 'custom proxy on 1.8.0-beta2: still merge, still a Deployment',
      code: customNull,
      glooVersion: '1.8.0-beta2',
      errors: [{ messageId: 'deployment', line: 8, column: 19 }],
      output: null
    },
    {
      name: 'custom proxy from 1.7.0-beta21 without kind.deployment inherits the default replicas: 1 (merge)',
      code: 'gatewayProxies:\n  publicGw:\n    kind:\n      daemonSet: {hostPort: true}\n',
      glooVersion: '1.7.0-beta21',
      errors: [{ messageId: 'deploymentHostNetwork', line: 3, column: 5 }],
      output: null
    },
    {
      name: 'custom proxy on 1.7.1 without kind.deployment inherits the default replicas: 1',
      code: 'gatewayProxies:\n  publicGw:\n    kind:\n      daemonSet: {}\n',
      glooVersion: '1.7.1',
      errors: [
        {
          messageId: 'deployment',
          line: 3,
          column: 5,
          message:
            'gatewayProxies.publicGw.kind.daemonSet is set, but gatewayProxies.publicGw.kind.deployment keeps the chart default {replicas: 1}, inherited from gatewayProxies.gatewayProxy.kind.deployment: chart 1.7.1'
        }
      ],
      output: null
    },
    {
      name: 'custom proxy standing alone (1.7.0-beta20) with its own kind.deployment map',
      code: 'gatewayProxies:\n  publicGw:\n    kind:\n      deployment: {replicas: 2}\n      daemonSet: {}\n',
      glooVersion: '1.7.0-beta20',
      errors: [{ messageId: 'deployment', line: 4, column: 7 }],
      output: null
    },
    {
      name: 'enterprise values: the default proxy and a custom proxy inheriting its kind.daemonSet',
      glooVersion: '1.17.3',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                daemonSet:
                  hostPort: true
            publicGw:
              service:
                type: LoadBalancer
      `,
      errors: [
        { messageId: 'deploymentHostNetwork', line: 5, column: 7, message: 'gloo.gatewayProxies.gatewayProxy.kind.daemonSet is set' },
        {
          messageId: 'deploymentHostNetwork',
          line: 8,
          column: 5,
          message:
            'gloo.gatewayProxies.publicGw.kind.daemonSet (inherited from gloo.gatewayProxies.gatewayProxy.kind.daemonSet) is set, but gloo.gatewayProxies.publicGw.kind.deployment keeps the chart default {replicas: 1}, inherited from gloo.gatewayProxies.gatewayProxy.kind.deployment'
        }
      ],
      output: null
    }
  ]
})

describe('proxy-workload-kind suggestions (never a fix)', () => {
  const suggestionsOf = (code: string, glooVersion?: string) =>
    runLint(rule, { code, glooVersion }).map((f) => {
      expect(f.fix).toBeUndefined()
      return (f.suggestions ?? []).map((s) => ({ message: s.message, output: applyEdits(code, s.edits).output }))
    })

  const problemsOf = (code: string, version?: string) => {
    const v = loadFile('values.yaml', code).values[0]
    v.chartVersion = parseVersion(version)
    return [...rule.checkValues!(v, { project: buildProject([]) })].map((p) => ({ messageId: p.messageId, suggest: p.suggest?.map((s) => ({ messageId: s.messageId })) }))
  }

  it('names each suggestion by its messageId', () => {
    expect(problemsOf(onlyDaemonSet)).toEqual([{ messageId: 'deploymentHostNetwork', suggest: [{ messageId: 'nullDeployment' }, { messageId: 'workloadTypeDaemonSet' }] }])
    expect(problemsOf(nullReplicas, '1.22.0-beta4')).toEqual([{ messageId: 'replicasNull', suggest: [{ messageId: 'nullDeployment' }] }])
    expect(problemsOf(typed, '1.22.0-beta10')).toEqual([{ messageId: 'deploymentHostNetwork', suggest: [{ messageId: 'nullDeployment' }] }])
    expect(problemsOf(customNull, '1.7.0')).toEqual([{ messageId: 'deployment', suggest: undefined }])
  })

  it('kind.deployment: null and kind.workloadType: DaemonSet, inserted under kind (unknown version)', () => {
    expect(suggestionsOf(onlyDaemonSet)).toEqual([
      [
        {
          message: 'Set gatewayProxies.gatewayProxy.kind.deployment: null, so the chart renders a DaemonSet (check that one Envoy pod per node is meant).',
          output: onlyDaemonSet + '      deployment: null\n'
        },
        {
          message: 'Set gatewayProxies.gatewayProxy.kind.workloadType: DaemonSet (read from chart 1.22.0-beta11; check that one Envoy pod per node is meant).',
          output: onlyDaemonSet + '      workloadType: DaemonSet\n'
        }
      ]
    ])
  })

  it('only kind.deployment: null below 1.22.0-beta11; a written block map becomes null, its trailing comment stays', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          kind:
            deployment:
              replicas: 2 # two
            daemonSet: {}
    `
    expect(suggestionsOf(code, '1.22.0-beta10')).toEqual([
      [{ message: expect.stringContaining('kind.deployment: null'), output: code.replace('deployment:\n        replicas: 2 # two', 'deployment: null # two') }]
    ])
  })

  it('a flow map becomes null in place', () => {
    const code = 'gatewayProxies: {gatewayProxy: {kind: {deployment: {replicas: 1}, daemonSet: {}}}}\n'
    expect(suggestionsOf(code, '1.17.3')[0].map((s) => s.output)).toEqual(['gatewayProxies: {gatewayProxy: {kind: {deployment: null, daemonSet: {}}}}\n'])
  })

  it('replicas: null on 1.22.0-beta4: kind.deployment: null keeps the DaemonSet past 1.22.0-beta5', () => {
    expect(suggestionsOf(nullReplicas, '1.22.0-beta4')[0].map((s) => s.output)).toEqual([nullReplicas.replace('deployment:\n        replicas: null', 'deployment: null')])
  })

  it('no kind.deployment: null for a custom proxy on 1.7.0 (merge refills it), and none for a proxy the default proxy covers', () => {
    expect(suggestionsOf(customNull, '1.7.0')).toEqual([[]])
    const inherits = onlyDaemonSet + '  publicGw: {}\n'
    const [onDefault, onCustom] = suggestionsOf(inherits, '1.17.3')
    expect(onDefault.map((s) => s.output)).toEqual([inherits.replace('hostPort: true\n', 'hostPort: true\n      deployment: null\n')])
    expect(onCustom).toEqual([])
  })

  it('a custom proxy on 1.7.1 gets its own kind.deployment: null', () => {
    const code = 'gatewayProxies:\n  publicGw:\n    kind:\n      daemonSet: {}\n'
    expect(suggestionsOf(code, '1.7.1')[0].map((s) => s.output)).toEqual([code + '      deployment: null\n'])
  })
})
