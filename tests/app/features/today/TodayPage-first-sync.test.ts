import { beforeEach, describe, expect, it } from 'vitest'
import { setMeta } from '@/db/meta-repository'
import { useSyncStore } from '@/features/sync/sync-store'
import TodayPage from '@/features/today/TodayPage.vue'
import { createWish, transitionWish } from '@/features/wishes/wishes-repository'
import { applyPushResults } from '@/sync/outbox-ack-repository'
import { actor, seedHousehold, wishInput } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

// 2026-05-30 10:00 local: a key member's birthday and 儿童节 fall in the coming days.
const NOW = new Date(2026, 4, 30, 10, 0)
const now = () => NOW
/** What Today must never say about data it does not have yet. */
const FALSE_WHILE_DOWNLOADING = ['重点户都按时走访过了', '近 7 天没有重点人员过生日', '从未走访', '该走访了']

describe('TodayPage during the first sync', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await setupApp()
    // Half the scope is on the phone: a key household whose visits have not arrived yet.
    await seedHousehold(app.db, { headName: '未到户' }, [{ name: '未到户', keyGroups: ['elderly-alone'], birthDate: '1950-06-02' }])
  })

  it('shows 正在下载 x / y 条 with a bar and nothing about households, birthdays or returns', async () => {
    await setMeta(app.db, 'firstSync', { done: 1000, total: 2400, complete: false })
    useSyncStore().state = 'syncing'
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="first-sync-line"]').text()).toBe('正在下载 1000 / 2400 条'))
    expect(w.find('.van-progress__portion').attributes('style')).toContain('42%')
    for (const sentence of FALSE_WHILE_DOWNLOADING) expect(w.text()).not.toContain(sentence)
    expect(w.findAll('[data-testid="due-row"]')).toHaveLength(0)
    expect(w.findAll('[data-testid="birthday-row"]')).toHaveLength(0)
    // Festivals do not depend on downloaded data.
    await until(() => expect(w.findAll('[data-testid="festival-row"]').length).toBeGreaterThan(0))
    w.unmount()
  })

  it('says a download that broke off resumes, and why it stopped while it is stopped', async () => {
    await setMeta(app.db, 'firstSync', { done: 1000, total: 2400, complete: false })
    const sync = useSyncStore()
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.find('[data-testid="first-sync-line"]').text()).toBe('上次下载中断了，正在接着下载 1000 / 2400 条'))
    sync.state = 'offline'
    await until(() => expect(w.find('[data-testid="first-sync-line"]').text()).toBe('下载中断了：已下载 1000 / 2400 条'))
    expect(w.text()).toContain('有信号后会自动接着下载，已下载的不会丢')
    for (const sentence of FALSE_WHILE_DOWNLOADING) expect(w.text()).not.toContain(sentence)
    w.unmount()
  })

  it('shows the lists once the first sync is complete', async () => {
    await setMeta(app.db, 'firstSync', { done: 2400, total: 2400, complete: true })
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="due-row"]')).toHaveLength(1))
    expect(w.find('[data-testid="first-sync"]').exists()).toBe(false)
    expect(w.text()).toContain('从未走访')
    w.unmount()
  })
})

describe('TodayPage rejections', () => {
  it('shows a refused wish claim at once, in Chinese, with who claimed it, when, and what to do', async () => {
    const app = await setupApp()
    await setMeta(app.db, 'firstSync', { done: 1, total: 1, complete: true })
    const h = await seedHousehold(app.db, { headName: '孙大妈' })
    const wish = await createWish(app.db, wishInput(h.id, { title: '上门理发' }), actor)
    await app.db.outbox.clear()
    await transitionWish(app.db, { id: wish.id, to: 'claimed', claimedBy: { name: '爱心理发店', kind: 'shop', phone: '' }, fulfilment: null, closedReason: null, note: '' }, actor)
    // The server refused it (another phone's claim arrived first), and the pull brought the wish as it is now.
    const sent = await app.db.outbox.toArray()
    const results = sent.map((r) => ({ mutationId: r.mutation.mutationId, seq: r.seq, status: 'rejected' as const, code: 'stale-state' as const, message: 'wish is claimed, not registered; claimed by 张师傅' }))
    await applyPushResults(app.db, sent, results, '2026-05-30T02:00:00.000Z')
    const claimedAt = '2026-05-29T06:30:00.000Z'
    await app.db.wishes.put({
      ...wish, state: 'claimed', claimedBy: { name: '张师傅', kind: 'volunteer', phone: '13900001111' }, claimedAt, updatedAt: claimedAt,
      history: [{ state: 'claimed', at: claimedAt, by: '王芳', note: '' }],
    })
    const w = await app.mountPage(TodayPage, { props: { now } })
    await until(() => expect(w.findAll('[data-testid="rejection"]')).toHaveLength(1))
    const card = w.find('[data-testid="rejection"]').text()
    expect(card).toContain('认领心愿「上门理发」未被接受')
    expect(card).toContain('这个心愿已经由张师傅（志愿者）认领了：王芳在')
    expect(card).toContain('有疑问请联系王芳')
    expect(card).not.toMatch(/registered|claimed|→|wish is/)
    w.unmount()
  })
})
