import { beforeEach, describe, expect, it } from 'vitest'
import { RecordValidationError } from '@/db/outbox-repository'
import { writeReview, writeReviews } from '@/features/supervisor/supervisor-repository'
import { recordAudit } from '@/features/supervisor/audit-repository'
import { setupSupervisor, type SupervisorKit } from './supervisor-kit'

describe('supervisor repository', { timeout: 30_000 }, () => {
  let kit: SupervisorKit
  const reviewer = { id: '0190a000-0000-7000-8000-0000000000bb', name: '刘桂琴' }
  beforeEach(async () => {
    kit = await setupSupervisor({ households: 20 })
  }, 30_000)
  const outbox = async () => (await kit.db.outbox.orderBy('seq').toArray()).map((r) => r.mutation)

  it('writes a decision as a review row and one review.set mutation', async () => {
    const v = kit.demo.visits.at(-1)!
    await writeReview(kit.db, { kind: 'visit', recordId: v.id, gridId: v.gridId, decision: 'returned', comment: ' 请写明老人的用药情况 ' }, reviewer)
    expect(await kit.db.reviews.get(v.id)).toMatchObject({ state: 'returned', comment: '请写明老人的用药情况', reviewerName: '刘桂琴', recordKind: 'visit' })
    const [m] = await outbox()
    expect(m).toMatchObject({ name: 'review.set', args: { recordId: v.id, gridId: v.gridId, decision: 'returned', comment: '请写明老人的用药情况' } })
  })

  it('refuses a return without a comment and saves nothing', async () => {
    const v = kit.demo.visits.at(-1)!
    const before = await kit.db.reviews.get(v.id)
    await expect(writeReview(kit.db, { kind: 'visit', recordId: v.id, gridId: v.gridId, decision: 'returned', comment: '  ' }, reviewer)).rejects.toBeInstanceOf(RecordValidationError)
    expect(await kit.db.reviews.get(v.id)).toEqual(before)
    expect(await outbox()).toEqual([])
  })

  it('approves in batch all together or not at all', async () => {
    const [a, b] = kit.demo.visits.slice(-2)
    await writeReviews(kit.db, [a!, b!].map((v) => ({ kind: 'visit' as const, recordId: v.id, gridId: v.gridId, decision: 'approved' as const, comment: '' })), reviewer)
    expect((await outbox()).map((m) => m.name)).toEqual(['review.set', 'review.set'])
    const bad = { kind: 'visit' as const, recordId: 'not-a-uuid', gridId: a!.gridId, decision: 'approved' as const, comment: '' }
    const h = kit.demo.households[0]!
    const good = { kind: 'household' as const, recordId: h.id, gridId: h.gridId, decision: 'approved' as const, comment: '' }
    await expect(writeReviews(kit.db, [good, bad], reviewer)).rejects.toBeInstanceOf(RecordValidationError)
    expect(await outbox()).toHaveLength(2)
    expect((await kit.db.reviews.get(h.id))?.reviewerId ?? null).not.toBe(reviewer.id)
  })

  it('queues audit entries in the outbox without writing a record, and skips them with no grid', async () => {
    const h = kit.demo.households[0]!
    expect(await recordAudit(kit.db, { action: 'view', recordKind: 'household', recordId: h.id, gridId: h.gridId, detail: 'review household' })).toBe(true)
    expect(await recordAudit(kit.db, { action: 'export', recordKind: null, recordId: null, gridId: null, detail: 'x' })).toBe(false)
    const ms = await outbox()
    expect(ms).toHaveLength(1)
    expect(ms[0]).toMatchObject({ name: 'audit.record', args: { action: 'view', recordKind: 'household', recordId: h.id, gridId: h.gridId } })
  })
})
