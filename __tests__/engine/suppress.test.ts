/** Suppressions that cannot be read are reported by name and suppress nothing; prose about gloo-harden is not one. */
import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/engine/lint.js'
import { ruleIds } from '../../src/rules/index.js'
import { suggestRule } from '../../src/engine/suppress.js'

const at = (fs: ReturnType<typeof lintText>) =>
  fs.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}/${f.messageId} ${f.message}`)

/** Values whose line 4 has a validation-always-accept finding, with `comment` on the line above. */
const values = (comment: string) => `gateway:\n  validation:\n    ${comment}\n    alwaysAcceptResources: true\n`
const FINDING = '4:28 validation-always-accept/values gateway.validation.alwaysAcceptResources is not false: the validation webhook accepts invalid resources.'
const COMMENT_SYNTAX = "write '# gloo-harden-ignore <rule-id>: <reason>'."
const lintValues = (comment: string) =>
  lintText('gloo/values.yaml', values(comment)).filter((f) => f.ruleId === 'suppression-unused' || f.ruleId === 'validation-always-accept')

/** A ServiceAccount whose line 4 has a proxy-token-automount finding, with one annotation on line 7. */
const sa = (key: string, value: string) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: gateway-proxy\n  namespace: gloo-system\n  annotations:\n    ${key}: ${value}\n`
const SA_FINDING =
  "4:9 proxy-token-automount/serviceAccount ServiceAccount 'gateway-proxy' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false."
const ANNOTATION_SYNTAX = `write 'gloo-harden.io/ignore: "<rule-id>, <rule-id>"'.`

describe('malformed suppression comments', () => {
  it.each([
    ['# gloo-harden-ignore', '3:7 suppression-unused/noRule The suppression comment names no rule id, so it suppresses nothing.'],
    ['# gloo-harden-ignore: -- legacy tenants', '3:7 suppression-unused/noRule The suppression comment names no rule id, so it suppresses nothing.'],
    [
      '# gloo-harden-ignore-next-line - validation-always-accept',
      `3:7 suppression-unused/badDirective 'gloo-harden-ignore-next-line' is not a gloo-harden suppression, so it suppresses nothing; ${COMMENT_SYNTAX}`
    ],
    [
      '# gloo-harden-ignore - validation-always-accept',
      `3:26 suppression-unused/badSeparator '-' has no place in a suppression comment, so it suppresses nothing; ${COMMENT_SYNTAX}`
    ],
    [
      '# gloo-harden-ignore validation-always-accept -- legacy tenants',
      `3:51 suppression-unused/badSeparator '--' has no place in a suppression comment, so it suppresses nothing; ${COMMENT_SYNTAX}`
    ],
    ['# gloo-harden-ignore Validation_Always_Accept: legacy', "3:26 suppression-unused/didYouMean 'Validation_Always_Accept' is not a rule id; did you mean validation-always-accept?"],
    ['# gloo-harden-ignore VALIDATION-ALWAYS-ACCEPT: legacy', "3:26 suppression-unused/didYouMean 'VALIDATION-ALWAYS-ACCEPT' is not a rule id; did you mean validation-always-accept?"],
    ['# gloo-harden-ignore validation always accept: legacy', "3:26 suppression-unused/didYouMean 'validation always accept' is not a rule id; did you mean validation-always-accept?"],
    [
      '# gloo-harden-ignore validation-always-accept legacy tenants',
      "3:26 suppression-unused/spacedId 'validation-always-accept legacy tenants' is not a rule id (rule ids have no spaces), so the suppression suppresses nothing; separate rule ids with commas and write the reason after a colon."
    ],
    [
      '# gloo-harden-ingore validation-always-accept: legacy',
      `3:7 suppression-unused/badDirective 'gloo-harden-ingore' is not a gloo-harden suppression, so it suppresses nothing; ${COMMENT_SYNTAX}`
    ],
    [
      '# Gloo-Harden-Ignore validation-always-accept: legacy',
      `3:7 suppression-unused/badDirective 'Gloo-Harden-Ignore' is not a gloo-harden suppression, so it suppresses nothing; ${COMMENT_SYNTAX}`
    ],
    // One malformed id spoils the comment: the well-formed one beside it suppresses nothing either.
    ['# gloo-harden-ignore validation-always-accept, Proxy_Probes: legacy', "3:52 suppression-unused/didYouMean 'Proxy_Probes' is not a rule id; did you mean proxy-probes?"]
  ])('%s', (comment, problem) => {
    expect(at(lintValues(comment))).toEqual([problem, FINDING])
  })

  it('reports a well-formed unknown id, with a did-you-mean when one is near, and keeps the other ids', () => {
    expect(at(lintValues('# gloo-harden-ignore validation-always-acept: typo'))).toEqual([
      "3:26 suppression-unused/didYouMean 'validation-always-acept' is not a rule id; did you mean validation-always-accept?",
      FINDING
    ])
    expect(at(lintValues('# gloo-harden-ignore no-such-rule, validation-always-accept: legacy'))).toEqual([
      "3:26 suppression-unused/unknownRule 'no-such-rule' is not a gloo-harden rule id."
    ])
  })

  it('still honours a well-formed suppression, on its own line or after the value', () => {
    expect(at(lintValues('# gloo-harden-ignore validation-always-accept: legacy tenants'))).toEqual([])
    const text = 'gateway:\n  validation:\n    alwaysAcceptResources: true # gloo-harden-ignore validation-always-accept, proxy-probes:  legacy\n'
    expect(at(lintText('gloo/values.yaml', text).filter((f) => f.ruleId === 'suppression-unused' || f.ruleId === 'validation-always-accept'))).toEqual([
      "3:80 suppression-unused/unused This suppression of 'proxy-probes' matches no finding; remove it."
    ])
  })

  it.each([
    '# gloo-harden checks this file; see the gloo-harden-ignore docs',
    '# gloo-harden-action v2 reads this file',
    '# ignore the gloo-harden notices here until Q3',
    '#gloo-harden: hardened values for the edge proxies',
    'url: "https://example.com/#gloo-harden-ingore"'
  ])('does not read prose as a suppression: %s', (comment) => {
    expect(at(lintValues(comment))).toEqual([FINDING])
  })
})

