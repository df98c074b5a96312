import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Mutation, Review, Visit } from '@/shared'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The review loop of issue 4, in two real Chromium phones against the real server: a
 * worker records a visit offline and syncs; the supervisor's queue shows it; she returns
 * it with a comment; after the worker's next sync her Today shows the task with the
 * comment; she corrects the visit; the supervisor sees the resubmission with the change
 * and approves it; the approval reaches the worker's phone. Each step checks what the
 * page shows and what IndexedDB holds.
 */

const SEEN = '老人腿脚不便，独自在家'
const FIXED = '老人腿脚不便，独自在家；女儿每周六回来看望，药已备足'
const COMMENT = '请写明家属探望和用药情况'


/** Taps "sync now" and waits until the outbox is empty and a newer sync has finished. */
async function syncNow(page: Page, db: string): Promise<void> {
  const before = (await metaValue(page, db, 'lastSyncAt')) as string | undefined
  await page.locator('[data-testid="sync-bar"]').click()
  await expect.poll(async () => (await metaValue(page, db, 'lastSyncAt')) !== before && (await outboxMutations<Mutation>(page, db)).length === 0, { timeout: 60_000 }).toBe(true)
}

describe('supervisor review loop', () => {
  let server: RunningServer
  let worker: Phone
  let sup: Phone
  let wdb: string
  let sdb: string
  let visit: Visit
  let correction: Visit

  beforeAll(async () => {
    server = await startServer()
    worker = await launchPhone()
    sup = await launchPhone({ viewport: { width: 1280, height: 800 } })
  })
  afterAll(async () => {
    await worker?.close()
    await sup?.close()
    await server?.stop()
  })

  it('the worker records a visit offline, then syncs it', async () => {
    const page = worker.page
    await login(page, server.url, 'demo-worker-1')
    wdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, wdb, 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    const households = await readStore<{ id: string; headName: string; deleted: boolean }>(page, wdb, 'households')
    const target = households.find((h) => !h.deleted)!
    // The app shell must be precached before the network goes (a fast first sync can
    // finish before the service worker has installed).
    await waitForServiceWorkerControl(page)
    await worker.context.setOffline(true)
    await page.goto(`${server.url}/households/${target.id}/visits/new`).catch(() => undefined)
    await page.locator('textarea[name="seen"]').fill(SEEN)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    const pending = await outboxMutations<Mutation>(page, wdb)
    const created = pending.find((m) => m.name === 'visit.create')
    expect(created?.name === 'visit.create' && created.args.seen).toBe(SEEN)
    if (created?.name === 'visit.create') visit = created.args
    await worker.context.setOffline(false)
    await page.goto(`${server.url}/`)
    await syncNow(page, wdb)
  }, 180_000)

  it('the supervisor sees it in her queue and returns it with a comment', async () => {
    const page = sup.page
    await login(page, server.url, 'demo-supervisor')
    await page.waitForURL(/\/supervisor\/review$/)
    sdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, sdb, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    const row = page.locator(`[data-testid="review-item-${visit.id}"]`)
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1)
    expect(await row.innerText()).toContain(SEEN)
    await row.locator('.review-item__body').click()
    await page.waitForURL(`**/supervisor/review/visit/${visit.id}`)
    await page.locator('[data-testid="review-return"]').click()
    await page.locator('[data-testid="review-comment"] textarea').fill(COMMENT)
    await page.locator('.van-dialog__confirm').click()
    // After a decision the next record of her queue opens.
    await page.waitForURL((u) => !u.pathname.endsWith(visit.id))
    const review = (await readStore<Review>(page, sdb, 'reviews')).find((r) => r.recordId === visit.id)
    expect(review).toMatchObject({ state: 'returned', comment: COMMENT })
    await syncNow(page, sdb)
    // Her opening of the record went to the server's audit log through the same outbox.
    expect((await outboxMutations<Mutation>(page, sdb)).length).toBe(0)
  }, 240_000)

  it('after her next sync, the worker\'s Today shows the task with the comment', async () => {
    const page = worker.page
    await page.goto(`${server.url}/`)
    await syncNow(page, wdb)
    // Her task is the row with the supervisor's comment (the demo has older returns too).
    const task = page.locator('[data-testid="returned-row"]', { hasText: COMMENT })
    await expect.poll(() => task.count(), { timeout: 20_000 }).toBe(1)
    expect(await task.innerText()).toContain('刘桂琴')
    await screenshot(page, 'supervisor-returned-on-today')
  }, 120_000)

  it('the worker corrects the visit and syncs', async () => {
    const page = worker.page
    await page.locator('[data-testid="returned-row"]', { hasText: COMMENT }).click()
    await page.waitForURL(`**/visits/${visit.id}`)
    await page.locator('[data-testid="correct"]').click()
    await page.waitForURL(/\/visits\/new\?corrects=/)
    await page.locator('textarea[name="seen"]').fill(FIXED)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/)
    const m = (await outboxMutations<Mutation>(page, wdb)).find((x) => x.name === 'visit.create')
    expect(m?.name === 'visit.create' && m.args.correctsId).toBe(visit.id)
    if (m?.name === 'visit.create') correction = m.args
    await page.goto(`${server.url}/`)
    await syncNow(page, wdb)
  }, 120_000)

  it('the supervisor sees the resubmission with the change and approves it', async () => {
    const page = sup.page
    await page.goto(`${server.url}/supervisor/review`)
    await syncNow(page, sdb)
    // Her queue is frozen for the session: what a sync brings after it opened waits as
    // "N 条新记录" until she takes it in.
    const fresh = page.locator('[data-testid="review-new"]')
    const row = page.locator(`[data-testid="review-item-${correction.id}"]`)
    await expect.poll(async () => (await row.count()) + (await fresh.count()), { timeout: 30_000 }).toBeGreaterThan(0)
    if ((await row.count()) === 0) await fresh.click()
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1)
    expect(await row.locator('[data-state]').getAttribute('data-state')).toBe('resubmitted')
    expect(await page.locator(`[data-testid="review-item-${visit.id}"]`).count()).toBe(0)
    await row.locator('.review-item__body').click()
    await page.waitForURL(`**/supervisor/review/visit/${correction.id}`)
    const diff = page.locator('[data-testid="resubmission"]')
    await diff.waitFor()
    expect(await diff.innerText()).toContain(COMMENT)
    expect(await diff.locator('[data-field="seen"] .old').innerText()).toBe(SEEN)
    expect(await diff.locator('[data-field="seen"] .new').innerText()).toBe(FIXED)
    await screenshot(page, 'supervisor-resubmission-desktop')
    await page.locator('[data-testid="review-approve"]').click()
    await page.waitForURL((u) => !u.pathname.endsWith(correction.id))
    await syncNow(page, sdb)
    const reviews = await readStore<Review>(page, sdb, 'reviews')
    expect(reviews.find((r) => r.recordId === correction.id)).toMatchObject({ state: 'approved' })
  }, 180_000)

  it('the approval reaches the worker\'s phone and the task leaves her Today', async () => {
    const page = worker.page
    await page.goto(`${server.url}/`)
    await syncNow(page, wdb)
    const reviews = await readStore<Review>(page, wdb, 'reviews')
    expect(reviews.find((r) => r.recordId === correction.id)).toMatchObject({ state: 'approved' })
    expect(reviews.find((r) => r.recordId === visit.id)).toMatchObject({ state: 'resubmitted', resubmittedBy: correction.id })
    await expect.poll(() => page.locator('[data-testid="returned-row"]').allInnerTexts()).not.toContainEqual(expect.stringContaining(COMMENT))
    expect([...worker.errors, ...sup.errors].filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 120_000)
})
