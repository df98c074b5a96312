import type { Review } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { newestFirst } from '@/db/order'

/**
 * Review states arrive from the supervisor through sync; the worker's phone only reads
 * them (a supervisor's decision is written by the supervisor's own mutation).
 */

/**
 * Records the supervisor returned for correction and not yet corrected, newest decision
 * first. A visit she corrected on this phone is done from her side at once, offline too:
 * the server marks its review resubmitted only when the correction arrives.
 */
export async function returnedReviews(db: GridSisterDb): Promise<Review[]> {
  const rows = await db.reviews.where('state').equals('returned').toArray()
  const visitIds = rows.filter((r) => r.recordKind === 'visit').map((r) => r.recordId)
  const fixes = visitIds.length ? await db.visits.where('correctsId').anyOf(visitIds).toArray() : []
  const corrected = new Set(fixes.map((v) => v.correctsId))
  return rows.filter((r) => !corrected.has(r.recordId)).sort(newestFirst((r) => r.reviewedAt))
}

/** Review states of the given records, keyed by record id. */
export async function reviewsFor(db: GridSisterDb, recordIds: string[]): Promise<Map<string, Review>> {
  const rows = await db.reviews.where('recordId').anyOf(recordIds).toArray()
  return new Map(rows.map((r) => [r.recordId, r]))
}

/** A returned record with the household it belongs to, for the worker's task list. */
export interface ReturnedTask {
  review: Review
  householdName: string | null
}

/** The records returned for correction: how many, and the first of them with names. */
export interface ReturnedTasks {
  total: number
  tasks: ReturnedTask[]
}

/**
 * Returned records, newest decision first: their number, and the first `limit` with
 * their household's name. A worker can have a couple of hundred; finding a record's
 * household reads the whole record (a visit with its notes), so Today, which shows three
 * until asked for all, reads only those three.
 */
export async function returnedTasks(db: GridSisterDb, limit = Infinity): Promise<ReturnedTasks> {
  const reviews = await returnedReviews(db)
  const shown = reviews.slice(0, limit)
  const householdIds = await householdIdsOf(db, shown)
  const households = await db.households.bulkGet(shown.map((r) => householdIds.get(r.recordId) ?? ''))
  return { total: reviews.length, tasks: shown.map((review, i) => ({ review, householdName: households[i]?.headName ?? null })) }
}

/**
 * The household of each reviewed record, by record id: one bulkGet per record table (a
 * worker may have a couple of hundred returned records; a get each, each in its own
 * transaction, cost the Today screen a fifth of a second of main thread).
 */
async function householdIdsOf(db: GridSisterDb, reviews: Review[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const ids = (kind: Review['recordKind']) => reviews.filter((r) => r.recordKind === kind).map((r) => r.recordId)
  for (const id of ids('household')) out.set(id, id)
  const [persons, visits, wishes, assessments] = await Promise.all([
    db.persons.bulkGet(ids('person')),
    db.visits.bulkGet(ids('visit')),
    db.wishes.bulkGet(ids('wish')),
    db.assessments.bulkGet(ids('assessment')),
  ])
  for (const row of [...persons, ...visits, ...wishes, ...assessments]) if (row) out.set(row.id, row.householdId)
  return out
}
