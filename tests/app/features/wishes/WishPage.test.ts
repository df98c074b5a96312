import { beforeEach, describe, expect, it } from 'vitest'
import WishPage from '@/features/wishes/WishPage.vue'
import { useAuthStore } from '@/features/auth/auth-store'
import { createWish, transitionWish } from '@/features/wishes/wishes-repository'
import { applyPushResults } from '@/sync/outbox-ack-repository'
import { actor, seedHousehold, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('WishPage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  async function open() {
    const h = await seedHousehold(app.db)
    const wish = await createWish(app.db, wishInput(h.id), actor)
    const w = await app.mountPage(WishPage, { props: { id: wish.id } })
    await until(() => expect(w.text()).toContain('上门理发'))
    return { w, wish }
  }

  it('claims a wish (who, kind, phone), then fulfils it with what was done', async () => {
    const { w, wish } = await open()
    await w.find('[data-testid="act-claimed"]').trigger('click')
    await w.find('input[name="claimant"]').setValue('爱心理发店')
    await w.find('input[name="claimantPhone"]').setValue('13700003333')
    await w.find('[data-value="shop"]').trigger('click')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.text()).toContain('爱心理发店（商户）认领'))
    await w.find('[data-testid="act-fulfilled"]').trigger('click')
    await w.find('textarea[name="whatWasDone"]').setValue('上门理发一次')
    await w.find('textarea[name="feedback"]').setValue('老人很高兴')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.text()).toContain('已完成'))
    const stored = await app.db.wishes.get(wish.id)
    expect(stored?.claimedBy).toEqual({ name: '爱心理发店', kind: 'shop', phone: '13700003333' })
    expect(stored?.fulfilment).toMatchObject({ whatWasDone: '上门理发一次', feedback: '老人很高兴' })
    const names = (await app.db.outbox.orderBy('seq').toArray()).map((r) => r.mutation.name)
    expect(names.filter((n) => n === 'wish.transition')).toHaveLength(2)
    expect(w.find('[data-testid="act-closed"]').exists()).toBe(false)
    w.unmount()
  })

  it('asks who claims it and changes nothing without a name', async () => {
    const { w, wish } = await open()
    await w.find('[data-testid="act-claimed"]').trigger('click')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.text()).toContain('请填写认领人'))
    expect((await app.db.wishes.get(wish.id))?.state).toBe('registered')
    w.unmount()
  })

  it('closes a wish with a reason, and asks for one when missing', async () => {
    const { w, wish } = await open()
    await w.find('[data-testid="act-closed"]').trigger('click')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.text()).toContain('请填写关闭原因'))
    await w.find('textarea[name="closedReason"]').setValue('已搬走')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.text()).toContain('已关闭'))
    expect(await app.db.wishes.get(wish.id)).toMatchObject({ state: 'closed', closedReason: '已搬走' })
    w.unmount()
  })

  it('releases a claimed wish back to the tree', async () => {
    const { w, wish } = await open()
    await w.find('[data-testid="act-claimed"]').trigger('click')
    await w.find('input[name="claimant"]').setValue('志愿者小张')
    await w.find('[data-testid="confirm"]').trigger('click')
    await until(() => expect(w.find('[data-testid="act-registered"]').exists()).toBe(true))
    await w.find('[data-testid="act-registered"]').trigger('click')
    await until(async () => expect((await app.db.wishes.get(wish.id))?.state).toBe('registered'))
    expect((await app.db.wishes.get(wish.id))?.claimedBy).toBeNull()
    w.unmount()
  })

  it('offers a worker no move on a closed wish, and a supervisor its reopening', async () => {
    const { w, wish } = await open()
    await app.db.wishes.put({ ...wish, state: 'closed', closedReason: '已搬走' })
    await until(() => expect(w.text()).toContain('已搬走'))
    expect(w.find('[data-testid="act-registered"]').exists()).toBe(false)
    w.unmount()
    useAuthStore().user = { ...app.user, role: 'supervisor' }
    const s = await app.mountPage(WishPage, { props: { id: wish.id } })
    await until(() => expect(s.find('[data-testid="act-registered"]').text()).toBe('重新打开'))
    await s.find('[data-testid="act-registered"]').trigger('click')
    await until(async () => expect(await app.db.wishes.get(wish.id)).toMatchObject({ state: 'registered', closedReason: null }))
    s.unmount()
  })
})

describe('WishPage after a refused claim', () => {
  it('shows 未被接受 and why, with who claimed it first', async () => {
    const app = await setupApp()
    const h = await seedHousehold(app.db)
    const wish = await createWish(app.db, wishInput(h.id, { title: '陪老人去医院' }), actor)
    await app.db.outbox.clear()
    await transitionWish(app.db, { id: wish.id, to: 'claimed', claimedBy: { name: '社区药房', kind: 'shop', phone: '' }, fulfilment: null, closedReason: null, note: '' }, actor)
    const sent = await app.db.outbox.toArray()
    await applyPushResults(app.db, sent, sent.map((r) => ({ mutationId: r.mutation.mutationId, seq: r.seq, status: 'rejected' as const, code: 'stale-state' as const })), new Date().toISOString())
    const at = new Date().toISOString()
    await app.db.wishes.put({ ...wish, state: 'claimed', claimedBy: { name: '红马甲志愿队', kind: 'unit', phone: '' }, claimedAt: at, updatedAt: at, history: [{ state: 'claimed', at, by: '周敏', note: '' }] })
    const w = await app.mountPage(WishPage, { path: `/wishes/${wish.id}`, props: { id: wish.id } })
    await until(() => expect(w.find('[data-testid="record-state"]').text()).toBe('未被接受'))
    await until(() => expect(w.find('[data-testid="rejection"]').text()).toContain('这个心愿已经由红马甲志愿队（单位）认领了：周敏在'))
    w.unmount()
  })
})
