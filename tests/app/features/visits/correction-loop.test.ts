import { setMeta } from '@/db/meta-repository'
import { beforeEach, describe, expect, it } from 'vitest'
import TodayPage from '@/features/today/TodayPage.vue'
import VisitPage from '@/features/visits/VisitPage.vue'
import HouseholdPage from '@/features/households/HouseholdPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { putDraft } from '@/db/drafts-repository'
import { actor, review, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const NOW = new Date(2026, 4, 30, 10, 0)

/** Issue 19: a returned visit corrected offline is done from her side at once. */
describe('the correction loop on the phone', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  async function returnedVisit() {
    const h = await seedHousehold(app.db)
    const v = await createVisit(app.db, visitInput(h.id, { visitedAt: new Date(2026, 4, 20).toISOString() }), actor)
    await app.db.reviews.put(review(v.id, { id: v.id, comment: '请补充用药情况' }))
    return { h, v }
  }

  it('makes 更正 the primary action on a returned visit', async () => {
    const { v } = await returnedVisit()
    const w = await app.mountPage(VisitPage, { path: `/visits/${v.id}`, props: { id: v.id } })
    await until(() => expect(w.find('[data-testid="returned-note"]').exists()).toBe(true))
    const correct = w.find('[data-testid="correct"]')
    expect(correct.classes()).not.toContain('van-button--plain')
    w.unmount()
  })

  it('after an offline correction: 已更正，待上传 on the visit and the timeline, and Today no longer lists it', async () => {
    const { h, v } = await returnedVisit()
    await createVisit(app.db, visitInput(h.id, { correctsId: v.id, visitedAt: new Date(2026, 4, 20).toISOString(), seen: '补充：每天服降压药' }), actor)

    const page = await app.mountPage(VisitPage, { path: `/visits/${v.id}`, props: { id: v.id } })
    await until(() => expect(page.find('[data-testid="corrected-note"] strong').text()).toBe('已更正，待上传'))
    expect(page.find('[data-testid="returned-note"]').exists()).toBe(false)
    expect(page.find('.review-badge').exists()).toBe(false)
    expect(page.find('[data-testid="correct"]').classes()).toContain('van-button--plain')
    page.unmount()

    const hh = await app.mountPage(HouseholdPage, { path: `/households/${h.id}`, props: { id: h.id } })
    await until(() => expect(hh.find('[data-testid="corrected-tag"]').text()).toBe('已更正，待上传'))
    expect(hh.find('[data-testid="is-correction"]').text()).toBe('更正')
    hh.unmount()

    // Today speaks of her lists only once the first sync is done (issue 19).
    await setMeta(app.db, 'firstSync', { done: 0, total: 0, complete: true })
    const today = await app.mountPage(TodayPage, { props: { now: () => NOW } })
    await until(() => expect(today.find('[data-testid="due-row"]').exists() || today.text().includes('该走访了')).toBe(true))
    expect(today.find('[data-testid="returned-row"]').exists()).toBe(false)
    today.unmount()
  })

  it('says 已更正 once the correction left the outbox', async () => {
    const { h, v } = await returnedVisit()
    await createVisit(app.db, visitInput(h.id, { correctsId: v.id, seen: '补充' }), actor)
    await app.db.outbox.clear()
    const page = await app.mountPage(VisitPage, { path: `/visits/${v.id}`, props: { id: v.id } })
    await until(() => expect(page.find('[data-testid="corrected-note"] strong').text()).toBe('已更正'))
    page.unmount()
  })
})

describe('open drafts on Today', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('lists her drafts newest first and a tap resumes the form', async () => {
    const h = await seedHousehold(app.db)
    await putDraft(app.db, app.user.id, `visit:${h.id}`, { form: 'visit', route: `/households/${h.id}/visits/new`, title: '王秀英' }, { seen: 'x' }, new Date(2026, 4, 30, 9))
    await putDraft(app.db, app.user.id, 'household:new', { form: 'household', route: '/households/new', title: '' }, {}, new Date(2026, 4, 30, 8))
    await putDraft(app.db, 'someone-else', 'household:new', { form: 'household', route: '/households/new', title: '别人的' }, {}, new Date(2026, 4, 30, 10))
    const w = await app.mountPage(TodayPage, { props: { now: () => NOW } })
    await until(() => expect(w.findAll('[data-testid="draft-row"]')).toHaveLength(2))
    const rows = w.findAll('[data-testid="draft-row"]').map((r) => r.text())
    expect(rows[0]).toContain('王秀英 · 走访记录')
    expect(rows[1]).toContain('住户信息')
    await w.find('[data-testid="draft-row"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}/visits/new`))
    w.unmount()
  })
})
