import type { Assessment, Grid, Household, Person, Visit, Wish } from '@/shared'
import { computeCoverage, type CoverageReport } from './coverage'
import { computeCourtyard, type CourtyardReport } from './courtyard'
import { computeLedger, wishAsOf, type LedgerReport } from './ledger'
import { computeNeeds, type NeedsReport } from './needs'
import { cnMonthKey, monthEnd } from './report-time'

/**
 * The monthly report sent upward: coverage, the ledger and the needs picture of one
 * month, computed by the same pure functions as the dashboard (so the spreadsheet and
 * the screen cannot disagree). Everything is taken as of the end of the month, or now
 * for the running month: a household, visit, wish or assessment made later does not
 * exist for that month (a household created in December is not in November's overdue
 * list), and a wish counts in the state it had then.
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
  /** The courtyard (最美庭院) scores, apart from the needs picture. */
  courtyard: CourtyardReport
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
  const existed = (iso: string) => Date.parse(iso) <= asOf.getTime()
  const households = input.households.filter((h) => existed(h.createdAt))
  const wishes = input.wishes.filter((w) => gridIds.has(w.gridId) && existed(w.createdAt)).map((w) => wishAsOf(w, asOf))
  const visits = input.visits.filter((v) => existed(v.visitedAt))
  const assessments = input.assessments.filter((a) => existed(a.assessedAt))
  const heads = new Map<string, Person>()
  for (const p of input.persons) if (p.relation === 'self' && !p.deleted) heads.set(p.householdId, p)
  return {
    month,
    asOf: asOf.toISOString(),
    communityGridIds: [...gridIds],
    coverage: computeCoverage({ grids: input.grids, households, visits, workerNames: input.workerNames, now: asOf }),
    ledger: computeLedger({ wishes, now: asOf, month, staleClaimDays: input.staleClaimDays }),
    needs: computeNeeds({ grids: input.grids, households, assessments, visits }),
    courtyard: computeCourtyard({ grids: input.grids, households, assessments }),
    households: new Map(households.map((h) => [h.id, h])),
    heads,
    gridWorkers: new Map(input.grids.filter((g) => g.workerId).map((g) => [g.id, input.workerNames[g.workerId!] ?? ''])),
  }
}
