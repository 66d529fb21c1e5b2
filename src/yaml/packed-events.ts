/**
 * js-yaml's parse events packed into an Int32Array (about 10 bytes an event instead of ~100 for the objects),
 * so the engine can drop a file's tree after the first pass and rebuild it for the rules without parsing again.
 */
import { EVENT_ID, type DocumentDirective, type Event } from 'js-yaml'

// Word 0 of every event: the type in bits 0-2, then flags and small fields.
const STYLE = 3 // 3 bits
const CHOMPING = 6 // 2 bits
const FAST = 1 << 8
const EXPLICIT_START = 1 << 9
const EXPLICIT_END = 1 << 10
const DIRECTIVES = 1 << 11
const ANCHOR = 1 << 12
const TAG = 1 << 13
const INDENT = 1 << 14

export interface PackedEvents {
  words: Int32Array
  count: number
  /** The directives of documents that have some (rare), in document order. */
  directives: DocumentDirective[][]
}

/** Packs events losslessly (every field js-yaml 5 sets). */
export function packEvents(events: readonly Event[]): PackedEvents {
  let words = new Int32Array(events.length * 3 + 16)
  let n = 0
  const directives: DocumentDirective[][] = []
  const room = (k: number): void => {
    if (n + k <= words.length) return
    const bigger = new Int32Array(Math.max(words.length * 2, n + k))
    bigger.set(words)
    words = bigger
  }
  for (const ev of events) {
    room(8)
    switch (ev.type) {
      case EVENT_ID.DOCUMENT: {
        const has = ev.directives.length > 0
        if (has) directives.push(ev.directives)
        words[n++] = ev.type | (ev.explicitStart ? EXPLICIT_START : 0) | (ev.explicitEnd ? EXPLICIT_END : 0) | (has ? DIRECTIVES : 0)
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const anchor = ev.anchorStart >= 0 || ev.anchorEnd >= 0
        const tag = ev.tagStart >= 0 || ev.tagEnd >= 0
        words[n++] = ev.type | (ev.style << STYLE) | (anchor ? ANCHOR : 0) | (tag ? TAG : 0)
        words[n++] = ev.start
        if (anchor) (words[n++] = ev.anchorStart), (words[n++] = ev.anchorEnd)
        if (tag) (words[n++] = ev.tagStart), (words[n++] = ev.tagEnd)
        break
      }
      case EVENT_ID.SCALAR: {
        const anchor = ev.anchorStart >= 0 || ev.anchorEnd >= 0
        const tag = ev.tagStart >= 0 || ev.tagEnd >= 0
        const indent = ev.indent !== -1
        words[n++] = ev.type | (ev.style << STYLE) | (ev.chomping << CHOMPING) | (ev.fast ? FAST : 0) | (anchor ? ANCHOR : 0) | (tag ? TAG : 0) | (indent ? INDENT : 0)
        words[n++] = ev.valueStart
        words[n++] = ev.valueEnd
        if (indent) words[n++] = ev.indent
        if (anchor) (words[n++] = ev.anchorStart), (words[n++] = ev.anchorEnd)
        if (tag) (words[n++] = ev.tagStart), (words[n++] = ev.tagEnd)
        break
      }
      case EVENT_ID.ALIAS:
        words[n++] = ev.type
        words[n++] = ev.anchorStart
        words[n++] = ev.anchorEnd
        break
      default:
        words[n++] = ev.type
    }
  }
  return { words: words.slice(0, n), count: events.length, directives }
}

/** The events again, as objects shaped like js-yaml's own (same keys, same order). */
export function unpackEvents(packed: PackedEvents): Event[] {
  const { words } = packed
  const out: Event[] = new Array(packed.count)
  let d = 0
  let i = 0
  for (let k = 0; k < packed.count; k++) {
    const w = words[i++]
    const type = w & 7
    switch (type) {
      case EVENT_ID.DOCUMENT:
        out[k] = { type, explicitStart: (w & EXPLICIT_START) !== 0, explicitEnd: (w & EXPLICIT_END) !== 0, directives: w & DIRECTIVES ? packed.directives[d++] : [] }
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = words[i++]
        const anchorStart = w & ANCHOR ? words[i++] : -1
        const anchorEnd = w & ANCHOR ? words[i++] : -1
        const tagStart = w & TAG ? words[i++] : -1
        const tagEnd = w & TAG ? words[i++] : -1
        out[k] = { type, start, anchorStart, anchorEnd, tagStart, tagEnd, style: (w >> STYLE) & 7 } as Event
        break
      }
      case EVENT_ID.SCALAR: {
        const valueStart = words[i++]
        const valueEnd = words[i++]
        const indent = w & INDENT ? words[i++] : -1
        const anchorStart = w & ANCHOR ? words[i++] : -1
        const anchorEnd = w & ANCHOR ? words[i++] : -1
        const tagStart = w & TAG ? words[i++] : -1
        const tagEnd = w & TAG ? words[i++] : -1
        out[k] = {
          type,
          valueStart,
          valueEnd,
          anchorStart,
          anchorEnd,
          tagStart,
          tagEnd,
          style: (w >> STYLE) & 7,
          chomping: (w >> CHOMPING) & 3,
          indent,
          fast: (w & FAST) !== 0
        } as Event
        break
      }
      case EVENT_ID.ALIAS:
        out[k] = { type, anchorStart: words[i++], anchorEnd: words[i++] }
        break
      default:
        out[k] = { type } as Event
    }
  }
  return out
}

/** Bytes a packed file holds on to. */
export const packedSize = (p: PackedEvents): number => p.words.byteLength
