import { KEY_GROUPS, type Grid, type Household, type KeyGroup, type PublicUser } from '@/shared'

/**
 * The grid responsibility map (网格化责任图): per grid its worker, its estates and the
 * buildings its households live in, and household / key-household counts (with the
 * key groups broken down). Pure; deleted households are not counted.
 */

export interface GridCard {
  grid: Grid
  worker: PublicUser | null
  households: number
  keyHouseholds: number
  byKeyGroup: Partial<Record<KeyGroup, number>>
  /** Estate → its buildings in use, both sorted. */
  buildings: { estate: string; buildings: string[] }[]
}

/** Builds one card per grid, in the order given. */
export function responsibilityCards(grids: Grid[], households: Household[], users: PublicUser[]): GridCard[] {
  const userById = new Map(users.map((u) => [u.id, u]))
  return grids.map((grid) => {
    const mine = households.filter((h) => h.gridId === grid.id && !h.deleted)
    const byKeyGroup: Partial<Record<KeyGroup, number>> = {}
    for (const h of mine) for (const g of h.keyGroups) byKeyGroup[g] = (byKeyGroup[g] ?? 0) + 1
    const estates = new Map<string, Set<string>>(grid.estates.map((e) => [e, new Set<string>()]))
    for (const h of mine) {
      const e = h.address.estate || '—'
      if (!estates.has(e)) estates.set(e, new Set())
      if (h.address.building) estates.get(e)!.add(h.address.building)
    }
    const naturally = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true })
    return {
      grid,
      worker: grid.workerId ? (userById.get(grid.workerId) ?? null) : null,
      households: mine.length,
      keyHouseholds: mine.filter((h) => h.keyGroups.length > 0).length,
      byKeyGroup: Object.fromEntries(KEY_GROUPS.filter((g) => byKeyGroup[g]).map((g) => [g, byKeyGroup[g]])),
      buildings: [...estates].map(([estate, b]) => ({ estate, buildings: [...b].sort(naturally) })),
    }
  })
}
