import type { Address, KeyGroup } from '../../src/shared'
import { parseKeyGroupText, parseRelationText, type RosterField } from '../../src/shared/roster'
import type { RosterMapping, RosterProblem } from '../../src/shared/roster-api'
import { addressOfParts, splitAddress } from './roster-address'
import { cellText, fromIdNumber, readBirthDate, readIdNumber, readPhone, readSex } from './roster-cells'
import { fieldCell, isBlankRow, isTotalRow } from './roster-header'
import type { Cell } from './roster-read'

/**
 * The data rows of a register as persons, each with the problems found in it. A row
 * with an error is never stored; a warning is stored with what could be read (the
 * unreadable part goes to the person's notes, not lost). Blank rows and a totals row
 * are skipped. A row with no address belongs to the household above it (a merged
 * address cell exported to CSV leaves the rows below it blank).
 */

export interface PersonRow {
  /** The id the person gets when planned for creation ('' until then). */
  id: string
  line: number
  gridText: string
  address: Address | null
  name: string
  relation: string
  sex: 'F' | 'M'
  birthDate: string | null
  idNumber: string
  phone: string
  keyGroups: KeyGroup[]
  notes: string
  problems: RosterProblem[]
}

export interface RowContext {
  mapping: RosterMapping
  /** Estates of the community's grids, to split whole addresses. */
  estates: readonly string[]
  today: string
}

/** Persons of the rows below the header (`firstLine` is the 1-based line of rows[0]). */
export function readPersonRows(rows: Cell[][], firstLine: number, ctx: RowContext): PersonRow[] {
  const out: PersonRow[] = []
  rows.forEach((row, i) => {
    if (isBlankRow(row, ctx.mapping) || isTotalRow(row)) return
    out.push(readPersonRow(row, firstLine + i, ctx))
  })
  return out
}

function readPersonRow(row: Cell[], line: number, ctx: RowContext): PersonRow {
  const problems: RosterProblem[] = []
  const cell = (f: RosterField) => fieldCell(row, ctx.mapping, f)
  const text = (f: RosterField) => cellText(cell(f))
  const error = (field: RosterField | null, message: string) => problems.push({ line, severity: 'error', field, message })
  const warn = (field: RosterField | null, message: string) => problems.push({ line, severity: 'warning', field, message })
  const notes: string[] = text('notes') ? [text('notes')] : []

  const name = text('name').replace(/\s+/g, '')
  if (!name) error('name', '姓名没有填写')
  const id = readIdNumber(cell('idNumber'))
  if (!id.ok) error('idNumber', id.message)
  const idNumber = id.ok ? id.value : ''
  const fromId = fromIdNumber(idNumber)
  const birth = readBirthDate(cell('birthDate'), ctx.today)
  if (!birth.ok) error('birthDate', birth.message)
  const birthDate = (birth.ok ? birth.value : null) ?? fromId?.birthDate ?? null
  if (birth.ok && birth.value && fromId && fromId.birthDate !== birth.value) {
    error('birthDate', `出生日期 ${birth.value} 与身份证号里的 ${fromId.birthDate} 不一致`)
  }
  const sex = readSex(cell('sex')) ?? fromId?.sex ?? null
  if (!sex) error('sex', text('sex') ? `性别“${text('sex')}”无法识别，请填“男”或“女”` : '性别没有填写')

  const relation = parseRelationText(text('relation'))
  if (!relation && text('relation')) {
    warn('relation', `与户主关系“${text('relation')}”无法对应，记为“其他”`)
    notes.push(`关系：${text('relation')}`)
  }
  const phone = readPhone(cell('phone'))
  if (!phone.ok) {
    warn('phone', phone.message)
    notes.push(`电话：${text('phone')}`)
  }
  const groups = parseKeyGroupText(text('keyGroups'))
  if (groups.unknown.length > 0) {
    warn('keyGroups', `重点人群“${groups.unknown.join('、')}”无法对应，已写入备注`)
    notes.push(`人员类别：${groups.unknown.join('、')}`)
  }
  const address = readAddress(text, ctx.estates, (m) => error('address', m))
  return {
    id: '', line, gridText: text('grid'), address, name, relation: relation ?? (text('relation') ? 'other' : ''),
    sex: sex ?? 'F', birthDate, idNumber, phone: phone.ok ? phone.value : '', keyGroups: groups.groups,
    notes: notes.join('；').slice(0, 1000), problems,
  }
}

function readAddress(text: (f: RosterField) => string, estates: readonly string[], error: (m: string) => void): Address | null {
  const whole = text('address')
  const [estate, building, unit, door] = [text('estate'), text('building'), text('unit'), text('door')]
  if (estate || building || unit || door) {
    if (!estate && whole) return splitAddress(whole, estates)
    if (!estate) error('小区没有填写')
    return addressOfParts(estate, building, unit, door)
  }
  if (!whole) return null
  const split = splitAddress(whole, estates)
  if (!split) error(`地址“${whole}”无法拆成小区、楼栋、单元、门牌`)
  return split
}
