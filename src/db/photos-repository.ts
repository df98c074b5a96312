import type { PhotoRef } from '@/shared'
import type { GridSisterDb } from '@/db/db'

/**
 * Photos are content-addressed: the key is the SHA-256 of the (already compressed)
 * bytes, so the same picture attached twice is stored once and the server can check
 * what it receives. A record holds only the PhotoRef; the blob waits here with
 * `uploaded = 0` until the photo queue sends it.
 *
 * Guarantees: a photo taken on this phone and not yet uploaded is never evicted; only
 * photos the server holds (uploaded or downloaded) are, least recently used first.
 * Photos are written in their own transactions, never in a record's, so a full disk
 * (QuotaExceededError) may cost a photo but never the record that names it.
 */

export interface PreparedPhoto {
  ref: PhotoRef
  blob: Blob
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

/**
 * Hashes a blob into a PhotoRef. Done before a write's transaction starts, because
 * awaiting Web Crypto inside an IndexedDB transaction would let it auto-commit.
 */
export async function preparePhoto(blob: Blob): Promise<PreparedPhoto> {
  const mime = blob.type === 'image/png' || blob.type === 'image/webp' ? blob.type : 'image/jpeg'
  return { ref: { sha256: await sha256Hex(blob), mime, size: blob.size }, blob }
}

/** True for the error IndexedDB raises when the browser's storage quota is used up. */
export function isQuotaError(e: unknown): boolean {
  const named = (x: unknown) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === 'QuotaExceededError'
  return named(e) || (typeof e === 'object' && e !== null && named((e as { inner?: unknown }).inner))
}

/** Every photo on the phone without its bytes, least recently used first. */
export async function storedPhotos(db: GridSisterDb): Promise<StoredPhoto[]> {
  const rows = await db.photos.toArray()
  return rows
    .map(({ sha256, size, uploaded, usedAt }): StoredPhoto => ({ sha256, size, uploaded, usedAt }))
    .sort((a, b) => a.usedAt - b.usedAt)
}

/**
 * Notes that the server holds a photo taken here. A photo of a grid the phone no longer
 * holds (kept only to be uploaded after the grid moved) goes: it is no longer hers to keep.
 */
export async function markPhotoUploaded(db: GridSisterDb, sha256: string): Promise<void> {
  await db.transaction('rw', [db.photos, db.grids], async () => {
    const photo = await db.photos.get(sha256)
    if (!photo) return
    if (await db.grids.get(photo.gridId)) await db.photos.update(sha256, { uploaded: 1 })
    else await db.photos.delete(sha256)
  })
}

/** Removes photos to make room; a photo not yet uploaded is kept whatever is asked. */
export async function evictPhotos(db: GridSisterDb, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return
  await db.transaction('rw', db.photos, async () => {
    const rows = await db.photos.bulkGet(sha256s)
    await db.photos.bulkDelete(rows.filter((r) => r?.uploaded === 1).map((r) => r!.sha256))
  })
}

/**
 * Stores photos taken on this phone (`uploaded = 0`). Call it after the record's write
 * transaction, never inside: a full disk must not undo the record. On QuotaExceededError
 * it evicts photos the server holds (least recently used first) and tries once more.
 * False when the photos could not be stored.
 */
export async function storePhotos(db: GridSisterDb, photos: PreparedPhoto[], gridId: string, now = Date.now()): Promise<boolean> {
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

/** The stored blob of a photo, if the device has it. */
export async function getPhotoBlob(db: GridSisterDb, sha256: string): Promise<Blob | undefined> {
  return (await db.photos.get(sha256))?.blob
}

/** How many of these photos the phone does not hold (a save that lost its photos to a full disk). */
export async function countMissingPhotos(db: GridSisterDb, refs: PhotoRef[]): Promise<number> {
  const rows = await db.photos.bulkGet(refs.map((r) => r.sha256))
  return rows.filter((r) => !r).length
}
