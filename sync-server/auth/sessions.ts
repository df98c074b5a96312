import { createHash, randomBytes } from 'node:crypto'
import type { PublicUser } from '../../src/shared'
import type { Store, UserRow } from '../storage/store'
import { listScopeGrids } from '../sync/scope-service'

/**
 * Sessions: an opaque 256-bit random token; only its SHA-256 is stored, so a leaked
 * database does not hand out sessions. A session ends at the first of: logout, idle
 * expiry or absolute expiry. A disabled account's session still resolves (its user says
 * `disabled`), so routes can answer `account-disabled` instead of "log in again".
 */
export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  // Workers log in once online and then work offline for days.
  idleMs: 30 * 24 * 3600 * 1000,
  absoluteMs: 90 * 24 * 3600 * 1000,
}

/** Touching the session on every request would turn every read into a write. */
const TOUCH_EVERY_MS = 60_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Creates a session and returns its token (shown once, never stored). */
export async function createSession(store: Store, userId: string, now: number, policy: SessionPolicy) {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = now + policy.absoluteMs
  await store.insertSession({ tokenHash: hashToken(token), userId, createdAt: now, lastUsedAt: now, expiresAt })
  return { token, expiresAt }
}

/** Resolves a bearer token to its live user, ending expired sessions; null when refused. */
export async function resolveSession(store: Store, token: string, now: number, policy: SessionPolicy) {
  const tokenHash = hashToken(token)
  const session = await store.getSession(tokenHash)
  if (!session) return null
  if (now >= session.expiresAt || now - session.lastUsedAt >= policy.idleMs) {
    await store.deleteSession(tokenHash)
    return null
  }
  const user = await store.getUser(session.userId)
  if (!user) {
    await store.deleteUserSessions(session.userId)
    return null
  }
  if (now - session.lastUsedAt >= TOUCH_EVERY_MS) await store.touchSession(tokenHash, now)
  return { user, tokenHash }
}

/** The user as the app sees it, with the grids currently in her scope. */
export async function publicUser(store: Store, user: UserRow): Promise<PublicUser> {
  const grids = await listScopeGrids(store, user)
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    communityId: user.communityId,
    gridIds: grids.map((g) => g.id),
    phone: user.phone,
    mustChangePassword: user.mustChangePassword ?? false,
  }
}
