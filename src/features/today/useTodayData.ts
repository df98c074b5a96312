import { computed, onMounted, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import type { LocalHousehold, LocalPerson } from '@/db/db'
import { returnedTasks, type ReturnedTasks } from '@/db/reviews-repository'
import { useLiveQuery, type LiveQueryState } from '@/composables/useLiveQuery'
import { householdsByIds, householdsPromisedBy, listKeyHouseholds } from '@/features/households/households-read-repository'
import { keyPersonsBornOn } from '@/features/persons/persons-read-repository'
import { festivalLunarToSolar, loadLunarToSolar, tableCovers } from './lunar-calendar'
import {
  birthdaysIn,
  dueHouseholds,
  isoDay,
  upcomingFestivals,
  upcomingMonthDays,
  type BirthdayItem,
  type DueItem,
  type FestivalItem,
  type LunarToSolar,
} from './today-rules'
import { communityDays } from './community-days'
import { communityDates } from '@/features/community/community-settings-repository'
import type { CommunityDate } from '@/shared'

export interface UseTodayDataOptions {
  /** "Now", injectable for tests. */
  now?: () => Date
}

export interface BirthdayRow extends BirthdayItem<LocalPerson> {
  household: LocalHousehold | undefined
}

export interface UseTodayData {
  state: ComputedRef<LiveQueryState>
  due: ComputedRef<DueItem<LocalHousehold>[]>
  birthdays: ComputedRef<BirthdayRow[]>
  festivals: ComputedRef<FestivalItem[]>
  /** Records the supervisor returned: the first `RETURNED_PREVIEW` until `showAllReturned`. */
  returned: ShallowRef<ReturnedTasks>
  showAllReturned: ShallowRef<boolean>
}

/** Returned records Today lists before the worker asks for all of them. */
export const RETURNED_PREVIEW = 3

/** Everything the Today screen shows, live from the device database. */
export function useTodayData(options: UseTodayDataOptions = {}): UseTodayData {
  const now = options.now ?? (() => new Date())
  const days = upcomingMonthDays(now())
  const soon = isoDay(new Date(now().getTime() + 3 * 86_400_000))
  const dueSource = useLiveQuery({
    initial: { households: [] as LocalHousehold[], promised: new Map<string, string>() },
    query: async (db) => {
      const [key, promisedBy] = await Promise.all([listKeyHouseholds(db), householdsPromisedBy(db, soon)])
      const known = new Set(key.map((h) => h.id))
      const households = [...key, ...promisedBy.filter((h) => !known.has(h.id))]
      return { households, promised: new Map(promisedBy.map((h) => [h.id, h.promisedOn ?? ''])) }
    },
  })
  const people = useLiveQuery({
    query: async (db) => {
      const persons = await keyPersonsBornOn(db, days.map((d) => d.monthDay))
      const households = await householdsByIds(db, persons.map((p) => p.householdId))
      return { persons, households }
    },
    initial: { persons: [] as LocalPerson[], households: [] as (LocalHousehold | undefined)[] },
  })
  const showAllReturned = shallowRef(false)
  const returned = useLiveQuery({
    query: (db) => returnedTasks(db, showAllReturned.value ? Infinity : RETURNED_PREVIEW),
    initial: { total: 0, tasks: [] } as ReturnedTasks,
    deps: [showAllReturned],
  })
  // The table covers this century; past it, the calendar library loads after the first paint.
  const years = [now().getFullYear(), now().getFullYear() + 1]
  const lunar = shallowRef<LunarToSolar | null>(tableCovers(years) ? festivalLunarToSolar : null)
  onMounted(async () => {
    if (!lunar.value) lunar.value = await loadLunarToSolar()
  })
  // The community's own dates, set by its supervisor, among the national festivals.
  const ownDates = useLiveQuery({ query: communityDates, initial: [] as CommunityDate[] })
  const festivals = computed<FestivalItem[]>(() =>
    lunar.value ? upcomingFestivals(now(), lunar.value, 30, communityDays(ownDates.data.value, years)) : [],
  )

  const birthdays = computed(() => {
    const { persons, households } = people.data.value
    const byId = new Map(households.flatMap((h) => (h ? [[h.id, h] as const] : [])))
    return birthdaysIn(persons, days).map((b) => ({ ...b, household: byId.get(b.person.householdId) }))
  })

  const state = computed<LiveQueryState>(() => {
    const all = [dueSource.state.value, people.state.value, returned.state.value]
    if (all.includes('error')) return 'error'
    return all.includes('loading') ? 'loading' : 'ready'
  })

  return {
    state,
    due: computed(() => dueHouseholds(dueSource.data.value.households, now(), dueSource.data.value.promised)),
    birthdays,
    festivals,
    returned: returned.data,
    showAllReturned,
  }
}
