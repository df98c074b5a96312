/**
 * Where the signed-in session is kept (localStorage), readable without its schema: the
 * app's start asks only whether one is saved (index.html's shell script reads the same
 * key) before loading what a signed-in phone needs.
 */
export const SESSION_KEY = 'gridsister.session'

export function hasSavedSession(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return Boolean(storage?.getItem(SESSION_KEY))
  } catch {
    return false
  }
}
