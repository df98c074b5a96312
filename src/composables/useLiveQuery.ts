import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import { getDb, type GridSisterDb } from '@/db/db'

/**
 * A Dexie `liveQuery` as Vue refs: the query re-runs whenever the tables it read
 * change (in this tab or another), and whenever one of `deps` changes. The
 * subscription ends with the component (or effect scope) that created it, so
 * components never subscribe by hand.
 */

export type LiveQueryState = 'loading' | 'ready' | 'error'

export interface UseLiveQueryOptions<T> {
  /** Reads through repositories; called with the signed-in user's database. */
  query: (db: GridSisterDb) => Promise<T>
  /** The value before the first result (and after an error). */
  initial: T
  /** Reactive inputs of the query (a route id, a search term…). */
  deps?: WatchSource[]
  /** The database to read; defaults to the signed-in user's. */
  db?: () => GridSisterDb
}

export interface UseLiveQuery<T> {
  data: ShallowRef<T>
  state: Ref<LiveQueryState>
  error: Ref<Error | null>
}

export function useLiveQuery<T>(options: UseLiveQueryOptions<T>): UseLiveQuery<T> {
  const data = shallowRef(options.initial) as ShallowRef<T>
  const state = shallowRef<LiveQueryState>('loading')
  const error = shallowRef<Error | null>(null)
  let sub: Subscription | null = null

  const fail = (e: unknown) => {
    error.value = e instanceof Error ? e : new Error(String(e))
    state.value = 'error'
  }

  const start = () => {
    sub?.unsubscribe()
    let db: GridSisterDb
    try {
      db = (options.db ?? getDb)()
    } catch (e) {
      fail(e)
      return
    }
    sub = liveQuery(() => options.query(db)).subscribe({
      next: (value) => {
        data.value = value
        error.value = null
        state.value = 'ready'
      },
      error: fail,
    })
  }

  if (options.deps?.length) watch(options.deps, start, { immediate: true })
  else start()
  if (getCurrentScope()) onScopeDispose(() => sub?.unsubscribe())
  return { data, state, error }
}
