import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { DEMO_PASSWORD, login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 16 in the real browser against the real server (demo mode): the 演示 marker on
 * every screen, an admin's reset forcing the worker to the change-password screen before
 * anything else (the shared rule refusing a weak password there), and the supervisor's
 * 审计日志 showing who did what.
 */
const NEW_BY_ADMIN = 'temp-lamp-river-42'
const HER_OWN = '青石巷口的老槐树'

async function api<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

describe('accounts and audit', () => {
  let server: RunningServer
  let worker: Phone
  let sup: Phone

  beforeAll(async () => {
    server = await startServer()
    worker = await launchPhone()
    sup = await launchPhone({ viewport: { width: 1280, height: 800 } })
  })
  afterAll(async () => {
    await worker?.close()
    await sup?.close()
    await server?.stop()
  })

  it('forces the worker to change a password an admin reset, refusing a weak one', async () => {
    const admin = await api<{ token: string }>(server.url, '/api/auth/login', { username: 'demo-admin', password: DEMO_PASSWORD })
    const users = await (await fetch(`${server.url}/api/admin/users`, { headers: { authorization: `Bearer ${admin.token}` } })).json() as { id: string; username: string }[]
    const target = users.find((u) => u.username === 'demo-worker-1')!
    await api(server.url, `/api/admin/users/${target.id}/password`, { newPassword: NEW_BY_ADMIN }, admin.token)

    const page = worker.page
    await login(page, server.url, 'demo-worker-1', NEW_BY_ADMIN)
    await page.waitForURL((u) => u.pathname === '/password')
    await expect.poll(() => page.locator('[data-testid="password-forced"]').isVisible()).toBe(true)
    await expect.poll(() => page.locator('[data-testid="demo-badge"]').textContent()).toBe('演示')
    // Nothing else opens.
    await page.goto(`${server.url}/households`)
    await page.waitForURL((u) => u.pathname === '/password')

    await page.locator('[data-testid="password-current"] input').fill(NEW_BY_ADMIN)
    await page.locator('[data-testid="password-next"] input').fill('password1')
    await page.locator('[data-testid="password-again"] input').fill('password1')
    await page.locator('[data-testid="password-submit"]').click()
    await expect.poll(() => page.locator('[data-testid="password-error"]').textContent()).toContain('太常见')
    await screenshot(page, 'password-forced')

    await page.locator('[data-testid="password-next"] input').fill(HER_OWN)
    await page.locator('[data-testid="password-again"] input').fill(HER_OWN)
    await page.locator('[data-testid="password-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/settings')
    await expect.poll(() => page.locator('[data-testid="change-password"]').isVisible()).toBe(true)
    await screenshot(page, 'settings-change-password')
    await page.goto(`${server.url}/households`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/households')
    await expect.poll(() => page.locator('[data-testid="demo-badge"]').isVisible()).toBe(true)
    expect((await api<{ token: string }>(server.url, '/api/auth/login', { username: 'demo-worker-1', password: HER_OWN })).token).toBeTruthy()
  })

  it('shows the supervisor who reset and changed which password, and when', async () => {
    const page = sup.page
    await login(page, server.url, 'demo-supervisor')
    await page.goto(`${server.url}/supervisor/audit`)
    await page.locator('[data-testid="audit-table"]').waitFor({ timeout: 30_000 })
    await page.getByRole('radio', { name: '密码', exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="audit-row"]').allTextContents()).toEqual([
      expect.stringMatching(/王秀梅修改密码/),
      expect.stringMatching(/贺淑敏重置密码王秀梅/),
    ])
    await page.locator('[data-testid="audit-action"]').getByRole('radio', { name: '全部', exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="audit-row"]').count()).toBeGreaterThan(3)
    await expect.poll(() => page.locator('[data-testid="demo-badge"]').isVisible()).toBe(true)
    await screenshot(page, 'supervisor-audit')
  })
})
