import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { syntheticId, writeRegisterXlsx, type RegisterHousehold } from '../../sync-server/import/roster-write'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { ROOT } from '../helpers/e2e/build'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The administrator's console in real Chromium over the demo community, at 1280×800 and
 * 390×844: she creates a grid with estates and buildings, a worker, assigns the grid,
 * imports a register (the dry run flags an estate no grid lists; she adds it to the grid
 * and dry-runs again, then imports), the worker's phone receives the households on its
 * sync, and after checking the worker's upload watermark the admin reassigns the grid,
 * then disables and re-enables the account.
 */

const shots = join(ROOT, '.tmp/e2e-screenshots')
/** The pictures the README shows (refreshed in docs/ with GRIDSISTER_DOCS_SCREENSHOTS=1); the rest stay in .tmp. */
const DOCS = new Set(['admin-import-dryrun-desktop', 'admin-reassign-watermark-desktop'])
async function shoot(page: Page, name: string): Promise<void> {
  // A toast of the step before would cover what the picture is for.
  await page.locator('.van-toast').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined)
  if (DOCS.has(name)) {
    await screenshot(page, name)
    return
  }
  mkdirSync(shots, { recursive: true })
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(250)
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

function register(): RegisterHousehold[] {
  const person = (name: string, relation: string, sex: string, born: string, seq: number, groups = '') => ({
    name, relation, sex, born, id: syntheticId('610631', born.replace(/[年月.]/g, '-').replace('日', ''), seq, sex === '男'), phone: '', groups,
  })
  return [
    { estate: '新华小区', building: '1', unit: '1', door: '101', persons: [person('周玉兰', '户主', '女', '1948-02-03', 1, '独居老人')] },
    { estate: '新华小区', building: '1', unit: '1', door: '102', persons: [person('吴建平', '户主', '男', '1970-05-06', 2, '待业'), person('吴小雨', '女儿', '女', '2012-09-01', 3, '留守儿童')] },
    { estate: '新华小区', building: '2', unit: '1', door: '201', persons: [person('郑淑珍', '户主', '女', '1955-11-12', 4, '肢体残疾二级')] },
    { estate: '红星小区', building: '3', unit: '2', door: '301', persons: [person('冯德明', '户主', '男', '1950-01-20', 5, '空巢老人')] },
  ]
}

