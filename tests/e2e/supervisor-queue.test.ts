import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeHlc, SCHEMA_VERSION, type LoginReply, type Review } from '@/shared'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { DEMO_PASSWORD, login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The supervisor's queue on the demo, in real Chromium against the real server: the
 * triaged order with reasons, a record beside the list at 1280×800, a decision that
 * shows at once and opens the next record, keys, counts that stay still while a sync
 * brings new records, the sample before the batch approval, and the workspace at
 * 390×844 without sideways scrolling, its brand link keeping her in the workspace.
 */

const idOf = (url: string) => /\/supervisor\/review\/\w+\/([0-9a-f-]{36})$/.exec(new URL(url).pathname)?.[1] ?? null
const count = (page: Page) => page.locator('[data-testid="review-count"]').innerText()
/** Filters the queue to one kind of record (the third dropdown). */
async function pickKind(page: Page, label: string): Promise<void> {
  await page.locator('.van-dropdown-menu__item').nth(2).click()
  await page.locator('.van-dropdown-item__option:visible', { hasText: label }).click()
}

/** A worker's phone pushing visits straight to the API (what a sync elsewhere would do). */
async function workerPushesVisits(url: string, page: Page, db: string, n: number): Promise<string[]> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-worker-1', password: DEMO_PASSWORD }) })
  const { token, user } = (await res.json()) as LoginReply
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const households = await readStore<{ id: string; gridId: string; deleted: boolean }>(page, db, 'households')
  const householdId = households.find((h) => h.gridId === user.gridIds[0] && !h.deleted)!.id
  const now = Date.now()
  const mutations = Array.from({ length: n }, (_, i) => {
    const at = new Date(now - (n - i) * 60_000).toISOString()
    const args = { id: randomUUID(), householdId, gridId: user.gridIds[0]!, visitedAt: at, visitorId: user.id, visitorName: user.displayName, method: 'phone',
      seen: `电话询问第${i + 1}次，老人说身体还好，药按时吃`, asked: '', done: '', policies: [], nextVisitOn: null, photos: [], correctsId: null, createdAt: at }
    return { mutationId: randomUUID(), seq: i + 1, name: 'visit.create', args, hlc: encodeHlc({ millis: now + i, counter: 0, node: 'e2e' }), schemaVersion: SCHEMA_VERSION, createdAt: at }
  })
  const pushed = await fetch(`${url}/api/sync/push`, { method: 'POST', headers: auth, body: JSON.stringify({ clientId: randomUUID(), schemaVersion: SCHEMA_VERSION, mutations }) })
  expect(pushed.status).toBe(200)
  return mutations.map((m) => m.args.id)
}

