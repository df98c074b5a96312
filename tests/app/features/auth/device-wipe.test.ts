import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { closeDb, getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { wipeDataCaches, wipeWebStorage } from '@/features/auth/device-wipe'
import { useSyncStore } from '@/features/sync/sync-store'
import type { Mutation, MutationResult, PushReply } from '@/shared'
import { setTransport } from '@/sync/transport'
import { seedHousehold } from '../../../helpers/app/factories'
import { error, json, SERVER_HLC } from '../../sync/sync-test-kit'
import { authServer, publicUser } from './auth-test-kit'

/** A CacheStorage double holding named caches (the I/O seam of the wipe). */
function cacheStorage(names: string[]): CacheStorage & { names: Set<string> } {
  const set = new Set(names)
  return {
    names: set,
    keys: async () => [...set],
    delete: async (name: string) => set.delete(name),
  } as unknown as CacheStorage & { names: Set<string> }
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name)

let server: ReturnType<typeof authServer>
let logoutUrls: string[] = []
const worker = () => publicUser({ username: 'demo-worker-1' })

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  sessionStorage.clear()
  closeDb()
  server = authServer({ 'demo-worker-1': worker() })
  logoutUrls = []
  const recording: typeof fetch = (input, init) => {
    if (String(input).includes('/api/auth/logout')) logoutUrls.push(String(input))
    return server.fetch(input, init)
  }
  setTransport({ baseUrl: 'http://sync.test', fetch: recording })
})
afterEach(() => {
  useSyncStore().stop()
  setTransport()
})

describe('wipeDataCaches', () => {
  it('deletes every cache but the app code the installed app starts from', async () => {
    const storage = cacheStorage(['workbox-precache-v2-http://x/', 'gridsister-lazy-assets', 'gridsister-photos', 'api-replies'])
    expect(await wipeDataCaches(storage)).toEqual(['gridsister-photos', 'api-replies'])
    expect([...storage.names]).toEqual(['workbox-precache-v2-http://x/', 'gridsister-lazy-assets'])
  })
})

describe('wipeWebStorage', () => {
  it('removes the session and every other key, keeping only the language and elder mode (and its offer answered)', () => {
    localStorage.setItem('gridsister.session', '{"token":"t"}')
    localStorage.setItem('gridsister.draft.visit', '{"seen":"张秀兰 家里漏水"}')
    localStorage.setItem('gridsister.locale', 'en')
    localStorage.setItem('gridsister.elderMode', '1')
    localStorage.setItem('gridsister.elderOffered', '1')
    sessionStorage.setItem('anything', 'x')
    wipeWebStorage()
    expect(Object.keys(localStorage).sort()).toEqual(['gridsister.elderMode', 'gridsister.elderOffered', 'gridsister.locale'])
    expect(sessionStorage.length).toBe(0)
  })
})

