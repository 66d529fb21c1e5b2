/**
 * Hostile pull requests end to end: symlinks out of the workspace, file names the API should never have
 * returned, and file contents written to break out of every place gloo-harden writes text. The bundled action
 * runs against the fake GitHub API; a canary in the files outside the workspace must never come back.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../../__fixtures__/fake-github.js'
import { actionEntry, HEAD_SHA, makeWorkspace, removeWorkspace, ROOT, runAction, type ActionRun } from '../../__fixtures__/e2e/harness.js'
import { commandsOf, entryWithEnv, eventFor, expectNowhere, FAST_API, splitMarkdown, unescapeData, unescapeProperty } from '../../__fixtures__/e2e/scenarios.js'
import { parseMarker } from '../../src/report/fingerprint.js'

const KEEP = ['proxy-token-automount', 'proxy-single-replica', 'yaml-duplicate-key', 'file-skipped']
/** In the contents of every file outside the workspace. */
const CANARY = 'canary-7d1f0b52-93c4-4e6a-b8f2-0c5d9e3a6f14'
/** In the name of the folder outside the workspace: a skip reason must not name a link's target either. */
const TARGET = 'target-e41c9a'
const ZWJ = '\u200D'

let entry = ''
const cleanups: (() => void)[] = []
beforeAll(async () => {
  const built = await actionEntry()
  const fast = entryWithEnv(built.entry, FAST_API)
  entry = fast.entry
  cleanups.push(fast.cleanup, built.cleanup)
}, 300_000)
afterAll(() => cleanups.forEach((c) => c()))

let fake: FakeGitHub | undefined
let workspace = ''
afterEach(async () => {
  await fake?.stop()
  fake = undefined
  if (workspace) removeWorkspace(workspace)
  workspace = ''
})

/** A values file that would produce findings quoting the canary, if it were ever read. */
const SECRET_VALUES = `# ${CANARY}
gateway:
  proxyServiceAccount:
    disableAutomount: false # ${CANARY}
gatewayProxies:
  "${CANARY}":
    kind:
      deployment:
        replicas: 1
`

/** The workspace, and beside it (outside) a folder holding the canary. */
function setup(): { ws: string; outside: string } {
  workspace = makeWorkspace(KEEP)
  const outside = join(dirname(workspace), `outside-${TARGET}`)
  mkdirSync(outside)
  writeFileSync(join(outside, 'values.yaml'), SECRET_VALUES)
  return { ws: workspace, outside }
}

/** A changed file whose every line is added, with its head content (so its blob could be fetched). */
function added(filename: string, content: string): FakePullFile {
  const lines = content.replace(/\n$/, '').split('\n')
  return { filename, status: 'added', content, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}` }
}

/** The fixture PR's change of gloo/values.yaml (one error on line 15), with the workspace's copy as its head. */
function fixtureValues(ws: string): FakePullFile {
  return {
    filename: 'gloo/values.yaml',
    status: 'modified',
    content: readFileSync(join(ws, 'gloo/values.yaml'), 'utf8'),
    patch: '@@ -10,7 +10,9 @@\n gateway:\n   validation:\n     enabled: true\n-    alwaysAcceptResources: false\n+    alwaysAcceptResources: true\n+  proxyServiceAccount:\n+    disableAutomount: false\n gatewayProxies:\n   gatewayProxy:\n     kind:'
  }
}

/** `severity path:line rule` of the check run's annotations. */
const annotations = (f: FakeGitHub): string[] => f.checkRun()!.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line} ${a.title.replace('gloo-harden: ', '')}`)
const blobRequests = (f: FakeGitHub) => f.requests.filter((r) => r.path.includes('/git/blobs/'))

