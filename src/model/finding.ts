/** The one data model that flows from the rules to every reporter. */

export type Severity = 'error' | 'warning' | 'notice'
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice']
/** Higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 }

/** 1-based, as GitHub, SARIF and editors display them. Column counts UTF-16 code units. */
export interface Position {
  line: number
  column: number
}

/** End is exclusive, so a zero-width span can express an insertion. */
export interface Span {
  start: Position
  end: Position
}

/** Replace source[range[0]..range[1]) with text. Offsets are JS string indices into the file. */
export interface TextEdit {
  range: readonly [start: number, end: number]
  text: string
}

export interface Suggestion {
  message: string
  edits: TextEdit[]
}

export interface Finding {
  ruleId: string
  /** Which of the rule's messages this is (ESLint's messageId). */
  messageId: string
  severity: Severity
  message: string
  /** Repo-relative, forward slashes. */
  path: string
  span: Span
  /** Offsets of the span in the file (UTF-16 indices, end exclusive). */
  offsets: readonly [start: number, end: number]
  /** Safe: applied by `--fix`, offered as a suggestion in reviews. */
  fix?: TextEdit[]
  /** Plausible, needs a human: offered in reviews, never applied by `--fix`. */
  suggestions?: Suggestion[]
  /** `Kind/namespace/name` of the object, or `values` for chart values; used by fingerprints. */
  resource: string
  /** JSON path of the node inside its document, e.g. `spec.gloo.disableKubernetesDestinations`. */
  jsonPath: string
  /**
   * Stable across line shifts: rule + file + resource + JSON path (+ a discriminator), hashed. Empty when the run
   * asked for none (`LintOptions.fingerprints: false`: the CLI's text report, which shows none).
   */
  fingerprint: string
  /** The install (or installs, comma-separated) the finding was made for, when the run holds more than one. */
  install?: string
  /** Set by the diff filter; absent when no diff was applied. */
  inDiffFile?: boolean
  inDiffContext?: boolean
  /**
   * Set by the baseline of a pull request: `existing` when the base commit has a finding with this fingerprint
   * (inherited debt), `new` when it has none. Absent: no baseline was applied, and the finding counts as new.
   */
  baseline?: 'new' | 'existing'
}
