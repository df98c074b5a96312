import { computed, defineComponent, onScopeDispose } from 'vue'
import { useRouter } from 'vue-router'
import { whenScreenHasData } from '@/composables/useLiveQuery'
import { getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { usePersistentStorage } from '@/features/pwa/persistent-storage'
import { useSyncStore } from '@/features/sync/sync-store'

/**
 * What runs while someone is signed in, mounted by App.vue only then (and loaded only
 * then: a new phone's login screen needs neither the sync store nor the database). It
 * draws nothing.
 * - Sync runs (start, online, timer, on demand) and stops on logout. It starts once the
 *   first route's page is loaded and its live queries have answered (then the store
 *   waits for an idle moment), so its code and its IndexedDB work do not compete with
 *   the first screen.
 * - Persistent storage is requested after the signed-in user's first stored record; the
 *   database follows the signed-in user (openUserDb on login, closeDb on logout).
 */
export default defineComponent({
  name: 'SignedInServices',
  setup() {
    const auth = useAuthStore()
    const sync = useSyncStore()
    const router = useRouter()
    let stopped = false
    void router
      .isReady()
      .catch(() => undefined) // a failed first navigation must not stop sync
      .then(() => whenScreenHasData())
      .then(() => {
        if (!stopped && auth.signedIn) sync.start()
      })
    onScopeDispose(() => {
      stopped = true
      sync.stop()
    })
    usePersistentStorage({ db: computed(() => (auth.user ? getDb() : null)) })
    return () => null
  },
})
