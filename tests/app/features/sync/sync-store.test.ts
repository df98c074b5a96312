import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { closeDb, getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { useSyncStore } from '@/features/sync/sync-store'
import { usePhotoStore } from '@/features/sync/photo-store'
import { sha256Hex } from '@/db/photos-repository'
import { setTransport } from '@/sync/transport'
import { seedHousehold } from '../../../helpers/app/factories'
import { change, error, json, pullReply, pushAnswering, serverHousehold, serverVisit } from '../../sync/sync-test-kit'
import { authServer, publicUser } from '../auth/auth-test-kit'

let server: ReturnType<typeof authServer>

async function signedIn() {
  const auth = useAuthStore()
  await auth.login('demo-worker-1', 'gridsister-demo')
  return { auth, sync: useSyncStore(), db: getDb() }
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  closeDb()
  // A fresh user each test: her database name is fresh too.
  server = authServer({ 'demo-worker-1': publicUser() })
  server.on('POST', '/api/sync/push', pushAnswering())
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
})
afterEach(() => {
  useSyncStore().stop()
  setTransport()
})

describe('useSyncStore', () => {
  it('downloads the photos of pulled records after the sync, without holding the sync up', async () => {
    const bytes = new TextEncoder().encode('a photo taken on phone A')
    const ref = { sha256: await sha256Hex(new Blob([bytes])), mime: 'image/jpeg' as const, size: bytes.length }
    const h = serverHousehold()
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes: [change('household', h), change('visit', serverVisit(h.id, { photos: [ref], visitedAt: new Date().toISOString() }))] })))
    let release: () => void = () => undefined
    const released = new Promise<void>((r) => (release = r))
    server.on('GET', `/api/photos/${ref.sha256}`, async () => {
      await released
      return new Response(new Blob([bytes], { type: 'image/jpeg' }))
    })
    const { sync, db } = await signedIn()

    const outcome = await sync.syncNow()
    expect(outcome?.state).toBe('idle')
    await vi.waitFor(() => expect(server.requests.some((r) => r.method === 'GET' && r.path.endsWith(ref.sha256))).toBe(true))
    expect(await db.photos.count()).toBe(0)

    release()
    await vi.waitFor(async () => expect(await db.photos.get(ref.sha256)).toMatchObject({ uploaded: 1 }))
    await vi.waitFor(() => expect(usePhotoStore().state).toBe('done'))
  })

  it('counts pending changes live and clears them with syncNow', async () => {
    const { sync, db } = await signedIn()
    sync.attach()
    await seedHousehold(db)
    await vi.waitFor(() => expect(sync.pendingCount).toBe(1))
    const outcome = await sync.syncNow()
    expect(outcome?.state).toBe('idle')
    expect(sync.state).toBe('idle')
    await vi.waitFor(() => expect(sync.pendingCount).toBe(0))
    await vi.waitFor(() => expect(sync.lastSyncAt).not.toBeNull())
  })

  it('turns a 401 into an expired session, keeps the outbox, and pushes it after she logs in again', async () => {
    const { auth, sync, db } = await signedIn()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', () => error(401, 'unauthorized'))
    await sync.syncNow()
    expect(sync.state).toBe('auth-expired')
    expect(auth.sessionExpired).toBe(true)
    expect(await db.outbox.count()).toBe(1)

    server.on('POST', '/api/sync/push', pushAnswering())
    await auth.login('demo-worker-1', 'gridsister-demo')
    await sync.syncNow()
    expect(sync.state).toBe('idle')
    expect(await db.outbox.count()).toBe(0)
  })

  it('reports offline with the reason when the network is down', async () => {
    const { sync, db } = await signedIn()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', () => Promise.reject(new TypeError('Failed to fetch')))
    await sync.syncNow()
    expect(sync.state).toBe('offline')
    expect(sync.error).toContain('Failed to fetch')
  })

  it('lists rejected changes live and lets her dismiss them', async () => {
    const { sync, db } = await signedIn()
    sync.attach()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering(() => 'rejected'))
    await sync.syncNow()
    await vi.waitFor(() => expect(sync.rejections).toHaveLength(1))
    await sync.dismiss(sync.rejections[0]!.mutationId)
    await vi.waitFor(() => expect(sync.rejections).toHaveLength(0))
    expect(await db.rejections.count()).toBe(1)
  })

  it('syncs on start and again when the phone comes back online; stop stops listening', async () => {
    const { sync } = await signedIn()
    const target = new EventTarget()
    sync.start({ target, intervalMs: 3_600_000 })
    const pulls = () => server.requests.filter((r) => r.path === '/api/sync/pull').length
    await vi.waitFor(() => expect(pulls()).toBe(1))
    target.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(pulls()).toBe(2))
    sync.stop()
    target.dispatchEvent(new Event('online'))
    await new Promise((r) => setTimeout(r, 50))
    expect(pulls()).toBe(2)
  })

  it('waits for the online event when the phone knows it is offline, fetching nothing', async () => {
    const { sync } = await signedIn()
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    try {
      const target = new EventTarget()
      sync.start({ target, intervalMs: 3_600_000 })
      await vi.waitFor(() => expect(sync.state).toBe('offline'))
      const before = server.requests.length
      expect(await sync.syncNow()).toBeNull()
      expect(server.requests.length).toBe(before)
      onLine.mockReturnValue(true)
      target.dispatchEvent(new Event('online'))
      await vi.waitFor(() => expect(sync.state).toBe('idle'))
      expect(server.requests.filter((r) => r.path === '/api/sync/pull')).toHaveLength(1)
    } finally {
      onLine.mockRestore()
    }
  })

  it('drops the old database when another user signs in', async () => {
    const { auth, sync, db } = await signedIn()
    sync.attach()
    await seedHousehold(db)
    await vi.waitFor(() => expect(sync.pendingCount).toBe(1))
    auth.markExpired()
    const other = publicUser({ username: 'demo-worker-2' })
    server.on('POST', '/api/auth/login', () => json({ token: 'tok_other_user_token_000000', user: other, expiresAt: new Date().toISOString() }))
    await auth.login('demo-worker-2', 'gridsister-demo')
    await vi.waitFor(() => expect(sync.pendingCount).toBe(0))
    await sync.syncNow()
    const pushes = server.requests.filter((r) => r.path === '/api/sync/push')
    expect(pushes).toHaveLength(0)
  })
})
