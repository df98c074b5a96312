import { beforeEach, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { setMeta } from '@/db/meta-repository'
import HouseholdListFilters from '@/features/households/HouseholdListFilters.vue'
import HouseholdListPage from '@/features/households/HouseholdListPage.vue'
import type { HouseholdFilter } from '@/features/households/household-search'
import { saveHousehold } from '@/features/households/households-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { GRID_ID, actor, householdFields, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const now = () => new Date(2026, 4, 30, 10, 0)
type Page = Awaited<ReturnType<TestApp['mountPage']>>
const names = (w: Page) => w.findAll('[data-testid="household-row"]').map((r) => r.find('.hh-row__name').text())
const heads = (w: Page) => w.findAll('[data-testid="section-head"]').map((h) => h.find('span').text())
/** Sets a filter as the dropdowns do. */
const set = (w: Page, key: keyof HouseholdFilter, value: unknown) => w.findComponent(HouseholdListFilters).vm.$emit('set', key, value)

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
    set(w, 'group', 'disabled')
    await until(() => expect(names(w)).toEqual(['甲']))
    set(w, 'group', 'any-key')
    await until(() => expect(names(w).sort()).toEqual(['乙', '甲']))
    set(w, 'group', '')
    set(w, 'notVisitedDays', 30)
    await until(() => expect(names(w).sort()).toEqual(['丙', '甲']))
    w.unmount()
  })
})

describe('HouseholdListPage in walking order', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })
  const at = (estate: string, building: string, unit: string, door: string) => ({ address: { estate, building, unit, door } })

  it('groups by 小区 › 楼栋 › 单元 in natural order with doors in order, and filters by estate and building', async () => {
    await seedHousehold(app.db, { headName: '甲', ...at('幸福小区', '10栋', '1单元', '101') })
    await seedHousehold(app.db, { headName: '乙', ...at('幸福小区', '2栋', '1单元', '1101') })
    await seedHousehold(app.db, { headName: '丙', ...at('幸福小区', '2栋', '1单元', '201') })
    await seedHousehold(app.db, { headName: '丁', ...at('和平里', '二栋', '', '3') })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(names(w)).toEqual(['丁', '丙', '乙', '甲']))
    expect(heads(w)).toEqual(['和平里 二栋', '幸福小区 2栋 1单元', '幸福小区 10栋 1单元'])

    set(w, 'estate', '幸福小区')
    await until(() => expect(names(w)).toEqual(['丙', '乙', '甲']))
    set(w, 'building', '2栋')
    await until(() => expect(names(w)).toEqual(['丙', '乙']))
    expect(w.find('[data-testid="household-count"]').text()).toBe('共 2 户')
    // Another estate: its building filter starts over.
    set(w, 'estate', '和平里')
    await until(() => expect(names(w)).toEqual(['丁']))
    w.unmount()
  })

  it('keeps a flat order by name on request', async () => {
    await seedHousehold(app.db, { headName: '赵', ...at('a', '1栋', '', '1') })
    await seedHousehold(app.db, { headName: '李', ...at('b', '1栋', '', '1') })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(names(w)).toEqual(['赵', '李']))
    set(w, 'order', 'name')
    await until(() => expect(names(w)).toEqual(['李', '赵']))
    expect(heads(w)).toEqual([])
    w.unmount()
  })

  it('jumps to a building past the drawn page by drawing up to it', async () => {
    const one = await saveHousehold(app.db, { gridId: GRID_ID, fields: householdFields() })
    const row = (await app.db.households.get(one.id))!
    await app.db.households.bulkPut(
      Array.from({ length: 120 }, (_, i) => ({ ...row, id: uuidv7(), address: { estate: '幸福小区', building: `${Math.floor(i / 20) + 1}栋`, unit: '', door: `${i}` } })),
    )
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="household-count"]').text()).toBe('共 121 户'))
    expect(w.find('[data-building="幸福小区|6栋"]').exists()).toBe(false)
    await w.find('[data-testid="jump-button"]').trigger('click')
    const six = w.findAll('[data-testid="index-building"]').find((b) => b.attributes('data-key') === '幸福小区|6栋')!
    expect(six.text()).toContain('20 户')
    await six.trigger('click')
    await until(() => expect(w.find('[data-building="幸福小区|6栋"]').exists()).toBe(true))
    w.unmount()
  })

  it('keeps its filter in the address, so back from a household lands on the same building', async () => {
    await seedHousehold(app.db, { headName: '甲', ...at('幸福小区', '10栋', '1单元', '101') })
    await seedHousehold(app.db, { headName: '乙', ...at('幸福小区', '2栋', '1单元', '101') })
    const w = await app.mountPage(HouseholdListPage, { props: { now }, path: `/households?estate=${encodeURIComponent('幸福小区')}&building=${encodeURIComponent('2栋')}` })
    await until(() => expect(names(w)).toEqual(['乙']))
    set(w, 'order', 'name')
    await until(() => expect(app.router.currentRoute.value.query).toEqual({ estate: '幸福小区', building: '2栋', order: 'name' }))
    set(w, 'estate', '')
    await until(() => expect(app.router.currentRoute.value.query).toEqual({ order: 'name' }))
    expect(names(w)).toEqual(['甲', '乙'])
    w.unmount()
  })
})
