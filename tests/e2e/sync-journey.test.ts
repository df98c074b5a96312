import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Mutation, Review, Visit, Wish } from '@/shared'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The sync journey of issue 3 in real Chromium against the real server: worker 1 goes
 * offline, records a visit and a wish; when the network comes back, the sync runs BY
 * ITSELF (the `online` event, no tap) and empties the outbox; the supervisor, in another
 * browser, sees both; she returns the visit with a comment through her review screen;
 * after the worker's next sync, the comment is on her phone and on her Today screen.
 */

const SEEN = '独居老人，煤气灶打不着火'
const WISH = '想请志愿者帮忙换煤气灶'
const COMMENT = '请写明是否已联系燃气公司'

const pendingShown = async (page: Page) => Number(/(\d+)/.exec(await page.locator('[data-testid="sync-pending"]').innerText())?.[1] ?? 0)

describe('sync journey', () => {
  let server: RunningServer
  let worker: Phone
  let sup: Phone
  let wdb: string
  let visit: Visit
  let wish: Wish

  beforeAll(async () => {
    server = await startServer()
    worker = await launchPhone()
    sup = await launchPhone()
  })
  afterAll(async () => {
    await worker?.close()
    await sup?.close()
    await server?.stop()
  })

  it('offline, worker 1 records a visit and a wish; the sync bar counts them', async () => {
    const page = worker.page
    await login(page, server.url, 'demo-worker-1')
    wdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    const target = (await readStore<{ id: string; deleted: boolean }>(page, wdb, 'households')).find((h) => !h.deleted)!
    // The app shell must be precached before the network goes (a fast first sync can
    // finish before the service worker has installed).
    await waitForServiceWorkerControl(page)
    await worker.context.setOffline(true)
    await page.goto(`${server.url}/households/${target.id}/visits/new`).catch(() => undefined)
    await page.locator('textarea[name="seen"]').fill(SEEN)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    await page.locator('[data-testid="action-wish"]').click()
    await page.waitForURL(`**/households/${target.id}/wishes/new`)
    await page.locator('textarea[name="title"]').fill(WISH)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(/\/wishes\/[0-9a-f-]{36}$/)
    const pending = await outboxMutations<Mutation>(page, wdb)
    const v = pending.find((m) => m.name === 'visit.create')
    const w = pending.find((m) => m.name === 'wish.create')
    if (v?.name !== 'visit.create' || w?.name !== 'wish.create') throw new Error('visit and wish not in the outbox')
    visit = v.args
    wish = w.args
    // Still offline: the service worker serves the app shell.
    await page.goto(`${server.url}/`).catch(() => undefined)
    await expect.poll(() => pendingShown(page), { timeout: 15_000 }).toBe(pending.length)
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(() => page.locator('[data-testid="sync-last"]').innerText(), { timeout: 15_000 }).toContain('没有网络')
    await screenshot(page, 'sync-offline-pending')
  }, 180_000)

  it('back online, the sync runs by itself and empties the outbox', async () => {
    const page = worker.page
    const before = await metaValue(page, wdb, 'lastSyncAt')
    await worker.context.setOffline(false)
    await expect.poll(async () => (await outboxMutations<Mutation>(page, wdb)).length, { timeout: 60_000 }).toBe(0)
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 30_000 }).not.toBe(before)
    await expect.poll(() => page.locator('[data-testid="sync-pending"]').innerText(), { timeout: 15_000 }).toContain('全部已上传')
    await screenshot(page, 'sync-online-done')
  }, 120_000)

  it('the supervisor, in another browser, sees the visit and the wish and returns the visit', async () => {
    const page = sup.page
    await login(page, server.url, 'demo-supervisor')
    const sdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, sdb, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    await expect.poll(async () => (await readStore<Wish>(page, sdb, 'wishes')).find((x) => x.id === wish.id)?.title, { timeout: 30_000 }).toBe(WISH)
    await page.goto(`${server.url}/supervisor/review`)
    const row = page.locator(`[data-testid="review-item-${visit.id}"]`)
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1)
    expect(await row.innerText()).toContain(SEEN)
    await row.locator('.review-item__body').click()
    await page.waitForURL(`**/supervisor/review/visit/${visit.id}`)
    await page.locator('[data-testid="review-return"]').click()
    await page.locator('[data-testid="review-comment"] textarea').fill(COMMENT)
    await page.locator('.van-dialog__confirm').click()
    // After a decision the next record of her queue opens (issue 20).
    await page.waitForURL((u) => !u.pathname.endsWith(visit.id))
    const before = await metaValue(page, sdb, 'lastSyncAt')
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(async () => (await outboxMutations<Mutation>(page, sdb)).length === 0 && (await metaValue(page, sdb, 'lastSyncAt')) !== before, { timeout: 60_000 }).toBe(true)
  }, 240_000)

  it('after her next sync, worker 1 sees the comment', async () => {
    const page = worker.page
    await page.goto(`${server.url}/`)
    const before = await metaValue(page, wdb, 'lastSyncAt')
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 60_000 }).not.toBe(before)
    const review = (await readStore<Review>(page, wdb, 'reviews')).find((r) => r.recordId === visit.id)
    expect(review).toMatchObject({ state: 'returned', comment: COMMENT })
    await expect.poll(() => page.locator('[data-testid="returned-row"]').allInnerTexts(), { timeout: 20_000 }).toContainEqual(expect.stringContaining(COMMENT))
    await screenshot(page, 'sync-returned-comment')
    expect([...worker.errors, ...sup.errors].filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 120_000)
})
