import { PublicUser } from '@/shared'
import { createHttp } from './http'
import { getTransport } from './transport'

/**
 * The device's account calls after signing in (only src/sync calls fetch): changing her
 * own password.
 */

export type PasswordChangeResult = { ok: true; user: PublicUser } | { ok: false; reason: 'refused' | 'offline' | 'expired' | 'server'; message: string }

/** Changes the signed-in user's password; a refusal carries the server's (Chinese) reason. */
export async function changePasswordRequest(token: string, currentPassword: string, newPassword: string): Promise<PasswordChangeResult> {
  const http = createHttp({ ...getTransport(), getToken: () => token })
  const res = await http.postJson('/api/auth/password', { currentPassword, newPassword }, PublicUser)
  if (res.ok) return { ok: true, user: res.body }
  const f = res.failure
  const reason = f.kind === 'network' ? 'offline' : f.kind === 'auth-expired' ? 'expired' : f.kind === 'refused' || f.kind === 'rate-limited' ? 'refused' : 'server'
  return { ok: false, reason, message: f.message }
}
