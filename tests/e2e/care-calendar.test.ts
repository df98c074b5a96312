import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The care calendar on Today (issue 18, "Done means": Today in December naming 元旦):
 * with the phone's clock in late December, the festival section names 元旦 with what to
 * prepare and the key groups it is for, drawn from the built-in table (no library load).
 */
describe('care calendar on Today', () => {
  let server: RunningServer
  let phone: Phone

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
  })
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('in December Today names 元旦 with what to prepare', async () => {
    const { page } = phone
    await page.clock.setFixedTime(new Date(2026, 11, 20, 9, 0))
    await login(page, server.url, 'demo-worker-1')
    const row = page.locator('[data-testid="festival-row"]')
    await row.first().waitFor({ timeout: 30_000 })
    expect(await row.count()).toBe(1)
    const text = await row.innerText()
    expect(text).toContain('元旦')
    expect(text).toContain('12 天后')
    expect(await row.locator('[data-testid="festival-prepare"]').innerText()).toContain('年终走访困难家庭')
    expect(text).toContain('孤寡老人')
    await row.scrollIntoViewIfNeeded()
    await screenshot(page, 'today-care-calendar')
    expect(phone.errors).toEqual([])
  }, 180_000)
})
