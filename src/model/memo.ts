/**
 * Memos kept on the object they are about, instead of in a module's WeakMap.
 *
 * V8's young-generation collection (the scavenge) does not clear a WeakMap entry whose key has died: the entry's
 * value stays alive, with everything it reaches, until the next full collection. A WeakMap remembering facts about
 * an install's values kept its files' whole trees alive through every scavenge (a node's `parent` reaches all of
 * its tree), so each scavenge copied them and many were promoted: on 2,700 values files over a quarter of what the
 * run allocated survived each scavenge, and scavenges took a fifth of the run (docs/benchmarks.md, round 8). A
 * memo held by its object dies with it.
 */

const MEMOS = Symbol('memos')

type Holder = { [MEMOS]?: Map<Memo<unknown>, unknown> }

/**
 * The owner asked last, and its memos: rules ask for one install's facts many times in a row, and reading the
 * memos' property is slow where owners of many shapes pass (values, objects, projects, maps). It keeps that one
 * owner alive until another is asked for.
 */
let lastOwner: object | undefined
let lastMemos: Map<Memo<unknown>, unknown> | undefined

/** One kind of memo: what `memo` files a result under, with the result's type. */
export interface Memo<T> {
  readonly name: string
  /** Never set: carries T. */
  readonly _type?: T
}

export const memoKind = <T>(name: string): Memo<T> => ({ name })

/** A new empty Map: the `make` of a memo that is itself a table (one function for them all, no closure per call). */
export const newMap = <K, V>(): Map<K, V> => new Map()

/**
 * The result of `make()` for `owner` and `kind`, made once per owner. The memos are a non-enumerable property of
 * the owner: a copy made by spreading it (`{ ...values, chart: 'gloo' }`) starts with none of them, as a new key of
 * a WeakMap did, and they never show in its keys, its JSON or a test's deep equality.
 */
export function memo<O extends object, T>(owner: O, kind: Memo<T>, make: (owner: O) => T): T {
  let memos: Map<Memo<unknown>, unknown> | undefined
  if (owner === lastOwner) memos = lastMemos!
  else {
    memos = (owner as Holder)[MEMOS]
    if (!memos) Object.defineProperty(owner, MEMOS, { value: (memos = new Map()) })
    lastOwner = owner
    lastMemos = memos
  }
  const hit = memos.get(kind)
  if (hit !== undefined || memos.has(kind)) return hit as T
  // The owner is passed on: a hot caller hands over a function made once, not a closure per call.
  const out = make(owner)
  memos.set(kind, out)
  return out
}
