import type { Directive } from 'vue'

/**
 * `v-card-labels` on a `.sv-table`: copies each column's header onto its cells as
 * `data-label`, so on a phone the table can be drawn as one card per row with every
 * value named (the CSS is in SupervisorLayout) instead of scrolling sideways.
 */
function label(table: HTMLTableElement): void {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '')
  for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
    ;[...row.children].forEach((cell, i) => cell.setAttribute('data-label', heads[i] ?? ''))
  }
}

export const vCardLabels: Directive<HTMLTableElement> = { mounted: label, updated: label }