const byTest = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`)

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, suffix: '-desktop' },
  { name: 'phone', viewport: { width: 390, height: 844 }, suffix: '' },
]

describe.each(SIZES)('administrator console at $name size', ({ viewport, suffix }) => {
  let server: RunningServer
  let admin: Phone
  let worker: Phone
  let page: Page

  beforeAll(async () => {
    server = await startServer()
    admin = await launchPhone({ viewport })
    page = admin.page
  }, 120_000)
  afterAll(async () => {
    await worker?.close()
    await admin?.close()
    await server?.stop()
  })

  it('lands the admin on the console and creates a grid with estates and buildings', async () => {
    await login(page, server.url, 'demo-admin')
    await page.waitForURL(/\/admin\/places$/)
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('第一网格')
    await shoot(page, `admin-places${suffix}`)
    await byTest(page, 'ad-nav-overview').click()
    await expect.poll(() => byTest(page, 'ad-overview').innerText(), { timeout: 20_000 }).toContain('城东社区')
    await shoot(page, `admin-overview${suffix}`)
    await byTest(page, 'ad-nav-places').click()
    await byTest(page, 'ad-grid-new').click()
    await byTest(page, 'ad-grid-name').fill('第五网格')
    await byTest(page, 'ad-grid-code').fill('CD-05')
    await byTest(page, 'ad-grid-estates').fill('新华小区')
    await byTest(page, 'ad-grid-buildings-新华小区').fill('1栋 2栋 3栋')
    await byTest(page, 'ad-grid-save').click()
    await expect.poll(() => byTest(page, 'ad-grid-第五网格').innerText(), { timeout: 15_000 }).toContain('3栋')
  }, 90_000)

  it('creates a worker and assigns her the new grid', async () => {
    await byTest(page, 'ad-nav-accounts').click()
    await byTest(page, 'ad-user-new').click()
    await byTest(page, 'ad-user-username').fill('chen-xy')
    await byTest(page, 'ad-user-password').fill('chen-password-1')
    await byTest(page, 'ad-user-name').fill('陈晓燕')
    await byTest(page, 'ad-user-phone').fill('13991234567')
    await byTest(page, 'ad-user-save').click()
    await byTest(page, 'ad-user-chen-xy').waitFor({ timeout: 15_000 })
    await shoot(page, `admin-accounts${suffix}`)
    await byTest(page, 'ad-nav-assign').click()
    await byTest(page, 'ad-assign-第五网格').locator('select').selectOption({ label: '陈晓燕' })
    await byTest(page, 'ad-assign-ok').click()
    await expect.poll(() => byTest(page, 'ad-map-chen-xy').innerText(), { timeout: 15_000 }).toContain('第五网格')
    await shoot(page, `admin-assign${suffix}`)
  }, 60_000)

  it('imports a register: the dry run flags an unknown estate, she adds it to the grid, then imports', async () => {
    await byTest(page, 'ad-nav-import').click()
    await byTest(page, 'ad-import-file').setInputFiles({ name: '新华社区台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await writeRegisterXlsx(register()) })
    await expect.poll(() => byTest(page, 'ad-import-errors').innerText(), { timeout: 20_000 }).toContain('1 行有错误')
    expect(await byTest(page, 'ad-import-report').innerText()).toContain('红星小区')
    expect(await byTest(page, 'ad-import-all').isDisabled()).toBe(true)
    await byTest(page, 'ad-import-report').scrollIntoViewIfNeeded()
    await shoot(page, `admin-import-dryrun${suffix}`)
    // The fix: the estate belongs to the new grid.
    await byTest(page, 'ad-nav-places').click()
    await byTest(page, 'ad-grid-edit-第五网格').click()
    await byTest(page, 'ad-grid-estates').fill('新华小区\n红星小区')
    await byTest(page, 'ad-grid-save').click()
    await expect.poll(() => byTest(page, 'ad-grid-第五网格').innerText(), { timeout: 15_000 }).toContain('红星小区')
    await byTest(page, 'ad-nav-import').click()
    await byTest(page, 'ad-import-dry').click()
    await expect.poll(() => byTest(page, 'ad-import-errors').innerText(), { timeout: 20_000 }).toBe('没有错误')
    await byTest(page, 'ad-import-all').click()
    await expect.poll(() => byTest(page, 'ad-import-done').innerText(), { timeout: 20_000 }).toContain('新建住户 4，成员 5')
    await shoot(page, `admin-import-done${suffix}`)
  }, 90_000)

  it("puts the households on the worker's phone at her sync; she records a visit that goes up", async () => {
    worker = await launchPhone()
    const w = worker.page
    await login(w, server.url, 'chen-xy', 'chen-password-1')
    // A password an admin set must be changed at the first login (issue 16).
    await w.waitForURL((u) => u.pathname === '/password')
    await byTest(w, 'password-current').locator('input').fill('chen-password-1')
    await byTest(w, 'password-next').locator('input').fill('Lantern-harbor-42')
    await byTest(w, 'password-again').locator('input').fill('Lantern-harbor-42')
    await byTest(w, 'password-submit').click()
    await w.waitForURL((u) => u.pathname !== '/password')
    await w.goto(`${server.url}/`)
    await expect.poll(() => w.locator('[data-testid="sync-last"]').innerText(), { timeout: 60_000 }).not.toContain('还没有同步过')
    await w.locator('.tab-bar__item', { hasText: '住户' }).click()
    await expect.poll(() => byTest(w, 'household-count').innerText(), { timeout: 20_000 }).toContain('4')
    await shoot(w, `admin-worker-households${suffix}`)
    await byTest(w, 'household-row').first().click()
    await byTest(w, 'action-visit').click()
    await w.locator('textarea[name="seen"]').fill('老人身体不错，家里整洁。')
    await byTest(w, 'save').click()
    await byTest(w, 'timeline-item').first().waitFor({ timeout: 15_000 })
    await w.goto(`${server.url}/`)
    await expect.poll(() => byTest(w, 'sync-last').innerText(), { timeout: 60_000 }).not.toContain('还没有同步过')
    await expect.poll(() => byTest(w, 'sync-pending').innerText(), { timeout: 60_000 }).toBe('全部已上传')
  }, 180_000)

  it("reassigns the grid after showing the worker's upload watermark", async () => {
    await byTest(page, 'ad-nav-assign').click()
    await byTest(page, 'ad-assign-第五网格').locator('select').selectOption({ label: '王秀梅' })
    const confirm = byTest(page, 'ad-assign-confirm')
    await expect.poll(() => confirm.innerText(), { timeout: 15_000 }).toContain('最近成功上传')
    expect(await confirm.innerText()).toContain('全部已上传')
    await shoot(page, `admin-reassign-watermark${suffix}`)
    await byTest(page, 'ad-assign-ok').click()
    await expect.poll(() => byTest(page, 'ad-map-demo-worker-1').innerText(), { timeout: 15_000 }).toContain('第五网格')
    expect(await byTest(page, 'ad-map-chen-xy').innerText()).not.toContain('第五网格')
  }, 60_000)

  it('disables and re-enables the worker', async () => {
    await byTest(page, 'ad-nav-accounts').click()
    const card = byTest(page, 'ad-user-chen-xy')
    await card.locator('[data-testid="ad-user-disable"]').click()
    await expect.poll(() => byTest(page, 'ad-disable-confirm').innerText(), { timeout: 15_000 }).toContain('设备')
    await byTest(page, 'ad-disable-ok').click()
    await expect.poll(() => card.locator('[data-testid="ad-user-status"]').innerText(), { timeout: 15_000 }).toBe('已停用')
    await shoot(page, `admin-accounts-disabled${suffix}`)
    await card.locator('[data-testid="ad-user-enable"]').click()
    await expect.poll(() => card.locator('[data-testid="ad-user-status"]').innerText(), { timeout: 15_000 }).toBe('在用')
    for (const p of ['places', 'assign', 'import', 'overview'] as const) {
      await byTest(page, `ad-nav-${p}`).click()
      await page.waitForTimeout(300)
      await shoot(page, `admin-${p}-end${suffix}`)
    }
    expect(admin.errors.filter((e) => !e.includes('favicon'))).toEqual([])
  }, 90_000)
})
