import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './build'

/**
 * Screenshots of journeys. By default they go to .tmp/e2e-screenshots (ignored by git)
 * for a person to look at; with GRIDSISTER_DOCS_SCREENSHOTS=1 they refresh
 * docs/screenshots, which the README shows.
 */
export function screenshotDir(): string {
  return process.env.GRIDSISTER_DOCS_SCREENSHOTS === '1'
    ? join(ROOT, 'docs/screenshots')
    : join(ROOT, '.tmp/e2e-screenshots')
}

/** Saves a screenshot of the viewport as `<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = screenshotDir()
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  // Let data loads, transitions and fonts settle so the picture shows what a person sees.
  await page
    .waitForFunction(() => !document.querySelector('.load-state .van-loading'), undefined, { timeout: 20_000 })
    .catch(() => undefined)
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(200)
  await page.screenshot({ path })
  return path
}
