import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rowChunks } from '../../../sync-server/storage/sql-batch-ops'
import type { RecordWrite } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { nextHlc } from '../../helpers/server/factories'
import { useWorldStore, type World } from '../../helpers/server/world'

describe('rowChunks', () => {
  it('keeps every row once, in order, in at most 256 per chunk and few chunk sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 2000 }), (rows) => {
        const chunks = rowChunks(rows)
        expect(chunks.flat()).toEqual(rows)
        for (const c of chunks) expect([1, 2, 4, 8, 16, 32, 64, 128, 256]).toContain(c.length)
      }),
    )
  })
})

describe.each(BACKENDS)('Store batch operations on $name', (backend) => {
  const t = useWorldStore(backend)

  const write = (gridKey: keyof World['grids'], data: object = {}): RecordWrite => {
    const g = t.world.grids[gridKey]
    const id = randomUUID()
    return { kind: 'household', id, gridId: g.id, communityId: g.communityId, json: JSON.stringify({ id, ...data }) }
  }

  it('writes many records with consecutive seqs per community, after the existing ones, in the order given', async () => {
    const g = t.world.grids.a1
    const first = await t.store.putRecord('visit', randomUUID(), g.id, g.communityId, {})
    const rows = Array.from({ length: 300 }, (_, i) => write(i % 3 === 0 ? 'b1' : 'a1'))
    await t.store.transaction((tx) => tx.putRecords(rows))
    const inA = (await t.store.changesForGrid(g.id, first, 1000)).map((r) => [r.id, r.seq])
    const inB = (await t.store.changesForGrid(t.world.grids.b1.id, 0, 1000)).map((r) => [r.id, r.seq])
    expect(inA).toEqual(rows.filter((r) => r.gridId === g.id).map((r, i) => [r.id, first + 1 + i]))
    expect(inB).toEqual(rows.filter((r) => r.gridId !== g.id).map((r, i) => [r.id, 1 + i]))
  })

  it('replaces a stored record under a new seq and writes nothing for an empty list', async () => {
    const row = write('a1', { v: 1 })
    await t.store.putRecords([row])
    await t.store.putRecords([])
    await t.store.putRecords([{ ...row, json: JSON.stringify({ v: 2 }) }])
    expect(await t.store.getRecord('household', row.id)).toMatchObject({ data: { v: 2 }, seq: 2 })
  })

  it('reads many records (or only where they live) of several kinds by key and skips the missing', async () => {
    const g = t.world.grids.a1
    const ids = Array.from({ length: 300 }, () => randomUUID())
    await t.store.bulkInsertRecords(ids.map((id, i) => ({ kind: i % 2 ? 'visit' : 'household', id, gridId: g.id, communityId: g.communityId, data: { i } })))
    const keys = ids.map((id, i) => ({ kind: i % 2 ? ('visit' as const) : ('household' as const), id }))
    const wrongKind = { kind: 'wish' as const, id: ids[0]! }
    const found = await t.store.getRecords([...keys, ...keys.slice(0, 5), wrongKind, { kind: 'person', id: randomUUID() }])
    expect(found.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(keys.map((k) => `${k.kind}:${k.id}`).sort())
    expect(await t.store.getRecords([])).toEqual([])
    const places = await t.store.getRecordPlaces([keys[0]!, keys[1]!, wrongKind])
    expect(places.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { ...keys[0], gridId: g.id, communityId: g.communityId },
      { ...keys[1], gridId: g.id, communityId: g.communityId },
    ])
  })

  it('reads many grids by id and skips the missing', async () => {
    const grids = await t.store.getGrids([t.world.grids.a1.id, t.world.grids.b1.id, t.world.grids.a1.id, randomUUID()])
    expect(grids.map((g) => g.id).sort()).toEqual([t.world.grids.a1.id, t.world.grids.b1.id].sort())
    expect(grids.find((g) => g.id === t.world.grids.a1.id)).toEqual(t.world.grids.a1)
  })

  it('locks communities without moving their counters, creating missing ones at 0', async () => {
    const g = t.world.grids.a1
    await t.store.putRecord('visit', randomUUID(), g.id, g.communityId, {})
    await t.store.transaction((tx) => tx.lockCommunities([t.world.communityB, g.communityId, t.world.communityB]))
    expect(await t.store.putRecord('visit', randomUUID(), g.id, g.communityId, {})).toBe(2)
    expect(await t.store.putRecord('visit', randomUUID(), t.world.grids.b1.id, t.world.communityB, {})).toBe(1)
  })

  it('saves many rejections and conflicts at once; a rejection saved twice keeps the first', async () => {
    const userId = t.world.users.wa1.id
    const rejection = (seq: number, code: string) => ({ clientId: 'c', userId, seq, mutationId: randomUUID(), code, message: code })
    const rs = [rejection(1, 'forbidden'), rejection(3, 'not-found')]
    await t.store.saveRejections(rs)
    await t.store.saveRejections([rejection(1, 'conflict')])
    expect((await t.store.findRejections('c', userId, [1, 2, 3])).sort((a, b) => a.seq - b.seq)).toEqual(rs)
    const g = t.world.grids.a1
    const conflict = () => ({
      id: randomUUID(), communityId: g.communityId, kind: 'household' as const, recordId: randomUUID(), gridId: g.id, field: 'phone',
      winnerValue: '1', winnerHlc: nextHlc(), loserValue: '2', loserHlc: nextHlc(), loserUserId: null, createdAt: new Date().toISOString(), resolvedAt: null,
    })
    const cs = [conflict(), conflict(), conflict()]
    await t.store.insertConflicts(cs)
    await t.store.insertConflicts([])
    expect((await t.store.listConflicts(g.communityId)).map((c) => c.id).sort()).toEqual(cs.map((c) => c.id).sort())
  })
})
