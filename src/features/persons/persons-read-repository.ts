import type { GridSisterDb, LocalPerson } from '@/db/db'

/** Reads of household members (no pinyin or write code: the Today screen imports these). */

/** Live members of a household, oldest record first. */
export async function personsOfHousehold(db: GridSisterDb, householdId: string): Promise<LocalPerson[]> {
  const rows = await db.persons.where('householdId').equals(householdId).sortBy('createdAt')
  return rows.filter((p) => !p.deleted)
}

export function getPerson(db: GridSisterDb, id: string): Promise<LocalPerson | undefined> {
  return db.persons.get(id)
}

/** Live persons in key groups born on one of the given 'MM-DD' days (indexed). */
export async function keyPersonsBornOn(db: GridSisterDb, monthDays: string[]): Promise<LocalPerson[]> {
  const rows = await db.persons.where('birthMonthDay').anyOf(monthDays).toArray()
  return rows.filter((p) => !p.deleted && p.keyGroups.length > 0)
}
