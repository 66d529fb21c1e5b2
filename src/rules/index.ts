/** Every rule of the catalog, sorted by id. */
import controlPlaneLeaderElection from './control-plane-leader-election.js'
import controlPlaneXdsMtls from './control-plane-xds-mtls.js'
import discoveryEnabled from './discovery-enabled.js'
import fileSkipped from './file-skipped.js'
import fileUnreadable from './file-unreadable.js'
import headerSecretNamespace from './header-secret-namespace.js'
import internalError from './internal-error.js'
import inputUnrecognized from './input-unrecognized.js'
import inputUnresolved from './input-unresolved.js'
import invalidRoutesNotReplaced from './invalid-routes-not-replaced.js'
import kubeDestinationInUse from './kube-destination-in-use.js'
import kubeDestinationsEnabled from './kube-destinations-enabled.js'
import proxyAntiAffinity from './proxy-anti-affinity.js'
import proxyCoreDumps from './proxy-core-dumps.js'
import proxyDisruptionBudget from './proxy-disruption-budget.js'
import proxyGracefulShutdown from './proxy-graceful-shutdown.js'
import proxyHostNetwork from './proxy-host-network.js'
import proxyLbSourceRanges from './proxy-lb-source-ranges.js'
import proxyNetBind from './proxy-net-bind.js'
import proxyPrivileged from './proxy-privileged.js'
import proxyProbes from './proxy-probes.js'
import proxyReadConfig from './proxy-read-config.js'
import proxyReadOnlyRootFs from './proxy-read-only-root-fs.js'
import proxyResources from './proxy-resources.js'
import proxyRunAsRoot from './proxy-run-as-root.js'
import proxySeccomp from './proxy-seccomp.js'
import proxySecurityContextReplaced from './proxy-security-context-replaced.js'
import proxySingleReplica from './proxy-single-replica.js'
import proxyTokenAutomount from './proxy-token-automount.js'
import proxyWorkloadKind from './proxy-workload-kind.js'
import sidecarSecurityContext from './sidecar-security-context.js'
import suppressionUnused from './suppression-unused.js'
import validationAllowWarnings from './validation-allow-warnings.js'
import validationAlwaysAccept from './validation-always-accept.js'
import validationDisabled from './validation-disabled.js'
import validationFailurePolicy from './validation-failure-policy.js'
import valuesKeyUnsupportedVersion from './values-key-unsupported-version.js'
import valuesUnknownKey from './values-unknown-key.js'
import yamlDuplicateKey from './yaml-duplicate-key.js'
import yamlSyntax from './yaml-syntax.js'
import type { Rule } from './types.js'

export const rules: readonly Rule[] = [
  controlPlaneLeaderElection,
  controlPlaneXdsMtls,
  discoveryEnabled,
  fileSkipped,
  fileUnreadable,
  headerSecretNamespace,
  inputUnrecognized,
  inputUnresolved,
  internalError,
  invalidRoutesNotReplaced,
  kubeDestinationInUse,
  kubeDestinationsEnabled,
  proxyAntiAffinity,
  proxyCoreDumps,
  proxyDisruptionBudget,
  proxyGracefulShutdown,
  proxyHostNetwork,
  proxyLbSourceRanges,
  proxyNetBind,
  proxyPrivileged,
  proxyProbes,
  proxyReadConfig,
  proxyReadOnlyRootFs,
  proxyResources,
  proxyRunAsRoot,
  proxySeccomp,
  proxySecurityContextReplaced,
  proxySingleReplica,
  proxyTokenAutomount,
  proxyWorkloadKind,
  sidecarSecurityContext,
  suppressionUnused,
  validationAllowWarnings,
  validationAlwaysAccept,
  validationDisabled,
  validationFailurePolicy,
  valuesKeyUnsupportedVersion,
  valuesUnknownKey,
  yamlDuplicateKey,
  yamlSyntax
]

export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id))
