import { householdCadenceDays, type KeyGroup } from '@/shared'

/**
 * The care calendar of the Today screen, as pure functions of the data and "now":
 * - a key household is due when its cadence (assessment result, else the tightest
 *   default of its key groups) has run out within `soonDays`, or it was never visited;
 * - birthdays of key-group members fall on one of the next 7 calendar days (a 29 Feb
 *   birthday is celebrated on 28 Feb in other years);
 * - festival dates come from a lunar→solar converter passed in, so this file stays free
 *   of the (large) lunar calendar library.
 * Days are counted in calendar days of the phone's local time.
 */

const DAY = 86_400_000

/** Local midnight of a date, in ms. */
function dayStart(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY)
}

export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

interface DueInput {
  id: string
  keyGroups: KeyGroup[]
  visitCadenceDays: number | null
  lastVisitAt: string | null
}

export interface DueItem<H extends DueInput> {
  household: H
  cadenceDays: number | null
  /** Days since the last visit; null when never visited. */
  daysSince: number | null
  /** Days until the next visit is due; negative when overdue. */
  dueInDays: number
}

/**
 * Households due within `soonDays` or overdue: key households by cadence, and any
 * household whose last visit promised a next visit (`promised`: household id → ISO date),
 * whichever comes first. Never-visited key households first, then the most overdue.
 */
export function dueHouseholds<H extends DueInput>(
  households: H[],
  now: Date,
  promised: ReadonlyMap<string, string> = new Map(),
  soonDays = 3,
): DueItem<H>[] {
  const items: DueItem<H>[] = []
  for (const h of households) {
    const cadenceDays = householdCadenceDays(h)
    const promise = promised.get(h.id)
    if (cadenceDays === null && !promise) continue
    const daysSince = h.lastVisitAt ? daysBetween(new Date(h.lastVisitAt), now) : null
    const byCadence = cadenceDays === null ? Infinity : daysSince === null ? 0 : cadenceDays - daysSince
    const byPromise = promise ? daysBetween(now, new Date(`${promise}T00:00:00`)) : Infinity
    const dueInDays = Math.min(byCadence, byPromise)
    if ((daysSince === null && cadenceDays !== null) || dueInDays <= soonDays) {
      items.push({ household: h, cadenceDays, daysSince, dueInDays })
    }
  }
  const rank = (i: DueItem<H>) => (i.daysSince === null ? -Infinity : i.dueInDays)
  return items.sort((a, b) => rank(a) - rank(b))
}

export interface BirthdayDay {
  monthDay: string
  inDays: number
  date: Date
}

/** The 'MM-DD' keys of today and the following days (7 in all by default). */
export function upcomingMonthDays(now: Date, days = 7): BirthdayDay[] {
  const out: BirthdayDay[] = []
  for (let i = 0; i < days; i += 1) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i)
    const monthDay = isoDay(date).slice(5)
    out.push({ monthDay, inDays: i, date })
    const leap = new Date(date.getFullYear(), 1, 29).getMonth() === 1
    if (monthDay === '02-28' && !leap) out.push({ monthDay: '02-29', inDays: i, date })
  }
  return out
}

export interface BirthdayItem<P> {
  person: P
  inDays: number
  /** The age reached on that birthday. */
  turns: number
}

/** Members whose birthday falls in `days`, soonest first. */
export function birthdaysIn<P extends { birthDate: string | null; birthMonthDay: string | null }>(
  persons: P[],
  days: BirthdayDay[],
): BirthdayItem<P>[] {
  const byDay = new Map(days.map((d) => [d.monthDay, d]))
  const items: BirthdayItem<P>[] = []
  for (const person of persons) {
    const day = person.birthMonthDay ? byDay.get(person.birthMonthDay) : undefined
    if (!day || !person.birthDate) continue
    items.push({ person, inDays: day.inDays, turns: day.date.getFullYear() - Number(person.birthDate.slice(0, 4)) })
  }
  return items.sort((a, b) => a.inDays - b.inDays)
}

