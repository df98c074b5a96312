import { beforeEach, describe, expect, it } from 'vitest'
import HouseholdListPage from '@/features/households/HouseholdListPage.vue'
import { deletePerson, savePerson } from '@/features/persons/persons-repository'
import { repairSearchText } from '@/features/households/search-text-repository'
import { personFields, seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const now = () => new Date(2026, 4, 30, 10, 0)
type Page = Awaited<ReturnType<TestApp['mountPage']>>
const found = (w: Page) =>
  w.findAll('[data-testid="household-row"]').map((r) => [r.find('.hh-row__name').text(), r.find('[data-testid="member-match"]').exists() ? r.find('[data-testid="member-match"]').text() : ''])

describe('searching households by a member', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('finds a household by a member’s name or its pinyin initials and names that member', async () => {
    await seedHousehold(app.db, { headName: '王秀英' }, [{ name: '王秀英' }, { name: '李小红', relation: 'child' }])
    await seedHousehold(app.db, { headName: '赵建国' })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    const search = w.find('[data-testid="household-search"] input')
    await search.setValue('李小红')
    await until(() => expect(found(w)).toEqual([['王秀英', '成员：李小红']]))
    await search.setValue('lxh')
    await until(() => expect(found(w)).toEqual([['王秀英', '成员：李小红']]))
    // Found by the head's own text: no member to name.
    await search.setValue('王秀英')
    await until(() => expect(found(w)).toEqual([['王秀英', '']]))
    w.unmount()
  })

  it('follows a member’s rename and removal', async () => {
    const h = await seedHousehold(app.db, { headName: '王秀英' })
    const child = await savePerson(app.db, { householdId: h.id, fields: personFields(h.id, { name: '李小红', relation: 'child' }) })
    const w = await app.mountPage(HouseholdListPage, { props: { now } })
    const search = w.find('[data-testid="household-search"] input')
    await search.setValue('李小红')
    await until(() => expect(found(w)).toEqual([['王秀英', '成员：李小红']]))

    await savePerson(app.db, { id: child.id, householdId: h.id, fields: { name: '李晓燕' } })
    await until(() => expect(w.text()).toContain('没有符合条件的住户'))
    await search.setValue('lxy')
    await until(() => expect(found(w)).toEqual([['王秀英', '成员：李晓燕']]))

    await deletePerson(app.db, child.id)
    await until(() => expect(w.text()).toContain('没有符合条件的住户'))
    w.unmount()
  })

  it('gives members stored before they were searchable their search text', async () => {
    const h = await seedHousehold(app.db, { headName: '王秀英' }, [{ name: '李小红', relation: 'child' }])
    const stored = (await app.db.persons.where('householdId').equals(h.id).first())!
    const { searchText: _dropped, ...old } = stored
    await app.db.persons.put(old)
    expect(await repairSearchText(app.db)).toBe(1)
    expect((await app.db.persons.get(stored.id))?.searchText).toContain('lxh')
    expect(await repairSearchText(app.db)).toBe(0)
  })
})
