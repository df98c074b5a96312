import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Assessment, Household, Person, Review, Visit, Wish, MAX_ANSWERS, MAX_EXTRA_FIELDS } from '../../../src/shared/records'
import { KeyGroup } from '../../../src/shared/vocab'
import { MAX_RECORD_BYTES, recordTooLarge, utf8Bytes } from '../../../src/shared/rules/bounds'

const ID = '01234567-89ab-4def-8123-456789abcdef'
const AT = '2026-12-07T08:00:00.000Z'
/** Chinese text at a field's maximum length: three bytes a character. */
const zh = (n: number) => '格'.repeat(n)
const clocks = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, `001796610473581-00000-${'f'.repeat(32)}`]))
const mergeable = (fields: string[]) => ({ id: ID, gridId: ID, deleted: false, hlc: clocks([...fields, 'deleted']), createdAt: AT, updatedAt: AT })
const photo = { sha256: 'a'.repeat(64), mime: 'image/jpeg' as const, size: 5_000_000 }

/** The largest record of each kind its schema lets through (Chinese text everywhere). */
const LARGEST = {
  household: Household.parse({
    headName: zh(40), address: { estate: zh(60), building: zh(20), unit: zh(20), door: zh(20) }, phone: '1'.repeat(20),
    keyGroups: [...KeyGroup.options],
    careLevel: 3, visitCadenceDays: 365, notes: zh(2000), ...mergeable(['headName', 'address', 'phone', 'keyGroups', 'careLevel', 'visitCadenceDays', 'notes']),
  }),
  person: Person.parse({
    householdId: ID, name: zh(40), sex: 'F', birthDate: '1950-01-01', relation: 'self', phone: '1'.repeat(20), idNumber: '1'.repeat(18),
    keyGroups: [], notes: zh(1000), ...mergeable(['name', 'sex', 'birthDate', 'relation', 'phone', 'idNumber', 'keyGroups', 'notes', 'householdId']),
  }),
  visit: Visit.parse({
    id: ID, householdId: ID, gridId: ID, visitedAt: AT, visitorId: ID, visitorName: zh(40), method: 'in-person', seen: zh(4000), asked: zh(4000), done: zh(4000),
    policies: [], nextVisitOn: '2026-12-30', photos: Array.from({ length: 9 }, () => photo), correctsId: ID, createdAt: AT,
  }),
  assessment: Assessment.parse({
    householdId: ID, templateId: 'x'.repeat(40), assessedAt: AT, assessorId: ID, careLevel: 3, cadenceDays: 365, score: 100,
    answers: Object.fromEntries(Array.from({ length: MAX_ANSWERS }, (_, i) => [`${'d'.repeat(38)}${i}`, {
      level: 3, notes: zh(1000), extra: Object.fromEntries(Array.from({ length: MAX_EXTRA_FIELDS }, (_, j) => [`${'e'.repeat(38)}${j}`, zh(200)])),
    }])),
    ...mergeable(['householdId', 'templateId', 'assessedAt', 'assessorId', 'answers', 'careLevel', 'cadenceDays', 'score']),
  }),
  review: Review.parse({ id: ID, recordKind: 'visit', recordId: ID, gridId: ID, state: 'returned', comment: zh(1000), reviewerId: ID, reviewerName: zh(40), reviewedAt: AT, resubmittedBy: ID }),
}

describe('record bounds', () => {
  it('counts UTF-8 bytes exactly as an encoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Bytes(s)).toBe(new TextEncoder().encode(s).length)
      }),
    )
  })

  it.each(Object.entries(LARGEST))('keeps the largest %s its schema allows under the bound', (_, record) => {
    expect(utf8Bytes(JSON.stringify(record))).toBeLessThanOrEqual(MAX_RECORD_BYTES)
    expect(recordTooLarge(record)).toBe(false)
  })

  it('bounds the number of answers and of extra fields in the assessment schema', () => {
    const answers = (n: number, extras: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}`, { level: 1, notes: '', extra: Object.fromEntries(Array.from({ length: extras }, (_, j) => [`e${j}`, 'x'])) }]))
    const base = { ...LARGEST.assessment }
    expect(Assessment.safeParse({ ...base, answers: answers(MAX_ANSWERS + 1, 0) }).success).toBe(false)
    expect(Assessment.safeParse({ ...base, answers: answers(1, MAX_EXTRA_FIELDS + 1) }).success).toBe(false)
    expect(Assessment.safeParse({ ...base, answers: answers(MAX_ANSWERS, MAX_EXTRA_FIELDS) }).success).toBe(true)
  })

  it('finds a record too large when escaping makes it so, whatever its length in characters', () => {
    const visit = { ...LARGEST.visit, seen: '\u0001'.repeat(4000), asked: '\u0001'.repeat(4000), done: '\u0001'.repeat(4000) }
    expect(Visit.safeParse(visit).success).toBe(true)
    expect(recordTooLarge(visit)).toBe(true)
  })

  it('keeps a wish under the bound with a long history of short notes', () => {
    const wish = Wish.parse({
      id: ID, householdId: ID, gridId: ID, personId: ID, visitId: ID, title: zh(120), detail: zh(2000), category: 'care', state: 'closed',
      claimedBy: { name: zh(60), kind: 'volunteer', phone: '1'.repeat(20) }, claimedAt: AT,
      fulfilment: { date: '2026-12-07', whatWasDone: zh(2000), feedback: zh(2000), photo }, closedReason: zh(500),
      history: Array.from({ length: 100 }, () => ({ state: 'claimed', at: AT, by: zh(40), note: zh(20) })), createdBy: ID, createdAt: AT, updatedAt: AT,
    })
    expect(recordTooLarge(wish)).toBe(false)
  })
})
