import Dexie from 'dexie'
import type { Visit } from '@/shared'
import type { GridSisterDb } from '@/db/db'

/** Reads of visit diary entries (kept apart from writes so the Today screen stays light). */

/** A household's visits, newest first. */
export function visitsOfHousehold(db: GridSisterDb, householdId: string): Promise<Visit[]> {
  return db.visits
    .where('[householdId+visitedAt]')
    .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
    .reverse()
    .toArray()
}

export function getVisit(db: GridSisterDb, id: string): Promise<Visit | undefined> {
  return db.visits.get(id)
}

/** Entries that correct the given one, oldest first. */
export function correctionsOf(db: GridSisterDb, id: string): Promise<Visit[]> {
  return db.visits.where('correctsId').equals(id).sortBy('createdAt')
}

/** Where the correction of a visit stands: made on this phone and waiting to upload, or uploaded. */
export type CorrectionState = 'pending' | 'uploaded'

/**
 * The corrected visits among `ids`, with the state of their newest correction. A
 * correction is pending while its `visit.create` waits in the outbox.
 */
export async function correctionStates(db: GridSisterDb, ids: string[]): Promise<Map<string, CorrectionState>> {
  if (ids.length === 0) return new Map()
  const fixes = await db.visits.where('correctsId').anyOf(ids).toArray()
  if (fixes.length === 0) return new Map()
  const waiting = new Set<string>()
  await db.outbox.each((row) => {
    if (row.mutation.name === 'visit.create') waiting.add(row.mutation.args.id)
  })
  const out = new Map<string, CorrectionState>()
  for (const f of fixes) {
    if (!f.correctsId) continue
    out.set(f.correctsId, waiting.has(f.id) || out.get(f.correctsId) === 'pending' ? 'pending' : 'uploaded')
  }
  return out
}
