import { describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { withLastVisit } from '@/db/households-derived-repository'
import { makeDb, seedHousehold } from '../../helpers/app/factories'

describe('withLastVisit', () => {
  const at = '2026-05-01T08:00:00.000Z'
  const row = async (db: GridSisterDb) => ({ ...(await db.households.get((await seedHousehold(db)).id))!, lastVisitAt: at, promisedOn: '2026-06-01' })

  it('moves the last visit and its promise up to a later visit, and ignores an older one', async () => {
    const h = await row(makeDb())
    expect(withLastVisit(h, { id: 'b', at: '2026-05-02T08:00:00.000Z', next: null })).toMatchObject({ lastVisitAt: '2026-05-02T08:00:00.000Z', promisedOn: null })
    expect(withLastVisit(h, { id: 'b', at: '2026-04-30T08:00:00.000Z', next: '2026-05-03' })).toBeNull()
  })

  it('asks for a recompute only when a visit as old as the last one promised otherwise', async () => {
    const h = await row(makeDb())
    // The same visit pulled back after its push: nothing to change, nothing to read.
    expect(withLastVisit(h, { id: 'a', at, next: '2026-06-01' })).toBeNull()
    expect(withLastVisit(h, { id: 'b', at, next: '2026-07-01' })).toBe('tie')
  })
})
