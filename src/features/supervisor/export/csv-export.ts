import Papa from 'papaparse'
import type { ExportSheet } from '../reports/export-tables'

/**
 * CSV of one export table, written by papaparse (RFC 4180 quoting). It starts with a
 * UTF-8 byte-order mark, because Excel on Chinese Windows otherwise opens UTF-8 Chinese
 * text as mojibake.
 *
 * Formula injection (issue 16): names and wish titles are typed by workers, and Excel/WPS
 * run a cell that starts with = + - @ tab or CR as a formula (`=HYPERLINK(…)`,
 * `+cmd|…`). papaparse's `escapeFormulae` puts a `'` before such a text cell, so it shows
 * as text. Our own pattern rather than `true`: papaparse's default (`/^[=+\-@\t\r].*$/`)
 * misses a cell whose text goes on after a line break, as `.` stops at the newline.
 * Numbers (a negative total) are not text and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Serialises a sheet: header, rows, then the totals row. */
export function sheetToCsv(sheet: ExportSheet): string {
  const lines = [sheet.header, ...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])]
  return '\ufeff' + Papa.unparse(lines, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n'
}
