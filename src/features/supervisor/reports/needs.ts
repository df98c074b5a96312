import { NEEDS_TEMPLATE, type Assessment, type Grid, type Household, type Visit } from '@/shared'
import { isAttempt } from '@/shared/rules/visits'

/**
 * The needs picture: households by assessed need level per domain, per grid, from each
 * household's latest needs assessment (template needs-v1). Pure. Rules:
 * - Deleted assessments and households are ignored; the latest is the one with the
 *   greatest `assessedAt` (ties: the greater id, so the choice is stable).
 * - A domain the assessment does not answer counts as level 0, as
 *   `evaluateAssessment` does.
 * - "High need, no visit since": some domain at level 3 and no visit of the household
 *   (an attempt is no visit) with `visitedAt` after the assessment's `assessedAt`.
 */

export const NEEDS_TEMPLATE_ID = NEEDS_TEMPLATE.id
export const NEEDS_DOMAINS = NEEDS_TEMPLATE.domains.map((d) => d.key)

/** Counts of households at levels 0..3 of one domain. */
export type LevelCounts = [number, number, number, number]

export interface NeedsGridRow {
  gridId: string
  label: string
  households: number
  assessed: number
  domains: Record<string, LevelCounts>
}

export interface HighNeedUnvisited {
  householdId: string
  gridId: string
  headName: string
  assessedAt: string
  highDomains: string[]
}

export interface NeedsReport {
  grids: NeedsGridRow[]
  total: NeedsGridRow
  highNoVisit: HighNeedUnvisited[]
}

export interface NeedsInput {
  grids: Grid[]
  households: Household[]
  assessments: Assessment[]
  visits: Visit[]
}

const emptyDomains = (): Record<string, LevelCounts> => Object.fromEntries(NEEDS_DOMAINS.map((d) => [d, [0, 0, 0, 0]]))
const emptyRow = (gridId: string, label: string): NeedsGridRow => ({ gridId, label, households: 0, assessed: 0, domains: emptyDomains() })

/** The latest needs assessment of each household. */
export function latestNeedsAssessments(assessments: Assessment[]): Map<string, Assessment> {
  const latest = new Map<string, Assessment>()
  for (const a of assessments) {
    if (a.deleted || a.templateId !== NEEDS_TEMPLATE_ID) continue
    const prev = latest.get(a.householdId)
    const diff = prev ? Date.parse(a.assessedAt) - Date.parse(prev.assessedAt) : 1
    const newer = diff > 0 || (diff === 0 && a.id > prev!.id)
    if (newer) latest.set(a.householdId, a)
  }
  return latest
}

/** Computes the needs picture of the given grids. */
export function computeNeeds(input: NeedsInput): NeedsReport {
  const rows = new Map(input.grids.map((g) => [g.id, emptyRow(g.id, g.name)]))
  const total = emptyRow('total', '')
  const latest = latestNeedsAssessments(input.assessments)
  const lastVisit = new Map<string, number>()
  for (const v of input.visits) {
    if (isAttempt(v)) continue // nobody reached: the need is still unvisited
    const t = Date.parse(v.visitedAt)
    if (t > (lastVisit.get(v.householdId) ?? -Infinity)) lastVisit.set(v.householdId, t)
  }
  const highNoVisit: HighNeedUnvisited[] = []
  for (const h of input.households) {
    const row = rows.get(h.gridId)
    if (h.deleted || !row) continue
    row.households++
    total.households++
    const a = latest.get(h.id)
    if (!a) continue
    row.assessed++
    total.assessed++
    const high: string[] = []
    for (const d of NEEDS_DOMAINS) {
      const level = (a.answers[d]?.level ?? 0) as 0 | 1 | 2 | 3
      row.domains[d]![level]++
      total.domains[d]![level]++
      if (level === 3) high.push(d)
    }
    if (high.length && (lastVisit.get(h.id) ?? -Infinity) <= Date.parse(a.assessedAt)) {
      highNoVisit.push({ householdId: h.id, gridId: h.gridId, headName: h.headName, assessedAt: a.assessedAt, highDomains: high })
    }
  }
  highNoVisit.sort((x, y) => Date.parse(x.assessedAt) - Date.parse(y.assessedAt))
  return { grids: [...rows.values()], total, highNoVisit }
}
