/** Hidden fingerprint markers that make re-runs idempotent: a comment already posted for a finding is recognised by them. */

const PREFIX = 'gloo-harden:fp='
const MARKER = /<!-- gloo-harden:fp=([0-9A-Za-z_-]+) -->/g

/** Hidden HTML comment, e.g. `<!-- gloo-harden:fp=0123abcd -->`; only [0-9A-Za-z_-] survive (no `--`), so it cannot break out. */
export function marker(fingerprint: string): string {
  return `<!-- ${PREFIX}${fingerprint.replace(/[^0-9A-Za-z_-]/g, '').replace(/-+/g, '-')} -->`
}

/**
 * The fingerprint of a body's marker. Our bodies end with their marker, so the last one wins: a marker-like
 * string quoted earlier in the body (inside a suggestion block) cannot impersonate another finding.
 */
export function parseMarker(body: string): string | undefined {
  let last: string | undefined
  for (const m of body.matchAll(MARKER)) last = m[1]
  return last
}
