/** Typed vi.fn fakes of @actions/core (as in actions/typescript-action): `vi.mock('@actions/core', () => core)`. */
import type * as core from '@actions/core'
import { vi } from 'vitest'

export const debug = vi.fn<typeof core.debug>()
export const info = vi.fn<typeof core.info>()
export const notice = vi.fn<typeof core.notice>()
export const warning = vi.fn<typeof core.warning>()
export const error = vi.fn<typeof core.error>()
export const getInput = vi.fn<typeof core.getInput>()
export const getMultilineInput = vi.fn<typeof core.getMultilineInput>()
export const getBooleanInput = vi.fn<typeof core.getBooleanInput>()
export const setOutput = vi.fn<typeof core.setOutput>()
export const setFailed = vi.fn<typeof core.setFailed>()
export const setSecret = vi.fn<typeof core.setSecret>()
export const startGroup = vi.fn<typeof core.startGroup>()
export const endGroup = vi.fn<typeof core.endGroup>()

/** The job summary: collects what would be written to $GITHUB_STEP_SUMMARY. */
export const summaryText: string[] = []
export const summary = {
  addRaw: vi.fn((text: string) => {
    summaryText.push(text)
    return summary
  }),
  write: vi.fn(async () => summary)
} as unknown as typeof core.summary & { addRaw: ReturnType<typeof vi.fn>; write: ReturnType<typeof vi.fn> }

/** Answers getInput from a record of `with:` values (names as in action.yml); absent inputs read as ''. */
export function withInputs(inputs: Record<string, string>): void {
  getInput.mockImplementation((name: string) => inputs[name] ?? '')
}

/** The outputs set so far, by name. */
export function outputs(): Record<string, unknown> {
  return Object.fromEntries(setOutput.mock.calls.map(([k, v]) => [k, v]))
}

export function reset(): void {
  for (const fn of [debug, info, notice, warning, error, getInput, getMultilineInput, getBooleanInput, setOutput, setFailed, setSecret, startGroup, endGroup])
    fn.mockReset()
  summary.addRaw.mockClear()
  summary.write.mockClear()
  summaryText.length = 0
}
