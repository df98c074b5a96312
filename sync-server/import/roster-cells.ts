import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import utc from 'dayjs/plugin/utc.js'
import type { Cell } from './roster-read'

dayjs.extend(customParseFormat)
dayjs.extend(utc)

/**
 * One cell of a register, read as the field it holds. Each reader returns the value or a
 * Chinese message saying why the cell cannot be used; none guesses: a value that may be
 * wrong (an ID Excel rounded, a date that does not exist) is refused, never stored.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string }
const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const fail = <T>(message: string): Read<T> => ({ ok: false, message })

/** The text of a cell (numbers as Excel shows them; dates as YYYY-MM-DD). */
export function cellText(c: Cell): string {
  if (c === null) return ''
  if (c instanceof Date) return dayjs.utc(c).format('YYYY-MM-DD')
  return String(c).trim()
}

/**
 * The one dayjs format a written date can be in (1952.03.04 → YYYY.MM.DD, 1952年3月4日 →
 * YYYY年M月D日, 1952-3-4 → YYYY-M-D, 19520304 → YYYYMMDD), picked by its shape: trying
 * every format in turn costs more than the rest of a row's checks together.
 */
function dateFormatOf(s: string): string | null {
  if (/^\d{8}$/.test(s)) return 'YYYYMMDD'
  const m = /^\d{4}([.\-/年])(\d{1,2})([.\-/月])(\d{1,2})(日?)$/.exec(s)
  if (!m || (m[1] === '年') !== (m[3] === '月')) return null
  const part = (digits: string | undefined, unit: string) => (digits?.length === 2 ? unit + unit : unit)
  return `YYYY${m[1]}${part(m[2], 'M')}${m[3]}${part(m[4], 'D')}${m[5]}`
}
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** A birth date: a date cell, an Excel serial number, or 1952.03.04 / 1952年3月4日 / 1952-3-4. */
export function readBirthDate(c: Cell, today: string): Read<string | null> {
  if (c === null) return ok(null)
  let d: dayjs.Dayjs
  if (c instanceof Date) d = dayjs.utc(c)
  else if (typeof c === 'number' || /^\d{4,5}(\.0+)?$/.test(String(c).trim())) d = dayjs.utc(EXCEL_EPOCH + Math.round(Number(c)) * 86_400_000)
  else {
    const text = String(c).replace(/\s+/g, '')
    const format = dateFormatOf(text)
    d = format ? dayjs(text, format, true) : dayjs(null)
  }
  if (!d.isValid()) return fail(`出生日期“${cellText(c)}”无法识别，请写成 1952-03-04 或 1952年3月4日`)
  const iso = d.format('YYYY-MM-DD')
  if (iso < '1900-01-01' || iso > today) return fail(`出生日期“${iso}”不在合理范围内`)
  return ok(iso)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** True when an 18-character ID's last character is its checksum (GB 11643). */
export function idChecksumOk(id: string): boolean {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase()
}

/** A resident ID number. A number cell, or text in Excel's 4.30102E+17 notation, has lost digits. */
export function readIdNumber(c: Cell): Read<string> {
  if (c === null) return ok('')
  const lost = '身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设为“文本”后重新填写这一行的身份证号'
  if (typeof c === 'number' || c instanceof Date) return fail(lost)
  const t = c.replace(/[\s\u00a0]/g, '').toUpperCase()
  if (/^\d(\.\d+)?E\+\d+$/.test(t)) return fail(lost)
  if (!/^\d{17}[\dX]$/.test(t)) return fail(`身份证号“${t}”不是 18 位`)
  if (!idChecksumOk(t)) return fail(`身份证号“${t}”校验位不对（可能抄错，或被 Excel 改掉了末几位）`)
  return ok(t)
}

/** Birth date and sex written in an 18-digit ID. */
export function fromIdNumber(id: string): { birthDate: string; sex: 'F' | 'M' } | null {
  if (id.length !== 18) return null
  const d = dayjs.utc(id.slice(6, 14), 'YYYYMMDD', true)
  return d.isValid() ? { birthDate: d.format('YYYY-MM-DD'), sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' } : null
}

/** A phone: a mobile number, or a landline with or without its area code; spaces, dashes and brackets dropped. */
export function readPhone(c: Cell): Read<string> {
  if (c === null) return ok('')
  const raw = cellText(c)
  const digits = raw.replace(/^\+?86[\s-]?/, '').replace(/[\s\-()（）]/g, '')
  if (/^1[3-9]\d{9}$/.test(digits)) return ok(digits)
  const landline = /^(0\d{2,3})?([2-9]\d{6,7})$/.exec(digits)
  if (landline) return ok(landline[1] ? `${landline[1]}-${landline[2]}` : (landline[2] as string))
  return fail(`电话“${raw}”无法识别，这一电话没有导入`)
}

/** Sex from 男/女 (or M/F). */
export function readSex(c: Cell): 'F' | 'M' | null {
  const t = cellText(c).toUpperCase()
  if (t === '女' || t === 'F') return 'F'
  if (t === '男' || t === 'M') return 'M'
  return null
}
