import { afterEach, describe, expect, it, vi } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { PhotoRef, Visit, Wish } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { photoSummary, setPhotoBudget, storeDownloadedPhoto } from '@/db/photo-budget-repository'
import { sha256Hex, storePhotos } from '@/db/photos-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createHttp } from '@/sync/http'
import { downloadPhotos, fetchPhotoNow, RECENT_DAYS, type DownloadContext } from '@/sync/photo-download'
import { createPhotoDownloader } from '@/sync/photo-downloader'
import { GRID_ID, actor, holdGrid, makeDb, seedHousehold, visitInput } from '../../helpers/app/factories'
import { error, scriptedServer, type ScriptedServer } from './sync-test-kit'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-01T08:00:00.000Z')
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString()

/** A photo of `size` bytes: its ref and bytes. */
async function photo(seed: string, size = 300): Promise<{ ref: PhotoRef; bytes: Uint8Array }> {
  const bytes = new Uint8Array(size).fill(seed.charCodeAt(0))
  bytes.set(new TextEncoder().encode(seed).subarray(0, size))
  return { ref: { sha256: await sha256Hex(new Blob([bytes as BlobPart])), mime: 'image/jpeg', size }, bytes }
}
const photos = (seeds: string[]) => Promise.all(seeds.map((s) => photo(s)))

function visit(householdId: string, visitedAt: string, photos: PhotoRef[]): Visit {
  return {
    id: uuidv7(), householdId, gridId: GRID_ID, visitedAt, visitorId: actor.id, visitorName: actor.name, method: 'in-person', outcome: 'met',
    seen: '屋内整洁', asked: '', done: '', policies: [], nextVisitOn: null, photos, correctsId: null, createdAt: visitedAt,
  }
}

function openWish(householdId: string, visitId: string): Wish {
  return {
    id: uuidv7(), householdId, gridId: GRID_ID, personId: null, visitId, title: '上门理发', detail: '', category: 'care',
    state: 'registered', claimedBy: null, claimedAt: null, fulfilment: null, closedReason: null, history: [], createdBy: actor.id,
    createdAt: daysAgo(200), updatedAt: daysAgo(200),
  }
}

/** A server holding these photos; GETs of others answer 404. */
function photoServer(photos: { ref: PhotoRef; bytes: Uint8Array }[]): ScriptedServer {
  const server = scriptedServer()
  const bySha = new Map(photos.map((p) => [p.ref.sha256, p.bytes]))
  server.on('GET', '*', (req) => {
    const bytes = bySha.get(req.path.split('/').at(-1) ?? '')
    return bytes ? new Response(new Blob([bytes as BlobPart], { type: 'image/jpeg' })) : error(404, 'not-found')
  })
  return server
}

const gets = (server: ScriptedServer) => server.requests.filter((r) => r.method === 'GET').map((r) => r.path.split('/').at(-1))

function context(db: GridSisterDb, server: ScriptedServer): DownloadContext {
  const http = createHttp({ baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'token' })
  return { db, http, now: () => NOW }
}

let db: GridSisterDb
afterEach(async () => {
  vi.restoreAllMocks()
  await db?.delete()
})

