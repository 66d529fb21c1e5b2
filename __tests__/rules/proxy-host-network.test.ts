import { describe, expect, it } from 'vitest'
import rule from '../../src/rules/proxy-host-network.js'
import { ruleTester, runLint } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { applyEdits } from '../../src/model/edit.js'

const hostPortOff = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        daemonSet:
          hostPort: true
          hostNetwork: false
`

// kind.daemonSet alone still renders a Deployment (the default kind.deployment.replicas is merged in),
// and hostPort gives it hostNetwork all the same.
const onDeployment = yaml`
  gatewayProxies:
    gatewayProxy:
      kind:
        deployment:
          replicas: 3
        daemonSet:
          hostPort: true
`

const renderedHostNetwork = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: gateway-proxy
    namespace: gloo-system
    labels:
      app: gloo
      gloo: gateway-proxy
      gateway-proxy-id: gateway-proxy
  spec:
    replicas: 3
    template:
      spec:
        hostNetwork: true
        dnsPolicy: ClusterFirstWithHostNet
        containers:
        - name: gateway-proxy
          image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
          ports:
          - containerPort: 8080
            hostPort: 8080
            name: http
`

const renderedHostPorts = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: public-gw
    labels: {gloo: gateway-proxy, gateway-proxy-id: public-gw}
  spec:
    template:
      spec:
        hostNetwork: false
        containers:
        - name: public-gw
          image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.4
          ports:
          - containerPort: 8080
            hostPort: 80
            name: http
          - containerPort: 8443
            hostPort: 443
            name: https
