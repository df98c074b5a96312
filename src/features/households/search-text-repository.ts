import type { GridSisterDb, LocalPerson } from '@/db/db'
import { ensurePinyin, householdSearchText, isDegraded, personSearchText } from '@/db/derive'

/**
 * Completes search texts written before the pinyin dictionary was loaded (see
 * `src/db/derive.ts`), and gives members stored before they were searchable their
 * search text. Reads and rewrites in one transaction, so a record edited meanwhile is
 * either repaired after the edit or rewritten by it, never overwritten with stale fields.
 */

/** Whether a member's search text is missing or lacks its pinyin. */
export function personNeedsSearchText(p: Pick<LocalPerson, 'searchText'>): boolean {
  return p.searchText === undefined || isDegraded(p.searchText)
}

/** Loads the dictionary, then recomputes every degraded (or missing) search text; returns how many. */
export async function repairSearchText(db: GridSisterDb): Promise<number> {
  await ensurePinyin()
  return db.transaction('rw', db.households, db.persons, async () => {
    const [households, persons] = await Promise.all([
      db.households.filter((h) => isDegraded(h.searchText)).toArray(),
      db.persons.filter(personNeedsSearchText).toArray(),
    ])
    const fixedHouseholds = households.map((h) => ({ ...h, searchText: householdSearchText(h) }))
    const fixedPersons = persons.map((p) => ({ ...p, searchText: personSearchText(p) }))
    if (fixedHouseholds.length) await db.households.bulkPut(fixedHouseholds)
    if (fixedPersons.length) await db.persons.bulkPut(fixedPersons)
    return fixedHouseholds.length + fixedPersons.length
  })
}
