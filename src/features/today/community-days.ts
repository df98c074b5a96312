import type { CommunityDate, KeyGroup } from '@/shared'

/**
 * The community's own dates (set by its supervisor, src/shared/community-settings.ts) as
 * days of the care calendar of given years, beside the national festivals. A yearly date
 * falls on its month and day each year (29 Feb on 28 Feb in other years, like a
 * birthday); a one-off date only in its own year.
 */

/** A community date on one day of the calendar. */
export interface CommunityDay {
  date: string
  groups: readonly KeyGroup[]
  community: { name: string; prepare: string }
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const isLeap = (y: number) => new Date(y, 1, 29).getMonth() === 1

/** The ISO date of a community date in `year`, or null when it does not fall in that year. */
export function communityDateIn(d: CommunityDate, year: number): string | null {
  if (d.when.kind === 'once') return d.when.date.startsWith(`${year}-`) ? d.when.date : null
  const day = d.when.month === 2 && d.when.day === 29 && !isLeap(year) ? 28 : d.when.day
  return `${year}-${pad2(d.when.month)}-${pad2(day)}`
}

/** Every day the community's dates fall on in these years. */
export function communityDays(dates: readonly CommunityDate[], years: readonly number[]): CommunityDay[] {
  return years.flatMap((year) =>
    dates.flatMap((d) => {
      const date = communityDateIn(d, year)
      return date ? [{ date, groups: d.groups, community: { name: d.name, prepare: d.prepare } }] : []
    }),
  )
}
