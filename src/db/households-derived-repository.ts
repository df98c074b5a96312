import { isOpenWish } from '@/shared/rules/wish'
import type { GridSisterDb, LocalHousehold } from './db'
import { lastVisitColumns, latestVisitOf, type LatestVisit } from './derive'

/**
 * A household's derived device columns (last visit, the visit it promised, open wishes):
 * kept here, below the features and the sync client, because both write the records
 * they follow from (a saved visit or wish, a pulled page, a restored shadow).
 */

/**
 * Recomputes a household's local columns from its visits and wishes. Called in the same
 * transaction as every visit or wish write; the sync client calls it after a pull.
 */
export function refreshHouseholdDerived(db: GridSisterDb, householdId: string): Promise<void> {
  return refreshHouseholdsDerived(db, [householdId])
}

/**
 * The same for many households at once (a pulled page touches hundreds): the reads are
 * issued together so IndexedDB pipelines them, and only changed rows are written back.
 */
export async function refreshHouseholdsDerived(db: GridSisterDb, householdIds: string[]): Promise<void> {
  const ids = [...new Set(householdIds)]
  if (ids.length === 0) return
  const [rows, lastVisits, wishes] = await Promise.all([
    db.households.bulkGet(ids),
    Promise.all(ids.map((id) => latestVisitOf(db.visits, id))),
    db.wishes.where('householdId').anyOf(ids).toArray(),
  ])
  const open = new Map<string, number>()
  for (const w of wishes) if (isOpenWish(w.state)) open.set(w.householdId, (open.get(w.householdId) ?? 0) + 1)
  const changed: LocalHousehold[] = []
  rows.forEach((h, i) => {
    if (!h) return
    const { lastVisitAt, promisedOn } = lastVisitColumns(lastVisits[i])
    const openWishes = open.get(h.id) ?? 0
    if (h.lastVisitAt !== lastVisitAt || h.promisedOn !== promisedOn || h.openWishes !== openWishes) {
      changed.push({ ...h, lastVisitAt, promisedOn, openWishes })
    }
  })
  if (changed.length) await db.households.bulkPut(changed)
}

/**
 * After visits were appended (new rows only), moves each household's last visit (and
 * the promise it made) up to its newest new visit. Equal to a full refresh because
 * visits are append-only and every write of a household's visits refreshes its columns,
 * so the stored value is the latest of the older ones (compared as strings, as the
 * [householdId+visitedAt] index compares them). Spares a pulled page of a first sync
 * one index query per household. A new visit exactly as old as the stored last one,
 * with another promise, cannot be ordered from the household row alone: those
 * households are recomputed.
 */
export async function advanceLastVisits(db: GridSisterDb, newest: Map<string, LatestVisit>): Promise<void> {
  const ids = [...newest.keys()]
  const rows = await db.households.bulkGet(ids)
  const changed: LocalHousehold[] = []
  const ties: string[] = []
  rows.forEach((h, i) => {
    const moved = h && withLastVisit(h, newest.get(ids[i] as string) as LatestVisit)
    if (moved === 'tie') ties.push(h!.id)
    else if (moved) changed.push(moved)
  })
  if (changed.length) await db.households.bulkPut(changed)
  await Promise.all(ties.map((id) => recomputeLastVisit(db, id)))
}

/**
 * Recomputes a household's last visit and its promise from the visits index (not its
 * open wishes: a visit write needs no wishes table).
 */
export async function recomputeLastVisit(db: GridSisterDb, householdId: string): Promise<void> {
  const [h, last] = await Promise.all([
    db.households.get(householdId),
    latestVisitOf(db.visits, householdId),
  ])
  if (!h) return
  const { lastVisitAt, promisedOn } = lastVisitColumns(last)
  if (h.lastVisitAt !== lastVisitAt || h.promisedOn !== promisedOn) await db.households.put({ ...h, lastVisitAt, promisedOn })
}

/**
 * The household with its last visit moved up to `v`; null when nothing changes; 'tie'
 * when `v` is exactly as old as the stored last visit but promised otherwise (the index
 * orders the two by id, which the row does not keep: recompute it). A visit pulled back
 * after its own push is such a tie with itself, and changes nothing.
 */
export function withLastVisit(h: LocalHousehold, v: LatestVisit): LocalHousehold | null | 'tie' {
  if (h.lastVisitAt === v.at) return h.promisedOn === v.next ? null : 'tie'
  return h.lastVisitAt === null || h.lastVisitAt < v.at ? { ...h, lastVisitAt: v.at, promisedOn: v.next } : null
}
