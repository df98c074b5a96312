import type { Page } from 'playwright-core'

/**
 * In-page probes for the phone benchmark. Times are the page's own performance.now()
 * (milliseconds since its navigation started), taken at the first animation frame after
 * the awaited element appeared: what a person would see.
 */

declare global {
  interface Window {
    __gsShownAt?: number
    __gsKeyAt?: number | null
  }
}

/** Before navigating: note when `selector` first appears and a frame has been drawn. */
export async function watchFirstRender(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel: string) => {
    const check = () => {
      if (window.__gsShownAt !== undefined || !document.querySelector(sel)) return false
      window.__gsShownAt = -1
      requestAnimationFrame(() => {
        window.__gsShownAt = performance.now()
      })
      return true
    }
    new MutationObserver((_m, obs) => {
      if (check()) obs.disconnect()
    }).observe(document, { childList: true, subtree: true })
  }, selector)
}

/** Waits for the watched render; returns its time since navigation start (ms). */
export async function firstRenderMs(page: Page): Promise<number> {
  await page.waitForFunction(() => (window.__gsShownAt ?? -1) > 0, undefined, { timeout: 120_000, polling: 50 })
  return page.evaluate(() => window.__gsShownAt as number)
}

/** Records the time of the next keystroke (keydown, or beforeinput for typed text). */
export async function armKeystroke(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__gsKeyAt = null
    const mark = (e: Event) => {
      window.__gsKeyAt ??= e.timeStamp
    }
    document.addEventListener('keydown', mark, { capture: true, once: true })
    document.addEventListener('beforeinput', mark, { capture: true, once: true })
  })
}

/**
 * After a keystroke: waits until the text of `selector` differs from `before`, then a
 * frame; returns keystroke → drawn result in ms, or null when nothing changed in 2 s.
 */
export function keystrokeToChange(page: Page, selector: string, before: string): Promise<number | null> {
  return page.evaluate(
    ({ selector, before }) =>
      new Promise<number | null>((resolve) => {
        const el = document.querySelector(selector)
        const done = () =>
          requestAnimationFrame(() => {
            const at = window.__gsKeyAt
            resolve(at == null ? null : performance.now() - at)
          })
        if (!el) return resolve(null)
        if (el.textContent !== before) return done()
        const obs = new MutationObserver(() => {
          if (el.textContent !== before) {
            obs.disconnect()
            clearTimeout(timer)
            done()
          }
        })
        const timer = setTimeout(() => {
          obs.disconnect()
          resolve(null)
        }, 2000)
        obs.observe(el, { childList: true, subtree: true, characterData: true })
      }),
    { selector, before },
  )
}
