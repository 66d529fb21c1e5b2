/** The action's entry point (dist/index.js is its bundle): everything happens in run(). */
import { run } from './main.js'

await run()
