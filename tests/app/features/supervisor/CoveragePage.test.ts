import { describe, expect, it } from 'vitest'
import CoveragePage from '@/features/supervisor/CoveragePage.vue'
import ReportPrintPage from '@/features/supervisor/ReportPrintPage.vue'
import { computeCoverage } from '@/features/supervisor/reports/coverage'
import { trendChartOption } from '@/features/supervisor/coverage-chart'
import { NOW, setupSupervisor, until } from './supervisor-kit'

// Half a year after the demo's last visit every key household is overdue: a long list.
const LATER = new Date(NOW.getTime() + 180 * 86_400_000)

describe('CoveragePage and the printed report', { timeout: 30_000 }, () => {
  it('opens the whole overdue list, and a row opens that household', async () => {
    const kit = await setupSupervisor({ households: 200 })
    kit.store.clock = () => LATER
    const expected = computeCoverage({ ...kit.demo, now: LATER }).overdue
    expect(expected.length).toBeGreaterThan(30)
    const w = await kit.mountAt(CoveragePage, '/supervisor/coverage', { SupervisorChart: true })
    await until(() => expect(w.findAll('[data-testid="overdue-row"]').length).toBe(30))
    // The short line that says attempts (nobody home) are not visits, with their count.
    expect(w.get('[data-testid="coverage-attempts"]').text()).toMatch(/“家中无人”“电话未接通”只算尝试.*近 30 天尝试 \d+ 次/)
    await w.get('[data-testid="overdue-all"]').trigger('click')
    await until(() => expect(w.findAll('[data-testid="overdue-row"]').length).toBe(expected.length))
    const last = w.findAll('[data-testid="overdue-row"]').at(-1)!
    await last.trigger('click')
    await until(() => expect(w.vm.$route.path).toBe(`/supervisor/review/household/${expected.at(-1)!.householdId}`))
  })

  it('prints every overdue household, each name linking to the household', async () => {
    const kit = await setupSupervisor({ households: 300 })
    kit.store.clock = () => LATER
    const expected = computeCoverage({ ...kit.demo, now: LATER }).overdue
    expect(expected.length).toBeGreaterThan(50)
    const w = await kit.mountAt(ReportPrintPage, '/supervisor/report/print')
    await until(() => expect(w.findAll('[data-testid="print-overdue-link"]').length).toBe(expected.length))
    expect(w.findAll('[data-testid="print-overdue-link"]').at(-1)!.attributes('href')).toBe(`/supervisor/review/household/${expected.at(-1)!.householdId}`)
    expect(w.text()).toContain('最美庭院评分')
    expect(w.text()).not.toMatch(/courtyard-v1|needs-v1/)
  })

  it('marks the running month of the trend as month-to-date instead of drawing a collapse', () => {
    const r = computeCoverage({ grids: [], households: [], visits: [], now: NOW })
    expect(r.trend.map((p) => p.partial)).toEqual([...Array(11).fill(false), true])
    const option = trendChartOption(r.trend, { visits: '走访次数', households: '走访户数', monthToDate: '本月至今' })
    const axis = option.xAxis as { data: string[] }
    expect(axis.data.at(-1)).toBe('本月至今')
    expect(axis.data[0]).toBe('25-04')
    const series = option.series as { type: string; data: unknown[] }[]
    expect(series.every((s) => s.type === 'bar')).toBe(true)
    expect(series[0]!.data.at(-1)).toMatchObject({ itemStyle: { opacity: 0.35 } })
  })
})
