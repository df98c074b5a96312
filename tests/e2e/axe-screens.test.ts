import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeFindings, formatFindings, type AxeFinding } from '../helpers/e2e/axe'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * axe-core on every screen of the worker and of the supervisor, over the demo community,
 * in normal mode and in elder mode (长辈版): no critical and no serious finding anywhere.
 * The worker at 390×844; the supervisor at 390×844 and at 1280×800. Every finding is
 * printed with its screen, its rule and the offending selectors.
 */

type Mode = 'normal' | 'elder'
const MODES: Mode[] = ['normal', 'elder']
// 'community' is the supervisor's 社区设置 screen.
const SUPERVISOR_SCREENS = ['review', 'coverage', 'map', 'ledger', 'needs', 'conflicts', 'export', 'audit', 'community'] as const
/** Screens also kept as pictures (.tmp/e2e-screenshots/a11y-*), for a person to look at in both modes. */
const SHOTS = new Set(['today', 'households', 'visit form', 'review', 'coverage', 'detail'])

/** Waits until the page has drawn its data (no loading spinner), then lets transitions end. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.load-state .van-loading, .van-loading--circular'), undefined, { timeout: 20_000 }).catch(() => undefined)
  await page.waitForTimeout(400)
}

async function setMode(page: Page, mode: Mode): Promise<void> {
  await page.evaluate((on) => {
    localStorage.setItem('gridsister.elderMode', on ? '1' : '0')
    // The one-time 长辈版 offer is answered: these screens are checked without it on top.
    localStorage.setItem('gridsister.elderOffered', '1')
  }, mode === 'elder')
}

/** Opens each path in turn and records axe's findings under `<label>`. */
async function audit(page: Page, base: string, paths: Record<string, string>, suffix: string, out: Record<string, AxeFinding[]>): Promise<void> {
  for (const [name, path] of Object.entries(paths)) {
    await page.goto(`${base}${path}`)
    await settled(page)
    const found = await axeFindings(page)
    if (found.length) out[`${name} ${suffix} ${path}`] = found
    if (SHOTS.has(name)) await screenshot(page, `a11y-${name.replace(' ', '-')}-${suffix.replace(' ', '-')}`)
  }
}

describe('axe-core on every screen', () => {
  let server: RunningServer
  let phone: Phone

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone({ bypassCSP: true })
  }, 180_000)
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('finds nothing critical or serious on the worker screens, normal and elder mode', async () => {
    const page = phone.page
    const found: Record<string, AxeFinding[]> = {}
    for (const mode of MODES) {
      await page.goto(`${server.url}/login`)
      await setMode(page, mode)
      await audit(page, server.url, { login: '/login' }, mode, found)
    }
    await login(page, server.url, 'demo-worker-1')
    const db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    const first = async (store: string) => (await readStore<{ id: string; deleted?: boolean }>(page, db, store)).find((r) => !r.deleted)?.id
    const [household, visit, wish, assessment] = await Promise.all(['households', 'visits', 'wishes', 'assessments'].map(first))
    if (!household || !visit || !wish || !assessment) throw new Error('the demo community lacks a household, visit, wish or assessment')
    const home = (await readStore<{ id: string; address: { estate: string; building: string } }>(page, db, 'households')).find((h) => h.id === household)!
    const building = `/building?${new URLSearchParams({ estate: home.address.estate, building: home.address.building })}`
    const paths = {
      today: '/',
      households: '/households',
      building,
      household: `/households/${household}`,
      'new household': '/households/new',
      'visit form': `/households/${household}/visits/new`,
      visit: `/visits/${visit}`,
      wishes: '/wishes',
      wish: `/wishes/${wish}`,
      'new assessment': `/households/${household}/assessments/new`,
      assessment: `/assessments/${assessment}`,
      settings: '/settings',
      sync: '/sync',
    }
    for (const mode of MODES) {
      await setMode(page, mode)
      await audit(page, server.url, paths, mode, found)
    }
    expect(formatFindings(found)).toBe('')
  }, 600_000)

  it('finds nothing critical or serious on the supervisor screens, phone and desktop, normal and elder mode', async () => {
    // A phone of her own, as a supervisor has.
    await phone.close()
    phone = await launchPhone({ bypassCSP: true })
    const page = phone.page
    await login(page, server.url, 'demo-supervisor')
    const db = await deviceDb(page)
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 120_000 }).toBeTruthy()
    await page.locator('li.review-item button').first().click()
    await page.waitForURL(/\/supervisor\/review\/[^/]+\/[^/]+$/)
    const detail = new URL(page.url()).pathname
    const paths: Record<string, string> = { detail, reports: '/supervisor/report/print' }
    for (const s of SUPERVISOR_SCREENS) paths[s] = `/supervisor/${s}`
    const found: Record<string, AxeFinding[]> = {}
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size)
      for (const mode of MODES) {
        await setMode(page, mode)
        await audit(page, server.url, paths, `${mode} ${size.width}`, found)
      }
    }
    expect(formatFindings(found)).toBe('')
  }, 600_000)
})
