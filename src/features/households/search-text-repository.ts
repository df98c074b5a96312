import type { GridSisterDb } from '@/db/db'
import { ensurePinyin, householdSearchText, isDegraded } from '@/db/derive'

/**
 * Completes search texts written before the pinyin dictionary was loaded (see
 * `src/db/derive.ts`). Reads and rewrites in one transaction, so a household edited
 * meanwhile is either repaired after the edit or rewritten by it, never overwritten
 * with stale fields.
 */

/** Loads the dictionary, then recomputes every degraded household search text; returns how many. */
export async function repairSearchText(db: GridSisterDb): Promise<number> {
  await ensurePinyin()
  return db.transaction('rw', db.households, async () => {
    const rows = await db.households.filter((h) => isDegraded(h.searchText)).toArray()
    const fixed = rows.map((h) => ({ ...h, searchText: householdSearchText(h) }))
    if (fixed.length) await db.households.bulkPut(fixed)
    return fixed.length
  })
}
