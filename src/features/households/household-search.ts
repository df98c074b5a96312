import type { Address, KeyGroup } from '@/shared'
import { sortByAddress } from '@/shared/rules/address-order'
import { compareText } from '@/db/order'
import { daysBetween } from '@/features/today/today-rules'

/**
 * Filtering the household list in memory: a grid worker holds a few hundred to about
 * 1,500 households, which a single pass filters in well under a frame; the list then
 * renders page by page. Search matches the household's `searchText` (characters, full
 * pinyin and pinyin initials of the head's name and the address, and the phone) or a
 * live member's (name and phone), ignoring case and spaces; a household found only
 * through a member names that member, so she sees why it is there.
 */

/** 'address': walking order, grouped by building (the default); the others are flat. */
export type HouseholdOrder = 'address' | 'name' | 'unvisited'

export interface HouseholdFilter {
  query: string
  /** A key group, 'any-key' for any key household, or '' for all. */
  group: KeyGroup | 'any-key' | ''
  /** Only households not visited for at least this many days (never visited included); 0 = any. */
  notVisitedDays: number
  /** Only this 小区 ('' = all). */
  estate: string
  /** Only this 楼栋 of `estate` ('' = all). */
  building: string
  order: HouseholdOrder
}

interface Searchable {
  id: string
  searchText: string
  keyGroups: KeyGroup[]
  lastVisitAt: string | null
  headName: string
  address: Address
}

/** What the search needs of a member (a person row). */
export interface MemberText {
  householdId: string
  name: string
  /** Absent on rows stored before members were searchable (until repairSearchText runs). */
  searchText?: string
  deleted: boolean
}

export interface HouseholdMatch<H> {
  household: H
  /** The member whose name (or phone) matched when the household's own text did not. */
  member: string | null
}

export function emptyFilter(): HouseholdFilter {
  return { query: '', group: '', notVisitedDays: 0, estate: '', building: '', order: 'address' }
}

/** Live members by household, for `filterHouseholds`. */
export function membersByHousehold<M extends MemberText>(persons: readonly M[]): Map<string, M[]> {
  const out = new Map<string, M[]>()
  for (const p of persons) {
    if (p.deleted) continue
    const list = out.get(p.householdId)
    if (list) list.push(p)
    else out.set(p.householdId, [p])
  }
  return out
}

const squeeze = (s: string) => s.replace(/\s+/g, '')

function matchOf<H extends Searchable>(h: H, q: string, members: ReadonlyMap<string, MemberText[]>): HouseholdMatch<H> | null {
  if (!q || squeeze(h.searchText).includes(q)) return { household: h, member: null }
  const member = members.get(h.id)?.find((m) => squeeze(m.searchText ?? m.name.toLowerCase()).includes(q))
  return member ? { household: h, member: member.name } : null
}

function keeps(h: Searchable, f: HouseholdFilter, now: Date): boolean {
  if (f.estate && h.address.estate !== f.estate) return false
  if (f.estate && f.building && h.address.building !== f.building) return false
  if (f.group === 'any-key' && h.keyGroups.length === 0) return false
  if (f.group && f.group !== 'any-key' && !h.keyGroups.includes(f.group)) return false
  if (f.notVisitedDays > 0 && h.lastVisitAt && daysBetween(new Date(h.lastVisitAt), now) < f.notVisitedDays) return false
  return true
}

const byName = (a: Searchable, b: Searchable) => a.headName.localeCompare(b.headName, 'zh-CN')

/** Households in walking order (same address: by name). */
export function sortByWalkingOrder<H extends Searchable>(rows: readonly H[]): H[] {
  return sortByAddress(rows, (h) => h.address, byName)
}

/**
 * The households that pass `f`, each with the member that matched (if any), in its
 * order. For 'address' that is the order of `rows`: pass them through
 * `sortByWalkingOrder` once per change of data, not once per keystroke.
 */
export function filterHouseholds<H extends Searchable>(
  rows: readonly H[],
  f: HouseholdFilter,
  now: Date,
  members: ReadonlyMap<string, MemberText[]> = new Map(),
): HouseholdMatch<H>[] {
  const q = squeeze(f.query.toLowerCase())
  const out: HouseholdMatch<H>[] = []
  for (const h of rows) {
    const m = keeps(h, f, now) ? matchOf(h, q, members) : null
    if (m) out.push(m)
  }
  if (f.order === 'unvisited') return out.sort((a, b) => compareText(a.household.lastVisitAt, b.household.lastVisitAt))
  if (f.order === 'name') return out.sort((a, b) => byName(a.household, b.household))
  return out
}
