/**
 * The summary sink: one Markdown summary, carried by the check run (built before the gate) and written as the
 * job summary (at the end, with where the gate went: a check run cannot tell of its own failure).
 */
import * as core from '@actions/core'
import { summarize, type SummaryInput } from '../../report/check-run.js'
import { pickAnnotated } from '../../report/gate.js'
import { combinedPatch } from '../../report/patch.js'
import { count } from '../log.js'
import type { Sink } from '../publish.js'

export interface SummarySinkOptions {
  maxAnnotations: number
  links: Omit<NonNullable<SummaryInput['links']>, 'baseSha'>
  docsBase?: string
}

export function summarySink(o: SummarySinkOptions): Sink {
  let input: SummaryInput | undefined
  return {
    name: 'summary',
    async publish(stream, pub) {
      // The check run carries at most max-annotations (most severe and new first); this summary lists the rest.
      const picked = pickAnnotated(pub.annotated, pub.gate, o.maxAnnotations)
      pub.picked = picked.annotated
      if (picked.left.length)
        pub.notes.push(
          `${count(picked.left.length, 'finding')} without a review comment ${picked.left.length === 1 ? 'is' : 'are'} not annotated (max-annotations: ${o.maxAnnotations}, most severe and new first); this summary lists ${picked.left.length === 1 ? 'it' : 'them'}.`
        )
      const patch = combinedPatch(stream.files, stream.reported)
      input = {
        title: pub.title,
        findings: pub.verdict.judged,
        failOn: pub.failOn,
        gate: pub.gate,
        existing: pub.verdict.existing,
        fixed: stream.fixed,
        links: { ...o.links, baseSha: stream.baseSha },
        patch: patch || undefined,
        overflow: pub.overflow,
        rejected: pub.rejected,
        notes: pub.notes,
        docsBase: o.docsBase
      }
      pub.summary = summarize(input)
    },
    async finish(_stream, pub) {
      if (!input || !pub.summary) return
      await writeJobSummary(pub.gateNotes.length ? summarize({ ...input, notes: [...pub.notes, ...pub.gateNotes] }) : pub.summary)
    }
  }
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown).write()
  } catch (err) {
    core.info(`Could not write the job summary: ${(err as Error).message}`)
  }
}
