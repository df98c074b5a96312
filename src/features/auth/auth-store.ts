import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { PublicUser } from '@/shared'
import type { LoginFailure } from '@/sync/auth-api'
import { hasSavedSession } from './session-key'

// The device database (Dexie), the auth endpoints and the session's schema (zod) load
// only when they are needed: a new phone draws its login screen without either, and a
// signed-in phone loads them with its first page (main.ts restores before routing).
const dbModule = () => import('@/db/db')
const apiModule = () => import('@/sync/auth-api')
const sessionModule = () => import('./session-storage')

/**
 * Who is signed in on this phone. Each user has their own device database, opened on
 * login or restore and closed on logout, so a family member logging in on the same
 * phone never sees, nor pushes, the first user's records. An expired session keeps the
 * user and her database open (she keeps working offline) until she logs in again; if
 * someone else logs in instead, the first user's database is closed, not pushed.
 */

export type AuthState = 'signed-out' | 'signing-in' | 'signed-in' | 'expired'

export const useAuthStore = defineStore('auth', () => {
  const user = shallowRef<PublicUser | null>(null)
  const token = ref<string | null>(null)
  const state = ref<AuthState>('signed-out')
  const error = ref<LoginFailure | null>(null)
  const sessionExpired = computed(() => state.value === 'expired')
  const signedIn = computed(() => state.value === 'signed-in' || state.value === 'expired')

  /**
   * Restores the session saved on this phone (no network needed) and opens her
   * database; resolves false when none is saved (or it is unreadable).
   */
  async function restore(): Promise<boolean> {
    if (!hasSavedSession()) return false
    const [{ loadSession }, { openUserDb }] = await Promise.all([sessionModule(), dbModule()])
    const saved = loadSession()
    if (!saved) return false
    openUserDb(saved.user.id)
    user.value = saved.user
    token.value = saved.token
    state.value = 'signed-in'
    return true
  }

  async function login(username: string, password: string): Promise<boolean> {
    const previous = state.value
    state.value = 'signing-in'
    error.value = null
    const failed = (reason: LoginFailure): false => {
      error.value = reason
      state.value = previous === 'signing-in' ? 'signed-out' : previous
      return false
    }
    // The code for signing in is fetched now; with no network before the service worker
    // had cached it, that fails like the request itself would: offline, try again.
    const modules = await Promise.all([apiModule(), dbModule(), sessionModule()]).catch(() => null)
    if (!modules) return failed('offline')
    const [{ loginRequest }, { openUserDb }, { saveSession }] = modules
    const result = await loginRequest(username, password)
    if (!result.ok) return failed(result.reason)
    const { reply } = result
    // openUserDb closes another user's database before opening this one.
    openUserDb(reply.user.id)
    user.value = reply.user
    token.value = reply.token
    saveSession({ token: reply.token, user: reply.user, expiresAt: reply.expiresAt })
    state.value = 'signed-in'
    return true
  }

  /** After her password changed: the server's view of her (the forced change is over). */
  async function replaceUser(next: PublicUser): Promise<void> {
    const { loadSession, saveSession } = await sessionModule()
    const saved = loadSession()
    user.value = next
    if (saved && token.value) saveSession({ ...saved, token: token.value, user: next })
  }

  /** Called by sync when the server refuses the token: keep working, ask to log in. */
  function markExpired(): void {
    if (state.value === 'signed-in') state.value = 'expired'
  }

  async function logout(): Promise<void> {
    const t = token.value
    const [{ closeDb }, { clearSession }] = await Promise.all([dbModule(), sessionModule()])
    closeDb()
    clearSession()
    user.value = null
    token.value = null
    state.value = 'signed-out'
    error.value = null
    if (t) await (await apiModule()).logoutRequest(t)
  }

  return { user, token, state, error, sessionExpired, signedIn, restore, login, logout, markExpired, replaceUser }
})
