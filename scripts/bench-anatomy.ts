/**
 * Where a scan's time and peak RSS go, for the benchmark's anatomy section (`npm run bench -- --only anatomy`):
 * a CPU profile of the CLI bundle, each sample given to the bundled module it ran in, and the process's memory
 * map at exit, grouped by what holds it.
 */
import { firstAtLeast } from '../src/model/sorted.js'

/** The bundle's modules by first line (0-based, ascending), from ncc's `// CONCATENATED MODULE: …` markers. */
export interface ModuleMap {
  starts: number[]
  names: string[]
}

const MARKER = /^;?\/\/ CONCATENATED MODULE: (.+)$/

/** The modules of a bundle's text: `src/…` without the prefix, `node_modules/<package>` for a dependency. */
export function moduleMap(bundle: string): ModuleMap {
  const starts = [0]
  const names = ['(bundle runtime)']
  const lines = bundle.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i])
    if (!m || m[1].startsWith('external ')) continue
    const path = m[1].replace(/^\.\//, '')
    const dep = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
    starts.push(i)
    names.push(dep ? `node_modules/${dep[1]}` : path.replace(/^src\//, ''))
  }
  return { starts, names }
}

/** The module holding a 0-based line of the bundle (the last to start at or before it; the runtime starts at 0). */
export function moduleAt(map: ModuleMap, line: number): string {
  return map.names[Math.max(0, firstAtLeast(map.starts, line + 1) - 1)]
}

/** The parts of a V8 CPU profile (`--cpu-prof`) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

export interface TimeAnatomy {
  /** Milliseconds by module (see `timeByModule`). */
  byModule: Map<string, number>
  /** Milliseconds of the samples with a rule's frame on their stack (`rules/…`), whatever module they ran in. */
  underRules: number
  totalMs: number
}

/**
 * A profile's samples by module: each goes to the module of its innermost frame in the bundle (`bundleUrl`), so
 * a read goes to the module that asked for it and a builtin to its caller. Samples with no bundled frame: the
 * garbage collector's, and the rest (start-up, Node's own code, V8) as one.
 */
export function timeByModule(profile: CpuProfile, bundleUrl: string, map: ModuleMap): TimeAnatomy {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  // Each node's module and whether a rule is on its stack, worked out once per node.
  const seen = new Map<number, { module: string; rule: boolean }>()
  const classify = (id: number): { module: string; rule: boolean } => {
    const known = seen.get(id)
    if (known) return known
    const node = byId.get(id)!
    const frame = node.callFrame
    const own = frame.url === bundleUrl && frame.lineNumber >= 0 ? moduleAt(map, frame.lineNumber) : undefined
    const up = parent.has(id) ? classify(parent.get(id)!) : undefined
    let module = own ?? up?.module
    if (module === undefined || module === OUTSIDE) module = frame.functionName === '(garbage collector)' ? GC : OUTSIDE
    const out = { module, rule: (own?.startsWith('rules/') ?? false) || (up?.rule ?? false) }
    seen.set(id, out)
    return out
  }
  const byModule = new Map<string, number>()
  let underRules = 0
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const { module, rule } = classify(profile.samples[i])
    byModule.set(module, (byModule.get(module) ?? 0) + ms)
    if (rule) underRules += ms
    total += ms
  }
  return { byModule, underRules, totalMs: total }
}
export const GC = '(garbage collector)'
export const OUTSIDE = '(start-up, Node and V8, outside the bundle)'

/** Resident kB of a process by what holds it (`/proc/<pid>/smaps`). */
export type MemoryAnatomy = Record<'v8Pages' | 'binary' | 'anonymous' | 'brk' | 'libraries' | 'other', number>

/**
 * Groups a `smaps` text's resident memory: V8's heap pages (anonymous mappings of exactly 256 KB, V8's page size),
 * the executable's own pages (`binary`, its path ending in `binaryName`), other anonymous memory (malloc's thread
 * arenas, V8's large objects and code ranges), the brk heap (malloc's main arena), shared libraries, the rest.
 */
export function memoryByKind(smaps: string, binaryName = '/node'): MemoryAnatomy {
  const out: MemoryAnatomy = { v8Pages: 0, binary: 0, anonymous: 0, brk: 0, libraries: 0, other: 0 }
  let kind: keyof MemoryAnatomy = 'other'
  for (const line of smaps.split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (m) {
      const kb = (parseInt(m[2], 16) - parseInt(m[1], 16)) / 1024
      const name = m[3]
      kind = name === '' ? (kb === 256 ? 'v8Pages' : 'anonymous') : name === '[heap]' ? 'brk' : name.endsWith(binaryName) ? 'binary' : /\.so(\.|$)/.test(name) ? 'libraries' : 'other'
      continue
    }
    if (line.startsWith('Rss:')) out[kind] += Number(line.split(/\s+/)[1])
  }
  return out
}
