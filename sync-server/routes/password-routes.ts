import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ChangePasswordRequest, Id, PublicUser, ResetPasswordRequest } from '../../src/shared'
import { checkPassword } from '../../src/shared/password-policy'
import { canAdminister } from '../../src/shared/rules'
import { recordFailure, throttleWait } from '../auth/login-throttle'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { publicUser } from '../auth/sessions'
import type { AppContext } from '../context'
import { ApiError, badRequest, notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'
import type { UserRow } from '../storage/store'

/**
 * Passwords after the first (issue 16):
 * - `POST /api/auth/password {currentPassword, newPassword}`: a user changes her own.
 *   The current password is asked again (a phone left unlocked must not be enough), a
 *   wrong one counts as a failed login for the throttle, and her other sessions end.
 * - `POST /api/admin/users/:id/password {newPassword}`: an admin sets one for an account
 *   she administers (a forgotten password). It must be changed at the next login, and
 *   every session of that account ends.
 * Both check the new password with the shared rule the forms use (password-policy.ts).
 */
const IdParams = z.object({ id: Id })

/** The shared rule, as the API's error: 400 with its Chinese message. */
export function assertGoodPassword(password: string, username: string): void {
  const verdict = checkPassword(password, username)
  if (!verdict.ok) throw badRequest(verdict.message)
}

export function passwordRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  return async (app) => {
    app.post(
      '/api/auth/password',
      { preHandler: requireUser(ctx), schema: { body: ChangePasswordRequest, response: { 200: PublicUser } } },
      async (request) => {
        const user = userOf(request)
        const { currentPassword, newPassword } = request.body
        // A borrowed session must not become a way to guess the password without limit.
        const now = ctx.now()
        if ((await throttleWait(store, user.username, request.ip, now, ctx.throttle)) > 0) {
          throw new ApiError(429, 'rate-limited', '密码输错次数过多，请稍后再试')
        }
        if (!(await verifyPassword(currentPassword, user.passwordHash))) {
          await recordFailure(store, user.username, request.ip, now, ctx.throttle)
          throw badRequest('当前密码不对')
        }
        if (newPassword === currentPassword) throw badRequest('新密码不能和当前密码一样')
        assertGoodPassword(newPassword, user.username)
        const hash = await hashPassword(newPassword)
        await store.transaction(async (tx) => {
          await tx.setPassword(user.id, hash, false)
          if (request.tokenHash) await tx.deleteOtherSessions(user.id, request.tokenHash)
          await tx.audit({ userId: user.id, action: 'password-change', detail: {} })
        })
        return publicUser(store, { ...user, passwordHash: hash, mustChangePassword: false })
      },
    )

    app.post(
      '/api/admin/users/:id/password',
      { preHandler: requireUser(ctx, ['admin']), schema: { params: IdParams, body: ResetPasswordRequest, response: { 200: PublicUser } } },
      async (request) => {
        const admin = userOf(request)
        const target = await store.getUser(request.params.id)
        if (!target || !inReach(admin, target)) throw notFound('no such user')
        if (target.id === admin.id) throw badRequest('请在“修改密码”里改自己的密码')
        assertGoodPassword(request.body.newPassword, target.username)
        const hash = await hashPassword(request.body.newPassword)
        await store.transaction(async (tx) => {
          await tx.setPassword(target.id, hash, true)
          await tx.deleteUserSessions(target.id)
          await tx.audit({ userId: admin.id, action: 'password-reset', detail: { targetId: target.id }, communityId: target.communityId })
        })
        return publicUser(store, { ...target, passwordHash: hash, mustChangePassword: true })
      },
    )
  }
}

/** An admin reaches the accounts of her community; a district admin (no community) every account. */
function inReach(admin: UserRow, target: UserRow): boolean {
  return admin.communityId === null || (target.communityId !== null && canAdminister(admin, target.communityId))
}
