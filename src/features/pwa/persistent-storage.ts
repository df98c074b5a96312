import { getCurrentScope, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import type { GridSisterDb } from '@/db/db'
import { markPersistRequested, storedRecordCount, wasPersistRequested } from './persist-repository'

/** Whether the app runs installed (from the home screen), not in a browser tab. */
export function runsInstalled(): boolean {
  return Boolean(globalThis.matchMedia?.('(display-mode: standalone)').matches || (globalThis.navigator as { standalone?: boolean } | undefined)?.standalone)
}

/**
 * Asks the browser to keep the device database when storage runs short
 * (`navigator.storage.persist()`), once per database, right after the first record is
 * stored — the moment there is something to lose. Without it, a cheap phone low on
 * space may evict a week of unsynced visits. The answer is remembered in meta
 * `persistRequested`, so the request is not repeated on every start; once more when
 * the app first runs installed (`persistRequestedInstalled`), because browsers grant it
 * far more readily to an installed app than to a tab.
 */

export type PersistResult = 'already-requested' | 'unsupported' | 'granted' | 'denied' | 'error'

export type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted'>>

function defaultStorage(): StorageLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined
}

/** Requests persistent storage for `db` unless it was requested before. */
export async function requestPersistentStorage(
  db: GridSisterDb,
  storage: StorageLike | undefined = defaultStorage(),
  installed: boolean = runsInstalled(),
): Promise<PersistResult> {
  if (await wasPersistRequested(db, installed)) return 'already-requested'
  if (!storage?.persist) return 'unsupported'
  try {
    const granted = (await storage.persisted?.()) || (await storage.persist())
    await markPersistRequested(db, installed)
    return granted ? 'granted' : 'denied'
  } catch {
    // A refusal by the browser is not the person's problem; retried on the next start.
    return 'error'
  }
}

export interface UsePersistentStorageOptions {
  /** The signed-in user's database, null while nobody is signed in. */
  db: MaybeRefOrGetter<GridSisterDb | null>
  storage?: StorageLike
}

export interface UsePersistentStorage {
  state: Ref<'waiting' | PersistResult>
}

/** Watches the current database and requests persistence after its first stored record. */
export function usePersistentStorage(options: UsePersistentStorageOptions): UsePersistentStorage {
  const state = ref<'waiting' | PersistResult>('waiting')
  let subscription: Subscription | null = null

  const stop = watch(
    () => toValue(options.db),
    (db) => {
      subscription?.unsubscribe()
      subscription = null
      state.value = 'waiting'
      if (!db) return
      let asked = false
      subscription = liveQuery(() => storedRecordCount(db)).subscribe({
        next: (count) => {
          if (count === 0 || asked) return
          asked = true
          void requestPersistentStorage(db, options.storage ?? defaultStorage()).then((r) => {
            if (toValue(options.db) === db) state.value = r
          })
        },
        // A closed database (logout) ends the watch; the next one starts anew.
        error: () => undefined,
      })
    },
    { immediate: true },
  )

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      subscription?.unsubscribe()
    })
  }
  return { state }
}
