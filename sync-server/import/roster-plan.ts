import type { Address, Grid } from '../../src/shared'
import type { RosterProblem } from '../../src/shared/roster-api'
import { addressKey } from './roster-address'
import { gridOf, type RosterIndex } from './roster-match'
import type { PersonRow } from './roster-rows'

/**
 * From person rows to the households and persons to create. Rows are grouped into
 * households in file order: a 户主 row, or a row at another address, starts the next
 * household; a row without an address stays with the household above. A household
 * whose grid cannot be found marks every one of its rows as an error. Nothing here
 * writes: the plan is what the dry run shows and what the import then stores.
 */

export interface PlannedHousehold {
  id: string
  /** False when the household is already stored: only its new members are created. */
  create: boolean
  gridId: string
  address: Address
  head: PersonRow
  members: PersonRow[]
}

export interface RosterPlan {
  households: PlannedHousehold[]
  /** Rows whose person is already stored (or earlier in the file). */
  existingPersons: number
  existingHouseholds: number
  problems: RosterProblem[]
}

interface Group {
  address: Address | null
  rows: PersonRow[]
}

function groupRows(rows: PersonRow[]): Group[] {
  const groups: Group[] = []
  let current: Group | null = null
  for (const row of rows) {
    const moved = row.address && (!current?.address || addressKey(row.address) !== addressKey(current.address))
    if (!current || moved || (row.relation === 'self' && current.rows.length > 0)) {
      current = { address: row.address, rows: [] }
      groups.push(current)
    }
    current.rows.push(row)
  }
  return groups
}

const isClean = (r: PersonRow) => !r.problems.some((p) => p.severity === 'error')

/**
 * A new household whose 户主 row has an error is held back whole: created from its other
 * members it would carry a wrong head. (A stored household takes new members as they come.)
 */
function holdBackWithoutHead(rows: PersonRow[]): void {
  const head = rows.find((r) => r.relation === 'self')
  if (!head || isClean(head)) return
  for (const r of rows) {
    if (r !== head && isClean(r)) r.problems.push({ line: r.line, severity: 'error', field: null, message: `户主（第 ${head.line} 行）有错误，本户暂不导入：改正户主这一行后再导入` })
  }
}

/** Plans the import of the rows into a community's grids, matching what is stored. */
export function planRoster(rows: PersonRow[], grids: readonly Grid[], index: RosterIndex, newId: () => string): RosterPlan {
  const plan: RosterPlan = { households: [], existingPersons: 0, existingHouseholds: 0, problems: [] }
  const planned = new Map<string, PlannedHousehold>()
  for (const group of groupRows(rows)) {
    const flag = (message: string) => group.rows.forEach((r) => r.problems.push({ line: r.line, severity: 'error', field: 'address', message }))
    if (!group.address) {
      flag('这一行没有地址，也不在某户的下方：无法确定属于哪一户')
      continue
    }
    const grid = gridOf(grids, group.rows[0]?.gridText ?? '', group.address)
    if (typeof grid === 'string') {
      flag(grid)
      continue
    }
    const found = index.household(group.address)
    if (!found) holdBackWithoutHead(group.rows)
    const clean = group.rows.filter(isClean)
    const members = clean.filter((row) => {
      if (index.person(row)) return (plan.existingPersons++, false)
      row.id = newId()
      index.addPerson(row.id, row)
      return true
    })
    const earlier = found && planned.get(found.id)
    if (earlier) earlier.members.push(...members)
    else if (found) {
      plan.existingHouseholds++
      if (members.length > 0) plan.households.push({ id: found.id, create: false, gridId: found.gridId, address: found.address, head: members[0] as PersonRow, members })
    } else if (members.length > 0) {
      const head = members.find((r) => r.relation === 'self') ?? (members[0] as PersonRow)
      const household = { id: newId(), create: true, gridId: grid.id, address: group.address, head, members }
      index.addHousehold({ id: household.id, gridId: grid.id, address: group.address })
      planned.set(household.id, household)
      plan.households.push(household)
    }
  }
  plan.problems = rows.flatMap((r) => r.problems)
  return plan
}
