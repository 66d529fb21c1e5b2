/** SARIF 2.1.0 for GitHub code scanning: the rule catalog as `tool.driver.rules`, findings as results. */
import { LineIndex, positionIn } from '../yaml/position.js'
import type { Finding, Position, Severity, TextEdit } from '../model/finding.js'
import type { Rule } from '../rules/types.js'
import { writeChunked, type ChunkSink, type Part } from './stream.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
/** Where the tool and its rule pages live (overridable for forks and mirrors). */
/** The project's home: package.json `homepage` without its `#readme` (a test keeps the two equal). */
export const INFORMATION_URI = 'https://github.com/org/gloo-harden-action'
/** The partialFingerprints key; bump the version if the fingerprint's inputs change. */
export const FINGERPRINT_KEY = 'glooHarden/v1'
/** Results are reported relative to the checkout, as GitHub expects (`uriBaseId` resolves there). */
export const SRCROOT = '%SRCROOT%'

export type SarifLevel = 'error' | 'warning' | 'note'
export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' }

export interface SarifOptions {
  toolVersion: string
  informationUri?: string
  /** rule id → Markdown of its doc page (`docs/rules/<id>.md`); used as `help.markdown` when present. */
  ruleDocs?: ReadonlyMap<string, string>
  /**
   * path → file text. A fix is expressed as line/column regions (BOM-aware, the same counting as the result
   * regions), which needs the text; findings of files not given here carry no `fixes`.
   */
  sources?: ReadonlyMap<string, string>
  /** path → line starts and length of a file whose text is not at hand (a streamed run keeps no text); else `sources`. */
  lineStarts?: ReadonlyMap<string, LineStarts>
}

export interface LineStarts {
  starts: Int32Array
  length: number
}

export interface SarifRegion {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

export interface SarifArtifactLocation {
  uri: string
  uriBaseId: string
}

export interface SarifReportingDescriptor {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  help: { text: string; markdown: string }
  helpUri: string
  defaultConfiguration: { level: SarifLevel }
  properties: { tags: string[]; category: string; fixable: boolean }
}

export interface SarifFix {
  description: { text: string }
  artifactChanges: {
    artifactLocation: SarifArtifactLocation
    replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[]
  }[]
}

export interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: SarifLevel
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[]
  partialFingerprints: Record<string, string>
  properties: { resource: string; jsonPath: string; install?: string }
  fixes?: SarifFix[]
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifReportingDescriptor[] } }
    columnKind: 'utf16CodeUnits'
    results: SarifResult[]
  }[]
}

/** `proxy-token-automount` → `ProxyTokenAutomount` (SARIF's friendly rule name). */
const pascal = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase())

/** A repo-relative path as a relative URI reference: each segment percent-encoded, slashes kept. */
export const toUri = (path: string): string => path.split('/').map(encodeURIComponent).join('/')

const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

/** A doc page without its HTML comments (the generated-block markers mean nothing in an alert). */
const cleanDoc = (md: string): string => md.replace(/<!--[\s\S]*?-->\n?/g, '').trim()

function descriptor(rule: Rule, options: SarifOptions): SarifReportingDescriptor {
  const m = rule.meta
  const base = options.informationUri ?? INFORMATION_URI
  const helpUri = `${base}/blob/main/docs/rules/${m.id}.md`
  const doc = options.ruleDocs?.get(m.id)
  const markdown = doc
    ? cleanDoc(doc)
    : [
        `# ${m.id}`,
        '',
        sentence(m.description),
        '',
        `**Remediation.** ${m.remediation}`,
        '',
        `Default severity \`${m.severity}\`, category ${m.category}${m.fixable ? ', fixable with `gloo-harden --fix`' : ''}.`,
        '',
        `[Rule documentation](${helpUri})`
      ].join('\n')
  return {
    id: m.id,
    name: pascal(m.id),
    shortDescription: { text: sentence(m.description) },
    fullDescription: { text: `${sentence(m.description)} ${m.remediation}` },
    // GitHub shows help, not helpUri, in the alert, so the remediation must be in it.
    help: { text: `${sentence(m.description)}\n\nRemediation: ${m.remediation}`, markdown },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
    properties: { tags: [...new Set([m.category, m.builtin ? 'engine' : 'gloo', ...(m.category === 'security' ? ['security'] : [])])], category: m.category, fixable: m.fixable }
  }
}

function fixOf(f: Finding, positionAt: PositionAt | undefined, artifactLocation: SarifArtifactLocation): SarifFix[] | undefined {
  if (!f.fix?.length || !positionAt) return undefined
  const region = (e: TextEdit): SarifRegion => {
    const s = positionAt(e.range[0])
    const end = positionAt(e.range[1])
    return { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column }
  }
  return [
    {
      description: { text: `Fix ${f.ruleId}: ${f.message}` },
      artifactChanges: [
        {
          artifactLocation,
          replacements: [...f.fix].sort((a, b) => a.range[0] - b.range[0]).map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } }))
        }
      ]
    }
  ]
}

