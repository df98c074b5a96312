import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { assessmentsOfHousehold, createAssessment } from '@/features/assessments/assessments-repository'
import { actor, makeDb, seedHousehold } from '../../../helpers/app/factories'

const answer = (level: number, extra: Record<string, string> = {}) => ({ level, notes: '', extra })

describe('assessments-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it("saves a needs assessment and sets the household's care level and cadence in the same transaction", async () => {
    const h = await seedHousehold(db)
    const a = await createAssessment(
      db,
      {
        householdId: h.id,
        templateId: 'needs-v1',
        assessedAt: '2026-05-01T00:00:00.000Z',
        answers: { health: answer(3), employment: answer(1, { wantedJob: '保洁', expectedPay: '3000' }) },
      },
      actor,
    )
    expect(a).toMatchObject({ careLevel: 3, cadenceDays: 14, score: null, assessorId: actor.id })
    expect(await db.households.get(h.id)).toMatchObject({ careLevel: 3, visitCadenceDays: 14 })
    const names = (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation.name)
    expect(names.slice(-2)).toEqual(['assessment.put', 'household.put'])
    expect((await assessmentsOfHousehold(db, h.id)).map((x) => x.id)).toEqual([a.id])
  })

  it('records the care-level change on the assessment and names the assessment on the household write', async () => {
    const h = await seedHousehold(db, { careLevel: 1 })
    const a = await createAssessment(
      db,
      { householdId: h.id, templateId: 'needs-v1', assessedAt: '2026-05-01T00:00:00.000Z', answers: { health: answer(3) } },
      actor,
    )
    expect(a.careLevelChange).toEqual({ from: 1, to: 3 })
    const last = (await db.outbox.orderBy('seq').last())?.mutation
    expect(last).toMatchObject({ name: 'household.put', args: { assessmentId: a.id, patch: { careLevel: 3, visitCadenceDays: 14 } } })
    // The write is the assessment's change, not the household's: its time stays.
    expect((await db.households.get(h.id))?.updatedAt).toBe(h.updatedAt)
  })

  it("scores a courtyard form without touching the household's cadence", async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const a = await createAssessment(
      db,
      { householdId: h.id, templateId: 'courtyard-v1', assessedAt: '2026-05-01T00:00:00.000Z', answers: { room: answer(3), kitchen: answer(3) } },
      actor,
    )
    expect(a.score).toBe(50)
    expect(await db.outbox.count()).toBe(before + 1)
    expect((await db.households.get(h.id))?.visitCadenceDays).toBeNull()
  })

  it('saves nothing for an out-of-range level or an unknown template', async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const at = '2026-05-01T00:00:00.000Z'
    await expect(
      createAssessment(db, { householdId: h.id, templateId: 'needs-v1', assessedAt: at, answers: { health: answer(7) } }, actor),
    ).rejects.toBeInstanceOf(RecordValidationError)
    await expect(
      createAssessment(db, { householdId: h.id, templateId: 'nope', assessedAt: at, answers: {} }, actor),
    ).rejects.toMatchObject({ issues: [{ path: 'templateId' }] })
    expect(await db.assessments.count()).toBe(0)
    expect(await db.outbox.count()).toBe(before)
    expect((await db.households.get(h.id))?.careLevel).toBe(0)
  })
})
