import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/sessions'
import { createServerClock, type AppContext } from './context'
import { registerAuth } from './plugins/auth'
import { registerErrorHandler } from './plugins/error-handler'
import { registerSecurity } from './plugins/security'
import { registerStaticFiles } from './plugins/static-files'
import { adminRoutes } from './routes/admin-routes'
import { authRoutes } from './routes/auth-routes'
import { conflictRoutes } from './routes/conflict-routes'
import { consoleRoutes } from './routes/console-routes'
import { healthRoutes } from './routes/health-routes'
import { photoRoutes } from './routes/photo-routes'
import { rosterRoutes } from './routes/roster-routes'
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
  /** Login attempts allowed per client address and window. */
  loginRateLimit?: { max: number; timeWindow: number }
}

/** Builds the sync server: plugins first, then routes, explicitly and in order. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now
  const ctx: AppContext = {
    store: options.store,
    demo: options.demo ?? false,
    now,
    sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
    serverHlc: createServerClock(now),
  }
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  // plugins
  registerErrorHandler(app)
  registerAuth(app)
  await registerSecurity(app, { maxBodyBytes: PUSH_BODY_LIMIT })
  await registerStaticFiles(app, options.staticDir ?? null)

  // routes
  await app.register(healthRoutes(ctx))
  await app.register(authRoutes(ctx, options.loginRateLimit ?? { max: 10, timeWindow: 60_000 }))
  await app.register(syncRoutes(ctx))
  await app.register(photoRoutes(ctx))
  await app.register(adminRoutes(ctx))
  await app.register(consoleRoutes(ctx))
  await app.register(rosterRoutes(ctx))
  await app.register(conflictRoutes(ctx))
  await app.register(supervisorRoutes(ctx))
  return app
}
