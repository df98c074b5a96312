import { ROSTER_FIELDS, TOTAL_ROW_WORDS, rosterFieldOfHeader, type RosterField } from '../../src/shared/roster'
import type { RosterMapping } from '../../src/shared/roster-api'
import { cellText } from './roster-cells'
import type { Cell } from './roster-read'

/**
 * Where the header is and which column holds which field. Registers often open with a
 * title row ("XX社区住户台账（2026年）") and end with a 合计 row; the header is the first
 * of the first ten rows in which at least three cells name a field, one of them 姓名.
 */

export interface RosterLayout {
  headerIndex: number
  columns: string[]
  mapping: RosterMapping
}

const HEADER_SCAN_ROWS = 10

/** The header row and the mapping guessed from it, or null when no row looks like a header. */
export function findHeader(rows: Cell[][]): RosterLayout | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const columns = (rows[i] ?? []).map(cellText)
    const mapping = guessMapping(columns)
    if (Object.keys(mapping).length >= 3 && mapping.name !== undefined) return { headerIndex: i, columns, mapping }
  }
  return null
}

/** Each field's first column whose header names it. */
export function guessMapping(columns: string[]): RosterMapping {
  const mapping: RosterMapping = {}
  columns.forEach((header, index) => {
    const field = rosterFieldOfHeader(header)
    if (field && mapping[field] === undefined) mapping[field] = index
  })
  return mapping
}

/** The cell of a field in a row (null when the field is not mapped). */
export function fieldCell(row: Cell[], mapping: RosterMapping, field: RosterField): Cell {
  const index = mapping[field]
  return index === undefined ? null : (row[index] ?? null)
}

/** A row with nothing in any mapped column. */
export function isBlankRow(row: Cell[], mapping: RosterMapping): boolean {
  return ROSTER_FIELDS.every((f) => cellText(fieldCell(row, mapping, f)) === '')
}

/** A totals row (合计 / 总计 …) in any of its first cells. */
export function isTotalRow(row: Cell[]): boolean {
  return row.slice(0, 3).some((c) => TOTAL_ROW_WORDS.some((w) => cellText(c).replace(/\s+/g, '').startsWith(w)))
}
