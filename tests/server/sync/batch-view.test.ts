import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../src/shared'
import type { RecordKey, RecordPlace, RecordWrite, StoredRecord, StoreOps, UserRow } from '../../../sync-server/storage/store'
import { createBatchView } from '../../../sync-server/sync/batch-view'
import { householdPut, mutation, visitArgs } from '../../helpers/server/factories'

/**
 * The batch view on a fake transaction that counts its reads: what the route tests
 * (push-batch.test.ts) cannot see, how often each record is read.
 */
function fakeTx(grid: Grid, stored: StoredRecord[]) {
  const reads: string[] = []
  const puts: RecordWrite[][] = []
  const find = (k: RecordKey) => stored.find((r) => r.kind === k.kind && r.id === k.id)
  const placeOf = ({ kind, id, gridId, communityId }: StoredRecord): RecordPlace => ({ kind, id, gridId, communityId })
  const tx = {
    getGrids: async (ids: string[]) => (ids.includes(grid.id) ? [grid] : []),
    getGrid: async (id: string) => (id === grid.id ? grid : null),
    lockCommunities: async () => null,
    raiseCommunityHlc: async () => undefined,
    getRecords: async (keys: RecordKey[]) => {
      reads.push(...keys.map((k) => `data ${k.kind}`))
      return keys.map(find).filter((r) => r !== undefined)
    },
    getRecordPlaces: async (keys: RecordKey[]) => {
      reads.push(...keys.map((k) => `place ${k.kind}`))
      return keys.map(find).filter((r) => r !== undefined).map(placeOf)
    },
    getRecord: async (kind: StoredRecord['kind'], id: string) => {
      reads.push(`one ${kind}`)
      return find({ kind, id }) ?? null
    },
    putRecords: async (rows: RecordWrite[]) => void puts.push(rows),
    insertConflicts: async () => undefined,
  }
  return { tx: tx as unknown as StoreOps, reads, puts }
}

describe('createBatchView', () => {
  const grid: Grid = { id: randomUUID(), communityId: randomUUID(), name: '一网格', code: '', estates: [], workerId: randomUUID() }
  const worker = { id: grid.workerId, role: 'worker', communityId: grid.communityId } as UserRow
  const household = (id = randomUUID()): StoredRecord => ({ kind: 'household', id, gridId: grid.id, communityId: grid.communityId, data: { id, n: 1 }, seq: 1 })

  it('reads each named record once, with its data when any mutation needs it', async () => {
    const hh = household()
    const { tx, reads } = fakeTx(grid, [hh])
    const view = createBatchView(tx)
    const visit = visitArgs(grid.id, hh.id, worker.id)
    await view.prefetch([mutation('visit.create', visit, 1), mutation('household.put', householdPut(grid.id, hh.id), 2)], worker)
    expect(reads.sort()).toEqual(['data household', 'data visit'])
    expect(await view.getRecordPlace('household', hh.id)).toMatchObject({ gridId: grid.id })
    expect(await view.getRecord('household', hh.id)).toEqual(hh)
    expect(await view.getRecord('visit', visit.id)).toBeNull()
    expect(reads).toHaveLength(2)
  })

  it('answers a read after a write with the write, even of a record first read only for its place', async () => {
    const hh = household()
    const { tx, reads, puts } = fakeTx(grid, [hh])
    const view = createBatchView(tx)
    await view.prefetch([mutation('visit.create', visitArgs(grid.id, hh.id, worker.id), 1)], worker)
    expect(await view.getRecord('household', hh.id)).toEqual(hh)
    expect(reads).toContain('one household')
    view.putRecord('household', hh.id, grid.id, grid.communityId, { id: hh.id, n: 2 })
    expect(await view.getRecord('household', hh.id)).toMatchObject({ data: { id: hh.id, n: 2 } })
    await view.flush()
    expect(puts).toEqual([[{ kind: 'household', id: hh.id, gridId: grid.id, communityId: grid.communityId, json: JSON.stringify({ id: hh.id, n: 2 }) }]])
  })

  it('flushes each record once, in the order of its last write', async () => {
    const { tx, puts } = fakeTx(grid, [])
    const view = createBatchView(tx)
    const [a, b] = [randomUUID(), randomUUID()]
    view.putRecord('household', a, grid.id, grid.communityId, { v: 1 })
    view.putRecord('visit', b, grid.id, grid.communityId, { v: 1 })
    view.putRecord('household', a, grid.id, grid.communityId, { v: 2 })
    await view.flush()
    expect(puts[0]!.map((w) => [w.id, w.json])).toEqual([[b, '{"v":1}'], [a, '{"v":2}']])
  })
})
