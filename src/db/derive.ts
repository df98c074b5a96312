import Dexie, { type Table } from 'dexie'
import type { pinyin as pinyinOf } from 'pinyin-pro'
import type { Household, Person, Visit } from '@/shared'
import { isCompletedVisit } from '@/shared/rules/visits'
import type { LocalHousehold, LocalPerson } from './db'

/**
 * Local, derived columns of device rows. They are computed on the device (from the
 * record itself, or from its visits and wishes) whenever a row is written, whether by
 * a local edit or by a pull, and are never sent to the server.
 *
 * The search text needs pinyin-pro's dictionary (≈ 140 KB gzip, and ≈ 0.5 s of a
 * phone's main thread to load and first use), which most app starts never need: it is
 * loaded with `ensurePinyin()`. Rows are written inside IndexedDB transactions, which
 * cannot await a download, so a row written before the dictionary is ready gets the
 * characters only, ending with DEGRADED_MARK, and listeners are told (the sync store
 * then loads the dictionary and `repairSearchText` rewrites those rows). Callers that
 * write households outside sync await `ensurePinyin()` first, so theirs are exact.
 */

let pinyin: typeof pinyinOf | null = null
let loading: Promise<void> | null = null
const degradedListeners = new Set<() => void>()

/** Ends a search text computed without pinyin; never typed by a person. */
export const DEGRADED_MARK = '\u0001'

/** Loads the pinyin dictionary once; resolves when search text can be computed exactly. */
export function ensurePinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(
    (m) => {
      pinyin = m.pinyin
    },
    (e: unknown) => {
      loading = null // a failed chunk load (offline before install) may succeed later
      throw e
    },
  )
  return loading
}

/** Whether `ensurePinyin()` has finished. */
export function pinyinReady(): boolean {
  return pinyin !== null
}

/** Calls `listener` whenever a search text is computed without pinyin; returns the unsubscribe. */
export function onSearchTextDegraded(listener: () => void): () => void {
  degradedListeners.add(listener)
  return () => degradedListeners.delete(listener)
}

/** Whether a stored search text lacks its pinyin (written before the dictionary loaded). */
export function isDegraded(searchText: string): boolean {
  return searchText.endsWith(DEGRADED_MARK)
}

/** Lowercase search text: the characters, full pinyin and pinyin initials. */
export function searchTextOf(parts: string[]): string {
  const chars = parts.filter(Boolean).join(' ')
  if (!pinyin) {
    degradedListeners.forEach((l) => l())
    return `${chars.toLowerCase()} ${DEGRADED_MARK}`
  }
  const full = pinyin(chars, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  const initials = pinyin(chars, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  return `${chars} ${full} ${initials}`.toLowerCase()
}

/** The search text of a household: head's name, address and phone. */
export function householdSearchText(h: Pick<Household, 'headName' | 'address' | 'phone'>): string {
  const a = h.address
  return searchTextOf([h.headName, a.estate, a.building, a.unit, a.door, h.phone])
}

/**
 * The search text of a member: name and phone. Members are searchable so that a household
 * is found by whoever opens the door, not only by the head registered for it.
 */
export function personSearchText(p: Pick<Person, 'name' | 'phone'>): string {
  return searchTextOf([p.name, p.phone])
}

/** Builds the stored row of a household, keeping derived columns already known. */
export function toLocalHousehold(
  h: Household,
  derived: Partial<Pick<LocalHousehold, 'lastVisitAt' | 'promisedOn' | 'openWishes'>> = {},
): LocalHousehold {
  return {
    ...h,
    lastVisitAt: derived.lastVisitAt ?? null,
    promisedOn: derived.promisedOn ?? null,
    openWishes: derived.openWishes ?? 0,
    searchText: householdSearchText(h),
  }
}

/**
 * Builds the stored row of a person ('MM-DD' of birth for the birthday index, and its
 * search text). Every write of a person (a local save, a pull, a restore) goes through
 * here, so a rename or a new member is searchable at once; a removed member is a
 * tombstone, which the search skips.
 */
export function toLocalPerson(p: Person): LocalPerson {
  return { ...p, birthMonthDay: p.birthDate ? p.birthDate.slice(5, 10) : null, searchText: personSearchText(p) }
}

/** What a household's derived columns need of a visit to know whether it is the latest. */
export interface LatestVisit {
  id: string
  at: string
  next: string | null
}

export const latestOf = (v: Pick<Visit, 'id' | 'visitedAt' | 'nextVisitOn'>): LatestVisit => ({ id: v.id, at: v.visitedAt, next: v.nextVisitOn })

/**
 * A household's latest completed visit, as the [householdId+visitedAt] index orders them
 * (ties by id). Attempts (nobody home) are skipped: they restart no count (rules/visits.ts).
 */
export function latestVisitOf(visits: Table<Visit, string>, householdId: string): Promise<Visit | undefined> {
  return visits
    .where('[householdId+visitedAt]')
    .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
    .reverse()
    .filter(isCompletedVisit)
    .first()
}

/** A household's columns derived from its latest visit (none: never visited). */
export function lastVisitColumns(last: Visit | undefined): Pick<LocalHousehold, 'lastVisitAt' | 'promisedOn'> {
  return { lastVisitAt: last?.visitedAt ?? null, promisedOn: last?.nextVisitOn ?? null }
}

/** Whether `a` comes after `b` in the [householdId+visitedAt] index (ties by id, as the index orders them). */
export const isLaterVisit = (a: LatestVisit, b: LatestVisit): boolean => a.at > b.at || (a.at === b.at && a.id > b.id)
