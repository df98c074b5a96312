import { describe, expect, it } from 'vitest'
import { defaultDemo } from './demo-fixture'

describe('demo reviews', () => {
  const demo = defaultDemo()
  const reviewed = new Map(demo.reviews.map((r) => [r.recordId, r]))

  it('approves some visits, returns a few with a comment and leaves most pending', () => {
    const visitReviews = demo.reviews.filter((r) => r.recordKind === 'visit')
    const approved = visitReviews.filter((r) => r.state === 'approved').length
    const returned = visitReviews.filter((r) => r.state === 'returned' || r.state === 'resubmitted')
    expect(approved).toBeGreaterThan(demo.visits.length * 0.1)
    expect(returned.length).toBeGreaterThanOrEqual(5)
    expect(returned.length).toBeLessThan(demo.visits.length * 0.1)
    for (const r of returned) expect(r.comment).not.toBe('')
    const pending = demo.visits.filter((v) => !reviewed.has(v.id)).length
    expect(pending).toBeGreaterThan(demo.visits.length / 2)
  })

  it('marks a returned visit resubmitted by a later correcting visit', () => {
    const visits = new Map(demo.visits.map((v) => [v.id, v]))
    const resubmitted = demo.reviews.filter((r) => r.state === 'resubmitted')
    expect(resubmitted.length).toBeGreaterThan(0)
    for (const r of resubmitted) {
      const fix = visits.get(r.resubmittedBy ?? '')
      expect(fix?.correctsId).toBe(r.recordId)
      expect(Date.parse(fix?.createdAt ?? '')).toBeGreaterThan(Date.parse(r.reviewedAt ?? ''))
      expect(reviewed.has(fix?.id ?? '')).toBe(false)
    }
  })

  it('reviews each record after it was written or last changed', () => {
    const at = new Map<string, string>([
      ...demo.visits.map((v) => [v.id, v.createdAt] as const),
      ...demo.wishes.map((w) => [w.id, w.updatedAt] as const),
      ...demo.assessments.map((a) => [a.id, a.updatedAt] as const),
    ])
    for (const r of demo.reviews) expect(Date.parse(r.reviewedAt ?? '')).toBeGreaterThan(Date.parse(at.get(r.recordId) ?? ''))
    expect(new Set(demo.reviews.map((r) => r.recordKind))).toEqual(new Set(['visit', 'wish', 'assessment']))
  })
})
