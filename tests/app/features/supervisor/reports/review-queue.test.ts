import { describe, expect, it } from 'vitest'
import { buildReviewItems, countByState, filterReviewItems } from '@/features/supervisor/reports/review-queue'
import { diffRecords, fieldsChangedSince } from '@/features/supervisor/reports/record-diff'
import { grid, household, review, visit, wish } from '../factories'

const g = grid({ workerId: 'w1' })
const h = household({ gridId: g.id, keyGroups: ['elderly-alone'], updatedAt: '2026-03-01T00:00:00.000Z' })
const empty = { grids: [g], households: [], visits: [], wishes: [], assessments: [], reviews: [] }

describe('buildReviewItems', () => {
  it('lists records newest first, pending when there is no review row', () => {
    const v = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-03-02T00:00:00.000Z' })
    const w = wish({ householdId: h.id, gridId: g.id, updatedAt: '2026-03-03T00:00:00.000Z' })
    const items = buildReviewItems({ ...empty, households: [h], visits: [v], wishes: [w], workerNames: { w1: '李娟' } })
    expect(items.map((i) => i.kind)).toEqual(['wish', 'visit', 'household'])
    expect(items.every((i) => i.state === 'pending')).toBe(true)
    expect(items[2]).toMatchObject({ authorId: 'w1', authorName: '李娟', keyGroups: ['elderly-alone'] })
  })

  it('marks a correction of a returned visit as a resubmission and hides the original', () => {
    const v = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-03-02T00:00:00.000Z' })
    const fix = visit({ householdId: h.id, gridId: g.id, visitedAt: v.visitedAt, correctsId: v.id, createdAt: '2026-03-04T00:00:00.000Z' })
    const r = review({ recordId: v.id, gridId: g.id, state: 'resubmitted', comment: '写清楚', resubmittedBy: fix.id })
    const items = buildReviewItems({ ...empty, households: [h], visits: [v, fix], reviews: [r] })
    const visits = items.filter((i) => i.kind === 'visit')
    expect(visits).toHaveLength(1)
    expect(visits[0]).toMatchObject({ id: fix.id, state: 'resubmitted', resubmissionOf: v.id })
  })

  it('puts an approved household back to pending when it changed after the review, returned ones to resubmitted', () => {
    const approved = review({ recordId: h.id, gridId: g.id, recordKind: 'household', reviewedAt: '2026-02-01T00:00:00.000Z' })
    expect(buildReviewItems({ ...empty, households: [h], reviews: [approved] })[0]!.state).toBe('pending')
    const returned = { ...approved, state: 'returned' as const }
    expect(buildReviewItems({ ...empty, households: [h], reviews: [returned] })[0]!.state).toBe('resubmitted')
    const later = { ...approved, reviewedAt: '2026-03-05T00:00:00.000Z' }
    expect(buildReviewItems({ ...empty, households: [h], reviews: [later] })[0]!.state).toBe('approved')
  })
})

describe('filterReviewItems', () => {
  const other = household({ gridId: 'g2' })
  const v1 = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-03-02T00:00:00.000Z', visitorId: 'w1' })
  const v2 = visit({ householdId: other.id, gridId: 'g2', visitedAt: '2026-03-02T00:00:00.000Z', visitorId: 'w2' })
  const items = buildReviewItems({ ...empty, households: [h, other], visits: [v1, v2], reviews: [review({ recordId: v2.id, gridId: 'g2' })] })

  it('filters by grid, worker, kind, key group and state', () => {
    expect(filterReviewItems(items, { gridId: 'g2', state: 'all' }).map((i) => i.id)).toEqual(expect.arrayContaining([v2.id, other.id]))
    expect(filterReviewItems(items, { workerId: 'w1' }).map((i) => i.id)).toEqual([v1.id, h.id])
    expect(filterReviewItems(items, { kind: 'household' })).toHaveLength(2)
    expect(filterReviewItems(items, { keyGroup: 'elderly-alone', kind: 'visit' }).map((i) => i.id)).toEqual([v1.id])
    expect(filterReviewItems(items, { state: 'approved' }).map((i) => i.id)).toEqual([v2.id])
    expect(filterReviewItems(items, {}).some((i) => i.id === v2.id)).toBe(false)
    expect(countByState(items)).toEqual({ pending: 3, approved: 1, returned: 0, resubmitted: 0 })
  })
})

describe('record diff', () => {
  it('lists changed fields between a returned visit and its correction', () => {
    const a = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-03-02T00:00:00.000Z', seen: '还好' })
    const b = { ...a, id: 'x', seen: '腿脚不便，需要轮椅', correctsId: a.id }
    expect(diffRecords(a, b, ['id', 'correctsId', 'createdAt'])).toEqual([{ field: 'seen', before: '还好', after: '腿脚不便，需要轮椅' }])
  })
  it('lists mergeable fields written after a moment', () => {
    const clock = { phone: '001772323200000-00000-ab', notes: '001700000000000-00000-ab' }
    expect(fieldsChangedSince(clock, '2026-01-01T00:00:00.000Z')).toEqual(['phone'])
    expect(fieldsChangedSince(clock, null)).toEqual(['notes', 'phone'])
  })
})
