import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Visit } from '@/shared'
import { createVisit } from '@/features/visits/visits-repository'
import { householdsPromisedBy } from '@/features/households/households-read-repository'
import { actor, makeDb, seedHousehold, visitInput } from '../../../helpers/app/factories'

const TODAY = '2026-05-30'
const day = (offset: number) => new Date(Date.UTC(2026, 4, 30 + offset)).toISOString().slice(0, 10)

/**
 * `promisedOn` is derived on every visit write (a tie in time is ordered by id, as the
 * [householdId+visitedAt] index orders it); Today reads the due households off its index.
 * The definition, read naively: the households whose latest visit (index order) made a
 * promise that is due.
 */
function reference(visits: Visit[]): string[] {
  const latest = new Map<string, Visit>()
  for (const v of [...visits].sort((a, b) => (a.visitedAt === b.visitedAt ? a.id.localeCompare(b.id) : a.visitedAt.localeCompare(b.visitedAt)))) {
    latest.set(v.householdId, v)
  }
  return [...latest.values()].filter((v) => v.nextVisitOn !== null && v.nextVisitOn <= TODAY).map((v) => v.householdId).sort()
}

const visitSpec = fc.record({
  household: fc.nat({ max: 2 }),
  // Few distinct times, so two visits of a household often share one.
  daysAgo: fc.nat({ max: 3 }),
  // Days after the visit (a next visit is never before its visit): due or not by TODAY.
  next: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
})

describe('householdsPromisedBy', () => {
  it('returns exactly the households whose latest visit made a promise that is due (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visitSpec, { maxLength: 10 }), async (specs) => {
        const db = makeDb()
        const households = [await seedHousehold(db), await seedHousehold(db), await seedHousehold(db)]
        for (const s of specs) {
          const visitedAt = new Date(Date.UTC(2026, 4, 30 - s.daysAgo, 8)).toISOString()
          await createVisit(db, visitInput(households[s.household]!.id, { visitedAt, nextVisitOn: s.next === null ? null : day(s.next - s.daysAgo) }), actor)
        }
        const got = (await householdsPromisedBy(db, TODAY)).map((h) => h.id).sort()
        expect(got).toEqual(reference(await db.visits.toArray()))
        db.close()
      }),
      { numRuns: 25 },
    )
  })

  it('drops a promise that a later visit superseded, and ignores households never visited', async () => {
    const db = makeDb()
    const h = await seedHousehold(db)
    await seedHousehold(db)
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-01T08:00:00.000Z', nextVisitOn: '2026-05-10' }), actor)
    expect((await householdsPromisedBy(db, TODAY)).map((row) => row.promisedOn)).toEqual(['2026-05-10'])
    // An older diary entered late does not bring back a promise.
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-04-01T08:00:00.000Z', nextVisitOn: '2026-04-10' }), actor)
    expect((await householdsPromisedBy(db, TODAY)).map((row) => row.promisedOn)).toEqual(['2026-05-10'])
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-20T08:00:00.000Z', nextVisitOn: null }), actor)
    expect(await householdsPromisedBy(db, TODAY)).toEqual([])
  })
})
