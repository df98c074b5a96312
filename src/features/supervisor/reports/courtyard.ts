import { COURTYARD_TEMPLATE, evaluateAssessment, type Assessment, type Grid, type Household } from '@/shared'
import type { LevelCounts } from './needs'

/**
 * The "most beautiful courtyard" (最美庭院) summary: its own figures, never mixed into
 * the needs picture. Pure. Rules:
 * - Each household counts once, by its latest courtyard assessment (greatest
 *   `assessedAt`, ties by the greater id); deleted ones are ignored.
 * - The score is the assessment's stored score, else the template's evaluation of its
 *   answers (percent of the points), so older records without a score still count.
 * - Per item (居室整洁, 厨卫卫生…): households at each of the four points levels.
 */

export const COURTYARD_TEMPLATE_ID = COURTYARD_TEMPLATE.id
export const COURTYARD_ITEMS = COURTYARD_TEMPLATE.domains.map((d) => d.key)

export interface CourtyardRow {
  gridId: string
  label: string
  households: number
  scored: number
  /** Mean score of the scored households (0–100, rounded), null when none. */
  average: number | null
  items: Record<string, LevelCounts>
}

export interface CourtyardReport {
  grids: CourtyardRow[]
  total: CourtyardRow
}

const emptyRow = (gridId: string, label: string): CourtyardRow => ({
  gridId, label, households: 0, scored: 0, average: null, items: Object.fromEntries(COURTYARD_ITEMS.map((k) => [k, [0, 0, 0, 0]])),
})

/** The latest non-deleted assessment of one template per household. */
export function latestByTemplate(assessments: Assessment[], templateId: string): Map<string, Assessment> {
  const latest = new Map<string, Assessment>()
  for (const a of assessments) {
    if (a.deleted || a.templateId !== templateId) continue
    const prev = latest.get(a.householdId)
    const diff = prev ? Date.parse(a.assessedAt) - Date.parse(prev.assessedAt) : 1
    if (diff > 0 || (diff === 0 && a.id > prev!.id)) latest.set(a.householdId, a)
  }
  return latest
}

const scoreOf = (a: Assessment) => a.score ?? evaluateAssessment(COURTYARD_TEMPLATE, a.answers).score ?? 0

/** Computes the courtyard summary of the given grids. */
export function computeCourtyard(input: { grids: Grid[]; households: Household[]; assessments: Assessment[] }): CourtyardReport {
  const rows = new Map(input.grids.map((g) => [g.id, emptyRow(g.id, g.name)]))
  const total = emptyRow('total', '')
  const sums = new Map<CourtyardRow, number>([[total, 0]])
  const latest = latestByTemplate(input.assessments, COURTYARD_TEMPLATE_ID)
  for (const h of input.households) {
    const row = rows.get(h.gridId)
    if (h.deleted || !row) continue
    const a = latest.get(h.id)
    for (const r of [row, total]) {
      r.households++
      if (!a) continue
      r.scored++
      sums.set(r, (sums.get(r) ?? 0) + scoreOf(a))
      for (const k of COURTYARD_ITEMS) r.items[k]![(a.answers[k]?.level ?? 0) as 0 | 1 | 2 | 3]++
    }
  }
  for (const r of [...rows.values(), total]) r.average = r.scored ? Math.round((sums.get(r) ?? 0) / r.scored) : null
  return { grids: [...rows.values()], total }
}
