import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkBirthDate,
  checkIdNumber,
  checkNextVisit,
  checkNotFuture,
  isLongAgo,
  isValidPhone,
  normalizePhone,
  type WriteClock,
} from '../../../src/shared/rules/field-checks'

// 2026-12-07 09:30 in China (UTC+8) is 01:30 UTC.
const NOW = Date.parse('2026-12-07T01:30:00Z')
const phone: WriteClock = { now: NOW, offsetMinutes: 480 }
const server: WriteClock = { now: NOW, offsetMinutes: null }
// The sample number printed in GB 11643: born 1949-12-31, a woman (17th digit 2 is even).
const SAMPLE_ID = '11010519491231002X'
const woman = { birthDate: '1949-12-31', sex: 'F' as const }

describe('phone numbers', () => {
  it('accepts a mainland mobile, a landline with area code, and no phone', () => {
    for (const p of ['13800138000', '19912345678', '010-12345678', '0911-1234567', '021 6555 1234', '']) expect(isValidPhone(p), p).toBe(true)
  })

  it('refuses short numbers, a mobile of another prefix and a landline without area code', () => {
    for (const p of ['123', '12800138000', '1380013800', '88001234', 'abc', '138001380001']) expect(isValidPhone(p), p).toBe(false)
  })

  it('stores one spelling: spaces, dashes and +86 go from a mobile; a landline keeps one dash', () => {
    expect(normalizePhone(' 138 0013-8000 ')).toBe('13800138000')
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000')
    expect(normalizePhone('(0911) 123 4567')).toBe('0911-1234567')
    expect(normalizePhone('01012345678')).toBe('010-12345678')
  })
})

describe('checkIdNumber', () => {
  it('accepts the standard sample and an empty number', () => {
    expect(checkIdNumber(SAMPLE_ID, woman)).toBeNull()
    expect(checkIdNumber(SAMPLE_ID.toLowerCase(), woman)).toBeNull()
    expect(checkIdNumber('', woman)).toBeNull()
  })

  it('leaves a masked number (as a supervisor holds it) to the server', () => {
    expect(checkIdNumber('1101**********002X', { birthDate: '1960-01-01', sex: 'M' })).toBeNull()
  })

  it('refuses any single mistyped digit by its check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digit = (Number(SAMPLE_ID[pos]) + delta) % 10
        const typo = SAMPLE_ID.slice(0, pos) + String(digit) + SAMPLE_ID.slice(pos + 1)
        const issue = checkIdNumber(typo, { birthDate: null, sex: pos === 16 && digit % 2 ? 'M' : 'F' })
        expect(issue?.code === 'id-check-digit' || issue?.code === 'id-format').toBe(true)
      }),
    )
  })

  it('refuses a number whose birth date or sex disagrees with the person', () => {
    expect(checkIdNumber(SAMPLE_ID, { birthDate: '1949-12-30', sex: 'F' })?.code).toBe('id-birth-mismatch')
    expect(checkIdNumber(SAMPLE_ID, { birthDate: '1949-12-31', sex: 'M' })?.code).toBe('id-sex-mismatch')
  })

  it('refuses a wrong length and an impossible birth date', () => {
    expect(checkIdNumber('1101051949123100', woman)?.code).toBe('id-format')
    expect(checkIdNumber('110105194902300020', { birthDate: null, sex: 'F' })?.code).toBe('id-format')
  })
})

describe('checkBirthDate', () => {
  it('accepts today and 120 years ago, refuses tomorrow and 121 years ago', () => {
    expect(checkBirthDate('2026-12-07', phone)).toBeNull()
    expect(checkBirthDate('2026-12-08', phone)?.code).toBe('birth-in-future')
    expect(checkBirthDate('1906-12-07', phone)).toBeNull()
    expect(checkBirthDate('1905-06-01', phone)?.code).toBe('birth-too-old')
  })

  it('on the server reads "today" in the latest zone, so a birth today in China is never refused', () => {
    const lateUtc = { now: Date.parse('2026-12-06T17:00:00Z'), offsetMinutes: null } // 01:00 on the 7th in China
    expect(checkBirthDate('2026-12-07', lateUtc)).toBeNull()
    expect(checkBirthDate('2026-12-09', lateUtc)?.code).toBe('birth-in-future')
  })
})

describe('visit times', () => {
  it('refuses a visit after now beyond a few minutes, on both sides', () => {
    expect(checkNotFuture('visitedAt', new Date(NOW + 5 * 60_000).toISOString(), phone)).toBeNull()
    expect(checkNotFuture('visitedAt', '2027-06-01T02:00:00.000Z', server)?.code).toBe('time-in-future')
    expect(checkNotFuture('visitedAt', new Date(NOW + 60 * 60_000).toISOString(), phone)?.code).toBe('time-in-future')
  })

  it('refuses a next visit before the visit day, allows the same day', () => {
    const at = '2026-12-07T01:00:00.000Z' // 09:00 on the 7th in China
    expect(checkNextVisit(at, '2026-12-07', phone)).toBeNull()
    expect(checkNextVisit(at, '2026-12-06', phone)?.code).toBe('next-before-visit')
    expect(checkNextVisit(at, '2020-01-01', server)?.code).toBe('next-before-visit')
    expect(checkNextVisit(at, null, phone)).toBeNull()
  })

  it('asks to confirm a visit more than two weeks back', () => {
    expect(isLongAgo(new Date(NOW - 20 * 86_400_000).toISOString(), phone)).toBe(true)
    expect(isLongAgo(new Date(NOW - 3 * 86_400_000).toISOString(), phone)).toBe(false)
  })
})
