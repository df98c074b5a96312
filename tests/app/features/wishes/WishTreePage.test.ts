import { beforeEach, describe, expect, it } from 'vitest'
import WishTreePage from '@/features/wishes/WishTreePage.vue'
import { createWish, transitionWish } from '@/features/wishes/wishes-repository'
import { actor, seedHousehold, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

describe('WishTreePage', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
  })

  it('hangs open wishes as coloured cards by category, and filters by state', async () => {
    const h = await seedHousehold(app.db, { headName: '赵大爷' })
    await createWish(app.db, wishInput(h.id, { title: '修水龙头', category: 'repair' }), actor)
    const claimed = await createWish(app.db, wishInput(h.id, { title: '辅导作业', category: 'study' }), actor)
    await transitionWish(app.db, { id: claimed.id, to: 'claimed', claimedBy: { name: '小张', kind: 'volunteer', phone: '' }, fulfilment: null, closedReason: null, note: '' }, actor)
    const closed = await createWish(app.db, wishInput(h.id, { title: '已关闭的' }), actor)
    await transitionWish(app.db, { id: closed.id, to: 'closed', claimedBy: null, fulfilment: null, closedReason: '重复', note: '' }, actor)
    const w = await app.mountPage(WishTreePage)
    await until(() => expect(w.findAll('[data-testid="wish-card"]')).toHaveLength(2))
    const repair = w.findAll('[data-testid="wish-card"]').find((c) => c.text().includes('修水龙头'))!
    expect(repair.text()).toContain('赵大爷')
    expect(repair.attributes('style')).toContain('background: #cfe8ff')
    await w.find('[data-value="claimed"]').trigger('click')
    await until(() => expect(w.findAll('[data-testid="wish-card"]')).toHaveLength(1))
    expect(w.find('[data-testid="wish-card"]').text()).toContain('辅导作业')
    w.unmount()
  })

  it('says when no wish is waiting', async () => {
    const w = await app.mountPage(WishTreePage)
    await until(() => expect(w.text()).toContain('暂时没有待办心愿'))
    w.unmount()
  })
})
