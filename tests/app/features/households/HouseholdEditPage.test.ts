import { beforeEach, describe, expect, it } from 'vitest'
import HouseholdEditPage from '@/features/households/HouseholdEditPage.vue'
import { seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('HouseholdEditPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('creates a household in her grid and opens its page', async () => {
    const w = await app.mountPage(HouseholdEditPage, { path: '/households/new' })
    await w.find('input[name="headName"]').setValue('刘玉兰')
    await w.find('input[name="estate"]').setValue('黄龙小区')
    await w.find('input[name="building"]').setValue('5栋')
    await w.find('input[name="door"]').setValue('402')
    await w.find('input[name="phone"]').setValue('13800009999')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/households\/[0-9a-f-]{36}$/))
    const [h] = await app.db.households.toArray()
    expect(h).toMatchObject({ headName: '刘玉兰', gridId: app.user.gridIds[0], phone: '13800009999' })
    expect(h?.address).toMatchObject({ estate: '黄龙小区', door: '402' })
    expect(await app.db.outbox.count()).toBe(1)
    w.unmount()
  })

  it("offers her grid's estates and each estate's buildings as one-tap picks", async () => {
    const gridId = app.user.gridIds[0]!
    await app.db.grids.put({
      id: gridId, communityId: crypto.randomUUID(), name: '第一网格', code: '', workerId: app.user.id,
      estates: ['幸福小区', '和平里'], buildings: { 幸福小区: ['1栋', '3栋'] },
    })
    const w = await app.mountPage(HouseholdEditPage, { path: '/households/new' })
    await until(() => expect(w.find('[data-testid="estate-chips"]').exists()).toBe(true))
    expect(w.find('[data-testid="building-chips"]').exists()).toBe(false)
    await w.find('[data-testid="estate-chips"] .chip:first-child').trigger('click')
    await until(() => expect(w.find('[data-testid="building-chips"]').text()).toContain('3栋'))
    await w.findAll('[data-testid="building-chips"] .chip')[1]!.trigger('click')
    await w.find('input[name="headName"]').setValue('刘玉兰')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/households\/[0-9a-f-]{36}$/))
    expect((await app.db.households.toArray())[0]?.address).toMatchObject({ estate: '幸福小区', building: '3栋' })
    w.unmount()
  })

  it('shows a clear message under each invalid field and saves nothing', async () => {
    const w = await app.mountPage(HouseholdEditPage, { path: '/households/new' })
    await w.find('input[name="phone"]').setValue('打电话')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.find('[role="alert"]').text()).toContain('有 2 处需要修改：'))
    expect(w.text()).toContain('请填写户主姓名')
    expect(w.text()).toContain('请填 11 位手机号')
    expect(await app.db.households.count()).toBe(0)
    expect(await app.db.outbox.count()).toBe(0)
    expect(app.router.currentRoute.value.path).toBe('/households/new')
    w.unmount()
  })

  it('edits an existing household, sending only the changed field', async () => {
    const h = await seedHousehold(app.db, { headName: '王秀英' })
    const w = await app.mountPage(HouseholdEditPage, { path: `/households/${h.id}/edit`, props: { id: h.id } })
    await until(() => expect((w.find('input[name="headName"]').element as HTMLInputElement).value).toBe('王秀英'))
    await w.find('textarea[name="notes"]').setValue('儿子在外地打工')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    const last = (await app.db.outbox.orderBy('seq').last())!.mutation
    if (last.name !== 'household.put') throw new Error(last.name)
    expect(last.args.patch).toEqual({ notes: '儿子在外地打工' })
    w.unmount()
  })
})
