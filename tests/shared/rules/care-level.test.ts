import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ASSESSED_HOUSEHOLD_FIELDS, isAssessedCareWrite, type AssessmentResultLike } from '../../../src/shared/rules'

const householdId = '018f0000-0000-7000-8000-000000000001'
const result = (over: Partial<AssessmentResultLike> = {}): AssessmentResultLike => ({
  id: '018f0000-0000-7000-8000-0000000000a1', householdId, deleted: false, careLevel: 3, cadenceDays: 14,
  careLevelChange: { from: 2, to: 3 }, ...over,
})
const write = (patch: Record<string, unknown>, assessmentId: string | null = result().id) => ({ patch, assessmentId: assessmentId ?? undefined })

describe('isAssessedCareWrite', () => {
  it("is the assessment's write when it sets exactly its result on its household", () => {
    expect(isAssessedCareWrite(write({ careLevel: 3, visitCadenceDays: 14 }), householdId, result())).toBe(true)
    expect(isAssessedCareWrite(write({ careLevel: 3 }), householdId, result())).toBe(true)
  })

  it('is an ordinary household change without a link, or with an older assessment', () => {
    expect(isAssessedCareWrite(write({ careLevel: 3 }, null), householdId, result())).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3 }), householdId, result({ careLevelChange: undefined }))).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3 }), householdId, null)).toBe(false)
  })

  it('is an ordinary change when the assessment is deleted, of another household, or another one', () => {
    expect(isAssessedCareWrite(write({ careLevel: 3 }), householdId, result({ deleted: true }))).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3 }), 'another', result())).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3 }, 'another-assessment'), householdId, result())).toBe(false)
  })

  it('is an ordinary change when the values are not the result, or its change does not end at its level', () => {
    expect(isAssessedCareWrite(write({ careLevel: 1 }), householdId, result())).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3, visitCadenceDays: 30 }), householdId, result())).toBe(false)
    expect(isAssessedCareWrite(write({ careLevel: 3 }), householdId, result({ careLevelChange: { from: 2, to: 1 } }))).toBe(false)
    expect(isAssessedCareWrite(write({}), householdId, result())).toBe(false)
  })

  it('never hides a write that touches any other household field (property)', () => {
    const other = fc.constantFrom('headName', 'address', 'phone', 'keyGroups', 'notes', 'deleted')
    fc.assert(
      fc.property(other, fc.anything(), fc.subarray([...ASSESSED_HOUSEHOLD_FIELDS]), (field, value, assessed) => {
        const patch: Record<string, unknown> = { [field]: value }
        for (const f of assessed) patch[f] = f === 'careLevel' ? 3 : 14
        return !isAssessedCareWrite(write(patch), householdId, result())
      }),
    )
  })
})
