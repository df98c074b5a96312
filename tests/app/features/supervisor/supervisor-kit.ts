import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { projectRecord, type PublicUser, type Role } from '@/shared'
import { closeDb, openUserDb, type GridSisterDb } from '@/db/db'
import { toLocalHousehold, toLocalPerson } from '@/db/derive'
import { i18n } from '@/i18n'
import { installSupervisorMessages } from '@/features/supervisor/i18n/install'
import { useSupervisorStore } from '@/features/supervisor/supervisor-store'
import { generateDemo, type DemoData } from '../../../../sync-server/seed/generate-demo'

/**
 * A supervisor's device in a test: a fresh database filled with a small demo community
 * as a pull would store it, the supervisor store opened on it (with an injectable
 * `fetch`), Chinese messages, and a memory router with the supervisor's pages.
 */

export const NOW = new Date('2026-03-15T04:00:00.000Z')

export interface SupervisorKit {
  db: GridSisterDb
  demo: DemoData
  user: PublicUser
  store: ReturnType<typeof useSupervisorStore>
  mountAt(page: Component, path: string): Promise<VueWrapper>
}

/** Stores demo records in the device database the way a pull for `role` would (field-catalogue.ts). */
export async function storeDemo(db: GridSisterDb, demo: DemoData, role: Role = 'supervisor'): Promise<void> {
  await db.transaction('rw', [db.grids, db.households, db.persons, db.visits, db.wishes, db.assessments, db.reviews], async () => {
    await db.grids.bulkPut(demo.grids)
    await db.households.bulkPut(demo.households.map((h) => toLocalHousehold(projectRecord('household', h, role))))
    await db.persons.bulkPut(demo.persons.map((p) => toLocalPerson(projectRecord('person', p, role))))
    await db.visits.bulkPut(demo.visits)
    await db.wishes.bulkPut(demo.wishes)
    await db.assessments.bulkPut(demo.assessments)
    await db.reviews.bulkPut(demo.reviews)
  })
}

export async function setupSupervisor(opts: { households?: number; role?: 'supervisor' | 'admin'; fetch?: typeof fetch } = {}): Promise<SupervisorKit> {
  closeDb()
  const demo = generateDemo({ now: NOW, households: opts.households ?? 60 })
  const sup = demo.users.find((u) => u.role === (opts.role ?? 'supervisor'))!
  const user: PublicUser = { id: sup.id, username: sup.username, displayName: sup.displayName, role: sup.role, communityId: sup.communityId, gridIds: sup.gridIds }
  const db = openUserDb(`${user.id}-${Math.random().toString(36).slice(2)}`)
  await storeDemo(db, demo, user.role)
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  installSupervisorMessages()
  const store = useSupervisorStore()
  store.clock = () => NOW
  const offline: typeof fetch = async () => { throw new TypeError('offline') }
  await store.open({ db, user, getToken: () => 'token-for-tests-0123456789', fetch: opts.fetch ?? offline })
  await vi.waitFor(() => { if (store.state !== 'ready') throw new Error('not ready') }, { timeout: 5000, interval: 20 })
  const pages = ['review', 'review/:kind/:id', 'conflicts', 'coverage', 'ledger', 'needs', 'map', 'export'].map((p) => ({ path: `/supervisor/${p}`, component: { template: '<div />' } }))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }, ...pages, { path: '/supervisor/report/print', component: { template: '<div />' } }] })
  async function mountAt(page: Component, path: string): Promise<VueWrapper> {
    await router.push(path)
    const wrapper = mount(page as never, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body }) as VueWrapper
    await flushPromises()
    return wrapper
  }
  return { db, demo, user, store, mountAt }
}

/** Waits until `check` stops throwing (live queries answer asynchronously). */
export async function until(check: () => void, timeout = 4000): Promise<void> {
  await vi.waitFor(check, { timeout, interval: 20 })
  await flushPromises()
}
