import ExcelJS from 'exceljs'

/**
 * Writes a register the way community offices keep theirs: a title row above the
 * header, one row per person, the address merged over a household's rows, a 合计 row at
 * the end. Used for the template and the demo's sample file (scripts/make-roster-samples.ts),
 * the benchmark and the tests, which then spoil cells on purpose.
 */

export const REGISTER_HEADER = ['序号', '小区', '楼栋', '单元', '门牌号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '联系电话', '人员类别', '备注']

/** One person row; `id` and `born` may be any cell value (a number, a Date, text). */
export interface RegisterPerson {
  name: string
  relation: string
  sex: string
  born: ExcelJS.CellValue
  id: ExcelJS.CellValue
  phone: string
  groups: string
  notes?: string
}

export interface RegisterHousehold {
  estate: string
  building: string
  unit: string
  door: string
  persons: RegisterPerson[]
}

export interface RegisterOptions {
  title?: string
  /** Merge the address cells over each household's rows (default true). */
  merge?: boolean
  /** Blank rows before the totals row. */
  blankRows?: number
}

/** An .xlsx register of these households. */
export async function writeRegisterXlsx(households: RegisterHousehold[], opts: RegisterOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('住户台账')
  sheet.addRow([opts.title ?? '社区住户台账'])
  sheet.mergeCells(1, 1, 1, REGISTER_HEADER.length)
  sheet.addRow(REGISTER_HEADER)
  let n = 0
  for (const h of households) {
    const first = sheet.rowCount + 1
    h.persons.forEach((p, i) => {
      const address = i === 0 || opts.merge === false ? [h.estate, h.building, h.unit, h.door] : [null, null, null, null]
      sheet.addRow([++n, ...address, p.name, p.relation, p.sex, p.born, p.id, p.phone, p.groups, p.notes ?? ''])
    })
    const last = sheet.rowCount
    if (opts.merge !== false && last > first) for (let c = 2; c <= 5; c++) sheet.mergeCells(first, c, last, c)
  }
  for (let i = 0; i < (opts.blankRows ?? 1); i++) sheet.addRow([])
  sheet.addRow(['合计', `${households.length} 户`, null, null, null, `${n} 人`])
  sheet.getColumn(10).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The same register as CSV text (no merged cells: later rows of a household leave the address blank). */
export function writeRegisterCsv(households: RegisterHousehold[], title = '社区住户台账'): string {
  const lines = [title, REGISTER_HEADER.join(',')]
  let n = 0
  for (const h of households) {
    h.persons.forEach((p, i) => {
      const address = i === 0 ? [h.estate, h.building, h.unit, h.door] : ['', '', '', '']
      const born = p.born instanceof Date ? p.born.toISOString().slice(0, 10) : String(p.born ?? '')
      const cells = [String(++n), ...address, p.name, p.relation, p.sex, born, String(p.id ?? ''), p.phone, p.groups, p.notes ?? '']
      lines.push(cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    })
  }
  lines.push('', `合计,${households.length} 户`)
  return lines.join('\r\n') + '\r\n'
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A well-formed 18-digit ID for a synthetic person (area, birth date, sequence). */
export function syntheticId(area: string, born: string, seq: number, male: boolean): string {
  const order = String((seq % 50) * 2 + (male ? 1 : 0)).padStart(3, '0')
  const first = `${area}${born.replace(/-/g, '')}${order}`
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first[i]), 0)
  return first + '10X98765432'[sum % 11]
}
