#!/usr/bin/env node
// The installed command: the ncc bundle of src/cli.ts (built by `npm run build`).
import { main } from '../dist/cli/index.js'

await main()
