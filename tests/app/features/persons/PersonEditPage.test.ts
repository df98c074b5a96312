import { beforeEach, describe, expect, it } from 'vitest'
import PersonEditPage from '@/features/persons/PersonEditPage.vue'
import { savePerson } from '@/features/persons/persons-repository'
import { personFields, seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('PersonEditPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('adds a member with key-group flags, which flag the household', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(PersonEditPage, { path: `/households/${h.id}/persons/new`, props: { householdId: h.id } })
    await w.find('input[name="name"]').setValue('王小明')
    await w.find('#person-birth').setValue('2015-09-01')
    await w.find('[data-value="grandchild"]').trigger('click')
    await w.find('[data-testid="key-groups"] [data-value="left-behind"]').trigger('click')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    const [p] = await app.db.persons.toArray()
    expect(p).toMatchObject({ name: '王小明', relation: 'grandchild', birthDate: '2015-09-01', keyGroups: ['left-behind'] })
    expect((await app.db.households.get(h.id))?.keyGroups).toEqual(['left-behind'])
    w.unmount()
  })

  it('shows what is wrong with the name and ID number and saves nothing', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(PersonEditPage, { path: `/households/${h.id}/persons/new`, props: { householdId: h.id } })
    await w.find('input[name="idNumber"]').setValue('12345')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('身份证号应为 18 位'))
    expect(w.text()).toContain('请填写姓名')
    expect(await app.db.persons.count()).toBe(0)
    w.unmount()
  })

  it('edits an existing member', async () => {
    const h = await seedHousehold(app.db)
    const p = await savePerson(app.db, { householdId: h.id, fields: personFields(h.id) })
    const w = await app.mountPage(PersonEditPage, { path: `/persons/${p.id}/edit`, props: { id: p.id } })
    await until(() => expect((w.find('input[name="name"]').element as HTMLInputElement).value).toBe('王秀英'))
    await w.find('input[name="phone"]').setValue('13700001234')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    expect((await app.db.persons.get(p.id))?.phone).toBe('13700001234')
    w.unmount()
  })
})
