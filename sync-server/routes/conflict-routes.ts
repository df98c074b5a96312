import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Conflict } from '../../src/shared'
import type { AppContext } from '../context'
import { requireUser, userOf } from '../plugins/auth'

/** GET /api/conflicts: the conflict inbox of the supervisor's community (docs/sync.md, guarantee 7). */
export function conflictRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/conflicts',
      { preHandler: requireUser(ctx, ['supervisor', 'admin']), schema: { response: { 200: z.array(Conflict) } } },
      async (request) => {
        const user = userOf(request)
        // A supervisor without a community sees nothing rather than everything.
        if (user.role === 'supervisor' && !user.communityId) return []
        return ctx.store.listConflicts(user.communityId)
      },
    )
  }
}
