import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { launchPhone, type Phone } from '../helpers/e2e/browser'
import { deviceDb, metaValue } from '../helpers/e2e/idb'
import { login } from '../helpers/e2e/login'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * Issue 19: the first sync on a weak signal never tells her false things. A new phone
 * signs in over a throttled link (CDP network emulation); a watcher in the page notes
 * every moment Today shows one of the sentences that would be false before her data is
 * there ("重点户都按时走访过了", "近 7 天没有重点人员过生日", "从未走访") or a due row,
 * while the first sync is not done. Midway the link drops: Today says the download broke
 * off and resumes by itself; when the link is back it says it resumes, and finishes.
 */

const FALSE_SENTENCES = ['重点户都按时走访过了', '近 7 天没有重点人员过生日', '从未走访']
/** A weak mobile link: 1 Mbit/s down, 300 ms round trips. */
const SLOW = { offline: false, latency: 300, downloadThroughput: 125_000, uploadThroughput: 60_000 }

declare global {
  interface Window {
    __falseSeen: string[]
    __linesSeen: string[]
  }
}

async function watchToday(page: Page, sentences: string[]): Promise<void> {
  await page.addInitScript((sentences: string[]) => {
    window.__falseSeen = []
    window.__linesSeen = []
    const check = () => {
      const today = document.querySelector('main.today')
      if (!today) return
      const line = document.querySelector('[data-testid="first-sync-line"]')?.textContent ?? ''
      if (line && window.__linesSeen.at(-1) !== line) window.__linesSeen.push(line)
      if (today.getAttribute('data-first-sync') === 'done') return
      const text = today.textContent ?? ''
      for (const s of sentences) if (text.includes(s)) window.__falseSeen.push(s)
      if (today.querySelector('[data-testid="due-row"], [data-testid="birthday-row"], [data-testid="returned-row"]')) window.__falseSeen.push('a row')
    }
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  }, sentences)
}

const line = (page: Page) => page.locator('[data-testid="first-sync-line"]').innerText().catch(() => '')

describe('first sync on a weak signal', () => {
  let server: RunningServer
  let phone: Phone
  let cdp: CDPSession

  beforeAll(async () => {
    server = await startServer()
    phone = await launchPhone()
    cdp = await phone.context.newCDPSession(phone.page)
    await cdp.send('Network.enable')
  }, 120_000)
  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('shows 正在下载 x / y 条, never a false sentence, breaks off, resumes and says so', async () => {
    const page = phone.page
    await watchToday(page, FALSE_SENTENCES)
    await cdp.send('Network.emulateNetworkConditions', SLOW)
    await login(page, server.url, 'demo-worker-1')
    const db = await deviceDb(page)
    await expect.poll(() => line(page), { timeout: 90_000 }).toMatch(/^正在下载 \d+ \/ \d+ 条$/)
    const [, done, total] = /(\d+) \/ (\d+)/.exec(await line(page))!.map(Number)
    expect(total).toBeGreaterThan(done!)
    await screenshot(page, 'first-sync-downloading')

    await cdp.send('Network.emulateNetworkConditions', { ...SLOW, offline: true })
    await expect.poll(() => line(page), { timeout: 60_000 }).toMatch(/^下载中断了：已下载 \d+ \/ \d+ 条$/)
    expect(await page.locator('[data-testid="first-sync"]').innerText()).toContain('有信号后会自动接着下载')
    await screenshot(page, 'first-sync-interrupted')

    await cdp.send('Network.emulateNetworkConditions', SLOW)
    await expect.poll(() => line(page), { timeout: 60_000 }).toMatch(/^上次下载中断了，正在接着下载 \d+ \/ \d+ 条$/)
    await screenshot(page, 'first-sync-resuming')

    await expect.poll(() => page.locator('main.today').getAttribute('data-first-sync'), { timeout: 240_000 }).toBe('done')
    expect(await metaValue(page, db, 'firstSync')).toMatchObject({ complete: true, total })
    await expect.poll(() => page.locator('[data-testid="due-row"]').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await screenshot(page, 'first-sync-done')
    expect(await page.evaluate(() => window.__falseSeen)).toEqual([])
    const lines = await page.evaluate(() => window.__linesSeen)
    // The count only grows, and the total stays what the server first said.
    const counts = lines.flatMap((l) => /(\d+) \/ (\d+)/.exec(l)?.slice(1).map(Number) ?? []).filter((_, i) => i % 2 === 0)
    expect([...counts].sort((a, b) => a - b)).toEqual(counts)
    expect(phone.errors.filter((e) => !/favicon|Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
  }, 420_000)
})
