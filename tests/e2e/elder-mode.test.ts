import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { elderOffenders } from '../helpers/e2e/elder-measure'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * 长辈版 (elder mode) to the MIIT 适老化 numbers, measured in real Chromium at 390×844:
 * offered once after the first sign-in; with it on, on Today, the household list, a
 * household, the visit form and 我的 (and every other worker screen), every visible text
 * is at least 18 px with a line height of at least 1.3, and every visible control offers
 * at least 60 × 60 px to a thumb. The supervisor's screens, on her phone, too (her switch
 * is in 我的).
 */

const hasElderClass = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('elder'))

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.load-state .van-loading'), undefined, { timeout: 20_000 }).catch(() => undefined)
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(300)
}

describe('elder mode (长辈版)', () => {
  let server: RunningServer
  let phone: Phone
  let household: string
  let others: Record<string, string>

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  }, 180_000)
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('is offered once after the first sign-in, and the choice stays', async () => {
    const page = phone.page
    await login(page, server.url, 'demo-worker-1')
    const db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    household = (await readStore<{ id: string; deleted: boolean }>(page, db, 'households')).find((h) => !h.deleted)!.id
    const home = (await readStore<{ id: string; address: { estate: string; building: string } }>(page, db, 'households')).find((h) => h.id === household)!
    // The wish of the household with the shortest head's name: a two-character name is
    // the narrowest link on its page (CI once drew 王芳 40 px wide).
    const shortestNamedWish = async () => {
      const heads = new Map((await readStore<{ id: string; headName: string }>(page, db, 'households')).map((h) => [h.id, h.headName]))
      const wishes = (await readStore<{ id: string; householdId: string; deleted?: boolean }>(page, db, 'wishes')).filter((w) => !w.deleted && heads.has(w.householdId))
      return wishes.sort((a, b) => heads.get(a.householdId)!.length - heads.get(b.householdId)!.length)[0]!.id
    }
    const first = async (store: string) => (await readStore<{ id: string; deleted?: boolean }>(page, db, store)).find((r) => !r.deleted)!.id
    others = { building: `/building?${new URLSearchParams({ estate: home.address.estate, building: home.address.building })}`, wishes: '/wishes', wish: `/wishes/${await shortestNamedWish()}`, visit: `/visits/${await first('visits')}`, assessment: `/assessments/${await first('assessments')}`, 'new-assessment': `/households/${household}/assessments/new`, 'new-household': '/households/new', sync: '/sync', wishnew: `/households/${household}/wishes/new` }
    const offer = page.locator('[data-testid="elder-offer"]')
    await offer.waitFor({ timeout: 20_000 })
    await screenshot(page, 'elder-offer')
    expect(await hasElderClass(page)).toBe(false)
    await page.locator('[data-testid="elder-offer-on"]').click()
    await expect.poll(() => hasElderClass(page)).toBe(true)
    await expect.poll(() => offer.count()).toBe(0)
    await page.reload()
    await settled(page)
    expect(await hasElderClass(page)).toBe(true)
    expect(await offer.count()).toBe(0)
  }, 240_000)

  it('meets 18 px text, 1.3 line height and 60 × 60 targets on every screen of a visit', async () => {
    const page = phone.page
    const screens: Record<string, string> = {
      today: '/',
      households: '/households',
      household: `/households/${household}`,
      'visit-form': `/households/${household}/visits/new`,
      settings: '/settings',
      ...others,
    }
    const offenders: string[] = []
    for (const [name, path] of Object.entries(screens)) {
      await page.goto(`${server.url}${path}`)
      await settled(page)
      await screenshot(page, `elder-${name}`)
      offenders.push(...(await elderOffenders(page)).map((o) => `[${name}] ${o}`))
    }
    expect(offenders.join('\n')).toBe('')
  }, 180_000)

  it('is switched off again in 我的, and normal mode keeps its own sizes', async () => {
    const page = phone.page
    await page.goto(`${server.url}/settings`)
    await page.locator('[data-testid="elder-mode"]').click()
    await expect.poll(() => hasElderClass(page)).toBe(false)
    await page.goto(`${server.url}/`)
    await settled(page)
    expect(await page.locator('[data-testid="elder-offer"]').count()).toBe(0)
    await screenshot(page, 'normal-today')
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(16)
    // The measure is not vacuous: the standard sizes (16 px text, 48 px targets) fall short of it.
    const standard = await elderOffenders(page)
    expect(standard.some((o) => o.startsWith('font '))).toBe(true)
    expect(standard.some((o) => o.startsWith('target '))).toBe(true)
  }, 60_000)

  it('is in a supervisor\'s 我的 too, and her screens meet the same numbers on a phone', async () => {
    const own = await launchPhone()
    try {
      const page = own.page
      await login(page, server.url, 'demo-supervisor')
      const db = await deviceDb(page)
      await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
      // Her desk offers no card (its split layout fills the window): the switch is in 我的.
      expect(await page.locator('[data-testid="elder-offer"]').count()).toBe(0)
      await page.locator('[data-testid="sv-settings"]').click()
      await page.locator('[data-testid="elder-mode"]').click()
      await expect.poll(() => hasElderClass(page)).toBe(true)
      await page.goto(`${server.url}/supervisor/review`)
      await page.locator('li.review-item button').first().click()
      await page.waitForURL(/\/supervisor\/review\/[^/]+\/[^/]+$/)
      const screens = ['review', 'coverage', 'ledger', 'needs', 'map', 'conflicts', 'export', 'audit'].map((s) => `/supervisor/${s}`)
      const offenders: string[] = []
      for (const path of [new URL(page.url()).pathname, ...screens]) {
        await page.goto(`${server.url}${path}`)
        await settled(page)
        await page.waitForTimeout(600)
        offenders.push(...(await elderOffenders(page)).map((o) => `[${path}] ${o}`))
      }
      await screenshot(page, 'elder-supervisor-audit')
      expect(offenders.join('\n')).toBe('')
    } finally {
      await own.close()
    }
  }, 240_000)
})
