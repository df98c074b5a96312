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

const NOTICE_KEY = 'gridsister.disabledNotice'

/** Keeps the "account disabled" notice over the reload that follows a wipe. */
export function saveDisabledNotice(notice: { lost: number }, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(NOTICE_KEY, JSON.stringify({ lost: notice.lost }))
  } catch {
    // Without storage the notice is simply not shown after the reload.
  }
}

/** The notice kept over a reload, removed as it is read; null when none. */
export function takeDisabledNotice(storage: Storage | undefined = globalThis.sessionStorage): { lost: number } | null {
  try {
    const raw = storage?.getItem(NOTICE_KEY)
    if (!raw) return null
    storage?.removeItem(NOTICE_KEY)
    const lost = Number((JSON.parse(raw) as { lost?: unknown }).lost)
    return { lost: Number.isFinite(lost) && lost > 0 ? Math.floor(lost) : 0 }
  } catch {
    return null
  }
}
