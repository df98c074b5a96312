import { canSetCommunitySettings, type Grid, type Mutation, type RecordKind } from '../../src/shared'
import { canWrite, type FormerHolding } from '../../src/shared/rules'
import type { AuditEntry, RecordPlace, RecordWrite, StoredConflict, StoredRecord, StoreOps, UserRow } from '../storage/store'
import { batchKeysOf, type BatchKey } from './batch-keys'
import { communityOf, isCommunityWide } from './apply-community'

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
  /** Buffers the new state of a record (written at `flush`); `json` if already serialized. */
  putRecord(kind: RecordKind, id: string, gridId: string, communityId: string, data: unknown, json?: string): void
  /** Buffers a conflict (written at `flush`). */
  insertConflict(c: StoredConflict): void
  audit(entry: AuditEntry): Promise<void>
  /** The user's past hold of a grid she no longer has, seen from the pushing device. */
  getHolding(gridId: string, userId: string): Promise<FormerHolding>
}

export interface BatchView extends ApplyStore {
  /** Reads the grids and records these mutations name, after locking their communities. */
  prefetch(mutations: Mutation[], user: UserRow): Promise<void>
  /** Writes the buffered records and conflicts, and raises the communities' newest HLC. */
  flush(): Promise<void>
  /** The newest HLC stored in the batch's communities, after the flush (null: none). */
  newestHlc(): string | null
}

/** The newest field clock of a mergeable record (null for records without clocks). */
function newestClock(data: unknown): string | null {
  const clocks = (data as { hlc?: unknown }).hlc
  if (!clocks || typeof clocks !== 'object') return null
  let newest: string | null = null
  for (const h of Object.values(clocks as Record<string, string>)) if (newest === null || h > newest) newest = h
  return newest
}

/** What the view knows of one record; one object per (kind, id), updated in place. */
interface Entry {
  /** null: no such record. */
  place: RecordPlace | null
  /** The stored record when read with its data (undefined: only its place was read). */
  stored?: StoredRecord | null
  /** Written by this batch: reads parse it afresh, like a database read. */
  json?: string
}

const placeOf = ({ kind, id, gridId, communityId }: RecordPlace): RecordPlace => ({ kind, id, gridId, communityId })

/**
 * `heard`: the grids the pushing device says it heard it lost, with the highest seq it had
 * handed out then (PushRequest); undefined from an app older than that field. Its word is
 * trusted like its clock: for its own account, within the drift limit after the hold ended
 * (madeWhileHeld).
 */
