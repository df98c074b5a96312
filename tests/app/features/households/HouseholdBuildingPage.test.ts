import { beforeEach, describe, expect, it } from 'vitest'
import { setMeta } from '@/db/meta-repository'
import HouseholdBuildingPage from '@/features/households/HouseholdBuildingPage.vue'
import TodayPage from '@/features/today/TodayPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { actor, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const now = () => new Date(2026, 4, 30, 10, 0)
type Page = Awaited<ReturnType<TestApp['mountPage']>>
const namesIn = (w: Page, id: string) => w.findAll(`[data-testid="${id}"] .hh-row__name`).map((n) => n.text())
const at = (building: string, door: string) => ({ address: { estate: '幸福小区', building, unit: '1单元', door } })

describe('HouseholdBuildingPage (这栋楼)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
    await setMeta(app.db, 'firstSync', { done: 0, total: 0, complete: true })
  })

  async function seedBuilding(): Promise<void> {
    await seedHousehold(app.db, { headName: '普通户', ...at('3栋', '101') })
    const late = await seedHousehold(app.db, { headName: '超期户', ...at('3栋', '502') }, [{ name: '超期户', keyGroups: ['disabled'] }])
    await createVisit(app.db, visitInput(late.id, { visitedAt: new Date(2026, 2, 1).toISOString() }), actor)
    await seedHousehold(app.db, { headName: '从未户', ...at('3栋', '601') }, [{ name: '从未户', keyGroups: ['elderly-alone'] }])
    const promised = await seedHousehold(app.db, { headName: '约好户', ...at('3栋', '201') })
    await createVisit(app.db, visitInput(promised.id, { visitedAt: new Date(2026, 4, 20).toISOString(), nextVisitOn: '2026-05-31' }), actor)
    await seedHousehold(app.db, { headName: '别栋户', ...at('4栋', '101') })
  }

  it('lists the building’s due households first (by Today’s rule), then the others in door order', async () => {
    await seedBuilding()
    const w = await app.mountPage(HouseholdBuildingPage, { props: { now, estate: '幸福小区', building: '3栋' } })
    await until(() => expect(namesIn(w, 'building-due')).toEqual(['从未户', '超期户', '约好户']))
    expect(namesIn(w, 'building-others')).toEqual(['普通户'])
    expect(w.find('[data-testid="building-due"]').text()).toContain('已超期')
    expect(w.find('[data-testid="building-name"]').text()).toBe('幸福小区 3栋')
    expect(w.find('[data-testid="building-next"]').text()).toBe('下一栋：4栋')
    w.unmount()
  })

  it('opens on the building picker when no building is chosen', async () => {
    await seedBuilding()
    const w = await app.mountPage(HouseholdBuildingPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="index-building"]').map((b) => b.attributes('data-key'))).toEqual(['幸福小区|3栋', '幸福小区|4栋']))
    w.unmount()
  })

  it('is one tap from Today: the building of the household visited last', async () => {
    await seedBuilding()
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="today-building"]').text()).toContain('这栋楼：幸福小区 3栋'))
    await w.find('[data-testid="today-building"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.fullPath).toBe(`/building?estate=${encodeURIComponent('幸福小区')}&building=${encodeURIComponent('3栋')}`))
    w.unmount()
  })
})
