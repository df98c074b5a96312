import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Role } from '../../src/shared'
import { resolveSession } from '../auth/sessions'
import type { AppContext } from '../context'
import { accountDisabled, forbidden, unauthorized } from '../errors'
import type { UserRow } from '../storage/store'

/** Bearer-token authentication: decorates requests and builds the pre-handlers routes use. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null)
  app.decorateRequest('tokenHash', null)
}

export interface RequireUserOptions {
  /**
   * Let a disabled account through: only the push (which accepts what was made before
   * the disable) and the logout. Every other route answers 403 `account-disabled`.
   */
  allowDisabled?: boolean
}

/** A pre-handler that refuses requests without a live session (and, given roles, other roles). */
export function requireUser(ctx: AppContext, roles?: readonly Role[], options: RequireUserOptions = {}): preHandlerAsyncHookHandler {
  return async function (request: FastifyRequest) {
    const header = request.headers.authorization ?? ''
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
    if (!match?.[1]) throw unauthorized()
    const session = await resolveSession(ctx.store, match[1], ctx.now(), ctx.sessions)
    if (!session) throw unauthorized('session expired or revoked; log in again')
    if (session.user.disabled && !options.allowDisabled) throw accountDisabled()
    if (roles && !roles.includes(session.user.role)) throw forbidden(`needs role ${roles.join(' or ')}`)
    request.user = session.user
    request.tokenHash = session.tokenHash
  }
}

/** The authenticated user of a request that passed `requireUser`. */
export function userOf(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthorized()
  return request.user
}