describe('supervisor review queue at scale', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page
  let db: string

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone({ viewport: { width: 1280, height: 800 } })
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('lands on a triaged queue: records that need her eyes first, with the reason', async () => {
    await login(page, server.url, 'demo-supervisor')
    await page.waitForURL(/\/supervisor\/review$/)
    db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 150_000 }).toBeTruthy()
    const attention = page.locator('[data-testid="review-attention"] li.review-item')
    await expect.poll(() => attention.count(), { timeout: 30_000 }).toBeGreaterThan(10)
    expect(await attention.first().locator('[data-testid="review-reasons"]').innerText()).not.toBe('')
    // Corrections of returned records weigh most: some are among the first rows.
    expect((await attention.allInnerTexts()).slice(0, 30).some((t) => t.includes('曾退回'))).toBe(true)
    const reasons = await page.locator('[data-testid="review-attention"] [data-testid="review-reasons"]').count()
    expect(reasons).toBe(await attention.count())
    const order = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="review-attention"]')!
      const r = document.querySelector('[data-testid="review-routine"]')!
      return a.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING
    })
    expect(order).toBeTruthy()
    expect(await page.locator('.review-split__pick').isVisible()).toBe(true)
    await screenshot(page, 'supervisor-queue-desktop')
  }, 240_000)

  it('opens a record beside the list; a decision shows at once and the next record opens', async () => {
    await page.locator('[data-testid="review-attention"] li.review-item .review-item__body').first().click()
    await page.waitForURL(/\/supervisor\/review\/\w+\/[0-9a-f-]{36}$/)
    const first = idOf(page.url())!
    expect(await page.locator('[data-testid="review-attention"]').isVisible()).toBe(true)
    await page.locator('[data-testid="review-approve"]').waitFor()
    await page.keyboard.press('a')
    await expect.poll(() => idOf(page.url()), { timeout: 10_000 }).not.toBe(first)
    await page.locator(`[data-testid="review-item-${first}"] [data-state="approved"]`).waitFor({ timeout: 10_000 })
    expect((await readStore<Review>(page, db, 'reviews')).find((r) => r.recordId === first)).toMatchObject({ state: 'approved' })
    const second = idOf(page.url())!
    await page.keyboard.press('j')
    await expect.poll(() => idOf(page.url())).not.toBe(second)
    await page.keyboard.press('k')
    await expect.poll(() => idOf(page.url())).toBe(second)
    // The list and the record scroll on their own; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800)
    await screenshot(page, 'supervisor-queue-detail-desktop')
  }, 60_000)

  it('keeps its counts still while a sync brings new records, offered as N 条新记录', async () => {
    await page.goto(`${server.url}/supervisor/review`)
    await page.locator('[data-testid="review-count"]').waitFor()
    const before = await count(page)
    const ids = await workerPushesVisits(server.url, page, db, 3)
    const synced = (await metaValue(page, db, 'lastSyncAt')) as string
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(async () => (await readStore<{ id: string }>(page, db, 'visits')).filter((v) => ids.includes(v.id)).length, { timeout: 60_000 }).toBe(3)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt')).not.toBe(synced)
    await expect.poll(() => page.locator('[data-testid="review-new"]').innerText().catch(() => ''), { timeout: 10_000 }).toContain('3 条新记录')
    expect(await count(page)).toBe(before)
    await page.locator('[data-testid="review-new"]').click()
    await expect.poll(() => count(page)).toBe(before.replace(/\d+/, (n) => String(Number(n) + 3)))
  }, 120_000)

  it('asks for the random sample first, then approves the routine rest in one go', async () => {
    await pickKind(page, '微心愿')
    await page.locator('[data-testid="sample-rate"]').selectOption('0.2')
    const batch = page.locator('[data-testid="batch-approve"]')
    await expect.poll(() => batch.innerText()).toContain('请先看完抽查')
    expect(await batch.isDisabled()).toBe(true)
    const openSample = page.locator('[data-testid="review-sample"] li.review-item:has([data-state="pending"]), [data-testid="review-sample"] li.review-item:has([data-state="resubmitted"])')
    for (let n = 0; n < 40 && (await openSample.count()) > 0; n++) {
      await openSample.first().locator('.review-item__body').click()
      await page.locator('[data-testid="review-approve"]').click()
      await page.waitForTimeout(300)
    }
    await screenshot(page, 'supervisor-queue-sampled-desktop')
    await expect.poll(() => batch.isDisabled()).toBe(false)
    const rest = Number(/(\d+)/.exec(await batch.innerText())![1])
    expect(rest).toBeGreaterThan(0)
    const approvedBefore = (await readStore<Review>(page, db, 'reviews')).filter((r) => r.state === 'approved').length
    await batch.click()
    await page.locator('.van-dialog__confirm').click()
    await expect.poll(async () => (await readStore<Review>(page, db, 'reviews')).filter((r) => r.state === 'approved').length, { timeout: 20_000 }).toBe(approvedBefore + rest)
    await expect.poll(() => page.locator('[data-testid="review-rest"] [data-state="pending"]').count()).toBe(0)
  }, 180_000)

  it("shows an assessment with the care level it set on the same item, and the household's write as no item of its own", async () => {
    await page.goto(`${server.url}/supervisor/review`)
    await pickKind(page, '需求评估')
    const changed = page.locator('li.review-item', { hasText: '→' })
    await changed.first().waitFor({ timeout: 20_000 })
    expect(await changed.first().innerText()).toMatch(/关怀等级：\S+ → \S+/)
    await changed.first().locator('.review-item__body').click()
    await page.locator('[data-testid="review-approve"]').waitFor()
    expect(await page.locator('.review-split__detail').innerText()).toMatch(/关怀等级\s+\S+ → \S+/)
    await screenshot(page, 'supervisor-queue-assessment-desktop')
    // No household is pending because of an assessment: the demo's households that an
    // assessment changed keep the time they were registered.
    const households = await readStore<{ id: string; updatedAt: string; createdAt: string }>(page, db, 'households')
    const assessed = new Set((await readStore<{ householdId: string; careLevelChange?: object | null }>(page, db, 'assessments')).filter((a) => a.careLevelChange).map((a) => a.householdId))
    expect(assessed.size).toBeGreaterThan(0)
    expect(households.filter((h) => assessed.has(h.id) && h.updatedAt !== h.createdAt)).toEqual([])
  }, 60_000)

  it('works on a 390×844 phone: triaged, still during a sync, the record in place, nothing sideways, never stranded', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/supervisor/review`)
    await page.locator('li.review-item').first().waitFor()
    expect(await page.locator('[data-testid="review-attention"] li.review-item').first().locator('[data-testid="review-reasons"]').innerText()).not.toBe('')
    // On the phone too: a sync's records wait as "N 条新记录"; the count holds.
    const before = await count(page)
    const ids = await workerPushesVisits(server.url, page, db, 2)
    await page.locator('[data-testid="sync-bar"]').click()
    await expect.poll(async () => (await readStore<{ id: string }>(page, db, 'visits')).filter((v) => ids.includes(v.id)).length, { timeout: 60_000 }).toBe(2)
    await expect.poll(() => page.locator('[data-testid="review-new"]').innerText().catch(() => ''), { timeout: 10_000 }).toContain('2 条新记录')
    expect(await count(page)).toBe(before)
    await screenshot(page, 'supervisor-queue-phone')
    await page.locator('[data-testid="review-attention"] li.review-item .review-item__body').first().click()
    await page.locator('[data-testid="review-approve"]').waitFor()
    expect(await page.locator('[data-testid="review-attention"]').isVisible()).toBe(false)
    await screenshot(page, 'supervisor-queue-detail-phone')
    // On the phone too, a decision opens the next record in place.
    const opened = idOf(page.url())
    await page.locator('[data-testid="review-approve"]').click()
    await expect.poll(() => idOf(page.url()), { timeout: 10_000 }).not.toBe(opened)
    expect(idOf(page.url())).not.toBeNull()
    expect((await readStore<Review>(page, db, 'reviews')).find((r) => r.recordId === opened)).toMatchObject({ state: 'approved' })
    await page.locator('[data-testid="review-back"]').click()
    await page.waitForURL(/\/supervisor\/review$/)
    for (const p of ['review', 'coverage', 'ledger', 'needs', 'map', 'export']) {
      await page.locator(`[data-testid="sv-nav-${p}"]`).click()
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/supervisor/${p}`)
      await page.waitForTimeout(600)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(390)
      await screenshot(page, `supervisor-${p}-phone`)
    }
    await page.locator('[data-testid="sv-brand"]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supervisor/review')
    // Her settings (sign out) are one tap away, and the worker's Today never holds her.
    await page.locator('[data-testid="sv-settings"]').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings')
    await screenshot(page, 'supervisor-settings-phone')
    await page.goto(`${server.url}/`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/supervisor/review')
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 120_000)

  it('on the phone: the 演示 marker clear of the filters, an assessment with its change, the sample first, then the batch', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/supervisor/review`)
    await page.locator('li.review-item').first().waitFor()
    const badge = await page.locator('[data-testid="demo-badge"]').boundingBox()
    const filters = await page.locator('.review-filters').boundingBox()
    expect(badge && filters).toBeTruthy()
    const overlaps = (a: NonNullable<typeof badge>, b: NonNullable<typeof badge>) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    expect(overlaps(badge!, filters!)).toBe(false)
    await pickKind(page, '需求评估')
    await page.locator('li.review-item', { hasText: '→' }).first().waitFor({ timeout: 20_000 })
    await page.locator('li.review-item', { hasText: '→' }).first().scrollIntoViewIfNeeded()
    await screenshot(page, 'supervisor-queue-assessment-phone')
    // The sample first, each opened in place and approved, back to the list each time.
    await page.locator('[data-testid="sample-rate"]').selectOption('0.2')
    const batch = page.locator('[data-testid="batch-approve"]')
    const openSample = page.locator('[data-testid="review-sample"] li.review-item:has([data-state="pending"]), [data-testid="review-sample"] li.review-item:has([data-state="resubmitted"])')
    expect(await openSample.count()).toBeGreaterThan(0)
    expect(await batch.isDisabled()).toBe(true)
    // Until the batch button stops asking for the sample. Each decision is waited for on
    // the button's count, so the loop never reads a list drawn before the last approval.
    const sampleLeft = async () => {
      const text = await batch.innerText()
      return text.includes('请先看完抽查') ? Number(/(\d+)/.exec(text)![1]) : 0
    }
    for (let n = 0; n < 60; n++) {
      const left = await sampleLeft()
      if (left === 0) break
      await openSample.first().locator('.review-item__body').click()
      await page.locator('[data-testid="review-approve"]').waitFor()
      const opened = idOf(page.url())
      await page.locator('[data-testid="review-approve"]').click()
      await expect.poll(() => idOf(page.url()), { timeout: 10_000 }).not.toBe(opened)
      await page.locator('[data-testid="review-back"]').click()
      await page.waitForURL(/\/supervisor\/review$/)
      await batch.waitFor()
      await expect.poll(sampleLeft, { timeout: 10_000 }).toBeLessThan(left)
    }
    await expect.poll(() => batch.isDisabled()).toBe(false)
    await batch.scrollIntoViewIfNeeded()
    await page.locator('.van-toast').waitFor({ state: 'hidden' }).catch(() => undefined)
    await screenshot(page, 'supervisor-queue-sampled-phone')
    const rest = Number(/(\d+)/.exec(await batch.innerText())![1])
    expect(rest).toBeGreaterThan(0)
    const approvedBefore = (await readStore<Review>(page, db, 'reviews')).filter((r) => r.state === 'approved').length
    await batch.click()
    await page.locator('.van-dialog__confirm').click()
    await expect.poll(async () => (await readStore<Review>(page, db, 'reviews')).filter((r) => r.state === 'approved').length, { timeout: 20_000 }).toBe(approvedBefore + rest)
    await expect.poll(() => page.locator('[data-testid="review-rest"] [data-state="pending"]').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  }, 180_000)
})
