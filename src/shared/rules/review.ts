import type { ArgsOf } from '../mutations'
import type { Review } from '../records'
import { reject, type RuleOutcome } from './outcome'

/**
 * Supervisor review: approve or return a record with a comment. One review per record
 * (its id is the record's id); it travels to the worker's phone like any other record.
 * A worker answers a return by writing a correcting visit, which marks the review
 * `resubmitted` so the supervisor looks again.
 */
export interface Reviewer {
  id: string
  name: string
  /** True when the reviewer is a supervisor or admin of the record's community. */
  mayReview: boolean
}

/** Sets the review of a record. */
export function applyReviewSet(
  stored: Review | null,
  cmd: ArgsOf<'review.set'>,
  reviewer: Reviewer,
  at: string,
): RuleOutcome<Review> {
  if (!reviewer.mayReview) return reject('forbidden', 'only a supervisor of this community reviews records')
  if (cmd.decision === 'returned' && cmd.comment.length === 0) {
    return reject('bad-request', 'returning a record needs a comment')
  }
  const record: Review = {
    id: cmd.recordId,
    recordKind: cmd.recordKind,
    recordId: cmd.recordId,
    gridId: cmd.gridId,
    state: cmd.decision,
    comment: cmd.comment,
    reviewerId: reviewer.id,
    reviewerName: reviewer.name.slice(0, 40),
    reviewedAt: at,
    resubmittedBy: null,
  }
  if (stored && stored.state === record.state && stored.comment === record.comment && stored.reviewerId === record.reviewerId) {
    return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  }
  return { ok: true, status: 'applied', record, conflicts: [] }
}

/** Marks a returned review resubmitted by a correcting record; other states are left alone. */
export function resubmitReview(stored: Review | null, correctingId: string): Review | null {
  if (!stored || stored.state !== 'returned') return null
  return { ...stored, state: 'resubmitted', resubmittedBy: correctingId }
}
