import type { Mutation, RecordKind, Review } from '@/shared'

/**
 * What the worker sees on each of her records: where it stands between her phone, the
 * server and her supervisor. Derived, never stored: from the outbox (still on the
 * phone), the rejections (refused by the server) and the review (the supervisor's word).
 * - 待上传 while any change to it waits in the outbox (what she sees first: it is hers to
 *   get up);
 * - 未被接受 when the server refused a change and she has not yet acknowledged it, and
 *   for good when it refused the record's creation (that record never reached the
 *   server, so 已上传 would be false however often she dismissed it);
 * - otherwise the review: 已通过, 被退回, 待审核 (a resubmission, or an approved record
 *   changed since), and 已上传 when no supervisor has looked yet.
 */

export const RECORD_STATES = ['pending', 'not-accepted', 'returned', 'in-review', 'approved', 'uploaded'] as const
export type RecordState = (typeof RECORD_STATES)[number]

export interface RecordStateInput {
  pending: boolean
  /** Rejections of this record's mutations, dismissed or not. */
  rejections: { mutation: Pick<Mutation, 'name'>; dismissed: 0 | 1 }[]
  review: Pick<Review, 'state' | 'reviewedAt'> | null | undefined
  /** When the record last changed (households, wishes, assessments); null for visits. */
  updatedAt?: string | null
}

const CREATES = new Set(['visit.create', 'wish.create'])

export function recordStateOf(input: RecordStateInput): RecordState {
  if (input.pending) return 'pending'
  if (input.rejections.some((r) => r.dismissed === 0 || CREATES.has(r.mutation.name))) return 'not-accepted'
  const review = input.review
  if (!review || review.state === 'pending') return review ? 'in-review' : 'uploaded'
  const changedSince = !!input.updatedAt && !!review.reviewedAt && input.updatedAt > review.reviewedAt
  if (review.state === 'resubmitted' || changedSince) return 'in-review'
  return review.state
}

/**
 * States where nothing is left for her to do or wait for. Long lists (households, the
 * wish tree) badge only the others, so the few records in flight or in trouble stand out
 * among hundreds; the timeline and a record's own page show every state.
 */
export const SETTLED_STATES: ReadonlySet<RecordState> = new Set(['uploaded', 'approved'])

/** A record a state is asked for. */
export interface StateRef {
  kind: Exclude<RecordKind, 'review'>
  id: string
  updatedAt?: string | null
}

export const stateKey = (r: { kind: RecordKind; id: string }): string => `${r.kind}:${r.id}`
