import type { PhotoRef } from '@/shared'
import type { GridSisterDb } from '@/db/db'

/**
 * Photos are content-addressed: the key is the SHA-256 of the (already compressed)
 * bytes, so the same picture attached twice is stored once and the server can check
 * what it receives. A record holds only the PhotoRef; the blob waits here with
 * `uploaded = 0` until the photo queue sends it.
 */

export interface PreparedPhoto {
  ref: PhotoRef
  blob: Blob
}

/** Hex SHA-256 of a blob (Web Crypto). */
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

/** Stores prepared photos (call inside the record's write transaction). */
export async function storePhotos(db: GridSisterDb, photos: PreparedPhoto[], gridId: string): Promise<void> {
  for (const p of photos) {
    const existing = await db.photos.get(p.ref.sha256)
    if (existing) continue
    await db.photos.put({ sha256: p.ref.sha256, blob: p.blob, mime: p.ref.mime, size: p.ref.size, uploaded: 0, gridId })
  }
}

/** The stored blob of a photo, if the device has it. */
export async function getPhotoBlob(db: GridSisterDb, sha256: string): Promise<Blob | undefined> {
  return (await db.photos.get(sha256))?.blob
}
