import { describe, expect, it } from 'vitest'
import type { CommunityDate } from '@/shared'
import { communityDateIn, communityDays } from '@/features/today/community-days'
import { upcomingFestivals } from '@/features/today/today-rules'
import { loadLunarToSolar } from '@/features/today/lunar-calendar'

const day = (name: string, when: CommunityDate['when'], over: Partial<CommunityDate> = {}): CommunityDate => ({
  name, when, groups: [], prepare: `${name}要准备的`, ...over,
})

describe('community days', () => {
  it('places a yearly date in each year, 29 Feb on 28 Feb in other years, and a one-off date only in its year', () => {
    expect(communityDateIn(day('邻里节', { kind: 'yearly', month: 9, day: 20 }), 2026)).toBe('2026-09-20')
    expect(communityDateIn(day('闰日', { kind: 'yearly', month: 2, day: 29 }), 2027)).toBe('2027-02-28')
    expect(communityDateIn(day('闰日', { kind: 'yearly', month: 2, day: 29 }), 2028)).toBe('2028-02-29')
    expect(communityDateIn(day('体检', { kind: 'once', date: '2027-04-10' }), 2026)).toBeNull()
    expect(communityDays([day('体检', { kind: 'once', date: '2027-04-10' })], [2026, 2027]).map((d) => d.date)).toEqual(['2027-04-10'])
  })

  it('names a community date when it comes before every festival, with what to prepare and for whom', async () => {
    const lunar = await loadLunarToSolar()
    // 1 July 2026: 中秋 (25 Sep) is 86 days away; the community's 1 August is nearer.
    const now = new Date(2026, 6, 1, 9, 0)
    const dates = [day('社区邻里节', { kind: 'yearly', month: 8, day: 1 }, { groups: ['elderly-alone'] })]
    const next = upcomingFestivals(now, lunar, 30, communityDays(dates, [2026, 2027]))
    expect(next).toEqual([
      { key: 'community', date: '2026-08-01', inDays: 31, groups: ['elderly-alone'], community: { name: '社区邻里节', prepare: '社区邻里节要准备的' } },
    ])
  })

  it('lists community dates among the festivals of the coming month in date order, a festival first on a shared day', async () => {
    const lunar = await loadLunarToSolar()
    const now = new Date(2026, 4, 30, 10, 0)
    const dates = [day('敬老日', { kind: 'yearly', month: 6, day: 1 }), day('体检', { kind: 'once', date: '2026-06-10' }), day('明年的', { kind: 'once', date: '2027-06-05' })]
    const next = upcomingFestivals(now, lunar, 30, communityDays(dates, [2026, 2027]))
    expect(next.map((f) => f.community?.name ?? f.key)).toEqual(['childrensDay', '敬老日', '体检', 'dragonBoat'])
  })

  it('leaves the national calendar as it was when the community set no dates', async () => {
    const lunar = await loadLunarToSolar()
    expect(upcomingFestivals(new Date(2026, 11, 7), lunar, 30, communityDays([], [2026, 2027])).map((f) => f.key)).toEqual(['newYear'])
  })
})
