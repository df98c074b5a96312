import { beforeEach, describe, expect, it } from 'vitest'
import WishPage from '@/features/wishes/WishPage.vue'
import { useAuthStore } from '@/features/auth/auth-store'
import { createWish } from '@/features/wishes/wishes-repository'
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
