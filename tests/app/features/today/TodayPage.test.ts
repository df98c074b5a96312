import { beforeEach, describe, expect, it } from 'vitest'
import { setMeta } from '@/db/meta-repository'
import TodayPage from '@/features/today/TodayPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { saveCommunitySettings } from '@/features/community/community-settings-repository'
import { actor, review, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

// 2026-05-30 10:00 local: 6/1 Children's Day is 2 days away; Dragon Boat (lunar 5/5) is 6/19.
const NOW = new Date(2026, 4, 30, 10, 0)
const now = () => NOW

describe('TodayPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
    // The phone has all its data (Today's first-sync states: TodayPage-first-sync.test.ts).
    await setMeta(app.db, 'firstSync', { done: 0, total: 0, complete: true })
  })

  it('lists never-visited and overdue key households, not recently visited or unflagged ones', async () => {
    const never = await seedHousehold(app.db, { headName: '从未户' }, [{ name: '从未户', keyGroups: ['elderly-alone'] }])
    const late = await seedHousehold(app.db, { headName: '超期户' }, [{ name: '超期户', keyGroups: ['disabled'] }])
    await createVisit(app.db, visitInput(late.id, { visitedAt: new Date(2026, 3, 1).toISOString() }), actor)
    const fresh = await seedHousehold(app.db, { headName: '刚走访' }, [{ name: '刚走访', keyGroups: ['disabled'] }])
    await createVisit(app.db, visitInput(fresh.id, { visitedAt: new Date(2026, 4, 28).toISOString() }), actor)
    await seedHousehold(app.db, { headName: '普通户' })
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="due-row"]')).toHaveLength(2))
    const rows = w.findAll('[data-testid="due-row"]').map((r) => r.text())
    expect(rows[0]).toContain('从未户')
    expect(rows[0]).toContain('从未走访')
    expect(rows[1]).toContain('超期户')
    expect(rows[1]).toMatch(/已超期 \d+ 天/)
    expect(never.id).toBeTruthy()
    w.unmount()
  })

  it("shows a promised next visit that falls due, even for a household that is not a key one", async () => {
    const h = await seedHousehold(app.db, { headName: '约好户' })
    await createVisit(app.db, visitInput(h.id, { visitedAt: new Date(2026, 4, 20).toISOString(), nextVisitOn: '2026-05-31' }), actor)
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="due-row"]').text()).toContain('约好户'))
    expect(w.find('[data-testid="due-row"]').text()).toContain('1 天内到期')
    w.unmount()
  })

  it('shows birthdays of key-group members in the next 7 days with the age they turn', async () => {
    await seedHousehold(app.db, { headName: '寿星户' }, [
      { name: '张奶奶', birthDate: '1946-06-01', keyGroups: ['lost-only-child'] },
      { name: '没标记', birthDate: '1950-06-01', keyGroups: [] },
      { name: '太远了', birthDate: '1950-06-20', keyGroups: ['disabled'] },
    ])
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="birthday-row"]')).toHaveLength(1))
    const row = w.find('[data-testid="birthday-row"]').text()
    expect(row).toContain('张奶奶')
    expect(row).toContain('2 天后生日')
    expect(row).toContain('80 岁')
    w.unmount()
  })

  it("lists festival care visits, lunar ones computed (儿童节 and 端午节 within 30 days)", async () => {
    const w = await app.mountPage(TodayPage, { props: { now } })
    expect(w.find('.today__date').text()).toBe('5月30日星期六')
    expect(w.find('h1').text()).toBe('李梅，您好')
    await until(() => expect(w.findAll('[data-testid="festival-row"]').length).toBeGreaterThan(0))
    const text = w.findAll('[data-testid="festival-row"]').map((r) => r.text())
    expect(text[0]).toContain('儿童节')
    expect(text[0]).toContain('2 天后')
    expect(text[1]).toContain('端午节')
    expect(text[1]).toContain('20 天后')
    expect(text[1]).toContain('送粽子')
    w.unmount()
  })

  it('names 元旦 in December with what to prepare and the key groups it is for', async () => {
    const december = () => new Date(2026, 11, 7, 9, 0)
    const w = await app.mountPage(TodayPage, { props: { now: december } })
    await until(() => expect(w.findAll('[data-testid="festival-row"]')).toHaveLength(1))
    const row = w.find('[data-testid="festival-row"]')
    expect(row.text()).toContain('元旦')
    expect(row.text()).toContain('25 天后')
    expect(row.find('[data-testid="festival-prepare"]').text()).toBe('年终走访困难家庭，送新年问候，看看取暖和用电安全')
    expect(row.text()).toContain('孤寡老人')
    w.unmount()
  })

  it("names the community's own date when it comes first, with what to prepare and for whom", async () => {
    const december = () => new Date(2026, 11, 7, 9, 0)
    await saveCommunitySettings(app.db, '0190a000-0000-7000-8000-0000000000cc', {
      dates: [{ name: '社区邻里节', when: { kind: 'yearly', month: 12, day: 20 }, groups: [], prepare: '提前一周通知各楼栋' }],
    })
    const w = await app.mountPage(TodayPage, { props: { now: december } })
    await until(() => expect(w.findAll('[data-testid="festival-row"]')).toHaveLength(2))
    const [first, second] = w.findAll('[data-testid="festival-row"]')
    expect(first?.text()).toContain('社区邻里节')
    expect(first?.text()).toContain('13 天后')
    expect(first?.find('[data-testid="festival-prepare"]').text()).toBe('提前一周通知各楼栋')
    expect(first?.text()).toContain('全部住户')
    expect(second?.text()).toContain('元旦')
    w.unmount()
  })

  it("shows records the supervisor returned, with the comment, linking to the record", async () => {
    const h = await seedHousehold(app.db)
    const v = await createVisit(app.db, visitInput(h.id), actor)
    await app.db.reviews.put(review(v.id, { comment: '请补充用药情况' }))
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="returned-row"]').exists()).toBe(true))
    const row = w.find('[data-testid="returned-row"]')
    expect(row.text()).toContain('请补充用药情况')
    expect(row.text()).toContain('张主席')
    expect(row.text()).toContain(h.headName)
    await row.trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/visits/${v.id}`))
    w.unmount()
  })

  it('shows the newest three returned records, with their count, until asked for all', async () => {
    const h = await seedHousehold(app.db, { headName: '退回户' })
    for (let i = 0; i < 5; i += 1) {
      const v = await createVisit(app.db, visitInput(h.id), actor)
      await app.db.reviews.put(review(v.id, { comment: `退回${i}`, reviewedAt: new Date(2026, 4, 20 + i).toISOString() }))
    }
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="returned-row"]')).toHaveLength(3))
    expect(w.text()).toContain('(5)')
    const first = w.findAll('[data-testid="returned-row"]').map((r) => r.text())
    expect(first.map((x) => /退回\d/.exec(x)?.[0])).toEqual(['退回4', '退回3', '退回2'])
    expect(first.every((x) => x.includes('退回户'))).toBe(true)
    await w.find('[data-testid="returned-more"]').trigger('click')
    await until(() => expect(w.findAll('[data-testid="returned-row"]')).toHaveLength(5))
    const all = w.findAll('[data-testid="returned-row"]').map((r) => r.text())
    expect(all.every((x) => x.includes('退回户'))).toBe(true)
    expect(w.find('[data-testid="returned-more"]').exists()).toBe(false)
    w.unmount()
  })

  it('shows at most five due households until asked for all', async () => {
    for (let i = 0; i < 7; i += 1) await seedHousehold(app.db, { headName: `户${i}` }, [{ name: `户${i}`, keyGroups: ['hardship'] }])
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="due-row"]')).toHaveLength(5))
    await w.find('[data-testid="due-more"]').trigger('click')
    await until(() => expect(w.findAll('[data-testid="due-row"]')).toHaveLength(7))
    w.unmount()
  })
})
