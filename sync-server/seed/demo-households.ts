import type { Address, Household, KeyGroup, Person } from '../../src/shared'
import { KEY_GROUPS } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, HOUR, MINUTE, isoDateTime, startOfDay } from './seed-time'
import type { DemoPlaces } from './demo-places'
import { buildFamily, type FamilyContext, type FamilyKind } from './demo-family'
import { fieldClock } from './demo-mergeable'

/**
 * Households and their persons, spread over the grids' estates with unique addresses
 * (building 1–n 栋, unit 1–3 单元, doors 101–602 of six-storey walk-ups; the old lane
 * 东关巷 has house numbers instead). Most were registered in the census before the demo
 * year; a few moved in recently, and some of those were never visited yet.
 */

export interface HouseholdPlan {
  household: Household
  persons: Person[]
  kind: FamilyKind
  /** Moved in during the last months. */
  newcomer: boolean
}

/** Share of households per grid (the third grid is the biggest, the fourth the smallest). */
const GRID_SHARE = [0.25, 0.25, 0.28, 0.22]

type AddressPool = () => Address

function addressPool(rng: SeedRandom, estate: string, expected: number): AddressPool {
  const slots: Address[] = []
  if (estate.endsWith('巷')) {
    for (let n = 1; n <= Math.max(60, Math.ceil(expected * 1.5)); n++) slots.push({ estate, building: `${n}号`, unit: '', door: '' })
  } else {
    const buildings = Math.max(rng.int(5, 12), Math.ceil((expected * 1.4) / 36))
    for (let b = 1; b <= buildings; b++)
      for (let u = 1; u <= 3; u++)
        for (let f = 1; f <= 6; f++)
          for (let d = 1; d <= 2; d++) slots.push({ estate, building: `${b}栋`, unit: `${u}单元`, door: `${f}0${d}` })
  }
  return () => {
    if (slots.length === 0) throw new Error(`no address left in ${estate}`)
    return slots.splice(Math.floor(rng.next() * slots.length), 1)[0] as Address
  }
}

function gridSizes(total: number): number[] {
  const sizes = GRID_SHARE.map((s) => Math.floor(total * s))
  sizes[0] = (sizes[0] as number) + total - sizes.reduce((a, b) => a + b, 0)
  return sizes
}

export interface HouseholdOptions {
  count: number
  nowMs: number
  yearStartMs: number
}

export function buildHouseholds(rng: SeedRandom, places: DemoPlaces, opts: HouseholdOptions): HouseholdPlan[] {
  const ctx: FamilyContext = { rng, nowMs: opts.nowMs, birthdayBoost: 0.05 }
  const plans: HouseholdPlan[] = []
  const sizes = gridSizes(opts.count)
  places.grids.forEach((grid, gi) => {
    const estates = places.estatesOfGrid.get(grid.id) ?? []
    const size = sizes[gi] ?? 0
    const pools = estates.map((e) => addressPool(rng, e, size / estates.length))
    for (let i = 0; i < size; i++) {
      const address = (pools[i % pools.length] as AddressPool)()
      plans.push(buildOne(rng, ctx, grid.id, address, opts))
    }
  })
  return plans
}

function buildOne(rng: SeedRandom, ctx: FamilyContext, gridId: string, address: Address, opts: HouseholdOptions): HouseholdPlan {
  const family = buildFamily(ctx)
  const newcomer = rng.chance(0.05)
  // Registered in the census before the demo year, or (newcomers) in recent months.
  const day = newcomer ? opts.nowMs - rng.int(3, 120) * DAY : opts.yearStartMs - rng.int(5, 40) * DAY
  const createdMs = startOfDay(day) + 9 * HOUR + rng.int(0, 8 * 60) * MINUTE
  const householdId = rng.uuid(createdMs)
  const createdAt = isoDateTime(createdMs)
  const persons = family.persons.map((p, i): Person => {
    const ms = createdMs + (i + 1) * 60_000
    return {
      id: rng.uuid(ms),
      gridId,
      householdId,
      ...p,
      deleted: false,
      hlc: fieldClock('person', ms),
      createdAt: isoDateTime(ms),
      updatedAt: isoDateTime(ms),
    }
  })
  const flags = new Set<KeyGroup>(persons.flatMap((p) => p.keyGroups))
  const keyGroups = KEY_GROUPS.filter((g) => flags.has(g))
  const head = persons[0] as Person
  const household: Household = {
    id: householdId,
    gridId,
    headName: head.name,
    address,
    phone: persons.find((p) => p.phone)?.phone ?? '',
    keyGroups,
    careLevel: keyGroups.length > 0 ? 1 : 0,
    visitCadenceDays: null,
    notes: family.notes,
    deleted: false,
    hlc: fieldClock('household', createdMs),
    createdAt,
    updatedAt: createdAt,
  }
  return { household, persons, kind: family.kind, newcomer }
}
