import type { MonthlyReport } from '../reports/monthly-report'
import { ledgerSheet, monthlyReportSheets, coverageSheet, type ExportOptions } from '../reports/export-tables'
import { sheetToCsv } from './csv-export'
import { sheetsToXlsx } from './xlsx-export'

/**
 * The four downloadable files of the export page, as named blobs. Building them is
 * separate from saving them (`saveBlob`) so tests can read the bytes back.
 */

export type ExportKind = 'monthly-xlsx' | 'ledger-xlsx' | 'ledger-csv' | 'coverage-csv'
export const EXPORT_KINDS: ExportKind[] = ['monthly-xlsx', 'ledger-xlsx', 'ledger-csv', 'coverage-csv']

export interface ExportFile {
  name: string
  blob: Blob
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Builds one export file of the report. */
export async function buildExportFile(kind: ExportKind, r: MonthlyReport, o: ExportOptions): Promise<ExportFile> {
  const base = `${o.communityName}-${r.month}`
  switch (kind) {
    case 'monthly-xlsx': {
      const bytes = await sheetsToXlsx(monthlyReportSheets(r, o), o.communityName)
      return { name: `${base}-${o.t('supervisor.export.fileMonthly')}.xlsx`, blob: new Blob([bytes], { type: XLSX }) }
    }
    case 'ledger-xlsx': {
      const bytes = await sheetsToXlsx([ledgerSheet(r, o)], o.communityName)
      return { name: `${base}-${o.t('supervisor.export.fileLedger')}.xlsx`, blob: new Blob([bytes], { type: XLSX }) }
    }
    case 'ledger-csv':
      return { name: `${base}-${o.t('supervisor.export.fileLedger')}.csv`, blob: new Blob([sheetToCsv(ledgerSheet(r, o))], { type: 'text/csv;charset=utf-8' }) }
    case 'coverage-csv':
      return { name: `${base}-${o.t('supervisor.export.fileCoverage')}.csv`, blob: new Blob([sheetToCsv(coverageSheet(r, o))], { type: 'text/csv;charset=utf-8' }) }
  }
}

/** Hands a file to the browser's download (an object URL on a temporary link). */
export function saveBlob(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
