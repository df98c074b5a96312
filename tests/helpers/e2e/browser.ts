import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/**
 * A phone in real headless Chromium (the machine's /usr/bin/chromium; never a
 * downloaded browser): 390×844, zh-CN, touch. A persistent context, because Chromium
 * never grants installability to an incognito one and because a phone keeps its
 * IndexedDB and service worker across reloads.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface Phone {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught page errors seen so far. */
  errors: string[]
  /** The Chromium profile directory (what the phone keeps on disk). */
  userDataDir: string
  close: () => Promise<void>
}

export interface LaunchPhoneOptions {
  locale?: string
  viewport?: { width: number; height: number }
  /** Another browser's user agent (an in-app browser such as WeChat's). */
  userAgent?: string
  /**
   * Lets the test inject inline scripts the app's CSP would refuse (axe-core's source,
   * tests/helpers/e2e/axe.ts). Off by default: every other journey runs under the real CSP.
   */
  bypassCSP?: boolean
}

export async function launchPhone(options: LaunchPhoneOptions = {}): Promise<Phone> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gridsister-phone-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 390, height: 844 },
    locale: options.locale ?? 'zh-CN',
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
  })
  // A CSP violation the page swallows (a caught `new Function`) logs nothing by itself:
  // reported as a console error, it counts among the page's errors like any other.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    ),
  )
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  return {
    context,
    page,
    errors,
    userDataDir,
    close: async () => {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Waits until a service worker controls the page (it precached the app shell). */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 90_000): Promise<void> {
  // A plain predicate: waitForFunction treats a returned promise as truthy.
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
    timeout: timeoutMs,
    polling: 250,
  })
}

/** Installability errors Chromium reports for the page (none: the app can be installed). */
export async function installabilityErrors(context: BrowserContext, page: Page): Promise<unknown[]> {
  const cdp = await context.newCDPSession(page)
  try {
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[]
    }
    return installabilityErrors
  } finally {
    await cdp.detach()
  }
}

/** A small JPEG drawn by the page's own canvas (a photo taken in a stairwell, roughly). */
export async function generatedJpeg(page: Page, width = 640, height = 480): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const g = canvas.getContext('2d')!
      const grad = g.createLinearGradient(0, 0, width, height)
      grad.addColorStop(0, '#d9363e')
      grad.addColorStop(1, '#f5d0a9')
      g.fillStyle = grad
      g.fillRect(0, 0, width, height)
      g.fillStyle = '#fff'
      g.font = '48px sans-serif'
      g.fillText('入户走访', 40, height / 2)
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg', 0.9))
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let binary = ''
      for (const b of bytes) binary += String.fromCharCode(b)
      return btoa(binary)
    },
    { width, height },
  )
  return Buffer.from(base64, 'base64')
}
