import { beforeEach, describe, expect, it } from 'vitest'
import { decodeHlc } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { getMeta } from '@/db/meta-repository'
import { RecordValidationError, commitMutation, pendingMutations } from '@/db/outbox-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { actor, makeDb, seedHousehold, visitInput } from '../../helpers/app/factories'

describe('outbox-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('gives the device one client id and numbers its mutations 1, 2, 3 with rising clocks', async () => {
    const h = await seedHousehold(db)
    await createVisit(db, visitInput(h.id), actor)
    await createVisit(db, visitInput(h.id, { seen: '第二次' }), actor)
    const clientId = await getMeta(db, 'clientId')
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/)
    const pending = await pendingMutations(db)
    expect(pending.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(await getMeta(db, 'nextSeq')).toBe(4)
    const clocks = pending.map((m) => decodeHlc(m.hlc))
    for (let i = 1; i < clocks.length; i++) expect(pending[i]!.hlc > pending[i - 1]!.hlc).toBe(true)
    expect(await getMeta(db, 'hlc')).toBe(pending.at(-1)!.hlc)
    expect(new Set(clocks.map((c) => c.node)).size).toBe(1)
    expect(await getMeta(db, 'clientId')).toBe(clientId)
  })

  it('keeps the clock moving forward when the wall clock goes back', async () => {
    const h = await seedHousehold(db)
    await commitMutation(db, 'household.delete', [db.households], async () => ({ id: h.id, gridId: h.gridId }), () => 2_000_000_000_000)
    const late = await commitMutation(db, 'household.delete', [db.households], async () => ({ id: h.id, gridId: h.gridId }), () => 1_000_000_000_000)
    const first = (await pendingMutations(db)).at(-2)!
    expect(late.hlc > first.hlc).toBe(true)
  })

  it('saves nothing, not even the meta rows, when the arguments are invalid', async () => {
    const before = await db.meta.toArray()
    await expect(
      commitMutation(db, 'household.delete', [db.households], async () => ({ id: 'not-a-uuid', gridId: 'x' }) as never),
    ).rejects.toBeInstanceOf(RecordValidationError)
    expect(await db.meta.toArray()).toEqual(before)
    expect(await db.outbox.count()).toBe(0)
  })

  it('refuses a record whose JSON is over 64 KB, as the server would, and saves nothing', async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const escaped = '\u0001'.repeat(4000)
    const err = await createVisit(db, visitInput(h.id, { seen: escaped, asked: escaped, done: escaped }), actor).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RecordValidationError)
    expect((err as RecordValidationError).issues).toEqual([expect.objectContaining({ path: 'tooLarge' })])
    expect(await db.outbox.count()).toBe(before)
    expect(await db.visits.count()).toBe(0)
  })
})