/**
 * The care calendar of a 妇联 year: each day with the key groups it is for (the Today
 * screen names them; what to prepare lives in the i18n dictionaries under festivalPrepare).
 * `lunar` days are lunar month/day, converted per year; the others are solar.
 */
export const CARE_FESTIVALS = [
  { key: 'newYear', solar: [1, 1], groups: ['hardship', 'elderly-alone', 'lost-only-child'] },
  { key: 'springFestival', lunar: [1, 1], groups: ['hardship', 'elderly-alone', 'lost-only-child', 'disabled', 'serious-illness'] },
  { key: 'lantern', lunar: [1, 15], groups: ['left-behind', 'elderly-alone', 'migrant-family'] },
  { key: 'leiFeng', solar: [3, 5], groups: ['elderly-alone', 'disabled'] },
  { key: 'womensDay', solar: [3, 8], groups: ['single-parent', 'hardship', 'unemployed'] },
  { key: 'childrensDay', solar: [6, 1], groups: ['left-behind', 'single-parent', 'migrant-family', 'hardship'] },
  { key: 'dragonBoat', lunar: [5, 5], groups: ['elderly-alone', 'lost-only-child', 'serious-illness'] },
  { key: 'midAutumn', lunar: [8, 15], groups: ['elderly-alone', 'lost-only-child', 'left-behind', 'migrant-family'] },
  { key: 'doubleNinth', lunar: [9, 9], groups: ['elderly-alone', 'lost-only-child'] },
] as const satisfies readonly { key: string; solar?: readonly [number, number]; lunar?: readonly [number, number]; groups: readonly KeyGroup[] }[]

export type FestivalKey = (typeof CARE_FESTIVALS)[number]['key']
/** Converts a lunar date of a (lunar) year to the solar ISO date. */
export type LunarToSolar = (year: number, month: number, day: number) => string

export interface FestivalItem {
  /** A national festival, or `community`: one of the community's own dates. */
  key: FestivalKey | 'community'
  date: string
  inDays: number
  groups: readonly KeyGroup[]
  /** A community date's own name and what to prepare (national ones: i18n). */
  community?: { name: string; prepare: string }
}

/** A day of the calendar from elsewhere (the community's own dates, community-days.ts). */
export type ExtraCareDay = Omit<FestivalItem, 'key' | 'inDays'>

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The care festivals of a year with their solar dates, in calendar order. */
export function festivalDates(year: number, lunarToSolar: LunarToSolar): { key: FestivalKey; date: string; groups: readonly KeyGroup[] }[] {
  return CARE_FESTIVALS.map((f) => ({
    key: f.key,
    date: 'solar' in f ? `${year}-${pad2(f.solar[0])}-${pad2(f.solar[1])}` : lunarToSolar(year, f.lunar[0], f.lunar[1]),
    groups: f.groups,
  })).sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * Festivals and the community's own days (`extra`, of this year and the next) within
 * `withinDays` from today; when none is that close, the next one, whichever it is. On
 * one day a national festival comes first.
 */
export function upcomingFestivals(now: Date, lunarToSolar: LunarToSolar, withinDays = 30, extra: readonly ExtraCareDay[] = []): FestivalItem[] {
  const national: Omit<FestivalItem, 'inDays'>[] = [now.getFullYear(), now.getFullYear() + 1].flatMap((y) => festivalDates(y, lunarToSolar))
  const all = [...national, ...extra.map((d) => ({ ...d, key: 'community' as const }))]
    .map((f) => ({ ...f, inDays: daysBetween(now, new Date(`${f.date}T00:00:00`)) }))
    .filter((f) => f.inDays >= 0)
    .sort((a, b) => a.inDays - b.inDays)
  const near = all.filter((f) => f.inDays <= withinDays)
  return near.length ? near : all.slice(0, 1)
}
