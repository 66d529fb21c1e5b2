import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lint } from '../../src/engine/lint.js'
import { collectFiles, decode, encode, findFiles, listRepoFiles, plannedBytes, readEach, readFiles, readRepoFile, writeRepoFile, type RepoFile } from '../../src/io/files.js'
import { applyEdits } from '../../src/model/edit.js'
import proxyTokenAutomount from '../../src/rules/proxy-token-automount.js'
import validationAlwaysAccept from '../../src/rules/validation-always-accept.js'
import { yaml } from '../../__fixtures__/yaml.js'

const VALUES = yaml`
  gateway:
    validation:
      alwaysAcceptResources: true
`
const SECRET = 'gateway:\n  validation:\n    alwaysAcceptResources: true # SECRET-MARKER\n'
const MAX = 1024 * 1024

let base: string
let root: string
let outside: string

function put(rel: string, content: string | Uint8Array, at = root): void {
  const abs = join(at, rel)
  mkdirSync(dirname(abs), { recursive: true })
  writeFileSync(abs, content)
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'gloo-harden-files-'))
  root = join(base, 'repo')
  outside = join(base, 'outside')
  mkdirSync(root)
  mkdirSync(outside)
  put('secret.yaml', SECRET, outside)
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('collectFiles', () => {
  beforeEach(() => {
    put('.github/gloo-harden.yml', 'rules: {}\n')
    put('.git/config.yaml', 'x: 1\n')
    put('node_modules/chart/values.yaml', VALUES)
    put('helm/values.yaml', VALUES)
    put('helm/values-prod.yml', VALUES)
    put('helm/README.md', '# not a manifest\n')
    put('deploy/settings.yaml', 'kind: Settings\n')
    put('deploy/vendor/crds.json', '{}\n')
    put('Z.yaml', 'a: 1\n')
    put('a.yaml', 'a: 1\n')
  })

  it('walks folders for .yaml/.yml/.json, skips node_modules and .git, sorts by path', async () => {
    const { files, errors } = await collectFiles(['.'], { cwd: root, exclude: [], maxFileSize: MAX })
    expect(errors).toEqual([])
    expect(files.map((f) => f.path)).toEqual([
      '.github/gloo-harden.yml',
      'Z.yaml',
      'a.yaml',
      'deploy/settings.yaml',
      'deploy/vendor/crds.json',
      'helm/values-prod.yml',
      'helm/values.yaml'
    ])
    expect(files.find((f) => f.path === 'helm/values.yaml')?.text).toBe(VALUES)
  })

  it('applies exclude globs to walked files and folders', async () => {
    const { files } = await collectFiles(['.'], { cwd: root, exclude: ['deploy/vendor/**', '**/values-*.yml', '.github/**'], maxFileSize: MAX })
    expect(files.map((f) => f.path)).toEqual(['Z.yaml', 'a.yaml', 'deploy/settings.yaml', 'helm/values.yaml'])
  })

  it('reads a named file whatever its extension, once even when named twice', async () => {
    const { files } = await collectFiles(['helm/README.md', 'helm', './helm/values.yaml'], { cwd: root, exclude: [], maxFileSize: MAX })
    expect(files.map((f) => f.path)).toEqual(['helm/README.md', 'helm/values-prod.yml', 'helm/values.yaml'])
  })

  it('reports each missing path by name', async () => {
    const { files, errors } = await collectFiles(['helm', 'nope', 'deploy/missing.yaml', '../nowhere'], { cwd: root, exclude: [], maxFileSize: MAX })
    expect(files.map((f) => f.path)).toEqual(['helm/values-prod.yml', 'helm/values.yaml'])
    expect(errors).toEqual([
      { path: 'nope', message: 'nope: no such file or directory' },
      { path: 'deploy/missing.yaml', message: 'deploy/missing.yaml: no such file or directory' },
      { path: '../nowhere', message: '../nowhere: no such file or directory' }
    ])
  })

  it('reads a folder or file named outside the working directory, shown relative to it', async () => {
    put('gloo/values.yaml', 'gateway: {}\n', outside)
    const { files, errors } = await collectFiles(['../outside', '../outside/gloo/values.yaml'], { cwd: root, exclude: [], maxFileSize: MAX })
    expect(errors).toEqual([])
    expect(files.map((f) => [f.path, f.text])).toEqual([
      ['../outside/gloo/values.yaml', 'gateway: {}\n'],
      ['../outside/secret.yaml', SECRET]
    ])
  })

  it('lists a symlinked file but does not read outside root through it, nor walk a symlinked folder', async () => {
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'leak.yaml'))
    symlinkSync(outside, join(root, 'linked'))
    const { files } = await collectFiles(['.'], { cwd: root, exclude: ['.github/**'], maxFileSize: MAX })
    expect(files.map((f) => f.path)).toEqual(['Z.yaml', 'a.yaml', 'deploy/settings.yaml', 'deploy/vendor/crds.json', 'helm/values-prod.yml', 'helm/values.yaml', 'leak.yaml'])
    const leak = files.find((f) => f.path === 'leak.yaml')!
    expect(leak).toEqual({ path: 'leak.yaml', text: '', skipped: 'it is a symlink that resolves outside the repository' })
  })

  it('refuses a named folder that is a symlink out of the working directory', async () => {
    symlinkSync(outside, join(root, 'linked'))
    const { files, errors } = await collectFiles(['linked'], { cwd: root, exclude: [], maxFileSize: MAX })
    expect(files).toEqual([])
    expect(errors).toEqual([{ path: 'linked', message: `linked: resolves outside the working directory (${root})` }])
  })

  it('listRepoFiles lists every manifest under root', async () => {
    expect(await listRepoFiles(root, { exclude: ['deploy/**'] })).toEqual(['.github/gloo-harden.yml', 'Z.yaml', 'a.yaml', 'helm/values-prod.yml', 'helm/values.yaml'])
  })
})

