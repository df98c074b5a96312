import { beforeEach, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { setMeta } from '@/db/meta-repository'
import HouseholdListPage from '@/features/households/HouseholdListPage.vue'
import { saveHousehold } from '@/features/households/households-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { GRID_ID, actor, householdFields, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const now = () => new Date(2026, 4, 30, 10, 0)
const names = (w: Awaited<ReturnType<TestApp['mountPage']>>) =>
  w.findAll('[data-testid="household-row"]').map((r) => r.find('.hh-row__name').text())

describe('HouseholdListPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('finds a household by pinyin initials, by phone and by address', async () => {
    await seedHousehold(app.db, { headName: '王秀英', phone: '13800001111' })
    await seedHousehold(app.db, { headName: '赵建国', phone: '13900002222', address: { estate: '城东花园', building: '5栋', unit: '', door: '101' } })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(names(w)).toHaveLength(2))
    const search = w.find('[data-testid="household-search"] input')
    await search.setValue('zjg')
    await until(() => expect(names(w)).toEqual(['赵建国']))
    await search.setValue('0001111')
    await until(() => expect(names(w)).toEqual(['王秀英']))
    await search.setValue('城东')
    await until(() => expect(names(w)).toEqual(['赵建国']))
    await search.setValue('nobody')
    await until(() => expect(w.text()).toContain('没有符合条件的住户'))
    w.unmount()
  })

  it('shows last visit and open wishes on each row, and 待上传 on a household not yet uploaded', async () => {
    await setMeta(app.db, 'firstSync', { done: 0, total: 0, complete: true })
    const h = await seedHousehold(app.db, { headName: '王秀英' })
    await createVisit(app.db, visitInput(h.id, { visitedAt: new Date(2026, 4, 3, 9).toISOString() }), actor)
    await createWish(app.db, wishInput(h.id), actor)
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="household-row"]').text()).toContain('1 个心愿'))
    expect(w.find('[data-testid="household-row"]').text()).toContain('上次走访 5月3日')
    await until(() => expect(w.find('[data-testid="household-row"] [data-testid="record-state"]').text()).toBe('待上传'))
    // Uploaded: a settled record carries no badge in a long list.
    await app.db.outbox.clear()
    await until(() => expect(w.find('[data-testid="household-row"] [data-testid="record-state"]').exists()).toBe(false))
    w.unmount()
  })

  it('says nothing about visits while the first sync still downloads them', async () => {
    await setMeta(app.db, 'firstSync', { done: 300, total: 2400, complete: false })
    await seedHousehold(app.db, { headName: '王秀英' })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(names(w)).toEqual(['王秀英']))
    expect(w.find('[data-testid="household-row"]').text()).not.toContain('从未走访')
    w.unmount()
  })

  it('pages a long list instead of drawing 600 rows at once', async () => {
    // Stored rows as a pull would write them (one save makes the template; bulk copies follow).
    const one = await saveHousehold(app.db, { gridId: GRID_ID, fields: householdFields() })
    const row = (await app.db.households.get(one.id))!
    await app.db.households.bulkPut(
      Array.from({ length: 599 }, (_, i) => ({ ...row, id: uuidv7(), headName: `住户${i}`, searchText: `住户${i}` })),
    )
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="household-count"]').text()).toBe('共 600 户'))
    expect(w.findAll('[data-testid="household-row"]').length).toBeLessThanOrEqual(80)
    w.unmount()
  })

  it('filters by key group and by "not visited in N days"', async () => {
    const old = await seedHousehold(app.db, { headName: '甲' }, [{ name: '甲', keyGroups: ['disabled'] }])
    await createVisit(app.db, visitInput(old.id, { visitedAt: new Date(2026, 1, 1).toISOString() }), actor)
    const recent = await seedHousehold(app.db, { headName: '乙' }, [{ name: '乙', keyGroups: ['elderly-alone'] }])
    await createVisit(app.db, visitInput(recent.id, { visitedAt: new Date(2026, 4, 25).toISOString() }), actor)
    await seedHousehold(app.db, { headName: '丙' })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(names(w)).toHaveLength(3))
    const vm = w.vm as unknown as { set: (k: string, v: unknown) => void }
    vm.set('group', 'disabled')
    await until(() => expect(names(w)).toEqual(['甲']))
    vm.set('group', 'any-key')
    await until(() => expect(names(w).sort()).toEqual(['乙', '甲']))
    vm.set('group', '')
    vm.set('notVisitedDays', 30)
    await until(() => expect(names(w)).toEqual(['丙', '甲']))
    w.unmount()
  })
})
