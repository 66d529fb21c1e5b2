/** Every rule of the catalog, sorted by id. */
import fileSkipped from './file-skipped.js'
import internalError from './internal-error.js'
import proxyTokenAutomount from './proxy-token-automount.js'
import suppressionUnused from './suppression-unused.js'
import validationAlwaysAccept from './validation-always-accept.js'
import valuesUnresolved from './values-unresolved.js'
import yamlDuplicateKey from './yaml-duplicate-key.js'
import yamlSyntax from './yaml-syntax.js'
import type { Rule } from './types.js'

export const rules: readonly Rule[] = [
  fileSkipped,
  internalError,
  proxyTokenAutomount,
  suppressionUnused,
  validationAlwaysAccept,
  valuesUnresolved,
  yamlDuplicateKey,
  yamlSyntax
]

export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id))
