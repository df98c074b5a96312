import type { Page } from 'playwright-core'

/**
 * Measures a screen against the MIIT 适老化 numbers in the real browser: every visible
 * element that holds text has a computed font size of at least 18 px and a line height of
 * at least 1.3 × that size; every visible interactive element offers a tap area of at
 * least 60 × 60 px (its own box, or the box its absolutely placed ::after spreads to).
 * Returns one line per offender, naming it by a readable selector.
 */

export interface ElderLimits {
  minFont: number
  minLineRatio: number
  minTap: number
}

export const MIIT: ElderLimits = { minFont: 18, minLineRatio: 1.3, minTap: 60 }

export function elderOffenders(page: Page, limits: ElderLimits = MIIT): Promise<string[]> {
  return page.evaluate((limits) => {
    const INTERACTIVE =
      'a[href], button, input:not([type="hidden"]), textarea, select, [role="button"], [role="link"], [role="tab"], [role="switch"], [role="checkbox"], [role="radio"], [role="option"], [role="menuitem"], [tabindex]:not([tabindex="-1"])'
    const selector = (el: Element): string => {
      const parts: string[] = []
      for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
        const testid = e.getAttribute('data-testid')
        const cls = [...e.classList].filter((c) => !c.startsWith('data-v')).slice(0, 2).map((c) => `.${c}`).join('')
        parts.unshift(`${e.tagName.toLowerCase()}${testid ? `[data-testid="${testid}"]` : ''}${cls}`)
        if (testid) break
      }
      return parts.join(' > ')
    }
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && !el.closest('[aria-hidden="true"], [inert]')
    }
    /** The tap area: the box, or the ::after box that an absolutely placed pseudo element spreads to. */
    const tapArea = (el: Element): { w: number; h: number } => {
      const r = el.getBoundingClientRect()
      const after = getComputedStyle(el, '::after')
      if (after.content === 'none' || after.position !== 'absolute') return { w: r.width, h: r.height }
      const px = (v: string) => (v.endsWith('px') ? parseFloat(v) : 0)
      return {
        w: Math.max(r.width, r.width - px(after.left) - px(after.right), parseFloat(after.width) || 0),
        h: Math.max(r.height, r.height - px(after.top) - px(after.bottom), parseFloat(after.height) || 0),
      }
    }
    const out: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.closest('svg, canvas')) continue
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
      const s = getComputedStyle(el)
      if (hasText || el.matches('input, textarea, select')) {
        const size = parseFloat(s.fontSize)
        // 'normal' is about 1.2 × the size in Chinese fonts: below the limit, so it counts as an offence.
        const line = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight)
        if (size < limits.minFont) out.push(`font ${size}px < ${limits.minFont}px: ${selector(el)} "${el.textContent!.trim().slice(0, 20)}"`)
        // Chromium draws a <select> on one line whatever its line-height (it stays 'normal'): its height is the target's.
        else if (line < size * limits.minLineRatio - 0.01 && el.tagName !== 'SELECT') out.push(`line-height ${s.lineHeight} < ${limits.minLineRatio} × ${size}px: ${selector(el)}`)
      }
      if (el.matches(INTERACTIVE) && !(el as HTMLInputElement).disabled) {
        const { w, h } = tapArea(el)
        if (w < limits.minTap - 0.5 || h < limits.minTap - 0.5) out.push(`target ${Math.round(w)}×${Math.round(h)} < ${limits.minTap}×${limits.minTap}: ${selector(el)}`)
      }
    }
    return out
  }, limits)
}
