import { describe, expect, it } from 'vitest'
import { computeNeeds, latestNeedsAssessments } from '@/features/supervisor/reports/needs'
import { assessment, daysBefore, grid, household, visit } from '../factories'

const now = new Date('2026-03-15T04:00:00.000Z')
const ans = (level: number) => ({ level, notes: '', extra: {} })

describe('computeNeeds', () => {
  it('counts households per domain level from the latest needs assessment only', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const old = assessment({ householdId: h.id, gridId: g.id, assessedAt: daysBefore(now, 60), answers: { health: ans(3) } })
    const latest = assessment({ householdId: h.id, gridId: g.id, assessedAt: daysBefore(now, 5), answers: { health: ans(1) } })
    const courtyard = assessment({ householdId: h.id, gridId: g.id, assessedAt: daysBefore(now, 1), templateId: 'courtyard-v1' })
    expect(latestNeedsAssessments([old, latest, courtyard]).get(h.id)?.id).toBe(latest.id)
    const r = computeNeeds({ grids: [g], households: [h], assessments: [old, latest, courtyard], visits: [] })
    expect(r.grids[0]).toMatchObject({ households: 1, assessed: 1 })
    expect(r.grids[0]!.domains.health).toEqual([0, 1, 0, 0])
    expect(r.grids[0]!.domains.legal).toEqual([1, 0, 0, 0])
    expect(r.highNoVisit).toEqual([])
  })

  it('keeps a high-need household listed when only an attempt (nobody home) followed the assessment', () => {
    const g = grid()
    const h = household({ gridId: g.id, headName: '丙' })
    const assessedAt = daysBefore(now, 10)
    const as = [assessment({ householdId: h.id, gridId: g.id, assessedAt, answers: { health: ans(3) } })]
    const visits = [visit({ householdId: h.id, gridId: g.id, visitedAt: daysBefore(now, 2), outcome: 'not-home', seen: '' })]
    expect(computeNeeds({ grids: [g], households: [h], assessments: as, visits }).highNoVisit.map((x) => x.headName)).toEqual(['丙'])
  })

  it('lists high-need households with no visit after the assessment', () => {
    const g = grid()
    const a = household({ gridId: g.id, headName: '甲' })
    const b = household({ gridId: g.id, headName: '乙' })
    const assessedAt = daysBefore(now, 10)
    const as = [a, b].map((h) => assessment({ householdId: h.id, gridId: g.id, assessedAt, answers: { hardship: ans(3), life: ans(3) } }))
    const visits = [visit({ householdId: b.id, gridId: g.id, visitedAt: daysBefore(now, 2) }), visit({ householdId: a.id, gridId: g.id, visitedAt: assessedAt })]
    const r = computeNeeds({ grids: [g], households: [a, b], assessments: as, visits })
    expect(r.highNoVisit).toEqual([{ householdId: a.id, gridId: g.id, headName: '甲', assessedAt, highDomains: ['hardship', 'life'] }])
    expect(r.total.domains.hardship).toEqual([0, 0, 0, 2])
  })

  it('ignores deleted assessments and households', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const gone = household({ gridId: g.id, deleted: true })
    const del = assessment({ householdId: h.id, gridId: g.id, assessedAt: daysBefore(now, 1), deleted: true, answers: { legal: ans(3) } })
    const r = computeNeeds({ grids: [g], households: [h, gone], assessments: [del], visits: [] })
    expect(r.total).toMatchObject({ households: 1, assessed: 0 })
  })
})
