import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { closeDb, openUserDb } from '@/db/db'
import { useSupervisorStore } from '@/features/supervisor/supervisor-store'
import { generateDemo } from '../../../../sync-server/seed/generate-demo'
import { NOW, storeDemo, until } from './supervisor-kit'

describe('useSupervisorStore', { timeout: 30_000 }, () => {
  it('reads its snapshot once the first sync is done, not after every pulled page', async () => {
    closeDb()
    const demo = generateDemo({ now: NOW, households: 20 })
    const sup = demo.users.find((u) => u.role === 'supervisor')!
    const db = openUserDb(`first-sync-${Math.random().toString(36).slice(2)}`)
    await storeDemo(db, demo)
    setActivePinia(createPinia())
    const store = useSupervisorStore()
    const synced = ref(false)
    const user = { id: sup.id, username: sup.username, displayName: sup.displayName, role: sup.role, communityId: sup.communityId, gridIds: sup.gridIds }
    await store.open({ db, user, getToken: () => null, fetch: async () => { throw new TypeError('offline') }, synced: () => synced.value })
    await new Promise((r) => setTimeout(r, 200))
    expect(store.state).toBe('loading')
    expect(store.snapshot).toBeNull()
    synced.value = true
    await until(() => expect(store.state).toBe('ready'))
    expect(store.snapshot?.households).toHaveLength(demo.households.length)
    store.close()
  })
})
