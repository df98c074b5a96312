import type { Review } from '@/shared'
import type { GridSisterDb } from '@/db/db'

/**
 * Review states arrive from the supervisor through sync; the worker's phone only reads
 * them (a supervisor's decision is written by the supervisor's own mutation).
 */

/** Records the supervisor returned for correction, newest decision first. */
export async function returnedReviews(db: GridSisterDb): Promise<Review[]> {
  const rows = await db.reviews.where('state').equals('returned').toArray()
  return rows.sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''))
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

/** Returned records with their household's name, newest decision first. */
export async function returnedTasks(db: GridSisterDb): Promise<ReturnedTask[]> {
  const reviews = await returnedReviews(db)
  const householdIds = await Promise.all(reviews.map((r) => householdIdOf(db, r)))
  const households = await db.households.bulkGet(householdIds.map((id) => id ?? ''))
  return reviews.map((review, i) => ({ review, householdName: households[i]?.headName ?? null }))
}

async function householdIdOf(db: GridSisterDb, r: Review): Promise<string | undefined> {
  switch (r.recordKind) {
    case 'household':
      return r.recordId
    case 'person':
      return (await db.persons.get(r.recordId))?.householdId
    case 'visit':
      return (await db.visits.get(r.recordId))?.householdId
    case 'wish':
      return (await db.wishes.get(r.recordId))?.householdId
    case 'assessment':
      return (await db.assessments.get(r.recordId))?.householdId
  }
}
