import { saveDisabledNotice, SESSION_KEY } from './session-key'

/**
 * What a logout (or a disabled account) removes besides the user's database: the Cache
 * Storage entries that could hold API replies or photos, and every key of web storage
 * but the device's own preferences (language, elder mode: they hold nothing of anyone).
 * The service worker's precache and the lazily cached app code stay, so the installed
 * app still opens with no signal for the next person to sign in.
 */

/** Caches of the app itself (workbox's precache, the supervisor's lazily loaded code). */
const APP_CODE_CACHE = /^(workbox-precache|gridsister-lazy-assets)/
/**
 * localStorage keys that are the phone's settings or facts about the server, not anyone's
 * data: language, elder mode (and whether it was offered), whether the server runs the demo (its 演示 marker).
 */
const DEVICE_PREFERENCES = new Set(['gridsister.locale', 'gridsister.elderMode', 'gridsister.elderOffered', 'gridsister.server-demo'])
/** Set when a logout could not have the storage files deleted (no signal): done at the next sign-in. */
const CLEAR_OWED_KEY = 'gridsister.storageClearOwed'

/** Deletes every cache but the app's code; resolves when the browser has deleted them. */
export async function wipeDataCaches(storage: CacheStorage | undefined = globalThis.caches): Promise<string[]> {
  if (!storage) return []
  const names = (await storage.keys()).filter((name) => !APP_CODE_CACHE.test(name))
  await Promise.all(names.map((name) => storage.delete(name)))
  return names
}

/** Removes the session and every other key but the device's preferences. */
export function wipeWebStorage(
  local: Storage | undefined = globalThis.localStorage,
  session: Storage | undefined = globalThis.sessionStorage,
): void {
  try {
    session?.clear()
    if (!local) return
    local.removeItem(SESSION_KEY)
    const keys = Array.from({ length: local.length }, (_, i) => local.key(i)).filter((k): k is string => k !== null)
    for (const key of keys) if (!DEVICE_PREFERENCES.has(key) && key !== CLEAR_OWED_KEY) local.removeItem(key)
  } catch {
    // Storage disabled by the browser holds nothing to remove.
  }
}

/** The device's preferences, to write back after the browser cleared all storage. */
export function readPreferences(local: Storage | undefined = globalThis.localStorage): [string, string][] {
  try {
    return [...DEVICE_PREFERENCES].flatMap((key) => {
      const value = local?.getItem(key)
      return value === null || value === undefined ? [] : [[key, value] as [string, string]]
    })
  } catch {
    return []
  }
}

export function writePreferences(prefs: [string, string][], local: Storage | undefined = globalThis.localStorage): void {
  try {
    for (const [key, value] of prefs) local?.setItem(key, value)
  } catch {
    // Nothing to restore into.
  }
}

/**
 * Opens the app anew at the login screen after Clear-Site-Data "storage", which removed
 * the service worker with its precache: the page still runs under the removed worker,
 * and only a new page registers a fresh one (PwaShell), which precaches the app again at
 * once (online: the server's reply just arrived), so the installed app keeps opening
 * with no signal for the next person. A notice to show there survives in
 * sessionStorage (a count, nothing of anyone). Not in the dev server (no worker).
 */
export function reopenAfterClear(notice: { lost: number } | null): void {
  if (import.meta.env.DEV) return
  if (notice) saveDisabledNotice(notice)
  globalThis.location?.replace('/login')
}

/** Remembers that the storage files still hold a deleted database's bytes. */
export function markClearOwed(local: Storage | undefined = globalThis.localStorage): void {
  try {
    local?.setItem(CLEAR_OWED_KEY, '1')
  } catch {
    // Nothing can be remembered without storage.
  }
}

export function isClearOwed(local: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return local?.getItem(CLEAR_OWED_KEY) === '1'
  } catch {
    return false
  }
}
