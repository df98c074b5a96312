import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { returnedTasks } from '@/db/reviews-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { actor, makeDb, review, seedHousehold, visitInput, wishInput } from '../../helpers/app/factories'

describe('returnedTasks', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('counts every returned record and names the households of the newest `limit`', async () => {
    const a = await seedHousehold(db, { headName: '甲户' })
    const b = await seedHousehold(db, { headName: '乙户' })
    const visit = await createVisit(db, visitInput(a.id), actor)
    const wish = await createWish(db, wishInput(b.id), actor)
    const at = (day: number) => new Date(2026, 4, day).toISOString()
    await db.reviews.bulkPut([
      review(visit.id, { reviewedAt: at(1) }),
      review(wish.id, { recordKind: 'wish', reviewedAt: at(3) }),
      review(b.id, { recordKind: 'household', reviewedAt: at(2) }),
      review(a.id, { recordKind: 'household', state: 'approved', reviewedAt: at(4) }),
      // A record this phone no longer holds: listed, with no name to show.
      review('0190a000-0000-7000-8000-00000000dead', { reviewedAt: at(0) }),
    ])

    const all = await returnedTasks(db)
    expect(all.total).toBe(4)
    expect(all.tasks.map((x) => [x.review.recordKind, x.householdName])).toEqual([
      ['wish', '乙户'],
      ['household', '乙户'],
      ['visit', '甲户'],
      ['visit', null],
    ])

    const first = await returnedTasks(db, 2)
    expect(first.total).toBe(4)
    expect(first.tasks.map((x) => x.householdName)).toEqual(['乙户', '乙户'])
  })
})
