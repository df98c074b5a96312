import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Mutation } from '@/shared'
import { generatedJpeg, launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDatabases, readStore, storedPhotoSize } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The grid worker's day in a stairwell with no signal (issue 2, "Done means"): she logs
 * in once online and her households arrive; then, offline, the app still opens from a
 * reload, she finds a household, records a visit with a photo, registers a wish and
 * fills an assessment; after another reload everything is still there and waits in the
 * outbox. Every check reads what the page shows AND what IndexedDB really holds.
 */

interface StoredHousehold {
  id: string
  headName: string
  deleted: boolean
}
const SEEN = '老人在家，精神不错，楼道灯坏了'
const ASKED = '希望有人帮忙修楼道灯'
const DONE = '已联系物业，三天内修好'
const WISH = '想请志愿者上门理发'

async function outbox(page: Page, db: string): Promise<Mutation[]> {
  const rows = await readStore<{ seq: number; mutation: Mutation }>(page, db, 'outbox')
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.mutation)
}

async function metaValue(page: Page, db: string, key: string): Promise<unknown> {
  const rows = await readStore<{ key: string; value: unknown }>(page, db, 'meta')
  return rows.find((r) => r.key === key)?.value
}

/** The number in the sync bar's "N 条待上传" (0 when all is sent). */
async function shownPending(page: Page): Promise<number> {
  const text = await page.locator('[data-testid="sync-pending"]').innerText()
  return Number(/(\d+)/.exec(text)?.[1] ?? 0)
}

