import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Change, Household, Visit, Wish } from '@/shared'
import { applyPullPage, settlePulledHouseholds } from '@/sync/pull-repository'
import { makeDb } from '../../helpers/app/factories'
import { pullReply, serverHousehold, serverVisit, serverWish } from './sync-test-kit'

/**
 * Pulled pages are stored in bulk; the households they touch are settled when the pull
 * ends (or by a later pull, when one was cut off between pages), and a household reached
 * only by new visits has its `lastVisitAt` advanced instead of re-read from the index.
 * Whatever the order records arrive in (visits before their household, visits pulled
 * twice, wishes changing state) and wherever pulls were cut off, once settled the
 * derived columns must equal their definition over what is stored.
 */

interface Plan {
  households: number
  /** Each item: household index, day of the visit, its promised next visit, whether it is pulled a second time later, whether nobody was home. */
  visits: { h: number; day: number; next: number | null; again: boolean; attempt: boolean }[]
  wishes: { h: number; state: Wish['state'] }[]
  /** Household index → page on which the household row arrives. */
  householdPage: number[]
  pages: number
  /** Pages after which a pull ended (settling what it touched); the last one always does. */
  pullEndsAfter: boolean[]
}

const plan = fc
  .record({ households: fc.integer({ min: 1, max: 5 }), pages: fc.integer({ min: 1, max: 4 }) })
  .chain(({ households, pages }) =>
    fc.record({
      households: fc.constant(households),
      pages: fc.constant(pages),
      visits: fc.array(fc.record({ h: fc.nat(households - 1), day: fc.integer({ min: 1, max: 28 }), next: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }), again: fc.boolean(), attempt: fc.boolean() }), { maxLength: 20 }),
      wishes: fc.array(fc.record({ h: fc.nat(households - 1), state: fc.constantFrom<Wish['state']>('registered', 'claimed', 'fulfilled', 'closed') }), { maxLength: 6 }),
      householdPage: fc.array(fc.nat(pages - 1), { minLength: households, maxLength: households }),
      pullEndsAfter: fc.array(fc.boolean(), { minLength: pages + 1, maxLength: pages + 1 }),
    }),
  )

function pagesOf(p: Plan): { pages: Change[][]; households: Household[] } {
  const households = Array.from({ length: p.households }, () => serverHousehold())
  const pages: Change[][] = Array.from({ length: p.pages + 1 }, () => [])
  let seq = 0
  const add = (page: number, change: Omit<Change, 'seq'>) => pages[page]!.push({ ...change, seq: ++seq } as Change)
  households.forEach((h, i) => add(p.householdPage[i]!, { kind: 'household', record: h }))
  p.visits.forEach((v, i) => {
    const nextVisitOn = v.next === null ? null : `2025-04-${String(v.next).padStart(2, '0')}`
    const record: Visit = serverVisit(households[v.h]!.id, { visitedAt: `2025-03-${String(v.day).padStart(2, '0')}T08:00:00.000Z`, nextVisitOn, outcome: v.attempt ? 'not-home' : 'met' })
    add(i % p.pages, { kind: 'visit', record })
    if (v.again) add(p.pages, { kind: 'visit', record })
  })
  p.wishes.forEach((w, i) => add(i % p.pages, { kind: 'wish', record: serverWish(households[w.h]!.id, { state: w.state }) }))
  return { pages, households }
}

describe('applyPullPage', () => {
  it('keeps lastVisitAt, promisedOn and openWishes equal to their definition (attempts skipped), whatever order pages bring records in', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const db = makeDb()
        const { pages, households } = pagesOf(p)
        for (const [i, changes] of pages.entries()) {
          await applyPullPage(db, pullReply({ changes, hasMore: i < pages.length - 1 }), Date.now())
          if (p.pullEndsAfter[i] || i === pages.length - 1) await settlePulledHouseholds(db)
        }
        expect(await db.meta.get('householdsToSettle')).toBeUndefined()
        for (const h of households) {
          const stored = await db.households.get(h.id)
          const visits = await db.visits.where('[householdId+visitedAt]').between([h.id, ''], [h.id, '\uffff']).toArray()
          // The index orders the household's visits by time, then by id; an attempt is no visit.
          const latest = visits.filter((v) => v.outcome !== 'not-home').at(-1)
          const open = (await db.wishes.where('householdId').equals(h.id).toArray()).filter((w) => w.state === 'registered' || w.state === 'claimed')
          expect(stored?.lastVisitAt).toBe(latest?.visitedAt ?? null)
          expect(stored?.promisedOn).toBe(latest?.nextVisitOn ?? null)
          expect(stored?.openWishes).toBe(open.length)
        }
        db.close()
      }),
      { numRuns: 40 },
    )
    // 40 databases: generous for a loaded 2-core CI machine.
  }, 60_000)

  it('stores every record of a page and its cursors in one go', async () => {
    const db = makeDb()
    const h = serverHousehold()
    const visits = Array.from({ length: 50 }, (_, i) => serverVisit(h.id, { visitedAt: `2025-03-01T08:${String(i).padStart(2, '0')}:00.000Z` }))
    const changes: Change[] = [{ kind: 'household', seq: 1, record: h }, ...visits.map((record, i): Change => ({ kind: 'visit', seq: i + 2, record }))]
    await applyPullPage(db, pullReply({ changes, cursors: { [h.gridId]: 51 } }), Date.now())
    expect(await db.visits.count()).toBe(50)
    expect((await db.meta.get('cursors'))?.value).toEqual({ [h.gridId]: 51 })
    // The household waits, noted in the page's own transaction, until the pull settles it.
    expect((await db.meta.get('householdsToSettle'))?.value).toEqual({ [h.id]: null })
    expect((await db.households.get(h.id))?.lastVisitAt).toBeNull()
    await settlePulledHouseholds(db)
    expect((await db.households.get(h.id))?.lastVisitAt).toBe('2025-03-01T08:49:00.000Z')
    expect(await db.meta.get('householdsToSettle')).toBeUndefined()
  })

  it('keeps the newest appended visit when later pages bring older ones', async () => {
    const db = makeDb()
    const h = serverHousehold()
    await applyPullPage(db, pullReply({ changes: [{ kind: 'household', seq: 1, record: h }] }), Date.now())
    await settlePulledHouseholds(db)
    const visit = (day: string, seq: number): Change => ({ kind: 'visit', seq, record: serverVisit(h.id, { visitedAt: `2025-03-${day}T08:00:00.000Z` }) })
    await applyPullPage(db, pullReply({ changes: [visit('09', 2)], hasMore: true }), Date.now())
    await applyPullPage(db, pullReply({ changes: [visit('03', 3)] }), Date.now())
    expect((await db.meta.get('householdsToSettle'))?.value).toMatchObject({ [h.id]: { at: '2025-03-09T08:00:00.000Z' } })
    await settlePulledHouseholds(db)
    expect((await db.households.get(h.id))?.lastVisitAt).toBe('2025-03-09T08:00:00.000Z')
  })
})
