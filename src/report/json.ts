/** The machine format of the CLI: every finding with its span, offsets, fingerprint and edits, plus totals. */
import { SEVERITIES, type Finding, type Severity } from '../model/finding.js'
import { prettyElements, writeChunked, type ChunkSink } from './stream.js'

export interface JsonReport {
  /** Bumped when a field changes meaning or disappears. */
  version: 1
  summary: Record<Severity, number> & { total: number; fixable: number }
  findings: Finding[]
}

/** Copies a finding with a fixed key order, dropping absent optional fields. */
function ordered(f: Finding): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    path: f.path,
    span: f.span,
    offsets: f.offsets,
    resource: f.resource,
    jsonPath: f.jsonPath,
    fingerprint: f.fingerprint
  }
  if (f.install !== undefined) out.install = f.install
  if (f.fix) out.fix = f.fix
  if (f.suggestions) out.suggestions = f.suggestions
  if (f.inDiffFile !== undefined) out.inDiffFile = f.inDiffFile
  if (f.inDiffContext !== undefined) out.inDiffContext = f.inDiffContext
  return out
}

export function toJsonReport(findings: readonly Finding[]): JsonReport {
  return { version: 1, summary: summarize(findings), findings: findings.map(ordered) }
}

function summarize(findings: readonly Finding[]): JsonReport['summary'] {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length
  const summary = {
    ...(Object.fromEntries(SEVERITIES.map((s) => [s, count(s)])) as Record<Severity, number>),
    total: findings.length,
    fixable: findings.filter((f) => f.fix?.length).length
  }
  return summary
}

/** The report as pretty-printed JSON, ending with a newline. */
export function toJson(findings: readonly Finding[]): string {
  return JSON.stringify(toJsonReport(findings), null, 2) + '\n'
}

/** Streams exactly `toJson(findings)`, finding by finding (a large report is never one string). */
export async function writeJson(sink: ChunkSink, findings: readonly Finding[]): Promise<void> {
  const empty: JsonReport = { version: 1, summary: summarize(findings), findings: [] }
  const text = JSON.stringify(empty, null, 2)
  const at = text.lastIndexOf('"findings": []')
  function* parts(): Generator<string> {
    if (!findings.length) {
      yield text + '\n'
      return
    }
    yield text.slice(0, at + '"findings": ['.length) + '\n'
    yield* prettyElements(
      (function* () {
        for (const f of findings) yield ordered(f)
      })(),
      4
    )
    yield '\n  ]' + text.slice(at + '"findings": []'.length) + '\n'
  }
  await writeChunked(sink, parts())
}