describe('findFiles, plannedBytes, readFiles', () => {
  it('plans the files of collectFiles without reading them, and counts their bytes exactly', async () => {
    // 40 files of different sizes, stat'ed concurrently: no size may be lost between two awaits.
    for (let i = 0; i < 40; i++) put(`deploy/f${String(i).padStart(2, '0')}.yaml`, `a: ${'x'.repeat(i * 10)}\n`)
    put('outside.yaml', 'b: 1\n', outside)
    const { plan, errors } = await findFiles(['deploy', '../outside/outside.yaml'], { cwd: root, exclude: ['deploy/f39.yaml'] })
    expect(errors).toEqual([])
    expect(plan.files.map((f) => f.path)).toEqual([...Array.from({ length: 39 }, (_, i) => `deploy/f${String(i).padStart(2, '0')}.yaml`), '../outside/outside.yaml'].sort())
    const sizes = Array.from({ length: 39 }, (_, i) => 4 + i * 10)
    expect(await plannedBytes(plan)).toBe(sizes.reduce((a, b) => a + b, 0) + 5)
    // Stops counting once enough is reached: at least `enough`, less than the whole.
    const some = await plannedBytes(plan, 100)
    expect(some).toBeGreaterThanOrEqual(100)
    expect(some).toBeLessThan(2000)
    const files = await readFiles(plan, { maxFileSize: MAX })
    expect(files.map((f) => [f.path, f.text.length])).toEqual(plan.files.map((f, i) => [f.path, i === 0 ? 5 : sizes[i - 1]]))
  })
})

