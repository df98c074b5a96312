import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { createAssessment } from '@/features/assessments/assessments-repository'
import { saveHousehold } from '@/features/households/households-repository'
import { buildReviewItems, filterReviewItems } from '@/features/supervisor/reports/review-queue'
import { writeReview } from '@/features/supervisor/supervisor-repository'
import { actor, GRID_ID, makeDb, review, seedHousehold } from '../../../../helpers/app/factories'
import { grid } from '../factories'

/**
 * An assessment is one item of the supervisor's queue: the care level it sets on the
 * household travels with it (the device's real writes, then the queue built from them).
 */
describe('buildReviewItems: an assessment and the care level it sets', () => {
  let db: GridSisterDb
  let householdId: string
  const supervisor = { id: '0190a000-0000-7000-8000-0000000000bb', name: '张主席' }
  const items = async () =>
    buildReviewItems({
      grids: [grid({ id: GRID_ID, workerId: actor.id })], households: await db.households.toArray(), visits: [], wishes: [],
      assessments: await db.assessments.toArray(), reviews: await db.reviews.toArray(),
    })
  const open = async () => filterReviewItems(await items(), { state: 'open' })
  const assess = () =>
    createAssessment(db, { householdId, templateId: 'needs-v1', assessedAt: new Date().toISOString(), answers: { health: { level: 3, notes: '卧床', extra: {} } } }, actor)

  beforeEach(async () => {
    // Only the clock is faked: each step happens a minute after the one before.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-01T08:00:00.000Z'))
    db = makeDb()
    const h = await seedHousehold(db, { careLevel: 1 })
    householdId = h.id
    // The supervisor approved the household as registered.
    await db.reviews.put(review(h.id, { id: h.id, recordKind: 'household', state: 'approved', comment: '', reviewedAt: h.updatedAt }))
    vi.setSystemTime(new Date('2026-12-01T08:01:00.000Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the assessment with "from → to" and no household change', async () => {
    const a = await assess()
    expect((await db.households.get(householdId))?.careLevel).toBe(3)
    const queue = await open()
    expect(queue.map((i) => [i.kind, i.id])).toEqual([['assessment', a.id]])
    expect(queue[0]?.assessment).toMatchObject({ careLevel: 3, careLevelChange: { from: 1, to: 3 } })
    expect((await items()).find((i) => i.kind === 'household')?.state).toBe('approved')
  })

  it('decides both with one decision: after it nothing of the assessment is open', async () => {
    const a = await assess()
    vi.setSystemTime(new Date('2026-12-01T08:02:00.000Z'))
    await writeReview(db, { kind: 'assessment', recordId: a.id, gridId: GRID_ID, decision: 'returned', comment: '等级偏高，请核实' }, supervisor)
    expect(await open()).toEqual([])
    const all = await items()
    expect(all.find((i) => i.id === a.id)?.state).toBe('returned')
    expect(all.find((i) => i.id === householdId)?.state).toBe('approved')
  })

  it("still lists a care level written by an older app (no link) as the household's own change", async () => {
    await saveHousehold(db, { id: householdId, gridId: GRID_ID, fields: { careLevel: 3, visitCadenceDays: 14 } })
    expect((await open()).map((i) => i.kind)).toEqual(['household'])
  })

  it('lists the household too when she changed something else of it', async () => {
    await assess()
    vi.setSystemTime(new Date('2026-12-01T08:02:00.000Z'))
    await saveHousehold(db, { id: householdId, gridId: GRID_ID, fields: { notes: '女儿在外地' } })
    expect((await open()).map((i) => i.kind).sort()).toEqual(['assessment', 'household'])
  })
})
