/**
 * The benchmark's anatomy section (scripts/bench-anatomy.ts): a CPU profile's samples by bundled module, and a
 * memory map by what holds it.
 */
import { describe, expect, it } from 'vitest'
import { GC, memoryByKind, moduleAt, moduleMap, OUTSIDE, timeByModule, type CpuProfile } from '../scripts/bench-anatomy.js'

// The shape of ncc's output: a runtime first, then one marker per concatenated module (externals have markers too).
const BUNDLE = [
  'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";', // 0
  '/******/ var __webpack_modules__ = ({', // 1
  ';// CONCATENATED MODULE: ./src/model/finding.ts', // 2
  'const SEVERITIES = ["error", "warning", "notice"];', // 3
  ';// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs', // 4
  'function readPlainScalar(state) {}', // 5
  ';// CONCATENATED MODULE: external "node:fs"', // 6
  'const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");', // 7
  ';// CONCATENATED MODULE: ./node_modules/@octokit/request/dist-src/index.js', // 8
  'function request() {}', // 9
  ';// CONCATENATED MODULE: ./src/rules/proxy-probes.ts', // 10
  'function* checkValues(v) {}', // 11
  ';// CONCATENATED MODULE: ./src/gloo/values.ts', // 12
  'function coalescedFrom(layers, starts, path, from) {}' // 13
].join('\n')

const URL = 'file:///repo/dist/cli/index.js'

describe('moduleMap and moduleAt', () => {
  const map = moduleMap(BUNDLE)

  it("names each module from ncc's markers: src/ without its prefix, a dependency by its package, externals left out", () => {
    expect(map.names).toEqual(['(bundle runtime)', 'model/finding.ts', 'node_modules/js-yaml', 'node_modules/@octokit/request', 'rules/proxy-probes.ts', 'gloo/values.ts'])
    expect(map.starts).toEqual([0, 2, 4, 8, 10, 12])
  })

  it('finds the module holding a line: its own marker line, the lines after it, an external inside the module before', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 99].map((line) => moduleAt(map, line))).toEqual([
      '(bundle runtime)',
      '(bundle runtime)',
      'model/finding.ts',
      'model/finding.ts',
      'node_modules/js-yaml',
      'node_modules/js-yaml',
      'node_modules/js-yaml',
      'node_modules/@octokit/request',
      'rules/proxy-probes.ts',
      'gloo/values.ts',
      'gloo/values.ts',
      'gloo/values.ts'
    ])
  })
})

describe('timeByModule', () => {
  const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber })
  // (root) ─┬─ main (bundle, runtime) ─┬─ checkValues (rules/proxy-probes) ── coalescedFrom (gloo/values) ── readSync (node:fs)
  //         │                          └─ readPlainScalar (js-yaml) ── (anonymous builtin, no url)
  //         ├─ (garbage collector)
  //         └─ (program)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '', -1), children: [2, 7, 8] },
      { id: 2, callFrame: frame('main', URL, 1), children: [3, 5] },
      { id: 3, callFrame: frame('checkValues', URL, 11), children: [4] },
      { id: 4, callFrame: frame('coalescedFrom', URL, 13), children: [9] },
      { id: 5, callFrame: frame('readPlainScalar', URL, 5), children: [6] },
      { id: 6, callFrame: frame('', '', -1) },
      { id: 7, callFrame: frame('(garbage collector)', '', -1) },
      { id: 8, callFrame: frame('(program)', '', -1) },
      { id: 9, callFrame: frame('readSync', 'node:fs', 700) }
    ],
    //        main  rule  values  yaml  builtin  gc    program  fs(values)  values
    samples: [2, 3, 4, 5, 6, 7, 8, 9, 4],
    timeDeltas: [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]
  }

  it('gives each sample to the module of its innermost bundled frame, and the rest to the collector or to outside', () => {
    const t = timeByModule(profile, URL, moduleMap(BUNDLE))
    expect(Object.fromEntries(t.byModule)).toEqual({
      '(bundle runtime)': 1,
      'rules/proxy-probes.ts': 2,
      // its own two samples (3 and 9 ms) and the read it asked for (8 ms)
      'gloo/values.ts': 20,
      // its own sample and its builtin's
      'node_modules/js-yaml': 9,
      [GC]: 6,
      [OUTSIDE]: 7
    })
    expect(t.totalMs).toBe(45)
  })

  it("counts the samples with a rule's frame on their stack, whatever module they ran in", () => {
    // checkValues (2), coalescedFrom under it (3 + 9), the read under that (8)
    expect(timeByModule(profile, URL, moduleMap(BUNDLE)).underRules).toBe(22)
  })

  it('counts no frame of another file as the bundle', () => {
    const t = timeByModule(profile, 'file:///elsewhere/index.js', moduleMap(BUNDLE))
    expect(Object.fromEntries(t.byModule)).toEqual({ [OUTSIDE]: 39, [GC]: 6 })
    expect(t.underRules).toBe(0)
  })
})

describe('memoryByKind', () => {
  const mapping = (from: number, kb: number, name: string, rss: number): string =>
    [
      `${from.toString(16)}-${(from + kb * 1024).toString(16)} rw-p 00000000 00:00 0${name ? `                          ${name}` : ''}`,
      `Size:             ${kb} kB`,
      `Rss:              ${rss} kB`,
      'Pss:              0 kB'
    ].join('\n')

  it('groups resident kB: V8 pages (256 kB), the binary, anonymous, brk, libraries and the rest', () => {
    const smaps = [
      mapping(0x1000000, 256, '', 200),
      mapping(0x2000000, 256, '', 56),
      mapping(0x3000000, 8192, '', 7000),
      mapping(0x4000000, 1024, '/work/node_modules/node/bin/node', 900),
      mapping(0x5000000, 2048, '[heap]', 1500),
      mapping(0x6000000, 512, '/usr/lib/x86_64-linux-gnu/libc.so.6', 400),
      mapping(0x7000000, 128, '/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30', 100),
      mapping(0x8000000, 4, '[stack]', 4),
      mapping(0x9000000, 64, '/work/node_modules/.bin/nodemon.js', 10)
    ].join('\n')
    expect(memoryByKind(smaps)).toEqual({ v8Pages: 256, binary: 900, anonymous: 7000, brk: 1500, libraries: 500, other: 14 })
  })
})
