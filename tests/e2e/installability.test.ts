import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installabilityErrors, launchPhone, waitForServiceWorkerControl, type Phone } from '../helpers/e2e/browser'
import { screenshot } from '../helpers/e2e/screenshot'
import { startServer, type RunningServer } from '../helpers/e2e/server'

/**
 * The installed app: Chromium finds nothing stopping installation (manifest, icons,
 * service worker), and once the service worker has precached the shell, a cold reload
 * with no network at all still opens the app, served by the service worker.
 */
describe('installed and offline app shell', () => {
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

  it('serves a manifest in Chinese whose icons all load', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`)
    expect(res.ok).toBe(true)
    const manifest = (await res.json()) as {
      name: string
      lang: string
      display: string
      theme_color: string
      icons: { src: string; sizes: string; purpose?: string }[]
    }
    expect(manifest).toMatchObject({ name: '格子姐姐', lang: 'zh-CN', display: 'standalone', theme_color: '#d9363e' })
    expect(manifest.icons.map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ''}`).sort()).toEqual([
      '192x192',
      '512x512',
      '512x512 maskable',
    ])
    for (const icon of [...manifest.icons.map((i) => i.src), '/apple-touch-icon.png', '/favicon.svg']) {
      const r = await fetch(`${server.url}${icon}`)
      expect(r.status, icon).toBe(200)
    }
  })

  it('is installable: Page.getInstallabilityErrors returns none', async () => {
    const { page, context } = phone
    await page.goto(server.url)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => installabilityErrors(context, page), { timeout: 15_000 }).toEqual([])
  })

  it('opens from the service worker after a reload with no network', async () => {
    const { page, context } = phone
    const title = await page.title()
    const online = await page.locator('#app').innerText()
    expect(online.length).toBeGreaterThan(0)
    await context.setOffline(true)
    try {
      const response = await page.reload({ waitUntil: 'load' })
      expect(response?.fromServiceWorker()).toBe(true)
      expect(await page.title()).toBe(title)
      // The app itself draws again (JS and CSS came from the precache, not the network).
      await expect.poll(() => page.locator('#app').innerText(), { timeout: 15_000 }).toContain('格子姐姐')
      await screenshot(page, 'offline-cold-start')
      // A network request of the API fails instead of being answered from a cache.
      const api = await page.evaluate(() => fetch('/api/health').then((r) => r.status, () => 'failed'))
      expect(api).toBe('failed')
    } finally {
      await context.setOffline(false)
    }
    // Offline, failed requests are expected; anything else (a CSP violation, a crash) is not.
    expect(phone.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
  })
})
