import { describe, expect, it } from 'vitest'
import { marker, parseMarker } from '../../src/report/fingerprint.js'
import { encodePath, escapeMarkdown, fencedBlock, inlineCode } from '../../src/report/markdown.js'

const ZWJ = '\u200D'

describe('escapeMarkdown', () => {
  it.each([
    ['plain text stays', "ServiceAccount 'gateway-proxy' mounts its token.", "ServiceAccount 'gateway-proxy' mounts its token."],
    ['HTML becomes entities', '<img src=x onerror=alert(1)> & <b>', '&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;'],
    ['a comment cannot open or close', 'a <!-- b --> c', 'a &lt;!-- b --&gt; c'],
    ['mentions and issue refs do not ping', 'ask @org/team about #12', `ask @${ZWJ}org/team about #${ZWJ}12`],
    ['code spans and emphasis are literal', '```x``` *y* _z_ ~~w~~', '\\`\\`\\`x\\`\\`\\` \\*y\\* \\_z\\_ \\~\\~w\\~\\~'],
    ['links are literal', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['table pipes and backslashes', 'a|b\\c', 'a\\|b\\\\c'],
    ['line breaks become spaces', 'one\r\ntwo\nthree', 'one two three'],
    ['a list marker at the start', '- item', '\\- item'],
    ['a heading at the start', '# title', '\\# title'],
    ['an ordered list at the start', '1. first', '\\1. first']
  ])('%s', (_name, input, want) => {
    expect(escapeMarkdown(input)).toBe(want)
  })
})

describe('inlineCode and fencedBlock', () => {
  it('a code span no backtick inside can close', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
    expect(inlineCode('`x`')).toBe('`` `x` ``')
    expect(inlineCode('a|b', { inTable: true })).toBe('`a\\|b`')
  })

  it('a fence longer than any backtick run in the content', () => {
    expect(fencedBlock('suggestion', 'a: 1')).toBe('```suggestion\na: 1\n```')
    expect(fencedBlock('suggestion', 'note: "````"')).toBe('`````suggestion\nnote: "````"\n`````')
    expect(fencedBlock('suggestion', '')).toBe('```suggestion\n```')
    // A suggestion whose last line is blank.
    expect(fencedBlock('suggestion', 'a: 1\n')).toBe('```suggestion\na: 1\n\n```')
  })

  it('encodes link paths so a name cannot end the link', () => {
    expect(encodePath('gloo values/a (b).yaml')).toBe('gloo%20values/a%20%28b%29.yaml')
  })
})

describe('marker / parseMarker', () => {
  it('round-trips and is an HTML comment', () => {
    expect(marker('0123abcd')).toBe('<!-- gloo-harden:fp=0123abcd -->')
    expect(parseMarker(`body\n\n${marker('0123abcd')}`)).toBe('0123abcd')
  })

  it('cannot be broken out of by the fingerprint', () => {
    expect(marker('ab --> <b>x</b>')).toBe('<!-- gloo-harden:fp=ab-bxb -->')
  })

  it('the last marker wins; a body without one has none', () => {
    expect(parseMarker(`${marker('evil')}\n\`\`\`\n${marker('good')}`)).toBe('good')
    expect(parseMarker('no marker here')).toBeUndefined()
  })
})
