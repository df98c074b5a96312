import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { GridSisterDb } from '@/db/db'
import { getMeta } from '@/db/meta-repository'
import { requestPersistentStorage, usePersistentStorage, type StorageLike } from '@/features/pwa/persistent-storage'

let n = 0
const dbs: GridSisterDb[] = []
function freshDb(): GridSisterDb {
  const db = new GridSisterDb(`persist-test-${++n}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

function fakeStorage(grant: boolean, persisted = false) {
  return {
    persist: vi.fn(async () => grant),
    persisted: vi.fn(async () => persisted),
  } satisfies StorageLike
}

const outboxRow = (seq: number) => ({ seq, attempts: 0, mutation: {} as never })

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout: 2000 })
}

describe('requestPersistentStorage', () => {
  it('asks the browser once and remembers it in meta', async () => {
    const db = freshDb()
    const storage = fakeStorage(true)
    expect(await requestPersistentStorage(db, storage)).toBe('granted')
    expect(await getMeta(db, 'persistRequested')).toBe(true)
    expect(await requestPersistentStorage(db, storage)).toBe('already-requested')
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  it('reports a refusal and still does not ask again', async () => {
    const db = freshDb()
    const storage = fakeStorage(false)
    expect(await requestPersistentStorage(db, storage)).toBe('denied')
    expect(await requestPersistentStorage(db, storage)).toBe('already-requested')
  })

  it('does not ask when storage is already persistent', async () => {
    const db = freshDb()
    const storage = fakeStorage(true, true)
    expect(await requestPersistentStorage(db, storage)).toBe('granted')
    expect(storage.persist).not.toHaveBeenCalled()
  })

  it('reports a browser without the Storage API as unsupported and retries later', async () => {
    const db = freshDb()
    expect(await requestPersistentStorage(db, {})).toBe('unsupported')
    expect(await getMeta(db, 'persistRequested')).toBeUndefined()
  })

  it('reports an error without remembering, so the next start retries', async () => {
    const db = freshDb()
    const storage = { persist: vi.fn(async () => Promise.reject(new Error('boom'))) }
    expect(await requestPersistentStorage(db, storage)).toBe('error')
    expect(await getMeta(db, 'persistRequested')).toBeUndefined()
  })
})

describe('usePersistentStorage', () => {
  it('waits for the first stored record, then requests persistence once', async () => {
    const db = freshDb()
    const storage = fakeStorage(true)
    const scope = effectScope()
    const result = scope.run(() => usePersistentStorage({ db: ref(db), storage }))!
    await new Promise((r) => setTimeout(r, 50))
    expect(storage.persist).not.toHaveBeenCalled()
    expect(result.state.value).toBe('waiting')

    await db.outbox.add(outboxRow(1))
    await until(() => result.state.value === 'granted')
    await db.outbox.add(outboxRow(2))
    await new Promise((r) => setTimeout(r, 50))
    expect(storage.persist).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('starts over for the next signed-in user and ignores signed-out time', async () => {
    const first = freshDb()
    const second = freshDb()
    await second.outbox.add(outboxRow(1))
    const storage = fakeStorage(true)
    const current = ref<GridSisterDb | null>(first)
    const scope = effectScope()
    const result = scope.run(() => usePersistentStorage({ db: current, storage }))!
    current.value = null
    await new Promise((r) => setTimeout(r, 20))
    expect(result.state.value).toBe('waiting')
    current.value = second
    await until(() => result.state.value === 'granted')
    expect(await getMeta(second, 'persistRequested')).toBe(true)
    expect(await getMeta(first, 'persistRequested')).toBeUndefined()
    scope.stop()
  })
})

describe('requestPersistentStorage once installed', () => {
  it('asks once more when the app first runs installed, then not again', async () => {
    const db = freshDb()
    const storage = fakeStorage(false)
    expect(await requestPersistentStorage(db, storage, false)).toBe('denied')
    expect(await requestPersistentStorage(db, storage, false)).toBe('already-requested')
    storage.persist.mockResolvedValue(true)
    expect(await requestPersistentStorage(db, storage, true)).toBe('granted')
    expect(await requestPersistentStorage(db, storage, true)).toBe('already-requested')
    expect(storage.persist).toHaveBeenCalledTimes(2)
  })
})
