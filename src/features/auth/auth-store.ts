import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { PublicUser } from '@/shared'
import type { LoginFailure } from '@/sync/auth-api'
import { hasSavedSession, takeDisabledNotice } from './session-key'

// The device database (Dexie), the auth endpoints and the session's schema (zod) load
// only when they are needed: a new phone draws its login screen without either, and a
// signed-in phone loads them with its first page (main.ts restores before routing).
const dbModule = () => import('@/db/db')
const apiModule = () => import('@/sync/auth-api')
const sessionModule = () => import('./session-storage')
const wipeModule = () => import('./device-wipe')

/**
 * Who is signed in on this phone. Each user has their own device database, opened on
 * login or restore and closed on logout, so a family member logging in on the same
 * phone never sees, nor pushes, the first user's records. An expired session keeps the
 * user and her database open (she keeps working offline) until she logs in again; if
 * someone else logs in instead, the first user's database is closed, not pushed.
 *
 * Logging out leaves nothing of her on the phone: her database is deleted (the screen
 * asks first when something is not uploaded yet), with the data caches and the saved
 * session. A disabled account does the same by itself once its last push went up.
 */

/** Shown on the login screen after the phone was wiped because the account was disabled. */
export interface DisabledNotice {
  /** Changes that did not reach the server (made after the disable, or refused). */
  lost: number
}

/** How long a logout waits for the server on a bad line before it is done anyway. */
const LOGOUT_WAIT_MS = 10_000
const delay = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms))

export type AuthState = 'signed-out' | 'signing-in' | 'signed-in' | 'expired'

export const useAuthStore = defineStore('auth', () => {
  const user = shallowRef<PublicUser | null>(null)
  const token = ref<string | null>(null)
  const state = ref<AuthState>('signed-out')
  const error = ref<LoginFailure | null>(null)
  const disabledNotice = shallowRef<DisabledNotice | null>(takeDisabledNotice())
  /** The site's storage was just cleared: the next page must load anew (its service worker went too). */
  const reopenNeeded = ref(false)
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
    if (!result.ok && result.reason === 'disabled' && previous === 'expired' && sameUser(username)) {
      // Her session expired before the disable reached the phone: the server takes
      // nothing more from it, so what it holds goes now.
      await accountDisabled()
      error.value = 'disabled'
      return false
    }
    if (!result.ok) return failed(result.reason)
    const { reply } = result
    reopenNeeded.value = await settleOwedClear(reply.token).catch(() => false)
    // openUserDb closes another user's database before opening this one.
    openUserDb(reply.user.id)
    user.value = reply.user
    token.value = reply.token
    saveSession({ token: reply.token, user: reply.user, expiresAt: reply.expiresAt })
    state.value = 'signed-in'
    disabledNotice.value = null
    return true
  }

  /**
   * A logout with no signal deleted the database but could not have its bytes removed
   * from the browser's files: that is done now, before anything of hers is stored, when
   * no other user's database is on the phone. True when the storage was cleared.
   */
  async function settleOwedClear(t: string): Promise<boolean> {
    const [wipe, { listUserDbNames }, api] = await Promise.all([wipeModule(), dbModule(), apiModule()])
    if (!wipe.isClearOwed() || (await listUserDbNames().catch(() => ['unknown'])).length > 0) return false
    const prefs = wipe.readPreferences()
    if (!(await api.clearSiteStorageRequest(t))) return false
    wipe.writePreferences(prefs)
    return true
  }

  const sameUser = (username: string) => user.value?.username === username.trim().toLowerCase()

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

  /**
   * Signs out and deletes everything of hers from the phone; resolves once it is gone.
   * The screen has pushed first, or asked (pending-uploads-repository.ts). Then the
   * server ends the session and, when no other user's database is on the phone, has
   * the browser delete the site's storage files too (see the logout route); offline,
   * the token is forgotten here and expires there. `notice`: why (a disabled account).
   */
  async function logout(notice: DisabledNotice | null = null): Promise<void> {
    const t = token.value
    const id = user.value?.id ?? null
    user.value = null
    token.value = null
    state.value = 'signed-out'
    error.value = null
    disabledNotice.value = notice
    const [{ deleteUserDb, listUserDbNames }, wipe] = await Promise.all([dbModule(), wipeModule()])
    const prefs = wipe.readPreferences()
    wipe.wipeWebStorage()
    await Promise.all([id ? deleteUserDb(id) : null, wipe.wipeDataCaches()])
    if (!t) return
    const clearStorage = (await listUserDbNames().catch(() => ['unknown'])).length === 0
    const api = await apiModule().catch(() => null)
    const revoked = await Promise.race([api?.logoutRequest(t, clearStorage) ?? false, delay(LOGOUT_WAIT_MS)])
    if (revoked && clearStorage) {
      wipe.writePreferences(prefs)
      wipe.reopenAfterClear(notice)
    } else if (id) wipe.markClearOwed()
  }

  /** The server refused the account (`account-disabled`) after taking its last push: wipe. */
  async function accountDisabled(): Promise<void> {
    if (!user.value) return
    const [{ getDb }, { countUnsent }] = await Promise.all([dbModule(), import('./pending-uploads-repository')])
    const lost = await countUnsent(getDb()).catch(() => 0)
    await logout({ lost })
  }

  return {
    user, token, state, error, sessionExpired, signedIn, disabledNotice, reopenNeeded,
    restore, login, logout, markExpired, accountDisabled, replaceUser,
  }
})
