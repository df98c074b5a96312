import type { Address, Grid } from '../../src/shared'
import { addressKey } from './roster-address'

/**
 * What a register row points to: its grid, and the household and person it may already
 * be. Re-importing a register creates nothing new: a household is the same when its
 * address is, a person when the ID number is, or (without one) the name and birth date.
 */

export interface ExistingHousehold {
  id: string
  gridId: string
  address: Address
}

export interface ExistingPerson {
  id: string
  householdId: string
  name: string
  birthDate: string | null
  idNumber: string
}

export function personKeys(p: { name: string; birthDate: string | null; idNumber: string }): string[] {
  const keys: string[] = []
  if (p.idNumber) keys.push(`id:${p.idNumber.toUpperCase()}`)
  if (p.birthDate) keys.push(`nb:${p.name}|${p.birthDate}`)
  return keys
}

/** Lookups over a community's stored households and persons, growing as rows are planned. */
export class RosterIndex {
  private households = new Map<string, ExistingHousehold>()
  private persons = new Map<string, string>()

  constructor(households: ExistingHousehold[], persons: ExistingPerson[]) {
    households.forEach((h) => this.addHousehold(h))
    persons.forEach((p) => this.addPerson(p.id, p))
  }

  household(address: Address): ExistingHousehold | undefined {
    return this.households.get(addressKey(address))
  }

  addHousehold(h: ExistingHousehold): void {
    this.households.set(addressKey(h.address), h)
  }

  /** The id of a stored (or already planned) person with these keys. */
  person(p: { name: string; birthDate: string | null; idNumber: string }): string | undefined {
    for (const k of personKeys(p)) {
      const id = this.persons.get(k)
      if (id) return id
    }
    return undefined
  }

  addPerson(id: string, p: { name: string; birthDate: string | null; idNumber: string }): void {
    personKeys(p).forEach((k) => this.persons.set(k, id))
  }
}

/**
 * The grid of a household: the grid named in the row (by name or code), else the one
 * grid that lists its estate (and, when several share the estate, the building).
 */
export function gridOf(grids: readonly Grid[], gridText: string, address: Address): Grid | string {
  if (gridText) {
    const t = gridText.replace(/\s+/g, '')
    const named = grids.find((g) => g.name === t || (g.code !== '' && g.code === t))
    return named ?? `网格“${gridText}”在本社区不存在`
  }
  const byEstate = grids.filter((g) => g.estates.includes(address.estate))
  if (byEstate.length === 1) return byEstate[0] as Grid
  const byBuilding = byEstate.filter((g) => g.buildings?.[address.estate]?.includes(address.building))
  if (byBuilding.length === 1) return byBuilding[0] as Grid
  if (byEstate.length === 0) return `小区“${address.estate}”不属于本社区任何网格：请先在“地点”里把它加到网格，或在表中填写网格`
  return `小区“${address.estate}”分属几个网格：请在“地点”里写明各网格的楼栋，或在表中填写网格`
}
