import { beforeEach, describe, expect, it } from 'vitest'
import AssessmentPage from '@/features/assessments/AssessmentPage.vue'
import { createAssessment } from '@/features/assessments/assessments-repository'
import { actor, review, seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('AssessmentPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('shows the result, each domain with its level, notes and extra fields, and a return note', async () => {
    const h = await seedHousehold(app.db)
    const a = await createAssessment(
      app.db,
      {
        householdId: h.id,
        templateId: 'needs-v1',
        assessedAt: '2026-05-01T00:00:00.000Z',
        answers: { employment: { level: 2, notes: '下岗两年', extra: { wantedJob: '保洁' } } },
      },
      actor,
    )
    await app.db.reviews.put(review(a.id, { recordKind: 'assessment', comment: '就业意向写具体些' }))
    const w = await app.mountPage(AssessmentPage, { props: { id: a.id } })
    await until(() => expect(w.text()).toContain('家庭需求评估'))
    expect(w.text()).toContain('关怀等级：较高，建议每 30 天走访一次')
    expect(w.text()).toContain('下岗两年')
    expect(w.text()).toContain('意向工作：保洁')
    expect(w.text()).toContain('就业意向写具体些')
    w.unmount()
  })
})
