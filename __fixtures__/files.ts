/** Folders of files read into tests: a run's YAML files, or a whole tree of text to compare before and after. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { LintFile } from '../src/engine/lint.js'

/** Every file under `dir`, depth first, with its path relative to `dir` (forward slashes). */
function walk(dir: string, each: (path: string, rel: string) => void): void {
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) visit(p)
      else each(p, relative(dir, p).split('\\').join('/'))
    }
  }
  visit(dir)
}

/**
 * Every YAML file under the named folders of `root` (all of it by default) as files of one run, repo-relative to
 * `root` behind `prefix`, sorted by path.
 */
export function yamlFiles(root: string, folders: readonly string[] = [''], prefix = ''): LintFile[] {
  const out: LintFile[] = []
  for (const folder of folders)
    walk(join(root, folder), (p, rel) => {
      if (/\.(ya?ml|json)$/.test(p)) out.push({ path: `${prefix}${folder ? `${folder}/` : ''}${rel}`, text: readFileSync(p, 'utf8') })
    })
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Every file under a folder by relative path (`latin1` keeps any bytes as they are). */
export function readTree(dir: string, encoding: BufferEncoding = 'utf8'): Record<string, string> {
  const out: Record<string, string> = {}
  walk(dir, (p, rel) => {
    out[rel] = readFileSync(p, encoding)
  })
  return out
}
