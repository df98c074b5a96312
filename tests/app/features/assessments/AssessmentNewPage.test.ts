import { beforeEach, describe, expect, it } from 'vitest'
import AssessmentNewPage from '@/features/assessments/AssessmentNewPage.vue'
import { seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('AssessmentNewPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it("renders the needs template, updates the result live, and saves the household's care level and cadence", async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(AssessmentNewPage, { path: `/households/${h.id}/assessments/new`, props: { id: h.id } })
    await until(() => expect(w.findAll('[data-domain]')).toHaveLength(8))
    expect(w.find('[data-testid="result"]').text()).toContain('每 90 天')
    await w.find('[data-domain="health"] [data-value="3"]').trigger('click')
    await w.find('[data-domain="employment"] [data-value="1"]').trigger('click')
    const extra = w.findAll('[data-domain="employment"] input')
    await extra[0]!.setValue('保洁')
    await extra[1]!.setValue('3000')
    expect(w.find('[data-testid="result"]').text()).toBe('关怀等级：迫切，建议每 14 天走访一次')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    const [a] = await app.db.assessments.toArray()
    expect(a?.answers.employment).toMatchObject({ level: 1, extra: { wantedJob: '保洁', expectedPay: '3000' } })
    expect(await app.db.households.get(h.id)).toMatchObject({ careLevel: 3, visitCadenceDays: 14 })
    w.unmount()
  })

  it('scores the courtyard template without changing the cadence', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(AssessmentNewPage, { path: `/households/${h.id}/assessments/new`, props: { id: h.id } })
    await until(() => expect(w.findAll('[data-domain]')).toHaveLength(8))
    await w.find('[data-value="courtyard-v1"]').trigger('click')
    await until(() => expect(w.findAll('[data-domain]')).toHaveLength(4))
    await w.find('[data-domain="room"] [data-value="3"]').trigger('click')
    expect(w.find('[data-testid="result"]').text()).toBe('得分：25 分')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    expect((await app.db.assessments.toArray())[0]?.score).toBe(25)
    expect((await app.db.households.get(h.id))?.visitCadenceDays).toBeNull()
    w.unmount()
  })

  it('shows an error and saves nothing when the household is gone', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(AssessmentNewPage, { path: `/households/${h.id}/assessments/new`, props: { id: h.id } })
    await until(() => expect(w.findAll('[data-domain]')).toHaveLength(8))
    await app.db.households.update(h.id, { deleted: true })
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.find('[role="alert"]').text()).toContain('这户已不存在'))
    expect(await app.db.assessments.count()).toBe(0)
    w.unmount()
  })
})
