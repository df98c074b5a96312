import { describe, expect, it } from 'vitest'
import type { ArgsOf } from '../../../src/shared'
import { applyReviewSet, resubmitReview } from '../../../src/shared/rules/review'

const at = '2024-05-02T08:00:00.000Z'
const cmd = (over: Partial<ArgsOf<'review.set'>> = {}): ArgsOf<'review.set'> => ({
  recordKind: 'visit', recordId: '0190a000-0000-7000-8000-000000000001', gridId: '0190a000-0000-7000-8000-000000000002',
  decision: 'returned', comment: '请补充照片', ...over,
})
const sup = { id: '0190a000-0000-7000-8000-000000000003', name: '刘桂琴', mayReview: true }

describe('applyReviewSet', () => {
  it('returns a record with a comment; the review id is the record id', () => {
    const r = applyReviewSet(null, cmd(), sup, at)
    expect(r).toMatchObject({ ok: true, record: { id: cmd().recordId, state: 'returned', comment: '请补充照片', reviewerId: sup.id, reviewedAt: at } })
  })
  it('refuses reviewers outside the community', () => {
    expect(applyReviewSet(null, cmd(), { ...sup, mayReview: false }, at)).toMatchObject({ ok: false, code: 'forbidden' })
  })
  it('refuses a return without a comment', () => {
    expect(applyReviewSet(null, cmd({ comment: '' }), sup, at)).toMatchObject({ ok: false, code: 'bad-request' })
  })
  it('treats the same decision again as a duplicate', () => {
    const first = applyReviewSet(null, cmd({ decision: 'approved', comment: '' }), sup, at)
    if (!first.ok) throw new Error('expected ok')
    expect(applyReviewSet(first.record, cmd({ decision: 'approved', comment: '' }), sup, '2024-06-01T00:00:00.000Z')).toMatchObject({ status: 'duplicate' })
  })
})

describe('resubmitReview', () => {
  it('marks a returned review resubmitted by the correcting visit', () => {
    const r = applyReviewSet(null, cmd(), sup, at)
    if (!r.ok) throw new Error('expected ok')
    expect(resubmitReview(r.record, 'v2')).toMatchObject({ state: 'resubmitted', resubmittedBy: 'v2' })
  })
  it('leaves approved or missing reviews alone', () => {
    const r = applyReviewSet(null, cmd({ decision: 'approved', comment: '' }), sup, at)
    if (!r.ok) throw new Error('expected ok')
    expect(resubmitReview(r.record, 'v2')).toBeNull()
    expect(resubmitReview(null, 'v2')).toBeNull()
  })
})
