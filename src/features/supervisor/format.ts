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

/** 'YYYY-MM-DD' in China Standard Time. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return ''
  if (iso.length === 10) return iso
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** 'YYYY-MM-DD HH:mm' in China Standard Time. */
export function cnDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
