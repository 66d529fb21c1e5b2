#!/usr/bin/env node
// The installed command: the ncc bundle of src/cli.ts (built by `npm run build`). pre-commit starts it on every
// commit, so it starts as fast as it can (docs/benchmarks.md, start-up):
// - Node's compile cache (Node 22.1 and later; a no-op before) keeps the bundle's compiled code between runs;
// - the bundle is compiled eagerly (V8's --no-lazy, for its import only): the cache then holds every function,
//   not just the top level, so a run compiles nothing (5 ms of a one-file run). V8 keys its cache by its flags,
//   so this cache does not clash with a lazy one. Lazy compiling is back on before the run. The built-in modules
//   the bundle loads as it starts are loaded here first: Node's own code would otherwise be compiled eagerly too,
//   without its cache.
import 'node:fs/promises'
import module from 'node:module'
import v8 from 'node:v8'

const eager = typeof module.enableCompileCache === 'function'
if (eager) {
  v8.setFlagsFromString('--no-lazy')
  module.enableCompileCache()
}
const { main } = await import('../dist/cli/index.js').finally(() => eager && v8.setFlagsFromString('--lazy'))
await main()
