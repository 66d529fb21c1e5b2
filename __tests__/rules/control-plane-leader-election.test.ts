import rule from '../../src/rules/control-plane-leader-election.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

const glooDeployment = (replicas: number, image: string, env: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    labels:
      app: gloo
      gloo: gloo
    name: gloo
    namespace: gloo-system
  spec:
    replicas: ${replicas}
    selector:
      matchLabels:
        gloo: gloo
    template:
      metadata:
        labels:
          gloo: gloo
      spec:
        serviceAccountName: gloo
        containers:
        - image: ${image}
          imagePullPolicy: IfNotPresent
          name: gloo
          env:
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace${env}
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: three replicas with leader election (unknown chart: newest)',
      code: yaml`
        gloo:
          deployment:
            replicas: 3
      `
    },
    {
      name: 'values: one replica may run without leader election',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 1
      `
    },
    {
      name: 'values: disableLeaderElection false on 1.17',
      code: yaml`
        gloo:
          disableLeaderElection: false
          deployment:
            replicas: 2
            image:
              tag: 1.17.3
      `
    },
    {
      name: 'values: 1.13.0-beta6 has leader election',
      glooVersion: '1.13.0-beta6',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `
    },
    {
      // The key renders DISABLE_LEADER_ELECTION from 1.12.32/1.13.0-beta25 (catalog 4.2, 4.3): ignored before.
      name: 'values: disableLeaderElection on 1.12.31 is not read, leader election stays on',
      glooVersion: '1.12.31',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: disableLeaderElection on 1.13.0-beta24 is not read',
      glooVersion: '1.13.0-beta24',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `
    },
    {
      name: 'rendered: 1.12.6 with two replicas and no DISABLE_LEADER_ELECTION',
      path: 'gloo-deployment.yaml',
      code: glooDeployment(2, 'quay.io/solo-io/gloo:1.12.6', '')
    },
    {
      name: 'rendered: a single replica with DISABLE_LEADER_ELECTION',
      path: 'gloo-deployment.yaml',
      code: glooDeployment(1, 'quay.io/solo-io/gloo:1.17.3', '\n            - name: DISABLE_LEADER_ELECTION\n              value: "true"')
    }
  ],
  invalid: [
    {
      name: 'values: disableLeaderElection on 1.12.32 (first to read it)',
      glooVersion: '1.12.32',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 26, severity: 'error', message: 'gloo.deployment.replicas is 2 (chart 1.12.32):' }],
      output: yaml`
        gloo:
          disableLeaderElection: false
          deployment:
            replicas: 2
      `
    },
    {
      name: 'values: disableLeaderElection, unknown version (newest assumed)',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 26, severity: 'error', message: '(assuming chart ≥ 1.12.32/1.13.0-beta25; the chart version is unknown)' }],
      output: null
    },
    {
      name: 'values: two replicas with leader election disabled',
      glooVersion: '1.17.3',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 26, severity: 'error', message: 'gloo.disableLeaderElection is true while gloo.deployment.replicas is 2' }],
      output: yaml`
        gloo:
          disableLeaderElection: false
          deployment:
            replicas: 2
      `
    },
    {
      name: 'enterprise values: keys under gloo.gloo',
      glooVersion: '1.17.3',
      code: yaml`
        license_key: abc
        gloo:
          gloo:
            disableLeaderElection: yes
            deployment:
              replicas: 3
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 28, message: 'gloo.gloo.disableLeaderElection is true while gloo.gloo.deployment.replicas is 3' }],
      output: yaml`
        license_key: abc
        gloo:
          gloo:
            disableLeaderElection: false
            deployment:
              replicas: 3
      `
    },
    {
      name: 'values: chart 1.12.5 has no leader election (warning, no fix)',
      glooVersion: '1.12.5',
      code: yaml`
        gloo:
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'noLeaderElection', line: 3, column: 15, severity: 'warning', message: 'chart 1.12.5 has no leader election' }],
      output: null
    },
    {
      name: 'values: 1.13.0-beta5 lacks it too',
      glooVersion: '1.13.0-beta5',
      code: yaml`
        gloo:
          disableLeaderElection: true
          deployment:
            replicas: 2
      `,
      errors: [{ messageId: 'noLeaderElection', line: 4, column: 15, severity: 'warning' }],
      output: null
    },
    {
      name: 'Flux HelmRelease: chart 1.11.x from spec.chart.spec.version',
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta1
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.11.28
          values:
            gloo:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'noLeaderElection', line: 14, column: 19, severity: 'warning', message: 'chart 1.11.28' }],
      output: null
    },
    {
      name: 'rendered: two replicas with DISABLE_LEADER_ELECTION "true"',
      path: 'gloo-deployment.yaml',
      code: glooDeployment(2, 'quay.io/solo-io/gloo:1.17.3', '\n            - name: DISABLE_LEADER_ELECTION\n              value: "true"'),
      errors: [{ messageId: 'renderedDisabled', line: 30, column: 20, severity: 'error', message: "Deployment 'gloo' runs 2 gloo replicas" }],
      output: glooDeployment(2, 'quay.io/solo-io/gloo:1.17.3', '\n            - name: DISABLE_LEADER_ELECTION\n              value: "false"')
    },
    {
      name: 'rendered: gloo 1.11 image with three replicas (warning, no fix)',
      path: 'gloo-deployment.yaml',
      code: glooDeployment(3, 'quay.io/solo-io/gloo:1.11.2', ''),
      errors: [{ messageId: 'renderedNoLeaderElection', line: 10, column: 13, severity: 'warning', message: 'gloo 1.11.2' }],
      output: null
    }
  ]
})
