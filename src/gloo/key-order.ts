/**
 * The conventional order of keys in Gloo chart values: the order of the chart's own `values.yaml`, which is what
 * `helm show values` prints and what values files copied from it keep.
 */
import type { KeyOrder } from '../yaml/edits.js'

/**
 * The chart's `values.yaml` is generated: `generate.go` writes it with `github.com/ghodss/yaml` (1.22.1
 * install/helm/gloo/generate.go:7, 128, the same from 1.3.0), which marshals through JSON into a plain map, and
 * `gopkg.in/yaml.v2` writes a map's keys sorted by its `keyList.Less` (sorter.go). So every map of the chart's values
 * lists its keys in that order, `values-template.yaml`'s hand-written order being lost: `podTemplate` reads
 * `customLivenessProbe, customReadinessProbe, disableNetBind, enablePodSecurityContext, fsGroup, gracefulShutdown,
 * httpPort, httpsPort, image, probes, runAsUser, runUnprivileged`. This is that order: letters by code point (upper
 * case first), a non-letter before a letter, and runs of digits by their number (`a2` before `a10`).
 */
export function compareChartKeys(a: string, b: string): number {
  if (a === b) return 0
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0
}

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** yaml.v2 sorter.go `keyList.Less` for two string keys. */
function keyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0')
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--)
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

/**
 * The chart's key order for edits under a values root: maps from path index `from` on (the values' own maps;
 * a wrapper's `spec` or `helm` above them keeps its own).
 */
export const chartKeyOrder = (from = 0): KeyOrder => ({ from, compare: compareChartKeys })
