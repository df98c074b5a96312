import type { GridSisterDb } from '@/db/db'
import { toLocalHousehold, toLocalPerson } from '@/db/derive'
import type { RecordByKind, RecordKind } from '@/shared'

/**
 * Writing a shared record as the device row of its kind (with local derived columns).
 * Used by pull and by shadow restore; callers hold a transaction over the record tables.
 */

export const recordTables = (db: GridSisterDb) => [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews]

/**
 * Stores a record; returns the households whose derived columns it may change (a
 * visit's or wish's household, before and after), for the caller to recompute.
 */
export async function putLocal<K extends RecordKind>(db: GridSisterDb, kind: K, record: RecordByKind[K]): Promise<string[]> {
  switch (kind) {
    case 'household': {
      const h = record as RecordByKind['household']
      const existing = await db.households.get(h.id)
      await db.households.put(toLocalHousehold(h, existing ?? {}))
      return [h.id]
    }
    case 'person':
      await db.persons.put(toLocalPerson(record as RecordByKind['person']))
      return []
    case 'assessment':
      await db.assessments.put(record as RecordByKind['assessment'])
      return []
    case 'review':
      await db.reviews.put(record as RecordByKind['review'])
      return []
    case 'visit': {
      const v = record as RecordByKind['visit']
      const old = await db.visits.get(v.id)
      await db.visits.put(v)
      return [v.householdId, ...(old ? [old.householdId] : [])]
    }
    default: {
      const w = record as RecordByKind['wish']
      const old = await db.wishes.get(w.id)
      await db.wishes.put(w)
      return [w.householdId, ...(old ? [old.householdId] : [])]
    }
  }
}
