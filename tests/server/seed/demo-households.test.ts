import { describe, expect, it } from 'vitest'
import { KEY_GROUPS } from '../../../src/shared'
import { idCheckDigit } from '../../../sync-server/seed/demo-names'
import { DAY_MS, DEMO_NOW, ageAt, defaultDemo, groupBy } from './demo-fixture'

describe('demo households and persons', () => {
  const demo = defaultDemo()
  const personsOf = groupBy(demo.persons, (p) => p.householdId)

  it('gives every household a head (relation self) whose name it carries', () => {
    for (const h of demo.households) {
      const heads = (personsOf.get(h.id) ?? []).filter((p) => p.relation === 'self')
      expect(heads.map((p) => p.name)).toEqual([h.headName])
    }
  })

  it('gives each household a unique address in one of its grid’s estates', () => {
    const estates = new Map(demo.grids.map((g) => [g.id, g.estates]))
    const seen = new Set<string>()
    for (const h of demo.households) {
      expect(estates.get(h.gridId)).toContain(h.address.estate)
      const key = JSON.stringify(h.address)
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
      if (h.address.unit) expect(`${h.address.building}${h.address.unit}${h.address.door}`).toMatch(/^\d{1,2}栋[1-3]单元[1-6]0[12]$/)
    }
  })

  it('sets household key groups to the union of its persons’ flags', () => {
    for (const h of demo.households) {
      const union = new Set((personsOf.get(h.id) ?? []).flatMap((p) => p.keyGroups))
      expect(h.keyGroups).toEqual(KEY_GROUPS.filter((g) => union.has(g)))
    }
  })

  it('flags some key group in 15–25% of households, every group at least once', () => {
    const share = demo.households.filter((h) => h.keyGroups.length > 0).length / demo.households.length
    expect(share).toBeGreaterThan(0.15)
    expect(share).toBeLessThan(0.25)
    const used = new Set(demo.households.flatMap((h) => h.keyGroups))
    expect([...used].sort()).toEqual([...KEY_GROUPS].sort())
  })

  it('gives realistic ages per relation and elderly people living alone', () => {
    for (const [, persons] of personsOf) {
      const head = persons.find((p) => p.relation === 'self')
      if (!head?.birthDate) continue
      const headAge = ageAt(head.birthDate, DEMO_NOW)
      for (const p of persons) {
        const age = ageAt(p.birthDate ?? '', DEMO_NOW)
        if (p.relation === 'child') expect(headAge - age).toBeGreaterThanOrEqual(16)
        if (p.relation === 'parent') expect(age - headAge).toBeGreaterThanOrEqual(18)
        if (p.relation === 'grandchild') expect(headAge - age).toBeGreaterThanOrEqual(35)
        if (p.keyGroups.includes('elderly-alone')) expect(age).toBeGreaterThanOrEqual(65)
        if (p.keyGroups.includes('left-behind') && p.relation === 'grandchild') expect(age).toBeLessThan(17)
      }
    }
  })

  it('gives children their father’s surname', () => {
    for (const [, persons] of personsOf) {
      const head = persons.find((p) => p.relation === 'self')
      if (head?.sex !== 'M') continue
      for (const child of persons.filter((p) => p.relation === 'child')) expect(child.name[0]).toBe(head.name[0])
    }
  })

  it('writes 18-digit ID numbers that match birth date and sex with a valid check digit', () => {
    const withId = demo.persons.filter((p) => p.idNumber !== '')
    expect(withId.length).toBeGreaterThan(demo.persons.length * 0.9)
    for (const p of withId) {
      expect(p.idNumber.slice(6, 14)).toBe(p.birthDate?.replace(/-/g, ''))
      expect(Number(p.idNumber[16]) % 2).toBe(p.sex === 'M' ? 1 : 0)
      expect(p.idNumber[17]).toBe(idCheckDigit(p.idNumber.slice(0, 17)))
    }
  })

  it('has key-group persons with a birthday in the coming seven days', () => {
    const upcoming = new Set<string>()
    for (let d = 0; d < 7; d++) upcoming.add(new Date(DEMO_NOW.getTime() + 8 * 3600_000 + d * DAY_MS).toISOString().slice(5, 10))
    const soon = demo.persons.filter((p) => p.keyGroups.length > 0 && upcoming.has(p.birthDate?.slice(5) ?? ''))
    expect(soon.length).toBeGreaterThanOrEqual(5)
  })
})
