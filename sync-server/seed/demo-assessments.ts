import type { Assessment, AssessmentAnswer, AssessmentTemplate, Household, NeedLevel } from '../../src/shared'
import { COURTYARD_TEMPLATE, NEEDS_TEMPLATE, evaluateAssessment } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, HOUR, MINUTE, isoDateTime, startOfDay } from './seed-time'
import type { HouseholdPlan } from './demo-households'
import type { DemoPlaces } from './demo-places'
import { COURTYARD_NOTES, DOMAIN_NOTES, GROUP_NEEDS, WANTED_JOBS } from './demo-assessment-text'
import { fieldClock, seedHlc } from './demo-mergeable'
import { fits, traitsOf, type HouseholdTraits } from './demo-fit'

/**
 * Needs assessments (`needs-v1`) for most key households, some repeated months later,
 * and a few "most beautiful courtyard" scores. The latest needs assessment sets the
 * household's care level and visit cadence through `evaluateAssessment`, exactly as the
 * app does, and stamps those two household fields with the assessment's HLC; like the
 * app, it records the change on the assessment and leaves the household's `updatedAt`.
 */

function needsAnswers(rng: SeedRandom, h: Household, traits: HouseholdTraits): Record<string, AssessmentAnswer> {
  const levels = new Map<string, number>()
  for (const g of h.keyGroups)
    for (const [domain, lo, hi] of GROUP_NEEDS[g]) levels.set(domain, Math.max(levels.get(domain) ?? 0, rng.int(lo, hi)))
  // Households without key groups mostly have small needs, now and then one.
  if (h.keyGroups.length === 0) levels.set(rng.pick(NEEDS_TEMPLATE.domains).key, rng.int(0, 1))
  const answers: Record<string, AssessmentAnswer> = {}
  for (const d of NEEDS_TEMPLATE.domains) {
    const wanted = Math.min(3, levels.get(d.key) ?? (rng.chance(0.15) ? 1 : 0)) as NeedLevel
    // Only notes that fit the household (no homework for a childless couple); none → no need.
    const pool = wanted === 0 ? [] : ((DOMAIN_NOTES[d.key] as string[][])[wanted - 1] as string[]).filter((n) => fits(n, traits))
    const level = pool.length > 0 ? wanted : 0
    const notes = pool.length > 0 ? rng.pick(pool) : ''
    const extra: Record<string, string> =
      d.key === 'employment' && level > 0
        ? { wantedJob: rng.pick(WANTED_JOBS), expectedPay: String(rng.int(25, 50) * 100) }
        : {}
    answers[d.key] = { level, notes, extra }
  }
  return answers
}

function courtyardAnswers(rng: SeedRandom): Record<string, AssessmentAnswer> {
  return Object.fromEntries(
    COURTYARD_TEMPLATE.domains.map((d) => {
      const level = rng.weighted<NeedLevel>([[1, 15], [2, 45], [3, 40]])
      return [d.key, { level, notes: rng.chance(0.6) ? rng.pick(COURTYARD_NOTES[d.key] ?? ['']) : '', extra: {} }]
    }),
  )
}

/** `from`: the household's care level before (a needs assessment records its change). */
function assessment(rng: SeedRandom, plan: HouseholdPlan, template: AssessmentTemplate, assessorId: string, ms: number, from = 0): Assessment {
  const h = plan.household
  const answers = template.kind === 'needs' ? needsAnswers(rng, h, traitsOf(plan.persons, ms)) : courtyardAnswers(rng)
  const result = evaluateAssessment(template, answers)
  const at = isoDateTime(ms)
  return {
    id: rng.uuid(ms),
    gridId: h.gridId,
    householdId: h.id,
    templateId: template.id,
    assessedAt: at,
    assessorId,
    answers,
    careLevel: result.careLevel,
    cadenceDays: result.cadenceDays,
    score: result.score,
    careLevelChange: template.kind === 'needs' ? { from, to: result.careLevel } : null,
    deleted: false,
    hlc: fieldClock('assessment', ms),
    createdAt: at,
    updatedAt: at,
  }
}

/** A working-hours instant between `fromMs` and `toMs`, or null when the span is empty. */
function workTimeBetween(rng: SeedRandom, fromMs: number, toMs: number): number | null {
  if (toMs - fromMs < DAY) return null
  const day = fromMs + rng.int(0, Math.floor((toMs - fromMs) / DAY) - 1) * DAY
  return Math.max(fromMs, startOfDay(day) + 9 * HOUR + rng.int(0, 8 * 60) * MINUTE)
}

export function buildAssessments(rng: SeedRandom, places: DemoPlaces, plans: HouseholdPlan[], nowMs: number): Assessment[] {
  const out: Assessment[] = []
  for (const plan of plans) {
    const h = plan.household
    const assessorId = places.workerOfGrid.get(h.gridId)?.id ?? places.supervisor.id
    const createdMs = Date.parse(h.createdAt)
    const isKey = h.keyGroups.length > 0
    if (rng.chance(isKey ? (plan.newcomer ? 0.4 : 0.85) : 0.03)) {
      const first = workTimeBetween(rng, createdMs + 3 * DAY, Math.min(createdMs + 60 * DAY, nowMs - DAY))
      if (first !== null) {
        let latest = assessment(rng, plan, NEEDS_TEMPLATE, assessorId, first, h.careLevel)
        out.push(latest)
        const again = isKey && rng.chance(0.35) ? workTimeBetween(rng, first + 120 * DAY, nowMs - DAY) : null
        if (again !== null) out.push((latest = assessment(rng, plan, NEEDS_TEMPLATE, assessorId, again, latest.careLevel)))
        applyToHousehold(h, latest)
      }
    }
    if (rng.chance(0.05)) {
      const at = workTimeBetween(rng, createdMs + DAY, nowMs - DAY)
      if (at !== null) out.push(assessment(rng, plan, COURTYARD_TEMPLATE, assessorId, at))
    }
  }
  return out
}

function applyToHousehold(h: Household, a: Assessment): void {
  const ms = Date.parse(a.assessedAt)
  h.careLevel = a.careLevel
  h.visitCadenceDays = a.cadenceDays
  // The assessment's own change (rules/care-level.ts): the household keeps its time.
  h.hlc = { ...h.hlc, careLevel: seedHlc(ms, 1), visitCadenceDays: seedHlc(ms, 1) }
}
