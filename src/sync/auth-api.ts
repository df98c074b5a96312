import { LoginReply } from '@/shared'
import { createHttp, type HttpFailure } from './http'
import { getTransport } from './transport'

/** The device's calls to the auth and health endpoints (only src/sync calls fetch). */

export type LoginFailure = 'wrong-password' | 'disabled' | 'offline' | 'rate-limited' | 'upgrade-required' | 'server'

export type LoginResult = { ok: true; reply: LoginReply } | { ok: false; reason: LoginFailure; message: string }

function reasonOf(f: HttpFailure): LoginFailure {
  switch (f.kind) {
    case 'network':
      return 'offline'
    case 'auth-expired':
      return 'wrong-password'
    case 'account-disabled':
      return 'disabled'
    case 'rate-limited':
      return 'rate-limited'
    case 'upgrade-required':
      return 'upgrade-required'
    case 'refused':
      return f.status === 400 ? 'wrong-password' : 'server'
    case 'server':
      return 'server'
  }
}

const http = (token: string | null = null) => createHttp({ ...getTransport(), getToken: () => token })

/** Logs in; the password never leaves this call except in the request body. */
export async function loginRequest(username: string, password: string): Promise<LoginResult> {
  const res = await http().postJson('/api/auth/login', { username: username.trim(), password }, LoginReply, true)
  if (res.ok) return { ok: true, reply: res.body }
  return { ok: false, reason: reasonOf(res.failure), message: res.failure.message }
}

/**
 * Revokes the session on the server; failures are ignored (the device forgets it
 * anyway). With `clearStorage`, the reply makes the browser delete all of this site's
 * storage files (Clear-Site-Data "storage"); true when the server answered.
 */
export async function logoutRequest(token: string, clearStorage = false): Promise<boolean> {
  const res = await http(token).send({ method: 'POST', path: `/api/auth/logout?clear=${clearStorage ? 'storage' : 'cache'}` })
  return res.ok
}

/** Has the browser delete the site's storage files (a clear owed since an offline logout). */
export async function clearSiteStorageRequest(token: string): Promise<boolean> {
  const res = await http(token).send({ method: 'POST', path: '/api/device/clear-site-data' })
  return res.ok
}