describe('readEach', () => {
  it('reads, refuses and skips each file as readFiles does, a FIFO without blocking', async () => {
    put('helm/values.yaml', VALUES)
    put('helm/Chart.yaml', 'apiVersion: v2\nname: platform\ndependencies:\n- name: gloo\n  version: 1.17.4\n')
    put('big.yaml', `a: ${'x'.repeat(2000)}\n`)
    put('utf16.yaml', Buffer.from('\ufeffa: 1\n', 'utf16le'))
    put('binary.yaml', Buffer.from([0, 1, 2, 3]))
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'escape.yaml'))
    symlinkSync(join(root, 'helm', 'values.yaml'), join(root, 'inside-link.yaml'))
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'broken.yaml'))
    execFileSync('mkfifo', [join(root, 'fifo.yaml')])
    const { plan } = await findFiles(['.'], { cwd: root, exclude: [] })
    const each: RepoFile[] = []
    for await (const f of readEach(plan, { maxFileSize: 1000 })) each.push(f)
    const all = await readFiles(plan, { maxFileSize: 1000 })
    expect(each).toEqual(all)
    expect(all.map((f) => [f.path, f.skipped ?? `${f.text.length} chars${f.siblingChart ? ' + chart' : ''}${f.encoding ? ` ${f.encoding}` : ''}`])).toEqual([
      ['big.yaml', 'it is 2004 bytes, over max-file-size (1000)'],
      ['binary.yaml', expect.stringMatching(/binary|NUL|not UTF-8/)],
      ['broken.yaml', 'it does not exist (or is a broken symlink)'],
      ['escape.yaml', 'it is a symlink that resolves outside the repository'],
      ['helm/Chart.yaml', '75 chars'],
      ['helm/values.yaml', `${VALUES.length} chars + chart`],
      ['inside-link.yaml', `${VALUES.length} chars`],
      ['utf16.yaml', '6 chars utf-16le']
    ])
    // A FIFO named on the command line is opened without blocking and refused.
    const fifo = await findFiles(['fifo.yaml'], { cwd: root, exclude: [] })
    const [named] = await readFiles(fifo.plan, { maxFileSize: 1000 })
    for await (const f of readEach(fifo.plan, { maxFileSize: 1000 })) expect(f).toEqual(named)
    expect(named.skipped).toBe('it is not a regular file')
    expect(JSON.stringify(all)).not.toContain('SECRET-MARKER')
  })
})

describe('readRepoFile: never outside root', () => {
  it('does not follow a symlinked file whose target is outside root, and does not name the target', async () => {
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'values.yaml'))
    const f = await readRepoFile(root, 'values.yaml', { maxFileSize: MAX })
    expect(f).toEqual({ path: 'values.yaml', text: '', skipped: 'it is a symlink that resolves outside the repository' })
    expect(JSON.stringify(f)).not.toContain('outside/')
  })

  it('does not read through a symlinked folder that points outside', async () => {
    symlinkSync(outside, join(root, 'charts'))
    const f = await readRepoFile(root, 'charts/secret.yaml', { maxFileSize: MAX })
    expect(f.skipped).toBe('it is a symlink that resolves outside the repository')
    expect(f.text).toBe('')
  })

  it('does not read a path that leaves root and comes back in (the folder is checked too)', async () => {
    put('values.yaml', VALUES)
    symlinkSync(join(root, 'values.yaml'), join(outside, 'back.yaml'))
    symlinkSync(outside, join(root, 'via'))
    const f = await readRepoFile(root, 'via/back.yaml', { maxFileSize: MAX })
    expect(f.skipped).toBe('it is a symlink that resolves outside the repository')
  })

  it('follows a symlink that stays inside root', async () => {
    put('base/values.yaml', VALUES)
    mkdirSync(join(root, 'prod'))
    symlinkSync('../base/values.yaml', join(root, 'prod/values.yaml'))
    expect(await readRepoFile(root, 'prod/values.yaml', { maxFileSize: MAX })).toEqual({ path: 'prod/values.yaml', text: VALUES })
  })

  it.each([
    ['../outside/secret.yaml', "its path contains '..'"],
    ['helm/../../outside/secret.yaml', "its path contains '..'"],
    ['/etc/passwd', 'it is an absolute path'],
    ['', 'its name is empty']
  ])('rejects %j', async (rel, reason) => {
    expect(await readRepoFile(root, rel, { maxFileSize: MAX })).toEqual({ path: rel, text: '', skipped: reason })
  })

  it('rejects control characters in the name and prints them escaped', async () => {
    const f = await readRepoFile(root, 'a\nb\u001b[31m.yaml', { maxFileSize: MAX })
    expect(f).toEqual({ path: 'a\\x0ab\\x1b[31m.yaml', text: '', skipped: 'its name contains control characters' })
  })

  it('skips a missing file, a folder and a FIFO without hanging', async () => {
    mkdirSync(join(root, 'helm'))
    expect((await readRepoFile(root, 'nope.yaml', { maxFileSize: MAX })).skipped).toBe('it does not exist (or is a broken symlink)')
    expect((await readRepoFile(root, 'helm', { maxFileSize: MAX })).skipped).toBe('it is not a regular file')
    symlinkSync(join(root, 'gone.yaml'), join(root, 'dangling.yaml'))
    expect((await readRepoFile(root, 'dangling.yaml', { maxFileSize: MAX })).skipped).toBe('it does not exist (or is a broken symlink)')
    if (!existsSync('/usr/bin/mkfifo')) return
    execFileSync('/usr/bin/mkfifo', [join(root, 'pipe.yaml')])
    expect((await readRepoFile(root, 'pipe.yaml', { maxFileSize: MAX })).skipped).toBe('it is not a regular file')
  })
})

