import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { firstSyncStatus, type FirstSyncStatus } from './first-sync-repository'
import { useSyncStore, type SyncState } from './sync-store'

/**
 * Where the first sync stands, for the screens that must not speak about data the phone
 * does not have yet:
 * - loading: not read yet (say nothing);
 * - done: every page stored and settled;
 * - starting: nothing downloaded yet;
 * - downloading: pages arriving;
 * - resuming: arriving again after it broke off (a closed app, lost signal, an error);
 * - interrupted: broken off now (`stoppedBy` says why), resumes by itself.
 */
export type FirstSyncPhase = 'loading' | 'done' | 'starting' | 'downloading' | 'resuming' | 'interrupted'

export interface UseFirstSync {
  phase: ComputedRef<FirstSyncPhase>
  done: ComputedRef<number>
  total: ComputedRef<number | null>
  stoppedBy: ComputedRef<SyncState>
}

export function useFirstSync(): UseFirstSync {
  const sync = useSyncStore()
  const q = useLiveQuery({ query: firstSyncStatus, initial: { complete: false, done: 0, total: null } as FirstSyncStatus })
  // Broken off before: downloaded records from an earlier run, or a failure seen in this one.
  const brokeOff = shallowRef(false)
  const unfinished = () => q.state.value === 'ready' && !q.data.value.complete
  // Read once, when the screen opens: records already there mean an earlier run stopped.
  let looked = false
  watch(
    () => q.state.value,
    (loaded) => {
      if (loaded !== 'ready' || looked) return
      looked = true
      if (unfinished() && q.data.value.done > 0 && sync.state !== 'syncing') brokeOff.value = true
    },
    { immediate: true },
  )
  watch(
    () => sync.state,
    (state) => {
      if (unfinished() && state !== 'idle' && state !== 'syncing') brokeOff.value = true
    },
    { immediate: true },
  )
  const phase = computed<FirstSyncPhase>(() => {
    const { complete, done } = q.data.value
    if (q.state.value === 'loading') return 'loading'
    if (complete) return 'done'
    if (sync.state !== 'idle' && sync.state !== 'syncing') return 'interrupted'
    if (brokeOff.value) return 'resuming'
    return done > 0 ? 'downloading' : 'starting'
  })
  return {
    phase,
    done: computed(() => q.data.value.done),
    total: computed(() => q.data.value.total),
    stoppedBy: computed(() => sync.state),
  }
}
