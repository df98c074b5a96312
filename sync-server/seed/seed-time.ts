/**
 * Time helpers for the demo, in China Standard Time (UTC+8, no daylight saving), so the
 * generated calendar dates do not depend on the machine's time zone.
 */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
const CST_OFFSET = 8 * HOUR

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `2025-03-04T09:30:00.000+08:00` */
export function isoDateTime(ms: number): string {
  const d = new Date(ms + CST_OFFSET)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+08:00`
  )
}

/** The calendar date `YYYY-MM-DD` of an instant in China. */
export function isoDate(ms: number): string {
  return isoDateTime(ms).slice(0, 10)
}

/** Start of the China calendar day that contains `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + CST_OFFSET) / DAY) * DAY - CST_OFFSET
}

/** Day of week in China, 0 = Sunday. */
export function weekday(ms: number): number {
  return new Date(ms + CST_OFFSET).getUTCDay()
}

/** Month (1–12) and day of the China calendar date of `ms`. */
export function monthDay(ms: number): { month: number; day: number } {
  const d = new Date(ms + CST_OFFSET)
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function dateString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}