describe('readRepoFile: content', () => {
  it('skips a file over max-file-size with its size', async () => {
    put('big.yaml', 'a: 1\n'.repeat(10))
    expect(await readRepoFile(root, 'big.yaml', { maxFileSize: 49 })).toEqual({ path: 'big.yaml', text: '', skipped: 'it is 50 bytes, over max-file-size (49)' })
    expect((await readRepoFile(root, 'big.yaml', { maxFileSize: 50 })).skipped).toBeUndefined()
  })

  it('skips binary and invalid UTF-8 files', async () => {
    put('bin.yaml', Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]))
    put('latin1.yaml', Buffer.from('name: caf\xe9\n', 'latin1'))
    expect((await readRepoFile(root, 'bin.yaml', { maxFileSize: MAX })).skipped).toBe('it is a binary file (it contains NUL bytes)')
    expect((await readRepoFile(root, 'latin1.yaml', { maxFileSize: MAX })).skipped).toBe('it is not valid UTF-8')
  })

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALUES, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(VALUES, 'utf16le').swap16()])]
  ] as const)('decodes %s by its BOM and reports columns without the BOM', async (encoding, bytes) => {
    put('values.yaml', bytes)
    const f = await readRepoFile(root, 'values.yaml', { maxFileSize: MAX })
    expect(f).toEqual({ path: 'values.yaml', text: `\uFEFF${VALUES}`, encoding })
    const findings = lint([f], { rules: [validationAlwaysAccept, proxyTokenAutomount] }).findings
    // Columns on the BOM's line and below; the explicit `true` gets a suggestion only, the missing key a fix.
    expect(findings.map((x) => [x.ruleId, x.span, x.fix?.length ?? 0])).toEqual([
      ['proxy-token-automount', { start: { line: 1, column: 1 }, end: { line: 1, column: 8 } }, 1],
      ['validation-always-accept', { start: { line: 3, column: 28 }, end: { line: 3, column: 32 } }, 0]
    ])
    const fixed = `${VALUES}  proxyServiceAccount:\n    disableAutomount: true\n`
    expect(encode(applyEdits(f.text, findings[0].fix!).output, encoding)).toEqual(
      Buffer.concat([bytes.subarray(0, 2), encoding === 'utf-16le' ? Buffer.from(fixed, 'utf16le') : Buffer.from(fixed, 'utf16le').swap16()])
    )
  })

  it('keeps a UTF-8 BOM in the text; positions and inserted indentation ignore it', async () => {
    put('values.yaml', `\uFEFF${VALUES}`)
    const f = await readRepoFile(root, 'values.yaml', { maxFileSize: MAX })
    expect(f).toEqual({ path: 'values.yaml', text: `\uFEFF${VALUES}` })
    const [finding] = lint([f], { rules: [proxyTokenAutomount] }).findings
    expect(finding.span).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 8 } })
    expect(applyEdits(f.text, finding.fix!).output).toBe(
      '\uFEFF' +
        yaml`
          gateway:
            validation:
              alwaysAcceptResources: true
            proxyServiceAccount:
              disableAutomount: true
        `
    )
  })

  it('keeps CRLF line breaks', async () => {
    put('values.yaml', VALUES.replace(/\n/g, '\r\n'))
    const f = await readRepoFile(root, 'values.yaml', { maxFileSize: MAX })
    expect(f.text).toBe('gateway:\r\n  validation:\r\n    alwaysAcceptResources: true\r\n')
    const [finding] = lint([f], { rules: [validationAlwaysAccept] }).findings
    expect(finding.span.start).toEqual({ line: 3, column: 28 })
  })
})

