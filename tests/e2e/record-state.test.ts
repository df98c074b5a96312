import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Mutation, Wish } from '@/shared'
import { apiDevice } from '../helpers/e2e/api-device'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 19 in real Chromium against the real server: a visit recorded offline shows
 * 待上传 on the household timeline, its page and the 同步详情 list; back online it goes
 * 已上传 by itself; the supervisor returns it and it shows 被退回. Then two phones claim
 * the same wish: the other phone's claim arrives first, and hers shows on Today at once,
 * in Chinese, with who claimed it and when — no raw states, no server English.
 */

const SEEN = '老人说楼道灯坏了，晚上不敢下楼'
const badge = (page: Page) => page.locator('[data-testid="record-state"]').first().innerText()

describe('what each record shows, and a refused claim on Today', () => {
  let server: RunningServer
  let phone: Phone
  let db: string
  let visit: Extract<Mutation, { name: 'visit.create' }>['args']

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  }, 120_000)
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('a visit saved offline shows 待上传 on the timeline, its page and the list of her records', async () => {
    const page = phone.page
    await login(page, server.url, 'demo-worker-1')
    db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    await waitForServiceWorkerControl(page)
    const target = (await readStore<{ id: string; deleted: boolean }>(page, db, 'households')).find((h) => !h.deleted)!
    await phone.context.setOffline(true)
    await page.goto(`${server.url}/households/${target.id}/visits/new`).catch(() => undefined)
    await page.locator('textarea[name="seen"]').fill(SEEN)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    const created = (await outboxMutations<Mutation>(page, db)).find((m) => m.name === 'visit.create')
    if (created?.name !== 'visit.create') throw new Error('the visit is not in the outbox')
    visit = created.args
    const item = page.locator(`[data-testid="timeline-item"][data-kind="visit"]`).filter({ hasText: SEEN })
    await expect.poll(() => item.locator('[data-testid="record-state"]').innerText(), { timeout: 15_000 }).toBe('待上传')
    await screenshot(page, 'record-timeline-pending')
    await page.goto(`${server.url}/sync`).catch(() => undefined)
    await expect.poll(() => page.locator('[data-testid="pending-record"]').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('[data-testid="sync-pending"]').innerText()).toBe('1 条记录待上传')
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(() => page.locator('.van-toast').innerText().catch(() => ''), { timeout: 10_000 }).toContain('现在没有网络，不能同步')
    await screenshot(page, 'sync-details-offline')
    await page.goto(`${server.url}/visits/${visit.id}`).catch(() => undefined)
    await expect.poll(() => badge(page), { timeout: 15_000 }).toBe('待上传')
  }, 240_000)

  it('back online it goes 已上传 by itself; returned by the supervisor it shows 被退回', async () => {
    const page = phone.page
    await phone.context.setOffline(false)
    await expect.poll(() => badge(page), { timeout: 60_000 }).toBe('已上传')
    await screenshot(page, 'record-uploaded')
    const supervisor = await apiDevice(server.url, 'demo-supervisor')
    const returned = await supervisor.push('review.set', { recordKind: 'visit', recordId: visit.id, gridId: visit.gridId, decision: 'returned', comment: '请写明是否已报修' })
    expect(returned.status).toBe('applied')
    await page.goto(`${server.url}/`)
    const before = await metaValue(page, db, 'lastSyncAt')
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 60_000 }).not.toBe(before)
    await page.goto(`${server.url}/visits/${visit.id}`)
    await expect.poll(() => badge(page), { timeout: 30_000 }).toBe('被退回')
    await screenshot(page, 'record-returned')
  }, 180_000)

  it('a claim another phone made first shows on Today at once, in Chinese, with who and when', async () => {
    const page = phone.page
    const wish = (await readStore<Wish>(page, db, 'wishes')).find((w) => w.state === 'registered')!
    await phone.context.setOffline(true)
    await page.goto(`${server.url}/wishes/${wish.id}`).catch(() => undefined)
    await page.locator('[data-testid="act-claimed"]').click()
    await page.locator('input[name="claimant"]').fill('爱心理发店')
    await page.locator('[data-testid="confirm"]').click()
    await expect.poll(async () => (await outboxMutations<Mutation>(page, db)).some((m) => m.name === 'wish.transition'), { timeout: 15_000 }).toBe(true)
    // The wish tree marks the card whose claim waits to go up.
    await page.goto(`${server.url}/wishes`).catch(() => undefined)
    const note = page.locator('[data-testid="wish-card"]').filter({ hasText: wish.title })
    await expect.poll(() => note.first().locator('[data-testid="record-state"]').innerText().catch(() => ''), { timeout: 15_000 }).toBe('待上传')
    await note.first().scrollIntoViewIfNeeded()
    await screenshot(page, 'wish-tree-pending')
    const other = await apiDevice(server.url, 'demo-supervisor')
    const first = await other.push('wish.transition', {
      id: wish.id, gridId: wish.gridId, expected: 'registered', to: 'claimed',
      claimedBy: { name: '张师傅', kind: 'volunteer', phone: '' }, fulfilment: null, closedReason: null, note: '',
    })
    expect(first.status).toBe('applied')
    await page.goto(`${server.url}/`).catch(() => undefined)
    await phone.context.setOffline(false)
    const card = page.locator('[data-testid="rejection"]')
    await expect.poll(() => card.innerText().catch(() => ''), { timeout: 60_000 }).toContain(`认领心愿「${wish.title}」未被接受`)
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toContain('这个心愿已经由张师傅（志愿者）认领了')
    const text = await page.locator('main').innerText()
    expect(text).not.toMatch(/registered|claimed|→|wish is|scope/)
    expect(await page.locator('[data-testid="sync-last"]').innerText()).toContain('1 条修改未被接受')
    await screenshot(page, 'today-rejected-claim')
    await page.locator('[data-testid="sync-open"]').click()
    await page.waitForURL('**/sync')
    await expect.poll(() => page.locator('[data-testid="rejection"]').count(), { timeout: 15_000 }).toBe(1)
    await screenshot(page, 'sync-details-rejected')
    await page.goto(`${server.url}/settings`)
    await page.locator('[data-testid="settings-install"] summary').click()
    await expect.poll(() => page.locator('[data-testid="storage-status"]').getAttribute('data-state'), { timeout: 10_000 }).not.toBe('checking')
    await page.locator('[data-testid="storage-status"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'settings-storage-install')
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
  }, 240_000)
})
