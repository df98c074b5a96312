import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { closeDb, getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { loadSession } from '@/features/auth/session-storage'
import { setTransport } from '@/sync/transport'
import { seedHousehold } from '../../../helpers/app/factories'
import { error } from '../../sync/sync-test-kit'
import { authServer, publicUser } from './auth-test-kit'

const worker1 = publicUser({ username: 'demo-worker-1' })
const worker2 = publicUser({ username: 'demo-worker-2', displayName: '王芳' })
let server: ReturnType<typeof authServer>

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  closeDb()
  server = authServer({ 'demo-worker-1': worker1, 'demo-worker-2': worker2 })
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
})
afterEach(() => setTransport())

describe('useAuthStore', () => {
  it('logs in, opens her own database and keeps the session for an offline reload', async () => {
    const auth = useAuthStore()
    expect(await auth.login('demo-worker-1', 'gridsister-demo')).toBe(true)
    expect(auth.state).toBe('signed-in')
    expect(getDb().name).toBe(`gridsister-${worker1.id}`)
    expect(loadSession()?.user.id).toBe(worker1.id)
    expect(JSON.stringify(localStorage)).not.toContain('gridsister-demo')

    setActivePinia(createPinia())
    closeDb()
    const reloaded = useAuthStore()
    expect(await reloaded.restore()).toBe(true)
    expect(reloaded.user?.id).toBe(worker1.id)
    expect(getDb().name).toBe(`gridsister-${worker1.id}`)
  })

  it('says wrong-password and saves nothing when the server refuses', async () => {
    const auth = useAuthStore()
    expect(await auth.login('demo-worker-1', 'wrong-password!')).toBe(false)
    expect(auth.error).toBe('wrong-password')
    expect(auth.state).toBe('signed-out')
    expect(loadSession()).toBeNull()
    expect(() => getDb()).toThrow()
  })

  it('says offline when there is no network', async () => {
    setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    expect(auth.error).toBe('offline')
  })

  it('says rate-limited after too many attempts', async () => {
    server.on('POST', '/api/auth/login', () => error(429, 'rate-limited'))
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    expect(auth.error).toBe('rate-limited')
  })

  it('logs out: closes the database, forgets the session and revokes it on the server', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    await auth.logout()
    expect(auth.state).toBe('signed-out')
    expect(() => getDb()).toThrow()
    expect(loadSession()).toBeNull()
    expect(server.requests.some((r) => r.path === '/api/auth/logout' && r.headers.authorization?.startsWith('Bearer tok_'))).toBe(true)
  })

  it('keeps her database and user when the session expires, until she logs in again', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    await seedHousehold(getDb())
    auth.markExpired()
    expect(auth.sessionExpired).toBe(true)
    expect(await getDb().outbox.count()).toBe(1)
    await auth.login('demo-worker-1', 'gridsister-demo')
    expect(auth.state).toBe('signed-in')
    expect(await getDb().outbox.count()).toBe(1)
  })

  it('gives another user on the same phone an empty database of her own', async () => {
    const auth = useAuthStore()
    await auth.login('demo-worker-1', 'gridsister-demo')
    await seedHousehold(getDb())
    auth.markExpired()
    await auth.login('demo-worker-2', 'gridsister-demo')
    expect(getDb().name).toBe(`gridsister-${worker2.id}`)
    expect(await getDb().households.count()).toBe(0)
    expect(await getDb().outbox.count()).toBe(0)
  })
})
