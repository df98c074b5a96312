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

/**
 * The latest visit of each household whose promised next visit falls on or before
 * `isoDate`. A later visit supersedes an earlier promise.
 *
 * Read through each household's `lastVisitAt` (kept equal to its newest visit's
 * `visitedAt` in the transaction of every visit write, see households-repository): one
 * key-only pass over the households' index and one indexed lookup of those latest
 * visits. Asking the visits for every promise ever made instead cloned thousands of
 * diaries and ran one query per promise, seconds of a phone's main thread on Today.
 * Ties on `visitedAt` resolve as the [householdId+visitedAt] index orders them (by id).
 */
export async function promisedVisitsUntil(db: GridSisterDb, isoDate: string): Promise<Visit[]> {
  const latestKeys: [string, string][] = []
  await db.households.orderBy('lastVisitAt').eachKey((at, cursor) => {
    latestKeys.push([cursor.primaryKey as string, at as string])
  })
  const latest = await db.visits.where('[householdId+visitedAt]').anyOf(latestKeys).toArray()
  const byHousehold = new Map<string, Visit>()
  for (const v of latest) {
    const seen = byHousehold.get(v.householdId)
    if (!seen || seen.id < v.id) byHousehold.set(v.householdId, v)
  }
  return [...byHousehold.values()].filter((v) => !!v.nextVisitOn && v.nextVisitOn <= isoDate)
}
