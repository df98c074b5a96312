import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { GridSisterDb } from '@/db/db'
import { loadSnapshot, type SupervisorSnapshot } from './supervisor-repository'

/** Live view of the supervisor's device database: re-reads whenever a synced or local write lands. */
export interface SupervisorSnapshotView {
  state: Ref<'loading' | 'ready' | 'error'>
  snapshot: ShallowRef<SupervisorSnapshot | null>
  error: Ref<string | null>
  stop(): void
}

export interface UseSupervisorSnapshotOptions {
  db: GridSisterDb
}

/** Subscribes to the snapshot (stopped with the calling effect scope or by `stop`). */
export function useSupervisorSnapshot(o: UseSupervisorSnapshotOptions): SupervisorSnapshotView {
  const state = ref<'loading' | 'ready' | 'error'>('loading')
  const snapshot = shallowRef<SupervisorSnapshot | null>(null)
  const error = ref<string | null>(null)
  const sub: Subscription = liveQuery(() => loadSnapshot(o.db)).subscribe({
    next: (s) => {
      snapshot.value = s
      state.value = 'ready'
      error.value = null
    },
    error: (e: unknown) => {
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
    },
  })
  const stop = () => sub.unsubscribe()
  onScopeDispose(stop, true)
  return { state, snapshot, error, stop }
}
