import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/model/edit.js'
import rule from '../../src/rules/proxy-net-bind.js'
import { ruleTester, runLint, type InvalidCase, type ValidCase } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'
import { defaultConfig } from '../../src/engine/config.js'
import { fixFiles } from '../../src/engine/fix.js'
import { lint } from '../../src/engine/lint.js'

/** A rendered proxy of chart `tag` whose Envoy container adds NET_BIND_SERVICE. */
const renderedAdd = (tag: string): string => yaml`
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
          image: quay.io/solo-io/gloo-envoy-wrapper:${tag}
          securityContext:
            capabilities:
              add: [NET_BIND_SERVICE]
`

const gatewaySsl = yaml`
  apiVersion: gateway.solo.io/v1
  kind: Gateway
  metadata:
    name: gateway-proxy-ssl
    namespace: gloo-system
  spec:
    bindAddress: '::'
    bindPort: 443
    proxyNames:
    - gateway-proxy
    ssl: true
`

/** Invalid cases; `suggested` is the file after applying every finding's first suggestion. */
const cases: { valid: ValidCase[]; invalid: (InvalidCase & { suggested?: string })[] } = {
  valid: [
    {
      name: 'values: chart default on an unknown (newest) chart is disableNetBind: true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'values: old chart with disableNetBind: true',
      glooVersion: '1.2.5',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
              runUnprivileged: true
      `
    },
    {
      name: 'values: a custom proxy on chart 1.8 inherits the default',
      glooVersion: '1.8.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
          publicGw:
            kind:
              deployment:
                replicas: 2
      `
    },
    {
      name: 'values: no proxy is rendered with gateway.enabled: false',
      glooVersion: '1.2.5',
      code: yaml`
        gateway:
          enabled: false
        settings:
          writeNamespace: gloo-system
      `
    },
    {
      name: 'values: glooContainerSecurityContext replaces the defaults, so disableNetBind: false is ignored',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: 'values: null deletes the key, so the chart default (true) applies',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: null
      `
    },
    {
      name: 'rendered: the chart output without NET_BIND_SERVICE',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
      `
    },
    {
      name: 'rendered: NET_BIND_SERVICE on the istio-proxy sidecar is not the proxy',
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
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                securityContext:
                  capabilities:
                    drop: [ALL]
              - name: istio-proxy
                image: docker.io/istio/proxyv2:1.22.1
                securityContext:
                  capabilities:
                    add: [NET_BIND_SERVICE]
      `
    },
    {
      name: 'rendered: the gloo control plane is not a gateway proxy',
      path: 'gloo.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gloo
          labels:
            gloo: gloo
        spec:
          template:
            spec:
              containers:
              - name: gloo
                image: quay.io/solo-io/gloo:1.17.0
                securityContext:
                  capabilities:
                    add: [NET_BIND_SERVICE]
      `
    },
    {
      name: 'boundary: disableNetBind defaults to true at 1.3.31',
      glooVersion: '1.3.31',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'boundary: disableNetBind defaults to true at 1.4.0-beta15',
      glooVersion: '1.4.0-beta15',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `
    },
    {
      name: 'boundary: a custom proxy inherits disableNetBind: true from 1.7.0-beta21',
      glooVersion: '1.7.0-beta21',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
          publicGw:
            podTemplate:
              httpPort: 8080
      `
    },
    {
      name: "boundary: 1.7.0-beta21's merge refills a custom false from gatewayProxy",
      glooVersion: '1.7.0-beta21',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `
    },
    {
      name: 'a custom false is not effective on 1.7.0 (merge refills it)',
      glooVersion: '1.7.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `
    },
    {
      name: 'boundary: 1.8.0-beta2 still merges',
      glooVersion: '1.8.0-beta2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `
    }
  ],
  invalid: [
    {
      name: 'values: explicit disableNetBind: false',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false # keep for now
              httpPort: 8080
      `,
      errors: [{ messageId: 'explicitFalse', line: 4, column: 23, severity: 'error', message: 'gatewayProxies.gatewayProxy.podTemplate.disableNetBind is false' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true # keep for now
              httpPort: 8080
      `
    },
    {
      name: 'enterprise values: explicit false under gloo., on an old chart',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                disableNetBind: false
                httpPort: 8080
                httpsPort: 8443
                image:
                  repository: gloo-ee-envoy-wrapper
                  tag: 1.0.0-rc5
      `,
      errors: [{ messageId: 'explicitFalse', line: 6, column: 25, severity: 'error', message: 'gloo.gatewayProxies.gatewayProxy.podTemplate.disableNetBind' }],
      suggested: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                disableNetBind: true
                httpPort: 8080
                httpsPort: 8443
                image:
                  repository: gloo-ee-envoy-wrapper
                  tag: 1.0.0-rc5
      `
    },
    {
      name: 'values: absent on chart 1.3.30, where the default adds the capability (warning)',
      glooVersion: '1.3.30',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
      `,
      errors: [{ messageId: 'chartDefault', line: 3, column: 5, severity: 'warning', message: 'chart 1.3.30 adds the capability by default' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              runUnprivileged: true
              disableNetBind: true
      `
    },
    {
      name: 'values: absent in the 1.4.0-beta1…14 window, inserted into a flow map',
      glooVersion: '1.4.0-beta10',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate: {}
      `,
      errors: [{ messageId: 'chartDefault', line: 3, column: 5, severity: 'warning' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
      `
    },
    {
      name: 'values: a custom proxy before chart 1.7 does not inherit disableNetBind: true',
      glooVersion: '1.5.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
          publicGw:
            kind:
              deployment:
                replicas: 2
      `,
      errors: [{ messageId: 'chartDefault', line: 5, column: 3, severity: 'warning', message: 'before chart 1.7.0-beta21 a custom proxy does not inherit' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
          publicGw:
            kind:
              deployment:
                replicas: 2
            podTemplate:
              disableNetBind: true
      `
    },
    {
      name: 'values: an explicit false inherited by a custom proxy is reported once, where it is written',
      glooVersion: '1.12.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
          internalGw:
            service:
              type: ClusterIP
      `,
      errors: [{ messageId: 'explicitFalse', line: 4, column: 23 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
          internalGw:
            service:
              type: ClusterIP
      `
    },
    {
      name: 'values: inherited from a disabled gatewayProxy, reported for the custom proxy and fixed at the source',
      glooVersion: '1.12.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              disableNetBind: false
          internalGw:
            disabled: false # every key, disabled included, is inherited from gatewayProxy
            service:
              type: ClusterIP
      `,
      errors: [{ messageId: 'explicitFalse', line: 5, column: 23 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              disableNetBind: true
          internalGw:
            disabled: false # every key, disabled included, is inherited from gatewayProxy
            service:
              type: ClusterIP
      `
    },
    {
      name: 'Flux HelmRelease: absent on chart 1.3.20, inserted under spec.values',
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.3.20
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                service:
                  type: NodePort
      `,
      errors: [{ messageId: 'chartDefault', line: 16, column: 7, severity: 'warning' }],
      suggested: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: gloo
          namespace: gloo-system
        spec:
          chart:
            spec:
              chart: gloo
              version: 1.3.20
              sourceRef:
                kind: HelmRepository
                name: gloo
          values:
            gatewayProxies:
              gatewayProxy:
                service:
                  type: NodePort
                podTemplate:
                  disableNetBind: true
      `
    },
    {
      name: 'Argo CD Application: explicit false inside the values string',
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
            targetRevision: 1.17.4
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      disableNetBind: false
      `,
      errors: [{ messageId: 'explicitFalse', line: 17, column: 31 }],
      suggested: yaml`
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
            targetRevision: 1.17.4
            helm:
              values: |
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      disableNetBind: true
      `
    },
    {
      name: 'Argo CD Application: a --set style parameter "false" is a boolean, replaced in place',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              parameters:
              - name: gatewayProxies.gatewayProxy.podTemplate.disableNetBind
                value: "false"
      `,
      errors: [{ messageId: 'explicitFalse', line: 13, column: 16 }],
      suggested: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          source:
            chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              parameters:
              - name: gatewayProxies.gatewayProxy.podTemplate.disableNetBind
                value: "true"
      `
    },
    {
      name: 'values: glooContainerSecurityContext adds NET_BIND_SERVICE (the add: pair goes with its only item)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  add:
                  - NET_BIND_SERVICE
                  drop:
                  - ALL
      `,
      errors: [{ messageId: 'customAdd', line: 9, column: 13, severity: 'error', message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.capabilities.add adds' }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                  - ALL
      `
    },
    {
      name: 'values: helm-merge keeps a non-empty add list; the item is removed from a flow list',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                capabilities: {add: [SYS_TIME, CAP_NET_BIND_SERVICE]}
      `,
      errors: [{ messageId: 'customAdd', line: 7, column: 40 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                capabilities: {add: [SYS_TIME]}
      `
    },
    {
      name: 'values: helm-merge without an add list leaves disableNetBind in charge',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: RuntimeDefault
      `,
      errors: [{ messageId: 'explicitFalse', line: 4, column: 23 }],
      suggested: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: 'values: the proxy listens on port 80, so NET_BIND_SERVICE is needed (notice, no fix)',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
              httpPort: 80
              httpsPort: 443
      `,
      errors: [{ messageId: 'lowPort', line: 4, column: 23, severity: 'notice', message: "Proxy 'gateway-proxy' binds port 80, below 1024" }],
      output: null
    },
    {
      name: 'values: a DaemonSet on host ports 80/443 on an old chart (notice where the key would go)',
      glooVersion: '1.3.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kind:
              daemonSet:
                hostPort: true
            podTemplate:
              httpPort: 80
              httpsPort: 443
      `,
      errors: [{ messageId: 'lowPort', line: 6, column: 5, severity: 'notice', message: 'binds port 80 with host networking' }],
      output: null
    },
    {
      name: 'values: a Gateway in another file binds port 443 on the proxy',
      glooVersion: '1.2.5',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
      `,
      context: [{ path: 'gateway-ssl.yaml', text: gatewaySsl }],
      errors: [{ messageId: 'lowPort', line: 4, column: 23, severity: 'notice', message: "binds port 443 (Gateway 'gateway-proxy-ssl')" }],
      output: null
    },
    {
      name: 'rendered: hand-edited Deployment adds NET_BIND_SERVICE (the add: pair goes with its only item)',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          namespace: gloo-system
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                ports:
                - containerPort: 8080
                  name: http
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    add:
                    - NET_BIND_SERVICE
                    drop:
                    - ALL
      `,
      errors: [{ messageId: 'rendered', line: 22, column: 15, severity: 'error' }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gateway-proxy
          namespace: gloo-system
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                ports:
                - containerPort: 8080
                  name: http
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
      `
    },
    {
      name: 'rendered: only the NET_BIND_SERVICE item leaves a longer list',
      path: 'public-gw.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: public-gw
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: public-gw
        spec:
          template:
            spec:
              containers:
              - name: public-gw
                image: quay.io/solo-io/gloo-envoy-wrapper:1.16.8
                securityContext:
                  capabilities:
                    add:
                    - net_bind_service
                    - SYS_TIME
                    drop: [ALL]
      `,
      errors: [{ messageId: 'rendered', line: 17, column: 15, message: "proxy 'public-gw'" }],
      suggested: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: public-gw
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: public-gw
        spec:
          template:
            spec:
              containers:
              - name: public-gw
                image: quay.io/solo-io/gloo-envoy-wrapper:1.16.8
                securityContext:
                  capabilities:
                    add:
                    - SYS_TIME
                    drop: [ALL]
      `
    },
    {
      name: 'rendered: a DaemonSet on host port 80 needs the capability (notice, no fix)',
      path: 'gateway-proxy-ds.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
        spec:
          template:
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                ports:
                - containerPort: 80
                  hostPort: 80
                  name: http
                securityContext:
                  capabilities:
                    add: [NET_BIND_SERVICE]
                    drop: [ALL]
      `,
      errors: [{ messageId: 'lowPort', line: 22, column: 19, severity: 'notice', message: 'binds port 80 with host networking, below 1024' }],
      output: null
    },
    {
      name: 'boundary: the chart default adds it just below 1.3.31 (warning)',
      glooVersion: '1.3.30',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'chartDefault', line: 3, column: 5, severity: 'warning', message: 'until 1.3.31/1.4.0-beta15' }
      ]
    },
    {
      name: 'boundary: 1.4.0-beta14 still adds it by default (warning)',
      glooVersion: '1.4.0-beta14',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
      `,
      errors: [
        { messageId: 'chartDefault', line: 3, column: 5, severity: 'warning' }
      ]
    },
    {
      name: 'boundary: a custom proxy stands alone on 1.7.0-beta20 (chart default, warning)',
      glooVersion: '1.7.0-beta20',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
          publicGw:
            podTemplate:
              httpPort: 8080
      `,
      errors: [
        { messageId: 'chartDefault', line: 6, column: 5, severity: 'warning', message: 'before chart 1.7.0-beta21' }
      ]
    },
    {
      name: 'boundary: a custom false counts on 1.7.0-beta20 (the proxy stands alone)',
      glooVersion: '1.7.0-beta20',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `,
      errors: [
        { messageId: 'explicitFalse', line: 7, column: 23, severity: 'error' }
      ]
    },
    {
      name: 'boundary: from 1.7.1 mergeOverwrite keeps a custom false (error)',
      glooVersion: '1.7.1',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `,
      errors: [
        { messageId: 'explicitFalse', line: 7, column: 23, severity: 'error' }
      ]
    },
    {
      name: 'boundary: from 1.8.0-beta3 mergeOverwrite keeps a custom false (error)',
      glooVersion: '1.8.0-beta3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
          publicGw:
            podTemplate:
              disableNetBind: false
      `,
      errors: [
        { messageId: 'explicitFalse', line: 7, column: 23, severity: 'error' }
      ]
    },
    {
      name: 'rendered: a 1.3.30 chart adds it by default (warning, as the values form)',
      path: 'gateway-proxy.yaml',
      code: renderedAdd('1.3.30'),
      errors: [
        { messageId: 'rendered', line: 15, column: 19, severity: 'warning', message: 'adds it by default' }
      ]
    },
    {
      name: 'rendered: a 1.3.31 chart would not add it (error)',
      path: 'gateway-proxy.yaml',
      code: renderedAdd('1.3.31'),
      errors: [
        { messageId: 'rendered', line: 15, column: 19, severity: 'error' }
      ]
    },
    {
      name: 'rendered: a 1.4.0-beta14 chart adds it by default (warning)',
      path: 'gateway-proxy.yaml',
      code: renderedAdd('1.4.0-beta14'),
      errors: [
        { messageId: 'rendered', line: 15, column: 19, severity: 'warning' }
      ]
    },
    {
      name: 'rendered: a 1.4.0-beta15 chart would not add it (error)',
      path: 'gateway-proxy.yaml',
      code: renderedAdd('1.4.0-beta15'),
      errors: [
        { messageId: 'rendered', line: 15, column: 19, severity: 'error' }
      ]
    }
  ]
}

ruleTester(rule, { valid: cases.valid, invalid: cases.invalid.map(({ suggested: _, ...c }) => ({ ...c, output: null })) })

describe('proxy-net-bind suggestions as written', () => {
  for (const c of cases.invalid.filter((k) => k.suggested !== undefined))
    it(c.name ?? 'case', () => {
      const findings = runLint(rule, c)
      expect(findings.every((f) => !f.fix)).toBe(true)
      const edits = findings.flatMap((f) => f.suggestions?.[0]?.edits ?? [])
      expect(applyEdits(c.code, edits).output).toBe(c.suggested)
    })
})

describe('proxy-net-bind fixes in a complete install', () => {
  /** A config install declared `complete: true`: the only case where removing the capability is a safe fix. */
  const fixComplete = (code: string, version: string, complete = true) => {
    const config = { ...defaultConfig(), installs: [{ name: 'prod', chart: 'gloo' as const, version, values: ['values.yaml'], complete }] }
    const files = [{ path: 'values.yaml', text: code }]
    return { findings: lint(files, { config, rules: [rule] }).findings, output: fixFiles(files, { config, rules: [rule] }).outputs.get('values.yaml') ?? code }
  }
  const cases = [
    {
      name: 'explicit false, all ports ≥ 1024: fixed',
      version: '1.17.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: false
      `,
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              disableNetBind: true
      `
    },
    {
      name: 'chart default on 1.3.30, all ports ≥ 1024: fixed',
      version: '1.3.30',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
      `,
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              httpPort: 8080
              disableNetBind: true
      `
    }
  ]
  for (const c of cases)
    it(c.name, () => {
      const { findings, output } = fixComplete(c.code, c.version)
      expect(findings.every((f) => f.fix && !f.suggestions)).toBe(true)
      expect(output).toBe(c.output)
    })

  it('an incomplete install only gets a suggestion', () => {
    const { findings, output } = fixComplete(cases[0].code, '1.17.0', false)
    expect(findings.map((f) => [f.messageId, !!f.fix, f.suggestions?.length])).toEqual([['explicitFalse', false, 1]])
    expect(output).toBe(cases[0].code)
  })

  it('a port below 1024 keeps the capability: a notice without any fix, even when complete', () => {
    const { findings } = fixComplete(yaml`
      gatewayProxies:
        gatewayProxy:
          podTemplate:
            disableNetBind: false
            httpPort: 80
    `, '1.17.0')
    expect(findings.map((f) => [f.messageId, f.severity, !!f.fix, !!f.suggestions])).toEqual([['lowPort', 'notice', false, false]])
  })
})
