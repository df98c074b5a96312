import type { GridSisterDb } from '@/db/db'
import { isLaterVisit, type LatestVisit } from '@/db/derive'
import { advanceLastVisits, refreshHouseholdsDerived } from '@/db/households-derived-repository'
import { getMeta, setMeta, type FirstSyncProgress } from '@/db/meta-repository'
import { MAX_HEARD_LOSSES, mutationTarget, type Change, type Mutation, type PullReply } from '@/shared'
import { advanceClock } from './clock-repository'
import { putLocalMany, recordTables, type StoredMany } from './local-records-repository'
import { rebase, refKey } from './rebase'
import { dropShadows, saveShadow } from './shadow-repository'

/**
 * Applying one pulled page. Guarantees:
 * - All-or-nothing: the page's records, the new cursors, the grid list and the clock
 *   are written in ONE Dexie transaction, so a killed tab never stores records without
 *   their cursor (they would only be pulled again) or a cursor without its records
 *   (they would be skipped forever).
 * - Local edits survive: a record with pending outbox mutations is stored as the server
 *   copy with those mutations re-applied (rebase), read inside the same transaction, so
 *   an edit committed concurrently is either seen here or made after this write. The
 *   server copy is kept as a shadow until those mutations are answered.
 * - Derived device columns: search text and birthday index are written with each
 *   record. A household's last visit, promised visit and open wishes depend on other
 *   records, which a first sync brings over many pages (a visit may come pages after
 *   its household), so the page only notes the households it touched, in the same
 *   transaction, and `settlePulledHouseholds` recomputes each of them once when the
 *   pull ends. Per page, a first sync of 600 households re-read them ~4,000 times and
 *   rewrote them ~2,700 times more than the floor (bench/sync-bench.ts).
 */

function latestPerRecord(changes: Change[]): Change[] {
  const byRef = new Map<string, Change>()
  for (const c of [...changes].sort((a, b) => a.seq - b.seq)) byRef.set(`${c.kind}:${c.record.id}`, c)
  return [...byRef.values()]
}

function pendingByRecord(pending: Mutation[]): Map<string, Mutation[]> {
  const map = new Map<string, Mutation[]>()
  for (const m of pending) {
    const target = mutationTarget(m)
    if (!target) continue
    const key = refKey(target)
    map.set(key, [...(map.get(key) ?? []), m])
  }
  return map
}

/**
 * Stores a page's changes, each rebased on its pending mutations (keeping the server
 * copy as shadow), in bulk; returns the households whose derived columns may change.
 */
async function storeChanges(db: GridSisterDb, changes: Change[], pending: Map<string, Mutation[]>): Promise<StoredMany> {
  const rows: Change[] = []
  for (const change of changes) {
    const mine = pending.get(`${change.kind}:${change.record.id}`) ?? []
    if (mine.length === 0) {
      rows.push(change)
      continue
    }
    await saveShadow(db, change.kind, change.record)
    rows.push({ ...change, record: rebase(change.kind, change.record, mine) } as Change)
  }
  return putLocalMany(db, rows)
}

/**
 * Stores one pull reply (records, cursors, grids, clock) in one transaction, with the
 * first sync's progress when one runs (so a resumed first sync counts on from there).
 */
export function applyPullPage(db: GridSisterDb, reply: PullReply, now: number, firstSync?: FirstSyncProgress): Promise<void> {
  return db.transaction('rw', [...recordTables(db), db.grids, db.outbox, db.meta], async () => {
    const pending = pendingByRecord((await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation))
    const { touched, appended } = await storeChanges(db, latestPerRecord(reply.changes), pending)
    await noteHouseholdsToSettle(db, touched, appended)
    const lost = new Set(reply.gridsLost)
    const cursors = { ...((await getMeta(db, 'cursors')) ?? {}), ...reply.cursors }
    for (const id of lost) delete cursors[id]
    await setMeta(db, 'cursors', cursors)
    if (reply.communityCursor !== undefined) await setMeta(db, 'communityCursor', reply.communityCursor)
    await db.grids.clear()
    await db.grids.bulkPut(reply.grids.filter((g) => !lost.has(g.id)))
    await forgetHeardLosses(db, reply.grids.filter((g) => !lost.has(g.id)).map((g) => g.id))
    await sweepLostGrids(db)
    await advanceClock(db, reply.serverHlc, now)
    if (firstSync) await setMeta(db, 'firstSync', firstSync)
  })
}

