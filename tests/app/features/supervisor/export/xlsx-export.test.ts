import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createI18n } from 'vue-i18n'
import { generateDemo } from '../../../../../sync-server/seed/generate-demo'
import { supervisorMessages } from '@/features/supervisor/i18n/messages'
import { buildMonthlyReport } from '@/features/supervisor/reports/monthly-report'
import { monthlyReportSheets } from '@/features/supervisor/reports/export-tables'
import { computeCoverage } from '@/features/supervisor/reports/coverage'
import { computeLedger } from '@/features/supervisor/reports/ledger'
import { sheetsToXlsx } from '@/features/supervisor/export/xlsx-export'
import { sheetToCsv } from '@/features/supervisor/export/csv-export'

const now = new Date('2026-03-15T04:00:00.000Z')
const demo = generateDemo({ now })
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: supervisorMessages })
const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key))
const workerNames = Object.fromEntries(demo.users.map((u) => [u.id, u.displayName]))
const report = buildMonthlyReport({ ...demo, workerNames, now })
const options = { t, locale: 'zh-CN' as const, communityName: demo.community.name }

async function readBack(): Promise<ExcelJS.Workbook> {
  const bytes = await sheetsToXlsx(monthlyReportSheets(report, options), 'test')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  return wb
}

/** Values of a worksheet as plain rows (row 1 is the title, row 2 the header). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const allCells = (wb: ExcelJS.Workbook) => wb.worksheets.flatMap((ws) => rowsOf(ws).flat()).map(String)

describe('monthly report workbook', { timeout: 30_000 }, () => {
  it('opens, and its coverage and ledger totals equal the dashboard figures', async () => {
    const wb = await readBack()
    expect(wb.worksheets.map((w) => w.name)).toEqual(['走访覆盖', '分类统计', '需求画像', '逾期重点户', '民生台账'])
    const dashboard = computeCoverage({ grids: demo.grids, households: demo.households, visits: demo.visits, workerNames, now })
    const coverage = rowsOf(wb.getWorksheet('走访覆盖')!)
    expect(coverage[0]![0]).toBe('城东社区2026-03月报')
    const totals = coverage.at(-1)!
    expect(totals.slice(0, 1)).toEqual(['合计'])
    expect(totals.slice(2)).toEqual([
      dashboard.total.households, dashboard.total.keyHouseholds, dashboard.total.visited30, dashboard.total.visited90,
      dashboard.total.overdue, dashboard.total.byMethod['in-person'], dashboard.total.byMethod.phone, dashboard.total.byMethod.wechat,
    ])
    expect(coverage.length).toBe(2 + demo.grids.length + 1)
    const ledger = rowsOf(wb.getWorksheet('民生台账')!)
    const ledgerDash = computeLedger({ wishes: demo.wishes, now })
    expect(ledger.length - 3).toBe(ledgerDash.rows.length)
    expect(ledger.at(-1)![4]).toBe(ledgerDash.rows.length)
    expect(ledger.at(-1)![10]).toBe(ledgerDash.staleClaims)
    const overdue = rowsOf(wb.getWorksheet('逾期重点户')!)
    expect(overdue.length - 3).toBe(dashboard.total.overdue)
  })

  it('keeps names but masks every phone and ID number', async () => {
    const wb = await readBack()
    const cells = allCells(wb)
    const someHead = report.coverage.overdue[0]!
    expect(cells).toContain(someHead.headName)
    for (const h of demo.households) if (h.phone) expect(cells).not.toContain(h.phone)
    for (const p of demo.persons) if (p.idNumber) expect(cells).not.toContain(p.idNumber)
    const overdue = rowsOf(wb.getWorksheet('逾期重点户')!).slice(2, -1)
    const ids = overdue.map((r) => String(r[2])).filter(Boolean)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    const phones = overdue.map((r) => String(r[3])).filter(Boolean)
    for (const p of phones) expect(p).toMatch(/^\d{3}\*+\d{4}$/)
  })

})

describe('ledger CSV', { timeout: 30_000 }, () => {
  it('starts with a BOM, quotes fields and ends with the totals row', () => {
    const sheets = monthlyReportSheets(report, options)
    const csv = sheetToCsv(sheets.at(-1)!)
    expect(csv.startsWith('\ufeff登记日期,网格,户主')).toBe(true)
    const lines = csv.trim().split('\r\n')
    expect(lines.length).toBe(1 + report.ledger.rows.length + 1)
    expect(lines.at(-1)).toMatch(/^合计,/)
    expect(sheetToCsv({ name: 'x', title: 'x', header: ['a'], rows: [['he said "hi", ok']], totals: null })).toBe('\ufeffa\r\n"he said ""hi"", ok"\r\n')
  })
})
