import rule from '../../src/rules/proxy-read-only-root-fs.js'
import { ruleTester } from '../../__fixtures__/rule-tester.js'
import { yaml } from '../../__fixtures__/yaml.js'

ruleTester(rule, {
  valid: [
    {
      name: "values: no glooContainerSecurityContext keeps the chart's read-only default",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              probes: true
              disableNetBind: true
      `
    },
    {
      name: 'values: glooContainerSecurityContext with readOnlyRootFilesystem: true',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                runAsUser: 10101
                capabilities:
                  drop: [ALL]
      `
    },
    {
      name: "values: with helm-merge a false value is filled from the chart's true",
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                mergePolicy: helm-merge
                readOnlyRootFilesystem: false
                seccompProfile:
                  type: RuntimeDefault
      `
    },
    {
      name: 'values: an empty glooContainerSecurityContext does not replace the defaults',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext: {}
      `
    },
    {
      name: "values: a custom proxy's own map is merged with the one it inherits (chart 1.12)",
      glooVersion: '1.12.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
          internalGw:
            disabled: false
            podTemplate:
              glooContainerSecurityContext:
                runAsUser: 10102
      `
    },
    {
      name: 'values: a kubeResourceOverride that does not touch the containers',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              metadata:
                labels:
                  team: edge
      `
    },
    {
      name: 'rendered: the chart output of 1.4.10',
      path: 'gateway-proxy.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          labels:
            app: gloo
            gloo: gateway-proxy
            gateway-proxy-id: gateway-proxy
          name: gateway-proxy
          namespace: default
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 10101
                runAsUser: 10101
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-envoy-wrapper:1.4.10
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  runAsNonRoot: true
                  runAsUser: 10101
                  capabilities:
                    drop:
                    - ALL
      `
    },
    {
      name: "values: a replacing glooContainerSecurityContext that only leaves the key out is proxy-security-context-replaced's",
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                runAsNonRoot: true
                runAsUser: 10101
      `,
    },
    {
      name: "enterprise values: a replacing flow map (mergePolicy: no-merge) without the key is proxy-security-context-replaced's",
      glooVersion: '1.17.3',
      code: yaml`
        license_key: ""
        gloo:
          gatewayProxies:
            gatewayProxy:
              podTemplate:
                glooContainerSecurityContext: {runAsUser: 10101, mergePolicy: no-merge}
      `,
    },
    {
      name: "values: a map without the key inherited by a custom proxy (chart 1.14.2) is proxy-security-context-replaced's",
      glooVersion: '1.14.2',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                allowPrivilegeEscalation: false
          internalGw:
            disabled: false
      `,
    },
    {
      name: "values: a custom proxy's empty map inheriting a map without the key is proxy-security-context-replaced's",
      glooVersion: '1.16.0',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            disabled: true
            podTemplate:
              glooContainerSecurityContext:
                runAsUser: 10101
          publicGw:
            disabled: false
            podTemplate:
              glooContainerSecurityContext: {}
      `,
    },
    {
      name: "Flux HelmRelease: glooContainerSecurityContext without the key is proxy-security-context-replaced's",
      path: 'gloo-release.yaml',
      code: yaml`
        apiVersion: helm.toolkit.fluxcd.io/v2beta2
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
                  glooContainerSecurityContext:
                    seccompProfile:
                      type: RuntimeDefault
      `,
    }
  ],
  invalid: [
    {
      name: 'values: readOnlyRootFilesystem: false in glooContainerSecurityContext',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: false
                allowPrivilegeEscalation: false
      `,
      errors: [{ messageId: 'valuesNotTrue', line: 5, column: 33, severity: 'error', message: 'gatewayProxies.gatewayProxy.podTemplate.glooContainerSecurityContext.readOnlyRootFilesystem is false' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            podTemplate:
              glooContainerSecurityContext:
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
      `
    },
    {
      name: 'values: a kubeResourceOverride sets it false on the Envoy container',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          publicGw:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: public-gw
                      image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                      securityContext:
                        readOnlyRootFilesystem: false
      `,
      errors: [
        {
          messageId: 'overrideNotTrue',
          line: 11,
          column: 41,
          message: 'gatewayProxies.publicGw.kubeResourceOverride.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem is false'
        }
      ],
      output: yaml`
        gatewayProxies:
          publicGw:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: public-gw
                      image: quay.io/solo-io/gloo-envoy-wrapper:1.17.0
                      securityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'values: a kubeResourceOverride container list replaces the chart containers, dropping the read-only default',
      glooVersion: '1.17.3',
      code: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: gateway-proxy
                      resources:
                        limits:
                          memory: 1Gi
      `,
      errors: [{ messageId: 'overrideMissing', line: 8, column: 15, message: 'replaces the whole container list' }],
      output: yaml`
        gatewayProxies:
          gatewayProxy:
            kubeResourceOverride:
              spec:
                template:
                  spec:
                    containers:
                    - name: gateway-proxy
                      resources:
                        limits:
                          memory: 1Gi
                      securityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'Argo CD Application (sources[] item): valuesObject sets it false',
      path: 'gloo-app.yaml',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      glooContainerSecurityContext:
                        readOnlyRootFilesystem: "false"
      `,
      errors: [{ messageId: 'valuesNotTrue', line: 16, column: 41 }],
      output: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: gloo
        spec:
          sources:
          - chart: gloo
            repoURL: https://storage.googleapis.com/solo-public-helm
            targetRevision: 1.17.4
            helm:
              valuesObject:
                gatewayProxies:
                  gatewayProxy:
                    podTemplate:
                      glooContainerSecurityContext:
                        readOnlyRootFilesystem: true
      `
    },
    {
      name: 'rendered: hand-edited securityContext without the key',
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
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
                volumeMounts:
                - mountPath: /etc/envoy
                  name: envoy-config
      `,
      errors: [{ messageId: 'rendered', line: 14, column: 9, severity: 'error', message: "proxy 'gateway-proxy'" }],
      output: yaml`
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
                image: quay.io/solo-io/gloo-envoy-wrapper:1.5.0-beta20
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
                  readOnlyRootFilesystem: true
                volumeMounts:
                - mountPath: /etc/envoy
                  name: envoy-config
      `
    },
    {
      name: 'rendered: no securityContext at all, inserted into the - container item',
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
              - name: sds
                image: quay.io/solo-io/sds:1.17.0
      `,
      errors: [{ messageId: 'rendered', line: 11, column: 9 }],
      output: yaml`
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
                  readOnlyRootFilesystem: true
              - name: sds
                image: quay.io/solo-io/sds:1.17.0
      `
    },
    {
      name: 'rendered: a DaemonSet with readOnlyRootFilesystem: false',
      path: 'gateway-proxy-ds.yaml',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.2
                securityContext: {readOnlyRootFilesystem: false, allowPrivilegeEscalation: false}
      `,
      errors: [{ messageId: 'rendered', line: 13, column: 51 }],
      output: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: gateway-proxy
          labels:
            gloo: gateway-proxy
        spec:
          template:
            spec:
              containers:
              - name: gateway-proxy
                image: quay.io/solo-io/gloo-ee-envoy-wrapper:1.17.2
                securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
      `
    },
    {
      name: 'rendered: an empty flow securityContext',
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
                securityContext: {}
      `,
      errors: [{ messageId: 'rendered', line: 13, column: 9 }],
      output: yaml`
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
                  readOnlyRootFilesystem: true
      `
    }
  ]
})
