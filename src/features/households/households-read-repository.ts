import { KEY_GROUPS, type Grid } from '@/shared'
import { naturalOrder } from '@/shared/rules/address-order'
import type { GridSisterDb, LocalHousehold, LocalPerson } from '@/db/db'

/**
 * Reads of households. Kept apart from the writes (households-repository.ts), which need
 * the pinyin dictionary for the search column: the Today screen only reads, and so
 * does not download that dictionary on the worker's first screen.
 */

/** All live households of the device (only the worker's grids are ever stored). */
export async function listHouseholds(db: GridSisterDb): Promise<LocalHousehold[]> {
  return (await db.households.toArray()).filter((h) => !h.deleted)
}

/** Live households with at least one key-group flag (indexed multi-entry lookup). */
export async function listKeyHouseholds(db: GridSisterDb): Promise<LocalHousehold[]> {
  const rows = await db.households.where('keyGroups').anyOf([...KEY_GROUPS]).distinct().toArray()
  return rows.filter((h) => !h.deleted)
}

/**
 * Households whose latest visit promised the next one on or before `isoDate` (a later
 * visit supersedes an earlier promise): one range of the `promisedOn` index, no diary
 * read. Finding them through every household's latest diary cost Today 0.3 s.
 */
export async function householdsPromisedBy(db: GridSisterDb, isoDate: string): Promise<LocalHousehold[]> {
  const rows = await db.households.where('promisedOn').belowOrEqual(isoDate).toArray()
  return rows.filter((h) => !h.deleted)
}

/** Every member of the device's households (tombstones included: the search skips them). */
export function listMembers(db: GridSisterDb): Promise<LocalPerson[]> {
  return db.persons.toArray()
}

/**
 * The live household visited last (the `lastVisitAt` index holds only visited ones):
 * its building is where she most likely goes on walking.
 */
export async function lastVisitedHousehold(db: GridSisterDb): Promise<LocalHousehold | undefined> {
  return db.households.orderBy('lastVisitAt').reverse().filter((h) => !h.deleted).first()
}

export function getHousehold(db: GridSisterDb, id: string): Promise<LocalHousehold | undefined> {
  return db.households.get(id)
}

/** Households by id, in the same order (undefined where unknown). */
export function householdsByIds(db: GridSisterDb, ids: string[]): Promise<(LocalHousehold | undefined)[]> {
  return db.households.bulkGet(ids)
}

/** The grids the device knows (received from the server), by name. */
export async function listGrids(db: GridSisterDb): Promise<Grid[]> {
  const grids = await db.grids.toArray()
  return grids.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Estates of a grid, and the buildings known in each, for the address pickers. */
export interface KnownPlaces {
  estates: string[]
  buildings: Record<string, string[]>
}

/**
 * The estates of a grid (its own list first, then any its households name) and, per
 * estate, the buildings the grid lists and those its households live in.
 */
export async function knownPlaces(db: GridSisterDb, gridId: string): Promise<KnownPlaces> {
  const [grid, rows] = await Promise.all([db.grids.get(gridId), db.households.where('gridId').equals(gridId).toArray()])
  const buildings = new Map<string, Set<string>>()
  // The grid's own buildings per estate (set in the admin's console) come first.
  for (const [estate, list] of Object.entries(grid?.buildings ?? {})) buildings.set(estate, new Set(list))
  for (const h of rows) {
    if (h.deleted || !h.address.estate) continue
    const set = buildings.get(h.address.estate) ?? new Set<string>()
    if (h.address.building) set.add(h.address.building)
    buildings.set(h.address.estate, set)
  }
  const listed = grid?.estates ?? []
  const natural = naturalOrder()
  const extra = [...buildings.keys()].filter((e) => !listed.includes(e)).sort(natural)
  return {
    estates: [...listed, ...extra],
    buildings: Object.fromEntries([...buildings].map(([e, set]) => [e, [...set].sort(natural)])),
  }
}
