import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { closeDb } from '@/db/db'
import { saveHousehold } from '@/features/households/households-repository'
import { GRID_ID, householdFields, makeDb, seedHousehold } from '../../helpers/app/factories'
import { until } from '../../helpers/app/mount-page'

describe('useLiveQuery', () => {
  it('answers, then follows writes to the tables it read', async () => {
    const db = makeDb()
    const scope = effectScope()
    const q = scope.run(() => useLiveQuery({ db: () => db, query: (d) => d.households.count(), initial: -1 }))!
    expect(q.state.value).toBe('loading')
    await until(() => expect(q.state.value).toBe('ready'))
    expect(q.data.value).toBe(0)
    await saveHousehold(db, { gridId: GRID_ID, fields: householdFields() })
    await until(() => expect(q.data.value).toBe(1))
    scope.stop()
  })

  it('re-runs when a dependency changes', async () => {
    const db = makeDb()
    const a = await seedHousehold(db, { headName: '甲' })
    const b = await seedHousehold(db, { headName: '乙' })
    const id = shallowRef(a.id)
    const scope = effectScope()
    const q = scope.run(() =>
      useLiveQuery({ db: () => db, deps: [id], query: async (d) => (await d.households.get(id.value))?.headName, initial: '' }),
    )!
    await until(() => expect(q.data.value).toBe('甲'))
    id.value = b.id
    await nextTick()
    await until(() => expect(q.data.value).toBe('乙'))
    scope.stop()
  })

  it("reports an error state when nobody is signed in (no database) or the query fails", async () => {
    closeDb()
    const scope = effectScope()
    const noDb = scope.run(() => useLiveQuery({ query: (d) => d.households.count(), initial: 0 }))!
    expect(noDb.state.value).toBe('error')
    expect(noDb.error.value?.message).toMatch(/no user database/)
    const db = makeDb()
    const failing = scope.run(() =>
      useLiveQuery({ db: () => db, query: async () => Promise.reject(new Error('boom')), initial: 0 }),
    )!
    await until(() => expect(failing.state.value).toBe('error'))
    expect(failing.error.value?.message).toBe('boom')
    scope.stop()
  })
})
