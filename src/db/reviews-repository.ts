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
