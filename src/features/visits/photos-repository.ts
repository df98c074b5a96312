import type { PhotoRef } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { sha256Hex, storeTakenPhotos } from '@/db/photos-repository'

/**
 * Photos are content-addressed: the key is the SHA-256 of the (already compressed)
 * bytes, so the same picture attached twice is stored once and the server can check
 * what it receives. A record holds only the PhotoRef; the blob waits with `uploaded = 0`
 * until the photo queue sends it (src/db/photos-repository.ts).
 */

export interface PreparedPhoto {
  ref: PhotoRef
  blob: Blob
}

export { sha256Hex }

/**
 * Hashes a blob into a PhotoRef. Done before a write's transaction starts, because
 * awaiting Web Crypto inside an IndexedDB transaction would let it auto-commit.
 */
export async function preparePhoto(blob: Blob): Promise<PreparedPhoto> {
  const mime = blob.type === 'image/png' || blob.type === 'image/webp' ? blob.type : 'image/jpeg'
  return { ref: { sha256: await sha256Hex(blob), mime, size: blob.size }, blob }
}

/**
 * Stores prepared photos. Call it after the record's write transaction, never inside:
 * a full disk must not undo the record (see `storeTakenPhotos`). False when they could
 * not be stored.
 */
export function storePhotos(db: GridSisterDb, photos: PreparedPhoto[], gridId: string): Promise<boolean> {
  return storeTakenPhotos(db, photos, gridId, Date.now())
}

/** The stored blob of a photo, if the device has it. */
export async function getPhotoBlob(db: GridSisterDb, sha256: string): Promise<Blob | undefined> {
  return (await db.photos.get(sha256))?.blob
}
