/**
 * Publish: one filtered stream of findings, handed to sinks of one shape (reviewdog's CommentService). Each
 * sink publishes in turn and may read what the ones before it left on the run's Publication (the review leaves
 * the findings without a comment for the gate to annotate; the summary leaves the Markdown the check run
 * carries); then each finishes in turn (the job summary, with where the gate went; the log's annotations last,
 * so the step's caps are counted with every warning printed before).
 */
import type { FilteredStream } from '../diff/filter.js'
import type { Hunk } from '../diff/parse.js'
import type { SourceFile } from '../forms/manifests.js'
import type { GateResult } from '../github/client.js'
import type { Finding } from '../model/finding.js'
import { judge, type FailOn, type Gate, type Verdict } from '../report/gate.js'
import { count, totals } from './log.js'

/** The stream and the sources its findings point into. */
export interface FindingStream extends FilteredStream {
  /** Linted files by path (texts for suggestions, SARIF fixes and the combined patch). */
  files: ReadonlyMap<string, SourceFile>
  /** Hunks of each changed file; undefined when the run is not about a pull request's diff. */
  diffs?: ReadonlyMap<string, Hunk[]>
}

/** What the sinks of one run share: the verdict, computed once, and what each sink leaves for the next. */
export interface Publication {
  readonly gate: Gate
  readonly failOn: FailOn
  readonly verdict: Verdict
  /** "gloo-harden: 1 error (2 findings already on the base branch)". */
  readonly title: string
  /** The title without the tool's name: a commit status's description. */
  readonly description: string
  /** Where the reader finds the whole result, as comments name it. */
  readonly summaryName: string
  /** Notes for the summary: what did not go as planned. */
  notes: string[]
  /** Findings without a review comment: check-run annotations, or log annotations. Set by the review sink. */
  annotated: Finding[]
  /** In-diff findings over max-comments. */
  overflow: Finding[]
  /** Review comments GitHub refused, with its reason. */
  rejected: { finding: Finding; reason: string }[]
  /** Of `annotated`, the ones the check run carries (max-annotations). Set by the summary sink. */
  picked?: Finding[]
  /** The check run's Markdown. Set by the summary sink. */
  summary?: string
  /** Where the gate went. Set by the gate sink. */
  delivered?: GateResult
  /** The job summary's extra notes on where the gate went. Set by the gate sink. */
  gateNotes: string[]
}

/** One output of the action. */
export interface Sink {
  readonly name: string
  publish(stream: FindingStream, pub: Publication): Promise<void>
  /** After every sink has published. */
  finish?(stream: FindingStream, pub: Publication): Promise<void>
}

/** Judges the stream once (input `gate`, `fail-on`) and opens the run's Publication. */
export function openPublication(stream: FilteredStream, options: { gate: Gate; failOn: FailOn; notes: string[]; summaryName: string }): Publication {
  const verdict = judge(stream.reported, options.gate, options.failOn)
  const { judged, existing } = verdict
  const debt = existing.length ? ` (${count(existing.length, 'finding')} already on the base branch)` : ''
  const description = judged.length ? `${totals(judged)}${debt}` : existing.length ? `no new findings${debt}` : 'no findings'
  return {
    gate: options.gate,
    failOn: options.failOn,
    verdict,
    title: `gloo-harden: ${description}`,
    description,
    summaryName: options.summaryName,
    notes: options.notes,
    annotated: [...stream.reported],
    overflow: [],
    rejected: [],
    gateNotes: []
  }
}

/** Publishes the stream to every sink in order, then finishes them in order. */
export async function publish(sinks: readonly Sink[], stream: FindingStream, pub: Publication): Promise<Publication> {
  for (const s of sinks) await s.publish(stream, pub)
  for (const s of sinks) await s.finish?.(stream, pub)
  return pub
}
