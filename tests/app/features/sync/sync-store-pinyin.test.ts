import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { change, json, pullReply, pushAnswering, serverHousehold } from '../../sync/sync-test-kit'
import { authServer, publicUser } from '../auth/auth-test-kit'

/**
 * In a file of its own: it resets the module graph (the setup file loaded the pinyin
 * dictionary into its own copy), which would leave other tests' static imports of the
 * database module pointing at another copy than the auth store's lazy import.
 */

let server: ReturnType<typeof authServer>

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  server = authServer({ 'demo-worker-1': publicUser() })
  server.on('POST', '/api/sync/push', pushAnswering())
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
})

describe('useSyncStore before the pinyin dictionary loaded', () => {
  it('completes the search text of households pulled before the pinyin dictionary was loaded', async () => {
    // A fresh module graph: the setup file loaded the dictionary into its own copy.
    vi.resetModules()
    const fresh = {
      store: await import('@/features/sync/sync-store'),
      auth: await import('@/features/auth/auth-store'),
      transport: await import('@/sync/transport'),
      db: await import('@/db/db'),
      derive: await import('@/db/derive'),
    }
    fresh.transport.setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
    await fresh.auth.useAuthStore().login('demo-worker-1', 'gridsister-demo')
    const h = serverHousehold({ headName: '赵建国' })
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes: [change('household', h)] })))
    expect(fresh.derive.pinyinReady()).toBe(false)
    const outcome = await fresh.store.useSyncStore().syncNow()
    expect(outcome?.state).toBe('idle')
    const row = await fresh.db.getDb().households.get(h.id)
    expect(row?.searchText).toContain('zjg')
    expect(fresh.derive.isDegraded(row!.searchText)).toBe(false)
    fresh.db.closeDb()
  })

})
