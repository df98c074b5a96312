import { describe, expect, it } from 'vitest'
import { KEY_GROUP_CADENCE_DAYS, NEEDS_TEMPLATE, VISIT_METHODS, type Visit } from '@/shared'
import { generateDemo } from '../../../../../sync-server/seed/generate-demo'
import { computeCoverage } from '@/features/supervisor/reports/coverage'
import { computeLedger } from '@/features/supervisor/reports/ledger'
import { computeNeeds } from '@/features/supervisor/reports/needs'

/**
 * The dashboard's figures on the demo community, checked against the same figures
 * computed here independently: plain loops over the generated records, month keys by
 * Intl in Asia/Shanghai (not the report's own arithmetic).
 */

const now = new Date('2026-03-15T04:00:00.000Z')
const demo = generateDemo({ now })
const DAY = 86_400_000
const cst = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
const monthOf = (iso: string) => {
  const parts = cst.formatToParts(new Date(iso))
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`
}

function liveVisits(): Visit[] {
  const out: Visit[] = []
  for (const v of demo.visits) {
    let corrected = false
    for (const w of demo.visits) if (w.correctsId === v.id) corrected = true
    if (!corrected && new Date(v.visitedAt).getTime() <= now.getTime()) out.push(v)
  }
  return out
}

describe('coverage on the demo community', { timeout: 30_000 }, () => {
  const report = computeCoverage({ grids: demo.grids, households: demo.households, visits: demo.visits, now })
  const visits = liveVisits()

  it('matches per-grid counts of households, visits in 30/90 days, overdue and methods', () => {
    for (const g of demo.grids) {
      let households = 0, key = 0, v30 = 0, v90 = 0, overdue = 0
      const methods: Record<string, number> = { 'in-person': 0, phone: 0, wechat: 0 }
      for (const h of demo.households) {
        if (h.gridId !== g.id || h.deleted) continue
        households++
        if (h.keyGroups.length) key++
        let last = -Infinity
        for (const v of visits) if (v.householdId === h.id) last = Math.max(last, new Date(v.visitedAt).getTime())
        const age = now.getTime() - last
        if (age < 30 * DAY) v30++
        if (age < 90 * DAY) v90++
        let cadence: number | null = h.visitCadenceDays
        if (!cadence) for (const k of h.keyGroups) cadence = Math.min(cadence ?? Infinity, KEY_GROUP_CADENCE_DAYS[k])
        if (cadence && (last === -Infinity || Math.floor(age / DAY) > cadence)) overdue++
        for (const v of visits) if (v.householdId === h.id && now.getTime() - new Date(v.visitedAt).getTime() < 30 * DAY) methods[v.method]!++
      }
      const row = report.grids.find((r) => r.key === g.id)!
      expect(row).toMatchObject({ households, keyHouseholds: key, visited30: v30, visited90: v90, overdue })
      expect(row.byMethod).toEqual(methods)
    }
    expect(report.total.households).toBe(demo.households.length)
    expect(report.overdue).toHaveLength(report.total.overdue)
    expect(report.total.visited30).toBeGreaterThan(0)
    expect(report.total.overdue).toBeGreaterThan(0)
  })

  it('sums per worker the grids assigned to her', () => {
    for (const w of report.workers) {
      const mine = demo.grids.filter((g) => g.workerId === w.key).map((g) => report.grids.find((r) => r.key === g.id)!)
      expect(w.households).toBe(mine.reduce((s, r) => s + r.households, 0))
      expect(w.overdue).toBe(mine.reduce((s, r) => s + r.overdue, 0))
      for (const m of VISIT_METHODS) expect(w.byMethod[m]).toBe(mine.reduce((s, r) => s + r.byMethod[m], 0))
    }
    expect(report.workers).toHaveLength(2)
  })

  it('matches the 12-month trend of visits and distinct households', () => {
    for (const p of report.trend) {
      const inMonth = visits.filter((v) => monthOf(v.visitedAt) === p.month)
      expect(p.visits).toBe(inMonth.length)
      expect(p.households).toBe(new Set(inMonth.map((v) => v.householdId)).size)
    }
    expect(report.trend.map((p) => p.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ])
    expect(report.trend.reduce((s, p) => s + p.visits, 0)).toBeGreaterThan(1000)
  })
})

describe('ledger on the demo community', { timeout: 30_000 }, () => {
  const report = computeLedger({ wishes: demo.wishes, now, staleClaimDays: 14 })

  it('matches the funnel, the states and the stale claims', () => {
    let claimed = 0, fulfilled = 0, stale = 0
    const states: Record<string, number> = { registered: 0, claimed: 0, fulfilled: 0, closed: 0 }
    for (const w of demo.wishes) {
      states[w.state]!++
      const wasClaimed = w.state === 'claimed' || w.state === 'fulfilled' || w.history.some((e) => e.state === 'claimed')
      if (wasClaimed) claimed++
      if (w.state === 'fulfilled') fulfilled++
      if (w.state === 'claimed' && w.claimedAt && Math.floor((now.getTime() - new Date(w.claimedAt).getTime()) / DAY) > 14) stale++
    }
    expect(report.funnel).toEqual({ registered: demo.wishes.length, claimed, fulfilled, closed: states.closed })
    expect(report.byState).toEqual(states)
    expect(report.staleClaims).toBe(stale)
    expect(report.rows.filter((r) => r.staleClaim)).toHaveLength(stale)
  })

  it('matches the month counts by category for every month of the year', () => {
    for (const month of ['2025-06', '2025-12', '2026-02', '2026-03']) {
      const r = computeLedger({ wishes: demo.wishes, now, month })
      for (const c of r.byCategory) {
        const registered = demo.wishes.filter((w) => w.category === c.category && monthOf(w.createdAt) === month).length
        const done = demo.wishes.filter((w) => w.category === c.category && w.state === 'fulfilled' && w.fulfilment?.date.startsWith(month)).length
        expect([c.category, c.registered, c.fulfilled]).toEqual([c.category, registered, done])
      }
    }
  })
})

describe('needs picture on the demo community', { timeout: 30_000 }, () => {
  const report = computeNeeds({ grids: demo.grids, households: demo.households, assessments: demo.assessments, visits: demo.visits })

  it('matches households per domain and level from the latest needs assessment', () => {
    const latest = new Map<string, (typeof demo.assessments)[number]>()
    for (const a of demo.assessments) {
      if (a.deleted || a.templateId !== 'needs-v1') continue
      const prev = latest.get(a.householdId)
      if (!prev || new Date(a.assessedAt) > new Date(prev.assessedAt)) latest.set(a.householdId, a)
    }
    for (const g of demo.grids) {
      const row = report.grids.find((r) => r.gridId === g.id)!
      const hs = demo.households.filter((h) => h.gridId === g.id && !h.deleted)
      expect(row.assessed).toBe(hs.filter((h) => latest.has(h.id)).length)
      for (const d of NEEDS_TEMPLATE.domains) {
        const counts = [0, 0, 0, 0]
        for (const h of hs) {
          const a = latest.get(h.id)
          if (a) counts[a.answers[d.key]?.level ?? 0]!++
        }
        expect(row.domains[d.key]).toEqual(counts)
      }
    }
    expect(report.total.assessed).toBeGreaterThan(50)
  })

  it('lists exactly the high-need households with no visit after their assessment', () => {
    const expected: string[] = []
    const latest = new Map<string, (typeof demo.assessments)[number]>()
    for (const a of demo.assessments) {
      if (a.templateId !== 'needs-v1' || a.deleted) continue
      const prev = latest.get(a.householdId)
      if (!prev || new Date(a.assessedAt) > new Date(prev.assessedAt)) latest.set(a.householdId, a)
    }
    for (const [hid, a] of latest) {
      const high = Object.values(a.answers).some((x) => x.level === 3)
      const visitedAfter = demo.visits.some((v) => v.householdId === hid && new Date(v.visitedAt) > new Date(a.assessedAt))
      if (high && !visitedAfter) expected.push(hid)
    }
    expect(report.highNoVisit.map((x) => x.householdId).sort()).toEqual(expected.sort())
  })
})
