import type { PhotoRef, Visit, Wish } from '@/shared'
import { photoRefsOf } from '@/shared/rules/photos'
import type { GridSisterDb, LocalHousehold, PhotoRow } from './db'
import { getMeta, setMeta } from './meta-repository'

/**
 * The photos on this phone, as the download queue and the settings page see them.
 *
 * Guarantees: a photo taken on this phone and not yet uploaded (`uploaded = 0`) is never
 * evicted; only photos the server holds (uploaded or downloaded) are, least recently used
 * first. Writes here touch the photo table only, so a full disk (QuotaExceededError) in
 * it never reaches a record's write.
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

/** A photo on the phone, without its bytes. */
export interface StoredPhoto {
  sha256: string
  size: number
  uploaded: 0 | 1
  usedAt: number
}

/** Hex SHA-256 of a blob (Web Crypto): a photo's name, checked on upload and download. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** True for the error IndexedDB raises when the browser's storage quota is used up. */
export function isQuotaError(e: unknown): boolean {
  const named = (x: unknown) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === 'QuotaExceededError'
  return named(e) || (typeof e === 'object' && e !== null && named((e as { inner?: unknown }).inner))
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

/** Every photo on the phone without its bytes; uploaded ones least recently used first. */
export async function storedPhotos(db: GridSisterDb): Promise<StoredPhoto[]> {
  const rows = await db.photos.toArray()
  return rows
    .map(({ sha256, size, uploaded, usedAt }): StoredPhoto => ({ sha256, size, uploaded, usedAt }))
    .sort((a, b) => a.usedAt - b.usedAt)
}

/** How many photos the phone holds and their bytes, for 我的. */
export async function photoSummary(db: GridSisterDb): Promise<{ count: number; bytes: number; budget: number }> {
  const [rows, budget] = await Promise.all([db.photos.toArray(), getPhotoBudget(db)])
  return { count: rows.length, bytes: rows.reduce((n, r) => n + r.size, 0), budget }
}

/** Stores a photo fetched from the server (evictable: the server holds it). */
export async function storeDownloadedPhoto(db: GridSisterDb, ref: PhotoRef, gridId: string, blob: Blob, now: number): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    if (await db.photos.get(ref.sha256)) return
    const row: PhotoRow = { sha256: ref.sha256, blob, mime: ref.mime, size: blob.size, uploaded: 1, gridId, usedAt: now }
    await db.photos.put(row)
  })
}

/** A photo taken on this phone, ready to store (its name is the hash of its bytes). */
export interface TakenPhoto {
  ref: PhotoRef
  blob: Blob
}

/**
 * Stores photos taken on this phone (`uploaded = 0`: never evicted), in their own
 * transaction after their record's: a full disk then loses a photo, never the record.
 * On QuotaExceededError it evicts photos the server holds (least recently used first)
 * and tries once more. Returns false when the photos could not be stored.
 */
export async function storeTakenPhotos(db: GridSisterDb, photos: TakenPhoto[], gridId: string, now: number): Promise<boolean> {
  if (photos.length === 0) return true
  const put = () =>
    db.transaction('rw', db.photos, async () => {
      for (const p of photos) {
        if (await db.photos.get(p.ref.sha256)) continue
        await db.photos.put({ sha256: p.ref.sha256, blob: p.blob, mime: p.ref.mime, size: p.ref.size, uploaded: 0, gridId, usedAt: now })
      }
    })
  const attempt = () => put().then(() => true, (e: unknown) => (isQuotaError(e) ? false : Promise.reject(e)))
  if (await attempt()) return true
  // Twice the room the photos need, so the next photo does not fail the same way.
  let room = 2 * photos.reduce((n, p) => n + p.ref.size, 0)
  const out: string[] = []
  for (const s of (await storedPhotos(db)).filter((p) => p.uploaded === 1)) {
    if (room <= 0) break
    out.push(s.sha256)
    room -= s.size
  }
  await evictPhotos(db, out)
  return attempt()
}

/** Removes photos to make room; a photo not yet uploaded is kept whatever is asked. */
export async function evictPhotos(db: GridSisterDb, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return
  await db.transaction('rw', db.photos, async () => {
    const rows = await db.photos.bulkGet(sha256s)
    await db.photos.bulkDelete(rows.filter((r) => r?.uploaded === 1).map((r) => r!.sha256))
  })
}
