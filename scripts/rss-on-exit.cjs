// Preloaded with `node --require` by the benchmark: prints the process's peak RSS (kB) on exit, to stderr.
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`))
