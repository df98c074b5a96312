import type { Assessment, Community, Grid, PublicUser, Review, Visit, Wish } from '@/shared'
import type { GridSisterDb, LocalHousehold, LocalPerson } from '@/db/db'
import { commitMutation, RecordValidationError } from '@/db/outbox-repository'
import type { ReviewKind } from './reports/review-queue'

/**
 * The supervisor's reads and writes on her device database. Her pull scope is every
 * grid of her community, so the dashboard computes from local rows (and keeps working
 * offline). Decisions are written like any other change: the review row and its
 * `review.set` mutation in one transaction, so a decision made offline is never lost
 * and shows at once.
 */

export interface SupervisorSnapshot {
  grids: Grid[]
  households: LocalHousehold[]
  persons: LocalPerson[]
  visits: Visit[]
  wishes: Wish[]
  assessments: Assessment[]
  reviews: Review[]
}

/** Everything the workspace computes from, read in one transaction (a consistent view). */
export function loadSnapshot(db: GridSisterDb): Promise<SupervisorSnapshot> {
  const tables = [db.grids, db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews]
  return db.transaction('r', tables, async () => ({
    grids: (await db.grids.toArray()).sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN')),
    households: await db.households.toArray(),
    persons: await db.persons.toArray(),
    visits: await db.visits.toArray(),
    wishes: await db.wishes.toArray(),
    assessments: await db.assessments.toArray(),
    reviews: await db.reviews.toArray(),
  }))
}

export interface Reviewer {
  id: string
  name: string
}

export interface ReviewDecision {
  kind: ReviewKind
  recordId: string
  gridId: string
  decision: 'approved' | 'returned'
  comment: string
}

/** Writes one decision: the local review row and its `review.set` mutation, atomically. */
export async function writeReview(db: GridSisterDb, d: ReviewDecision, reviewer: Reviewer): Promise<void> {
  // The worker must learn what to fix: a return without a comment is refused here as on the server.
  if (d.decision === 'returned' && !d.comment.trim()) {
    throw new RecordValidationError([{ path: 'comment', message: 'returning a record needs a comment' }])
  }
  await commitMutation(db, 'review.set', [db.reviews], async ({ now }) => {
    const previous = await db.reviews.get(d.recordId)
    await db.reviews.put({
      id: d.recordId,
      recordKind: d.kind,
      recordId: d.recordId,
      gridId: d.gridId,
      state: d.decision,
      comment: d.comment.trim(),
      reviewerId: reviewer.id,
      reviewerName: reviewer.name.slice(0, 40),
      reviewedAt: now,
      resubmittedBy: previous?.resubmittedBy ?? null,
    })
    return { recordKind: d.kind, recordId: d.recordId, gridId: d.gridId, decision: d.decision, comment: d.comment.trim() }
  })
}

/** Approves many records at once: all decisions commit together or none does. */
export async function writeReviews(db: GridSisterDb, decisions: ReviewDecision[], reviewer: Reviewer): Promise<void> {
  await db.transaction('rw', [db.reviews, db.outbox, db.meta], async () => {
    for (const d of decisions) await writeReview(db, d, reviewer)
  })
}

const DIRECTORY_KEY = 'supervisor.directory'

/** The community's people as last fetched (names and phones for the map), or []. */
export async function readDirectory(db: GridSisterDb): Promise<PublicUser[]> {
  const row = await db.meta.get(DIRECTORY_KEY)
  return Array.isArray(row?.value) ? (row.value as PublicUser[]) : []
}

/** Caches the directory so the map and names work offline. */
export async function saveDirectory(db: GridSisterDb, users: PublicUser[]): Promise<void> {
  await db.meta.put({ key: DIRECTORY_KEY, value: users })
}

const COMMUNITY_KEY = 'supervisor.community'

/** The supervisor's community as last fetched, or null. */
export async function readCommunity(db: GridSisterDb): Promise<Community | null> {
  return ((await db.meta.get(COMMUNITY_KEY))?.value as Community | undefined) ?? null
}

/** Caches the community (its name heads reports made offline). */
export async function saveCommunity(db: GridSisterDb, community: Community): Promise<void> {
  await db.meta.put({ key: COMMUNITY_KEY, value: community })
}

/** The locally stored blob of a photo, if the device has it. */
export async function localPhoto(db: GridSisterDb, sha256: string): Promise<Blob | null> {
  return (await db.photos.get(sha256))?.blob ?? null
}
