import type { Grid, Mutation, RecordKind } from '../../src/shared'
import { canWrite } from '../../src/shared/rules'
import type { AuditEntry, RecordPlace, RecordWrite, StoredConflict, StoredRecord, StoreOps, UserRow } from '../storage/store'
import { batchKeysOf } from './batch-keys'

/**
 * What the rules read and write while a push batch is applied: the push transaction seen
 * through a batch view.
 *
 * Guarantees:
 * - Same answers as reading the transaction after each write: a read returns the latest
 *   write of this batch (JSON round-tripped, as the database would give it back), else
 *   the stored row; a key the prefetch did not foresee is read on demand.
 * - Nothing of a refused mutation is kept: the rules only write after they accepted.
 * - `flush` writes each record once, in the order of its last write, under consecutive
 *   seqs (one counter update per community), and the conflicts in one go; all inside
 *   the caller's transaction, so a crash still leaves all or nothing.
 * - `prefetch` locks the change counters of the batch's communities BEFORE reading any
 *   record, so on PostgreSQL a concurrent push of the same community waits until this
 *   one commits and then reads its writes (no lost update between two merges).
 */
export interface ApplyStore {
  getGrid(id: string): Promise<Grid | null>
  getRecord(kind: RecordKind, id: string): Promise<StoredRecord | null>
  /** Where a record lives, for a rule that only checks it exists in the right grid. */
  getRecordPlace(kind: RecordKind, id: string): Promise<RecordPlace | null>
  /** Buffers the new state of a record (written at `flush`). */
  putRecord(kind: RecordKind, id: string, gridId: string, communityId: string, data: unknown): void
  /** Buffers a conflict (written at `flush`). */
  insertConflict(c: StoredConflict): void
  audit(entry: AuditEntry): Promise<void>
}

export interface BatchView extends ApplyStore {
  /** Reads the grids and records these mutations name, after locking their communities. */
  prefetch(mutations: Mutation[], user: UserRow): Promise<void>
  /** Writes the buffered records and conflicts. */
  flush(): Promise<void>
}

interface Entry {
  /** null: no such record. */
  place: RecordPlace | null
  /** The stored record when read with its data (undefined: only its place was read). */
  stored?: StoredRecord | null
  /** Written by this batch: reads parse it afresh, like a database read. */
  json?: string
}

const keyOf = (kind: RecordKind, id: string) => `${kind}:${id}`
const placeOf = ({ kind, id, gridId, communityId }: RecordPlace): RecordPlace => ({ kind, id, gridId, communityId })

export function createBatchView(tx: StoreOps): BatchView {
  const grids = new Map<string, Grid | null>()
  const records = new Map<string, Entry>()
  const writes = new Map<string, RecordWrite>()
  const conflicts: StoredConflict[] = []
  const remember = (kind: RecordKind, id: string, stored: StoredRecord | null) =>
    records.set(keyOf(kind, id), { place: stored && placeOf(stored), stored })
  return {
    async prefetch(mutations, user) {
      const gridIds = [...new Set(mutations.map((m) => m.args.gridId))]
      for (const id of gridIds) grids.set(id, null)
      for (const g of await tx.getGrids(gridIds)) grids.set(g.id, g)
      const writable = mutations.filter((m) => {
        const g = grids.get(m.args.gridId)
        return g && canWrite(user, g)
      })
      await tx.lockCommunities(writable.map((m) => grids.get(m.args.gridId)!.communityId))
      const keys = writable.flatMap(batchKeysOf)
      const withData = keys.filter((k) => k.need === 'data')
      const dataKeys = new Set(withData.map((k) => keyOf(k.kind, k.id)))
      const placeOnly = keys.filter((k) => !dataKeys.has(keyOf(k.kind, k.id)))
      for (const k of withData) remember(k.kind, k.id, null)
      for (const r of await tx.getRecords(withData)) remember(r.kind, r.id, r)
      for (const k of placeOnly) records.set(keyOf(k.kind, k.id), { place: null })
      for (const p of await tx.getRecordPlaces(placeOnly)) records.set(keyOf(p.kind, p.id), { place: p })
    },
    async getGrid(id) {
      if (!grids.has(id)) grids.set(id, await tx.getGrid(id))
      return grids.get(id) ?? null
    },
    async getRecordPlace(kind, id) {
      const entry = records.get(keyOf(kind, id))
      if (entry) return entry.place
      const [place = null] = await tx.getRecordPlaces([{ kind, id }])
      records.set(keyOf(kind, id), { place })
      return place
    },
    async getRecord(kind, id) {
      const entry = records.get(keyOf(kind, id))
      if (entry?.json !== undefined && entry.place) return { ...entry.place, seq: 0, data: JSON.parse(entry.json) }
      if (entry?.stored !== undefined) return entry.stored
      if (entry && !entry.place) return null
      const stored = await tx.getRecord(kind, id)
      remember(kind, id, stored)
      return stored
    },
    putRecord(kind, id, gridId, communityId, data) {
      const key = keyOf(kind, id)
      const json = JSON.stringify(data)
      records.set(key, { place: { kind, id, gridId, communityId }, json })
      // Re-inserted at the end: the record's seq follows its LAST write in the batch.
      writes.delete(key)
      writes.set(key, { kind, id, gridId, communityId, json })
    },
    insertConflict(c) {
      conflicts.push(c)
    },
    audit: (entry) => tx.audit(entry),
    async flush() {
      await tx.putRecords([...writes.values()])
      await tx.insertConflicts(conflicts)
    },
  }
}
