import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { whenIdle } from '@/composables/when-idle'
import { getDb, type GridSisterDb, type RejectionRow } from '@/db/db'
import { ensurePinyin, onSearchTextDegraded } from '@/db/derive'
import { useAuthStore } from '@/features/auth/auth-store'
import { repairSearchText } from '@/features/households/search-text-repository'
import type { SyncClient, SyncOutcome, SyncProgress } from '@/sync/sync-client'
import { getTransport } from '@/sync/transport'
import { countPending, dismissRejection, lastSyncOf, openRejections } from './rejections-repository'

/**
 * The app's view of sync: what is waiting, when it last worked, what went wrong. It runs
 * the engine on start, when the phone comes back online, every minute while open, after
 * a transient failure (the engine's backoff delay), and when the worker taps "sync now".
 *
 * The engine is loaded with import() when a sync first runs, and the first run waits
 * until the browser is idle after the first screen, so opening the app draws before any
 * sync code is fetched or run. Households pulled before the pinyin dictionary loaded get
 * their search text completed after the run (see src/db/derive.ts).
 */

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'auth-expired' | 'account-disabled' | 'upgrade-required'

export interface SyncStartOptions {
  intervalMs?: number
  /** The window whose `online` event triggers a sync (tests pass their own). */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

export const useSyncStore = defineStore('sync', () => {
  const auth = useAuthStore()
  const state = ref<SyncState>('idle')
  const pendingCount = ref(0)
  const lastSyncAt = ref<string | null>(null)
  const progress = shallowRef<SyncProgress | null>(null)
  const rejections = shallowRef<RejectionRow[]>([])
  const conflictCount = ref<number | null>(null)
  const error = ref<string | null>(null)

  let db: GridSisterDb | null = null
  let client: SyncClient | null = null
  let subscriptions: Subscription[] = []
  let timers: ReturnType<typeof setInterval>[] = []
  let retry: ReturnType<typeof setTimeout> | null = null
  let stopListening: (() => void) | null = null

  let degraded = false
  const stopWatchingSearchText = onSearchTextDegraded(() => {
    degraded = true
    // Fetched while the pull goes on, so the following pages get their pinyin at once.
    ensurePinyin().catch(() => undefined)
  })
  onScopeDispose(stopWatchingSearchText)

  function attach(): GridSisterDb | null {
    if (!auth.signedIn) return null
    const current = getDb()
    if (current === db) return db
    subscriptions.forEach((s) => s.unsubscribe())
    db = current
    client = null
    subscriptions = [
      liveQuery(() => countPending(current)).subscribe((n) => (pendingCount.value = n)),
      liveQuery(() => openRejections(current)).subscribe((rows) => (rejections.value = rows)),
      liveQuery(() => lastSyncOf(current)).subscribe((at) => (lastSyncAt.value = at)),
    ]
    return db
  }

  function settle(outcome: SyncOutcome): void {
    if (outcome.state === 'busy') {
      state.value = 'idle'
      return
    }
    state.value = outcome.state
    error.value = outcome.state === 'idle' ? null : outcome.message
    if (outcome.state === 'auth-expired') auth.markExpired()
    // Its push already went up (the engine pushes before it pulls): wipe the phone.
    if (outcome.state === 'account-disabled') void auth.accountDisabled()
    if (retry) clearTimeout(retry)
    retry = outcome.retryInMs === null ? null : setTimeout(() => void syncNow(), outcome.retryInMs)
  }

  /** The engine for the current database, loaded on first use; null after a user change meanwhile. */
  async function engine(current: GridSisterDb): Promise<SyncClient | null> {
    if (client) return client
    const { createSyncClient } = await import('@/sync/sync-client')
    if (db !== current) return null
    client ??= createSyncClient({ db: current, ...getTransport(), getToken: () => auth.token, onProgress: (p) => (progress.value = p) })
    return client
  }

  async function repairAfterPull(current: GridSisterDb): Promise<void> {
    if (!degraded) return
    degraded = false
    // The sync itself worked; a dictionary that failed to load is tried again next run.
    await repairSearchText(current).catch(() => (degraded = true))
  }

  async function syncNow(): Promise<SyncOutcome | null> {
    const current = attach()
    if (!current) return null
    if (auth.sessionExpired) {
      state.value = 'auth-expired'
      return null
    }
    // No network for sure (onLine can only be wrong the other way): wait for `online`.
    if (globalThis.navigator?.onLine === false) {
      state.value = 'offline'
      return null
    }
    state.value = 'syncing'
    progress.value = null
    try {
      const run = await engine(current)
      if (!run) {
        state.value = 'idle'
        return null
      }
      const outcome = await run.syncOnce()
      settle(outcome)
      await repairAfterPull(current)
      if (outcome.state === 'idle' && auth.user?.role !== 'worker' && auth.token) {
        const { openConflictCount } = await import('@/sync/conflicts-api')
        conflictCount.value = await openConflictCount(auth.token)
      }
      return outcome
    } catch (e) {
      // A database error (storage full, closed by logout) ends here, shown, not thrown.
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
      return null
    } finally {
      progress.value = null
    }
  }

  function start(options: SyncStartOptions = {}): void {
    stop()
    const target = options.target ?? globalThis.window
    const onOnline = () => void syncNow()
    target?.addEventListener('online', onOnline)
    stopListening = () => target?.removeEventListener('online', onOnline)
    timers = [setInterval(() => void syncNow(), options.intervalMs ?? 60_000)]
    whenIdle(() => {
      if (timers.length > 0) void syncNow()
    }, 2000)
  }

  function stop(): void {
    stopListening?.()
    stopListening = null
    timers.forEach(clearInterval)
    timers = []
    if (retry) clearTimeout(retry)
    retry = null
  }

  async function dismiss(mutationId: string): Promise<void> {
    if (db) await dismissRejection(db, mutationId)
  }

  // A different user (or a logout) means a different database: drop the old client.
  watch(
    () => auth.user?.id,
    () => {
      subscriptions.forEach((s) => s.unsubscribe())
      subscriptions = []
      db = null
      client = null
      pendingCount.value = 0
      rejections.value = []
      lastSyncAt.value = null
      if (auth.signedIn) attach()
    },
  )

  // Back from an expired session (same user logged in again): push what waited.
  watch(
    () => auth.state,
    (now, before) => {
      if (now === 'signed-in' && before !== 'signed-in' && timers.length > 0) void syncNow()
    },
  )

  return { state, pendingCount, lastSyncAt, progress, rejections, conflictCount, error, syncNow, start, stop, dismiss, attach }
})
