import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { v7 as uuidv7 } from 'uuid'
import { vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { Component } from 'vue'
import type { PublicUser } from '@/shared'
import { closeDb, openUserDb, type GridSisterDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { routes } from '@/router'
import { GRID_ID } from './factories'

/**
 * A signed-in test app around one page: a fresh user database opened as the current
 * one (fake-indexeddb), Pinia with the auth store's user set, the app's i18n (Chinese)
 * and the app's routes on a memory history.
 */

// Screen tests drive IndexedDB, Vant and the router through whole journeys; on a busy
// 2-core CI machine one can take several seconds, which is not a failure.
vi.setConfig({ testTimeout: 30_000 })

export interface TestApp {
  db: GridSisterDb
  user: PublicUser
  pinia: Pinia
  router: Router
  mountPage: (page: Component, options?: { props?: Record<string, unknown>; path?: string }) => Promise<VueWrapper>
}

export async function setupApp(): Promise<TestApp> {
  closeDb()
  const user: PublicUser = {
    id: uuidv7(),
    username: 'limei',
    displayName: '李梅',
    role: 'worker',
    communityId: null,
    gridIds: [GRID_ID],
  }
  const db = openUserDb(user.id)
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.user = user
  auth.state = 'signed-in'
  i18n.global.locale.value = 'zh-CN'
  const router = createRouter({ history: createMemoryHistory(), routes })
  async function mountPage(page: Component, options: { props?: Record<string, unknown>; path?: string } = {}) {
    await router.push(options.path ?? '/')
    const wrapper: VueWrapper = mount(page as never, {
      props: options.props as never,
      global: { plugins: [pinia, i18n, router] },
      attachTo: document.body,
    })
    await flushPromises()
    return wrapper
  }
  return { db, user, pinia, router, mountPage }
}

/** Waits until `check` stops throwing (live queries answer asynchronously). */
export async function until(check: () => void | Promise<void>, timeout = 10_000): Promise<void> {
  await vi.waitFor(check, { timeout, interval: 20 })
  await flushPromises()
}