describe('malformed ignore annotations', () => {
  it.each([
    ['gloo-harden.io/ignore', '""', '7:28 suppression-unused/noRule The suppression annotation names no rule id, so it suppresses nothing.'],
    ['gloo-harden.io/ignore', "' , '", "7:28 suppression-unused/noRule The suppression annotation names no rule id, so it suppresses nothing."],
    ['gloo-harden.io/ignore', 'Proxy_Token_Automount', "7:28 suppression-unused/didYouMean 'Proxy_Token_Automount' is not a rule id; did you mean proxy-token-automount?"],
    ['gloo-harden.io/ignore', '"PROXY-TOKEN-AUTOMOUNT"', "7:28 suppression-unused/didYouMean 'PROXY-TOKEN-AUTOMOUNT' is not a rule id; did you mean proxy-token-automount?"],
    ['gloo-harden.io/ignore', '"proxy token automount"', "7:28 suppression-unused/didYouMean 'proxy token automount' is not a rule id; did you mean proxy-token-automount?"],
    [
      'gloo-harden.io/ignore',
      '"proxy-token-automount: Istio SDS"',
      `7:28 suppression-unused/badSeparator ':' has no place in a suppression annotation, so it suppresses nothing; ${ANNOTATION_SYNTAX}`
    ],
    [
      'gloo-harden.io/ignore',
      '"proxy-token-automount - Istio SDS"',
      `7:28 suppression-unused/badSeparator '-' has no place in a suppression annotation, so it suppresses nothing; ${ANNOTATION_SYNTAX}`
    ],
    [
      'gloo-harden.io/ingore',
      'proxy-token-automount',
      `7:5 suppression-unused/badDirective 'gloo-harden.io/ingore' is not a gloo-harden suppression, so it suppresses nothing; ${ANNOTATION_SYNTAX}`
    ],
    [
      'gloo-harden.io/ignore-proxy-token-automount',
      '"true"',
      `7:5 suppression-unused/badDirective 'gloo-harden.io/ignore-proxy-token-automount' is not a gloo-harden suppression, so it suppresses nothing; ${ANNOTATION_SYNTAX}`
    ]
  ])('%s: %s', (key, value, problem) => {
    expect(at(lintText('sa.yaml', sa(key, value)))).toEqual([SA_FINDING, problem])
  })

  it('keeps a well-formed annotation, space or comma separated, and leaves other annotations alone', () => {
    expect(at(lintText('sa.yaml', sa('gloo-harden.io/ignore', 'proxy-token-automount')))).toEqual([])
    expect(at(lintText('sa.yaml', sa('gloo-harden.io/ignore', '"proxy-token-automount proxy-probes"')))).toEqual([
      "7:28 suppression-unused/unused This suppression of 'proxy-probes' matches no finding; remove it."
    ])
    expect(at(lintText('sa.yaml', sa('example.com/owner', '"gloo-harden team"')))).toEqual([SA_FINDING])
  })
})

describe('suggestRule', () => {
  it('finds the id in another case or spelling, and nothing for a short or far word', () => {
    expect(suggestRule('Proxy_Probes', ruleIds)).toBe('proxy-probes')
    expect(suggestRule('proxy-prbes', ruleIds)).toBe('proxy-probes')
    expect(suggestRule('dev', ruleIds)).toBeUndefined()
    expect(suggestRule('legacy tenants', ruleIds)).toBeUndefined()
  })
})