/** Every workflow command of the log is one gloo-harden issues; none was forged by a name or a value. */
function expectOwnCommands(run: ActionRun): void {
  for (const c of commandsOf(run.stdout)) {
    expect(['add-mask', 'error', 'warning', 'notice']).toContain(c.command)
    expect(c.message).not.toMatch(/^(pwned|injected)/)
  }
  expect(run.stdout).not.toMatch(/^::(error|warning|notice)::(pwned|injected)/m)
}

describe('symlinks out of the workspace', () => {
  it('a changed file that is a symlink, or lies under a symlinked folder, is never read: a skip notice, no canary anywhere', async () => {
    const { ws, outside } = setup()
    symlinkSync(`../../outside-${TARGET}/values.yaml`, join(ws, 'gloo/escape.yaml'))
    symlinkSync(outside, join(ws, 'linked'))
    // Not in the pull request: read only as context, and not either.
    symlinkSync(join(outside, 'values.yaml'), join(ws, 'platform/leak.yaml'))
    fake = await startFakeGitHub({
      headSha: HEAD_SHA,
      files: [
        fixtureValues(ws),
        // A symlink's blob is its target; the API shows it as a one-line file.
        { ...added('gloo/escape.yaml', `../../outside-${TARGET}/values.yaml`), patch: `@@ -0,0 +1 @@\n+../../outside-${TARGET}/values.yaml\n\\ No newline at end of file` },
        added('linked/values.yaml', 'gateway:\n  proxyServiceAccount:\n    disableAutomount: true\n')
      ]
    })
    const run = await runAction(entry, { fake, workspace: ws, eventPath: eventFor(fake, ws), inputs: { 'sarif-file': 'reports/gloo-harden.sarif' } })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    // Neither the link nor the file behind the folder is replaced by the API's copy of the head.
    expect(blobRequests(fake)).toEqual([])
    expect(run.outputs).toMatchObject({ findings: '3', errors: '1', warnings: '0', notices: '2', conclusion: 'failure' })
    const skipped = fake.comments.filter((c) => c.body.includes('file-skipped')).map((c) => `${c.path}:${c.line} ${/\n\n(.*was not checked.*)\n/.exec(c.body)?.[1]}`)
    expect(skipped).toEqual([
      'gloo/escape.yaml:1 gloo/escape.yaml was not checked: it is a symlink that resolves outside the repository.',
      'linked/values.yaml:1 linked/values.yaml was not checked: it is a symlink that resolves outside the repository.'
    ])
    expect(fake.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['gloo/values.yaml:15', 'gloo/escape.yaml:1', 'linked/values.yaml:1'])
    const sarif = readFileSync(join(ws, 'reports/gloo-harden.sarif'), 'utf8')
    expect(JSON.parse(sarif).runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}`)).toEqual([
      'file-skipped gloo/escape.yaml',
      'proxy-token-automount gloo/values.yaml',
      'file-skipped linked/values.yaml'
    ])
    expectNowhere(CANARY, run, fake, [sarif])
    expectNowhere(TARGET, run, fake, [sarif])
  })

  it('scanning the whole repository: a symlinked file is skipped with a notice, symlinked folders are not entered', async () => {
    const { ws, outside } = setup()
    symlinkSync(`../../outside-${TARGET}/values.yaml`, join(ws, 'gloo/escape.yaml'))
    symlinkSync(outside, join(ws, 'linked'))
    // A folder link named like a manifest.
    symlinkSync(outside, join(ws, 'platform/linked.yaml'))
    fake = await startFakeGitHub({ headSha: HEAD_SHA })
    const run = await runAction(entry, { fake, workspace: ws, eventName: 'workflow_dispatch', sha: HEAD_SHA, inputs: { 'sarif-file': 'gloo-harden.sarif' } })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    // The fixture repository's own findings, and a notice for the link; nothing from behind either folder link.
    expect(annotations(fake)).toEqual([
      'failure gloo/gateway-proxy-sa.yaml:5 proxy-token-automount',
      'failure gloo/values.yaml:15 proxy-token-automount',
      'failure platform/legacy/values.yaml:4 proxy-token-automount',
      'warning platform/legacy/values.yaml:2 proxy-single-replica',
      'notice gloo/escape.yaml:1 file-skipped'
    ])
    expect(fake.checkRun()!.annotations.at(-1)!.message).toMatch(/^gloo\/escape\.yaml was not checked: it is a symlink that resolves outside the repository\./)
    const sarif = readFileSync(join(ws, 'gloo-harden.sarif'), 'utf8')
    expectNowhere(CANARY, run, fake, [sarif])
    expectNowhere(TARGET, run, fake, [sarif])
  })

  it.each([
    ['a symlink to a file outside', 'gloo-harden.sarif', 'gloo-harden.sarif is a symlink; it is not followed'],
    ['under a symlinked folder', 'out/gloo-harden.sarif', 'out/gloo-harden.sarif is under a symlink that leads outside the workspace']
  ])('a SARIF path the pull request planted as %s is not written through', async (_what, path, reason) => {
    const { ws, outside } = setup()
    writeFileSync(join(outside, 'victim.sarif'), 'untouched\n')
    symlinkSync(join(outside, 'victim.sarif'), join(ws, 'gloo-harden.sarif'))
    symlinkSync(outside, join(ws, 'out'))
    fake = await startFakeGitHub({ headSha: HEAD_SHA, files: [fixtureValues(ws)] })
    const run = await runAction(entry, { fake, workspace: ws, eventPath: eventFor(fake, ws), inputs: { 'sarif-file': path } })
    expect(run.stderr).toBe('')
    expect(readFileSync(join(outside, 'victim.sarif'), 'utf8')).toBe('untouched\n')
    expect(existsSync(join(outside, 'gloo-harden.sarif'))).toBe(false)
    expect(run.stdout).toContain(`::warning::The SARIF log was not written: ${reason}`)
    // The findings still gate the job and reach the check run.
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({ findings: '1', 'new-findings': '1', errors: '1', warnings: '0', notices: '0', conclusion: 'failure' })
    expect(fake.checkRun()!.conclusion).toBe('failure')
  })
})

describe('file names from the API', () => {
  /** Names the files API must not get us to read, fetch or print raw, with the reason given. */
  const refusedNames = (outside: string): [string, string][] => [
    [`../outside-${TARGET}/values.yaml`, "its path contains '..'"],
    [join(outside, 'values.yaml'), 'it is an absolute path'],
    ['gloo/evil\n::error::injected by a name.yaml', 'its name contains control characters or line breaks'],
    // Node would open gloo/\uFFFD.yaml for it.
    ['gloo/\uD800.yaml', 'its name is not valid Unicode'],
    ['gloo/./values.yaml', "its path has an empty or '.' segment"]
  ]
  /** Odd but legitimate names: read, commented on and linked like any other. */
  const PERCENT = 'gloo/evil%0A::warning::injected by a name, col=1.yaml'
  const UNICODE = 'tenants/@acme/platform-team/wérte \u202E\u200B.yaml'
  const LEGIT_VALUES = 'gateway:\n  proxyServiceAccount:\n    disableAutomount: false\n'

  async function start(options: { readOnly?: boolean } = {}): Promise<string> {
    const { ws, outside } = setup()
    // The files behind the refused names exist, holding the canary: reading any of them would show.
    writeFileSync(join(ws, 'gloo/evil\n::error::injected by a name.yaml'), SECRET_VALUES)
    writeFileSync(join(ws, 'gloo/\uFFFD.yaml'), SECRET_VALUES)
    writeFileSync(join(ws, PERCENT), LEGIT_VALUES)
    mkdirSync(join(ws, dirname(UNICODE)), { recursive: true })
    writeFileSync(join(ws, UNICODE), LEGIT_VALUES)
    fake = await startFakeGitHub({
      headSha: HEAD_SHA,
      readOnly: options.readOnly,
      files: [...refusedNames(outside).map(([name]) => added(name, `# head of ${name}\n${SECRET_VALUES}`)), added(PERCENT, LEGIT_VALUES), added(UNICODE, LEGIT_VALUES)]
    })
    return outside
  }

  it('refuses names with .., absolute paths, line breaks, broken Unicode: never read or fetched, listed in the log and the summary', async () => {
    const outside = await start()
    const run = await runAction(entry, { fake: fake!, workspace, eventPath: eventFor(fake!, workspace), inputs: { 'sarif-file': 'gloo-harden.sarif' } })
    expect(run.stderr).toBe('')
    expect(blobRequests(fake!)).toEqual([])
    const listed = refusedNames(outside)
      .map(([name, why]) => `${name.replace('\n', '\\u000a').replace('\uD800', '\\ud800')} (${why})`)
      .join('; ')
    expect(run.stdout).toContain(`::warning::5 changed files of this pull request have names gloo-harden does not read: ${listed}.\n`)
    expectOwnCommands(run)
    const note = fake!.checkRun()!.output.summary!.split('\n').find((l) => l.startsWith('> 5 changed files'))!
    expect(note).toContain("gloo/evil\\\\u000a::error::injected by a name.yaml (its name contains control characters or line breaks)")
    expect(note).toContain('They were not checked.')
    expect(run.summary).toContain(note)

    // The two odd but legitimate names are checked: a comment on each, at exactly that path.
    expect(fake!.comments.map((c) => `${c.path}:${c.line}`)).toEqual([`${PERCENT}:3`, `${UNICODE}:3`])
    expect(run.code).toBe(1)
    // Each also gets the single-replica warning of the default proxy, merged into the same comment.
    expect(run.outputs).toMatchObject({ findings: '4', errors: '2', warnings: '2', conclusion: 'failure' })
    // Linked from the summary with every segment percent-encoded (the direction override included).
    expect(fake!.checkRun()!.output.summary).toContain(`(https://github.com/acme/platform/blob/${HEAD_SHA}/tenants/%40acme/platform-team/w%C3%A9rte%20%E2%80%AE%E2%80%8B.yaml#L3)`)
    expect(fake!.checkRun()!.output.summary).toContain(`(https://github.com/acme/platform/blob/${HEAD_SHA}/gloo/evil%250A%3A%3Awarning%3A%3Ainjected%20by%20a%20name%2C%20col%3D1.yaml#L3)`)
    const sarif = readFileSync(join(workspace, 'gloo-harden.sarif'), 'utf8')
    const results = JSON.parse(sarif).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]
    expect(results.map((r) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}`)).toEqual([
      'proxy-single-replica gloo/evil%250A%3A%3Awarning%3A%3Ainjected%20by%20a%20name%2C%20col%3D1.yaml',
      'proxy-token-automount gloo/evil%250A%3A%3Awarning%3A%3Ainjected%20by%20a%20name%2C%20col%3D1.yaml',
      'proxy-single-replica tenants/%40acme/platform-team/w%C3%A9rte%20%E2%80%AE%E2%80%8B.yaml',
      'proxy-token-automount tenants/%40acme/platform-team/w%C3%A9rte%20%E2%80%AE%E2%80%8B.yaml'
    ])
    expectNowhere(CANARY, run, fake!, [sarif])
  })

  it('in workflow commands (read-only token) a name is one escaped property: it can neither end the command nor add one', async () => {
    await start({ readOnly: true })
    const run = await runAction(entry, { fake: fake!, workspace, eventPath: eventFor(fake!, workspace) })
    expect(run.code).toBe(1)
    expectOwnCommands(run)
    const annotated = commandsOf(run.stdout).filter((c) => c.properties.title === 'gloo-harden%3A proxy-token-automount')
    expect(annotated.map((c) => [c.command, unescapeProperty(c.properties.file), c.properties.line, c.properties.col])).toEqual([
      ['error', PERCENT, '3', '23'],
      ['error', UNICODE, '3', '23']
    ])
    expect(run.stdout).toContain('::error file=gloo/evil%250A%3A%3Awarning%3A%3Ainjected by a name%2C col=1.yaml,line=3,')
    expectNowhere(CANARY, run, fake!)
  })
})

describe('comment injection through values, keys and names', () => {
  const HOSTILE = readFileSync(join(ROOT, '__fixtures__/e2e/hostile/injection-values.yaml'), 'utf8')
  const PATH = 'gloo/hostile-values.yaml'
  const AUTOMOUNT_LINE = HOSTILE.split('\n')[3]
  const DUP_KEY = '-->\n::error::pwned <img src=x onerror=alert(1)> @acme/platform-team ````'

  async function start(options: { readOnly?: boolean } = {}): Promise<void> {
    setup()
    writeFileSync(join(workspace, PATH), HOSTILE)
    fake = await startFakeGitHub({ headSha: HEAD_SHA, readOnly: options.readOnly, files: [added(PATH, HOSTILE)] })
  }

  /** Markdown GitHub renders: no HTML but ours, no mention, no comment marker but the last line's, no open fence. */
  function expectInert(markdown: string): void {
    const { prose, blocks } = splitMarkdown(markdown)
    expect(blocks.filter((b) => b.unclosed)).toEqual([])
    const tags = [...prose.matchAll(/<[^>\n]*>?/g)].map((m) => m[0])
    for (const t of tags) expect(t).toMatch(/^(<\/?(details|summary|code)>|<!-- gloo-harden:fp=[0-9a-f]{16} -->)$/)
    const unmarked = prose.replace(/<!-- gloo-harden:fp=[0-9a-f]{16} -->$/, '')
    expect(unmarked).not.toContain('-->')
    expect(unmarked).not.toContain('<!--')
    expect(prose).not.toMatch(/@acme/)
    expect(prose).not.toMatch(/#1\b/)
    expect(prose).not.toMatch(/(?<!\\)``/)
    expect(prose).not.toMatch(/^::/m)
  }

  it('review comments, the review, the check run and both summaries: nothing acts, the suggestion holds the line verbatim', async () => {
    await start()
    const run = await runAction(entry, { fake: fake!, workspace, eventPath: eventFor(fake!, workspace), inputs: { 'max-comments': '2', 'sarif-file': 'gloo-harden.sarif' } })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(run.outputs).toEqual({ findings: '4', 'new-findings': '4', errors: '1', warnings: '3', notices: '0', conclusion: 'failure', 'sarif-file': join(workspace, 'gloo-harden.sarif') })

    const comments = fake!.comments
    // The automount fix; the two single-replica fixes merged into one suggestion over lines 5-12.
    expect(comments.map((c) => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}`)).toEqual([`${PATH}:4`, `${PATH}:5-12`])
    for (const c of comments) {
      expectInert(c.body)
      // The marker is the last line and names our fingerprint, not the one forged in the file's comment.
      const last = /^<!-- gloo-harden:fp=([0-9a-f]{16}) -->$/.exec(c.body.split('\n').at(-1)!)
      expect(last).not.toBeNull()
      expect(parseMarker(c.body)).toBe(last![1])
    }
    // The fix's suggestion: the whole line, comment included, in a fence longer than any backtick run in it.
    const { blocks } = splitMarkdown(comments[0].body)
    expect(blocks).toEqual([{ fence: '`````', info: 'suggestion', content: AUTOMOUNT_LINE.replace('disableAutomount: null', 'disableAutomount: true'), unclosed: false }])
    const merged = splitMarkdown(comments[1].body).blocks
    expect(merged.map((b) => [b.fence, b.info])).toEqual([['`````', 'suggestion']])
    expect(merged[0].content.split('\n').slice(0, 5)).toEqual([...HOSTILE.split('\n').slice(4, 8), '        replicas: 2'])
    // Messages quote the proxy's name (kebab-cased as the chart names its objects) escaped: no HTML, no mention,
    // no reference to issue #1.
    expect(comments[1].body).toContain(`gateway proxy 'gw\\\`\\\`\\\`---&gt;-&lt;img-src=x-onerror=alert(1)&gt;-@${ZWJ}acme/platform-team-#${ZWJ}1-::error::pwned-%0-a::warning::pwned' runs`)

    // The review body lists the finding over max-comments, escaped.
    const review = fake!.reviews[0].body
    expectInert(review)
    expect(review).toContain(`- \`${PATH}:12\` \`yaml-duplicate-key\`: Key '--&gt; ::error::pwned &lt;img src=x onerror=alert(1)&gt; @${ZWJ}acme/platform-team \\\`\\\`\\\`\\\`' is defined again here`)

    for (const summary of [fake!.checkRun()!.output.summary!, run.summary]) {
      expectInert(summary)
      expect(summary).toContain(`Key '--&gt; ::error::pwned &lt;img src=x onerror=alert(1)&gt; @${ZWJ}acme/platform-team \\\`\\\`\\\`\\\`' is defined again here`)
      // The combined patch carries the hostile line as code, in a fence it cannot close.
      const diff = splitMarkdown(summary).blocks.find((b) => b.info === 'diff')!
      expect(diff.fence.length).toBeGreaterThan(4)
      expect(diff.content).toContain(`+${AUTOMOUNT_LINE.replace('null', 'true')}`)
    }

    // Annotations are plain text: the key verbatim, line break included, one annotation per finding.
    const dup = fake!.checkRun()!.annotations.find((a) => a.title === 'gloo-harden: yaml-duplicate-key')!
    expect(dup).toMatchObject({ path: PATH, start_line: 12, annotation_level: 'warning' })
    expect(dup.message.split('\n')[0] + '\n' + dup.message.split('\n')[1]).toBe(`Key '${DUP_KEY}' is defined again here (first on line 11); Helm keeps this one, kubectl apply rejects the file.`)

    const sarif = JSON.parse(readFileSync(join(workspace, 'gloo-harden.sarif'), 'utf8'))
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'yaml-duplicate-key').message.text).toBe(
      `Key '${DUP_KEY}' is defined again here (first on line 11); Helm keeps this one, kubectl apply rejects the file.`
    )
    expectOwnCommands(run)
  })

  it('in the log (read-only token): every value stays inside its own escaped command', async () => {
    await start({ readOnly: true })
    const run = await runAction(entry, { fake: fake!, workspace, eventPath: eventFor(fake!, workspace) })
    expect(run.code).toBe(1)
    expectOwnCommands(run)
    const findings = commandsOf(run.stdout).filter((c) => c.properties.file)
    expect(findings.map((c) => `${c.command} ${c.properties.line} ${unescapeProperty(c.properties.title)}`)).toEqual([
      'error 4 gloo-harden: proxy-token-automount',
      'warning 5 gloo-harden: proxy-single-replica',
      'warning 9 gloo-harden: proxy-single-replica',
      'warning 12 gloo-harden: yaml-duplicate-key'
    ])
    const dup = findings.at(-1)!
    // The runner unescapes the message to the key as written, `%0A` text and line break alike.
    expect(unescapeData(dup.message).split('\n').slice(0, 2).join('\n')).toBe(`Key '${DUP_KEY}' is defined again here (first on line 11); Helm keeps this one, kubectl apply rejects the file.`)
    expect(dup.message).toContain("Key '--&gt;".replace('&gt;', '>') + '%0A::error::pwned')
    const replica = findings[2]
    expect(unescapeData(replica.message)).toContain("%0-a::warning::pwned' runs a single Envoy pod")
    expect(replica.message).toContain('%250-a::warning::pwned')
  })
})
