import type { Grid, Visit } from '../../src/shared'
import { createSeedRandom } from './seed-random'
import { DAY } from './seed-time'
import { buildPlaces } from './demo-places'
import { buildHouseholds } from './demo-households'
import { buildAssessments } from './demo-assessments'
import { buildVisits } from './demo-visits'
import { buildWishes } from './demo-wishes'
import { buildReviews } from './demo-reviews'
import type { DemoData, GenerateDemoOptions } from './demo-types'

/**
 * The deterministic demo community: 城东社区 with four grids, four accounts, about 800
 * households / 2,400 persons, a year of visit diaries, wishes in every state, needs
 * assessments and supervisor reviews.
 *
 * Guarantee: the output is a pure function of the options (seed, size, `now`, visit
 * rate): same options, byte-identical data, ids included. Every record parses with its
 * shared zod schema, references only records generated here, and lies in the past of
 * `now`. Pass `now` for determinism; without it the real clock is used, so a freshly
 * seeded server shows a year of work that ends today.
 */

export { DEMO_PASSWORD } from './demo-places'
export type { DemoData, DemoUser, GenerateDemoOptions } from './demo-types'

export const DEFAULT_DEMO_SEED = 20240305
export const DEFAULT_DEMO_HOUSEHOLDS = 800

/** Each grid's estates with the buildings its households live in (the household form's pick list). */
function withBuildings(grids: Grid[], households: { gridId: string; address: { estate: string; building: string } }[]): Grid[] {
  return grids.map((g) => {
    const buildings: Record<string, string[]> = {}
    for (const estate of g.estates) {
      const found = new Set(households.filter((h) => h.gridId === g.id && h.address.estate === estate).map((h) => h.address.building))
      buildings[estate] = [...found].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
    }
    return { ...g, buildings }
  })
}

export function generateDemo(opts: GenerateDemoOptions = {}): DemoData {
  const rng = createSeedRandom(opts.seed ?? DEFAULT_DEMO_SEED)
  const nowMs = (opts.now ?? new Date()).getTime()
  if (!Number.isFinite(nowMs)) throw new RangeError('generateDemo: invalid now')
  const count = Math.max(0, Math.floor(opts.households ?? DEFAULT_DEMO_HOUSEHOLDS))
  const yearStartMs = nowMs - 365 * DAY
  const places = buildPlaces(rng, yearStartMs - 60 * DAY)
  const plans = buildHouseholds(rng, places, { count, nowMs, yearStartMs })
  const assessments = buildAssessments(rng, places, plans, nowMs)
  const visits = buildVisits(rng, places, plans, { nowMs, yearStartMs, visitsPerHouseholdPerYear: opts.visitsPerHouseholdPerYear })
  const wishes = buildWishes(rng, places, plans, visits, nowMs, yearStartMs)
  const { reviews, corrections } = buildReviews(rng, places.supervisor, visits, wishes, assessments, nowMs)
  const allVisits: Visit[] = [...visits, ...corrections].sort((a, b) => a.visitedAt.localeCompare(b.visitedAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  return {
    community: places.community,
    grids: withBuildings(places.grids, plans.map((p) => p.household)),
    users: places.users,
    households: plans.map((p) => p.household),
    persons: plans.flatMap((p) => p.persons),
    visits: allVisits,
    wishes,
    assessments,
    reviews,
  }
}
