/**
 * Suppressions (catalog section 5): `# gloo-harden-ignore rule-a, rule-b: reason` on the finding's line or on
 * its own line just above, and the `gloo-harden.io/ignore: "rule-a,rule-b"` annotation on an object; and the
 * problems of a suppression that cannot be read (no rule id, a misspelt directive, a rule id in another case…).
 */
import { editDistance } from '../gloo/chart.js'
import type { LineIndex } from '../yaml/position.js'

export const IGNORE_ANNOTATION = 'gloo-harden.io/ignore'
const DIRECTIVE = 'gloo-harden-ignore'
const COMMENT_SYNTAX = `'# ${DIRECTIVE} <rule-id>: <reason>'`
const ANNOTATION_SYNTAX = `'${IGNORE_ANNOTATION}: "<rule-id>, <rule-id>"'`

/** What is wrong with a suppression; `messageId` is one of suppression-unused's. */
export interface SuppressionProblem {
  messageId: 'noRule' | 'badDirective' | 'badSeparator' | 'spacedId' | 'didYouMean' | 'unknownRule'
  data: Record<string, string>
}

export interface CommentSuppression {
  /** The rule id; '' when the entry is a `problem` of the comment rather than a suppression. */
  rule: string
  reason: string
  /** 1-based line of the comment, and the lines it covers (none for a problem). */
  line: number
  column: number
  covers: number[]
  /** Offsets of the rule id (or of the faulty part) inside the file, to point a notice at. */
  start: number
  end: number
  used: boolean
  problem?: SuppressionProblem
}

export interface AnnotationScan {
  /** The annotation key: IGNORE_ANNOTATION, or a near miss of it (then `problems` says so and `rules` is empty). */
  key: string
  /** The rule ids it suppresses: none when the annotation is malformed. */
  rules: string[]
  problems: SuppressionProblem[]
}

