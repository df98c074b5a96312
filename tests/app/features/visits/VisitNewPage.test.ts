import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import VisitNewPage from '@/features/visits/VisitNewPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { actor, photoBlob, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const NOW = new Date(2026, 4, 30, 10, 15)
// The canvas-based compressor needs a real browser; tests swap in a pass-through at this seam.
const compress = async (f: File) => new Blob([await f.arrayBuffer()], { type: 'image/jpeg' })

describe('VisitNewPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('saves the visit when the disk is full, and says its photo was not kept', async () => {
    const h = await seedHousehold(app.db)
    vi.spyOn(app.db.photos, 'put').mockRejectedValue(new DOMException('the disk is full', 'QuotaExceededError'))
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW, compress } })
    await until(() => expect(w.text()).toContain('王秀英'))
    await w.find('textarea[name="seen"]').setValue('楼道漏水')
    const input = w.find('[data-testid="photo-input"]')
    Object.defineProperty(input.element, 'files', { value: [new File([photoBlob('leak')], 'p.jpg', { type: 'image/jpeg' })] })
    await input.trigger('change')
    await until(() => expect(w.findAll('[data-testid="photo-thumb"]')).toHaveLength(1))
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    expect(await app.db.visits.toArray()).toMatchObject([{ seen: '楼道漏水' }])
    await until(() => expect(document.body.textContent).toContain('照片没能存下'))
    w.unmount()
  })

  it('defaults to now, in person, and a next visit one cadence away', async () => {
    const h = await seedHousehold(app.db, {}, [{ keyGroups: ['elderly-alone'] }])
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW, compress } })
    await until(() => expect((w.find('#visit-next').element as HTMLInputElement).value).toBe('2026-06-29'))
    expect((w.find('#visit-at').element as HTMLInputElement).value).toBe('2026-05-30T10:15')
    expect(w.find('[data-value="in-person"]').attributes('aria-checked')).toBe('true')
    w.unmount()
  })

  it('saves a visit with a photo, offline, and returns to the household', async () => {
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW, compress } })
    await until(() => expect(w.text()).toContain('王秀英'))
    await w.find('[data-value="phone"]').trigger('click')
    await w.find('textarea[name="seen"]').setValue('老人腿疼，行动不便')
    await w.find('textarea[name="asked"]').setValue('想申请高龄津贴')
    await w.find('[data-value="elderly-allowance"]').trigger('click')
    const input = w.find('[data-testid="photo-input"]')
    Object.defineProperty(input.element, 'files', { value: [new File([photoBlob()], 'p.jpg', { type: 'image/jpeg' })] })
    await input.trigger('change')
    await until(() => expect(w.findAll('[data-testid="photo-thumb"]')).toHaveLength(1))
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    const [v] = await app.db.visits.toArray()
    expect(v).toMatchObject({ method: 'phone', seen: '老人腿疼，行动不便', policies: ['elderly-allowance'], visitorName: '李梅' })
    expect(v?.visitedAt).toBe(new Date(2026, 4, 30, 10, 15).toISOString())
    expect(v?.photos).toHaveLength(1)
    expect(await app.db.photos.get(v!.photos[0]!.sha256)).toMatchObject({ uploaded: 0 })
    expect((await app.db.outbox.orderBy('seq').last())?.mutation.name).toBe('visit.create')
    w.unmount()
  })

  it('refuses an empty visit with a clear message and saves nothing', async () => {
    const h = await seedHousehold(app.db)
    const before = await app.db.outbox.count()
    const w = await app.mountPage(VisitNewPage, { props: { id: h.id, now: () => NOW, compress } })
    await until(() => expect(w.text()).toContain('王秀英'))
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('请至少填写'))
    expect(await app.db.visits.count()).toBe(0)
    expect(await app.db.outbox.count()).toBe(before)
    w.unmount()
  })

  it('records a correction as a new entry pointing to the corrected one, prefilled from it', async () => {
    const h = await seedHousehold(app.db)
    const old = await createVisit(app.db, visitInput(h.id, { seen: '原来写错了' }), actor)
    const w = await app.mountPage(VisitNewPage, {
      path: `/households/${h.id}/visits/new?corrects=${old.id}`,
      props: { id: h.id, corrects: old.id, now: () => NOW, compress },
    })
    await until(() => expect((w.find('textarea[name="seen"]').element as HTMLTextAreaElement).value).toBe('原来写错了'))
    expect(w.text()).toContain('更正走访记录')
    await w.find('textarea[name="seen"]').setValue('更正：老人独居，腿脚不便')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/visits\//))
    const fix = (await app.db.visits.where('correctsId').equals(old.id).toArray())[0]
    expect(fix?.seen).toBe('更正：老人独居，腿脚不便')
    expect((await app.db.visits.get(old.id))?.seen).toBe('原来写错了')
    expect(app.router.currentRoute.value.path).toBe(`/visits/${fix?.id}`)
    w.unmount()
  })
})