export function createBatchView(tx: StoreOps, clientId = '', heard?: Record<string, number>): BatchView {
  const grids = new Map<string, Grid | null>()
  // By kind, then id: a batch looks records up thousands of times, and a `kind:id` string
  // built per lookup (then hashed) cost more than the lookups.
  const records = new Map<RecordKind, Map<string, Entry>>()
  // In the order of each record's LAST write: its seq follows that write.
  const writes = new Map<Entry, RecordWrite>()
  const conflicts: StoredConflict[] = []
  const holdings = new Map<string, Promise<FormerHolding>>()
  // What the locked counters said, and the newest clock this batch writes per community.
  let locked: string | null = null
  const raised = new Map<string, string>()
  const ofKind = (kind: RecordKind) => {
    let m = records.get(kind)
    if (!m) records.set(kind, (m = new Map()))
    return m
  }
  const know = (kind: RecordKind, id: string, place: RecordPlace | null, stored?: StoredRecord | null) => {
    const entry: Entry = stored === undefined ? { place } : { place, stored }
    ofKind(kind).set(id, entry)
    return entry
  }
  return {
    async prefetch(mutations, user) {
      const gridIds = [...new Set(mutations.filter((m) => !isCommunityWide(m)).map((m) => m.args.gridId))]
      for (const id of gridIds) grids.set(id, null)
      for (const g of await tx.getGrids(gridIds)) grids.set(g.id, g)
      // A worker's grids of her community count too: a change made before one of them
      // moved away may still be accepted (its records are read under the same lock).
      // A community's settings are locked like its grids' records (apply-community.ts).
      const writable = mutations.filter((m) => {
        if (isCommunityWide(m)) return canSetCommunitySettings(user, communityOf(m))
        const g = grids.get(m.args.gridId)
        return g && (canWrite(user, g) || (user.role === 'worker' && g.communityId === user.communityId))
      })
      locked = await tx.lockCommunities(writable.map((m) => (isCommunityWide(m) ? communityOf(m) : grids.get(m.args.gridId)!.communityId)))
      const withData: BatchKey[] = []
      const placeOnly: BatchKey[] = []
      for (const m of writable) for (const k of batchKeysOf(m)) (k.need === 'data' ? withData : placeOnly).push(k)
      for (const k of withData) know(k.kind, k.id, null, null)
      for (const r of await tx.getRecords(withData)) know(r.kind, r.id, placeOf(r), r)
      // A record also read with its data needs no second read of its place.
      const places = placeOnly.filter((k) => !ofKind(k.kind).has(k.id))
      for (const k of places) know(k.kind, k.id, null)
      for (const p of await tx.getRecordPlaces(places)) know(p.kind, p.id, p)
    },
    async getGrid(id) {
      if (!grids.has(id)) grids.set(id, await tx.getGrid(id))
      return grids.get(id) ?? null
    },
    async getRecordPlace(kind, id) {
      const entry = records.get(kind)?.get(id)
      if (entry) return entry.place
      const [place = null] = await tx.getRecordPlaces([{ kind, id }])
      know(kind, id, place)
      return place
    },
    async getRecord(kind, id) {
      const entry = records.get(kind)?.get(id)
      if (entry?.json !== undefined && entry.place) return { ...entry.place, seq: 0, data: JSON.parse(entry.json) }
      if (entry?.stored !== undefined) return entry.stored
      if (entry && !entry.place) return null
      const stored = await tx.getRecord(kind, id)
      know(kind, id, stored && placeOf(stored), stored)
      return stored
    },
    putRecord(kind, id, gridId, communityId, data, serialized) {
      const json = serialized ?? JSON.stringify(data)
      const place = { kind, id, gridId, communityId }
      const entries = ofKind(kind)
      let entry = entries.get(id)
      if (entry) Object.assign(entry, { place, stored: undefined, json })
      else entries.set(id, (entry = { place, json }))
      // Re-inserted at the end: the record's seq follows its LAST write in the batch.
      writes.delete(entry)
      writes.set(entry, { ...place, json })
      const clock = newestClock(data)
      if (clock !== null && clock > (raised.get(communityId) ?? '')) raised.set(communityId, clock)
    },
    insertConflict(c) {
      conflicts.push(c)
    },
    audit: (entry) => tx.audit(entry),
    getHolding(gridId, userId) {
      // Once per grid and batch: a week of visits to a grid that moved asks a thousand times.
      const key = `${gridId}:${userId}`
      let held = holdings.get(key)
      if (!held) holdings.set(key, (held = tx.getHolding(gridId, userId, clientId).then((h) => withHeard(h, heard, gridId))))
      return held
    },
    async flush() {
      await tx.putRecords([...writes.values()])
      await tx.insertConflicts(conflicts)
      for (const [communityId, clock] of [...raised].sort(([a], [b]) => (a < b ? -1 : 1))) {
        await tx.raiseCommunityHlc(communityId, clock)
        if (locked === null || clock > locked) locked = clock
      }
    },
    newestHlc: () => locked,
  }
}

/**
 * The server notes a loss when it SENDS the notice, with the seq the device had handed out
 * when it asked; the device knows when it HEARD (a reply can be lost, and changes are made
 * while one is on the wire). A device that reports what it heard is believed: a grid it
 * names up to the seq it names, a grid it does not name not heard of at all. An older app
 * reports nothing, and the server's notice decides.
 */
function withHeard(held: FormerHolding, heard: Record<string, number> | undefined, gridId: string): FormerHolding {
  if (heard === undefined || held.toldHlc === null) return held
  const seq = heard[gridId]
  return seq === undefined ? { ...held, toldHlc: null, toldSeq: null } : { ...held, toldSeq: seq }
}
