import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation, Visit } from '@/shared'
import { generatedJpeg, launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, outboxMutations, readStore, storedPhotoSize } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 15, finding 4, in real Chromium against the real server: worker 1 records a
 * visit with a photo on phone A, which syncs it; on phone B (the same worker, another
 * browser) the photo comes down by itself after the records, and shows with no network;
 * the supervisor's device downloads it as well.
 */

const SEEN = '老人在家，阳台的晾衣架坏了'

describe('a photo on a second phone', () => {
  let server: RunningServer
  let a: Phone
  let b: Phone
  let sup: Phone
  let visit: Visit

  beforeAll(async () => {
    server = await startServer()
    a = await launchPhone()
    b = await launchPhone()
    sup = await launchPhone({ viewport: { width: 1280, height: 800 } })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await sup?.close()
    await server?.stop()
  })

  it('phone A records a visit with a photo and sends both', async () => {
    const page = a.page
    await login(page, server.url, 'demo-worker-1')
    const adb = await deviceDb(page)
    await expect.poll(() => metaValue(page, adb, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    const target = (await readStore<{ id: string; deleted: boolean }>(page, adb, 'households')).find((h) => !h.deleted)!
    await page.goto(`${server.url}/households/${target.id}/visits/new`)
    await page.locator('textarea[name="seen"]').fill(SEEN)
    const jpeg = await generatedJpeg(page)
    await page.locator('[data-testid="photo-input"]').setInputFiles({ name: 'balcony.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.locator('[data-testid="photo-thumb"]').waitFor({ timeout: 20_000 })
    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${target.id}`)
    const sent = (await outboxMutations<Mutation>(page, adb)).find((m) => m.name === 'visit.create')
    if (sent?.name !== 'visit.create') throw new Error('the visit is not in the outbox')
    visit = sent.args
    expect(visit.photos).toHaveLength(1)
    await page.goto(`${server.url}/`)
    await page.locator('[data-testid="sync-bar"]').click()
    const uploaded = async () => (await readStore<{ sha256: string; uploaded: number }>(page, adb, 'photos')).find((p) => p.sha256 === visit.photos[0]!.sha256)?.uploaded
    await expect.poll(uploaded, { timeout: 90_000 }).toBe(1)
    expect(await outboxMutations(page, adb)).toEqual([])
  }, 240_000)

  it('phone B syncs, the photo comes down by itself, and shows with no network', async () => {
    const page = b.page
    const sha = visit.photos[0]!.sha256
    await login(page, server.url, 'demo-worker-1')
    const bdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, bdb, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    await expect.poll(() => storedPhotoSize(page, bdb, sha), { timeout: 90_000 }).toBe(visit.photos[0]!.size)
    await waitForServiceWorkerControl(page)

    await b.context.setOffline(true)
    await page.goto(`${server.url}/visits/${visit.id}`).catch(() => undefined)
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain(SEEN)
    const img = page.locator('img[data-testid="visit-photo"]')
    await img.waitFor({ timeout: 20_000 })
    expect(await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(640)
    await screenshot(page, 'photo-second-phone-visit')

    await page.goto(`${server.url}/settings`).catch(() => undefined)
    const usage = page.locator('[data-testid="photo-usage"]')
    await expect.poll(() => usage.innerText(), { timeout: 20_000 }).toMatch(/照片 1 张 · \d+ KB \/ 200 MB/)
    await usage.scrollIntoViewIfNeeded()
    await screenshot(page, 'photo-second-phone-settings')
  }, 240_000)

  it("the supervisor's device downloads it too", async () => {
    const page = sup.page
    await login(page, server.url, 'demo-supervisor')
    const sdb = await deviceDb(page)
    await expect.poll(() => metaValue(page, sdb, 'lastSyncAt'), { timeout: 180_000 }).toBeTruthy()
    await expect.poll(() => storedPhotoSize(page, sdb, visit.photos[0]!.sha256), { timeout: 90_000 }).toBe(visit.photos[0]!.size)
    expect([...a.errors, ...b.errors, ...sup.errors].filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 300_000)
})
