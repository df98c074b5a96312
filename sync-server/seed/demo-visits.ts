import type { KeyGroup, Policy, Visit, VisitMethod } from '../../src/shared'
import { householdCadenceDays } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, HOUR, MINUTE, isoDate, isoDateTime, startOfDay, weekday } from './seed-time'
import type { HouseholdPlan } from './demo-households'
import type { DemoPlaces } from './demo-places'
import { GROUP_POLICIES, REMOTE_SEEN, SCENARIOS, type Scenario } from './demo-visit-text'
import { fitting, traitsOf, type HouseholdTraits } from './demo-fit'
import { festivalsBetween } from './demo-festivals'

/**
 * A year of visit diaries. Key households are visited roughly on their cadence; others
 * now and then or never. About a fifth of key households lapsed (their last visit is
 * older than their cadence: the supervisor's "overdue" list), and some newcomers were
 * never visited, so the Today screen has work on it. Key households also get the
 * festival visits of the care calendar (demo-festivals.ts). `visitsPerHouseholdPerYear`
 * scales every household's rate, for benchmarks that want a heavier year.
 */

export interface VisitOptions {
  nowMs: number
  yearStartMs: number
  visitsPerHouseholdPerYear?: number
}

interface Rhythm {
  plan: HouseholdPlan
  perYear: number
  /** No visits after this instant (a lapse makes the household overdue). */
  endMs: number
}

function rhythmOf(rng: SeedRandom, plan: HouseholdPlan, opts: VisitOptions): Rhythm {
  const h = plan.household
  const cadence = householdCadenceDays(h)
  if (cadence === null) {
    const perYear = rng.weighted([[0, 30], [1, 30], [2, 20], [3, 12], [4, 8]]) * rng.float(0.8, 1.2)
    return { plan, perYear, endMs: opts.nowMs }
  }
  const never = plan.newcomer ? rng.chance(0.5) : rng.chance(0.03)
  const lapsed = rng.chance(0.2)
  const endMs = lapsed ? opts.nowMs - cadence * rng.float(1.2, 2.5) * DAY : opts.nowMs
  return { plan, perYear: never ? 0 : (365 / cadence) * rng.float(0.8, 1.05), endMs }
}

function visitDay(rng: SeedRandom, ms: number): number {
  // Workers visit on weekdays mostly; a Saturday visit now and then.
  const wd = weekday(ms)
  if (wd === 0) return ms + DAY
  if (wd === 6 && rng.chance(0.7)) return ms - DAY
  return ms
}

function method(rng: SeedRandom, groups: KeyGroup[]): VisitMethod {
  const frail = groups.some((g) => g === 'elderly-alone' || g === 'lost-only-child' || g === 'disabled')
  return rng.weighted<VisitMethod>(frail ? [['in-person', 80], ['phone', 18], ['wechat', 2]] : [['in-person', 62], ['phone', 20], ['wechat', 18]])
}

function policies(rng: SeedRandom, groups: KeyGroup[]): Policy[] {
  if (!rng.chance(groups.length ? 0.4 : 0.12)) return []
  const pool = [...new Set(groups.flatMap((g) => GROUP_POLICIES[g]).concat(groups.length ? [] : GROUP_POLICIES.general))]
  return rng.sample(pool, rng.int(1, 2))
}

interface VisitContext {
  rng: SeedRandom
  places: DemoPlaces
  nowMs: number
}

/** One diary entry; a festival visit brings its own scenario and is made in person. */
function visit(ctx: VisitContext, plan: HouseholdPlan, traits: HouseholdTraits, ms: number, festival?: Scenario): Visit {
  const { rng, places, nowMs } = ctx
  const h = plan.household
  const worker = places.workerOfGrid.get(h.gridId)
  if (!worker) throw new Error(`grid ${h.gridId} has no worker`)
  const groups = h.keyGroups
  const topic = groups.length > 0 && rng.chance(0.85) ? rng.pick(groups) : 'general'
  const [seen, asked, done] = festival ?? rng.pick(fitting(SCENARIOS[topic], (sc) => sc.join(''), traits, SCENARIOS.general))
  // No phone in the household: the worker has to knock on the door.
  const how = festival || h.phone === '' ? 'in-person' : method(rng, groups)
  const fill = (s: string) => s.replaceAll('{name}', h.headName)
  const cadence = householdCadenceDays(h)
  const next = cadence ?? (rng.chance(0.4) ? 90 : null)
  return {
    id: rng.uuid(ms),
    householdId: h.id,
    gridId: h.gridId,
    visitedAt: isoDateTime(ms),
    visitorId: worker.id,
    visitorName: worker.displayName,
    method: how,
    outcome: 'met',
    seen: fill(how === 'in-person' ? seen : rng.pick(REMOTE_SEEN[how])),
    asked: fill(asked),
    done: fill(done),
    policies: policies(rng, groups),
    nextVisitOn: next === null ? null : isoDate(ms + next * DAY),
    photos: [],
    correctsId: null,
    createdAt: isoDateTime(Math.min(nowMs, ms + rng.int(2, 40) * MINUTE)),
  }
}

/** All diaries of the year, ordered by time of visit. */
export function buildVisits(rng: SeedRandom, places: DemoPlaces, plans: HouseholdPlan[], opts: VisitOptions): Visit[] {
  const rhythms = plans.map((p) => rhythmOf(rng, p, opts))
  const natural = rhythms.reduce((s, r) => s + r.perYear, 0) / Math.max(1, rhythms.length)
  const scale = opts.visitsPerHouseholdPerYear && natural > 0 ? opts.visitsPerHouseholdPerYear / natural : 1
  const ctx: VisitContext = { rng, places, nowMs: opts.nowMs }
  const festivals = festivalsBetween(opts.yearStartMs, opts.nowMs)
  const visits: Visit[] = []
  const workTime = (t: number) => startOfDay(visitDay(rng, t)) + 8 * HOUR + 30 * MINUTE + rng.int(0, 9 * 60) * MINUTE
  for (const r of rhythms) {
    if (r.perYear <= 0) continue
    const traits = traitsOf(r.plan.persons, opts.nowMs)
    const interval = 365 / (r.perYear * scale)
    const from = Math.max(opts.yearStartMs, Date.parse(r.plan.household.createdAt) + DAY)
    const inSpan = (ms: number) => ms < r.endMs && ms < opts.nowMs && ms > from
    for (let t = from + rng.float(0, Math.min(interval, 365)) * DAY; t < r.endMs; t += interval * rng.float(0.75, 1.25) * DAY) {
      const ms = workTime(t)
      if (inSpan(ms)) visits.push(visit(ctx, r.plan, traits, ms))
    }
    for (const { festival, ms: day } of festivals) {
      if (!festival.concerns(r.plan.household, traits) || !rng.chance(0.75)) continue
      const ms = workTime(day - rng.int(0, 4) * DAY)
      if (inSpan(ms)) visits.push(visit(ctx, r.plan, traits, ms, rng.pick(festival.scenarios)))
    }
  }
  return visits.sort((a, b) => a.visitedAt.localeCompare(b.visitedAt) || a.id.localeCompare(b.id))
}
