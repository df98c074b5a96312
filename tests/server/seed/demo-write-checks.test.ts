import { describe, expect, it } from 'vitest'
import { checkHouseholdWrite, checkPersonWrite, checkVisitWrite, checkWishWrite } from '../../../src/shared/rules'
import { DEMO_NOW, defaultDemo } from './demo-fixture'

/** The demo must pass the checks a worker's own writes pass: else editing a demo record fails. */
describe('the demo data and the shared write checks', () => {
  const clock = { now: DEMO_NOW.getTime(), offsetMinutes: 480 }

  it('gives every household an address and a valid phone', () => {
    const bad = defaultDemo().households.flatMap((h) => checkHouseholdWrite(h, 'all').map((i) => `${h.headName} ${i.code}`))
    expect(bad).toEqual([])
  })

  it('gives every person a valid phone, birth date and an ID number agreeing with both', () => {
    const bad = defaultDemo().persons.flatMap((p) => checkPersonWrite(p, 'all', clock).map((i) => `${p.name} ${i.code}`))
    expect(bad).toEqual([])
  })

  it('dates every visit in the past with its next visit after it, and every claimant phone valid', () => {
    const { visits, wishes } = defaultDemo()
    expect(visits.flatMap((v) => checkVisitWrite(v, clock).map((i) => `${v.id} ${i.code}`))).toEqual([])
    expect(wishes.flatMap((w) => checkWishWrite(w, clock).map((i) => `${w.id} ${i.code}`))).toEqual([])
  })
})
