import { describe, expect, it } from 'vitest'
import type { Address, KeyGroup } from '@/shared'
import { emptyFilter, filterHouseholds, membersByHousehold, sortByWalkingOrder, type HouseholdFilter } from '@/features/households/household-search'

const now = new Date(2026, 4, 30, 10, 0)
let seq = 0
function household(headName: string, address: Partial<Address> = {}, over: { keyGroups?: KeyGroup[]; lastVisitAt?: string | null } = {}) {
  const a = { estate: '幸福小区', building: '1栋', unit: '', door: '', ...address }
  return { id: `h${++seq}`, headName, address: a, searchText: `${headName} ${a.estate} ${a.building}`, keyGroups: over.keyGroups ?? [], lastVisitAt: over.lastVisitAt ?? null }
}
const member = (householdId: string, name: string, deleted = false) => ({ householdId, name, searchText: name, deleted })
const filter = (over: Partial<HouseholdFilter>): HouseholdFilter => ({ ...emptyFilter(), ...over })

describe('filterHouseholds', () => {
  const wang = household('王秀英', { building: '10栋' })
  const zhao = household('赵建国', { building: '2栋' })
  const members = membersByHousehold([member(wang.id, '李小红'), member(zhao.id, '李小明', true)])

  it('finds a household by a live member and names the member; a removed member finds nothing', () => {
    expect(filterHouseholds([wang, zhao], filter({ query: '李小' }), now, members)).toEqual([{ household: wang, member: '李小红' }])
  })

  it('names no member when the household’s own text matched', () => {
    expect(filterHouseholds([wang], filter({ query: '王秀' }), now, members)).toEqual([{ household: wang, member: null }])
  })

  it('keeps the walking order it is given, and filters by estate and building', () => {
    const walking = sortByWalkingOrder([wang, zhao])
    expect(walking.map((h) => h.headName)).toEqual(['赵建国', '王秀英'])
    expect(filterHouseholds(walking, filter({}), now).map((m) => m.household.headName)).toEqual(['赵建国', '王秀英'])
    expect(filterHouseholds(walking, filter({ estate: '幸福小区', building: '10栋' }), now).map((m) => m.household.headName)).toEqual(['王秀英'])
    expect(filterHouseholds(walking, filter({ estate: '和平里' }), now)).toEqual([])
    // A building without its estate filters nothing (the building of which estate?).
    expect(filterHouseholds(walking, filter({ building: '10栋' }), now)).toHaveLength(2)
  })

  it('orders flat by name, or longest unvisited first', () => {
    const old = household('甲', {}, { lastVisitAt: '2026-01-01T00:00:00.000Z' })
    const recent = household('阿', {}, { lastVisitAt: '2026-05-01T00:00:00.000Z' })
    const never = household('丙')
    expect(filterHouseholds([recent, old, never], filter({ order: 'name' }), now).map((m) => m.household.headName)).toEqual(['阿', '丙', '甲'])
    expect(filterHouseholds([recent, old, never], filter({ order: 'unvisited' }), now).map((m) => m.household.headName)).toEqual(['丙', '甲', '阿'])
  })
})
