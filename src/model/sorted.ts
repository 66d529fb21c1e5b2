/** Searching ascending numbers. */

/** The index of the first of ascending `sorted` that is at least `x` (its length when there is none), by bisection. */
export function firstAtLeast(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}
