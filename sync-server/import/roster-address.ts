import type { Address } from '../../src/shared'

/**
 * Addresses as registers write them, brought to the form the app stores (building "3栋",
 * "2单元", door "301"), so that the same flat written "3号楼2单元301室" in one file
 * and in three columns "3 / 2 / 301" in another is one household, and re-importing a
 * register finds the households it created last time.
 */

const num = (s: string) => /^\d+$/.test(s)

export function normalBuilding(s: string): string {
  const t = s.replace(/\s+/g, '')
  const m = /^(\d+)(栋|幢|号楼|楼|座)?$/.exec(t)
  return m ? `${m[1]}栋` : t
}

export function normalUnit(s: string): string {
  const t = s.replace(/\s+/g, '')
  const m = /^(\d+)(单元)?$/.exec(t)
  return m ? `${m[1]}单元` : t
}

export function normalDoor(s: string): string {
  const t = s.replace(/\s+/g, '')
  const m = /^(\d+)(室|号)?$/.exec(t)
  return m ? (m[1] as string) : t
}

/** One household's key: its normalized address. */
export function addressKey(a: Address): string {
  return [a.estate, normalBuilding(a.building), normalUnit(a.unit), normalDoor(a.door)].map((s) => s.replace(/\s+/g, '')).join('|')
}

/**
 * A whole address in one cell ("幸福小区3栋2单元301室"). The estate is the longest known
 * estate the text starts with, or the text before the building number; null when no
 * building can be found.
 */
export function splitAddress(text: string, knownEstates: readonly string[]): Address | null {
  const t = text.replace(/\s+/g, '')
  const known = [...knownEstates].sort((a, b) => b.length - a.length).find((e) => e && t.startsWith(e))
  const rest = known ? t.slice(known.length) : t
  const m = /^(.*?)(\d+)(栋|幢|号楼|座)(?:(\d+)单元)?(?:(\d+)(?:室|号)?)?$/.exec(rest)
  if (m) {
    const estate = known ?? (m[1] as string)
    if (!estate) return null
    return { estate, building: `${m[2]}栋`, unit: m[4] ? `${m[4]}单元` : '', door: m[5] ?? '' }
  }
  // A lane with house numbers (东关巷12号) has no building: the number is its "building".
  const lane = /^(.*?)(\d+)号$/.exec(rest)
  if (lane && (known ?? lane[1])) return { estate: known ?? (lane[1] as string), building: `${lane[2]}号`, unit: '', door: '' }
  return null
}

/** An address from separate columns (building "3" becomes "3栋"). */
export function addressOfParts(estate: string, building: string, unit: string, door: string): Address {
  return {
    estate: estate.replace(/\s+/g, ''),
    building: num(building) || /^\d+(栋|幢|号楼|楼|座)$/.test(building) ? normalBuilding(building) : building.trim(),
    unit: unit ? normalUnit(unit) : '',
    door: door ? normalDoor(door) : '',
  }
}
