import { describe, expect, it } from 'vitest'
import { householdCadenceDays } from '../../../src/shared'
import { DAY_MS, DEMO_NOW, ageAt, defaultDemo, groupBy } from './demo-fixture'

describe('demo visit diaries', () => {
  const demo = defaultDemo()
  const visitsOf = groupBy(demo.visits, (v) => v.householdId)
  const key = demo.households.filter((h) => h.keyGroups.length > 0)
  const lastVisit = (id: string) => Math.max(...(visitsOf.get(id) ?? []).map((v) => Date.parse(v.visitedAt)))

  it('covers the year before now and ends within the last days', () => {
    const times = demo.visits.map((v) => Date.parse(v.visitedAt))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(DEMO_NOW.getTime() - 366 * DAY_MS)
    expect(Math.max(...times)).toBeGreaterThan(DEMO_NOW.getTime() - 3 * DAY_MS)
  })

  it('visits key households about on their cadence, more often than the others', () => {
    const perHousehold = (hs: typeof key) => hs.reduce((s, h) => s + (visitsOf.get(h.id)?.length ?? 0), 0) / hs.length
    const others = demo.households.filter((h) => h.keyGroups.length === 0)
    expect(perHousehold(key)).toBeGreaterThan(2 * perHousehold(others))
    const onTime = key.filter((h) => DEMO_NOW.getTime() - lastVisit(h.id) <= (householdCadenceDays(h) ?? 365) * DAY_MS)
    expect(onTime.length).toBeGreaterThan(key.length / 2)
  })

  it('leaves some key households overdue and some never visited', () => {
    const never = key.filter((h) => !visitsOf.has(h.id))
    const overdue = key.filter((h) => visitsOf.has(h.id) && DEMO_NOW.getTime() - lastVisit(h.id) > (householdCadenceDays(h) ?? 365) * DAY_MS)
    expect(never.length).toBeGreaterThanOrEqual(3)
    expect(overdue.length).toBeGreaterThanOrEqual(10)
    expect(demo.households.filter((h) => !visitsOf.has(h.id)).length).toBeGreaterThan(50)
  })

  it('uses every method, mostly in person, with Chinese diary text', () => {
    const count = (m: string) => demo.visits.filter((v) => v.method === m).length / demo.visits.length
    expect(count('in-person')).toBeGreaterThan(0.55)
    expect(count('phone')).toBeGreaterThan(0.1)
    expect(count('wechat')).toBeGreaterThan(0.05)
    for (const v of demo.visits) expect(v.seen).toMatch(/[\u4e00-\u9fff]/)
    expect(new Set(demo.visits.map((v) => v.done)).size).toBeGreaterThan(30)
    expect(demo.visits.some((v) => v.policies.length > 0)).toBe(true)
  })

  it('sets the next visit after the visit, at the household cadence', () => {
    const households = new Map(demo.households.map((h) => [h.id, h]))
    for (const v of demo.visits.filter((x) => x.nextVisitOn !== null && x.correctsId === null)) {
      const cadence = householdCadenceDays(households.get(v.householdId) ?? { visitCadenceDays: null, keyGroups: [] }) ?? 90
      const days = Math.round((Date.parse(`${v.nextVisitOn}T12:00:00+08:00`) - Date.parse(v.visitedAt)) / DAY_MS)
      expect(Math.abs(days - cadence)).toBeLessThanOrEqual(1)
    }
  })

  it('never records a visit before its household was registered', () => {
    const households = new Map(demo.households.map((h) => [h.id, h]))
    for (const v of demo.visits) expect(Date.parse(v.visitedAt)).toBeGreaterThan(Date.parse(households.get(v.householdId)?.createdAt ?? ''))
  })

  it('mentions children and old people only in households that have them', () => {
    const persons = groupBy(demo.persons, (p) => p.householdId)
    const ages = (id: string) => (persons.get(id) ?? []).map((p) => ageAt(p.birthDate ?? '', DEMO_NOW))
    for (const v of demo.visits.filter((x) => x.correctsId === null)) {
      const text = v.seen + v.asked + v.done
      if (/孩子/.test(text)) expect(ages(v.householdId).some((a) => a < 18), text).toBe(true)
      if (/老人|老两口/.test(text)) expect(ages(v.householdId).some((a) => a >= 59), text).toBe(true)
    }
  })

  it('visits households without a phone in person', () => {
    const noPhone = new Set(demo.households.filter((h) => h.phone === '').map((h) => h.id))
    for (const v of demo.visits.filter((x) => noPhone.has(x.householdId))) expect(v.method).toBe('in-person')
  })

  it('includes the care calendar’s festival visits to key households, in person', () => {
    const keyIds = new Set(key.map((h) => h.id))
    const festive = demo.visits.filter((v) => /春节|中秋|重阳|端午|六一|学雷锋/.test(v.seen))
    expect(new Set(festive.map((v) => v.seen.match(/春节|中秋|重阳|端午|六一|学雷锋/)?.[0])).size).toBeGreaterThanOrEqual(5)
    for (const v of festive) {
      expect(keyIds.has(v.householdId)).toBe(true)
      expect(v.method).toBe('in-person')
    }
  })
})
