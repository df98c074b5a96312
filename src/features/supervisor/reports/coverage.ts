import { VISIT_METHODS, householdCadenceDays, type Grid, type Household, type KeyGroup, type Visit, type VisitMethod } from '@/shared'
import { isAttempt } from '@/shared/rules/visits'
import { cnMonthKey, daysSince, lastMonths, monthEnd, withinDays } from './report-time'

/**
 * Coverage: who was visited, who is overdue. Pure: the same inputs give the same figures
 * on any device. Rules, stated once so the screens, exports and tests agree:
 * - Deleted households and visits to households not in the input are ignored.
 * - A corrected visit is replaced by its correction (the newest entry of a chain counts
 *   once), so a returned-and-corrected visit is not counted twice.
 * - "Visited in the last N days": at least one visit in (now − N days, now].
 * - Overdue: the household has a cadence (`householdCadenceDays`) and its last visit is
 *   more than that many whole days ago, or it was never visited.
 * - Visits by method count the last 30 days; the trend counts calendar months (UTC+8),
 *   the last one marked partial unless `now` is its final moment (a running month is
 *   not a drop in work).
 * - A worker's row is the sum of the grids assigned to her (grid.workerId).
 * - Attempts (nobody home, the phone not answered: `isAttempt`) count in none of the
 *   above; each row counts them apart, over the last 30 days (`attempts30`).
 */

export type MethodCounts = Record<VisitMethod, number>

export interface CoverageRow {
  /** Grid id, worker id, or 'total'. */
  key: string
  label: string
  households: number
  keyHouseholds: number
  visited30: number
  visited90: number
  overdue: number
  /** Attempts in the last 30 days (not visits: they count in nothing else). */
  attempts30: number
  byMethod: MethodCounts
}

export interface OverdueHousehold {
  householdId: string
  gridId: string
  headName: string
  address: string
  keyGroups: KeyGroup[]
  cadenceDays: number
  lastVisitAt: string | null
  /** Days past the cadence; null when never visited. */
  daysOverdue: number | null
}

export interface TrendPoint {
  month: string
  visits: number
  households: number
  /** The running month (counts so far, not a whole month). */
  partial: boolean
}

export interface CoverageReport {
  grids: CoverageRow[]
  workers: CoverageRow[]
  total: CoverageRow
  overdue: OverdueHousehold[]
  trend: TrendPoint[]
}

export interface CoverageInput {
  grids: Grid[]
  households: Household[]
  visits: Visit[]
  /** Display names of workers by id (unknown ids show the id). */
  workerNames?: Record<string, string>
  now: Date
}

/** Visits that are not superseded by a correction. */
export function effectiveVisits(visits: Visit[]): Visit[] {
  const superseded = new Set(visits.map((v) => v.correctsId).filter((id): id is string => id !== null))
  return visits.filter((v) => !superseded.has(v.id))
}

const emptyMethods = (): MethodCounts => Object.fromEntries(VISIT_METHODS.map((m) => [m, 0])) as MethodCounts

function emptyRow(key: string, label: string): CoverageRow {
  return { key, label, households: 0, keyHouseholds: 0, visited30: 0, visited90: 0, overdue: 0, attempts30: 0, byMethod: emptyMethods() }
}

function addInto(target: CoverageRow, row: CoverageRow): void {
  for (const k of ['households', 'keyHouseholds', 'visited30', 'visited90', 'overdue', 'attempts30'] as const) target[k] += row[k]
  for (const m of VISIT_METHODS) target.byMethod[m] += row.byMethod[m]
}

const addressOf = (h: Household) => [h.address.estate, h.address.building, h.address.unit, h.address.door].filter(Boolean).join(' ')

/** Computes the coverage report of the given grids. */
export function computeCoverage(input: CoverageInput): CoverageReport {
  const { now } = input
  const households = input.households.filter((h) => !h.deleted)
  const byId = new Map(households.map((h) => [h.id, h]))
  const contacts = effectiveVisits(input.visits).filter((v) => byId.has(v.householdId) && Date.parse(v.visitedAt) <= now.getTime())
  const visits = contacts.filter((v) => !isAttempt(v))
  const lastVisit = new Map<string, string>()
  for (const v of visits) {
    const prev = lastVisit.get(v.householdId)
    if (!prev || Date.parse(v.visitedAt) > Date.parse(prev)) lastVisit.set(v.householdId, v.visitedAt)
  }
  const rows = new Map(input.grids.map((g) => [g.id, emptyRow(g.id, g.name)]))
  const overdue: OverdueHousehold[] = []
  for (const h of households) {
    const row = rows.get(h.gridId)
    if (!row) continue
    row.households++
    if (h.keyGroups.length > 0) row.keyHouseholds++
    const last = lastVisit.get(h.id) ?? null
    if (last && withinDays(last, now, 30)) row.visited30++
    if (last && withinDays(last, now, 90)) row.visited90++
    const cadence = householdCadenceDays(h)
    if (cadence === null) continue
    const since = last ? daysSince(last, now) : null
    if (since !== null && since <= cadence) continue
    row.overdue++
    overdue.push({
      householdId: h.id, gridId: h.gridId, headName: h.headName, address: addressOf(h), keyGroups: h.keyGroups,
      cadenceDays: cadence, lastVisitAt: last, daysOverdue: since === null ? null : since - cadence,
    })
  }
  for (const v of contacts) {
    const row = rows.get(byId.get(v.householdId)!.gridId)
    if (!row || !withinDays(v.visitedAt, now, 30)) continue
    if (isAttempt(v)) row.attempts30++
    else row.byMethod[v.method]++
  }
  const gridRows = [...rows.values()]
  return {
    grids: gridRows,
    workers: workerRows(input, rows),
    total: gridRows.reduce((t, r) => (addInto(t, r), t), emptyRow('total', '')),
    overdue: overdue.sort(byMostOverdue),
    trend: trendOf(visits.filter((v) => rows.has(byId.get(v.householdId)!.gridId)), now),
  }
}

/** Never-visited first, then the longest overdue; ties by name for a stable list. */
function byMostOverdue(a: OverdueHousehold, b: OverdueHousehold): number {
  const da = a.daysOverdue ?? Infinity
  const dbb = b.daysOverdue ?? Infinity
  if (da !== dbb) return dbb - da
  return a.headName.localeCompare(b.headName, 'zh-CN')
}

function workerRows(input: CoverageInput, rows: Map<string, CoverageRow>): CoverageRow[] {
  const out = new Map<string, CoverageRow>()
  for (const g of input.grids) {
    if (!g.workerId) continue
    let row = out.get(g.workerId)
    if (!row) out.set(g.workerId, (row = emptyRow(g.workerId, input.workerNames?.[g.workerId] ?? g.workerId)))
    addInto(row, rows.get(g.id)!)
  }
  return [...out.values()]
}

function trendOf(visits: Visit[], now: Date): TrendPoint[] {
  const points = new Map(lastMonths(now, 12).map((m) => [m, { month: m, visits: 0, households: new Set<string>() }]))
  for (const v of visits) {
    const p = points.get(cnMonthKey(v.visitedAt))
    if (!p) continue
    p.visits++
    p.households.add(v.householdId)
  }
  const running = cnMonthKey(now.toISOString())
  const complete = monthEnd(running).getTime() <= now.getTime()
  return [...points.values()].map((p) => ({ month: p.month, visits: p.visits, households: p.households.size, partial: p.month === running && !complete }))
}
