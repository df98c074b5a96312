import type { GridSisterDb } from '@/db/db'
import { toLocalHousehold, toLocalPerson } from '@/db/derive'
import { refreshHouseholdDerived } from '@/features/households/households-repository'
import { getMeta, setMeta } from '@/db/meta-repository'
import type { Change, Mutation, PullReply, RecordByKind, RecordKind } from '@/shared'
import { advanceClock } from './clock-repository'
import { rebase, refKey, targetOf } from './rebase'

/**
 * Applying one pulled page. Guarantees:
 * - All-or-nothing: the page's records, the new cursors, the grid list and the clock
 *   are written in ONE Dexie transaction, so a killed tab never stores records without
 *   their cursor (they would only be pulled again) or a cursor without its records
 *   (they would be skipped forever).
 * - Local edits survive: a record with pending outbox mutations is stored as the server
 *   copy with those mutations re-applied (rebase), read inside the same transaction, so
 *   an edit committed concurrently is either seen here or made after this write.
 * - Derived device columns (search text, birthday index, last visit, open wishes) are
 *   recomputed for every household the page touches.
 */

function latestPerRecord(changes: Change[]): Change[] {
  const byRef = new Map<string, Change>()
  for (const c of [...changes].sort((a, b) => a.seq - b.seq)) byRef.set(`${c.kind}:${c.record.id}`, c)
  return [...byRef.values()]
}

function pendingByRecord(pending: Mutation[]): Map<string, Mutation[]> {
  const map = new Map<string, Mutation[]>()
  for (const m of pending) {
    const key = refKey(targetOf(m))
    map.set(key, [...(map.get(key) ?? []), m])
  }
  return map
}

function rebased<K extends RecordKind>(kind: K, record: RecordByKind[K], pending: Map<string, Mutation[]>): RecordByKind[K] {
  return rebase(kind, record, pending.get(`${kind}:${record.id}`) ?? [])
}

async function storeChanges(db: GridSisterDb, changes: Change[], pending: Map<string, Mutation[]>): Promise<Set<string>> {
  const touched = new Set<string>()
  const householdChanges = changes.filter((c) => c.kind === 'household')
  const existing = await db.households.bulkGet(householdChanges.map((c) => c.record.id))
  await db.households.bulkPut(
    householdChanges.map((c, i) => {
      touched.add(c.record.id)
      return toLocalHousehold(rebased('household', c.record, pending), existing[i] ?? {})
    }),
  )
  for (const c of changes) {
    if (c.kind === 'person') await db.persons.put(toLocalPerson(rebased('person', c.record, pending)))
    else if (c.kind === 'assessment') await db.assessments.put(rebased('assessment', c.record, pending))
    else if (c.kind === 'review') await db.reviews.put(rebased('review', c.record, pending))
    else if (c.kind === 'visit' || c.kind === 'wish') {
      const old = c.kind === 'visit' ? await db.visits.get(c.record.id) : await db.wishes.get(c.record.id)
      if (old) touched.add(old.householdId)
      touched.add(c.record.householdId)
      if (c.kind === 'visit') await db.visits.put(rebased('visit', c.record, pending))
      else await db.wishes.put(rebased('wish', c.record, pending))
    }
  }
  return touched
}

/** Stores one pull reply (records, cursors, grids, clock) in one transaction. */
export function applyPullPage(db: GridSisterDb, reply: PullReply, now: number): Promise<void> {
  const tables = [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews, db.grids, db.outbox, db.meta]
  return db.transaction('rw', tables, async () => {
    const pending = pendingByRecord((await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation))
    const touched = await storeChanges(db, latestPerRecord(reply.changes), pending)
    for (const id of touched) await refreshHouseholdDerived(db, id)
    const lost = new Set(reply.gridsLost)
    const cursors = { ...((await getMeta(db, 'cursors')) ?? {}), ...reply.cursors }
    for (const id of lost) delete cursors[id]
    await setMeta(db, 'cursors', cursors)
    await db.grids.clear()
    await db.grids.bulkPut(reply.grids.filter((g) => !lost.has(g.id)))
    await advanceClock(db, reply.serverHlc, now)
  })
}

/**
 * Removes everything of grids the user lost (reassigned to another worker): records,
 * photos and cursors. Outbox rows stay: they are pushed and answered like any other.
 */
export function dropGrids(db: GridSisterDb, gridIds: string[]): Promise<void> {
  const tables = [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews, db.grids, db.photos, db.meta]
  return db.transaction('rw', tables, async () => {
    for (const table of [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews, db.photos]) {
      await table.where('gridId').anyOf(gridIds).delete()
    }
    await db.grids.bulkDelete(gridIds)
    const cursors = { ...((await getMeta(db, 'cursors')) ?? {}) }
    for (const id of gridIds) delete cursors[id]
    await setMeta(db, 'cursors', cursors)
  })
}
