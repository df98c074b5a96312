import { beforeEach, describe, expect, it } from 'vitest'
import { setMeta } from '@/db/meta-repository'
import HouseholdPage from '@/features/households/HouseholdPage.vue'
import { createAssessment } from '@/features/assessments/assessments-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { actor, review, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('HouseholdPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('shows members with flags and a timeline of visits, wishes and assessments with where each stands', async () => {
    const h = await seedHousehold(app.db, { headName: '王秀英', phone: '13800001111' }, [
      { name: '王秀英', keyGroups: ['lost-only-child'] },
      { name: '王小明', relation: 'grandchild', keyGroups: ['left-behind'] },
    ])
    const v = await createVisit(app.db, visitInput(h.id, { visitedAt: '2026-05-01T02:00:00.000Z' }), actor)
    await createWish(app.db, wishInput(h.id, { title: '上门理发' }), actor)
    await createAssessment(app.db, { householdId: h.id, templateId: 'needs-v1', assessedAt: '2026-04-01T00:00:00.000Z', answers: {} }, actor)
    await app.db.reviews.put(review(v.id))
    // Uploaded (the server answered them), except the wish, still waiting.
    await app.db.outbox.filter((r) => r.mutation.name !== 'wish.create').delete()
    const w = await app.mountPage(HouseholdPage, { path: `/households/${h.id}`, props: { id: h.id } })
    await until(() => expect(w.findAll('[data-testid="timeline-item"]')).toHaveLength(3))
    const members = w.findAll('[data-testid="member-row"]').map((m) => m.text())
    expect(members[0]).toContain('失独')
    expect(members[1]).toContain('王小明')
    expect(members[1]).toContain('留守')
    const kinds = w.findAll('[data-testid="timeline-item"]').map((i) => i.attributes('data-kind'))
    expect(kinds).toEqual(['wish', 'visit', 'assessment'])
    await until(() => expect(w.find('[data-kind="visit"] [data-testid="record-state"]').text()).toBe('被退回'))
    expect(w.find('[data-kind="wish"] [data-testid="record-state"]').text()).toBe('待上传')
    expect(w.find('[data-kind="assessment"] [data-testid="record-state"]').text()).toBe('已上传')
    expect(w.find('a[href="tel:13800001111"]').exists()).toBe(true)
    w.unmount()
  })

  it('offers the three quick actions', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(HouseholdPage, { path: `/households/${h.id}`, props: { id: h.id } })
    await until(() => expect(w.find('[data-testid="action-visit"]').exists()).toBe(true))
    await w.find('[data-testid="action-visit"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}/visits/new`))
    expect(w.find('[data-testid="action-wish"]').exists()).toBe(true)
    expect(w.find('[data-testid="action-assessment"]').exists()).toBe(true)
    w.unmount()
  })

  it('says so when the household does not exist', async () => {
    const id = '0190a000-0000-7000-8000-00000000beef'
    const w = await app.mountPage(HouseholdPage, { path: `/households/${id}`, props: { id } })
    await until(() => expect(w.text()).toContain('没有找到这条记录'))
    w.unmount()
  })

  it('says 从未走访 only once the first sync has brought every visit', async () => {
    const h = await seedHousehold(app.db, { headName: '未到户' })
    await setMeta(app.db, 'firstSync', { done: 100, total: 900, complete: false })
    const w = await app.mountPage(HouseholdPage, { path: `/households/${h.id}`, props: { id: h.id } })
    await until(() => expect(w.text()).toContain('未到户'))
    expect(w.text()).not.toContain('从未走访')
    await setMeta(app.db, 'firstSync', { done: 900, total: 900, complete: true })
    await until(() => expect(w.text()).toContain('从未走访'))
    w.unmount()
  })
})
