/** The gate's fallback chain (check run → commit status → log) and its sink, with plain fakes of the API. */
import { describe, expect, it } from 'vitest'
import { checkRunLink, deliverGate, gateChain, logLink, statusLink, type CheckRunApi, type StatusApi } from '../../src/action/gate-chain.js'
import { openPublication, publish, type FindingStream } from '../../src/action/publish.js'
import { gateSink } from '../../src/action/sinks/gate.js'
import { ApiError, type GateReport } from '../../src/github/client.js'
import type { Finding } from '../../src/model/finding.js'

const report: GateReport = { name: 'gloo-harden', sha: 'abc', conclusion: 'failure', title: 't', summary: 's', batches: [[]], description: 'd' }

/** Records every call; each method fails with the error its script gives for that call. */
function fakeApi(script: { create?: Error; update?: Error[]; status?: Error } = {}) {
  const calls: string[] = []
  let updates = 0
  const api: CheckRunApi & StatusApi = {
    async createCheckRun(p) {
      calls.push(`create ${p.status}`)
      if (script.create) throw script.create
      return 7
    },
    async updateCheckRun(id) {
      const e = script.update?.[updates++]
      calls.push(`update ${id}`)
      if (e) throw e
    },
    async createCommitStatus(_sha, p) {
      calls.push(`status ${p.state}`)
      if (script.status) throw script.status
    }
  }
  return { api, calls }
}

const forbidden = (what: string) => new ApiError(what, 403, undefined, 'Resource not accessible by integration')
const broken = (what: string) => new ApiError(what, 500, undefined, 'Server Error')
const error: Finding = {
  ruleId: 'proxy-token-automount',
  messageId: 'values',
  severity: 'error',
  message: 'gateway.proxyServiceAccount.disableAutomount is not true.',
  path: 'helm/gloo/values.yaml',
  span: { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } },
  offsets: [20, 24],
  resource: 'values:0',
  jsonPath: '',
  fingerprint: 'fp-1'
}

describe('deliverGate', () => {
  it('stops at the check run when it takes the verdict', async () => {
    const { api, calls } = fakeApi()
    const g = await deliverGate(gateChain(api, 7, false), report)
    expect(g).toEqual({ channel: 'check-run', annotationsDelivered: true, errors: [] })
    expect(calls).toEqual(['update 7'])
  })

  it('falls back to the commit status when the check run fails', async () => {
    const { api, calls } = fakeApi({ create: forbidden('POST check-runs') })
    const g = await deliverGate(gateChain(api, undefined, false), report)
    expect(g.channel).toBe('status')
    expect(g.annotationsDelivered).toBe(false)
    expect(g.errors.map((e) => e.message)).toEqual(['POST check-runs failed: HTTP 403 Resource not accessible by integration'])
    expect(calls).toEqual(['create completed', 'status failure'])
  })

  it('falls back to the log when the status fails too, keeping every error in order', async () => {
    const { api, calls } = fakeApi({ update: [broken('PATCH 1'), broken('PATCH 2')], status: forbidden('POST statuses') })
    const g = await deliverGate(gateChain(api, 7, false), report)
    expect(g.channel).toBe('log')
    expect(g.errors.map((e) => e.message)).toEqual(['PATCH 1 failed: HTTP 500 Server Error', 'PATCH 2 failed: HTTP 500 Server Error', 'POST statuses failed: HTTP 403 Resource not accessible by integration'])
    // The run that will not take annotations is completed without them once before giving up on it.
    expect(calls).toEqual(['update 7', 'update 7', 'status failure'])
  })

  it('completes an open check run without annotations rather than fall back, when only the annotations fail', async () => {
    const { api } = fakeApi({ update: [broken('PATCH 1')] })
    expect(await deliverGate(gateChain(api, 7, false), report)).toMatchObject({ channel: 'check-run', annotationsDelivered: false })
  })

  it('skips checks the token may not write, and a passing verdict is a success status', async () => {
    const { api, calls } = fakeApi()
    const g = await deliverGate(gateChain(api, undefined, true), { ...report, conclusion: 'neutral' })
    expect(g).toEqual({ channel: 'status', annotationsDelivered: false, errors: [] })
    expect(calls).toEqual(['status success'])
  })

  it('tries links in the order given', async () => {
    const { api, calls } = fakeApi({ status: broken('POST statuses') })
    expect((await deliverGate([statusLink(api), checkRunLink(api, 7), logLink], report)).channel).toBe('check-run')
    expect(calls).toEqual(['status failure', 'update 7'])
  })
})

describe('gateSink', () => {
  const stream = (): FindingStream => ({ reported: [error], fixed: [], files: new Map() })
  const run = async (script: Parameters<typeof fakeApi>[0]) => {
    const { api } = fakeApi(script)
    const lines: string[] = []
    const s = stream()
    const pub = openPublication(s, { gate: 'all', failOn: 'error', notes: [], summaryName: 'the job summary' })
    await publish([gateSink({ checkName: 'gloo-harden', sha: 'abc', links: gateChain(api, 7, false), checksForbidden: false, write: (l) => lines.push(l) })], s, pub)
    return { pub, lines }
  }

  it('prints no log annotations when the check run took them', async () => {
    const { pub, lines } = await run({})
    expect(pub.delivered?.channel).toBe('check-run')
    expect(pub.gateNotes).toEqual([])
    expect(lines).toEqual([])
  })

  it('check run fails → status, and the findings go to the log', async () => {
    const { pub, lines } = await run({ update: [broken('PATCH 1'), broken('PATCH 2')] })
    expect(pub.delivered?.channel).toBe('status')
    expect(pub.gateNotes[0]).toMatch(/^The check run could not be written \(PATCH 1 failed: HTTP 500 Server Error; PATCH 2 failed: HTTP 500 Server Error\); the result is the commit status 'gloo-harden'/)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^::error file=/)
  })

  it('status fails → log, and the findings go to the log', async () => {
    const { pub, lines } = await run({ update: [forbidden('PATCH 1'), forbidden('PATCH 2')], status: forbidden('POST statuses') })
    expect(pub.delivered?.channel).toBe('log')
    expect(pub.gateNotes[0]).toMatch(/^Neither the check run nor the commit status 'gloo-harden' could be written/)
    expect(lines[0]).toMatch(/^::error file=/)
  })
})