describe('readRepoFile: sibling Chart.yaml', () => {
  const CHART = yaml`
    apiVersion: v2
    name: edge
    version: 0.1.0
    dependencies:
      - name: gloo
        version: 1.17.3
        repository: https://storage.googleapis.com/solo-public-helm
  `

  it('attaches a Chart.yaml with a gloo dependency to values*.yaml next to it', async () => {
    put('charts/edge/Chart.yaml', CHART)
    put('charts/edge/values.yaml', 'gloo:\n  gateway:\n    validation:\n      alwaysAcceptResources: true\n')
    put('charts/edge/values-prod.yaml', 'gloo: {}\n')
    put('charts/edge/templates.yaml', 'kind: ConfigMap\n')
    expect((await readRepoFile(root, 'charts/edge/values.yaml', { maxFileSize: MAX })).siblingChart).toBe(CHART)
    expect((await readRepoFile(root, 'charts/edge/values-prod.yaml', { maxFileSize: MAX })).siblingChart).toBe(CHART)
    expect((await readRepoFile(root, 'charts/edge/templates.yaml', { maxFileSize: MAX })).siblingChart).toBeUndefined()
    const { findings } = lint([await readRepoFile(root, 'charts/edge/values.yaml', { maxFileSize: MAX })], { rules: [validationAlwaysAccept] })
    expect(findings.map((f) => [f.message, f.span.start.line, f.span.start.column])).toEqual([
      ['gloo.gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources.', 4, 30]
    ])
  })

  it('asks for a Chart.yaml only in folders whose listing has one, excluded from the scan or not', async () => {
    put('charts/edge/Chart.yaml', CHART)
    put('charts/edge/values.yaml', 'gloo: {}\n')
    put('plain/values.yaml', 'gloo: {}\n')
    const { plan } = await findFiles(['.'], { cwd: root, exclude: ['**/Chart.yaml'] })
    expect(plan.files.map((f) => f.path)).toEqual(['charts/edge/values.yaml', 'plain/values.yaml'])
    expect([...plan.chartless!].map((d) => relative(root, d) || '.').sort()).toEqual(['.', 'charts', 'plain'])
    // A Chart.yaml that appears after the walk is not looked for: the listing stands for the folder.
    put('plain/Chart.yaml', CHART)
    const read = await readFiles(plan, { maxFileSize: MAX })
    expect(read.map((f) => [f.path, f.siblingChart === CHART])).toEqual([
      ['charts/edge/values.yaml', true],
      ['plain/values.yaml', false]
    ])
    // Named one by one, each is asked for.
    const named = await findFiles(['charts/edge/values.yaml', 'plain/values.yaml'], { cwd: root, exclude: [] })
    expect(named.plan.chartless!.size).toBe(0)
    expect((await readFiles(named.plan, { maxFileSize: MAX })).map((f) => f.siblingChart === CHART)).toEqual([true, true])
  })

  it('ignores a Chart.yaml without a gloo dependency, and one that is a symlink out of root', async () => {
    put('a/Chart.yaml', 'apiVersion: v2\nname: other\ndependencies:\n  - name: redis\n')
    put('a/values.yaml', VALUES)
    expect((await readRepoFile(root, 'a/values.yaml', { maxFileSize: MAX })).siblingChart).toBeUndefined()
    put('Chart.yaml', CHART, outside)
    put('values.yaml', VALUES)
    symlinkSync(join(outside, 'Chart.yaml'), join(root, 'Chart.yaml'))
    expect((await readRepoFile(root, 'values.yaml', { maxFileSize: MAX })).siblingChart).toBeUndefined()
  })
})

describe('decode, encode, writeRepoFile', () => {
  it('round-trips every encoding byte for byte', () => {
    for (const enc of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
      const bytes = encode('\uFEFFkey: "é ✓ 𝄞"\r\n', enc)
      const d = decode(bytes)
      expect(d).toEqual({ text: '\uFEFFkey: "é ✓ 𝄞"\r\n', encoding: enc })
    }
    expect(decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).toEqual({ skipped: 'it is not valid UTF-16LE' })
  })

  it('writes in place in the file encoding, and refuses a symlink out of root', async () => {
    put('values.yaml', encode('\uFEFFa: 1\n', 'utf-16le'))
    await writeRepoFile(root, 'values.yaml', '\uFEFFa: 2\n', 'utf-16le')
    expect(readFileSync(join(root, 'values.yaml'))).toEqual(encode('\uFEFFa: 2\n', 'utf-16le'))
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'leak.yaml'))
    await expect(writeRepoFile(root, 'leak.yaml', 'x: 1\n')).rejects.toThrow('leak.yaml: not written: it resolves outside the repository')
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe(SECRET)
  })
})
