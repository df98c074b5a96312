import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 19: a link shared in a WeChat group opens in WeChat's own browser, where her
 * records are not safe. Before she signs in, GridSister guides her to open it in the
 * phone's browser; in that browser, the login page tells her how to install it.
 */

const WECHAT =
  'Mozilla/5.0 (Linux; Android 12; ANA-AN00 Build/HUAWEIANA-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5049 MMWEBSDK/20230303 MMWEBID/1234 MicroMessenger/8.0.34.2340(0x2800225D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64'
const HUAWEI_BROWSER = 'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/13.0.5.302 Mobile Safari/537.36'

describe('opened where her records are safe', () => {
  let server: RunningServer
  const phones: Phone[] = []

  beforeAll(async () => {
    server = await startServer()
  }, 120_000)
  afterAll(async () => {
    for (const p of phones) await p.close()
    await server?.stop()
  })

  it('in WeChat, the open-in-browser guide comes before any sign-in form', async () => {
    const phone = await launchPhone({ userAgent: WECHAT })
    phones.push(phone)
    const page = phone.page
    await page.goto(`${server.url}/`)
    await page.waitForURL('**/login')
    const guide = page.locator('[data-testid="in-app-guide"]')
    await guide.waitFor({ timeout: 20_000 })
    expect(await guide.innerText()).toContain('请在手机浏览器中打开格子姐姐')
    expect(await page.locator('[data-testid="in-app-step"]').innerText()).toBe('点右上角的“⋯”，再选“在浏览器打开”。')
    expect(await page.locator('[data-testid="login-username"]').count()).toBe(0)
    await screenshot(page, 'login-wechat-guide')
    await page.locator('[data-testid="in-app-stay"]').click()
    await page.locator('[data-testid="login-username"]').waitFor()
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource/.test(e))).toEqual([])
  }, 120_000)

  it("in the phone's browser, the login page gives install steps, hers first", async () => {
    const phone = await launchPhone({ userAgent: HUAWEI_BROWSER })
    phones.push(phone)
    const page = phone.page
    await page.goto(`${server.url}/login`)
    await page.locator('[data-testid="login-install"] summary').click()
    const first = page.locator('[data-testid="install-steps"] li').first()
    expect(await first.getAttribute('data-browser')).toBe('huawei')
    expect(await first.innerText()).toContain('您正在用的浏览器')
    await page.locator('[data-testid="login-install"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'login-install-steps')
  }, 120_000)
})
