import type { Assessment, CareLevelChange, Grid, Household, KeyGroup, Review, ReviewState, Visit, VisitOutcome, Wish } from '@/shared'

/**
 * The supervisor's review queue, derived purely from the device's records and review
 * rows. The state of a record:
 * - no review row → 'pending' (synced, not yet looked at);
 * - a review row → its state, except that a household, wish or assessment changed after
 *   the review (`updatedAt` later than `reviewedAt`) is 'pending' again, or
 *   'resubmitted' if it had been returned;
 * - a needs assessment's care-level write keeps the household's `updatedAt`
 *   (rules/care-level.ts), so it never makes the household pending: the assessment's
 *   item carries it ("from → to");
 * - a visit that corrects a returned visit and has no review of its own is
 *   'resubmitted' (the server marks the returned one `resubmitted` too); the corrected
 *   original is superseded and leaves the queue.
 */

export type ReviewKind = 'visit' | 'household' | 'wish' | 'assessment'
export const REVIEW_KINDS: ReviewKind[] = ['visit', 'household', 'wish', 'assessment']

export interface ReviewItem {
  kind: ReviewKind
  id: string
  gridId: string
  householdId: string
  headName: string
  keyGroups: KeyGroup[]
  authorId: string | null
  authorName: string
  /** When it was recorded or last changed (ISO), for newest-first order. */
  at: string
  /** Raw text to show as the item's line (visit notes, wish title, address). */
  summary: string
  state: ReviewState
  review: Review | null
  /** For a resubmission: the id of the returned record it corrects. */
  resubmissionOf: string | null
  /**
   * Assessments: the template (shown by its name, never its id), score and care level,
   * and the household's care-level change it carries (null from older apps), decided
   * with it: that write does not make the household an item of its own.
   */
  assessment: { templateId: string; score: number | null; careLevel: number; careLevelChange: CareLevelChange | null } | null
  /** Visits other than a meeting (nobody home, refused…): named before the summary. */
  outcome?: Exclude<VisitOutcome, 'met'>
}

export interface ReviewSources {
  grids: Grid[]
  households: Household[]
  visits: Visit[]
  wishes: Wish[]
  assessments: Assessment[]
  reviews: Review[]
  workerNames?: Record<string, string>
}

export interface ReviewFilter {
  gridId?: string | null
  workerId?: string | null
  kind?: ReviewKind | null
  keyGroup?: KeyGroup | null
  /** 'open' = pending or resubmitted; 'all' = any state. */
  state?: ReviewState | 'open' | 'all'
}

const addressOf = (h: Household | undefined) =>
  h ? [h.address.estate, h.address.building, h.address.unit, h.address.door].filter(Boolean).join(' ') : ''

function stateOf(review: Review | undefined, updatedAt: string | null): ReviewState {
  if (!review) return 'pending'
  const changed = updatedAt !== null && review.reviewedAt !== null && Date.parse(updatedAt) > Date.parse(review.reviewedAt)
  if (changed && review.state === 'approved') return 'pending'
  if (changed && review.state === 'returned') return 'resubmitted'
  return review.state
}

/** Builds every reviewable item (unfiltered, newest first). */
export function buildReviewItems(src: ReviewSources): ReviewItem[] {
  const hh = new Map(src.households.map((h) => [h.id, h]))
  const reviews = new Map(src.reviews.map((r) => [r.recordId, r]))
  const gridWorker = new Map(src.grids.map((g) => [g.id, g.workerId]))
  const name = (id: string | null, fallback = '') => (id ? (src.workerNames?.[id] ?? fallback) : fallback)
  const items: ReviewItem[] = []
  const base = (kind: ReviewKind, id: string, householdId: string, gridId: string) => {
    const h = hh.get(householdId)
    return { kind, id, gridId, householdId, headName: h?.headName ?? '', keyGroups: h?.keyGroups ?? [], review: reviews.get(id) ?? null }
  }
  const superseded = new Set(src.visits.map((v) => v.correctsId).filter((x): x is string => x !== null))
  for (const v of src.visits) {
    if (superseded.has(v.id)) continue
    const own = reviews.get(v.id)
    const corrected = v.correctsId ? reviews.get(v.correctsId) : undefined
    const isResubmission = !!v.correctsId && !!corrected && (corrected.state === 'returned' || corrected.state === 'resubmitted')
    const state = own ? stateOf(own, null) : isResubmission ? 'resubmitted' : 'pending'
    items.push({ ...base('visit', v.id, v.householdId, v.gridId), authorId: v.visitorId, authorName: v.visitorName || name(v.visitorId),
      at: v.createdAt, summary: v.seen || v.done || v.asked, state, resubmissionOf: isResubmission ? v.correctsId : null, assessment: null,
      ...(v.outcome && v.outcome !== 'met' ? { outcome: v.outcome } : {}) })
  }
  for (const h of src.households) {
    if (h.deleted) continue
    const author = gridWorker.get(h.gridId) ?? null
    items.push({ ...base('household', h.id, h.id, h.gridId), authorId: author, authorName: name(author),
      at: h.updatedAt, summary: addressOf(h), state: stateOf(reviews.get(h.id), h.updatedAt), resubmissionOf: null, assessment: null })
  }
  for (const w of src.wishes) {
    items.push({ ...base('wish', w.id, w.householdId, w.gridId), authorId: w.createdBy, authorName: name(w.createdBy),
      at: w.updatedAt, summary: w.title, state: stateOf(reviews.get(w.id), w.updatedAt), resubmissionOf: null, assessment: null })
  }
  for (const a of src.assessments) {
    if (a.deleted) continue
    items.push({ ...base('assessment', a.id, a.householdId, a.gridId), authorId: a.assessorId, authorName: name(a.assessorId),
      at: a.updatedAt, summary: '', state: stateOf(reviews.get(a.id), a.updatedAt), resubmissionOf: null,
      assessment: { templateId: a.templateId, score: a.score, careLevel: a.careLevel, careLevelChange: a.careLevelChange ?? null } })
  }
  return items.sort((x, y) => Date.parse(y.at) - Date.parse(x.at) || (x.id < y.id ? 1 : -1))
}

/** Whether an item passes the grid, worker, kind and key-group filters (state aside). */
export function matchesFilter(i: ReviewItem, f: ReviewFilter): boolean {
  return (!f.gridId || i.gridId === f.gridId) && (!f.workerId || i.authorId === f.workerId) && (!f.kind || i.kind === f.kind) &&
    (!f.keyGroup || i.keyGroups.includes(f.keyGroup))
}

/** Applies the queue's filters. */
export function filterReviewItems(items: ReviewItem[], f: ReviewFilter): ReviewItem[] {
  const state = f.state ?? 'open'
  return items.filter(
    (i) => matchesFilter(i, f) && (state === 'all' || (state === 'open' ? i.state === 'pending' || i.state === 'resubmitted' : i.state === state)),
  )
}

/** Counts of items per state, for the filter chips. */
export function countByState(items: ReviewItem[]): Record<ReviewState, number> {
  const c: Record<ReviewState, number> = { pending: 0, approved: 0, returned: 0, resubmitted: 0 }
  for (const i of items) c[i.state]++
  return c
}