describe('downloadPhotos', () => {
  it('fetches open wishes and key households first, then other recent photos newest first, and nothing older', async () => {
    db = makeDb()
    const plain = await seedHousehold(db)
    const key = await seedHousehold(db, { keyGroups: ['elderly-alone'] })
    const wishing = await seedHousehold(db)
    const [a, b, k, old, w] = await photos(['a', 'b', 'k', 'o', 'w'])
    const wishVisit = visit(wishing.id, daysAgo(200), [w!.ref])
    await db.visits.bulkPut([
      visit(plain.id, daysAgo(10), [a!.ref]),
      visit(plain.id, daysAgo(5), [b!.ref]),
      visit(key.id, daysAgo(20), [k!.ref]),
      visit(plain.id, daysAgo(RECENT_DAYS + 30), [old!.ref]),
      wishVisit,
    ])
    await db.wishes.put(openWish(wishing.id, wishVisit.id))
    const server = photoServer([a!, b!, k!, old!, w!])

    const result = await downloadPhotos(context(db, server))

    expect(result).toMatchObject({ ok: true, state: 'done', downloaded: 4, evicted: 0 })
    expect(gets(server)).toEqual([w!.ref.sha256, k!.ref.sha256, b!.ref.sha256, a!.ref.sha256])
    expect(await db.photos.get(old!.ref.sha256)).toBeUndefined()
    expect(await db.photos.get(k!.ref.sha256)).toMatchObject({ uploaded: 1, gridId: GRID_ID, size: 300, usedAt: NOW })
  })

  it('stays within the budget, evicting the least recently used photo the server holds, never one waiting to upload', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const [p1, p2, p3, mine, viewed] = await photos(['1', '2', '3', 'm', 'v'])
    await storePhotos(db, [{ ref: mine!.ref, blob: new Blob([mine!.bytes as BlobPart]) }], GRID_ID, NOW - 300 * DAY)
    await storeDownloadedPhoto(db, viewed!.ref, GRID_ID, new Blob([viewed!.bytes as BlobPart]), NOW - 200 * DAY)
    await db.visits.bulkPut([p1, p2, p3].map((p, i) => visit(h.id, daysAgo(1 + i), [p!.ref])))
    await setPhotoBudget(db, 1000)
    const server = photoServer([p1!, p2!, p3!])

    const result = await downloadPhotos(context(db, server))

    // 1000 bytes, 300 of them the photo waiting to upload: room for two of the three.
    expect(result).toMatchObject({ ok: true, state: 'done', downloaded: 2, evicted: 1 })
    expect(gets(server)).toEqual([p1!.ref.sha256, p2!.ref.sha256])
    expect(await db.photos.get(viewed!.ref.sha256)).toBeUndefined()
    expect(await db.photos.get(mine!.ref.sha256)).toMatchObject({ uploaded: 0 })
    expect(await photoSummary(db)).toEqual({ count: 3, bytes: 900, budget: 1000 })
  })

  it('evicts down to a lowered budget, keeping the highest-ranked photos', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const [p1, p2, p3] = await photos(['1', '2', '3'])
    await db.visits.bulkPut([p1, p2, p3].map((p, i) => visit(h.id, daysAgo(1 + i), [p!.ref])))
    await downloadPhotos(context(db, photoServer([p1!, p2!, p3!])))
    await setPhotoBudget(db, 650)

    const result = await downloadPhotos(context(db, photoServer([])))

    expect(result).toMatchObject({ ok: true, state: 'done', downloaded: 0, evicted: 1 })
    expect((await db.photos.toArray()).map((p) => p.sha256).sort()).toEqual([p1!.ref.sha256, p2!.ref.sha256].sort())
  })

  it('stops on a full disk without throwing, and records still save', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const p = await photo('q')
    await db.visits.put(visit(h.id, daysAgo(1), [p.ref]))
    vi.spyOn(db.photos, 'put').mockRejectedValue(new DOMException('the disk is full', 'QuotaExceededError'))

    const result = await downloadPhotos(context(db, photoServer([p])))
    expect(result).toMatchObject({ ok: true, state: 'quota', downloaded: 0 })

    const taken = await photo('t')
    const pending = await db.outbox.count()
    const saved = await createVisit(db, { ...visitInput(h.id), photos: [{ ref: taken.ref, blob: new Blob([taken.bytes as BlobPart]) }] }, actor)
    expect(await db.visits.get(saved.id)).toMatchObject({ photos: [taken.ref] })
    expect(await db.outbox.count()).toBe(pending + 1)
    expect(await db.photos.get(taken.ref.sha256)).toBeUndefined()
  })

  it('stores nothing whose bytes do not match its name', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const p = await photo('x')
    await db.visits.put(visit(h.id, daysAgo(1), [p.ref]))
    const result = await downloadPhotos(context(db, photoServer([{ ref: p.ref, bytes: (await photo('y')).bytes }])))
    expect(result).toMatchObject({ ok: true, downloaded: 0 })
    expect(await db.photos.count()).toBe(0)
  })

  it('ends the pass on a network failure, keeping what it fetched', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const [p1, p2] = await photos(['1', '2'])
    await db.visits.bulkPut([visit(h.id, daysAgo(1), [p1!.ref]), visit(h.id, daysAgo(2), [p2!.ref])])
    const server = photoServer([p1!])
    server.on('GET', `/api/photos/${p2!.ref.sha256}`, () => Promise.reject(new TypeError('Failed to fetch')))
    const result = await downloadPhotos(context(db, server))
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' }, downloaded: 1 })
    expect(await db.photos.get(p1!.ref.sha256)).toBeDefined()
  })
})

describe('createPhotoDownloader', () => {
  it('does not ask again soon for a photo the server did not have', async () => {
    db = makeDb()
    const h = await seedHousehold(db)
    const p = await photo('n')
    await db.visits.put(visit(h.id, daysAgo(1), [p.ref]))
    const server = photoServer([])
    const downloader = createPhotoDownloader({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 't', now: () => NOW, locks: null })
    await downloader.run()
    await downloader.run()
    expect(gets(server)).toEqual([p.ref.sha256])
  })
})

describe('fetchPhotoNow', () => {
  it('fetches an older photo when it is viewed and keeps it as downloaded', async () => {
    db = makeDb()
    await holdGrid(db)
    const p = await photo('o')
    const outcome = await fetchPhotoNow(context(db, photoServer([p])), p.ref, GRID_ID)
    expect(outcome).toBe('stored')
    expect(await db.photos.get(p.ref.sha256)).toMatchObject({ uploaded: 1, size: 300 })
    expect(await fetchPhotoNow(context(db, photoServer([])), (await photo('z')).ref, GRID_ID)).toBe('missing')
  })

  it('does not keep a photo whose grid a sync dropped while it was on the wire', async () => {
    db = makeDb()
    const p = await photo('g')
    // The grid is gone (another worker's now): nothing would ever remove the photo again.
    expect(await storeDownloadedPhoto(db, p.ref, GRID_ID, new Blob([p.bytes as BlobPart]), NOW)).toBe(false)
    expect(await db.photos.count()).toBe(0)
    await holdGrid(db)
    expect(await storeDownloadedPhoto(db, p.ref, GRID_ID, new Blob([p.bytes as BlobPart]), NOW)).toBe(true)
  })
})
