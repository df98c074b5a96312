import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useLiveQuery, whenScreenHasData } from '@/composables/useLiveQuery'
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

  describe('whenScreenHasData', () => {
    const settled = (p: Promise<void>) => {
      let done = false
      void p.then(() => (done = true))
      return () => done
    }

    it('waits for every live query on screen to answer once, not for later answers', async () => {
      const db = makeDb()
      let release!: () => void
      const gate = new Promise<void>((r) => (release = r))
      const scope = effectScope()
      scope.run(() => {
        useLiveQuery({ db: () => db, query: (d) => d.households.count(), initial: 0 })
        useLiveQuery({ db: () => db, query: async (d) => (await gate, d.persons.count()), initial: 0 })
      })
      const done = settled(whenScreenHasData())
      await new Promise((r) => setTimeout(r, 50))
      expect(done()).toBe(false)
      release()
      await until(() => expect(done()).toBe(true))
      // Answered once, a query that re-runs does not hold anyone back.
      await saveHousehold(db, { gridId: GRID_ID, fields: householdFields() })
      await whenScreenHasData()
      scope.stop()
    })

    it('does not wait for queries that ended unanswered, nor past its limit', async () => {
      const db = makeDb()
      const never = () => new Promise<number>(() => {})
      const left = effectScope()
      left.run(() => useLiveQuery({ db: () => db, query: never, initial: 0 }))
      left.stop()
      await whenScreenHasData(10_000) // the page that asked was left: nothing to wait for
      const scope = effectScope()
      scope.run(() => useLiveQuery({ db: () => db, query: never, initial: 0 }))
      const done = settled(whenScreenHasData(100))
      await new Promise((r) => setTimeout(r, 30))
      expect(done()).toBe(false)
      await until(() => expect(done()).toBe(true))
      scope.stop()
    })
  })
})
