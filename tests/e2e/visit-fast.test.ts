import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Visit } from '@/shared'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 18, "Done means": a visit from Today in at most 4 taps with the outcome and a
 * common phrase; a 家中无人 attempt in 2 taps from the household, shown as an attempt on
 * the household page, the household still due on Today. Each click is one tap, counted;
 * navigation by URL (the household page) is not a tap, and nothing is typed.
 */
describe('a visit in half a minute', () => {
  let server: RunningServer
  let phone: Phone
  let db: string
  let taps = 0

  const tap = async (target: Locator) => {
    taps++
    await target.click()
  }
  const dueRows = (page: Page) => page.locator('[data-testid="due-row"]')
  const visits = async (page: Page, householdId: string) =>
    (await readStore<Visit>(page, db, 'visits')).filter((v) => v.householdId === householdId)

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  }, 180_000)
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('records a met visit from Today in 4 taps: 去走访, 见到本人, a phrase, 保存', async () => {
    const { page } = phone
    await login(page, server.url, 'demo-worker-1')
    db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    await page.goto(`${server.url}/`)
    // A household visited before, so the form has its context to show.
    const row = dueRows(page).filter({ hasNotText: '从未走访' }).first()
    await row.waitFor({ timeout: 30_000 })
    taps = 0
    await tap(row.getByRole('link', { name: '去走访' }).or(row.getByRole('button', { name: '去走访' })).first())
    await page.waitForURL('**/visits/new')
    const householdId = new URL(page.url()).pathname.split('/')[2]!
    await page.locator('[data-testid="visit-context"]').waitFor()
    expect(await page.locator('[data-testid="context-days"]').innerText()).toMatch(/距上次走访 \d+ 天|今天走访过/)
    const before = await visits(page, householdId)

    await tap(page.locator('[data-testid="outcome-met"]'))
    const chip = page.locator('[data-testid="phrases-seen"] [data-testid="phrase-chip"]').first()
    const phrase = await chip.innerText()
    await tap(chip)
    expect(await page.locator('textarea[name="seen"]').inputValue()).toBe(phrase)
    await screenshot(page, 'visit-form-context-chips')
    await tap(page.locator('[data-testid="save"]'))
    await page.waitForURL(`**/households/${householdId}`)

    expect(taps).toBeLessThanOrEqual(4)
    const added = (await visits(page, householdId)).filter((v) => !before.some((b) => b.id === v.id))
    expect(added).toMatchObject([{ outcome: 'met', seen: phrase }])
    expect(phone.errors).toEqual([])
  }, 240_000)

  it("records 家中无人 in 2 taps from Today's due list: an attempt on the household page, still due on Today", async () => {
    const { page } = phone
    await page.goto(`${server.url}/`)
    const row = dueRows(page).first()
    await row.waitFor({ timeout: 30_000 })
    const name = (await row.locator('.today__name').innerText()).trim()
    const households = () => readStore<{ id: string; lastVisitAt: string | null }>(page, db, 'households')

    taps = 0
    await tap(row.getByRole('link', { name: '去走访' }).or(row.getByRole('button', { name: '去走访' })).first())
    await page.waitForURL('**/visits/new')
    const householdId = new URL(page.url()).pathname.split('/')[2]!
    await page.locator('[data-testid="visit-context"]').waitFor()
    const lastVisitBefore = (await households()).find((h) => h.id === householdId)?.lastVisitAt
    await tap(page.locator('[data-testid="outcome-not-home"]'))
    await page.waitForURL(`**/households/${householdId}`)
    expect(taps).toBe(2)

    await expect.poll(() => page.locator('.van-toast').innerText().catch(() => ''), { timeout: 10_000 }).toContain('已记下：家中无人')
    const tag = page.locator('[data-testid="timeline-item"] [data-testid="outcome-tag"][data-outcome="not-home"]')
    await expect.poll(() => tag.count(), { timeout: 15_000 }).toBe(1)
    await screenshot(page, 'visit-attempt-saved')
    const attempt = (await visits(page, householdId)).find((v) => v.outcome === 'not-home')
    expect(attempt).toMatchObject({ seen: '', asked: '', done: '', nextVisitOn: null })
    const lastVisitAfter = (await households()).find((h) => h.id === householdId)?.lastVisitAt
    expect(lastVisitAfter).toBe(lastVisitBefore)
    await page.locator('[data-testid="timeline-item"]').filter({ has: page.locator('[data-outcome="not-home"]') }).click()
    await page.waitForURL(`**/visits/${attempt!.id}`)
    await expect.poll(() => page.locator('[data-testid="visit-outcome"]').innerText()).toContain('家中无人')
    expect(await page.locator('[data-testid="visit-outcome"]').innerText()).toContain('只算尝试，不算完成走访')
    await screenshot(page, 'visit-attempt-page')

    await page.goto(`${server.url}/`)
    await expect.poll(async () => (await dueRows(page).allInnerTexts()).some((t) => t.includes(name)), { timeout: 15_000 }).toBe(true)
    expect(phone.errors).toEqual([])
  }, 120_000)

  it('edits her phrases in a small sheet; the form reads in 长辈版 too', async () => {
    const { page } = phone
    await page.goto(`${server.url}/`)
    const row = dueRows(page).first()
    await row.waitFor({ timeout: 30_000 })
    await row.getByRole('link', { name: '去走访' }).or(row.getByRole('button', { name: '去走访' })).first().click()
    await page.waitForURL('**/visits/new')
    await page.locator('[data-testid="phrases-edit-done"]').click()
    const sheet = page.locator('[data-testid="phrase-sheet"]')
    await sheet.waitFor()
    await sheet.locator('[data-testid="phrase-new"]').fill('帮忙联系了物业修灯')
    await sheet.locator('[data-testid="phrase-add"]').click()
    expect(await sheet.locator('[data-testid="phrase-row"]').first().innerText()).toContain('帮忙联系了物业修灯')
    await screenshot(page, 'visit-phrase-sheet')
    await sheet.locator('[data-testid="phrase-done"]').click()
    const first = page.locator('[data-testid="phrases-done"] [data-testid="phrase-chip"]').first()
    await expect.poll(() => first.innerText()).toBe('帮忙联系了物业修灯')

    await page.evaluate(() => localStorage.setItem('gridsister.elderMode', '1'))
    await page.reload()
    await page.locator('[data-testid="visit-context"]').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    await screenshot(page, 'visit-form-elder')
    await page.evaluate(() => localStorage.removeItem('gridsister.elderMode'))
    expect(phone.errors).toEqual([])
  }, 120_000)
})
