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

/** Live queries (of every component on screen) still waiting for their first answer. */
let awaitingFirst = 0
let whenNoneAwaiting: (() => void)[] = []

/** Counts a query as waiting; returns what to call (any number of times) once it is not. */
function awaitFirstAnswer(): () => void {
  awaitingFirst++
  let waiting = true
  return () => {
    if (!waiting) return
    waiting = false
    if (--awaitingFirst > 0) return
    const callbacks = whenNoneAwaiting
    whenNoneAwaiting = []
    for (const f of callbacks) f()
  }
}

/**
 * Resolves once every live query on screen has its first answer (at most `maxWaitMs`
 * later), checked after the current task so that a screen being mounted has started its
 * queries. The start's sync waits for it: run while the first screen still reads, its
 * IndexedDB writes and the re-renders they cause delayed that screen's lists (Lighthouse,
 * Today with the full scope: largest paint 971 ms with it, 365 ms without).
 */
export function whenScreenHasData(maxWaitMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    setTimeout(() => {
      if (awaitingFirst === 0) done()
      else whenNoneAwaiting.push(done)
    }, 0)
  })
}

export function useLiveQuery<T>(options: UseLiveQueryOptions<T>): UseLiveQuery<T> {
  const data = shallowRef(options.initial) as ShallowRef<T>
  const state = shallowRef<LiveQueryState>('loading')
  const error = shallowRef<Error | null>(null)
  let sub: Subscription | null = null
  let answered = () => {}

  const fail = (e: unknown) => {
    error.value = e instanceof Error ? e : new Error(String(e))
    state.value = 'error'
  }

  const stop = () => {
    sub?.unsubscribe()
    sub = null
    answered()
  }

  const start = () => {
    stop()
    let db: GridSisterDb
    try {
      db = (options.db ?? getDb)()
    } catch (e) {
      fail(e)
      return
    }
    answered = awaitFirstAnswer()
    sub = liveQuery(() => options.query(db)).subscribe({
      next: (value) => {
        answered()
        data.value = value
        error.value = null
        state.value = 'ready'
      },
      error: (e) => {
        answered()
        fail(e)
      },
    })
  }

  if (options.deps?.length) watch(options.deps, start, { immediate: true })
  else start()
  if (getCurrentScope()) onScopeDispose(stop)
  return { data, state, error }
}
