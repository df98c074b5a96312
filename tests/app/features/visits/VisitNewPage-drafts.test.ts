import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import VisitNewPage from '@/features/visits/VisitNewPage.vue'
import { createVisit } from '@/features/visits/visits-repository'
import { preparePhoto } from '@/db/photos-repository'
import { listDrafts } from '@/db/drafts-repository'
import { actor, GRID_ID, photoBlob, seedHousehold, visitInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

const NOW = new Date(2026, 4, 30, 10, 15)
const compress = async (f: File) => new Blob([await f.arrayBuffer()], { type: 'image/jpeg' })
const textOf = (w: { find: (s: string) => { element: Element } }) => (w.find('textarea[name="seen"]').element as HTMLTextAreaElement).value

/** Clicks a button of the open Vant dialog by its text. */
async function answerDialog(text: string): Promise<void> {
  await until(() => expect([...document.querySelectorAll('.van-dialog button')].some((b) => b.textContent?.includes(text))).toBe(true))
  const button = [...document.querySelectorAll<HTMLButtonElement>('.van-dialog button')].find((b) => b.textContent?.includes(text))
  button!.click()
  await flushPromises()
}

describe('VisitNewPage drafts', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  const open = async (householdId: string) => {
    const path = `/households/${householdId}/visits/new`
    const w = await app.mountPage(VisitNewPage, { path, props: { id: householdId, now: () => NOW, compress } })
    await until(() => expect(w.text()).toContain('王秀英'))
    return w
  }

  it('keeps what she types within a second and lays it back over the form when she returns', async () => {
    const h = await seedHousehold(app.db)
    const w = await open(h.id)
    await w.find('textarea[name="seen"]').setValue('老人咳嗽，')
    await until(() => expect(listDrafts(app.db, app.user.id)).resolves.toMatchObject([{ form: 'visit', title: '王秀英', value: { seen: '老人咳嗽，' } }]), 1000)
    w.unmount()
    const again = await open(h.id)
    await until(() => expect(textOf(again)).toBe('老人咳嗽，'))
    expect(again.find('[data-testid="draft-restored"]').exists()).toBe(true)
    again.unmount()
  })

  it('asks 保存草稿 / 放弃 on leaving; 放弃 drops the draft and leaves', async () => {
    const h = await seedHousehold(app.db)
    const w = await open(h.id)
    await w.find('textarea[name="seen"]').setValue('还没写完')
    const leaving = app.router.push('/')
    await answerDialog('放弃')
    await leaving
    expect(app.router.currentRoute.value.path).toBe('/')
    expect(await listDrafts(app.db, app.user.id)).toEqual([])
    w.unmount()
  })

  it('keeps the draft when she answers 保存草稿', async () => {
    const h = await seedHousehold(app.db)
    const w = await open(h.id)
    await w.find('textarea[name="seen"]').setValue('下次接着写')
    const leaving = app.router.push('/')
    await answerDialog('保存草稿')
    await leaving
    expect(app.router.currentRoute.value.path).toBe('/')
    expect(await listDrafts(app.db, app.user.id)).toMatchObject([{ value: { seen: '下次接着写' } }])
    w.unmount()
  })

  it('leaves no draft once the visit is saved, and 重新填写 starts over', async () => {
    const h = await seedHousehold(app.db)
    const w = await open(h.id)
    await w.find('textarea[name="seen"]').setValue('草稿')
    await until(() => expect(listDrafts(app.db, app.user.id)).resolves.toHaveLength(1))
    w.unmount()
    const again = await open(h.id)
    await until(() => expect(again.find('[data-testid="draft-restored"]').exists()).toBe(true))
    await again.find('.draft-banner__discard').trigger('click')
    await until(() => expect(textOf(again)).toBe(''))
    expect(await listDrafts(app.db, app.user.id)).toEqual([])
    await again.find('textarea[name="seen"]').setValue('看望老人')
    await again.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    await new Promise((r) => setTimeout(r, 600))
    expect(await listDrafts(app.db, app.user.id)).toEqual([])
    again.unmount()
  })

  it('refuses a visit time in the future with a message under the field', async () => {
    const h = await seedHousehold(app.db)
    const w = await open(h.id)
    await w.find('textarea[name="seen"]').setValue('看望老人')
    await w.find('#visit-at').setValue('2027-06-01T10:00')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(w.text()).toContain('时间不能晚于现在'))
    expect(await app.db.visits.count()).toBe(0)
    w.unmount()
  })
})

describe('VisitNewPage correcting a returned visit', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('heads the form with the return comment and keeps the photos unless she removes one', async () => {
    const h = await seedHousehold(app.db)
    const photos = [await preparePhoto(photoBlob('a')), await preparePhoto(photoBlob('b'))]
    const old = await createVisit(app.db, { ...visitInput(h.id, { seen: '写错了' }), photos }, actor)
    await app.db.reviews.put({
      id: old.id, recordKind: 'visit', recordId: old.id, gridId: GRID_ID, state: 'returned', comment: '走访时间写错了，请核对',
      reviewerId: null, reviewerName: '张主席', reviewedAt: new Date().toISOString(), resubmittedBy: null,
    })
    const w = await app.mountPage(VisitNewPage, {
      path: `/households/${h.id}/visits/new?corrects=${old.id}`,
      props: { id: h.id, corrects: old.id, now: () => NOW, compress },
    })
    await until(() => expect(w.find('[data-testid="return-comment"]').text()).toContain('走访时间写错了，请核对'))
    await until(() => expect(w.findAll('[data-testid="kept-photo"]')).toHaveLength(2))
    await w.findAll('[data-testid="kept-photo"] button')[1]!.trigger('click')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(app.router.currentRoute.value.path).toMatch(/^\/visits\//))
    const fix = (await app.db.visits.where('correctsId').equals(old.id).toArray())[0]
    expect(fix?.photos.map((p) => p.sha256)).toEqual([photos[0]!.ref.sha256])
    w.unmount()
  })
})

describe('VisitNewPage dates weeks back', () => {
  it('asks to confirm a visit time she set three weeks back; 改一下 saves nothing', async () => {
    const app = await setupApp()
    const h = await seedHousehold(app.db)
    const w = await app.mountPage(VisitNewPage, { path: `/households/${h.id}/visits/new`, props: { id: h.id, now: () => NOW, compress } })
    await until(() => expect(w.text()).toContain('王秀英'))
    await w.find('textarea[name="seen"]').setValue('看望老人')
    await w.find('#visit-at').setValue('2026-05-09T10:00')
    await w.find('[data-testid="save"]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog')?.textContent).toContain('走访时间是 21 天前'))
    await answerDialog('改一下')
    expect(await app.db.visits.count()).toBe(0)
    await w.find('[data-testid="save"]').trigger('click')
    await answerDialog('没错，保存')
    await until(() => expect(app.router.currentRoute.value.path).toBe(`/households/${h.id}`))
    expect(await app.db.visits.count()).toBe(1)
    w.unmount()
  })
})
