/**
 * Baselines: which findings a change introduces. A head finding is `new` when no finding of the base has its
 * fingerprint (rule + file + resource + JSON path: stable across line shifts), `existing` when one has; a base
 * finding that no head finding matches is `fixed`. Repeated fingerprints are matched one for one. Pure data.
 */
import type { Finding } from '../model/finding.js'

export type BaselineStatus = 'new' | 'existing'

export interface Classified {
  /** Head findings not at base: what a gate judges by default. */
  added: Finding[]
  /** Head findings already at base (inherited debt). */
  existing: Finding[]
  /** Base findings gone at head: what the change fixes. */
  fixed: Finding[]
}

/** Splits head findings into new and existing against the base's fingerprints, and lists the base's fixed ones. */
export function classify(head: readonly Finding[], base: readonly Pick<Finding, 'fingerprint'>[] | ReadonlyMap<string, number>): Classified {
  const left = new Map<string, number>()
  if (base instanceof Map) for (const [fp, n] of base) left.set(fp, n)
  else for (const f of base as readonly Pick<Finding, 'fingerprint'>[]) left.set(f.fingerprint, (left.get(f.fingerprint) ?? 0) + 1)
  const out: Classified = { added: [], existing: [], fixed: [] }
  const matched = new Map<string, number>()
  for (const f of head) {
    const n = left.get(f.fingerprint) ?? 0
    if (n > 0) {
      left.set(f.fingerprint, n - 1)
      matched.set(f.fingerprint, (matched.get(f.fingerprint) ?? 0) + 1)
      out.existing.push(f)
    } else out.added.push(f)
  }
  // Copies pair in order, first with first: the base's copies beyond those the head matched are the fixed ones.
  if (!(base instanceof Map))
    for (const f of base as readonly Finding[]) {
      const n = matched.get(f.fingerprint) ?? 0
      if (n > 0) matched.set(f.fingerprint, n - 1)
      else out.fixed.push(f)
    }
  return out
}

/** The saved baseline (`--write-baseline`): fingerprints with counts, and enough to read it by eye. */
export interface BaselineFile {
  /** Bumped when the format or the fingerprint's inputs change. */
  version: 1
  tool: 'gloo-harden'
  findings: { fingerprint: string; ruleId: string; path: string; line: number }[]
}

export class BaselineError extends Error {}

export function toBaselineFile(findings: readonly Finding[]): BaselineFile {
  return {
    version: 1,
    tool: 'gloo-harden',
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, line: f.span.start.line }))
  }
}

/**
 * Reads a saved baseline: fingerprint → count. Throws BaselineError naming the file and what is wrong.
 * @param paths when given, only the entries of these files count (a run over part of what the baseline covers:
 *   the others could never match, and must not be counted as fixed)
 */
export function parseBaselineFile(text: string, path: string, paths?: ReadonlySet<string>): Map<string, number> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new BaselineError(`${path}: not JSON (${(err as Error).message})`)
  }
  const o = raw as Partial<BaselineFile>
  if (!o || typeof o !== 'object' || o.tool !== 'gloo-harden' || !Array.isArray(o.findings)) throw new BaselineError(`${path}: not a gloo-harden baseline (write one with --write-baseline)`)
  if (o.version !== 1) throw new BaselineError(`${path}: baseline version ${String(o.version)} is not supported (expected 1)`)
  const out = new Map<string, number>()
  o.findings.forEach((f, i) => {
    if (!f || typeof f.fingerprint !== 'string') throw new BaselineError(`${path}: findings[${i}] has no fingerprint`)
    if (paths && typeof f.path === 'string' && !paths.has(f.path)) return
    out.set(f.fingerprint, (out.get(f.fingerprint) ?? 0) + 1)
  })
  return out
}
