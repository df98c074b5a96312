import { computed, type ComputedRef } from 'vue'
import { getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth'
import { useSyncStore } from '@/features/sync'
import { getTransport } from '@/sync/transport'
import type { SupervisorSession } from './supervisor-store'

/**
 * The signed-in supervisor's session for the workspace: her user, her device database
 * (opened by the auth store), the token for the few online calls, and a nudge to the
 * sync engine after a decision so it goes up at once rather than on the next timer.
 */
export function useSupervisorSession(): ComputedRef<SupervisorSession | null> {
  const auth = useAuthStore()
  const sync = useSyncStore()
  return computed(() => {
    const user = auth.user
    if (!user || (user.role !== 'supervisor' && user.role !== 'admin')) return null
    const { baseUrl, fetch } = getTransport()
    return {
      db: getDb(),
      user,
      baseUrl,
      fetch,
      getToken: () => auth.token,
      afterWrite: () => void sync.syncNow(),
      // Offline or failing, she works with what the device holds rather than wait.
      synced: () => sync.lastSyncAt !== null || !['idle', 'syncing'].includes(sync.state),
    }
  })
}
