import { markPhotoUploaded } from '@/db/photos-repository'
import type { EngineContext, StepResult } from './sync-types'

/**
 * Photo upload queue: blobs go up after their records, one at a time, by content hash,
 * so a visit reaches the supervisor even when its photo is still waiting for signal.
 * A photo the server refuses (hash mismatch, out of scope) stays on the device and is
 * tried again next run; only a transport failure stops the queue. A photo of a grid that
 * moved away is still sent (its visit was made while the grid was hers), then let go.
 */

export type PhotoResult = StepResult<{ uploaded: number }>

export async function uploadPhotos(ctx: EngineContext): Promise<PhotoResult> {
  const { db } = ctx
  const keys = await db.photos.where('uploaded').equals(0).primaryKeys()
  let uploaded = 0
  for (const sha256 of keys) {
    const photo = await db.photos.get(sha256)
    if (!photo || photo.uploaded === 1) continue
    const headers = { 'content-type': photo.mime, 'x-grid-id': photo.gridId }
    const res = await ctx.http.send({ method: 'PUT', path: `/api/photos/${sha256}`, body: photo.blob, headers })
    if (!res.ok) {
      // A disabled account is refused the photos of what it made after the disable only.
      if (res.failure.kind === 'refused' || res.failure.kind === 'account-disabled') continue
      return res
    }
    await markPhotoUploaded(db, sha256)
    uploaded += 1
    ctx.progress({ phase: 'photos', done: uploaded, total: keys.length })
  }
  return { ok: true, uploaded }
}
