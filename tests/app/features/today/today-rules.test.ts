import { describe, expect, it } from 'vitest'
import { birthdaysIn, daysBetween, dueHouseholds, festivalDates, upcomingFestivals, upcomingMonthDays } from '@/features/today/today-rules'
import { loadLunarToSolar } from '@/features/today/lunar-calendar'

const h = (id: string, over: Partial<{ keyGroups: ['elderly-alone'] | []; visitCadenceDays: number | null; lastVisitAt: string | null }> = {}) => ({
  id,
  keyGroups: ['elderly-alone'] as ['elderly-alone'] | [],
  visitCadenceDays: null,
  lastVisitAt: null,
  ...over,
})

describe('today-rules', () => {
  const now = new Date(2026, 4, 30, 10, 0)

  it('counts calendar days, not 24-hour spans', () => {
    expect(daysBetween(new Date(2026, 4, 29, 23, 59), new Date(2026, 4, 30, 0, 1))).toBe(1)
    expect(daysBetween(now, new Date(2026, 4, 28))).toBe(-2)
  })

  it('uses the assessed cadence over the key-group default, and skips unflagged households', () => {
    const visited20DaysAgo = new Date(2026, 4, 10).toISOString()
    const due = dueHouseholds(
      [
        h('default30', { lastVisitAt: visited20DaysAgo }),
        h('assessed14', { lastVisitAt: visited20DaysAgo, visitCadenceDays: 14 }),
        h('plain', { keyGroups: [], lastVisitAt: null }),
      ],
      now,
    )
    expect(due.map((d) => [d.household.id, d.dueInDays])).toEqual([['assessed14', -6]])
  })

  it('puts never-visited households first, then the most overdue', () => {
    const due = dueHouseholds(
      [h('a', { lastVisitAt: new Date(2026, 3, 20).toISOString() }), h('never'), h('b', { lastVisitAt: new Date(2026, 2, 1).toISOString() })],
      now,
    )
    expect(due.map((d) => d.household.id)).toEqual(['never', 'b', 'a'])
  })

  it('gives the next 7 month-days, adding 29 Feb on 28 Feb of a common year', () => {
    expect(upcomingMonthDays(new Date(2026, 11, 29)).map((d) => d.monthDay)).toEqual(['12-29', '12-30', '12-31', '01-01', '01-02', '01-03', '01-04'])
    const feb = upcomingMonthDays(new Date(2027, 1, 27), 3)
    expect(feb.map((d) => [d.monthDay, d.inDays])).toEqual([['02-27', 0], ['02-28', 1], ['02-29', 1], ['03-01', 2]])
    const born = birthdaysIn([{ birthDate: '1948-02-29', birthMonthDay: '02-29' }], feb)
    expect(born[0]).toMatchObject({ inDays: 1, turns: 79 })
  })

  it('computes the lunar festivals (春节, 元宵, 端午, 中秋, 重阳) and lists the year in calendar order', async () => {
    const lunar = await loadLunarToSolar()
    expect(festivalDates(2026, lunar).map((f) => [f.key, f.date])).toEqual([
      ['newYear', '2026-01-01'],
      ['springFestival', '2026-02-17'],
      ['lantern', '2026-03-03'],
      ['leiFeng', '2026-03-05'],
      ['womensDay', '2026-03-08'],
      ['childrensDay', '2026-06-01'],
      ['dragonBoat', '2026-06-19'],
      ['midAutumn', '2026-09-25'],
      ['doubleNinth', '2026-10-18'],
    ])
    expect(Object.fromEntries(festivalDates(2027, lunar).map((f) => [f.key, f.date]))).toMatchObject({
      springFestival: '2027-02-06', dragonBoat: '2027-06-09', midAutumn: '2027-09-15',
    })
  })

  it('says which key groups each day is for (重阳 is the day for elders living alone)', async () => {
    const lunar = await loadLunarToSolar()
    const byKey = Object.fromEntries(festivalDates(2026, lunar).map((f) => [f.key, f.groups]))
    expect(byKey.doubleNinth).toContain('elderly-alone')
    expect(byKey.childrensDay).toContain('left-behind')
    expect(byKey.womensDay).toContain('single-parent')
    for (const groups of Object.values(byKey)) expect(groups.length).toBeGreaterThan(0)
  })

  it('names the next festival from several dates: December → 元旦, crossing the year end', async () => {
    const lunar = await loadLunarToSolar()
    const next = (d: Date) => upcomingFestivals(d, lunar).map((f) => [f.key, f.date])
    expect(next(new Date(2026, 11, 7))).toEqual([['newYear', '2027-01-01']])
    expect(next(new Date(2026, 10, 1))).toEqual([['newYear', '2027-01-01']])
    expect(next(new Date(2026, 9, 1))).toEqual([['doubleNinth', '2026-10-18']])
    expect(next(new Date(2027, 0, 10))).toEqual([['springFestival', '2027-02-06']])
    expect(next(new Date(2026, 1, 20))).toEqual([['lantern', '2026-03-03'], ['leiFeng', '2026-03-05'], ['womensDay', '2026-03-08']])
    expect(upcomingFestivals(new Date(2026, 2, 5), lunar, 0).map((f) => [f.key, f.inDays])).toEqual([['leiFeng', 0]])
  })
})
