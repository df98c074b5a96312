import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { SCHEMA_DB_VERSION } from '../../../sync-server/storage/migrations'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldStore } from '../../helpers/server/world'

describe.each(BACKENDS)('Store on $name', (backend) => {
  const t = useWorldStore(backend)

  it('applies migrations once; a second run changes nothing', async () => {
    expect(await t.store.migrate()).toBe(SCHEMA_DB_VERSION)
    expect(await t.store.migrate()).toBe(SCHEMA_DB_VERSION)
  })

  it('rolls back every write of a failed transaction', async () => {
    const g = t.world.grids.a1
    await expect(
      t.store.transaction(async (tx) => {
        await tx.putRecord('household', randomUUID(), g.id, g.communityId, { x: 1 })
        await tx.setClientSeq('c', t.world.users.wa1.id, 5)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await t.store.countRecords()).toBe(0)
    expect(await t.store.getClientSeq('c', t.world.users.wa1.id)).toBe(0)
  })

  it('hands out increasing seqs per community and lists a grid in seq order', async () => {
    const g = t.world.grids.a1
    const ids = [randomUUID(), randomUUID(), randomUUID()]
    const seqs = []
    for (const id of ids) seqs.push(await t.store.putRecord('household', id, g.id, g.communityId, { id }))
    seqs.push(await t.store.putRecord('household', ids[0]!, g.id, g.communityId, { id: ids[0], v: 2 }))
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    const rows = await t.store.changesForGrid(g.id, 0, 10)
    expect(rows.map((r) => r.id)).toEqual([ids[1], ids[2], ids[0]])
    expect(JSON.parse(rows[2]!.json)).toEqual({ id: ids[0], v: 2 })
    expect(await t.store.changesForGrid(g.id, rows[1]!.seq, 10)).toHaveLength(1)
    const other = await t.store.putRecord('household', randomUUID(), t.world.grids.b1.id, t.world.communityB, {})
    expect(other).toBe(1)
  })

  it('bulk-inserts with seqs after the existing ones', async () => {
    const g = t.world.grids.a2
    const first = await t.store.putRecord('visit', randomUUID(), g.id, g.communityId, {})
    const rows = Array.from({ length: 1200 }, () => ({ kind: 'visit' as const, id: randomUUID(), gridId: g.id, communityId: g.communityId, data: { n: 1 } }))
    await t.store.transaction((tx) => tx.bulkInsertRecords(rows))
    const page = await t.store.changesForGrid(g.id, 0, 5000)
    expect(page).toHaveLength(1201)
    expect(page[1]?.seq).toBe(first + 1)
    expect(page.at(-1)?.seq).toBe(first + 1200)
  })

  it('keeps client seqs per client and user', async () => {
    await t.store.setClientSeq('dev', t.world.users.wa1.id, 3)
    await t.store.setClientSeq('dev', t.world.users.wa2.id, 9)
    expect(await t.store.getClientSeq('dev', t.world.users.wa1.id)).toBe(3)
    expect(await t.store.getClientSeq('dev', t.world.users.wa2.id)).toBe(9)
  })

  it('stores and reads photos as bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 255])
    await t.store.putPhoto({ sha256: 'f'.repeat(64), mime: 'image/png', size: 4, gridId: t.world.grids.a1.id, communityId: t.world.communityA, bytes })
    expect((await t.store.getPhoto('f'.repeat(64)))?.bytes.equals(bytes)).toBe(true)
  })

  it('wipes everything', async () => {
    await t.store.wipe()
    expect(await t.store.countUsers()).toBe(0)
    expect(await t.store.listGrids({})).toEqual([])
  })
})