`

ruleTester(rule, {
  valid: [
    {
      name: 'values: a DaemonSet without hostPort',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment: null
              daemonSet:
                hostPort: false
      `
    },
    {
      name: 'values: chart 1.8.0-beta13 (first to read hostNetwork): hostNetwork: false turns it off',
      glooVersion: '1.8.0-beta13',
      code: hostPortOff
    },
    {
      name: 'values: chart 1.8.0 reads hostNetwork: false',
      glooVersion: '1.8.0',
      code: hostPortOff
    },
    {
      name: 'values: a quoted "false" for hostNetwork also renders hostNetwork: false',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
                hostNetwork: "false"
      `
    },
    {
      name: 'values: a custom proxy inherits hostPort and hostNetwork: false from gatewayProxy',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
                hostNetwork: false
          edgeGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: 'values: gateway disabled renders no proxy',
      code: yaml`
        gateway:
          enabled: false
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
      `
    },
    {
      name: 'values: a disabled proxy is not checked',
      code: yaml`
        gatewayProxies:
          edgeGw:
            disabled: true
            kind:
              daemonSet:
                hostPort: true
      `
    },
    {
      name: 'enterprise values: keys under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                daemonSet:
                  hostPort: true
                  hostNetwork: false
      `
    },
    {
      name: 'rendered: a DaemonSet in the pod network',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels: {gloo: gateway-proxy, gateway-proxy-id: gateway-proxy}
        spec:
          template:
            spec:
              hostNetwork: false
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.4
                ports:
                - containerPort: 8080
                  name: http
      `
    },
    {
      name: 'rendered: the control plane is not a gateway proxy',
      path: 'gloo.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels: {gloo: gloo}
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.17.4
      `
    }
  ],
  invalid: [
    {
      name: 'values: hostPort on a Deployment renders hostNetwork all the same',
      code: onDeployment,
      errors: [
        {
          messageId: 'values',
          line: 7,
          column: 19,
          severity: 'warning',
          message:
            "gatewayProxies.gatewayProxy.kind.daemonSet.hostPort is true: gateway proxy 'gateway-proxy' renders hostNetwork: true and hostPorts for httpPort and httpsPort, whether it is a Deployment or a DaemonSet"
        }
      ],
      output: null
    },
    {
      name: 'values: chart 1.8.0-beta12 ignores hostNetwork: false',
      glooVersion: '1.8.0-beta12',
      code: hostPortOff,
      errors: [
        {
          messageId: 'ignoredOff',
          line: 5,
          column: 19,
          message:
            'gatewayProxies.gatewayProxy.kind.daemonSet.hostPort is true, and gatewayProxies.gatewayProxy.kind.daemonSet.hostNetwork is false, but chart 1.8.0-beta12 reads hostNetwork only from 1.8.0-beta13'
        }
      ],
      output: null
    },
    {
      name: 'values: a quoted "false" for hostPort is a non-empty string, which the template treats as true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: "false"
      `,
      errors: [{ messageId: 'values', line: 5, column: 19, message: 'hostPort is "false":' }],
      output: null
    },
    {
      name: 'values: a custom proxy inherits hostPort from gatewayProxy (chart 1.7 and later)',
      glooVersion: '1.17.4',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
          edgeGw:
            podTemplate:
              httpPort: 8080
      `,
      errors: [
        { messageId: 'values', line: 5, column: 19, message: "gateway proxy 'gateway-proxy'" },
        {
          messageId: 'values',
          line: 6,
          column: 3,
          message: "gatewayProxies.edgeGw.kind.daemonSet.hostPort is true, inherited from gatewayProxies.gatewayProxy.kind.daemonSet.hostPort: gateway proxy 'edge-gw'"
        }
      ],
      output: null
    },
    {
      name: 'values before chart 1.7: only the custom proxy that sets hostPort',
      glooVersion: '1.6.12',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              deployment:
                replicas: 2
          edgeGw:
            kind:
              daemonSet:
                hostPort: true
      `,
      errors: [{ messageId: 'values', line: 9, column: 19, message: "gateway proxy 'edge-gw'" }],
      output: null
    },
    {
      name: 'enterprise values: keys under gloo.',
      glooVersion: '1.17.4',
      code: yaml`
        license_key: abc
        gloo:
          gatewayProxies:
            gatewayProxy:
              kind:
                daemonSet:
                  hostPort: true
      `,
      errors: [{ messageId: 'values', line: 7, column: 21, message: 'gloo.gatewayProxies.gatewayProxy.kind.daemonSet.hostPort is true:' }],
      output: null
    },
    {
      name: 'rendered: a Deployment with hostNetwork: true (its hostPort is not reported again)',
      path: 'gateway-proxy.yaml',
      code: renderedHostNetwork,
      errors: [
        { messageId: 'renderedHostNetwork', line: 14, column: 20, severity: 'warning', message: "Deployment 'gateway-proxy' sets hostNetwork: true:" }
      ],
      output: null
    },
    {
      name: 'rendered: a DaemonSet with hostPorts, on the first one',
      path: 'public-gw.yaml',
      code: renderedHostPorts,
      errors: [{ messageId: 'renderedHostPort', line: 15, column: 11, message: "DaemonSet 'public-gw' binds hostPorts 80 and 443 on every node" }],
      output: null
    }
  ]
})

describe('proxy-host-network suggestions', () => {
  it('proxy-host-network/noHostPort and proxy-host-network/noHostNetwork: both ways out, as suggestions', () => {
    const [finding] = runLint(rule, { code: onDeployment, glooVersion: '1.17.4' })
    expect(finding.fix).toBeUndefined()
    expect(finding.suggestions?.map((s) => [s.message, applyEdits(onDeployment, s.edits).output])).toEqual([
      [
        'Set gatewayProxies.gatewayProxy.kind.daemonSet.hostPort: false (the proxy is then reached through its Service only; check that nothing sends traffic to the nodes directly).',
        onDeployment.replace('hostPort: true', 'hostPort: false')
      ],
      [
        'Set gatewayProxies.gatewayProxy.kind.daemonSet.hostNetwork: false (keeps the hostPorts but gives Envoy its own network namespace).',
        onDeployment + '        hostNetwork: false\n'
      ]
    ])
  })

  it('before chart 1.8.0-beta13 only the hostPort way out is offered', () => {
    const [finding] = runLint(rule, { code: hostPortOff, glooVersion: '1.8.0-beta12' })
    expect(finding.suggestions?.map((s) => applyEdits(hostPortOff, s.edits).output)).toEqual([hostPortOff.replace('hostPort: true', 'hostPort: false')])
  })

  it('a custom proxy that inherits hostPort gets no second suggestion', () => {
    const code = yaml`
      gatewayProxies:
        gatewayProxy:
          kind:
            daemonSet:
              hostPort: true
        edgeGw:
          podTemplate:
            httpPort: 8080
    `
    expect(runLint(rule, { code, glooVersion: '1.17.4' }).map((f) => f.suggestions?.length ?? 0)).toEqual([2, 0])
  })

  it('proxy-host-network/renderedNoHostNetwork: sets hostNetwork: false', () => {
    const [finding] = runLint(rule, { path: 'gateway-proxy.yaml', code: renderedHostNetwork })
    expect(finding.suggestions?.map((s) => s.message)).toEqual(['Set hostNetwork: false (check that nothing sends traffic to the nodes directly).'])
    expect(applyEdits(renderedHostNetwork, finding.suggestions![0].edits).output).toBe(renderedHostNetwork.replace('hostNetwork: true', 'hostNetwork: false'))
  })

  it('proxy-host-network/renderedNoHostPort: removes every hostPort line', () => {
    const [finding] = runLint(rule, { path: 'public-gw.yaml', code: renderedHostPorts })
    expect(finding.suggestions?.map((s) => s.message)).toEqual(['Remove the hostPort entries (the proxy is then reached through its Service only).'])
    expect(applyEdits(renderedHostPorts, finding.suggestions![0].edits).output).toBe(
      renderedHostPorts.replace('          hostPort: 80\n', '').replace('          hostPort: 443\n', '')
    )
  })
})
