import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { correctionsOf, visitsOfHousehold } from '@/features/visits/visits-read-repository'
import { preparePhoto, sha256Hex } from '@/db/photos-repository'
import { storeDownloadedPhoto } from '@/db/photo-budget-repository'
import { actor, makeDb, photoBlob, seedHousehold, visitInput } from '../../../helpers/app/factories'

describe('visits-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('saves the visit when the photo store is full (QuotaExceededError)', async () => {
    const h = await seedHousehold(db)
    const photo = await preparePhoto(photoBlob('full'))
    vi.spyOn(db.photos, 'put').mockRejectedValue(new DOMException('the disk is full', 'QuotaExceededError'))
    const before = await db.outbox.count()
    const v = await createVisit(db, visitInput(h.id, { photos: [photo] }), actor)
    expect(await db.visits.get(v.id)).toMatchObject({ photos: [photo.ref] })
    expect(await db.outbox.count()).toBe(before + 1)
    expect(await db.photos.get(photo.ref.sha256)).toBeUndefined()
    const later = await createVisit(db, visitInput(h.id), actor)
    expect(await db.visits.get(later.id)).toBeDefined()
  })

  it('makes room for a new photo by evicting a downloaded one when the disk is full', async () => {
    const h = await seedHousehold(db)
    const old = await preparePhoto(photoBlob('downloaded'))
    await storeDownloadedPhoto(db, old.ref, h.gridId, old.blob, 1)
    const photo = await preparePhoto(photoBlob('new'))
    vi.spyOn(db.photos, 'put').mockRejectedValueOnce(new DOMException('the disk is full', 'QuotaExceededError'))
    await createVisit(db, visitInput(h.id, { photos: [photo] }), actor)
    expect(await db.photos.get(photo.ref.sha256)).toMatchObject({ uploaded: 0 })
    expect(await db.photos.get(old.ref.sha256)).toBeUndefined()
  })

  it('keeps an attempt (nobody home) without text and leaves the last visit and its promise where they were', async () => {
    const h = await seedHousehold(db)
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-01T02:00:00.000Z', nextVisitOn: '2026-05-20' }), actor)
    const attempt = await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-10T02:00:00.000Z', outcome: 'not-home', seen: '', asked: '', done: '', policies: [] }), actor)
    expect(await db.visits.get(attempt.id)).toMatchObject({ outcome: 'not-home', seen: '' })
    expect(await db.households.get(h.id)).toMatchObject({ lastVisitAt: '2026-05-01T02:00:00.000Z', promisedOn: '2026-05-20' })
    const outbox = await db.outbox.orderBy('seq').last()
    expect(outbox?.mutation.args).toMatchObject({ id: attempt.id, outcome: 'not-home' })
  })

  it('refuses a met visit without text and a refusal without a note, saving nothing', async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const empty = { seen: '', asked: '', done: '' }
    await expect(createVisit(db, visitInput(h.id, empty), actor)).rejects.toBeInstanceOf(RecordValidationError)
    await expect(createVisit(db, visitInput(h.id, { ...empty, outcome: 'refused' }), actor)).rejects.toMatchObject({ issues: [{ path: 'seen', code: 'refusal-note-required' }] })
    expect(await db.outbox.count()).toBe(before)
    expect(await db.visits.count()).toBe(0)
  })

  it('writes the visit, its photo blob, the outbox row and the last-visit column together', async () => {
    const h = await seedHousehold(db)
    const photo = await preparePhoto(photoBlob())
    const v = await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-01T02:00:00.000Z', photos: [photo] }), actor)
    expect(v).toMatchObject({ gridId: h.gridId, visitorId: actor.id, visitorName: '李梅', correctsId: null })
    expect(v.photos).toEqual([photo.ref])
    const stored = await db.photos.get(photo.ref.sha256)
    expect(stored).toMatchObject({ uploaded: 0, gridId: h.gridId, mime: 'image/jpeg' })
    expect((await db.households.get(h.id))?.lastVisitAt).toBe('2026-05-01T02:00:00.000Z')
    const last = (await db.outbox.orderBy('seq').last())!.mutation
    expect(last.name).toBe('visit.create')
    expect(last.args).toMatchObject({ id: v.id })
  })

  it('keys photos by the SHA-256 of their bytes', async () => {
    const blob = photoBlob('a')
    const hex = await sha256Hex(blob)
    expect(hex).toMatch(/^[0-9a-f]{64}$/)
    expect((await preparePhoto(blob)).ref.sha256).toBe(hex)
    expect(await sha256Hex(photoBlob('b'))).not.toBe(hex)
  })

  it('records a correction as a new entry pointing to the old one', async () => {
    const h = await seedHousehold(db)
    const first = await createVisit(db, visitInput(h.id, { visitedAt: '2026-05-01T02:00:00.000Z' }), actor)
    const fix = await createVisit(
      db,
      visitInput(h.id, { visitedAt: '2026-05-01T02:00:00.000Z', seen: '更正：老人腿脚不便', correctsId: first.id }),
      actor,
    )
    expect((await correctionsOf(db, first.id)).map((v) => v.id)).toEqual([fix.id])
    expect((await db.visits.get(first.id))?.seen).toBe(first.seen)
    expect(await visitsOfHousehold(db, h.id)).toHaveLength(2)
  })

  it('saves nothing when the visit is empty or its method is unknown', async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const photo = await preparePhoto(photoBlob())
    const empty = createVisit(db, visitInput(h.id, { seen: '', asked: '', done: '', photos: [photo] }), actor)
    await expect(empty).rejects.toBeInstanceOf(RecordValidationError)
    const badMethod = createVisit(db, { ...visitInput(h.id), method: 'letter' as 'phone' }, actor)
    await expect(badMethod).rejects.toBeInstanceOf(RecordValidationError)
    expect(await db.visits.count()).toBe(0)
    expect(await db.photos.count()).toBe(0)
    expect(await db.outbox.count()).toBe(before)
    expect((await db.households.get(h.id))?.lastVisitAt).toBeNull()
  })

  it('lists visits newest first', async () => {
    const h = await seedHousehold(db)
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-01-01T00:00:00.000Z' }), actor)
    await createVisit(db, visitInput(h.id, { visitedAt: '2026-03-01T00:00:00.000Z' }), actor)
    const list = await visitsOfHousehold(db, h.id)
    expect(list.map((v) => v.visitedAt)).toEqual(['2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
    expect((await db.households.get(h.id))?.lastVisitAt).toBe('2026-03-01T00:00:00.000Z')
  })
})