type PositionAt = (offset: number) => Position

/** Positions in the files given in `options.lineStarts` or `options.sources` (line index built on first use). */
function linesLookup(options: SarifOptions): (path: string) => PositionAt | undefined {
  const lineIndexes = new Map<string, LineIndex>()
  return (path) => {
    const known = options.lineStarts?.get(path)
    if (known) return (offset) => positionIn(known.starts, known.length, offset)
    const text = options.sources?.get(path)
    if (text === undefined) return undefined
    let li = lineIndexes.get(path)
    if (!li) lineIndexes.set(path, (li = new LineIndex(text)))
    return (offset) => li.positionAt(offset)
  }
}

function sarifResult(f: Finding, index: ReadonlyMap<string, number>, linesOf: (path: string) => PositionAt | undefined): SarifResult {
  const artifactLocation = { uri: toUri(f.path), uriBaseId: SRCROOT }
  const i = index.get(f.ruleId)
  const result: SarifResult = {
    ruleId: f.ruleId,
    ...(i !== undefined ? { ruleIndex: i } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: f.span.start.line, startColumn: f.span.start.column, endLine: f.span.end.line, endColumn: f.span.end.column }
        }
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { resource: f.resource, jsonPath: f.jsonPath, ...(f.install !== undefined ? { install: f.install } : {}) }
  }
  const fixes = fixOf(f, linesOf(f.path), artifactLocation)
  if (fixes) result.fixes = fixes
  return result
}

/** Builds the SARIF log; `rules` is the catalog (every rule, so the ruleIndex of each result resolves). */
export function toSarif(findings: readonly Finding[], rules: readonly Rule[], options: SarifOptions): SarifLog {
  const descriptors = rules.map((r) => descriptor(r, options))
  const index = new Map(descriptors.map((d, i) => [d.id, i]))
  const linesOf = linesLookup(options)
  const results = findings.map((f) => sarifResult(f, index, linesOf))
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gloo-harden',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri ?? INFORMATION_URI,
            rules: descriptors
          }
        },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

/**
 * Streams the log: exactly `JSON.stringify(toSarif(findings, rules, options), null, 2) + '\n'`, written result
 * by result, so neither the log object nor its text is ever whole in memory. The findings may also come in
 * batches, as a linter produces them (`Linter.eachFile`): the log is the same as for their concatenation.
 */
export async function writeSarif(
  sink: ChunkSink,
  findings: readonly Finding[] | AsyncIterable<readonly Finding[]>,
  rules: readonly Rule[],
  options: SarifOptions
): Promise<void> {
  const envelope = toSarif([], rules, options)
  const index = new Map(envelope.runs[0].tool.driver.rules.map((d, i) => [d.id, i]))
  const linesOf = linesLookup(options)
  const text = JSON.stringify(envelope, null, 2)
  const at = text.lastIndexOf('"results": []')
  const head = text.slice(0, at + '"results": ['.length)
  const tail = text.slice(at + '"results": ['.length + 1)
  const batches: Iterable<readonly Finding[]> | AsyncIterable<readonly Finding[]> = isBatches(findings) ? findings : [findings]
  const uris = new Map<string, string>()
  async function* parts(): AsyncGenerator<Part> {
    let any = false
    for await (const batch of batches) {
      if (!batch.length) continue
      // A batch is one file's findings, as a linter makes them: their results go out as pieces, 32 results at a
      // time (a file with thousands of findings makes no array large enough for V8's large-object space).
      let pieces: string[] = []
      for (let i = 0; i < batch.length; i++) {
        pieces.push(i || any ? ',\n' : head + '\n')
        resultPieces(batch[i], index, linesOf, uris, pieces)
        if (i % 32 === 31) {
          yield pieces
          pieces = []
        }
      }
      if (pieces.length) yield pieces
      any = true
    }
    yield any ? '\n      ]' + tail + '\n' : text + '\n'
  }
  await writeChunked(sink, parts())
}

const q = JSON.stringify

/** Spaces for JSON.stringify's nesting level `n` (two per level). */
const pad = (n: number): string => ' '.repeat(2 * n)
const P = Array.from({ length: 13 }, (_, n) => pad(n))

/** A region's members at nesting level `n`, as JSON.stringify prints them. */
function regionPieces(startLine: number, startColumn: number, endLine: number, endColumn: number, n: number, out: string[]): void {
  const r = n === 9 ? R9 : R12
  out.push(r[0], String(startLine), r[1], String(startColumn), r[2], String(endLine), r[3], String(endColumn), r[4])
}
const regionKeys = (n: number): string[] => [`${P[n]}"startLine": `, `,\n${P[n]}"startColumn": `, `,\n${P[n]}"endLine": `, `,\n${P[n]}"endColumn": `, '\n']
const R9 = regionKeys(9)
const R12 = regionKeys(12)

