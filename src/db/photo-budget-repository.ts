import type { PhotoRef, Visit, Wish } from '@/shared'
import { photoRefsOf } from '@/shared/rules/photos'
import type { GridSisterDb, LocalHousehold, PhotoRow } from './db'
import { getMeta, setMeta } from './meta-repository'

/**
 * The photo budget and what the download queue wants (src/sync/photo-download.ts): which
 * photos the phone's records name, in the order worth fetching, and what the phone holds
 * against the budget (shown under 我的). Downloaded photos are evictable: the server
 * holds them.
 */

/** What a cheap phone can spare for photos unless the worker chooses otherwise. */
export const DEFAULT_PHOTO_BUDGET = 200 * 1024 * 1024
/** The budgets offered under 我的. */
export const PHOTO_BUDGETS = [100, 200, 500].map((mb) => mb * 1024 * 1024)

/** A photo the phone's records name, with where it counts and how much it matters. */
export interface PhotoWant {
  ref: PhotoRef
  gridId: string
  /** 0: an open wish's visit; 1: a key household or one with open wishes; 2: other recent ones. */
  rank: 0 | 1 | 2
  /** When its record happened (ISO): the newest first within a rank. */
  at: string
}

export async function getPhotoBudget(db: GridSisterDb): Promise<number> {
  return (await getMeta(db, 'photoBudget')) ?? DEFAULT_PHOTO_BUDGET
}

export async function setPhotoBudget(db: GridSisterDb, bytes: number): Promise<void> {
  await setMeta(db, 'photoBudget', bytes)
}

const isKey = (h: LocalHousehold | undefined) => !!h && (h.keyGroups.length > 0 || h.openWishes > 0)

/**
 * The photos worth having before anyone asks, in download order: photos of the visits
 * open wishes came from, then the recent visits and fulfilled wishes (since `sinceIso`)
 * of key households and households with open wishes, then the other recent ones; newest
 * first within each rank. Older photos are fetched only when viewed.
 */
export async function photoWants(db: GridSisterDb, sinceIso: string): Promise<PhotoWant[]> {
  const [visits, open, fulfilled] = await Promise.all([
    db.visits.where('visitedAt').aboveOrEqual(sinceIso).filter((v) => v.photos.length > 0).toArray(),
    db.wishes.where('state').anyOf('registered', 'claimed').toArray(),
    db.wishes.where('[state+updatedAt]').between(['fulfilled', sinceIso], ['fulfilled', '\uffff']).toArray(),
  ])
  const wishVisitIds = open.map((w) => w.visitId).filter((id): id is string => id !== null)
  const wishVisits = (await db.visits.bulkGet(wishVisitIds)).filter((v): v is Visit => !!v)
  const households = new Map<string, LocalHousehold | undefined>()
  const ids = [...new Set([...visits, ...fulfilled].map((r) => r.householdId))]
  ;(await db.households.bulkGet(ids)).forEach((h, i) => households.set(ids[i]!, h))
  const out: PhotoWant[] = []
  const add = (kind: 'visit' | 'wish', r: Visit | Wish, rank: PhotoWant['rank'], at: string) => {
    for (const ref of photoRefsOf(kind, r)) out.push({ ref, gridId: r.gridId, rank, at })
  }
  const rankOf = (householdId: string) => (isKey(households.get(householdId)) ? 1 : 2)
  wishVisits.forEach((v) => add('visit', v, 0, v.visitedAt))
  for (const v of visits) {
    if (!households.get(v.householdId)?.deleted) add('visit', v, rankOf(v.householdId), v.visitedAt)
  }
  fulfilled.forEach((w) => add('wish', w, rankOf(w.householdId), w.updatedAt))
  out.sort((a, b) => a.rank - b.rank || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  const seen = new Set<string>()
  return out.filter((w) => {
    if (seen.has(w.ref.sha256)) return false
    seen.add(w.ref.sha256)
    return true
  })
}

/** How many photos the phone holds and their bytes, for 我的. */
export async function photoSummary(db: GridSisterDb): Promise<{ count: number; bytes: number; budget: number }> {
  const [rows, budget] = await Promise.all([db.photos.toArray(), getPhotoBudget(db)])
  return { count: rows.length, bytes: rows.reduce((n, r) => n + r.size, 0), budget }
}

/**
 * Stores a photo fetched from the server (evictable: the server holds it); false when it
 * is not stored: already there, or its grid is no longer hers (a sync dropped the grid
 * while the photo was on the wire, and nothing else would remove it).
 */
export async function storeDownloadedPhoto(db: GridSisterDb, ref: PhotoRef, gridId: string, blob: Blob, now: number): Promise<boolean> {
  return db.transaction('rw', [db.photos, db.grids], async () => {
    if ((await db.photos.get(ref.sha256)) || !(await db.grids.get(gridId))) return false
    const row: PhotoRow = { sha256: ref.sha256, blob, mime: ref.mime, size: blob.size, uploaded: 1, gridId, usedAt: now }
    await db.photos.put(row)
    return true
  })
}
