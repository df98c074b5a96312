import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDatabases, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { ROOT } from '../helpers/e2e/build'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The supervisor's workspace in real Chromium over the demo community: she signs in and
 * lands on her review queue; every page draws with real figures at phone size
 * (390×844) and on a desktop browser (1280×800); the monthly workbook downloads and
 * opens, masked; a worker who types a supervisor address is sent back to her Today.
 */

const PAGES = ['review', 'coverage', 'ledger', 'needs', 'map', 'conflicts', 'export', 'audit'] as const
/** The pictures the README shows (refreshed in docs/ with GRIDSISTER_DOCS_SCREENSHOTS=1); the rest stay in .tmp. */
const DOCS = new Set(['supervisor-review', 'supervisor-ledger', 'supervisor-map', 'supervisor-coverage-desktop', 'supervisor-needs-desktop'])

async function shoot(page: Page, name: string): Promise<void> {
  if (DOCS.has(name)) {
    await screenshot(page, name)
    return
  }
  mkdirSync(join(ROOT, '.tmp/e2e-screenshots'), { recursive: true })
  await page.screenshot({ path: join(ROOT, '.tmp/e2e-screenshots', `${name}.png`) })
}

async function metaValue(page: Page, db: string, key: string): Promise<unknown> {
  const rows = await readStore<{ key: string; value: unknown }>(page, db, 'meta')
  return rows.find((r) => r.key === key)?.value
}

describe('supervisor workspace screens', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('signs in to the review queue and receives her whole community', async () => {
    await login(page, server.url, 'demo-supervisor')
    await page.waitForURL(/\/supervisor\/review$/)
    await expect.poll(async () => (await deviceDatabases(page)).length, { timeout: 20_000 }).toBe(1)
    const db = (await deviceDatabases(page))[0]!
    await expect.poll(() => metaValue(page, db, 'lastSyncAt'), { timeout: 90_000 }).toBeTruthy()
    const grids = await readStore<{ id: string }>(page, db, 'grids')
    expect(grids).toHaveLength(4)
    await expect.poll(() => page.locator('li.review-item').count(), { timeout: 20_000 }).toBeGreaterThan(5)
  }, 180_000)

  it('draws every page at 390×844 and at 1280×800', async () => {
    for (const size of [{ width: 390, height: 844, suffix: '' }, { width: 1280, height: 800, suffix: '-desktop' }]) {
      await page.setViewportSize({ width: size.width, height: size.height })
      for (const p of PAGES) {
        await page.locator(`[data-testid="sv-nav-${p}"]`).click()
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(`/supervisor/${p}`)
        await page.waitForTimeout(p === 'coverage' || p === 'ledger' || p === 'needs' ? 900 : 300)
        await shoot(page, `supervisor-${p}${size.suffix}`)
      }
    }
    expect(phone.errors.filter((e) => !e.includes('favicon'))).toEqual([])
  }, 120_000)

  it('shows coverage figures and the overdue list', async () => {
    await page.goto(`${server.url}/supervisor/coverage`)
    await expect.poll(() => page.locator('[data-testid="overdue-total"]').innerText(), { timeout: 20_000 }).toMatch(/^\d+$/)
    expect(Number(await page.locator('[data-testid="overdue-total"]').innerText())).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="coverage-table"] tbody tr').count()).toBe(4)
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(2)
  })

  it('downloads the monthly workbook, masked, and it opens', async () => {
    await page.goto(`${server.url}/supervisor/export`)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('[data-testid="export-monthly-xlsx"]').click()])
    expect(download.suggestedFilename()).toMatch(/^城东社区-\d{4}-\d{2}-月报\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer)
    expect(wb.worksheets.map((w) => w.name)).toContain('民生台账')
    const overdue = wb.getWorksheet('逾期重点户')!
    const phones: string[] = []
    overdue.eachRow((row, n) => { if (n > 2) phones.push(String(row.getCell(4).value ?? '')) })
    expect(phones.filter((p) => /^\d{11}$/.test(p))).toEqual([])
    await page.goto(`${server.url}/supervisor/report/print`)
    await expect.poll(() => page.locator('.print__section').count(), { timeout: 20_000 }).toBe(4)
    await screenshot(page, 'supervisor-report-print-desktop')
  }, 60_000)

  it('sends a worker who types a supervisor address back to her Today screen', async () => {
    const worker = await launchPhone()
    try {
      await login(worker.page, server.url, 'demo-worker-1')
      await worker.page.goto(`${server.url}/supervisor/coverage`)
      await worker.page.waitForURL((u) => u.pathname === '/', { timeout: 20_000 })
      expect(await worker.page.locator('.sv-nav').count()).toBe(0)
    } finally {
      await worker.close()
    }
  }, 90_000)
})
