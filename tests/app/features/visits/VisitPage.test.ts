import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { useAuthStore } from '@/features/auth/auth-store'
import { setTransport } from '@/sync/transport'
import { scriptedServer } from '../../sync/sync-test-kit'
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
  afterEach(() => {
    setTransport()
    vi.restoreAllMocks()
  })

  /** A visit pulled from the server whose photo is not on the phone, and a server holding it. */
  async function pulledVisitWithPhoto() {
    const h = await seedHousehold(app.db)
    const photo = await preparePhoto(photoBlob('from-phone-a'))
    const bytes = new Uint8Array(await photo.blob.arrayBuffer())
    const server = scriptedServer()
    server.on('GET', `/api/photos/${photo.ref.sha256}`, () => new Response(new Blob([bytes], { type: 'image/jpeg' })))
    setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
    useAuthStore().token = 'token'
    const v = { ...visitInput(h.id), outcome: 'met' as const, id: uuidv7(), gridId: h.gridId, visitorId: actor.id, visitorName: actor.name, photos: [photo.ref], correctsId: null, createdAt: new Date().toISOString() }
    await app.db.visits.put(v)
    return { h, photo, server, v }
  }

  it('fetches a photo the phone does not have when the entry is viewed online', async () => {
    const { h, photo, server, v } = await pulledVisitWithPhoto()
    const w = await app.mountPage(VisitPage, { props: { id: v.id } })
    // (fake-indexeddb hands Blobs back as plain objects, so the <img> itself is checked
    // in the browser journey, tests/e2e/photo-second-phone.test.ts.)
    await until(async () => expect(await app.db.photos.get(photo.ref.sha256)).toMatchObject({ uploaded: 1, gridId: h.gridId }))
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/photos/${photo.ref.sha256}`])
    await until(() => expect(w.find('[data-testid="visit-photo"]').text()).not.toContain('正在下载'))
    w.unmount()
  })

  it('fetches it when the network comes back, not before', async () => {
    const { photo, server, v } = await pulledVisitWithPhoto()
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const w = await app.mountPage(VisitPage, { props: { id: v.id } })
    await until(() => expect(w.find('[data-testid="visit-photo"]').text()).toContain('照片未在本机'))
    expect(server.requests).toEqual([])
    onLine.mockReturnValue(true)
    window.dispatchEvent(new Event('online'))
    await until(async () => expect(await app.db.photos.get(photo.ref.sha256)).toMatchObject({ uploaded: 1 }))
    w.unmount()
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
