import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { DIST } from '../helpers/e2e/build'
import { deviceDatabases, readStore } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * An app update arrives while the worker is typing a visit: the new version waits, the
 * prompt asks her to save first and cannot reload; once she saved, one tap reloads into
 * the new version, and what she saved is still there. The server serves a copy of
 * dist/; a new release is simulated by changing the bytes of that copy's sw.js.
 */
describe('update prompt', () => {
  let server: RunningServer
  let phone: Phone
  let page: Page
  let staticDir: string
  let householdId: string
  const SEEN = '正在填写：老人说腿疼，需要'

  const prompt = () => page.locator('[data-testid="update-prompt"]')
  const reloadButton = () => page.locator('[data-testid="update-reload"]')

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'gridsister-static-'))
    cpSync(DIST, staticDir, { recursive: true })
    server = await startServer({ env: { GRIDSISTER_STATIC_DIR: staticDir } })
    phone = await launchPhone()
    page = phone.page
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
    rmSync(staticDir, { recursive: true, force: true })
  })

  it('never reloads over a half-typed visit, and reloads into the new version once it is saved', async () => {
    await login(page, server.url, 'demo-worker-1')
    await waitForServiceWorkerControl(page)
    const db = (await deviceDatabases(page))[0]!
    await expect
      .poll(async () => (await readStore<{ id: string }>(page, db, 'households')).length, { timeout: 60_000 })
      .toBeGreaterThan(0)
    householdId = (await readStore<{ id: string }>(page, db, 'households'))[0]!.id

    await page.goto(`${server.url}/households/${householdId}/visits/new`)
    await page.locator('textarea[name="seen"]').fill(SEEN)

    // A new release lands on the server; the open app notices it.
    appendFileSync(join(staticDir, 'sw.js'), '\n// e2e: the next release\n')
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    await prompt().waitFor({ timeout: 30_000 })
    expect(await prompt().innerText()).toContain('请先保存')
    expect(await reloadButton().isDisabled()).toBe(true)
    await screenshot(page, 'update-waits-for-save')
    // Still the same page, with her text: nothing reloaded.
    expect(await page.locator('textarea[name="seen"]').inputValue()).toBe(SEEN)

    await page.locator('[data-testid="save"]').click()
    await page.waitForURL(`**/households/${householdId}`)
    await expect.poll(() => prompt().innerText()).toContain('有新版本')
    expect(await reloadButton().isDisabled()).toBe(false)

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), reloadButton().click()])
    await waitForServiceWorkerControl(page)
    expect(await prompt().count()).toBe(0)
    // The waiting version took over (none waits any more), and the visit saved before the update is there.
    const registration = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      return { waiting: Boolean(reg?.waiting), controlled: Boolean(navigator.serviceWorker.controller) }
    })
    expect(registration).toEqual({ waiting: false, controlled: true })
    await expect
      .poll(() => page.locator('[data-testid="timeline-item"][data-kind="visit"]').first().innerText(), { timeout: 15_000 })
      .toContain('腿疼')
  }, 240_000)
})
