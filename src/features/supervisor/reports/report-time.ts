/**
 * Time arithmetic shared by the supervisor's reports. Months and days are counted in
 * China Standard Time (UTC+8, no daylight saving), whatever the device's own time zone,
 * so the same data gives the same monthly figures on a phone, a desktop and the server.
 */

export const DAY_MS = 24 * 60 * 60 * 1000
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

/** Whole days from `fromIso` to `now` (negative when `fromIso` is in the future). */
export function daysSince(fromIso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(fromIso)) / DAY_MS)
}

/** 'YYYY-MM' of an ISO date-time in China Standard Time; a plain 'YYYY-MM-DD' date is taken as is. */
export function cnMonthKey(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso.slice(0, 7)
  return new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 7)
}

/** The `count` month keys ending with the month of `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const [y, m] = cnMonthKey(now.toISOString()).split('-').map(Number) as [number, number]
  const keys: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i
    keys.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`)
  }
  return keys
}

/** True when `iso` lies within the `days` days up to and including `now`. */
export function withinDays(iso: string, now: Date, days: number): boolean {
  const t = Date.parse(iso)
  return t <= now.getTime() && now.getTime() - t < days * DAY_MS
}

/** The last millisecond of a 'YYYY-MM' month in China Standard Time. */
export function monthEnd(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 1) - CST_OFFSET_MS - 1)
}
