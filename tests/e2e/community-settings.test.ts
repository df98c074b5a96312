import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The community's own settings (issue 18) from the supervisor's screen to a worker's
 * Today, in real Chromium over a real server: the supervisor adds a common phrase and a
 * community date (a repeated phrase is refused in Chinese); her phone syncs; the
 * worker's phone signs in, receives them, and Today names the date before 元旦.
 */

const DECEMBER = new Date(2026, 11, 7, 9, 0)

/** axe-core's critical and serious findings on the page as it is (rule id: where). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP refuses an injected <script>.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))
  const found = await page.evaluate(async () => {
    type Found = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (context: object) => Promise<Found> } }).axe
    // The demo server's 演示 badge is not part of this screen (nor of a production server).
    return (await axe.run({ exclude: [['.demo-badge']] })).violations.map((v) => ({ id: v.id, impact: v.impact, at: v.nodes.map((n) => n.target.join(' ')) }))
  })
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.at.join(', ')}`)
}

async function outboxEmpty(page: Page): Promise<boolean> {
  return (await readStore(page, await deviceDb(page), 'outbox')).length === 0
}

describe('community settings journey', () => {
  let server: RunningServer
  let supervisor: Phone
  let worker: Phone

  beforeAll(async () => {
    server = await startServer()
    supervisor = await launchPhone({ viewport: { width: 1280, height: 800 } })
    worker = await launchPhone()
  })
  afterAll(async () => {
    await supervisor?.close()
    await worker?.close()
    await server?.stop()
  })

  it('the supervisor adds a phrase and a community date, and her phone sends them', async () => {
    const { page } = supervisor
    await page.clock.setFixedTime(DECEMBER)
    await login(page, server.url, 'demo-supervisor')
    await page.waitForURL(/\/supervisor\/review$/)
    await page.locator('[data-testid="sv-nav-community"]').click()
    await page.waitForURL(/\/supervisor\/community$/)
    const seen = page.locator('[data-testid="phrases-seen"]')
    await seen.locator('[data-testid="phrase-input"]').fill('老人精神很好，家中整洁')
    await seen.locator('[data-testid="phrase-add"]').click()
    await expect.poll(() => seen.locator('[data-testid="phrase-row"]').allInnerTexts()).toEqual([expect.stringContaining('老人精神很好，家中整洁')])
    // The same phrase again: refused with the schema's Chinese reason, nothing added.
    await seen.locator('[data-testid="phrase-input"]').fill('老人精神很好，家中整洁')
    await seen.locator('[data-testid="phrase-add"]').click()
    await expect.poll(() => seen.locator('[data-testid="phrase-error"]').innerText()).toBe('这条常用语已经有了')
    expect(await seen.locator('[data-testid="phrase-row"]').count()).toBe(1)

    await page.locator('[data-testid="date-new"]').click()
    await page.locator('[data-testid="date-name"]').fill('社区邻里节')
    await page.locator('[data-testid="date-month"]').selectOption('12')
    await page.locator('[data-testid="date-day"]').selectOption('15')
    await page.locator('[data-testid="date-prepare"]').fill('提前一周通知各楼栋，请老人下楼聚聚')
    await page.locator('[data-testid="date-save"]').click()
    await expect.poll(() => page.locator('[data-testid="community-date-row"]').innerText()).toContain('每年 12 月 15 日')
    await expect.poll(() => outboxEmpty(page), { timeout: 60_000 }).toBe(true)
    await screenshot(page, 'supervisor-community-desktop')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'supervisor-community')
    expect(await seriousAxeViolations(page)).toEqual([])
    // The date form as she fills it on a phone.
    await page.locator('[data-testid="date-new"]').click()
    await page.locator('[data-testid="date-form"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'supervisor-community-date-form')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(supervisor.errors).toEqual([])
  }, 180_000)

  it("the worker's phone receives them and Today names the community date first, with what to prepare", async () => {
    const { page } = worker
    await page.clock.setFixedTime(DECEMBER)
    await login(page, server.url, 'demo-worker-1')
    const rows = page.locator('[data-testid="festival-row"]')
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(2)
    const first = await rows.first().innerText()
    expect(first).toContain('社区邻里节')
    expect(first).toContain('8 天后')
    expect(await rows.first().locator('[data-testid="festival-prepare"]').innerText()).toBe('提前一周通知各楼栋，请老人下楼聚聚')
    expect(await rows.nth(1).innerText()).toContain('元旦')
    const stored = await readStore<{ seen?: string[] }>(page, await deviceDb(page), 'communitySettings')
    expect(stored.map((s) => s.seen)).toEqual([['老人精神很好，家中整洁']])
    // The picture after the first sync, as she sees Today every morning.
    await expect.poll(async () => metaValue(page, await deviceDb(page), 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    await rows.first().scrollIntoViewIfNeeded()
    await screenshot(page, 'today-community-date')
    // The supervisor's phrase is among the chips of her visit form, offline-ready.
    const [household] = await readStore<{ id: string; deleted: boolean }>(page, await deviceDb(page), 'households')
    await page.goto(`${server.url}/households/${household!.id}/visits/new`)
    const chips = page.locator('[data-testid="phrases-seen"] [data-testid="phrase-chip"]')
    await expect.poll(() => chips.allInnerTexts(), { timeout: 30_000 }).toContain('老人精神很好，家中整洁')
    await page.goto(`${server.url}/`)
    // And in 长辈版 (larger text and targets): the same two days.
    await page.evaluate(() => localStorage.setItem('gridsister.elderMode', '1'))
    await page.reload()
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2)
    await rows.first().scrollIntoViewIfNeeded()
    await screenshot(page, 'today-community-date-elder')
    expect(worker.errors).toEqual([])
  }, 180_000)
})
