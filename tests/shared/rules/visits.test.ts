import { describe, expect, it } from 'vitest'
import type { Visit } from '../../../src/shared'
import { applyVisitCreate, checkCorrection } from '../../../src/shared/rules/visits'

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
