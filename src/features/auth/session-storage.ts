import { z } from '@/shared/zod'
import { PublicUser } from '@/shared'
import { SESSION_KEY as KEY } from './session-key'

/**
 * The signed-in session kept in localStorage, so that a reload with no signal (days
 * after logging in) opens the app signed in. Only the opaque token and the public user
 * are kept; never the password.
 */

export const StoredSession = z.object({ token: z.string().min(1), user: PublicUser, expiresAt: z.string() })
export type StoredSession = z.infer<typeof StoredSession>

export function loadSession(storage: Storage | undefined = globalThis.localStorage): StoredSession | null {
  const raw = storage?.getItem(KEY)
  if (!raw) return null
  try {
    const parsed = StoredSession.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveSession(session: StoredSession, storage: Storage | undefined = globalThis.localStorage): void {
  storage?.setItem(KEY, JSON.stringify(session))
}

export function clearSession(storage: Storage | undefined = globalThis.localStorage): void {
  storage?.removeItem(KEY)
}
