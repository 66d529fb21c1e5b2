/**
 * Baseline: the changed files (and their context) at the pull request's base commit, linted as the head was,
 * then matched by fingerprint; and the fail-closed finding for a changed file nobody could read.
 */
import * as core from '@actions/core'
import type { BaselineMarks } from '../diff/filter.js'
import { classify } from '../engine/baseline.js'
import type { Config } from '../engine/config.js'
import { fingerprint, lint } from '../engine/lint.js'
import { readBase } from '../github/base.js'
import { unsafePathReason, type GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import { printablePath } from '../io/files.js'
import type { Finding } from '../model/finding.js'
import { rules } from '../rules/index.js'
import { formatMessage } from '../rules/types.js'
import { count, log, shown } from './log.js'
import { asContext, MAX_LISTED, type Selection } from './select.js'

/**
 * The error finding for a changed file nobody could read: the gate fails closed (the file was not checked).
 * Shaped as the engine's own findings (line 1, resource `file`), so its fingerprint is stable across runs.
 */
export function unreadableFinding(path: string, reason: string, config: Config): Finding | undefined {
  const rule = rules.find((r) => r.meta.id === 'file-unreadable')
  const setting = config.rules['file-unreadable']
  if (!rule || setting === 'off') return undefined
  return {
    ruleId: rule.meta.id,
    messageId: 'unreadable',
    severity: setting ?? rule.meta.severity,
    message: formatMessage(rule.meta.messages.unreadable, { path: printablePath(path), reason: reason.replace(/\.$/, '') }),
    path,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    offsets: [0, 0],
    resource: 'file',
    jsonPath: '',
    fingerprint: fingerprint([rule.meta.id, path, 'file', '', '', 'unreadable'])
  }
}

/**
 * Baseline: the changed files (and their context) at the pull request's base commit, linted as the head was,
 * then matched by fingerprint. A file the base cannot give is left out, so its findings count as new.
 */
export async function readBaseline(ctx: RunContext, client: GitHubClient, config: Config, sel: Selection, head: Finding[], notes: string[]): Promise<BaselineMarks | undefined> {
  const baseSha = sel.pull?.baseSha
  // No manifest changed: nothing to compare.
  if (!sel.kept.length) return undefined
  if (!baseSha) {
    notes.push('The event has no base commit (pull_request.base.sha), so every finding counts as new.')
    return undefined
  }
  const unreadable = new Set(sel.unreadable.map((u) => u.path))
  const withFindings = new Set(head.map((f) => f.path))
  const headFile = new Map(sel.reported.map((f) => [f.path, f]))
  // Files with findings first: when the API cannot read every base, the ones that matter to the gate are read.
  // A renamed file is the same file (its findings are matched under the new name); a copy is a new file, whose
  // findings are new even where its original has them too.
  const files = sel.kept
    .filter((f) => f.status !== 'added' && f.status !== 'copied' && !unreadable.has(f.filename))
    .sort((a, b) => Number(!withFindings.has(a.filename)) - Number(!withFindings.has(b.filename)))
    .map((f) => ({ path: f.filename, from: (f.status === 'renamed' && f.previousFilename) || f.filename, siblingChart: headFile.get(f.filename)?.siblingChart }))
  const removed = sel.changed.filter((f) => f.status === 'removed' && !unsafePathReason(f.filename) && sel.selected(f.filename)).map((f) => f.filename)
  const base = await readBase({ workspace: ctx.workspace, client, sha: baseSha, files, removed, isContext: sel.selected, maxFileSize: config.maxFileSize, log })
  const unread = new Set(base.unread.map((u) => u.path))
  // The head's copy stands in for what the base cannot give: unchanged context (API), and unread changed files.
  const standIns = [...(base.headContext ? sel.context : []), ...sel.reported.filter((f) => unread.has(f.path) || unreadable.has(f.path))]
  const baseResult = lint([...base.files, ...[...base.context, ...standIns].map(asContext)], { config, rules })
  const c = classify(head, baseResult.findings)
  if (base.unread.length) {
    const listed = base.unread.slice(0, MAX_LISTED).map((u) => `${shown(u.path)} (${u.reason})`)
    if (base.unread.length > MAX_LISTED) listed.push(`and ${base.unread.length - MAX_LISTED} more`)
    notes.push(
      `${count(base.unread.length, 'changed file')} could not be read at the base commit, so all ${base.unread.length === 1 ? 'its' : 'their'} findings count as new: ${listed.join('; ')}. With actions/checkout's fetch-depth: 0 the base is read from the checkout instead.`
    )
  }
  core.info(
    `Baseline: ${count(base.files.length, 'changed file')} read at the base commit ${baseSha.slice(0, 12)} (${base.source === 'git' ? "from the checkout's history" : 'through the API'}); ${c.added.length} new, ${c.existing.length} existing, ${c.fixed.length} fixed.`
  )
  return { existing: new Set(c.existing), fixed: c.fixed, baseSha }
}

