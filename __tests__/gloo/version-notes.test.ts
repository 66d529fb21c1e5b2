/**
 * Messages say what they assume (catalog section 1.4): a version-dependent verdict on an install of unknown chart
 * version says "assuming chart ≥ X" (X the boundary it rests on), in the words fix condition F1 uses; with a known
 * version it names it ("chart 1.17.3").
 */
import { describe, expect, it } from 'vitest'
import { chartNamed, parseVersion, versionNote, withNote } from '../../src/gloo/version.js'
import type { Rule } from '../../src/rules/types.js'
import controlPlaneLeaderElection from '../../src/rules/control-plane-leader-election.js'
import controlPlaneXdsMtls from '../../src/rules/control-plane-xds-mtls.js'
import headerSecretNamespace from '../../src/rules/header-secret-namespace.js'
import kubeDestinationsEnabled from '../../src/rules/kube-destinations-enabled.js'
import proxyCoreDumps from '../../src/rules/proxy-core-dumps.js'
import proxyDisruptionBudget from '../../src/rules/proxy-disruption-budget.js'
import proxyGracefulShutdown from '../../src/rules/proxy-graceful-shutdown.js'
import proxyLbSourceRanges from '../../src/rules/proxy-lb-source-ranges.js'
import proxyPrivileged from '../../src/rules/proxy-privileged.js'
import proxyProbes from '../../src/rules/proxy-probes.js'
import proxyReadConfig from '../../src/rules/proxy-read-config.js'
import proxyReadOnlyRootFs from '../../src/rules/proxy-read-only-root-fs.js'
import proxyRunAsRoot from '../../src/rules/proxy-run-as-root.js'
import proxySeccomp from '../../src/rules/proxy-seccomp.js'
import proxySecurityContextReplaced from '../../src/rules/proxy-security-context-replaced.js'
import proxyWorkloadKind from '../../src/rules/proxy-workload-kind.js'
import sidecarSecurityContext from '../../src/rules/sidecar-security-context.js'
import validationAllowWarnings from '../../src/rules/validation-allow-warnings.js'
import validationDisabled from '../../src/rules/validation-disabled.js'
import { runLint } from '../../__fixtures__/rule-tester.js'

describe('the wording', () => {
  it('names a known chart, or the one assumed in the words of fix condition F1', () => {
    expect(chartNamed(parseVersion('1.17.3'), '1.14.0-beta11')).toBe('chart 1.17.3')
    expect(chartNamed(undefined, '1.14.0-beta11')).toBe('the chart (assuming chart ≥ 1.14.0-beta11; the chart version is unknown)')
    expect(versionNote(parseVersion('1.17.3'), '1.3.6')).toBe(' (chart 1.17.3)')
    expect(versionNote(undefined, '1.3.6')).toBe(' (assuming chart ≥ 1.3.6; the chart version is unknown)')
    expect(withNote('not set (chart default false)', ' (chart 1.3.6)')).toBe('not set (chart default false; chart 1.3.6)')
    expect(withNote('false', ' (chart 1.3.6)')).toBe('false (chart 1.3.6)')
  })
})

const proxy = (yaml: string): string => `gatewayProxies:\n  gatewayProxy:\n${yaml.replace(/^/gm, '    ')}\n`

/** [rule, values, boundary assumed when the version is unknown] — one version-dependent verdict each. */
const CASES: [Rule, string, string][] = [
  [controlPlaneLeaderElection, 'gloo:\n  disableLeaderElection: true\n  deployment:\n    replicas: 2\n', '1.12.32/1.13.0-beta25'],
  [controlPlaneXdsMtls, 'global:\n  glooMtls:\n    enabled: false\n', '1.3.6'],
  [headerSecretNamespace, 'gloo:\n  deployment:\n    replicas: 1\n', '1.14.13/1.15.0-beta23'],
  [kubeDestinationsEnabled, 'settings:\n  create: true\n', '1.3.3'],
  [proxyCoreDumps, proxy('podTemplate: {probes: true}'), '1.12.43/1.13.5/1.14.0-beta7'],
  [proxyDisruptionBudget, proxy('kind: {deployment: {replicas: 2}}'), '1.7.0-beta21'],
  [proxyGracefulShutdown, proxy('podTemplate: {probes: true}'), '1.4.8/1.5.0-beta14'],
  // Off by default: run as a config that turns it on does.
  [{ ...proxyLbSourceRanges, meta: { ...proxyLbSourceRanges.meta, defaultOff: false } }, proxy('service: {type: LoadBalancer}'), '1.3.28/1.4.0-beta12'],
  [proxyPrivileged, proxy('podTemplate:\n  glooContainerSecurityContext: {allowPrivilegeEscalation: true}'), '1.14.0-beta11'],
  [proxyProbes, proxy('podTemplate: {probes: true}'), '1.12.0-beta6'],
  [proxyReadConfig, proxy('readConfig: true\nreadConfigMulticluster: true'), '1.6.0-beta24'],
  [proxyReadOnlyRootFs, proxy('podTemplate:\n  glooContainerSecurityContext: {readOnlyRootFilesystem: false}'), '1.14.0-beta11'],
  [proxyRunAsRoot, proxy('podTemplate: {runUnprivileged: false}'), '1.5.1/1.6.0-beta1'],
  [proxySeccomp, proxy('podTemplate: {probes: true}'), '1.14.0-beta11'],
  [proxySecurityContextReplaced, proxy('podTemplate:\n  glooContainerSecurityContext: {runAsUser: 10101}'), '1.14.0-beta11'],
  [proxyWorkloadKind, proxy('kind: {daemonSet: {hostPort: true}}'), '1.22.0-beta11'],
  [sidecarSecurityContext, 'global:\n  glooMtls:\n    enabled: true\n', '1.14.0-beta11'],
  [validationAllowWarnings, 'gateway:\n  validation:\n    enabled: true\n', '1.3.30/1.4.0-beta15'],
  [validationDisabled, 'gateway:\n  validation:\n    webhook:\n      enabled: false\n', '1.3.27/1.4.0-beta11']
]

describe('every version-dependent verdict says which chart it rests on', () => {
  it.each(CASES.map(([rule, code, since]) => [rule.meta.id, rule, code, since] as const))('%s', (_id, rule, code, since) => {
    const unknown = runLint(rule, { code })
    expect(unknown.length).toBeGreaterThan(0)
    for (const f of unknown) expect(f.message).toContain(`assuming chart ≥ ${since}; the chart version is unknown`)
    const known = runLint(rule, { code, glooVersion: '1.17.3' })
    expect(known.length).toBeGreaterThan(0)
    for (const f of known) expect(f.message).toContain('chart 1.17.3')
  })
})
