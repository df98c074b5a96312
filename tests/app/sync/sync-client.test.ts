import { describe, expect, it } from 'vitest'
import { createSyncClient, SYNC_LOCK_NAME } from '@/sync/sync-client'
import { storePhotos } from '@/db/photos-repository'
import { GRID_ID, makeDb, photoBlob, seedHousehold } from '../../helpers/app/factories'
import { error, grid, json, pullReply, pushAnswering, scriptedServer } from './sync-test-kit'

/** A one-holder LockManager double with the `ifAvailable` semantics of Web Locks. */
function fakeLocks(held = new Set<string>()) {
  const requests: string[] = []
  const manager = {
    request: async (name: string, opts: LockOptions, cb: (lock: Lock | null) => unknown) => {
      requests.push(name)
      if (held.has(name)) {
        if (opts.ifAvailable) return cb(null)
        throw new Error('would wait')
      }
      held.add(name)
      try {
        return await cb({ name, mode: 'exclusive' } as Lock)
      } finally {
        held.delete(name)
      }
    },
    query: async () => ({}),
  }
  return { manager: manager as unknown as LockManager, requests, held }
}

function setup(locks: LockManager | null = null) {
  const db = makeDb()
  const server = scriptedServer()
  server.on('POST', '/api/sync/push', pushAnswering())
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
  const client = createSyncClient({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks })
  return { db, server, client }
}

describe('createSyncClient', () => {
  it('syncs under the gridsister-sync Web Lock', async () => {
    const locks = fakeLocks()
    const { client } = setup(locks.manager)
    expect((await client.syncOnce()).state).toBe('idle')
    expect(locks.requests).toEqual([SYNC_LOCK_NAME])
  })

  it('answers busy and sends nothing while another tab holds the lock', async () => {
    const locks = fakeLocks(new Set([SYNC_LOCK_NAME]))
    const { client, server, db } = setup(locks.manager)
    await seedHousehold(db)
    expect((await client.syncOnce()).state).toBe('busy')
    expect(server.requests).toHaveLength(0)
    expect(await db.outbox.count()).toBe(1)
  })

  it('folds calls made during a run into one follow-up run', async () => {
    const { client, server, db } = setup()
    await seedHousehold(db)
    const runs = await Promise.all([client.syncOnce(), client.syncOnce(), client.syncOnce()])
    expect(runs.every((r) => r.state === 'idle')).toBe(true)
    expect(server.requests.filter((r) => r.path === '/api/sync/pull')).toHaveLength(2)
  })

  it('says auth-expired without a request when nobody is signed in', async () => {
    const db = makeDb()
    const server = scriptedServer()
    const client = createSyncClient({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => null, locks: null })
    expect((await client.syncOnce()).state).toBe('auth-expired')
    expect(server.requests).toHaveLength(0)
  })

  it('uploads waiting photos by hash with their grid, after the records', async () => {
    const { client, server, db } = setup()
    await seedHousehold(db)
    const sha = 'b'.repeat(64)
    await storePhotos(db, [{ ref: { sha256: sha, mime: 'image/jpeg', size: 14 }, blob: photoBlob() }], GRID_ID)
    server.on('PUT', `/api/photos/${sha}`, () => new Response(null, { status: 201 }))
    const outcome = await client.syncOnce()
    expect(outcome.photosUploaded).toBe(1)
    const put = server.requests.find((r) => r.method === 'PUT')!
    expect(put.headers['x-grid-id']).toBe(GRID_ID)
    expect(put.headers['content-type']).toBe('image/jpeg')
    // happy-dom's Blob does not survive fake-indexeddb's clone byte for byte; the
    // simulation (Node's Blob, real server hash check) covers the bytes.
    expect(put.raw).not.toBeNull()
    expect(server.requests.findIndex((r) => r.method === 'PUT')).toBeGreaterThan(server.requests.findIndex((r) => r.path === '/api/sync/push'))
    expect((await db.photos.get(sha))!.uploaded).toBe(1)
  })

  it('keeps records acknowledged when a photo cannot go up', async () => {
    const { client, server, db } = setup()
    await seedHousehold(db)
    const sha = 'c'.repeat(64)
    await storePhotos(db, [{ ref: { sha256: sha, mime: 'image/jpeg', size: 14 }, blob: photoBlob() }], GRID_ID)
    server.on('PUT', `/api/photos/${sha}`, () => error(400, 'hash-mismatch'))
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'idle', pushed: 1, photosUploaded: 0 })
    expect(await db.outbox.count()).toBe(0)
    expect((await db.photos.get(sha))!.uploaded).toBe(0)
  })

  it("sends a disabled account's photos before the phone is wiped, past the ones refused", async () => {
    const { client, server, db } = setup()
    await seedHousehold(db)
    await db.grids.put(grid())
    const [after, before] = ['d'.repeat(64), 'e'.repeat(64)]
    await storePhotos(db, [after, before].map((sha256) => ({ ref: { sha256, mime: 'image/jpeg' as const, size: 14 }, blob: photoBlob() })), GRID_ID)
    server.on('POST', '/api/sync/pull', () => error(403, 'account-disabled'))
    server.on('PUT', `/api/photos/${after}`, () => error(403, 'account-disabled'))
    server.on('PUT', `/api/photos/${before}`, () => new Response(null, { status: 201 }))
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'account-disabled', pushed: 1, photosUploaded: 1 })
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(2)
    expect((await db.photos.get(before))!.uploaded).toBe(1)
  })
})
