import type { Grid, Mutation, RecordKind } from '../../src/shared'
import { canWrite } from '../../src/shared/rules'
import type { AuditEntry, RecordKey, RecordWrite, StoredConflict, StoredRecord, StoreOps, UserRow } from '../storage/store'

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

const keyOf = (kind: RecordKind, id: string) => `${kind}:${id}`

/** The records a mutation's rule may read (see apply-mergeable.ts and apply-events.ts). */
export function recordKeysOf(m: Mutation): RecordKey[] {
  const household = (id: unknown): RecordKey[] => (typeof id === 'string' ? [{ kind: 'household', id }] : [])
  switch (m.name) {
    case 'household.put':
    case 'household.delete':
      return [{ kind: 'household', id: m.args.id }]
    case 'person.put':
    case 'assessment.put':
      return [{ kind: m.name === 'person.put' ? 'person' : 'assessment', id: m.args.id }, ...household(m.args.patch.householdId)]
    case 'person.delete':
      return [{ kind: 'person', id: m.args.id }]
    case 'assessment.delete':
      return [{ kind: 'assessment', id: m.args.id }]
    case 'record.restore':
      return [{ kind: m.args.kind, id: m.args.id }]
    case 'visit.create': {
      const { correctsId } = m.args
      const corrected: RecordKey[] = correctsId ? [{ kind: 'visit', id: correctsId }, { kind: 'review', id: correctsId }] : []
      return [...household(m.args.householdId), { kind: 'visit', id: m.args.id }, ...corrected]
    }
    case 'wish.create':
      return [...household(m.args.householdId), { kind: 'wish', id: m.args.id }]
    case 'wish.transition':
      return [{ kind: 'wish', id: m.args.id }]
    case 'review.set':
      return [{ kind: m.args.recordKind, id: m.args.recordId }, { kind: 'review', id: m.args.recordId }]
    case 'audit.record':
      return []
  }
}

interface Cached {
  row: StoredRecord | null
  /** Set when this batch wrote the record: reads parse it afresh, like a database read. */
  json?: string
}

export function createBatchView(tx: StoreOps): BatchView {
  const grids = new Map<string, Grid | null>()
  const records = new Map<string, Cached>()
  const writes = new Map<string, RecordWrite>()
  const conflicts: StoredConflict[] = []
  const read = (c: Cached): StoredRecord | null => (c.row && c.json !== undefined ? { ...c.row, data: JSON.parse(c.json) } : c.row)
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
      const keys = writable.flatMap(recordKeysOf).filter((k) => !records.has(keyOf(k.kind, k.id)))
      for (const k of keys) records.set(keyOf(k.kind, k.id), { row: null })
      for (const r of await tx.getRecords(keys)) records.set(keyOf(r.kind, r.id), { row: r })
    },
    async getGrid(id) {
      if (!grids.has(id)) grids.set(id, await tx.getGrid(id))
      return grids.get(id) ?? null
    },
    async getRecord(kind, id) {
      const key = keyOf(kind, id)
      let cached = records.get(key)
      if (!cached) {
        cached = { row: await tx.getRecord(kind, id) }
        records.set(key, cached)
      }
      return read(cached)
    },
    putRecord(kind, id, gridId, communityId, data) {
      const key = keyOf(kind, id)
      const json = JSON.stringify(data)
      records.set(key, { row: { kind, id, gridId, communityId, data: null, seq: 0 }, json })
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
