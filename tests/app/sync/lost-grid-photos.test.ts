import { afterEach, describe, expect, it } from 'vitest'
import type { Grid } from '@/shared'
import type { GridSisterDb, PhotoRow } from '@/db/db'
import { markPhotoUploaded } from '@/db/photos-repository'
import { dropGrids } from '@/sync/pull-repository'
import { makeDb } from '../../helpers/app/factories'

/**
 * A grid that moves while a photo taken in it waits for signal: the phone drops the
 * grid's records and downloaded photos at once, but keeps the photo until the server has
 * it (the visit it belongs to was made while the grid was hers), then lets it go.
 */

const G1 = '0190a000-0000-7000-8000-000000000101'
const G2 = '0190a000-0000-7000-8000-000000000102'
const grid = (id: string, code: string): Grid => ({ id, communityId: '0190a000-0000-7000-8000-0000000000c1', name: `网格${code}`, code, estates: [], workerId: 'w' })
const photo = (sha: string, gridId: string, uploaded: 0 | 1): PhotoRow => ({
  sha256: sha.repeat(64), blob: new Blob([sha]), mime: 'image/jpeg', size: 1, uploaded, gridId, usedAt: 0,
})

let db: GridSisterDb
afterEach(() => db?.delete())

describe('photos of a lost grid', () => {
  it('keeps the photos not yet uploaded, drops the rest, and lets them go once uploaded', async () => {
    db = makeDb()
    await db.grids.bulkPut([grid(G1, 'g1'), grid(G2, 'g2')])
    await db.photos.bulkPut([photo('a', G2, 0), photo('b', G2, 1), photo('c', G1, 0)])

    await dropGrids(db, [G2])
    expect((await db.photos.toArray()).map((p) => p.sha256[0]).sort()).toEqual(['a', 'c'])

    await markPhotoUploaded(db, 'a'.repeat(64))
    await markPhotoUploaded(db, 'c'.repeat(64))
    expect(await db.photos.get('a'.repeat(64))).toBeUndefined()
    expect((await db.photos.get('c'.repeat(64)))?.uploaded).toBe(1)
  })
})
