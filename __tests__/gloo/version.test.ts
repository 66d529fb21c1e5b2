/** Chart versions: parsing what people write in the version fields, ordering, and the old-defaults window. */
import { describe, expect, it } from 'vitest'
import { compareVersions, hasOldSecurityDefaults, hasSince, inOldBetaWindow, isAtLeast, isBefore, parseVersion } from '../../src/gloo/version.js'

const v = (raw: string) => parseVersion(raw)!

describe('parseVersion', () => {
  it.each([
    ['1.14.3', 1, 14, 3, undefined],
    ['v1.4.0-beta15', 1, 4, 0, ['beta', 15]],
    ['1.4.0-beta.9', 1, 4, 0, ['beta', 9]],
    ['1.17.0-rc1', 1, 17, 0, ['rc', 1]],
    ['1.17.x', 1, 17, 0, undefined],
    ['1.14.3-fips', 1, 14, 3, undefined],
    ['1.13.0-RC2', 1, 13, 0, ['rc', 2]],
    ['1.17', 1, 17, 0, undefined],
    ['>=1.12.0 <2', 1, 12, 0, undefined],
    ['quay.io/solo-io/gloo-envoy-wrapper:1.4.10', 1, 4, 10, undefined]
  ] as const)('%s', (raw, major, minor, patch, pre) => {
    expect(parseVersion(raw)).toEqual({ major, minor, patch, pre, raw })
  })

  it('returns undefined when there is no version', () => {
    for (const raw of [undefined, null, '', 'HEAD', 'main', 'latest', '4c2d257c3baaafe20fdc48e991ebb4a8f27fb94b']) expect(parseVersion(raw)).toBeUndefined()
  })
})

describe('ordering', () => {
  it('compares numerically, beta numbers included, a release after its pre-releases', () => {
    const sorted = ['1.4.0-beta9', '1.3.31', '1.4.0', '1.4.0-beta15', '1.10.0', '1.4.0-rc1', '1.4.0-beta14', '1.9.2'].map(v).sort(compareVersions)
    expect(sorted.map((x) => x.raw)).toEqual(['1.3.31', '1.4.0-beta9', '1.4.0-beta14', '1.4.0-beta15', '1.4.0-rc1', '1.4.0', '1.9.2', '1.10.0'])
    expect(compareVersions(v('v1.2.3'), v('1.2.3'))).toBe(0)
  })

  it('treats an unknown version as the newest', () => {
    expect(isBefore(undefined, '1.7.0')).toBe(false)
    expect(isAtLeast(undefined, '1.7.0')).toBe(true)
    expect(isBefore(v('1.6.9'), '1.7.0')).toBe(true)
    expect(isAtLeast(v('1.7.0'), '1.7.0')).toBe(true)
    expect(isAtLeast(v('1.7.0-beta1'), '1.7.0')).toBe(false)
  })
})

describe('old security defaults', () => {
  it('covers charts before 1.3.31 and 1.4.0-beta1…beta14', () => {
    const old = ['1.0.0', '1.3.30', '1.4.0-beta1', '1.4.0-beta14']
    const fresh = ['1.3.31', '1.4.0-beta15', '1.4.0', '1.4.1', '1.17.0']
    expect(old.map((r) => hasOldSecurityDefaults(v(r)))).toEqual(old.map(() => true))
    expect(fresh.map((r) => hasOldSecurityDefaults(v(r)))).toEqual(fresh.map(() => false))
    expect(hasOldSecurityDefaults(undefined)).toBe(false)
    expect(inOldBetaWindow(v('1.4.0-rc1'))).toBe(false)
  })
})

describe('hasSince: first versions per release line', () => {
  it.each([
    ['1.12.42', false],
    ['1.12.43', true],
    ['1.13.4', false],
    ['1.13.5', true],
    ['1.14.0-beta6', false],
    ['1.14.0-beta7', true],
    ['1.14.0', true],
    ['1.17.3', true],
    ['1.11.99', false]
  ])('1.12.43/1.13.5/1.14.0-beta7 on %s: %s', (raw, want) => {
    expect(hasSince(parseVersion(raw), '1.12.43/1.13.5/1.14.0-beta7')).toBe(want)
  })
  it('an unknown version is the newest', () => {
    expect(hasSince(undefined, '1.22.0-beta11')).toBe(true)
  })
})
