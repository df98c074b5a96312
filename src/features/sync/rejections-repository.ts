import type { GridSisterDb, RejectionRow } from '@/db/db'
import { getMeta } from '@/db/meta-repository'
import { newestFirst } from '@/db/order'
import { pendingRefs } from './pending-refs'

/** Device-side reads for the sync screens: pending count, rejected changes, last sync. */

/** Rejected changes the worker has not dismissed yet, newest first. */
export function openRejections(db: GridSisterDb): Promise<RejectionRow[]> {
  // A plain promise chain, not an async function: these run inside liveQuery, where
  // native await of a Dexie call can let a concurrent write transaction commit early.
  return db.rejections
    .where('dismissed')
    .equals(0)
    .toArray()
    .then((rows) => rows.sort(newestFirst((r) => r.rejectedAt)))
}

/** Hides a rejection from the list; the row (with the change) stays for the record. */
export async function dismissRejection(db: GridSisterDb, mutationId: string): Promise<void> {
  await db.rejections.update(mutationId, { dismissed: 1 })
}

/** Her records waiting to upload (see `pendingRefs`: records, not mutations). */
export function countPending(db: GridSisterDb): Promise<number> {
  return db.outbox.orderBy('seq').toArray().then((rows) => pendingRefs(rows.map((r) => r.mutation)).length)
}

export function lastSyncOf(db: GridSisterDb): Promise<string | null> {
  return getMeta(db, 'lastSyncAt').then((at) => at ?? null)
}
