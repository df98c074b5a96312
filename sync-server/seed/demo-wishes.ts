import type { Claimant, Visit, Wish, WishCategory, WishState } from '../../src/shared'
import { WISH_STATES } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, HOUR, MINUTE, isoDate, isoDateTime, startOfDay } from './seed-time'
import type { HouseholdPlan } from './demo-households'
import type { DemoPlaces } from './demo-places'
import { mobile } from './demo-names'
import { fits, traitsOf } from './demo-fit'
import { CLAIMANTS, CLOSED_REASONS, GROUP_CATEGORIES, WISH_TEXTS } from './demo-wish-text'

/**
 * Wish cards in every state, with histories that match their state: registered at a
 * visit (linked to it) or on their own; claimed by a named volunteer, shop, company or
 * unit; fulfilled with date, what was done and feedback; or closed with a reason. Every
 * event lies between the wish's creation and `now`.
 */

const STATE_WEIGHTS: [WishState, number][] = [['registered', 25], ['claimed', 20], ['fulfilled', 45], ['closed', 10]]

interface Timeline {
  state: WishState
  /** Days from registration to claim / to fulfilment or closing. */
  claimDays: number | null
  endDays: number | null
}

function timeline(rng: SeedRandom, state: WishState): Timeline {
  const claimDays = state === 'claimed' || state === 'fulfilled' || (state === 'closed' && rng.chance(0.3)) ? rng.int(1, 20) : null
  const endDays = state === 'fulfilled' ? (claimDays ?? 0) + rng.int(1, 30) : state === 'closed' ? (claimDays ?? 0) + rng.int(3, 40) : null
  return { state, claimDays, endDays }
}

function workTime(rng: SeedRandom, dayMs: number): number {
  return startOfDay(dayMs) + 9 * HOUR + rng.int(0, 8 * 60) * MINUTE
}

function claimantFor(rng: SeedRandom, category: WishCategory): Claimant {
  const [name, kind] = rng.pick(CLAIMANTS[category])
  return { name, kind, phone: kind === 'volunteer' ? mobile(rng) : `0911-56${rng.int(10000, 99999)}` }
}

interface WishContext {
  rng: SeedRandom
  places: DemoPlaces
  nowMs: number
  yearStartMs: number
  visitsByHousehold: Map<string, Visit[]>
}

function buildWish(ctx: WishContext, plan: HouseholdPlan, state: WishState): Wish | null {
  const { rng, nowMs } = ctx
  const h = plan.household
  const worker = ctx.places.workerOfGrid.get(h.gridId)
  if (!worker) return null
  const t = timeline(rng, state)
  const latestStart = nowMs - ((t.endDays ?? t.claimDays ?? 0) + 1) * DAY
  const earliest = Math.max(ctx.yearStartMs, Date.parse(h.createdAt) + DAY)
  if (latestStart <= earliest) return null
  const visits = (ctx.visitsByHousehold.get(h.id) ?? []).filter((v) => Date.parse(v.createdAt) < latestStart)
  const visit = visits.length > 0 && rng.chance(0.75) ? rng.pick(visits) : null
  const createdMs = visit ? Date.parse(visit.createdAt) + rng.int(1, 10) * MINUTE : workTime(rng, rng.float(earliest, latestStart))
  const traits = traitsOf(plan.persons, nowMs)
  const suits = (c: WishCategory) => WISH_TEXTS[c].some((w) => fits(w.join(''), traits))
  const categories = GROUP_CATEGORIES[h.keyGroups.length ? rng.pick(h.keyGroups) : 'general'].filter(suits)
  const category = rng.pick(categories.length ? categories : GROUP_CATEGORIES.general.filter(suits))
  const [title, detail, done, feedback] = rng.pick(WISH_TEXTS[category].filter((w) => fits(w.join(''), traits)))
  const by = worker.displayName
  const history: Wish['history'] = [{ state: 'registered', at: isoDateTime(createdMs), by, note: visit ? '走访时登记' : '居民到社区反映' }]
  let claimedBy: Claimant | null = null
  let claimedAt: string | null = null
  if (t.claimDays !== null) {
    claimedBy = claimantFor(rng, category)
    claimedAt = isoDateTime(Math.min(nowMs - HOUR, workTime(rng, createdMs + t.claimDays * DAY)))
    history.push({ state: 'claimed', at: claimedAt, by, note: `${claimedBy.name}认领` })
  }
  const endMs = t.endDays === null ? null : Math.min(nowMs - HOUR, workTime(rng, createdMs + t.endDays * DAY))
  const closedReason = state === 'closed' ? rng.pick(CLOSED_REASONS) : null
  if (endMs !== null) history.push({ state, at: isoDateTime(endMs), by, note: closedReason ?? done })
  const person = rng.chance(0.5) ? rng.pick(plan.persons) : null
  return {
    id: rng.uuid(createdMs),
    householdId: h.id,
    gridId: h.gridId,
    personId: person?.id ?? null,
    visitId: visit?.id ?? null,
    title,
    detail,
    category,
    state,
    claimedBy,
    claimedAt,
    fulfilment: state === 'fulfilled' && endMs !== null ? { date: isoDate(endMs), whatWasDone: done, feedback: rng.chance(0.85) ? feedback : '', photo: null } : null,
    closedReason,
    history,
    createdBy: worker.id,
    createdAt: isoDateTime(createdMs),
    updatedAt: (history[history.length - 1] as Wish['history'][number]).at,
  }
}

/** Wishes of about one household in six (more among key households). */
export function buildWishes(rng: SeedRandom, places: DemoPlaces, plans: HouseholdPlan[], visits: Visit[], nowMs: number, yearStartMs: number): Wish[] {
  const visitsByHousehold = new Map<string, Visit[]>()
  for (const v of visits) {
    const list = visitsByHousehold.get(v.householdId)
    if (list) list.push(v)
    else visitsByHousehold.set(v.householdId, [v])
  }
  const ctx: WishContext = { rng, places, nowMs, yearStartMs, visitsByHousehold }
  const wishes: Wish[] = []
  let forced = 0
  for (const plan of plans) {
    const n = rng.chance(plan.household.keyGroups.length ? 0.45 : 0.08) ? rng.weighted([[1, 80], [2, 20]]) : 0
    for (let i = 0; i < n; i++) {
      // The first wishes take each state in turn, so even a tiny demo shows all four.
      const state = forced < WISH_STATES.length ? (WISH_STATES[forced] as WishState) : rng.weighted(STATE_WEIGHTS)
      const wish = buildWish(ctx, plan, state)
      if (wish) {
        wishes.push(wish)
        if (forced < WISH_STATES.length) forced++
      }
    }
  }
  return wishes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}
