import type { Address } from '@/shared'
import { naturalOrder } from '@/shared/rules/address-order'

/**
 * The household list as she walks: rows already sorted by address (sortByAddress) cut
 * into sections of one 小区 › 楼栋 › 单元 each, and the index of estates and buildings
 * to jump to. Pure functions of the rows, so the page and its tests see the same cut.
 */

export interface HouseholdSection<R> {
  /** `estate|building|unit`: unique within one sorted list. */
  key: string
  /** `estate|building`: the jump target of the index. */
  buildingKey: string
  address: Pick<Address, 'estate' | 'building' | 'unit'>
  rows: R[]
  /** Rows of the whole section (more than `rows` while the list is drawn a page at a time). */
  total: number
}

/** The key the index and the building filter use for one building of one estate. */
export const buildingKeyOf = (a: Pick<Address, 'estate' | 'building'>): string => `${a.estate}|${a.building}`

/** Consecutive rows at the same estate, building and unit, as sections, in the rows' order. */
export function sectionsOf<R>(rows: readonly R[], addressOf: (row: R) => Address): HouseholdSection<R>[] {
  const out: HouseholdSection<R>[] = []
  let current: HouseholdSection<R> | undefined
  for (const row of rows) {
    const a = addressOf(row)
    const key = `${buildingKeyOf(a)}|${a.unit}`
    if (current?.key !== key) {
      current = { key, buildingKey: buildingKeyOf(a), address: { estate: a.estate, building: a.building, unit: a.unit }, rows: [], total: 0 }
      out.push(current)
    }
    current.rows.push(row)
    current.total += 1
  }
  return out
}

/** The sections holding the first `n` rows (the last one cut short), keeping each `total`. */
export function firstRows<R>(sections: readonly HouseholdSection<R>[], n: number): HouseholdSection<R>[] {
  const out: HouseholdSection<R>[] = []
  let left = n
  for (const s of sections) {
    if (left <= 0) break
    out.push(s.rows.length <= left ? s : { ...s, rows: s.rows.slice(0, left) })
    left -= s.rows.length
  }
  return out
}

export interface IndexedBuilding {
  estate: string
  building: string
  key: string
  count: number
  /** Position of its first row in the sorted list (where a jump lands). */
  first: number
}

export interface IndexedEstate {
  estate: string
  count: number
  buildings: IndexedBuilding[]
}

/** Estates and their buildings, in the order of the (address-sorted) rows, with counts. */
export function buildingIndex<R>(rows: readonly R[], addressOf: (row: R) => Address): IndexedEstate[] {
  const estates: IndexedEstate[] = []
  const byKey = new Map<string, IndexedBuilding>()
  rows.forEach((row, i) => {
    const a = addressOf(row)
    let estate = estates[estates.length - 1]
    if (estate?.estate !== a.estate) {
      estate = { estate: a.estate, count: 0, buildings: [] }
      estates.push(estate)
    }
    estate.count += 1
    const key = buildingKeyOf(a)
    const known = byKey.get(key)
    if (known) known.count += 1
    else {
      const b = { estate: a.estate, building: a.building, key, count: 1, first: i }
      byKey.set(key, b)
      estate.buildings.push(b)
    }
  })
  return estates
}

/** Estates and the buildings of each, in natural order, of any households (for the filters). */
export function placesOf(addresses: readonly Pick<Address, 'estate' | 'building'>[]): { estate: string; buildings: string[] }[] {
  const map = new Map<string, Set<string>>()
  for (const a of addresses) {
    const set = map.get(a.estate) ?? new Set<string>()
    set.add(a.building)
    map.set(a.estate, set)
  }
  const order = naturalOrder()
  return [...map.keys()].sort(order).map((estate) => ({ estate, buildings: [...(map.get(estate) ?? [])].sort(order) }))
}
