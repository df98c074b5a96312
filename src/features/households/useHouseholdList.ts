import { computed, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { getDb, type LocalHousehold, type LocalPerson } from '@/db/db'
import { isDegraded } from '@/db/derive'
import { useLiveQuery, type LiveQueryState } from '@/composables/useLiveQuery'
import { listHouseholds, listMembers } from './households-read-repository'
import { buildingIndex, firstRows, placesOf, sectionsOf, type HouseholdSection, type IndexedEstate } from './household-order'
import { emptyFilter, filterHouseholds, membersByHousehold, sortByWalkingOrder, type HouseholdFilter, type HouseholdMatch } from './household-search'
import { personNeedsSearchText, repairSearchText } from './search-text-repository'

/** Rows drawn per page as the list scrolls, so 600+ households stay smooth on a cheap phone. */
export const PAGE = 40

export type Match = HouseholdMatch<LocalHousehold>

export interface UseHouseholdListOptions {
  /** "Now", injectable for tests. */
  now?: () => Date
}

export interface UseHouseholdList {
  state: Ref<LiveQueryState>
  error: Ref<Error | null>
  filter: ShallowRef<HouseholdFilter>
  set: <K extends keyof HouseholdFilter>(key: K, value: HouseholdFilter[K]) => void
  matches: ComputedRef<Match[]>
  /** The rows drawn so far (a page at a time). */
  visible: ComputedRef<Match[]>
  /** The drawn rows by 小区 › 楼栋 › 单元 (walking order only; one unnamed section otherwise). */
  sections: ComputedRef<HouseholdSection<Match>[]>
  finished: ComputedRef<boolean>
  /** Draws the next page. */
  more: () => void
  /** Estates and buildings of the matches, to jump to (walking order only). */
  index: ComputedRef<IndexedEstate[]>
  /** Estates and buildings of all households, for the filters. */
  places: ComputedRef<{ estate: string; buildings: string[] }[]>
  /** Draws the rows up to the building `key` (estate|building) and a page past it. */
  reveal: (key: string) => void
}

/** The household list's data, filter, order and paging, live from the device database. */
export function useHouseholdList(options: UseHouseholdListOptions = {}): UseHouseholdList {
  const now = options.now ?? (() => new Date())
  const all = useLiveQuery({ query: listHouseholds, initial: [] as LocalHousehold[] })
  const persons = useLiveQuery({ query: listMembers, initial: [] as LocalPerson[] })
  const filter = shallowRef<HouseholdFilter>(emptyFilter())
  const shown = shallowRef(PAGE)

  const members = computed(() => membersByHousehold(persons.data.value))
  const walkingOrder = computed(() => sortByWalkingOrder(all.data.value))
  const matches = computed(() => filterHouseholds(walkingOrder.value, filter.value, now(), members.value))
  const visible = computed(() => matches.value.slice(0, shown.value))
  const walking = computed(() => filter.value.order === 'address')
  const allSections = computed(() => (walking.value ? sectionsOf(matches.value, (m) => m.household.address) : []))
  const sections = computed(() =>
    walking.value
      ? firstRows(allSections.value, shown.value)
      : [{ key: 'flat', buildingKey: '', address: { estate: '', building: '', unit: '' }, rows: visible.value, total: matches.value.length }],
  )
  const index = computed(() => (walking.value ? buildingIndex(matches.value, (m) => m.household.address) : []))
  const places = computed(() => placesOf(all.data.value.map((h) => h.address)))
  watch(filter, () => (shown.value = PAGE))

  // Rows stored before the pinyin dictionary loaded (a sync cut short), and members stored
  // before they were searchable, get their search text now.
  watch(
    () => all.data.value.some((h) => isDegraded(h.searchText)) || persons.data.value.some(personNeedsSearchText),
    (some) => {
      if (some) repairSearchText(getDb()).catch(() => undefined)
    },
    { immediate: true },
  )

  function reveal(key: string): void {
    const target = index.value.flatMap((e) => e.buildings).find((b) => b.key === key)
    if (target) shown.value = Math.max(shown.value, target.first + PAGE)
  }

  const state = computed<LiveQueryState>(() => {
    const both = [all.state.value, persons.state.value]
    if (both.includes('error')) return 'error'
    return both.includes('loading') ? 'loading' : 'ready'
  })
  return {
    state,
    error: computed(() => all.error.value ?? persons.error.value),
    filter,
    // Another estate has other buildings: its building filter starts over.
    set: (key, value) => {
      filter.value = { ...filter.value, [key]: value, ...(key === 'estate' ? { building: '' } : {}) }
    },
    matches,
    visible,
    sections,
    finished: computed(() => shown.value >= matches.value.length),
    more: () => (shown.value += PAGE),
    index,
    places,
    reveal,
  }
}
