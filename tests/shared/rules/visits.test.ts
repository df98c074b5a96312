import { describe, expect, it } from 'vitest'
import type { Visit } from '../../../src/shared'
import { Visit as VisitSchema } from '../../../src/shared'
import { applyVisitCreate, checkCorrection, isAttempt, isCompletedVisit, lastContacts, outcomeNeedsNote, outcomeNeedsText } from '../../../src/shared/rules/visits'

const visit = (over: Partial<Visit> = {}): Visit => ({
  id: '0190a000-0000-7000-8000-00000000000a', householdId: '0190a000-0000-7000-8000-00000000000b',
  gridId: '0190a000-0000-7000-8000-00000000000c', visitedAt: '2024-05-01T08:00:00.000Z',
  visitorId: '0190a000-0000-7000-8000-00000000000d', visitorName: '王', method: 'in-person', outcome: 'met', seen: '', asked: '', done: '',
  policies: [], nextVisitOn: null, photos: [], correctsId: null, createdAt: '2024-05-01T08:00:00.000Z', ...over,
})

describe('applyVisitCreate', () => {
  it('creates a new visit', () => {
    expect(applyVisitCreate(null, visit())).toMatchObject({ ok: true, status: 'applied' })
  })
  it('treats the same id and body as a duplicate no-op', () => {
    expect(applyVisitCreate(visit(), visit())).toMatchObject({ ok: true, status: 'duplicate' })
  })
  it('refuses a different body under an existing id (append-only)', () => {
    expect(applyVisitCreate(visit(), visit({ seen: 'changed' }))).toMatchObject({ ok: false, code: 'conflict' })
  })
})

describe('checkCorrection', () => {
  it('accepts a correction of a visit of the same household', () => {
    expect(checkCorrection(visit({ id: '0190a000-0000-7000-8000-0000000000ee', correctsId: visit().id }), visit())).toBeNull()
  })
  it('refuses a correction of a missing visit or of another household', () => {
    const corr = visit({ id: '0190a000-0000-7000-8000-0000000000ee', correctsId: visit().id })
    expect(checkCorrection(corr, null)).toMatchObject({ ok: false, code: 'not-found' })
    expect(checkCorrection(corr, visit({ householdId: '0190a000-0000-7000-8000-0000000000ff' }))).toMatchObject({ code: 'out-of-scope' })
  })
  it('ignores a visit that corrects nothing', () => {
    expect(checkCorrection(visit(), null)).toBeNull()
  })
})

describe('isAttempt and isCompletedVisit', () => {
  it('counts nobody home and no answer as attempts, a meeting and a refusal as completed visits', () => {
    expect((['met', 'not-home', 'no-answer', 'refused'] as const).map((outcome) => isAttempt({ outcome }))).toEqual([false, true, true, false])
    expect(isCompletedVisit({ outcome: 'refused' })).toBe(true)
  })
  it('reads a stored visit without outcome (an app from before outcomes) as completed', () => {
    expect(isAttempt({})).toBe(false)
  })
  it('needs a note for a refusal only, and text for every outcome but an attempt', () => {
    expect(['met', 'not-home', 'no-answer', 'refused'].map((o) => outcomeNeedsNote(o as 'met'))).toEqual([false, false, false, true])
    expect(['met', 'not-home', 'no-answer', 'refused'].map((o) => outcomeNeedsText(o as 'met'))).toEqual([true, false, false, true])
  })
})

describe('Visit schema outcome', () => {
  it("parses an old app's visit without outcome as met, the same record twice", () => {
    const { outcome, ...old } = visit()
    expect(outcome).toBe('met')
    const first = VisitSchema.parse(old)
    expect(first.outcome).toBe('met')
    expect(applyVisitCreate(first, VisitSchema.parse(old))).toMatchObject({ ok: true, status: 'duplicate' })
  })
  it('refuses an unknown outcome', () => {
    expect(VisitSchema.safeParse({ ...visit(), outcome: 'gone' }).success).toBe(false)
  })
})

describe('lastContacts', () => {
  const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T08:00:00.000Z`
  it('finds the newest completed visit and an attempt made after it', () => {
    const visits = [visit({ visitedAt: at(1) }), visit({ visitedAt: at(3), outcome: 'not-home' }), visit({ visitedAt: at(2), outcome: 'refused' }), visit({ visitedAt: at(4), outcome: 'no-answer' })]
    const { visit: last, attempt } = lastContacts(visits)
    expect(last?.visitedAt).toBe(at(2))
    expect(attempt?.visitedAt).toBe(at(4))
  })
  it('names no attempt older than the last completed visit, and no visit when there are only attempts', () => {
    expect(lastContacts([visit({ visitedAt: at(1), outcome: 'not-home' }), visit({ visitedAt: at(2) })]).attempt).toBeNull()
    expect(lastContacts([visit({ visitedAt: at(1), outcome: 'not-home' })])).toMatchObject({ visit: null, attempt: { visitedAt: at(1) } })
  })
  it('compares instants, not text: +08:00 and Z times order by when they happened', () => {
    const visits = [visit({ visitedAt: '2024-05-02T08:00:00+08:00' }), visit({ visitedAt: '2024-05-02T00:30:00.000Z' })]
    expect(lastContacts(visits).visit?.visitedAt).toBe('2024-05-02T00:30:00.000Z')
  })
})
