import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fieldAccess,
  isMasked,
  maskIdNumber,
  maskPhone,
  Person,
  PersonFields,
  projectRecord,
  receivesRecords,
  revealableFields,
  ROLES,
  unwritableFields,
} from '@/shared'

const person = {
  id: '0190a000-0000-7000-8000-0000000000b1', gridId: '0190a000-0000-7000-8000-000000000001', deleted: false, hlc: {},
  createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z',
  householdId: '0190a000-0000-7000-8000-0000000000c1', name: '张秀兰', sex: 'F' as const, birthDate: '1980-01-01',
  relation: 'self' as const, phone: '13912345678', idNumber: '43010219800101123X', keyGroups: ['disabled' as const], notes: '',
}

describe('maskPhone / maskIdNumber', () => {
  it('masks mobile numbers as 138****1234 and ID numbers as 4301**********1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138-1234-1234')).toBe('138****1234')
    expect(maskIdNumber('43010219800101123X')).toBe('4301**********123X')
  })

  it('keeps only the last two characters of short numbers and leaves empty ones empty', () => {
    expect(maskPhone('5551234')).toBe('*****34')
    expect(maskPhone('')).toBe('')
    expect(maskIdNumber('')).toBe('')
  })

  it('is idempotent and never keeps the middle digits, for any number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{3,20}$/), (n) => {
        for (const mask of [maskPhone, maskIdNumber]) {
          const once = mask(n)
          expect(mask(once)).toBe(once)
          expect(once.length).toBe(n.length)
          expect(isMasked(once)).toBe(true)
        }
      }),
    )
  })
})

describe('projectRecord', () => {
  it('gives the worker the record itself', () => {
    expect(projectRecord('person', person, 'worker')).toBe(person)
  })

  it('masks ID numbers and phones for supervisors and admins and keeps what their screens need', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(projectRecord('person', person, role)).toEqual({ ...person, idNumber: '4301**********123X', phone: '139****5678' })
    }
    expect(projectRecord('household', { phone: '13912345678', headName: '张' }, 'supervisor')).toEqual({ phone: '139****5678', headName: '张' })
  })

  it('leaves kinds without catalogued fields alone', () => {
    const visit = { id: 'v', seen: '身体还好' }
    expect(projectRecord('visit', visit, 'supervisor')).toBe(visit)
  })

  it('produces records the device schema accepts, which mutations still refuse', () => {
    const masked = projectRecord('person', person, 'supervisor')
    expect(Person.safeParse(masked).success).toBe(true)
    expect(PersonFields.shape.idNumber.safeParse(masked.idNumber).success).toBe(false)
    expect(PersonFields.shape.phone.safeParse(masked.phone).success).toBe(false)
  })
})

describe('who writes and reveals what', () => {
  it('lets each role write only what it receives in full', () => {
    expect(unwritableFields('person', ['idNumber', 'phone', 'notes'], 'worker')).toEqual([])
    expect(unwritableFields('person', ['idNumber', 'phone', 'notes'], 'supervisor')).toEqual(['idNumber', 'phone'])
    for (const role of ROLES) expect(fieldAccess('person', 'name', role)).toBe('full')
  })

  it('lets reviewers reveal their masked fields online, and workers nothing', () => {
    expect(revealableFields('person', 'supervisor')).toEqual(['idNumber', 'phone'])
    expect(revealableFields('household', 'admin')).toEqual(['phone'])
    expect(revealableFields('person', 'worker')).toEqual([])
  })

  it('sends no admin any record, of a community or of none; workers and supervisors theirs', () => {
    expect(receivesRecords({ role: 'admin', communityId: null })).toBe(false)
    expect(receivesRecords({ role: 'admin', communityId: 'c' })).toBe(false)
    expect(receivesRecords({ role: 'supervisor', communityId: 'c' })).toBe(true)
    expect(receivesRecords({ role: 'worker', communityId: 'c' })).toBe(true)
    expect(receivesRecords({ role: 'worker', communityId: null })).toBe(true)
  })
})
