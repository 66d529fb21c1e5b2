/** Gloo chart versions: parsing and comparison (numeric beta numbers: 1.4.0-beta15 > 1.4.0-beta9). */

export interface Version {
  major: number
  minor: number
  patch: number
  /** [label, number] of a pre-release such as beta15; absent for a release. */
  pre?: [string, number]
  raw: string
}

/** Parses `1.14.3`, `v1.4.0-beta15`, `1.17.x`, `>=1.12.0 <2`, `1.4.10`; undefined when no version is in it. */
export function parseVersion(raw: string | undefined | null): Version | undefined {
  if (!raw) return undefined
  // Rules compare with the same few constants (`isBefore(v, '1.7.0-beta21')`) for every proxy: parsed once.
  const key = String(raw)
  if (parsed.has(key)) return parsed.get(key)
  const v = parseVersionNow(key)
  if (parsed.size >= 10_000) parsed.clear()
  parsed.set(key, v)
  return v
}
const parsed = new Map<string, Version | undefined>()

function parseVersionNow(raw: string): Version | undefined {
  // Only alpha/beta/rc are pre-releases: `1.14.3-fips` and `1.17.0-extended` are build variants of a release.
  const m = /v?(\d+)\.(\d+)(?:\.(\d+|x|\*))?(?:-(alpha|beta|rc)\.?(\d+)?)?/i.exec(String(raw))
  if (!m) return undefined
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : 0,
    pre: m[4] ? [m[4].toLowerCase(), Number(m[5] ?? 0)] : undefined,
    raw: String(raw)
  }
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major
  if (a.minor !== b.minor) return a.minor - b.minor
  if (a.patch !== b.patch) return a.patch - b.patch
  if (!a.pre && !b.pre) return 0
  if (!a.pre) return 1
  if (!b.pre) return -1
  if (a.pre[0] !== b.pre[0]) return a.pre[0] < b.pre[0] ? -1 : 1
  return a.pre[1] - b.pre[1]
}

/** True when `v` is known and older than `than`. Unknown versions are treated as the newest. */
export function isBefore(v: Version | undefined, than: string): boolean {
  if (!v) return false
  return compareVersions(v, parseVersion(than)!) < 0
}

export function isAtLeast(v: Version | undefined, than: string): boolean {
  if (!v) return true
  return compareVersions(v, parseVersion(than)!) >= 0
}

/** In the 1.4.0-beta1…beta14 window, which still had pre-1.3.31 defaults. */
export function inOldBetaWindow(v: Version | undefined): boolean {
  return !!v && v.major === 1 && v.minor === 4 && v.patch === 0 && !!v.pre && v.pre[0] === 'beta' && v.pre[1] <= 14
}

/** Charts before 1.3.31 (and 1.4.0-beta1…14) added NET_BIND_SERVICE and ran without runUnprivileged by default. */
export function hasOldSecurityDefaults(v: Version | undefined): boolean {
  return isBefore(v, '1.3.31') || inOldBetaWindow(v)
}

/**
 * True when a chart of version `v` has a feature the catalog dates as `a/b/c`: the first version in each release
 * line (`1.12.43/1.13.5/1.14.0-beta7`). Its own line decides when listed; lines newer than every listed one have
 * it, older ones lack it, and an unlisted line between listed ones is taken to have it. Unknown versions are the
 * newest.
 */
export function hasSince(v: Version | undefined, since: string): boolean {
  if (!v) return true
  const { firsts, oldest } = sinceOf(since)
  const line = firsts.find((f) => f.major === v.major && f.minor === v.minor)
  if (line) return compareVersions(v, line) >= 0
  return v.major * 1000 + v.minor > oldest
}

/** A catalog date split into its release lines, and its oldest line as `major * 1000 + minor` (once per date). */
function sinceOf(since: string): { firsts: Version[]; oldest: number } {
  let s = sinces.get(since)
  if (!s) {
    const firsts = since.split('/').map((x) => parseVersion(x)!)
    sinces.set(since, (s = { firsts, oldest: Math.min(...firsts.map((f) => f.major * 1000 + f.minor)) }))
  }
  return s
}
// Rules ask with the same few dozen constant dates, for every proxy and key.
const sinces = new Map<string, { firsts: Version[]; oldest: number }>()

/**
 * How a message names the chart a version-dependent verdict is about: `chart 1.17.3` when the version is known;
 * otherwise the chart assumed (catalog section 1.4: the newest defaults), in the words fix condition F1 uses
 * (`assuming chart ≥ 1.14.0-beta11; the chart version is unknown`), where `since` is the boundary the verdict
 * assumes (`a/b/c` as the catalog writes it).
 */
export function chartNamed(v: Version | undefined, since: string): string {
  return v ? `chart ${v.raw}` : `the chart (assuming chart ≥ ${since}; the chart version is unknown)`
}

/**
 * The parenthesis a version-dependent message ends its verdict with: ` (chart 1.17.3)` when the version is known,
 * ` (assuming chart ≥ X; the chart version is unknown)` when it is not (see `chartNamed`).
 */
export function versionNote(v: Version | undefined, since: string): string {
  return v ? ` (chart ${v.raw})` : ` (assuming chart ≥ ${since}; the chart version is unknown)`
}

/**
 * `text` followed by a `versionNote`, sharing one parenthesis when `text` already ends in one:
 * `not set (chart default false)` + ` (chart 1.3.6)` → `not set (chart default false; chart 1.3.6)`.
 */
export function withNote(text: string, note: string): string {
  return text.endsWith(')') && note.startsWith(' (') ? `${text.slice(0, -1)}; ${note.slice(2)}` : text + note
}
