import type { Person } from '../../src/shared'
import { DAY } from './seed-time'

/**
 * Keeps template text plausible for the household it is written about: a line that
 * mentions a child (孩子) only for a household with a minor, one that mentions an old
 * person (老人, 老伴, 老两口) only where someone is 60 or older, a line about a wheelchair
 * only where someone is disabled.
 */

export interface HouseholdTraits {
  hasMinor: boolean
  hasElder: boolean
  hasDisabled: boolean
}

export function traitsOf(persons: Person[], nowMs: number): HouseholdTraits {
  const ages = persons.map((p) => (p.birthDate ? (nowMs - Date.parse(p.birthDate)) / (365.25 * DAY) : 40))
  return {
    hasMinor: ages.some((a) => a < 18),
    hasElder: ages.some((a) => a >= 60),
    hasDisabled: persons.some((p) => p.keyGroups.includes('disabled')),
  }
}

/** True when every person or thing the text mentions exists in the household. */
export function fits(text: string, t: HouseholdTraits): boolean {
  if (/孩子|儿童|书包|作业|六一|中考/.test(text) && !t.hasMinor) return false
  if (/老人|老伴|老两口|爷爷|奶奶/.test(text) && !t.hasElder) return false
  if (/轮椅|残疾/.test(text) && !t.hasDisabled) return false
  return true
}

/** The items whose text fits, or the fallback list when none does. */
export function fitting<T>(items: readonly T[], text: (item: T) => string, t: HouseholdTraits, fallback: readonly T[]): readonly T[] {
  const ok = items.filter((i) => fits(text(i), t))
  if (ok.length > 0) return ok
  const fb = fallback.filter((i) => fits(text(i), t))
  return fb.length > 0 ? fb : fallback
}
