import { beforeEach, describe, expect, it } from 'vitest'
import HouseholdEditPage from '@/features/households/HouseholdEditPage.vue'
import PersonEditPage from '@/features/persons/PersonEditPage.vue'
import { GRID_ID, seedHousehold } from '../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../helpers/app/mount-page'

/** Issue 19: the shared write checks, as she meets them in the forms (Chinese, under the field). */
describe('validation in the forms', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('refuses the phone "123" and a household without an address, each under its field', async () => {
    const w = await app.mountPage(HouseholdEditPage, { path: '/households/new' })
    await w.find('input[name="headName"]').setValue('刘玉兰')
    await w.find('input[name="phone"]').setValue('123')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.find('[role="alert"]').text()).toContain('有 2 处需要修改'))
    expect(w.text()).toContain('请填 11 位手机号')
    expect(w.text()).toContain('请选择小区，并填写楼栋或门牌号')
    expect(await app.db.households.count()).toBe(0)
    w.unmount()
  })

  it("picks the estate from the grid's list and the building from those known there, or adds a new one", async () => {
    await app.db.grids.put({ id: GRID_ID, communityId: GRID_ID, name: '第一网格', code: 'G1', estates: ['黄龙小区', '城东花园'], workerId: app.user.id })
    await seedHousehold(app.db, { address: { estate: '黄龙小区', building: '3栋', unit: '1单元', door: '101' } })
    await seedHousehold(app.db, { address: { estate: '黄龙小区', building: '12栋', unit: '1单元', door: '101' } })
    const w = await app.mountPage(HouseholdEditPage, { path: '/households/new' })
    await until(() => expect(w.find('[data-testid="estate-chips"]').exists()).toBe(true))
    expect(w.find('[data-testid="estate-chips"]').text()).toMatch(/黄龙小区.*城东花园.*新增/)
    await w.find('[data-testid="estate-chips"] [data-value="黄龙小区"]').trigger('click')
    await until(() => expect(w.find('[data-testid="building-chips"]').text()).toMatch(/3栋.*12栋.*新增/))
    await w.find('[data-testid="building-chips"] [data-value="12栋"]').trigger('click')
    await w.find('input[name="headName"]').setValue('刘玉兰')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/households\/[0-9a-f-]{36}$/))
    const saved = (await app.db.households.toArray()).find((h) => h.headName === '刘玉兰')
    expect(saved?.address).toMatchObject({ estate: '黄龙小区', building: '12栋' })
    w.unmount()
  })

  it('refuses an ID number with a wrong check digit, and one that disagrees with the birth date', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(PersonEditPage, { path: `/households/${h.id}/persons/new`, props: { householdId: h.id } })
    await w.find('input[name="name"]').setValue('王秀英')
    await w.find('input[name="idNumber"]').setValue('110105194912310021')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('身份证号校验位不对'))
    await w.find('input[name="idNumber"]').setValue('11010519491231002X')
    await w.find('#person-birth').setValue('1950-01-01')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('身份证号里的出生日期与所填出生日期不一致'))
    expect(await app.db.persons.count()).toBe(0)
    w.unmount()
  })

  it('refuses a birth date in the future', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(PersonEditPage, { path: `/households/${h.id}/persons/new`, props: { householdId: h.id } })
    await w.find('input[name="name"]').setValue('小明')
    await w.find('#person-birth').setValue('2099-01-01')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('出生日期不能晚于今天'))
    w.unmount()
  })
})
