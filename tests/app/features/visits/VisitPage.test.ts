import { beforeEach, describe, expect, it } from 'vitest'
import VisitPage from '@/features/visits/VisitPage.vue'
import { preparePhoto } from '@/db/photos-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { actor, photoBlob, review, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('VisitPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it("shows the entry, its photo, the supervisor's return note and its corrections", async () => {
    const h = await seedHousehold(app.db)
    const photo = await preparePhoto(photoBlob())
    const v = await createVisit(app.db, visitInput(h.id, { seen: '屋内整洁', policies: ['pension-insurance'], photos: [photo] }), actor)
    await createVisit(app.db, visitInput(h.id, { seen: '补充：血压偏高', correctsId: v.id }), actor)
    await app.db.reviews.put(review(v.id, { comment: '请补充血压情况' }))
    const w = await app.mountPage(VisitPage, { props: { id: v.id } })
    // Corrected on this phone: the note says so, with the comment it answered.
    await until(() => expect(w.find('[data-testid="corrected-note"]').text()).toContain('请补充血压情况'))
    expect(w.find('[data-testid="corrected-note"]').text()).toContain('已更正，待上传')
    expect(w.text()).toContain('屋内整洁')
    expect(w.text()).toContain('养老保险')
    expect(w.text()).toContain('此记录已被更正')
    expect(w.text()).toContain('补充：血压偏高')
    await until(() => expect(w.findAll('[data-testid="visit-photo"]')).toHaveLength(1))
    await w.find('[data-testid="correct"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.fullPath).toBe(`/households/${h.id}/visits/new?corrects=${v.id}`))
    w.unmount()
  })

  it('says so when the entry is not on this phone', async () => {
    const w = await app.mountPage(VisitPage, { props: { id: '0190a000-0000-7000-8000-00000000beef' } })
    await until(() => expect(w.text()).toContain('没有找到这条记录'))
    w.unmount()
  })
})
