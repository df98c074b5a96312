import { maskIdNumber, maskPhone, NEEDS_TEMPLATE, VISIT_METHODS } from '@/shared'
import type { MonthlyReport } from './monthly-report'

/**
 * Turns a monthly report into plain tables (one per spreadsheet sheet or CSV file).
 * Names are kept; phone and ID numbers are always masked, as the field catalogue masks
 * them (src/shared/field-catalogue.ts): a full number is only ever revealed online, one
 * record at a time, audited. Totals rows are the dashboard's own figures.
 */

export type Cell = string | number
export interface ExportSheet {
  /** Sheet name (≤ 31 characters, Excel's limit). */
  name: string
  title: string
  header: string[]
  rows: Cell[][]
  totals: Cell[] | null
}

export type Translate = (key: string, named?: Record<string, unknown>) => string

export interface ExportOptions {
  t: Translate
  locale: 'zh-CN' | 'en'
  communityName: string
}

const day = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : '')

/** The coverage sheet: one row per grid, then the community total. */
export function coverageSheet(r: MonthlyReport, o: ExportOptions): ExportSheet {
  const { t } = o
  const cells = (row: MonthlyReport['coverage']['total']): Cell[] => [
    row.households, row.keyHouseholds, row.visited30, row.visited90, row.overdue, ...VISIT_METHODS.map((m) => row.byMethod[m]),
  ]
  return {
    name: t('supervisor.export.sheet.coverage'),
    title: t('supervisor.export.reportTitle', { community: o.communityName, month: r.month }),
    header: ['grid', 'worker', 'households', 'keyHouseholds', 'visited30', 'visited90', 'overdue'].map((k) => t(`supervisor.coverage.col.${k}`))
      .concat(VISIT_METHODS.map((m) => t(`supervisor.method.${m}`))),
    rows: r.coverage.grids.map((g) => [g.label, r.gridWorkers.get(g.key) ?? '', ...cells(g)]),
    totals: [t('supervisor.export.total'), '', ...cells(r.coverage.total)],
  }
}

/** The ledger sheet: every wish, newest first. */
export function ledgerSheet(r: MonthlyReport, o: ExportOptions): ExportSheet {
  const { t } = o
  const phone = (p: string | null) => (p ? maskPhone(p) : '')
  const gridName = new Map(r.coverage.grids.map((g) => [g.key, g.label]))
  return {
    name: t('supervisor.export.sheet.ledger'),
    title: t('supervisor.export.ledgerTitle', { community: o.communityName, month: r.month }),
    header: ['createdAt', 'grid', 'headName', 'headPhone', 'title', 'category', 'state', 'claimant', 'claimantPhone', 'daysOpen', 'stale']
      .map((k) => t(`supervisor.ledger.col.${k}`)),
    rows: r.ledger.rows.map((w) => {
      const h = r.households.get(w.householdId)
      return [day(w.createdAt), gridName.get(w.gridId) ?? '', h?.headName ?? '', phone(h?.phone ?? null), w.title,
        t(`supervisor.category.${w.category}`), t(`supervisor.wishState.${w.state}`), w.claimant ?? '', phone(w.claimantPhone),
        w.daysOpen, w.staleClaim ? t('supervisor.export.yes') : '']
    }),
    totals: [t('supervisor.export.total'), '', '', '', r.ledger.rows.length, '', '', '', '', '', r.ledger.staleClaims],
  }
}

/** Month counts by category plus the funnel. */
export function categorySheet(r: MonthlyReport, o: ExportOptions): ExportSheet {
  const { t } = o
  const f = r.ledger.funnel
  return {
    name: t('supervisor.export.sheet.categories'),
    title: t('supervisor.export.categoriesTitle', { month: r.month }),
    header: [t('supervisor.ledger.col.category'), t('supervisor.ledger.registeredInMonth'), t('supervisor.ledger.fulfilledInMonth')],
    rows: [
      ...r.ledger.byCategory.map((c) => [t(`supervisor.category.${c.category}`), c.registered, c.fulfilled]),
      [t('supervisor.ledger.funnel.registered'), f.registered, ''],
      [t('supervisor.ledger.funnel.claimed'), f.claimed, ''],
      [t('supervisor.ledger.funnel.fulfilled'), f.fulfilled, ''],
    ],
    totals: [t('supervisor.export.total'), r.ledger.byCategory.reduce((s, c) => s + c.registered, 0), r.ledger.byCategory.reduce((s, c) => s + c.fulfilled, 0)],
  }
}

/** Needs: households per domain and level, community-wide. */
export function needsSheet(r: MonthlyReport, o: ExportOptions): ExportSheet {
  const { t } = o
  const lang = o.locale === 'en' ? 'en' : 'zh'
  return {
    name: t('supervisor.export.sheet.needs'),
    title: t('supervisor.export.needsTitle', { month: r.month }),
    header: [t('supervisor.needs.domain'), ...NEEDS_TEMPLATE.levels.map((l) => l[lang])],
    rows: NEEDS_TEMPLATE.domains.map((d) => [d.label[lang], ...r.needs.total.domains[d.key]!]),
    totals: [t('supervisor.needs.assessed'), r.needs.total.assessed, '', '', ''],
  }
}

/** Overdue key households, with the head's masked ID number. */
export function overdueSheet(r: MonthlyReport, o: ExportOptions): ExportSheet {
  const { t } = o
  const gridName = new Map(r.coverage.grids.map((g) => [g.key, g.label]))
  return {
    name: t('supervisor.export.sheet.overdue'),
    title: t('supervisor.export.overdueTitle', { month: r.month }),
    header: ['grid', 'headName', 'idNumber', 'phone', 'address', 'keyGroups', 'cadence', 'lastVisit', 'daysOverdue'].map((k) => t(`supervisor.overdue.col.${k}`)),
    rows: r.coverage.overdue.map((x) => {
      const h = r.households.get(x.householdId)
      const id = r.heads.get(x.householdId)?.idNumber ?? ''
      const ph = h?.phone ?? ''
      return [gridName.get(x.gridId) ?? '', x.headName, maskIdNumber(id), maskPhone(ph), x.address,
        x.keyGroups.map((g) => t(`supervisor.keyGroup.${g}`)).join('、'), x.cadenceDays, day(x.lastVisitAt), x.daysOverdue ?? t('supervisor.overdue.never')]
    }),
    totals: [t('supervisor.export.total'), r.coverage.overdue.length, '', '', '', '', '', '', ''],
  }
}

/** All sheets of the monthly report workbook. */
export function monthlyReportSheets(r: MonthlyReport, o: ExportOptions): ExportSheet[] {
  return [coverageSheet(r, o), categorySheet(r, o), needsSheet(r, o), overdueSheet(r, o), ledgerSheet(r, o)]
}
