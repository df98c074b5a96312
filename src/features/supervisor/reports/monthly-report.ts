import type { Assessment, Grid, Household, Person, Visit, Wish } from '@/shared'
import { computeCoverage, type CoverageReport } from './coverage'
import { computeLedger, type LedgerReport } from './ledger'
import { computeNeeds, type NeedsReport } from './needs'
import { cnMonthKey, monthEnd } from './report-time'

/**
 * The monthly report sent upward: coverage, the ledger and the needs picture of one
 * month, computed by the same pure functions as the dashboard (so the spreadsheet and
 * the screen cannot disagree). Coverage is taken as of the end of the month, or now
 * for the running month.
 */

export interface MonthlyReportInput {
  grids: Grid[]
  households: Household[]
  persons: Person[]
  visits: Visit[]
  wishes: Wish[]
  assessments: Assessment[]
  workerNames: Record<string, string>
  now: Date
  /** 'YYYY-MM'; default the month of `now`. */
  month?: string
  staleClaimDays?: number
}

export interface MonthlyReport {
  month: string
  asOf: string
  communityGridIds: string[]
  coverage: CoverageReport
  ledger: LedgerReport
  needs: NeedsReport
  /** Households by id, for names and phones in the export tables. */
  households: Map<string, Household>
  /** Worker display name per grid id. */
  gridWorkers: Map<string, string>
  /** The head of each household (relation 'self'), for ID numbers in the overdue list. */
  heads: Map<string, Person>
}

/** Builds the monthly report. */
export function buildMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const month = input.month ?? cnMonthKey(input.now.toISOString())
  const end = monthEnd(month)
  const asOf = end < input.now ? end : input.now
  const gridIds = new Set(input.grids.map((g) => g.id))
  const wishes = input.wishes.filter((w) => gridIds.has(w.gridId) && Date.parse(w.createdAt) <= asOf.getTime())
  const visits = input.visits.filter((v) => Date.parse(v.visitedAt) <= asOf.getTime())
  const heads = new Map<string, Person>()
  for (const p of input.persons) if (p.relation === 'self' && !p.deleted) heads.set(p.householdId, p)
  return {
    month,
    asOf: asOf.toISOString(),
    communityGridIds: [...gridIds],
    coverage: computeCoverage({ grids: input.grids, households: input.households, visits, workerNames: input.workerNames, now: asOf }),
    ledger: computeLedger({ wishes, now: asOf, month, staleClaimDays: input.staleClaimDays }),
    needs: computeNeeds({ grids: input.grids, households: input.households, assessments: input.assessments, visits }),
    households: new Map(input.households.map((h) => [h.id, h])),
    heads,
    gridWorkers: new Map(input.grids.filter((g) => g.workerId).map((g) => [g.id, input.workerNames[g.workerId!] ?? ''])),
  }
}
