import { beforeEach, describe, expect, it } from 'vitest'
import WishNewPage from '@/features/wishes/WishNewPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { actor, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('WishNewPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('registers a wish from a visit, for one member, and opens the card', async () => {
    const h = await seedHousehold(app.db, {}, [{ name: '王秀英' }, { name: '李大伯', sex: 'M', relation: 'spouse' }])
    const v = await createVisit(app.db, visitInput(h.id), actor)
    const w = await app.mountPage(WishNewPage, { props: { id: h.id, visitId: v.id } })
    await until(() => expect(w.text()).toContain('李大伯'))
    await w.find('textarea[name="title"]').setValue('老伴行动不便，想请人上门理发')
    const persons = await app.db.persons.where('householdId').equals(h.id).toArray()
    const husband = persons.find((p) => p.name === '李大伯')!
    await w.find(`[data-value="${husband.id}"]`).trigger('click')
    await w.find('[data-value="care"]').trigger('click')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/wishes\//))
    const [wish] = await app.db.wishes.toArray()
    expect(wish).toMatchObject({ visitId: v.id, personId: husband.id, category: 'care', state: 'registered' })
    expect((await app.db.households.get(h.id))?.openWishes).toBe(1)
    w.unmount()
  })

  it('asks for the wish itself and saves nothing without it', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(WishNewPage, { props: { id: h.id } })
    await until(() => expect(w.text()).toContain('王秀英'))
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('请写下心愿内容'))
    expect(await app.db.wishes.count()).toBe(0)
    w.unmount()
  })
})
