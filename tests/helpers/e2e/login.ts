import type { Page } from 'playwright-core'

/** The password of every demo account (the demo community seeded at first start). */
export const DEMO_PASSWORD = 'gridsister-demo'

/** Signs in through the login screen and waits until the app has left it. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.locator('[data-testid="login-username"] input').fill(username)
  await page.locator('[data-testid="login-password"] input').fill(password)
  await page.locator('[data-testid="login-submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 })
}
