/** The SARIF sink: the reported findings as a SARIF 2.1.0 log for code scanning (input `sarif-file`). */
import * as core from '@actions/core'
import { constants, existsSync } from 'node:fs'
import { mkdir, open, realpath, type FileHandle } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import { toSarif } from '../../report/sarif.js'
import { rules } from '../../rules/index.js'
import { shown, warn } from '../log.js'
import type { Sink } from '../publish.js'

export interface SarifSinkOptions {
  workspace: string
  /** Where to write, relative to the workspace or absolute. */
  path: string
  toolVersion: string
}

export function sarifSink(o: SarifSinkOptions): Sink {
  return {
    name: 'sarif',
    async publish(stream) {
      const sarif = toSarif(stream.reported, rules, { toolVersion: o.toolVersion, sources: new Map([...stream.files].map(([path, f]) => [path, f.text])) })
      try {
        core.setOutput('sarif-file', await writeSarif(o.workspace, o.path, JSON.stringify(sarif, null, 2) + '\n'))
      } catch (err) {
        // The findings are in the summary and the gate already; a SARIF log that cannot be written must not
        // turn the job's result into an accident.
        warn(`The SARIF log was not written: ${(err as Error).message}`)
      }
    }
  }
}

/**
 * Writes the SARIF log. Inside the workspace (which the pull request controls) it must not follow a symlink
 * out: a planted `results.sarif -> ~/.bashrc` would otherwise be overwritten. Returns the absolute path.
 */
async function writeSarif(workspace: string, path: string, text: string): Promise<string> {
  const target = resolve(workspace, path)
  const root = resolve(workspace)
  if (target === root || target.startsWith(root + sep)) {
    const realRoot = await realpath(root)
    // The nearest existing folder decides where mkdir would go.
    let dir = dirname(target)
    while (!existsSync(dir) && dir !== root) dir = dirname(dir)
    const realDir = await realpath(dir)
    if (realDir !== realRoot && !realDir.startsWith(realRoot + sep)) throw new Error(`${shown(path)} is under a symlink that leads outside the workspace`)
  }
  await mkdir(dirname(target), { recursive: true })
  let handle: FileHandle
  try {
    handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new Error(`${shown(path)} is a symlink; it is not followed`)
    throw err
  }
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`${shown(path)} is not a regular file`)
    await handle.writeFile(text)
  } finally {
    await handle.close()
  }
  return target
}
