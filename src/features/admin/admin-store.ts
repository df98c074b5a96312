import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Community, Grid } from '@/shared'
import type { ConsoleUser } from '@/shared/console-api'
import type { RosterReport } from '@/shared/roster-api'
import type { HttpFailure } from '@/sync/http'
import { createAdminApi, type AdminApi, type AdminApiOptions, type ApiResult } from './admin-api'

/**
 * The console's state: the communities this admin manages, the one chosen, and its
 * grids and accounts, read from the server (nothing is kept on the device). After any
 * change the lists are read again, so what the console shows (the responsibility map
 * included) is the server's state at once, not after a sync.
 */
export const useAdminStore = defineStore('admin', () => {
  const api = shallowRef<AdminApi | null>(null)
  const communities = shallowRef<Community[]>([])
  const communityId = ref<string | null>(null)
  const allGrids = shallowRef<Grid[]>([])
  const allUsers = shallowRef<ConsoleUser[]>([])
  const state = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const failure = ref<HttpFailure | null>(null)
  /** The register being imported, kept while the admin fixes places in another screen. */
  const upload = shallowRef<{ fileName: string; content: string } | null>(null)
  const report = shallowRef<RosterReport | null>(null)

  const community = computed(() => communities.value.find((c) => c.id === communityId.value) ?? null)
  const grids = computed(() => allGrids.value.filter((g) => g.communityId === communityId.value))
  const users = computed(() => allUsers.value.filter((u) => u.communityId === communityId.value || (u.communityId === null && u.role === 'admin')))
  const workers = computed(() => users.value.filter((u) => u.role === 'worker' && !u.disabled))

  async function open(options: AdminApiOptions): Promise<void> {
    api.value ??= createAdminApi(options)
    await reload()
  }

  /** Reads communities, grids and accounts again; keeps the chosen community when it still exists. */
  async function reload(): Promise<boolean> {
    if (!api.value) return false
    state.value = 'loading'
    const [c, g, u] = await Promise.all([api.value.communities(), api.value.grids(), api.value.users()])
    for (const r of [c, g, u]) {
      if (!r.ok) {
        failure.value = r.failure
        state.value = 'error'
        return false
      }
    }
    if (c.ok) communities.value = c.value
    if (g.ok) allGrids.value = g.value
    if (u.ok) allUsers.value = u.value
    if (!communities.value.some((x) => x.id === communityId.value)) communityId.value = communities.value[0]?.id ?? null
    failure.value = null
    state.value = 'ready'
    return true
  }

  /** Runs a change, then reloads; returns the failure (null when it worked). */
  async function change<T>(run: (a: AdminApi) => Promise<ApiResult<T>>): Promise<HttpFailure | null> {
    if (!api.value) return { kind: 'network', message: 'not open' }
    const r = await run(api.value)
    if (!r.ok) return r.failure
    await reload()
    return null
  }

  return { api, communities, communityId, community, grids, users, workers, state, failure, upload, report, open, reload, change }
})
