#!/usr/bin/env node
// The installed command: the ncc bundle of src/cli.ts (built by `npm run build`). Node's compile cache (Node 22.1
// and later; a no-op before) keeps the bundle's compiled code between runs: pre-commit starts it on every commit.
import module from 'node:module'

module.enableCompileCache?.()
const { main } = await import('../dist/cli/index.js')
await main()
