import { describe, expect, it } from 'vitest'
import { computeCoverage, effectiveVisits } from '@/features/supervisor/reports/coverage'
import { daysBefore, grid, household, visit } from '../factories'

const now = new Date('2026-03-15T04:00:00.000Z')

describe('computeCoverage', () => {
  it('counts visited households in 30 and 90 days and flags overdue key households', () => {
    const g = grid({ workerId: 'w1' })
    const recent = household({ gridId: g.id, keyGroups: ['elderly-alone'] })
    const stale = household({ gridId: g.id, keyGroups: ['elderly-alone'], headName: '赵' })
    const never = household({ gridId: g.id, keyGroups: ['disabled'], headName: '钱' })
    const plain = household({ gridId: g.id })
    const visits = [
      visit({ householdId: recent.id, gridId: g.id, visitedAt: daysBefore(now, 3), method: 'phone' }),
      visit({ householdId: stale.id, gridId: g.id, visitedAt: daysBefore(now, 45) }),
      visit({ householdId: plain.id, gridId: g.id, visitedAt: daysBefore(now, 100) }),
    ]
    const r = computeCoverage({ grids: [g], households: [recent, stale, never, plain], visits, now, workerNames: { w1: '李娟' } })
    expect(r.total).toMatchObject({ households: 4, keyHouseholds: 3, visited30: 1, visited90: 2, overdue: 2 })
    expect(r.total.byMethod).toEqual({ 'in-person': 0, phone: 1, wechat: 0 })
    expect(r.overdue.map((o) => o.headName)).toEqual(['钱', '赵'])
    expect(r.overdue[1]).toMatchObject({ cadenceDays: 30, daysOverdue: 15 })
    expect(r.workers).toEqual([{ ...r.grids[0], key: 'w1', label: '李娟' }])
  })

  it('counts an attempt (nobody home, no answer) as no visit: not covered, still overdue, not in methods or the trend', () => {
    const g = grid({ workerId: 'w1' })
    const h = household({ gridId: g.id, keyGroups: ['elderly-alone'], headName: '孙' })
    const refused = household({ gridId: g.id, keyGroups: ['elderly-alone'] })
    const visits = [
      visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 40) }),
      visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 2), outcome: 'not-home', seen: '' }),
      visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 1), outcome: 'no-answer', method: 'phone', seen: '' }),
      visit({ householdId: refused.id, gridId: g.id, visitedAt: daysBefore(now, 1), outcome: 'refused', seen: '不让进门' }),
    ]
    const r = computeCoverage({ grids: [g], households: [h, refused], visits, now })
    expect(r.total).toMatchObject({ visited30: 1, visited90: 2, overdue: 1, attempts30: 2 })
    expect(r.total.byMethod).toEqual({ 'in-person': 1, phone: 0, wechat: 0 })
    expect(r.overdue[0]).toMatchObject({ headName: '孙', daysOverdue: 10, lastVisitAt: daysBefore(now, 40) })
    expect(r.trend.reduce((n, p) => n + p.visits, 0)).toBe(2)
  })

  it('is not overdue on the cadence day itself, overdue the day after', () => {
    const g = grid()
    const h = household({ gridId: g.id, keyGroups: ['hardship'] })
    const at = (d: number) => computeCoverage({ grids: [g], households: [h], visits: [visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, d) })], now })
    expect(at(30).total.overdue).toBe(0)
    expect(at(31).total.overdue).toBe(1)
  })

  it('counts a corrected visit once, ignores deleted households and future visits', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const gone = household({ gridId: g.id, deleted: true })
    const first = visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 2) })
    const fix = visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 2), correctsId: first.id, method: 'wechat' })
    const future = visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, -2) })
    const ghost = visit({ householdId: gone.id, gridId: g.id, visitedAt: daysBefore(now, 1) })
    expect(effectiveVisits([first, fix]).map((v) => v.id)).toEqual([fix.id])
    const r = computeCoverage({ grids: [g], households: [h, gone], visits: [first, fix, future, ghost], now })
    expect(r.total.households).toBe(1)
    expect(r.total.byMethod).toEqual({ 'in-person': 0, phone: 0, wechat: 1 })
    expect(r.trend.at(-1)).toEqual({ month: '2026-03', visits: 1, households: 1, partial: true })
  })

  it('buckets the 12-month trend by China time and ignores grids outside the input', () => {
    const g = grid()
    const other = grid()
    const h = household({ gridId: g.id })
    const o = household({ gridId: other.id })
    // 2026-01-31T17:00Z is 2026-02-01 01:00 in China.
    const v1 = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-01-31T17:00:00.000Z' })
    const v2 = visit({ householdId: o.id, gridId: other.id, visitedAt: '2026-02-03T00:00:00.000Z' })
    const r = computeCoverage({ grids: [g], households: [h, o], visits: [v1, v2], now })
    expect(r.trend).toHaveLength(12)
    expect(r.trend[0]!.month).toBe('2025-04')
    expect(r.trend.find((p) => p.month === '2026-02')).toEqual({ month: '2026-02', visits: 1, households: 1, partial: false })
    expect(r.total.households).toBe(1)
  })
})
