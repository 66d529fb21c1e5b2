/** readRunContext: which commit gets the check, from the runner's variables and the event payload. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ContextError, readRunContext } from '../../src/github/context.js'

const FIXTURES = resolve(__dirname, '../../__fixtures__/e2e')
const MERGE = '3e4ce0001a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'
const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: 'acme/platform',
  GITHUB_WORKSPACE: '/home/runner/work/platform/platform',
  GITHUB_SHA: MERGE,
  GITHUB_RUN_ID: '9876543210',
  ...extra
})

const temp = mkdtempSync(join(tmpdir(), 'gloo-harden-ctx-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function payload(data: unknown): string {
  const p = join(temp, 'event.json')
  writeFileSync(p, JSON.stringify(data))
  return p
}

describe('readRunContext', () => {
  it.each(['pull_request', 'pull_request_target'])('%s: the PR head from the payload, never GITHUB_SHA (the merge commit)', (eventName) => {
    const ctx = readRunContext(env({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: join(FIXTURES, 'pull_request.opened.json') }))
    expect(ctx.sha).toBe('c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a')
    expect(ctx.pull).toEqual({ number: 42, headSha: 'c0ffee4a8d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a', baseSha: 'ba5e0000d3e2b1f0a9c8d7e6f5a4b3c2d1e0f9a1', changedFiles: 5 })
    expect(ctx.repo).toEqual({ owner: 'acme', repo: 'platform' })
    expect(ctx.apiUrl).toBe('https://api.github.com')
    expect(ctx.runUrl).toBe('https://github.com/acme/platform/actions/runs/9876543210')
  })

  it('push and workflow_dispatch: GITHUB_SHA, no pull request', () => {
    const ctx = readRunContext(env({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: join(FIXTURES, 'workflow_dispatch.json') }))
    expect(ctx.sha).toBe(MERGE)
    expect(ctx.pull).toBeUndefined()
  })

  it('GitHub Enterprise Server: API and server URLs from the environment', () => {
    const ctx = readRunContext(env({ GITHUB_EVENT_NAME: 'push', GITHUB_API_URL: 'https://ghe.example.com/api/v3/', GITHUB_SERVER_URL: 'https://ghe.example.com' }))
    expect(ctx.apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(ctx.runUrl).toBe('https://ghe.example.com/acme/platform/actions/runs/9876543210')
  })

  it('links rule pages at the running action’s ref, or at the project when run as uses: ./', () => {
    expect(readRunContext(env({ GITHUB_EVENT_NAME: 'push', GITHUB_ACTION_REPOSITORY: 'gloo-harden/gloo-harden', GITHUB_ACTION_REF: 'v1.2.0' })).docsBase).toBe(
      'https://github.com/gloo-harden/gloo-harden/blob/v1.2.0/docs/rules/'
    )
    expect(readRunContext(env({ GITHUB_EVENT_NAME: 'push' })).docsBase).toBe('https://github.com/org/gloo-harden-action/blob/main/docs/rules/')
  })

  it.each([
    [{ GITHUB_REPOSITORY: 'acme' }, "GITHUB_REPOSITORY must be owner/repo, got 'acme'"],
    [{ GITHUB_WORKSPACE: '' }, 'GITHUB_WORKSPACE is not set'],
    [{ GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'HEAD' }, "GITHUB_SHA must be a commit sha, got 'HEAD'"],
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent/event.json' }, 'GITHUB_EVENT_PATH /nonexistent/event.json does not exist']
  ])('refuses a broken environment: %j', (extra, message) => {
    expect(() => readRunContext(env(extra as Record<string, string>))).toThrow(new ContextError(message))
  })

  it('refuses a pull_request payload without a head sha', () => {
    const p = payload({ number: 7, pull_request: { number: 7, head: { ref: 'x' } } })
    expect(() => readRunContext(env({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: p }))).toThrow(`pull_request event without a pull_request.head.sha in ${p}`)
  })
})

describe('rule links without the action repository', () => {
  it('fall back to the package homepage', async () => {
    const { readFileSync } = await import('node:fs')
    const { INFORMATION_URI } = await import('../../src/report/sarif.js')
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { homepage: string }
    expect(pkg.homepage.replace(/#readme$/, '')).toBe(INFORMATION_URI)
  })
})