describe('useAuthStore().logout', () => {
  it('deletes her whole database (records, outbox, photos) and waits until it is gone', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    await getDb().photos.put({ sha256: 'a'.repeat(64), blob: new Blob(['x']), mime: 'image/jpeg', size: 1, uploaded: 0, gridId: 'g', usedAt: Date.now() })
    expect(await databaseNames()).toContain(name)
    await auth.logout()
    expect(await databaseNames()).not.toContain(name)
    expect(localStorage.getItem('gridsister.session')).toBeNull()
    expect(server.requests.some((r) => r.path === '/api/auth/logout')).toBe(true)
  })

  it('asks the server to clear the site storage only when no other user\'s database is on the phone', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    await auth.logout()
    expect(logoutUrls.at(-1)).toContain('clear=storage')

    // Someone else's database (her session expired, another logged in): keep it.
    await auth.login('demo-worker-1', 'gridsister-demo')
    const other = new Dexie('gridsister-someone-else')
    other.version(1).stores({ outbox: 'seq' })
    await other.open()
    other.close()
    await auth.logout()
    expect(logoutUrls.at(-1)).toContain('clear=cache')
    expect(await databaseNames()).toContain('gridsister-someone-else')
    await Dexie.delete('gridsister-someone-else')
  })

  it('after a logout with no signal, clears the site storage at the next sign-in, before storing anything', async () => {
    const cleared: string[] = []
    server.on('POST', '/api/device/clear-site-data', (req) => {
      cleared.push(req.headers.authorization ?? '')
      return json({ ok: true })
    })
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    await seedHousehold(getDb())
    const online = server.fetch
    setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await auth.logout()
    expect(auth.reopenNeeded).toBe(false)
    setTransport({ baseUrl: 'http://sync.test', fetch: online })
    expect(await auth.login('demo-worker-1', 'gridsister-demo')).toBe(true)
    expect(cleared).toEqual([`Bearer ${auth.token}`])
    expect(auth.reopenNeeded).toBe(true)
  })

  it('does not clear the site storage at sign-in while another user\'s database is on the phone', async () => {
    server.on('POST', '/api/device/clear-site-data', () => json({ ok: true }))
    const other = new Dexie('gridsister-someone-else')
    other.version(1).stores({ outbox: 'seq' })
    await other.open()
    other.close()
    localStorage.setItem('gridsister.storageClearOwed', '1')
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    expect(server.requests.some((r) => r.path === '/api/device/clear-site-data')).toBe(false)
    expect(auth.reopenNeeded).toBe(false)
    await Dexie.delete('gridsister-someone-else')
  })

  it('wipes even with no network (the server session then just expires)', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await auth.logout()
    expect(await databaseNames()).not.toContain(name)
    expect(auth.state).toBe('signed-out')
  })
})

describe('a disabled account', () => {
  /** The server took changes made before the disable and refuses the rest, then the pull. */
  function disabledServer(acceptFirst: number) {
    server.on('POST', '/api/sync/push', (req) => {
      const { mutations } = req.body as { mutations: Mutation[] }
      const results = mutations.map((m, i): MutationResult =>
        i < acceptFirst
          ? { mutationId: m.mutationId, seq: m.seq, status: 'applied' }
          : { mutationId: m.mutationId, seq: m.seq, status: 'rejected', code: 'account-disabled', message: 'disabled' },
      )
      const reply: PushReply = { results, lastSeq: Math.max(0, ...mutations.map((m) => m.seq)), serverHlc: SERVER_HLC }
      return json(reply)
    })
    server.on('POST', '/api/sync/pull', () => error(403, 'account-disabled'))
  }

  it('pushes first, then wipes the phone and says how many changes did not go up', async () => {
    disabledServer(1)
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    await seedHousehold(getDb())
    const outcome = await useSyncStore().syncNow()
    expect(outcome?.state).toBe('account-disabled')
    await expect.poll(() => auth.state).toBe('signed-out')
    await expect.poll(databaseNames).not.toContain(name)
    const pushed = server.requests.filter((r) => r.path === '/api/sync/push')
    expect((pushed[0]?.body as { mutations: unknown[] }).mutations).toHaveLength(2)
    expect(auth.disabledNotice).toEqual({ lost: 1 })
    expect(localStorage.getItem('gridsister.session')).toBeNull()
  })

  it('wipes when her expired session is refused at login as disabled (nothing more is accepted)', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    auth.markExpired()
    server.on('POST', '/api/auth/login', () => error(403, 'account-disabled'))
    expect(await auth.login('demo-worker-1', 'gridsister-demo')).toBe(false)
    expect(auth.state).toBe('signed-out')
    expect(auth.error).toBe('disabled')
    expect(auth.disabledNotice).toEqual({ lost: 1 })
    expect(await databaseNames()).not.toContain(name)
  })

  it('keeps the phone\'s data when someone else\'s account is refused as disabled', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    auth.markExpired()
    server.on('POST', '/api/auth/login', () => error(403, 'account-disabled'))
    expect(await auth.login('someone-else', 'gridsister-demo')).toBe(false)
    expect(auth.state).toBe('expired')
    expect(await databaseNames()).toContain(name)
  })

  it('is not taken for an expired session: a 401 keeps everything', async () => {
    server.on('POST', '/api/sync/push', () => error(401, 'unauthorized'))
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    const name = getDb().name
    await seedHousehold(getDb())
    await useSyncStore().syncNow()
    expect(auth.state).toBe('expired')
    expect(await databaseNames()).toContain(name)
    expect(auth.disabledNotice).toBeNull()
  })
})
