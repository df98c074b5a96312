import { SESSION_KEY } from './session-key'

/**
 * What a logout (or a disabled account) removes besides the user's database: the Cache
 * Storage entries that could hold API replies or photos, and every key of web storage
 * but the device's own preferences (language, elder mode: they hold nothing of anyone).
 * The service worker's precache and the lazily cached app code stay, so the installed
 * app still opens with no signal for the next person to sign in.
 */

/** Caches of the app itself (workbox's precache, the supervisor's lazily loaded code). */
const APP_CODE_CACHE = /^(workbox-precache|gridsister-lazy-assets)/
/** localStorage keys that are the phone's settings, not anyone's data. */
const DEVICE_PREFERENCES = new Set(['gridsister.locale', 'gridsister.elderMode'])

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
    for (const key of keys) if (!DEVICE_PREFERENCES.has(key)) local.removeItem(key)
  } catch {
    // Storage disabled by the browser holds nothing to remove.
  }
}