/** The fixed parts of a result's text, between the values (made once). */
const T = {
  open: `${P[4]}{\n${P[5]}"ruleId": `,
  ruleIndex: `,\n${P[5]}"ruleIndex": `,
  level: `,\n${P[5]}"level": "`,
  message: `",\n${P[5]}"message": {\n${P[6]}"text": `,
  location: `\n${P[5]}},\n${P[5]}"locations": [\n${P[6]}{\n${P[7]}"physicalLocation": {\n${P[8]}`,
  // `"artifactLocation": {…}` with its key at nesting level 8 (a result's location) or 9 (a fix's change).
  artifact8: `"artifactLocation": {\n${P[9]}"uri": `,
  artifactEnd8: `,\n${P[9]}"uriBaseId": "${SRCROOT}"\n${P[8]}}`,
  artifact9: `"artifactLocation": {\n${P[10]}"uri": `,
  artifactEnd9: `,\n${P[10]}"uriBaseId": "${SRCROOT}"\n${P[9]}}`,
  region: `,\n${P[8]}"region": {\n`,
  fingerprint: `${P[8]}}\n${P[7]}}\n${P[6]}}\n${P[5]}],\n${P[5]}"partialFingerprints": {\n${P[6]}${q(FINGERPRINT_KEY)}: `,
  resource: `\n${P[5]}},\n${P[5]}"properties": {\n${P[6]}"resource": `,
  jsonPath: `,\n${P[6]}"jsonPath": `,
  install: `,\n${P[6]}"install": `,
  fixes: `\n${P[5]}},\n${P[5]}"fixes": [\n${P[6]}{\n${P[7]}"description": {\n${P[8]}"text": `,
  changes: `\n${P[7]}},\n${P[7]}"artifactChanges": [\n${P[8]}{\n${P[9]}`,
  replacements: `,\n${P[9]}"replacements": [\n`,
  fixesEnd: `\n${P[9]}]\n${P[8]}}\n${P[7]}]\n${P[6]}}\n${P[5]}]\n${P[4]}}`,
  deleted: `${P[10]}{\n${P[11]}"deletedRegion": {\n`,
  inserted: `${P[11]}},\n${P[11]}"insertedContent": {\n${P[12]}"text": `,
  insertedEnd: `\n${P[11]}}\n${P[10]}}`,
  close: `\n${P[5]}}\n${P[4]}}`
}

/**
 * `sarifResult(f, …)` exactly as `JSON.stringify(log, null, 2)` prints it in `runs[0].results` (nesting level 4),
 * in pieces pushed to `out`, to be written one after the other: no result object is built, no generic printer
 * walks it, and no string of the whole result is made (a finding's SARIF result was the largest part of its
 * cost). The SARIF tests compare it with JSON.stringify for every shape a result takes.
 * @param uris the run's quoted URIs by path (each path is encoded once)
 */
function resultPieces(f: Finding, index: ReadonlyMap<string, number>, linesOf: (path: string) => PositionAt | undefined, uris: Map<string, string>, out: string[]): void {
  let uri = uris.get(f.path)
  if (uri === undefined) uris.set(f.path, (uri = q(toUri(f.path))))
  const i = index.get(f.ruleId)
  const { start, end } = f.span
  out.push(T.open, q(f.ruleId))
  if (i !== undefined) out.push(T.ruleIndex, String(i))
  out.push(T.level, SARIF_LEVEL[f.severity], T.message, q(f.message), T.location, T.artifact8, uri, T.artifactEnd8, T.region)
  regionPieces(start.line, start.column, end.line, end.column, 9, out)
  out.push(T.fingerprint, q(f.fingerprint), T.resource, q(f.resource), T.jsonPath, q(f.jsonPath))
  if (f.install !== undefined) out.push(T.install, q(f.install))
  const fix = fixOf(f, linesOf(f.path), { uri: '', uriBaseId: SRCROOT })?.[0]
  if (!fix) {
    out.push(T.close)
    return
  }
  out.push(T.fixes, q(fix.description.text), T.changes, T.artifact9, uri, T.artifactEnd9, T.replacements)
  const replacements = fix.artifactChanges[0].replacements
  for (let k = 0; k < replacements.length; k++) {
    const r = replacements[k].deletedRegion
    out.push(k ? ',\n' + T.deleted : T.deleted)
    regionPieces(r.startLine, r.startColumn, r.endLine, r.endColumn, 12, out)
    out.push(T.inserted, q(replacements[k].insertedContent.text), T.insertedEnd)
  }
  out.push(T.fixesEnd)
}

const isBatches = (x: readonly Finding[] | AsyncIterable<readonly Finding[]>): x is AsyncIterable<readonly Finding[]> => !Array.isArray(x)
