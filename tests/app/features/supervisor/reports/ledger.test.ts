import { describe, expect, it } from 'vitest'
import { computeLedger, everClaimed } from '@/features/supervisor/reports/ledger'
import { daysBefore, wish } from '../factories'

const now = new Date('2026-03-15T04:00:00.000Z')
const base = { householdId: 'h', gridId: 'g' }
const claimant = { name: '红帽子志愿队', kind: 'volunteer' as const, phone: '13900001111' }

describe('computeLedger', () => {
  it('builds the funnel, state counts and days open', () => {
    const open = wish({ ...base, createdAt: daysBefore(now, 10) })
    const claimed = wish({ ...base, state: 'claimed', claimedBy: claimant, claimedAt: daysBefore(now, 20), createdAt: daysBefore(now, 25) })
    const done = wish({
      ...base, state: 'fulfilled', claimedBy: claimant, createdAt: daysBefore(now, 40),
      fulfilment: { date: '2026-03-02', whatWasDone: '上门理发', feedback: '', photo: null },
      history: [{ state: 'claimed', at: daysBefore(now, 38), by: 'x', note: '' }, { state: 'fulfilled', at: daysBefore(now, 13), by: 'x', note: '' }],
    })
    const closedAfterClaim = wish({ ...base, state: 'closed', closedReason: '搬走', history: [{ state: 'claimed', at: daysBefore(now, 5), by: 'x', note: '' }] })
    const r = computeLedger({ wishes: [open, claimed, done, closedAfterClaim], now })
    expect(r.funnel).toEqual({ registered: 4, claimed: 3, fulfilled: 1, closed: 1 })
    expect(r.byState).toEqual({ registered: 1, claimed: 1, fulfilled: 1, closed: 1 })
    expect(r.rows.find((x) => x.id === open.id)?.daysOpen).toBe(10)
    expect(r.rows.find((x) => x.id === done.id)?.daysOpen).toBe(27)
    expect(r.rows.find((x) => x.id === claimed.id)).toMatchObject({ claimant: '红帽子志愿队', staleClaim: true })
    expect(r.staleClaims).toBe(1)
    expect(everClaimed(closedAfterClaim)).toBe(true)
  })

  it('flags a claim only after the given number of days', () => {
    const w = wish({ ...base, state: 'claimed', claimedBy: claimant, claimedAt: daysBefore(now, 7) })
    expect(computeLedger({ wishes: [w], now, staleClaimDays: 7 }).staleClaims).toBe(0)
    expect(computeLedger({ wishes: [w], now, staleClaimDays: 6 }).staleClaims).toBe(1)
  })

  it('counts categories of the month: registered by creation, fulfilled by fulfilment date', () => {
    const feb = wish({ ...base, category: 'repair', createdAt: '2026-02-10T02:00:00.000Z' })
    const mar = wish({ ...base, category: 'repair', createdAt: '2026-03-01T02:00:00.000Z' })
    const fixed = wish({
      ...base, category: 'dispute', state: 'fulfilled', createdAt: '2026-02-20T02:00:00.000Z',
      fulfilment: { date: '2026-03-03', whatWasDone: '调解', feedback: '', photo: null },
    })
    const r = computeLedger({ wishes: [feb, mar, fixed], now })
    expect(r.month).toBe('2026-03')
    expect(r.byCategory.find((c) => c.category === 'repair')).toEqual({ category: 'repair', registered: 1, fulfilled: 0 })
    expect(r.byCategory.find((c) => c.category === 'dispute')).toEqual({ category: 'dispute', registered: 0, fulfilled: 1 })
    expect(computeLedger({ wishes: [feb, mar, fixed], now, month: '2026-02' }).byCategory.find((c) => c.category === 'repair')?.registered).toBe(1)
  })

  it('returns zeros for no wishes', () => {
    const r = computeLedger({ wishes: [], now })
    expect(r.funnel).toEqual({ registered: 0, claimed: 0, fulfilled: 0, closed: 0 })
    expect(r.rows).toEqual([])
  })
})
