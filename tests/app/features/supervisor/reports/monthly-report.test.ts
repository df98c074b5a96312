import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { WISH_CATEGORIES, type Wish } from '@/shared'
import { supervisorMessages } from '@/features/supervisor/i18n/messages'
import { buildMonthlyReport, type MonthlyReportInput } from '@/features/supervisor/reports/monthly-report'
import { categorySheet, funnelSheet, monthlyReportSheets } from '@/features/supervisor/reports/export-tables'
import { assessment, grid, household, visit, wish } from '../factories'

const now = new Date('2026-12-10T04:00:00.000Z')
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: supervisorMessages })
const t = (key: string, named?: Record<string, unknown>) => (named ? i18n.global.t(key, named) : i18n.global.t(key))
const options = { t, locale: 'zh-CN' as const, full: false, communityName: '城东社区' }
const ans = (level: number) => ({ level, notes: '', extra: {} })

function input(over: Partial<MonthlyReportInput>): MonthlyReportInput {
  return { grids: [], households: [], persons: [], visits: [], wishes: [], assessments: [], workerNames: {}, now, ...over }
}

describe('buildMonthlyReport', () => {
  it('leaves a household created after the month out of that month\'s overdue list and counts', () => {
    const g = grid()
    const old = household({ gridId: g.id, keyGroups: ['elderly-alone'], headName: '老户', createdAt: '2026-01-05T02:00:00.000Z' })
    const december = household({ gridId: g.id, keyGroups: ['elderly-alone'], headName: '新户', createdAt: '2026-12-02T02:00:00.000Z' })
    const r = buildMonthlyReport(input({ grids: [g], households: [old, december], month: '2026-11' }))
    expect(r.coverage.overdue.map((o) => o.headName)).toEqual(['老户'])
    expect(r.coverage.total.households).toBe(1)
    expect(buildMonthlyReport(input({ grids: [g], households: [old, december] })).coverage.total.households).toBe(2)
  })

  it('counts a wish in the state it had at the end of the month', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const history: Wish['history'] = [
      { state: 'registered', at: '2026-11-03T02:00:00.000Z', by: '李娟', note: '' },
      { state: 'claimed', at: '2026-11-20T02:00:00.000Z', by: '李娟', note: '' },
      { state: 'fulfilled', at: '2026-12-04T02:00:00.000Z', by: '李娟', note: '' },
    ]
    const w = wish({
      householdId: h.id, gridId: g.id, state: 'fulfilled', history, createdAt: history[0]!.at, updatedAt: history[2]!.at,
      claimedAt: history[1]!.at, claimedBy: { kind: 'volunteer', name: '小王', phone: '13900001111' },
      fulfilment: { date: '2026-12-04', whatWasDone: '理了发', feedback: '', photo: null },
    })
    const nov = buildMonthlyReport(input({ grids: [g], households: [h], wishes: [w], month: '2026-11' }))
    expect(nov.ledger.funnel).toMatchObject({ registered: 1, claimed: 1, fulfilled: 0 })
    const dec = buildMonthlyReport(input({ grids: [g], households: [h], wishes: [w], month: '2026-12' }))
    expect(dec.ledger.funnel).toMatchObject({ registered: 1, claimed: 1, fulfilled: 1 })
  })

  it('keeps the month\'s category table to month counts; the cumulative funnel is its own table', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const wishes = [
      wish({ householdId: h.id, gridId: g.id, createdAt: '2026-03-01T02:00:00.000Z', updatedAt: '2026-03-01T02:00:00.000Z' }),
      wish({ householdId: h.id, gridId: g.id, createdAt: '2026-12-03T02:00:00.000Z', updatedAt: '2026-12-03T02:00:00.000Z' }),
    ]
    const r = buildMonthlyReport(input({ grids: [g], households: [h], wishes }))
    const sheet = categorySheet(r, options)
    expect(sheet.rows).toHaveLength(WISH_CATEGORIES.length)
    expect(sheet.totals?.[1]).toBe(1)
    expect(sheet.rows.map((row) => row[0])).not.toContain(t('supervisor.ledger.funnel.registered'))
    const funnel = funnelSheet(r, options)
    expect(funnel.header[1]).toContain('累计')
    expect(funnel.rows[0]).toEqual([t('supervisor.ledger.funnel.registered'), 2])
  })

  it('summarises courtyard scores on their own, never as needs, and shows no template id', () => {
    const g = grid()
    const h = household({ gridId: g.id })
    const courtyard = assessment({
      householdId: h.id, gridId: g.id, assessedAt: '2026-12-01T02:00:00.000Z', templateId: 'courtyard-v1',
      answers: { room: ans(3), kitchen: ans(3), courtyard: ans(2), bodyMind: ans(3) }, score: 92,
    })
    const r = buildMonthlyReport(input({ grids: [g], households: [h], assessments: [courtyard] }))
    expect(r.needs.total.assessed).toBe(0)
    expect(r.courtyard.total).toMatchObject({ households: 1, scored: 1, average: 92 })
    expect(r.courtyard.total.items.courtyard).toEqual([0, 0, 1, 0])
    const sheets = monthlyReportSheets(r, options)
    expect(sheets.map((s) => s.name)).toContain('最美庭院')
    const cells = sheets.flatMap((s) => [s.title, ...s.header, ...s.rows.flat(), ...(s.totals ?? [])]).map(String)
    expect(cells.some((c) => /courtyard-v1|needs-v1/.test(c))).toBe(false)
    expect(cells).toContain('已评分 1 户，平均 92 分')
  })

  it('counts visits and assessments made after the month out of it', () => {
    const g = grid()
    const h = household({ gridId: g.id, keyGroups: ['hardship'], createdAt: '2026-01-05T02:00:00.000Z' })
    const later = visit({ householdId: h.id, gridId: g.id, visitedAt: '2026-12-03T02:00:00.000Z' })
    const a = assessment({ householdId: h.id, gridId: g.id, assessedAt: '2026-12-02T02:00:00.000Z', answers: { health: ans(3) } })
    const r = buildMonthlyReport(input({ grids: [g], households: [h], visits: [later], assessments: [a], month: '2026-11' }))
    expect(r.coverage.overdue).toHaveLength(1)
    expect(r.needs.total.assessed).toBe(0)
  })
})
