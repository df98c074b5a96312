import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DemoAccountsReply, LoginReply, LoginRequest, PublicUser } from '../../src/shared'
import { recordFailure, recordSuccess, throttleWait } from '../auth/login-throttle'
import { DUMMY_HASH, verifyPassword } from '../auth/passwords'
import { createSession, publicUser } from '../auth/sessions'
import type { AppContext } from '../context'
import { accountDisabled, ApiError, notFound, unauthorized } from '../errors'
import { requireUser, userOf } from '../plugins/auth'
import { DEMO_PASSWORD } from '../seed/generate-demo'

/** What the logout reply asks the browser to clear (see the logout route). */
export const CLEAR_SITE_DATA = { cache: '"cache"', storage: '"cache", "storage"' } as const
const LogoutQuery = z.object({ clear: z.enum(['cache', 'storage']).default('cache') })

/**
 * Login, logout, who-am-I, and the demo accounts for the login screen. Failed logins
 * are throttled per account and address in the database (auth/login-throttle.ts); the
 * plain request-rate limit below only caps floods (each login costs a scrypt run).
 */
export function authRoutes(ctx: AppContext, loginLimit: { max: number; timeWindow: number }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: { body: LoginRequest, response: { 200: LoginReply } },
        config: { rateLimit: loginLimit },
      },
      async (request, reply) => {
        const { password } = request.body
        const username = request.body.username.toLowerCase()
        const now = ctx.now()
        const wait = await throttleWait(ctx.store, username, request.ip, now, ctx.throttle)
        if (wait > 0) {
          const seconds = Math.ceil(wait / 1000)
          reply.header('retry-after', String(seconds))
          throw new ApiError(429, 'rate-limited', `登录失败次数过多，请 ${seconds} 秒后再试`)
        }
        const user = await ctx.store.findUserByUsername(username)
        // Verify against a dummy hash for unknown users so timing does not reveal names.
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
        if (!user || !ok || user.disabled) {
          if (!ok) await recordFailure(ctx.store, username, request.ip, now, ctx.throttle)
          await ctx.store.audit({ userId: user?.id ?? null, action: 'login-failed', detail: { username, ip: request.ip } })
          // Only the right password learns that the account is disabled.
          throw user?.disabled && ok ? accountDisabled() : unauthorized('wrong username or password')
        }
        await recordSuccess(ctx.store, username, request.ip, now)
        const session = await createSession(ctx.store, user.id, now, ctx.sessions)
        await ctx.store.audit({ userId: user.id, action: 'login', detail: { ip: request.ip } })
        return { token: session.token, user: await publicUser(ctx.store, user), expiresAt: new Date(session.expiresAt).toISOString() }
      },
    )

    app.post(
      '/api/auth/logout',
      {
        preHandler: requireUser(ctx, undefined, { allowDisabled: true }),
        schema: { querystring: LogoutQuery, response: { 200: z.object({ ok: z.literal(true) }) } },
      },
      async (request, reply) => {
        if (request.tokenHash) await ctx.store.deleteSession(request.tokenHash)
        await ctx.store.audit({ userId: userOf(request).id, action: 'logout', detail: {} })
        // The app deletes its database, data caches and session itself, and waits for it;
        // the browser's HTTP cache goes too. A deleted IndexedDB database still sits in
        // LevelDB's files on disk until the browser compacts them: only "storage" removes
        // those files. The app asks for it (?clear=storage) when no other user's database
        // is on the phone (it would take hers too), and then installs its service worker
        // again, which "storage" removes with the app shell. Only a signed-in request can
        // ask for it, so no other site can wipe a phone's unsent work by a forged form.
        void reply.header('clear-site-data', CLEAR_SITE_DATA[request.query.clear])
        return { ok: true as const }
      },
    )

    app.get('/api/auth/me', { preHandler: requireUser(ctx), schema: { response: { 200: PublicUser } } }, async (request) =>
      publicUser(ctx.store, userOf(request)),
    )

    app.get('/api/auth/demo-accounts', { schema: { response: { 200: DemoAccountsReply } } }, async () => {
      if (!ctx.demo) throw notFound('not in demo mode')
      const users = await ctx.store.listUsers(null)
      const accounts = users
        .filter((u) => u.username.startsWith('demo-') && !u.disabled)
        .map((u) => ({ username: u.username, displayName: u.displayName, role: u.role }))
      return { password: DEMO_PASSWORD, accounts }
    })
  }
}
