import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * axe-core in a journey's page: its source comes from node_modules (a devDependency,
 * nothing downloaded) and is injected as an inline script, so the phone must be launched
 * with `bypassCSP` (the app's CSP allows only its own scripts). Only the critical and
 * serious findings are returned: those are what the e2e suite holds at zero.
 */

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding {
  id: string
  impact: string
  help: string
  /** One line per offending element: its selector and axe's summary of what to fix. */
  nodes: string[]
}

interface AxeWindow {
  axe?: {
    run: (context: Document, options: object) => Promise<{
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[]
    }>
  }
}

/** Runs axe (WCAG 2.x A/AA and best practice) on the page as it stands; returns critical and serious findings. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as AxeWindow).axe
    if (!axe) throw new Error('axe-core did not load (was the phone launched with bypassCSP?)')
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
      }))
  })
}

/** The findings of several screens as readable text (empty when there are none). */
export function formatFindings(byScreen: Record<string, AxeFinding[]>): string {
  const lines: string[] = []
  for (const [screen, findings] of Object.entries(byScreen)) {
    for (const f of findings) {
      lines.push(`[${screen}] ${f.impact} ${f.id}: ${f.help}`)
      for (const n of f.nodes.slice(0, 6)) lines.push(`    ${n}`)
      if (f.nodes.length > 6) lines.push(`    … and ${f.nodes.length - 6} more`)
    }
  }
  return lines.join('\n')
}