/** The catalog's rule ids (a Set, or the engine's Map by id). */
export interface RuleIds {
  has(id: string): boolean
  keys(): Iterable<string>
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** A word that stands where a colon should (`rule - reason`, `ignore -- rule`). */
const SEPARATOR = /^(?:[-–—=>|]+|->|=>)$/
const DIRECTIVE_LIKE = /^gloo-?harden-(?:ignore|disable|skip|suppress|nolint)/
const ANNOTATION_LIKE = /^gloo-?harden(?:\.io)?\/(?:ignore|disable|skip|suppress|nolint)/
/** Two edits turn a short word into almost anything: no fuzzy match below this length. */
const MIN_FUZZY_LENGTH = 5
const MAX_DISTANCE = 2

/**
 * Whether `word` (the first word of a comment, or an annotation key) is meant as `directive`: itself, a longer
 * directive-like word (`gloo-harden-ignore-next-line`), or a near miss (edit distance ≤ 2, case aside). Prose that
 * merely mentions gloo-harden (`# gloo-harden checks this file`) is none of these.
 */
function isNearMiss(word: string, directive: string, like: RegExp): boolean {
  const w = word.toLowerCase()
  return w === directive || like.test(w) || editDistance(w, directive) <= MAX_DISTANCE
}

/**
 * A cheap pre-test of a text for anything isNearMiss could accept: two edits leave at least one of three
 * six-letter thirds of the directive whole (pigeonhole), and every directive-like word holds `arden-`.
 */
const MAY_HOLD_DIRECTIVE = /gloo-h|arden-|ignore/i

/** The rule id meant by `typed`: the same id in another case or with `_`/spaces for `-`, or a unique near one. */
export function suggestRule(typed: string, ruleIds: Iterable<string>): string | undefined {
  const norm = typed
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  const ids = [...ruleIds]
  if (ids.includes(norm)) return norm
  if (norm.length < MIN_FUZZY_LENGTH) return undefined
  let best: string | undefined
  let bestDistance = MAX_DISTANCE + 1
  let tie = false
  for (const id of ids) {
    const d = editDistance(norm, id)
    if (d < bestDistance) [best, bestDistance, tie] = [id, d, false]
    else if (d === bestDistance) tie = true
  }
  return tie ? undefined : best
}

/** The problem of a rule id that is not one: a did-you-mean when one is near, else unknownRule. */
function notARule(rule: string, ruleIds: Iterable<string>): SuppressionProblem {
  const suggestion = suggestRule(rule, ruleIds)
  return suggestion ? { messageId: 'didYouMean', data: { rule, suggestion } } : { messageId: 'unknownRule', data: { rule } }
}

/**
 * Scans a file's comments for suppressions. A comment alone on its line covers the next line too. A comment whose
 * first word is the directive or a near miss of it but that cannot be read comes back as entries with a `problem`
 * and no suppression: a malformed comment suppresses nothing. A well-formed comment naming an unknown rule id keeps
 * its other ids.
 */
export function scanComments(text: string, lines: LineIndex, ruleIds: RuleIds): CommentSuppression[] {
  if (!MAY_HOLD_DIRECTIVE.test(text)) return []
  const out: CommentSuppression[] = []
  for (let line = 1; line <= lines.lineCount; line++) {
    const t = lines.lineText(line)
    if (!MAY_HOLD_DIRECTIVE.test(t)) continue
    const lineStart = lines.lineStart(line)
    const ownLine = t.trimStart().startsWith('#')
    const entry = (at: number, length: number, rule = '', reason = '', problem?: SuppressionProblem): CommentSuppression => ({
      rule,
      reason,
      line,
      column: at + 1,
      covers: problem ? [] : ownLine ? [line + 1] : [line],
      start: lineStart + at,
      end: lineStart + at + length,
      used: false,
      ...(problem && { problem })
    })
    // A YAML comment starts with `#` at the start of the line or after white space.
    for (let hash = t.indexOf('#'); hash >= 0; hash = t.indexOf('#', hash + 1)) {
      if (hash > 0 && t[hash - 1] !== ' ' && t[hash - 1] !== '\t') continue
      const m = /^#+[ \t]*([^\s:]+)/.exec(t.slice(hash))
      if (!m || !isNearMiss(m[1], DIRECTIVE, DIRECTIVE_LIKE)) continue
      const word = m[1]
      const wordAt = hash + m[0].length - word.length
      out.push(...readComment(t, word, wordAt, ruleIds, entry))
      break
    }
  }
  return out
}

/** Reads one suppression comment whose directive `word` starts at `wordAt` of the line `t`. */
function readComment(
  t: string,
  word: string,
  wordAt: number,
  ruleIds: RuleIds,
  entry: (at: number, length: number, rule?: string, reason?: string, problem?: SuppressionProblem) => CommentSuppression
): CommentSuppression[] {
  if (word !== DIRECTIVE) return [entry(wordAt, word.length, '', '', { messageId: 'badDirective', data: { word, expected: COMMENT_SYNTAX } })]
  const idsAt = wordAt + word.length
  const rest = t.slice(idsAt)
  const colon = rest.indexOf(':')
  const idsPart = colon < 0 ? rest : rest.slice(0, colon)
  const reason = colon < 0 ? '' : rest.slice(colon + 1).trim()
  const noRule = () => [entry(wordAt, word.length, '', '', { messageId: 'noRule', data: { what: 'comment' } })]
  // Items between commas, with their offsets in the line; words inside an item, likewise.
  const items: { text: string; at: number }[] = []
  for (const m of idsPart.matchAll(/[^,]+/g)) {
    const trimmed = m[0].trim()
    if (trimmed) items.push({ text: trimmed, at: idsAt + m.index + m[0].indexOf(trimmed) })
  }
  if (!items.length) return noRule()
  const problems: CommentSuppression[] = []
  const good: CommentSuppression[] = []
  for (const item of items) {
    const words = [...item.text.matchAll(/\S+/g)]
    const separator = words.find((w) => SEPARATOR.test(w[0]))
    if (separator) {
      // `gloo-harden-ignore - proxy-probes` or `gloo-harden-ignore proxy-probes - a reason`: no colon.
      const at = item.at + separator.index
      if (words.length === 1 && items.length === 1) return noRule()
      problems.push(entry(at, separator[0].length, '', '', { messageId: 'badSeparator', data: { separator: separator[0], what: 'comment', expected: COMMENT_SYNTAX } }))
    } else if (words.length > 1) {
      const suggestion = suggestRule(item.text, ruleIds.keys())
      const problem: SuppressionProblem = suggestion
        ? { messageId: 'didYouMean', data: { rule: item.text, suggestion } }
        : { messageId: 'spacedId', data: { rule: item.text } }
      problems.push(entry(item.at, item.text.length, '', '', problem))
    } else if (!RULE_ID.test(item.text)) {
      problems.push(entry(item.at, item.text.length, '', '', notARule(item.text, ruleIds.keys())))
    } else if (!ruleIds.has(item.text)) {
      // Well-formed but unknown (a typo, or a rule of another version): reported, and the comment's other ids stand.
      good.push(entry(item.at, item.text.length, '', '', notARule(item.text, ruleIds.keys())))
    } else good.push(entry(item.at, item.text.length, item.text, reason))
  }
  // A malformed comment suppresses nothing; its unknown ids are still worth naming.
  return problems.length ? [...problems, ...good.filter((g) => g.problem)].sort((a, b) => a.start - b.start) : good
}

/**
 * Reads an object's ignore annotation (rule ids separated by commas or spaces), and reports near misses of its key
 * (`gloo-harden.io/ingore`, `gloo-harden.io/ignore-proxy-probes`). A malformed annotation suppresses nothing.
 */
export function parseAnnotation(annotations: Readonly<Record<string, string>>, ruleIds: RuleIds): AnnotationScan[] {
  const out: AnnotationScan[] = []
  for (const key of Object.keys(annotations)) {
    if (key === IGNORE_ANNOTATION) out.push(readAnnotation(annotations[key], ruleIds))
    // The length test spares most keys the edit distance: two edits change the length by two at most.
    else if ((Math.abs(key.length - IGNORE_ANNOTATION.length) <= MAX_DISTANCE || ANNOTATION_LIKE.test(key.toLowerCase())) && isNearMiss(key, IGNORE_ANNOTATION, ANNOTATION_LIKE))
      out.push({ key, rules: [], problems: [{ messageId: 'badDirective', data: { word: key, expected: ANNOTATION_SYNTAX } }] })
  }
  return out
}

function readAnnotation(value: string, ruleIds: RuleIds): AnnotationScan {
  const rules: string[] = []
  const problems: SuppressionProblem[] = []
  let malformed = false
  // The annotation has no room for a reason: `proxy-probes: dev only`, `proxy-probes - dev only`.
  const separator = /:|(?<=^|\s)(?:[-–—=>|]+)(?=\s|$)/.exec(value)
  if (separator) return { key: IGNORE_ANNOTATION, rules: [], problems: [{ messageId: 'badSeparator', data: { separator: separator[0], what: 'annotation', expected: ANNOTATION_SYNTAX } }] }
  for (const item of value.split(',')) {
    const words = item.split(/\s+/).filter(Boolean)
    // `proxy probes` for proxy-probes; `proxy-probes proxy-resources` is a list.
    const joined = words.length > 1 && !words.every((w) => ruleIds.has(w)) ? suggestRule(words.join(' '), ruleIds.keys()) : undefined
    if (joined) {
      problems.push({ messageId: 'didYouMean', data: { rule: words.join(' '), suggestion: joined } })
      malformed = true
      continue
    }
    for (const w of words) {
      if (ruleIds.has(w)) rules.push(w)
      else {
        problems.push(notARule(w, ruleIds.keys()))
        if (!RULE_ID.test(w)) malformed = true
      }
    }
  }
  if (!rules.length && !problems.length) return { key: IGNORE_ANNOTATION, rules: [], problems: [{ messageId: 'noRule', data: { what: 'annotation' } }] }
  return { key: IGNORE_ANNOTATION, rules: malformed ? [] : rules, problems }
}
