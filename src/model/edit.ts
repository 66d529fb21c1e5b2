/** Applying text edits to a source string. */
import type { TextEdit } from './finding.js'
import { firstAtLeast } from './sorted.js'

export interface ApplyResult {
  output: string
  /** Edits that overlapped an earlier one and were not applied. */
  skipped: TextEdit[]
}

/**
 * Applies non-overlapping edits. Edits are sorted by start offset; an edit that overlaps one already
 * taken is skipped and returned, so a second pass can apply it to the new text. Two insertions at the
 * same offset are both applied, in the given order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range[0] - b.e.range[0] || a.e.range[1] - b.e.range[1] || a.i - b.i)
    .map((x) => x.e)
  const taken: TextEdit[] = []
  const skipped: TextEdit[] = []
  let lastEnd = -1
  for (const e of sorted) {
    const [s, end] = e.range
    if (s < 0 || end > text.length || end < s) {
      skipped.push(e)
      continue
    }
    // An insertion (s === end) at lastEnd is fine; a replacement starting before lastEnd is not.
    if (s < lastEnd || (s === lastEnd && taken.length > 0 && taken[taken.length - 1].range[0] === s && s !== end)) {
      skipped.push(e)
      continue
    }
    taken.push(e)
    lastEnd = Math.max(lastEnd, end)
  }
  let out = ''
  let pos = 0
  for (const e of taken) {
    out += text.slice(pos, e.range[0]) + e.text
    pos = e.range[1]
  }
  out += text.slice(pos)
  return { output: out, skipped }
}

/** True when two edit lists touch overlapping ranges (insertions at one point count as overlap). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (x.range[0] < y.range[1] && y.range[0] < x.range[1]) return true
      if (x.range[0] === y.range[0]) return true
    }
  return false
}

/**
 * Edits already taken, by start offset: whether new ones overlap any of them (as `editsOverlap` says) is found by
 * bisection, not by comparing with each. A file with thousands of fixable findings takes them one by one: a scan
 * of all taken so far per finding was quadratic.
 */
export class EditIndex {
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  /** The longest taken edit: one starting further back than this ends before a given offset. */
  private longest = 0

  /** True when one of `edits` overlaps a taken edit (insertions at one point count as overlap). */
  overlaps(edits: readonly TextEdit[]): boolean {
    const { starts, ends } = this
    for (const { range } of edits) {
      const [s, e] = range
      // The same start.
      const at = firstAtLeast(starts, s)
      if (at < starts.length && starts[at] === s) return true
      // A taken edit starting before e and ending after s; it starts after s - longest.
      for (let k = firstAtLeast(starts, e) - 1; k >= 0 && starts[k] > s - this.longest - 1; k--) if (ends[k] > s && starts[k] < e) return true
    }
    return false
  }

  add(edits: readonly TextEdit[]): void {
    for (const { range } of edits) {
      const at = firstAtLeast(this.starts, range[0] + 1)
      this.starts.splice(at, 0, range[0])
      this.ends.splice(at, 0, range[1])
      this.longest = Math.max(this.longest, range[1] - range[0])
    }
  }
}
