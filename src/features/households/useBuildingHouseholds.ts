import { computed, type ComputedRef, type Ref } from 'vue'
import type { LocalHousehold } from '@/db/db'
import { useLiveQuery, type LiveQueryState } from '@/composables/useLiveQuery'
import { dueHouseholds, type DueItem } from '@/features/today/today-rules'
import { buildingIndex, type IndexedBuilding, type IndexedEstate } from './household-order'
import { sortByWalkingOrder } from './household-search'
import { listHouseholds } from './households-read-repository'

/**
 * The households of one building as she walks it: those due (by Today's rule: the
 * cadence of a key household, or the next visit a visit promised) first, most overdue
 * first, then the others in door order; and the building after it, to walk on to.
 */

export interface UseBuildingHouseholdsOptions {
  /** `estate|building` of the building, '' for none chosen yet. */
  buildingKey: () => string
  /** "Now", injectable for tests. */
  now?: () => Date
}

export interface UseBuildingHouseholds {
  state: Ref<LiveQueryState>
  error: Ref<Error | null>
  /** Every estate and building of the device, in walking order. */
  index: ComputedRef<IndexedEstate[]>
  /** The chosen building, when the device has households there. */
  building: ComputedRef<IndexedBuilding | undefined>
  due: ComputedRef<DueItem<LocalHousehold>[]>
  others: ComputedRef<LocalHousehold[]>
  /** The next building in walking order (null after the last one). */
  next: ComputedRef<IndexedBuilding | null>
}

/** One building's households, live from the device database. */
export function useBuildingHouseholds(options: UseBuildingHouseholdsOptions): UseBuildingHouseholds {
  const now = options.now ?? (() => new Date())
  const all = useLiveQuery({ query: listHouseholds, initial: [] as LocalHousehold[] })
  const sorted = computed(() => sortByWalkingOrder(all.data.value))
  const index = computed(() => buildingIndex(sorted.value, (h) => h.address))
  const buildings = computed(() => index.value.flatMap((e) => e.buildings))
  const building = computed(() => buildings.value.find((b) => b.key === options.buildingKey()))
  const rows = computed(() => (building.value ? sorted.value.slice(building.value.first, building.value.first + building.value.count) : []))
  const due = computed(() => {
    const promised = new Map(rows.value.flatMap((h) => (h.promisedOn ? [[h.id, h.promisedOn] as const] : [])))
    return dueHouseholds(rows.value, now(), promised)
  })
  const others = computed(() => {
    const dueIds = new Set(due.value.map((d) => d.household.id))
    return rows.value.filter((h) => !dueIds.has(h.id))
  })
  const next = computed(() => {
    const at = buildings.value.findIndex((b) => b.key === options.buildingKey())
    return at >= 0 ? (buildings.value[at + 1] ?? null) : null
  })
  return { state: all.state, error: all.error, index, building, due, others, next }
}
