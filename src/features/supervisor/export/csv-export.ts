import type { ExportSheet } from '../reports/export-tables'

/**
 * CSV of one export table (RFC 4180 quoting). It starts with a UTF-8 byte-order mark,
 * because Excel on Chinese Windows otherwise opens UTF-8 Chinese text as mojibake.
 */

const quote = (c: string | number) => {
  const s = String(c)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Serialises a sheet: header, rows, then the totals row. */
export function sheetToCsv(sheet: ExportSheet): string {
  const lines = [sheet.header, ...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])]
  return '\ufeff' + lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n'
}
