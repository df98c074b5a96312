import { watch, type ShallowRef } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { KEY_GROUPS, type KeyGroup } from '@/shared'
import { emptyFilter, type HouseholdFilter, type HouseholdOrder } from './household-search'

/**
 * Keeps the list's filter in the address bar (replacing, not pushing, history), so that
 * back from a household she opened lands on the same building, search and order: walking
 * a building she goes in and out of its households all the time.
 */

const ORDERS: readonly HouseholdOrder[] = ['address', 'name', 'unvisited']
const text = (q: LocationQuery, key: string) => (typeof q[key] === 'string' ? q[key] : '')

/** The filter a query holds (anything unknown falls back to the default). */
export function filterFromQuery(q: LocationQuery): HouseholdFilter {
  const f = emptyFilter()
  const group = text(q, 'group')
  const order = text(q, 'order') as HouseholdOrder
  const days = Number(text(q, 'days'))
  return {
    query: text(q, 'q'),
    group: group === 'any-key' || KEY_GROUPS.includes(group as KeyGroup) ? (group as HouseholdFilter['group']) : f.group,
    notVisitedDays: Number.isInteger(days) && days > 0 ? days : f.notVisitedDays,
    estate: text(q, 'estate'),
    building: text(q, 'estate') ? text(q, 'building') : '',
    order: ORDERS.includes(order) ? order : f.order,
  }
}

/** The query of a filter, leaving out what is at its default. */
export function queryOfFilter(f: HouseholdFilter): Record<string, string> {
  const d = emptyFilter()
  const entries: [string, string | number, string | number][] = [
    ['q', f.query, d.query],
    ['group', f.group, d.group],
    ['days', f.notVisitedDays, d.notVisitedDays],
    ['estate', f.estate, d.estate],
    ['building', f.building, d.building],
    ['order', f.order, d.order],
  ]
  return Object.fromEntries(entries.filter(([, v, dv]) => v !== dv).map(([k, v]) => [k, String(v)]))
}

/** Starts `filter` from the route's query and mirrors every change back into it. */
export function useFilterInQuery(filter: ShallowRef<HouseholdFilter>): void {
  const route = useRoute()
  const router = useRouter()
  filter.value = filterFromQuery(route.query)
  watch(filter, (f) => {
    void router.replace({ query: queryOfFilter(f) })
  })
}
