import type { KeyGroup } from '@/shared'
import { compareText } from '@/db/order'
import { daysBetween } from '@/features/today/today-rules'

/**
 * Filtering the household list in memory: a grid worker holds a few hundred to about
 * 1,500 households, which a single pass filters in well under a frame; the list then
 * renders page by page. Search matches the `searchText` column (characters, full pinyin
 * and pinyin initials of name and address, and the phone), ignoring case and spaces.
 */

export interface HouseholdFilter {
  query: string
  /** A key group, 'any-key' for any key household, or '' for all. */
  group: KeyGroup | 'any-key' | ''
  /** Only households not visited for at least this many days (never visited included); 0 = any. */
  notVisitedDays: number
}

interface Searchable {
  searchText: string
  keyGroups: KeyGroup[]
  lastVisitAt: string | null
  headName: string
}

export function emptyFilter(): HouseholdFilter {
  return { query: '', group: '', notVisitedDays: 0 }
}

export function filterHouseholds<H extends Searchable>(rows: H[], f: HouseholdFilter, now: Date): H[] {
  const q = f.query.toLowerCase().replace(/\s+/g, '')
  const out = rows.filter((h) => {
    if (q && !h.searchText.replace(/\s+/g, '').includes(q)) return false
    if (f.group === 'any-key' && h.keyGroups.length === 0) return false
    if (f.group && f.group !== 'any-key' && !h.keyGroups.includes(f.group)) return false
    if (f.notVisitedDays > 0 && h.lastVisitAt && daysBetween(new Date(h.lastVisitAt), now) < f.notVisitedDays) return false
    return true
  })
  // Longest unvisited first when that is what she is looking for; else by name.
  if (f.notVisitedDays > 0) return out.sort((a, b) => compareText(a.lastVisitAt, b.lastVisitAt))
  return out.sort((a, b) => a.headName.localeCompare(b.headName, 'zh-CN'))
}