describe('worker offline journey', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page
  let db: string
  let target: StoredHousehold

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('first load online: she logs in, her households arrive, the service worker takes over', async () => {
    await login(page, server.url, 'demo-worker-1')
    await waitForServiceWorkerControl(page)
    await expect.poll(async () => (await deviceDatabases(page)).length, { timeout: 20_000 }).toBe(1)
    db = (await deviceDatabases(page))[0]!
    // The first sync has finished when it recorded its success time.
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 60_000 }).toBeTruthy()
    const households = (await readStore<StoredHousehold>(page, db, 'households')).filter((h) => !h.deleted)
    expect(households.length).toBeGreaterThan(100)
    // With records on the phone, the app asked the browser to keep them (storage.persist).
    await expect.poll(() => metaValue(page, db, 'persistRequested'), { timeout: 15_000 }).toBe(true)
    // A household whose name is unique among hers, so a search finds exactly one.
    const counts = new Map<string, number>()
    for (const h of households) counts.set(h.headName, (counts.get(h.headName) ?? 0) + 1)
    target = households.find((h) => counts.get(h.headName) === 1)!
    expect(target).toBeDefined()
    expect(await outbox(page, db)).toEqual([])
    await page.goto(server.url)
    await expect.poll(() => page.locator('[data-testid="sync-last"]').innerText()).not.toContain('还没有同步过')
    await screenshot(page, 'today')

    // Chromium offered installation (beforeinstallprompt): the settings page shows the button.
    await page.locator('.tab-bar__item', { hasText: '我的' }).click()
    await page.waitForURL('**/settings')
    await page.locator('[data-testid="install-button"]').waitFor({ timeout: 20_000 })
    expect(await page.locator('[data-testid="install-button"]').innerText()).toBe('安装到桌面')
    await screenshot(page, 'settings-install')
    await page.locator('.tab-bar__item', { hasText: '今日' }).click()
    await page.waitForURL((url) => url.pathname === '/')
  }, 180_000)

  it('offline: a reload still opens the app, from the service worker', async () => {
    await phone.context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await page.locator('[data-testid="sync-bar"]').waitFor()
    await expect.poll(() => page.locator('main').innerText()).toContain('您好')
  })

  it('offline: she finds the household by searching its name', async () => {
    await page.locator('.tab-bar__item', { hasText: '住户' }).click()
    await page.waitForURL('**/households')
    await page.locator('[data-testid="household-search"] input').fill(target.headName)
    const rows = page.locator('[data-testid="household-row"]')
    await expect.poll(() => rows.count()).toBe(1)
    // On a loaded machine the row can be counted before its text is drawn.
    await expect.poll(() => rows.first().innerText()).toContain(target.headName)
    await screenshot(page, 'households-search')
    await rows.first().click()
    await page.waitForURL(`**/households/${target.id}`)
    await expect.poll(() => page.locator('main').innerText()).toContain(target.headName)
  })

  it('offline: she records a visit with a photo', async () => {
    await page.locator('[data-testid="action-visit"]').click()
    await page.waitForURL(`**/households/${target.id}/visits/new`)
    await page.locator('textarea[name="seen"]').fill(SEEN)
    await page.locator('textarea[name="asked"]').fill(ASKED)
    await page.locator('textarea[name="done"]').fill(DONE)
    await page.locator('.chip', { hasText: '养老保险' }).first().click()
    const jpeg = await generatedJpeg(page)
    await page.locator('[data-testid="photo-input"]').setInputFiles({ name: 'stairwell.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.locator('[data-testid="photo-thumb"]').waitFor({ timeout: 20_000 })
    await screenshot(page, 'visit-new')
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    await expect.poll(() => page.locator('[data-testid="timeline-item"][data-kind="visit"]').first().innerText()).toContain('楼道灯')
  })

  it('offline: she registers a wish', async () => {
    await page.locator('[data-testid="action-wish"]').click()
    await page.waitForURL(`**/households/${target.id}/wishes/new`)
    await page.locator('textarea[name="title"]').fill(WISH)
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(/\/wishes\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.locator('main').innerText()).toContain(WISH)
    await screenshot(page, 'wish-registered')
  })

  it('offline: she fills a needs assessment', async () => {
    await page.goBack()
    await page.waitForURL(`**/households/${target.id}`)
    await page.locator('[data-testid="action-assessment"]').click()
    await page.waitForURL(`**/households/${target.id}/assessments/new`)
    const health = page.locator('section.domain').nth(2)
    await health.locator('.chip').nth(2).click()
    await page.locator('section.domain').first().locator('.chip').nth(1).click()
    await screenshot(page, 'assessment-new')
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    await expect.poll(() => page.locator('[data-testid="timeline-item"][data-kind="assessment"]').count()).toBeGreaterThan(0)
  })

  it('offline, after a reload: everything is still there and waits in the outbox', async () => {
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    const timeline = page.locator('[data-testid="timeline-item"]')
    await expect.poll(() => timeline.allInnerTexts(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('楼道灯'), expect.stringContaining('理发')]),
    )
    await screenshot(page, 'household-offline')

    const pending = await outbox(page, db)
    const mine = pending.filter((m) => 'householdId' in m.args && m.args.householdId === target.id)
    expect(pending.map((m) => m.name)).toEqual(expect.arrayContaining(['visit.create', 'wish.create', 'assessment.put']))
    const visit = mine.find((m) => m.name === 'visit.create')
    expect(visit?.args).toMatchObject({ seen: SEEN, asked: ASKED, done: DONE, policies: ['pension-insurance'] })
    const photo = visit?.name === 'visit.create' ? visit.args.photos[0] : undefined
    expect(photo?.mime).toBe('image/jpeg')
    // The compressed photo is stored on the device, waiting for its own upload queue.
    expect(await storedPhotoSize(page, db, photo!.sha256)).toBe(photo!.size)
    expect(mine.find((m) => m.name === 'wish.create')?.args).toMatchObject({ title: WISH, state: 'registered' })
    expect(pending.some((m) => m.name === 'assessment.put' && m.args.patch.householdId === target.id)).toBe(true)

    // The sync bar tells her how many changes wait, and it is the outbox's count.
    await page.goto(`${server.url}/`)
    await expect.poll(() => shownPending(page), { timeout: 15_000 }).toBe(pending.length)
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).not.toContain('正在加载')
    await screenshot(page, 'today-offline-pending')
  })
})
