import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import type { Role } from '../../src/shared'
import { resolveSession } from '../auth/sessions'
import type { AppContext } from '../context'
import { accountDisabled, ApiError, forbidden, unauthorized } from '../errors'
import type { UserRow } from '../storage/store'

/**
 * Bearer-token authentication: decorates requests and builds the hooks routes use.
 * Routes name `requireUser(...)` as their `preHandler`; `registerAuth` moves it to the
 * route's `onRequest` so that authentication runs before the body is parsed and checked:
 * an anonymous caller gets 401 and never the schema's complaint (which would teach it the
 * API's shapes). Done here, once, so a route added later cannot forget it.
 */
const AUTH_HOOK = Symbol('gridsister.auth')

/** What a user whose password was set by an admin may still do before she changes it. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout'])

type AuthHook = ((request: FastifyRequest) => Promise<void>) & { [AUTH_HOOK]?: true }

const isAuthHook = (h: unknown): boolean => typeof h === 'function' && (h as AuthHook)[AUTH_HOOK] === true
const asList = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h])

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null)
  app.decorateRequest('tokenHash', null)
  app.addHook('onRoute', (route: RouteOptions) => {
    const pre = asList(route.preHandler)
    const auth = pre.filter(isAuthHook)
    if (auth.length === 0) return
    route.preHandler = pre.filter((h) => !isAuthHook(h))
    route.onRequest = [...(auth as NonNullable<RouteOptions['onRequest']>[]).flat(), ...asList(route.onRequest)]
  })
}

export interface RequireUserOptions {
  /**
   * Let a disabled account through: only the push (which accepts what was made before
   * the disable) and the logout. Every other route answers 403 `account-disabled`.
   */
  allowDisabled?: boolean
}

/** A hook that refuses requests without a live session (and, given roles, other roles). */
export function requireUser(ctx: AppContext, roles?: readonly Role[], options: RequireUserOptions = {}): AuthHook {
  const hook: AuthHook = async function (request: FastifyRequest) {
    const header = request.headers.authorization ?? ''
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
    if (!match?.[1]) throw unauthorized()
    const session = await resolveSession(ctx.store, match[1], ctx.now(), ctx.sessions)
    if (!session) throw unauthorized('session expired or revoked; log in again')
    if (session.user.disabled && !options.allowDisabled) throw accountDisabled()
    if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
      throw new ApiError(403, 'password-change-required', '管理员重置了你的密码，请先修改密码')
    }
    if (roles && !roles.includes(session.user.role)) throw forbidden(`needs role ${roles.join(' or ')}`)
    request.user = session.user
    request.tokenHash = session.tokenHash
  }
  hook[AUTH_HOOK] = true
  return hook
}

/** The authenticated user of a request that passed `requireUser`. */
export function userOf(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthorized()
  return request.user
}
