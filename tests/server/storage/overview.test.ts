import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BACKENDS } from '../../helpers/server/backends'
import { useWorldStore } from '../../helpers/server/world'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 7, 12)

describe.each(BACKENDS)('community overview on $name', (backend) => {
  const t = useWorldStore(backend)

  it('counts households, key households, coverage, overdue key households and wishes by state', async () => {
    const { grids, communityA, communityB } = t.world
    const put = (kind: 'household' | 'visit' | 'wish', data: Record<string, unknown>, communityId = communityA, gridId = grids.a1.id) =>
      t.store.putRecord(kind, (data.id as string | undefined) ?? randomUUID(), gridId, communityId, { id: randomUUID(), ...data })
    const household = async (keyGroups: string[], daysAgo: number | null, own: number | null = null, deleted = false) => {
      const id = randomUUID()
      await put('household', { id, keyGroups, visitCadenceDays: own, deleted })
      // Visits written with a +08:00 offset, as phones in China write them.
      if (daysAgo !== null) await put('visit', { householdId: id, visitedAt: new Date(NOW - daysAgo * DAY + 8 * 3600_000).toISOString().replace('Z', '+08:00') })
      return id
    }
    await household(['elderly-alone'], 10) // key, covered 30, not overdue (cadence 30)
    await household(['elderly-alone'], 10, 7) // its own cadence of 7 days: overdue
    await household([], 60) // covered 90 only
    await household(['unemployed'], 45) // cadence 60: not overdue
    await household(['disabled'], null) // never visited: overdue
    await household(['disabled'], null, null, true) // deleted: not counted
    await put('wish', { state: 'registered' })
    await put('wish', { state: 'registered' })
    await put('wish', { state: 'fulfilled' })
    await put('household', { keyGroups: [], visitCadenceDays: null, deleted: false }, communityB, grids.b1.id)

    const [a, b] = await t.store.communityOverview([communityA, communityB], new Date(NOW).toISOString())
    expect(a).toEqual({
      communityId: communityA, households: 5, keyHouseholds: 4, visited30: 2, visited90: 4, overdueKey: 2,
      wishes: { registered: 2, claimed: 0, fulfilled: 1, closed: 0 },
    })
    expect(b).toMatchObject({ communityId: communityB, households: 1, keyHouseholds: 0, overdueKey: 0 })
  })

  it('counts no attempt (nobody home, no answer) as a visit; a refusal and an old visit without outcome count', async () => {
    const { communityA, grids } = t.world
    const put = (kind: 'household' | 'visit', data: Record<string, unknown>) =>
      t.store.putRecord(kind, (data.id as string | undefined) ?? randomUUID(), grids.a1.id, communityA, { id: randomUUID(), ...data })
    const household = async (visits: { daysAgo: number; outcome?: string }[]) => {
      const id = randomUUID()
      await put('household', { id, keyGroups: ['elderly-alone'], visitCadenceDays: null, deleted: false })
      for (const v of visits) await put('visit', { householdId: id, visitedAt: new Date(NOW - v.daysAgo * DAY).toISOString(), ...(v.outcome ? { outcome: v.outcome } : {}) })
    }
    await household([{ daysAgo: 40 }, { daysAgo: 2, outcome: 'not-home' }]) // visited 90 only, overdue (30-day cadence)
    await household([{ daysAgo: 1, outcome: 'no-answer' }]) // never visited: overdue
    await household([{ daysAgo: 3, outcome: 'refused' }]) // a contact
    await household([{ daysAgo: 5 }]) // stored before outcomes: a contact

    const [a] = await t.store.communityOverview([communityA], new Date(NOW).toISOString())
    expect(a).toMatchObject({ households: 4, keyHouseholds: 4, visited30: 2, visited90: 3, overdueKey: 2 })
  })
})
