/** The machine format of the CLI: every finding with its span, offsets, fingerprint and edits, plus totals. */
import { SEVERITIES, type Finding, type Severity } from '../model/finding.js'
import { prettyElements, writeChunked, type ChunkSink } from './stream.js'

export interface JsonReport {
  /** Bumped when a field changes meaning or disappears. */
  version: 1
  findings: Finding[]
  /** After the findings: a report that streams knows the totals only at the end. */
  summary: Record<Severity, number> & { total: number; fixable: number }
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
  return { version: 1, findings: findings.map(ordered), summary: summarize(findings) }
}

function summarize(findings: readonly Finding[]): JsonReport['summary'] {
  const summary = emptySummary()
  for (const f of findings) add(summary, f)
  return summary
}

const emptySummary = (): JsonReport['summary'] => ({ ...(Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>), total: 0, fixable: 0 })

function add(summary: JsonReport['summary'], f: Finding): void {
  summary[f.severity]++
  summary.total++
  if (f.fix?.length) summary.fixable++
}

/** The report as pretty-printed JSON, ending with a newline. */
export function toJson(findings: readonly Finding[]): string {
  return JSON.stringify(toJsonReport(findings), null, 2) + '\n'
}

/**
 * Streams exactly `toJson` of all the findings, finding by finding: a large report is never one string. The
 * findings may come in batches, as a linter makes them (`Linter.eachFile`); the summary follows them.
 */
export async function writeJson(sink: ChunkSink, findings: readonly Finding[] | AsyncIterable<readonly Finding[]>): Promise<void> {
  // An array is the findings; anything else yields them in batches (as writeSarif takes them).
  const batches = (Array.isArray(findings) ? [findings] : findings) as Iterable<readonly Finding[]> | AsyncIterable<readonly Finding[]>
  const summary = emptySummary()
  async function* parts(): AsyncGenerator<string> {
    let any = false
    for await (const batch of batches) {
      if (!batch.length) continue
      yield any ? ',\n' : '{\n  "version": 1,\n  "findings": [\n'
      any = true
      for (const f of batch) add(summary, f)
      yield* prettyElements(
        (function* () {
          for (const f of batch) yield ordered(f)
        })(),
        4
      )
    }
    const tail = JSON.stringify({ summary }, null, 2).slice(1)
    yield any ? `\n  ],${tail}\n` : `{\n  "version": 1,\n  "findings": [],${tail}\n`
  }
  await writeChunked(sink, parts())
}
