import type { ExportSheet } from '../reports/export-tables'

/**
 * The .xlsx workbook of export tables, built with exceljs. exceljs is large (~1 MB), so
 * it is imported on demand: only a supervisor who presses "export" downloads it.
 * Layout of each sheet: row 1 the title, row 2 the header, then rows, then totals (bold).
 */

/** Builds the workbook and returns its bytes. */
export async function sheetsToXlsx(sheets: ExportSheet[], creator: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = creator
  wb.created = new Date()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31))
    ws.addRow([s.title]).font = { bold: true, size: 14 }
    ws.addRow(s.header).font = { bold: true }
    for (const r of s.rows) ws.addRow(r)
    if (s.totals) ws.addRow(s.totals).font = { bold: true }
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[s.header, ...s.rows].map((r) => String(r[i] ?? '').length))
      col.width = Math.min(40, Math.max(8, widest * 2 + 2))
    })
    ws.views = [{ state: 'frozen', ySplit: 2 }]
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}
