import type { Household } from '@/shared'

/** Small display helpers shared by the supervisor's pages. */

/** 'estate building unit door' of a household, blanks skipped. */
export function addressOf(h: Pick<Household, 'address'> | undefined | null): string {
  if (!h) return ''
  const a = h.address
  return [a.estate, a.building, a.unit, a.door].filter(Boolean).join(' ')
}

/** Two characters for an avatar placeholder: the given name's last two characters. */
export function initialsOf(name: string): string {
  const n = name.trim()
  return n.length <= 2 ? n : n.slice(-2)
}