/** Adds a page's touched households to those waiting for `settlePulledHouseholds`. */
async function noteHouseholdsToSettle(db: GridSisterDb, touched: Set<string>, appended: Map<string, LatestVisit>): Promise<void> {
  if (touched.size === 0 && appended.size === 0) return
  const waiting = { ...((await getMeta(db, 'householdsToSettle')) ?? {}) }
  for (const id of touched) waiting[id] = null
  for (const [id, latest] of appended) {
    const before = waiting[id]
    if (before === null) continue
    if (before === undefined || isLaterVisit(latest, before)) waiting[id] = latest
  }
  await setMeta(db, 'householdsToSettle', waiting)
}

/**
 * Recomputes the derived columns of the households pulled pages touched, in one
 * transaction, and forgets them. Households reached only by appended visits have their
 * last visit (and its promise) moved up to the newest of those visits (see
 * `advanceLastVisits`); the rest are recomputed from the index. Run when a pull ends, however
 * it ends; what a killed tab left waiting is settled by the next pull.
 */
export function settlePulledHouseholds(db: GridSisterDb): Promise<void> {
  return db.transaction('rw', [db.households, db.visits, db.wishes, db.meta], async () => {
    const waiting = (await getMeta(db, 'householdsToSettle')) ?? {}
    const full: string[] = []
    const appended = new Map<string, LatestVisit>()
    for (const [id, latest] of Object.entries(waiting)) {
      if (latest === null) full.push(id)
      else appended.set(id, latest)
    }
    if (full.length === 0 && appended.size === 0) return
    await refreshHouseholdsDerived(db, full)
    await advanceLastVisits(db, appended)
    await db.meta.delete('householdsToSettle')
  })
}

/** How long a phone keeps telling the server which grids it heard it lost. */
export const HEARD_LOSS_DAYS = 30

/**
 * Notes, in the transaction that drops them, which grids this phone heard it lost and the
 * highest seq it had handed out: its changes up to that seq were made before it heard.
 */
async function noteHeardLosses(db: GridSisterDb, gridIds: string[]): Promise<void> {
  const now = Date.now()
  const seq = ((await getMeta(db, 'nextSeq')) ?? 1) - 1
  const kept = Object.entries((await getMeta(db, 'heardLosses')) ?? {}).filter(([, h]) => h.at > now - HEARD_LOSS_DAYS * 86_400_000)
  const heard = Object.fromEntries([...kept, ...gridIds.map((id) => [id, { seq, at: now }] as const)].slice(-MAX_HEARD_LOSSES))
  await setMeta(db, 'heardLosses', heard)
}

/**
 * Rows of grids she lost that were written after the grid was dropped (a save racing the
 * pull that dropped it): the server never names that grid again, so they go now. Their
 * outbox rows stay, and are answered like any other.
 */
async function sweepLostGrids(db: GridSisterDb): Promise<void> {
  const lost = Object.keys((await getMeta(db, 'heardLosses')) ?? {})
  if (lost.length === 0) return
  for (const table of recordTables(db)) await table.where('gridId').anyOf(lost).delete()
}

/** A grid that came back to her: what she heard of its earlier loss no longer applies. */
async function forgetHeardLosses(db: GridSisterDb, heldIds: string[]): Promise<void> {
  const heard = (await getMeta(db, 'heardLosses')) ?? {}
  const back = heldIds.filter((id) => id in heard)
  if (back.length === 0) return
  for (const id of back) delete heard[id]
  await setMeta(db, 'heardLosses', heard)
}

/**
 * Removes everything of grids the user lost (reassigned to another worker): records,
 * photos and cursors. Outbox rows stay: they are pushed and answered like any other; so
 * do photos not yet uploaded (a visit made before the move still needs its photo; the
 * upload queue removes them once the server has them).
 */
export function dropGrids(db: GridSisterDb, gridIds: string[]): Promise<void> {
  return db.transaction('rw', [...recordTables(db), db.grids, db.photos, db.meta], async () => {
    for (const table of recordTables(db)) {
      await table.where('gridId').anyOf(gridIds).delete()
    }
    await db.photos.where('gridId').anyOf(gridIds).filter((p) => p.uploaded === 1).delete()
    await dropShadows(db, gridIds)
    await db.grids.bulkDelete(gridIds)
    await noteHeardLosses(db, gridIds)
    const cursors = { ...((await getMeta(db, 'cursors')) ?? {}) }
    for (const id of gridIds) delete cursors[id]
    await setMeta(db, 'cursors', cursors)
  })
}
