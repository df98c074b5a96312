import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthReply, MIN_SCHEMA_VERSION, SCHEMA_VERSION } from '../../src/shared'
import type { AppContext } from '../context'

/** GET /api/health: liveness plus what the app needs to know before logging in. */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', { schema: { response: { 200: HealthReply } } }, async () => ({
      ok: true as const,
      demo: ctx.demo,
      schemaVersion: SCHEMA_VERSION,
      minSchemaVersion: MIN_SCHEMA_VERSION,
    }))
  }
}
