import { describe, expect, it } from 'vitest'
import { checkHouseholdWrite, checkPersonWrite, checkPutWrite, checkVisitWrite, checkWishWrite } from '../../../src/shared/rules/write-checks'

const clock = { now: Date.parse('2026-12-07T01:30:00Z'), offsetMinutes: null }
const address = { estate: '幸福小区', building: '3栋', unit: '1单元', door: '302' }

describe('checkHouseholdWrite', () => {
  it('needs an estate and a building', () => {
    expect(checkHouseholdWrite({ address, phone: '' }, 'all')).toEqual([])
    const codes = checkHouseholdWrite({ address: { ...address, estate: ' ', building: '' }, phone: '' }, 'all')
    expect(codes.map((i) => [i.path, i.code])).toEqual([
      ['address.estate', 'address-required'],
      ['address.building', 'address-required'],
    ])
  })

  it('refuses a malformed phone', () => {
    expect(checkHouseholdWrite({ address, phone: '123' }, 'all')).toMatchObject([{ path: 'phone', code: 'phone-format' }])
  })
})

describe('checkPutWrite', () => {
  const oldRow = { address: { estate: '', building: '', unit: '', door: '' }, phone: '123', notes: '' }

  it('checks only what the patch changes: an old row with a bad phone still takes a note', () => {
    expect(checkPutWrite('household.put', { notes: '老人住院' }, oldRow, clock)).toEqual([])
    expect(checkPutWrite('household.put', { phone: '8888' }, oldRow, clock)).toMatchObject([{ code: 'phone-format' }])
  })

  it('checks the ID number against the stored birth date when only the number changes', () => {
    const person = { name: '王', sex: 'F', birthDate: '1950-01-01', idNumber: '', phone: '' }
    expect(checkPutWrite('person.put', { idNumber: '11010519491231002X' }, person, clock)).toMatchObject([{ code: 'id-birth-mismatch' }])
  })

  it("refuses an assessment whose care-level change does not end at its own level", () => {
    const assessed = { assessedAt: '2026-12-06T08:00:00Z', careLevel: 3 }
    expect(checkPutWrite('assessment.put', { ...assessed, careLevelChange: { from: 1, to: 3 } }, null, clock)).toEqual([])
    expect(checkPutWrite('assessment.put', { ...assessed, careLevelChange: { from: 1, to: 2 } }, null, clock)).toMatchObject([{ code: 'care-level-mismatch', path: 'careLevelChange' }])
    // Older apps send none; a stored older assessment edited elsewhere is not refused.
    expect(checkPutWrite('assessment.put', assessed, null, clock)).toEqual([])
    expect(checkPutWrite('assessment.put', { careLevel: 2 }, { ...assessed, careLevelChange: null }, clock)).toEqual([])
  })

  it('checks every field of a new record', () => {
    expect(checkPutWrite('household.put', { headName: '王', address: oldRow.address, phone: '' }, null, clock)).toHaveLength(2)
  })
})

describe('checkPersonWrite', () => {
  it('refuses a birth date in the future', () => {
    expect(checkPersonWrite({ birthDate: '2030-01-01', sex: 'F', idNumber: '', phone: '' }, 'all', clock)).toMatchObject([
      { path: 'birthDate', code: 'birth-in-future' },
    ])
  })
})

describe('checkVisitWrite and checkWishWrite', () => {
  it('refuses a visit next year and a next visit before it', () => {
    const issues = checkVisitWrite({ visitedAt: '2027-06-01T02:00:00.000Z', nextVisitOn: '2020-01-01' }, clock)
    expect(issues.map((i) => i.code)).toEqual(['time-in-future', 'next-before-visit'])
  })

  it('refuses a refusal without a note, and takes one with a note or any attempt without text', () => {
    const base = { visitedAt: '2026-12-01T02:00:00.000Z', nextVisitOn: null, seen: ' ', asked: '', done: '' }
    expect(checkVisitWrite({ ...base, outcome: 'refused' }, clock).map((i) => [i.path, i.code])).toEqual([['seen', 'refusal-note-required']])
    expect(checkVisitWrite({ ...base, outcome: 'refused', asked: '不让进门' }, clock)).toEqual([])
    expect(checkVisitWrite({ ...base, outcome: 'not-home' }, clock)).toEqual([])
  })

  it("refuses a claimant's bad phone and a fulfilment dated next month", () => {
    const issues = checkWishWrite({ claimedBy: { phone: '12' }, fulfilment: { date: '2027-01-08' } }, clock)
    expect(issues.map((i) => i.path)).toEqual(['claimedBy.phone', 'fulfilment.date'])
  })
})
