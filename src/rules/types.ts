/** What a rule is: metadata plus small pure check functions over classified inputs. */
import type { Severity, TextEdit } from '../model/finding.js'
import type { KubeObject, ValuesInput } from '../forms/manifests.js'
import type { Project } from '../gloo/project.js'
import type { YamlNode } from '../yaml/tree.js'

export type Category = 'security' | 'control-plane' | 'performance' | 'reliability' | 'hygiene' | 'gloo-routing'

export interface RuleMeta<M extends string = string> {
  /** kebab-case, equals the file name. */
  id: string
  category: Category
  /** One line; docs index and SARIF shortDescription. */
  description: string
  /** Imperative sentence ending in '.'. */
  remediation: string
  /** Default severity; a problem may raise or lower it (the catalog's "error if … warning if …"). */
  severity: Severity
  /** What it reads: 'values' (chart values in any form) and/or `group/version/Kind` of objects. */
  kinds: readonly string[]
  /** True ⇒ some problems carry `fix`. */
  fixable: boolean
  /** messageId → message template with `{{placeholders}}`. */
  messages: Record<M, string>
  /** Reported by the engine itself (syntax errors, skipped files, suppressions), not by a check. */
  builtin?: boolean
  /** Off unless the config turns it on (`rules: {<id>: notice}`): for installs where it does not apply by default. */
  defaultOff?: boolean
  /**
   * Its object checks read facts an install's effective values add to the project (Kubernetes destinations
   * disabled, the Knative integration): the engine then runs them once per install whose values differ, not once
   * per set of member files.
   */
  readsValuesFacts?: boolean
}

export interface Problem<M extends string = string> {
  messageId: M
  node: YamlNode
  data?: Record<string, string | number | undefined>
  /** Safe edits, applied by `--fix`. */
  fix?: TextEdit[] | null
  /** Edits that need a human (offered in reviews, never applied by `--fix`). */
  suggest?: { messageId: M; data?: Record<string, string | number | undefined>; edits: TextEdit[] }[]
  /** Overrides the rule's default severity for this problem. */
  severity?: Severity
  /** Extra fingerprint discriminator when one node can carry two problems of a rule (e.g. the proxy name). */
  key?: string
}

export interface RuleContext {
  /** The facts of the install being checked (its members and effective values); empty for a file of no install. */
  project: Project
  /** The install being checked; absent for a file that belongs to no install. */
  install?: { name: string; complete: boolean }
  /** For a file of no install: the installs of the run whose effective settings disable Kubernetes destinations. */
  disablingInstalls?: string[]
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>
  checkValues?(input: ValuesInput, ctx: RuleContext): Iterable<Problem<M>>
  checkObject?(obj: KubeObject, ctx: RuleContext): Iterable<Problem<M>>
}

export const defineRule = <M extends string>(rule: Rule<M>): Rule<M> => rule

/**
 * A fix the catalog calls safe only under a condition (`safe if complete …`): applied when it holds, else offered
 * as a suggestion under `messageId`.
 */
export function safeIf<M extends string>(condition: boolean, edits: TextEdit[] | null | undefined, messageId: M): Pick<Problem<M>, 'fix' | 'suggest'> {
  if (!edits?.length) return {}
  return condition ? { fix: edits } : { suggest: [{ messageId, edits }] }
}

/** Whether a rule runs under a config: the config's setting, else the rule's default. */
export function isEnabled(rule: Rule, rules: Record<string, string | undefined>): boolean {
  const setting = rules[rule.meta.id]
  return setting === undefined ? !rule.meta.defaultOff : setting !== 'off'
}

/**
 * Interpolates `{{name}}` placeholders (a missing value leaves its placeholder as written). Each template is
 * split into its literal text and placeholders once: every finding formats a message.
 */
export function formatMessage(template: string, data: Record<string, string | number | undefined> = {}): string {
  let parts = templates.get(template)
  if (!parts) {
    parts = template.split(PLACEHOLDER)
    if (templates.size >= 10_000) templates.clear()
    templates.set(template, parts)
  }
  // parts: literal, placeholder as written, name, literal, placeholder as written, name, …, literal.
  let out = parts[0]
  for (let i = 1; i < parts.length; i += 3) {
    const value = data[parts[i + 1]]
    out += (value !== undefined ? String(value) : parts[i]) + parts[i + 2]
  }
  return out
}
const PLACEHOLDER = /(\{\{\s*(\w+)\s*\}\})/
const templates = new Map<string, string[]>()
