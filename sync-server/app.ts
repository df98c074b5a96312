import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './auth/login-throttle'
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/sessions'
import { createServerClock, type AppContext } from './context'
import { auditRoutes } from './audit/audit-routes'
import { registerAuth } from './plugins/auth'
import { registerErrorHandler } from './plugins/error-handler'
import { registerSecurity } from './plugins/security'
import { registerStaticFiles } from './plugins/static-files'
import { adminRoutes } from './routes/admin-routes'
import { authRoutes } from './routes/auth-routes'
import { conflictRoutes } from './routes/conflict-routes'
import { healthRoutes } from './routes/health-routes'
import { passwordRoutes } from './routes/password-routes'
import { photoRoutes } from './routes/photo-routes'
import { revealRoutes } from './routes/reveal-routes'
import { deviceRoutes } from './routes/device-routes'
import { PUSH_BODY_LIMIT, syncRoutes } from './routes/sync-routes'
import { supervisorRoutes } from './supervisor/supervisor-routes'
import type { Store } from './storage/store'

export interface AppOptions {
  /** An opened, migrated store. The app does not close it. */
  store: Store
  /** Demo mode: the login screen lists the demo accounts. Default false. */
  demo?: boolean
  /** Directory of the built PWA (dist/); null or missing index.html: API only. */
  staticDir?: string | null
  /** Fastify logger; false in tests. */
  logger?: boolean | { level: string }
  /** Wall clock (tests move it to expire sessions). */
  now?: () => number
  sessions?: SessionPolicy
  /** Login requests allowed per client address and window: a flood cap, not the guess limit. */
  loginRateLimit?: { max: number; timeWindow: number }
  /** Failed-login backoff per account and address (auth/login-throttle.ts). */
  throttle?: Partial<ThrottlePolicy>
  /**
   * Fastify `trustProxy`: behind a reverse proxy, true (or the proxy's addresses/CIDRs as
   * a comma-separated list) makes `request.ip` the client's address from X-Forwarded-For, so the login
   * throttle and the audit see phones, not the proxy. Default false: never trust the header.
   */
  trustProxy?: boolean | string
  /** Send Strict-Transport-Security (only when the site is served over HTTPS). Default false. */
  hsts?: boolean
}

/** Builds the sync server: plugins first, then routes, explicitly and in order. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now
  const ctx: AppContext = {
    store: options.store,
    demo: options.demo ?? false,
    now,
    sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
    throttle: { ...DEFAULT_THROTTLE, ...options.throttle },
    serverHlc: createServerClock(now),
  }
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: options.trustProxy ?? false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  // plugins
  registerErrorHandler(app)
  registerAuth(app)
  await registerSecurity(app, { maxBodyBytes: PUSH_BODY_LIMIT, hsts: options.hsts ?? false })
  await registerStaticFiles(app, options.staticDir ?? null)

  // routes
  await app.register(healthRoutes(ctx))
  await app.register(authRoutes(ctx, options.loginRateLimit ?? { max: 300, timeWindow: 60_000 }))
  await app.register(passwordRoutes(ctx))
  await app.register(syncRoutes(ctx))
  await app.register(photoRoutes(ctx))
  await app.register(adminRoutes(ctx))
  await app.register(conflictRoutes(ctx))
  await app.register(revealRoutes(ctx))
  await app.register(deviceRoutes(ctx))
  await app.register(supervisorRoutes(ctx))
  await app.register(auditRoutes(ctx))
  return app
}
