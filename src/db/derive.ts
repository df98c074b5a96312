import { pinyin } from 'pinyin-pro'
import type { Household, Person } from '@/shared'
import type { LocalHousehold, LocalPerson } from './db'

/**
 * Local, derived columns of device rows. They are computed on the device (from the
 * record itself, or from its visits and wishes) whenever a row is written, whether by
 * a local edit or by a pull, and are never sent to the server.
 */

/** Lowercase search text: the characters, full pinyin and pinyin initials. */
export function searchTextOf(parts: string[]): string {
  const chars = parts.filter(Boolean).join(' ')
  const full = pinyin(chars, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  const initials = pinyin(chars, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
  return `${chars} ${full} ${initials}`.toLowerCase()
}

/** Builds the stored row of a household, keeping derived columns already known. */
export function toLocalHousehold(
  h: Household,
  derived: Partial<Pick<LocalHousehold, 'lastVisitAt' | 'openWishes'>> = {},
): LocalHousehold {
  const a = h.address
  return {
    ...h,
    lastVisitAt: derived.lastVisitAt ?? null,
    openWishes: derived.openWishes ?? 0,
    searchText: searchTextOf([h.headName, a.estate, a.building, a.unit, a.door, h.phone]),
  }
}

/** Builds the stored row of a person ('MM-DD' of birth for the birthday index). */
export function toLocalPerson(p: Person): LocalPerson {
  return { ...p, birthMonthDay: p.birthDate ? p.birthDate.slice(5, 10) : null }
}
