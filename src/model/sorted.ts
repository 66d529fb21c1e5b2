/** Bisection. */

/**
 * The first index in [0, length) at which `before(i)` is false, `before` being true up to some index and false from
 * there on (`length` when it is true throughout).
 */
export function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of the first of ascending `sorted` that is at least `x` (its length when there is none). */
export const firstAtLeast = (sorted: ArrayLike<number>, x: number): number => firstNotBefore(sorted.length, (i) => sorted[i] < x)
