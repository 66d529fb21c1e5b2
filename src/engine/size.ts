/** Sizes as people write them, shared by the action input and the config file: `524288`, `512k`, `5MB`, `5 MiB`. */

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 }

/** Bytes (binary units, as most tools show file sizes); undefined when the text is not a size or not positive. */
export function bytesOf(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined
  if (!m || unit === undefined) return undefined
  const bytes = Math.floor(Number(m[1]) * unit)
  return bytes > 0 ? bytes : undefined
}
