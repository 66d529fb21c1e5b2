// Preloaded with `node --require` by the benchmark's anatomy section: writes the process's memory map
// (/proc/self/smaps, Linux) to the file SMAPS_OUT names when the process exits, for scripts/bench-anatomy.ts.
// (Read and written, not copied: a /proc file has no size to copy.)
const { readFileSync, writeFileSync } = require('node:fs')
process.on('exit', () => {
  if (!process.env.SMAPS_OUT) return
  try {
    writeFileSync(process.env.SMAPS_OUT, readFileSync('/proc/self/smaps', 'utf8'))
  } catch {
    // Not Linux: no map, and the benchmark says so.
  }
})
