/**
 * V8 makes a substring of 13 or more characters a slice that points into its parent string: one short name taken
 * from a file's text (a tree's scalar, a fact) keeps the whole text alive. What pass 1 keeps of a file (facts,
 * declarations, the few objects kept whole) is detached from the text here, so a file's text can go once it is
 * checked.
 */

/** A flat copy of a string: concatenation then a slice flattens it into a new string the size of the copy. */
export const ownString = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1))

/** Fields that point elsewhere (up the tree, to the file, to the document): not walked. */
const SKIP = new Set(['parent', 'file', 'doc'])

/**
 * Replaces, in place, every string reachable from `value` (plain objects, arrays, Maps, Sets; not through
 * `parent`, `file` or `doc`) by a flat copy. Returns `value`.
 */
export function detachStrings<T>(value: T): T {
  const seen = new Set<object>()
  const own = (v: unknown): unknown => {
    if (typeof v === 'string') return ownString(v)
    if (v !== null && typeof v === 'object') walk(v)
    return v
  }
  const walk = (o: object): void => {
    if (seen.has(o) || ArrayBuffer.isView(o)) return
    seen.add(o)
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) o[i] = own(o[i])
    } else if (o instanceof Map) {
      const entries = [...o]
      o.clear()
      for (const [k, v] of entries) o.set(own(k), own(v))
    } else if (o instanceof Set) {
      const items = [...o]
      o.clear()
      for (const v of items) o.add(own(v))
    } else {
      const r = o as Record<string, unknown>
      for (const k of Object.keys(r)) if (!SKIP.has(k)) r[k] = own(r[k])
    }
  }
  own(value)
  return value
}
