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
