import type { GridSisterDb } from '../../src/db/db'

/** A device's records as plain, sorted data, for comparing two devices' views. */

export const RECORD_TABLES = ['households', 'persons', 'visits', 'wishes', 'assessments', 'reviews', 'grids'] as const
export type TableName = (typeof RECORD_TABLES)[number]
export type Snapshot = Record<TableName, { id: string; gridId?: string }[]>

/** Device-only columns, derived from the device's own rows; checked separately. */
const DERIVED = ['lastVisitAt', 'promisedOn', 'openWishes', 'searchText', 'birthMonthDay']

export async function snapshot(db: GridSisterDb): Promise<Snapshot> {
  const out = {} as Snapshot
  for (const name of RECORD_TABLES) {
    const rows = (await db.table(name).toArray()) as Record<string, unknown>[]
    for (const row of rows) for (const column of DERIVED) delete row[column]
    out[name] = (rows as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id))
  }
  return out
}

/** Households whose derived columns disagree with the device's own visits and wishes. */
export async function derivedMismatches(db: GridSisterDb): Promise<string[]> {
  const out: string[] = []
  const visits = await db.visits.toArray()
  const wishes = await db.wishes.toArray()
  for (const h of await db.households.toArray()) {
    // The latest visit as the [householdId+visitedAt] index orders them: by time, then id.
    const latest = visits
      .filter((v) => v.householdId === h.id)
      .sort((a, b) => a.visitedAt.localeCompare(b.visitedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .at(-1)
    const last = latest?.visitedAt ?? null
    const promised = latest?.nextVisitOn ?? null
    const open = wishes.filter((w) => w.householdId === h.id && (w.state === 'registered' || w.state === 'claimed')).length
    if (h.lastVisitAt !== last || h.promisedOn !== promised || h.openWishes !== open) {
      out.push(`${h.id}: lastVisitAt ${h.lastVisitAt} vs ${last}, promisedOn ${h.promisedOn} vs ${promised}, openWishes ${h.openWishes} vs ${open}`)
    }
  }
  return out
}

/**
 * The first difference between a device and the server's view, or null when equal.
 * `localOnly`: records the server refused to create; by design they stay on the device
 * (with the refusal shown) and are the only rows allowed to exist there alone.
 */
export function firstDifference(a: Snapshot, b: Snapshot, localOnly: Set<string> = new Set()): string | null {
  for (const name of RECORD_TABLES) {
    const left = new Map(a[name].map((r) => [r.id, JSON.stringify(r)]))
    const right = new Map(b[name].map((r) => [r.id, JSON.stringify(r)]))
    for (const [id, row] of left) {
      if (!right.has(id)) {
        if (localOnly.has(id)) continue
        return `${name} ${id} only on the device: ${row}`
      }
      if (right.get(id) !== row) return `${name} ${id} differs:\n  device ${row}\n  server ${right.get(id)}`
    }
    for (const [id, row] of right) if (!left.has(id)) return `${name} ${id} missing on the device: ${row}`
  }
  return null
}
