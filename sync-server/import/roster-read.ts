import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { Readable } from 'node:stream'

/**
 * Reads a register file into a grid of cells, as the spreadsheet holds them: an .xlsx
 * through exceljs's streaming reader (a merged cell's value is on its first row only;
 * the rows below, blank there, join the household above: roster-plan.ts), a .csv through papaparse after
 * decoding its bytes (UTF-8 with or without BOM; GBK, which Excel on a Chinese Windows
 * writes, when the bytes are not valid UTF-8). Numbers stay numbers and dates stay dates:
 * that an ID was stored as a number is exactly what the row check must see.
 */

export type Cell = string | number | Date | null

export class RosterReadError extends Error {}

/** The cells of the first worksheet (xlsx) or of the file (csv). */
export async function readRoster(fileName: string, bytes: Buffer): Promise<Cell[][]> {
  if (/\.xlsx$/i.test(fileName)) return readXlsx(bytes)
  if (/\.(csv|txt)$/i.test(fileName)) return readCsv(bytes)
  throw new RosterReadError('只能导入 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）')
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, GBK otherwise. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

function readCsv(bytes: Buffer): Cell[][] {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false })
  return parsed.data.map((row) => row.map((c) => (c.trim() === '' ? null : c)))
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  // The streaming reader: the whole-workbook loader checks every merged range against
  // every other one, which grows with the square of a register's households.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  })
  const rows: Cell[][] = []
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        rows[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellOf(v))
      }
      break
    }
  } catch {
    throw new RosterReadError('文件无法作为 Excel 表格打开，请确认是 .xlsx 格式')
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? null))
}

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'number' || v instanceof Date) return v
  if (typeof v === 'string') return v.trim() === '' ? null : v
  if (typeof v === 'boolean') return String(v)
  if ('richText' in v) return v.richText.map((t) => t.text).join('')
  if ('result' in v) return cellOf((v.result ?? null) as ExcelJS.CellValue)
  if ('text' in v) return String(v.text)
  return null
}
