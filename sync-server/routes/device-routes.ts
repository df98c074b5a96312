import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context'
import { requireUser } from '../plugins/auth'
import { CLEAR_SITE_DATA } from './auth-routes'

/**
 * `POST /api/device/clear-site-data`: has the browser delete the site's storage files
 * (Clear-Site-Data "storage"). A phone that logged out with no signal deleted its user's
 * database, but the bytes stay in the browser's files until it compacts them; the app
 * calls this at the next sign-in, before it stores anything, when no other user's
 * database is on the phone. Signed-in only: no other site can wipe a phone's unsent work.
 */
export function deviceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/device/clear-site-data',
      { preHandler: requireUser(ctx), schema: { response: { 200: z.object({ ok: z.literal(true) }) } } },
      async (_request, reply) => {
        void reply.header('clear-site-data', CLEAR_SITE_DATA.storage)
        return { ok: true as const }
      },
    )
  }
}
