import type { GridSisterDb } from '@/db/db'
import { isCompletedVisit } from '@/shared/rules/visits'
import { isLaterVisit, latestOf, toLocalHousehold, toLocalPerson, type LatestVisit } from '@/db/derive'
import type { Change, RecordByKind, RecordKind } from '@/shared'

/**
 * Writing a shared record as the device row of its kind (with local derived columns).
 * Used by pull and by shadow restore; callers hold a transaction over the record tables.
 */

export const recordTables = (db: GridSisterDb) => [db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews, db.communitySettings]

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
    case 'communitySettings':
      await db.communitySettings.put(record as RecordByKind['communitySettings'])
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

type RecordsByKind = { [K in RecordKind]: RecordByKind[K][] }

export interface StoredMany {
  /** Households whose derived columns must be recomputed. */
  touched: Set<string>
  /** Households touched only by visits: the newest pulled visit of each. */
  appended: Map<string, LatestVisit>
}

/**
 * Stores many records at once (a pulled page): one bulkPut per table (and a bulkGet of
 * the households and wishes it replaces) instead of a round trip to IndexedDB per
 * record, which made a first sync several times slower than the bulk floor
 * (bench/sync-bench.ts). Same rows and the same derived columns as calling `putLocal`
 * for each record; households reached only by visits are returned apart, for the
 * cheaper `advanceLastVisits`.
 */
export async function putLocalMany(db: GridSisterDb, changes: Change[]): Promise<StoredMany> {
  const by: RecordsByKind = { household: [], person: [], assessment: [], review: [], visit: [], wish: [], communitySettings: [] }
  for (const c of changes) (by[c.kind] as RecordByKind[RecordKind][]).push(c.record)
  const touched = new Set<string>()
  // Visits are not read first: they are append-only (visit.create is their only
  // mutation; a correction is a new visit), so a pulled visit the device already holds
  // has the same household and date, and advancing that household's last visit to it
  // changes nothing. For a first sync that spares reading back ~12,000 visits.
  const [households, oldWishes] = await Promise.all([
    db.households.bulkGet(by.household.map((h) => h.id)),
    db.wishes.bulkGet(by.wish.map((w) => w.id)),
  ])
  await Promise.all([
    db.households.bulkPut(by.household.map((h, i) => toLocalHousehold(h, households[i] ?? {}))),
    db.persons.bulkPut(by.person.map(toLocalPerson)),
    db.assessments.bulkPut(by.assessment),
    db.reviews.bulkPut(by.review),
    db.visits.bulkPut(by.visit),
    db.wishes.bulkPut(by.wish),
    db.communitySettings.bulkPut(by.communitySettings),
  ])
  for (const h of by.household) touched.add(h.id)
  by.wish.forEach((w, i) => {
    const before = oldWishes[i]
    if (before) touched.add(before.householdId)
    touched.add(w.householdId)
  })
  const appended = new Map<string, LatestVisit>()
  by.visit.forEach((v) => {
    if (!isCompletedVisit(v)) return // an attempt moves no derived column (rules/visits.ts)
    const newest = appended.get(v.householdId)
    const latest = latestOf(v)
    if (newest === undefined || isLaterVisit(latest, newest)) appended.set(v.householdId, latest)
  })
  for (const id of appended.keys()) if (touched.has(id)) appended.delete(id)
  return { touched, appended }
}
