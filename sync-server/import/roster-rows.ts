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

/** One row's cells and where its problems and extra notes go. */
interface RowReader {
  cell(f: RosterField): Cell
  text(f: RosterField): string
  error(field: RosterField | null, message: string): void
  warn(field: RosterField | null, message: string): void
  notes: string[]
}

function readPersonRow(row: Cell[], line: number, ctx: RowContext): PersonRow {
  const problems: RosterProblem[] = []
  const text = (f: RosterField) => cellText(fieldCell(row, ctx.mapping, f))
  const r: RowReader = {
    cell: (f) => fieldCell(row, ctx.mapping, f),
    text,
    error: (field, message) => problems.push({ line, severity: 'error', field, message }),
    warn: (field, message) => problems.push({ line, severity: 'warning', field, message }),
    notes: text('notes') ? [text('notes')] : [],
  }
  const name = text('name').replace(/\s+/g, '')
  if (!name) r.error('name', '姓名没有填写')
  const identity = readIdentity(r, ctx.today)
  const more = readFreeText(r)
  const address = readAddress(text, ctx.estates, (m) => r.error('address', m))
  return {
    id: '', line, gridText: text('grid'), address, name, ...identity, ...more, notes: r.notes.join('；').slice(0, 1000), problems,
  }
}

/** ID number, birth date and sex, each checked against the others (an ID holds both). */
function readIdentity(r: RowReader, today: string): Pick<PersonRow, 'idNumber' | 'birthDate' | 'sex'> {
  const id = readIdNumber(r.cell('idNumber'))
  if (!id.ok) r.error('idNumber', id.message)
  const idNumber = id.ok ? id.value : ''
  const fromId = fromIdNumber(idNumber)
  const birth = readBirthDate(r.cell('birthDate'), today)
  if (!birth.ok) r.error('birthDate', birth.message)
  if (birth.ok && birth.value && fromId && fromId.birthDate !== birth.value) {
    r.error('birthDate', `出生日期 ${birth.value} 与身份证号里的 ${fromId.birthDate} 不一致`)
  }
  const sex = readSex(r.cell('sex')) ?? fromId?.sex ?? null
  if (!sex) r.error('sex', r.text('sex') ? `性别“${r.text('sex')}”无法识别，请填“男”或“女”` : '性别没有填写')
  return { idNumber, birthDate: (birth.ok ? birth.value : null) ?? fromId?.birthDate ?? null, sex: sex ?? 'F' }
}

/** Relation, phone and key groups: what cannot be mapped is a warning and goes to the notes. */
function readFreeText(r: RowReader): Pick<PersonRow, 'relation' | 'phone' | 'keyGroups'> {
  const relationText = r.text('relation')
  const relation = parseRelationText(relationText)
  if (!relation && relationText) {
    r.warn('relation', `与户主关系“${relationText}”无法对应，记为“其他”`)
    r.notes.push(`关系：${relationText}`)
  }
  const phone = readPhone(r.cell('phone'))
  if (!phone.ok) {
    r.warn('phone', phone.message)
    r.notes.push(`电话：${r.text('phone')}`)
  }
  const groups = parseKeyGroupText(r.text('keyGroups'))
  if (groups.unknown.length > 0) {
    r.warn('keyGroups', `重点人群“${groups.unknown.join('、')}”无法对应，已写入备注`)
    r.notes.push(`人员类别：${groups.unknown.join('、')}`)
  }
  return { relation: relation ?? (relationText ? 'other' : ''), phone: phone.ok ? phone.value : '', keyGroups: groups.groups }
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
