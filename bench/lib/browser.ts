import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/e2e/browser'

/**
 * Fresh devices in real Chromium for the benchmarks: a persistent profile in a new temp
 * dir (an incognito context keeps IndexedDB in memory, which would flatter every
 * figure), a phone viewport, and optionally the throttled mobile link of the issue,
 * applied through CDP's network emulation.
 */

/** The mobile link: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up. */
export const THROTTLED = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }

export type LinkName = 'loopback' | 'throttled'

export interface Device {
  context: BrowserContext
  page: Page
  /** The profile dir (kept across relaunches until `dispose`). */
  dir: string
  close(): Promise<void>
  /** Closes the browser and deletes the profile. */
  dispose(): Promise<void>
}

export interface DeviceOptions {
  /** Reuse a profile dir (a cold start of the same phone); default a new one. */
  dir?: string
  /** Block service workers (to see every request the page makes). */
  blockServiceWorkers?: boolean
}

export async function launchDevice(opts: DeviceOptions = {}): Promise<Device> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gridsister-bench-phone-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers: opts.blockServiceWorkers ? 'block' : 'allow',
  })
  // tsx compiles functions passed to page.evaluate with esbuild's keepNames, which wraps
  // named inner functions in a `__name` helper that only exists in Node.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f' })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(600_000)
  page.on('crash', () => console.error('[bench] the page crashed'))
  page.on('pageerror', (e) => console.error(`[bench] page error: ${e.message}`))
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.info(`[page] ${m.type()}: ${m.text()}`))
  const close = () => context.close()
  return {
    context,
    page,
    dir,
    close,
    async dispose() {
      await close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Puts the page on the throttled link (or back on loopback). */
export async function setLink(device: Device, link: LinkName): Promise<void> {
  const cdp = await device.context.newCDPSession(device.page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    ...(link === 'throttled' ? THROTTLED : { latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
  })
}
