import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Conflict, projectFieldValue } from '../../src/shared'
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
        // The two values of a conflict on a masked field reach her masked too.
        const conflicts = await ctx.store.listConflicts(user.communityId)
        return conflicts.map((c) => ({
          ...c,
          winnerValue: projectFieldValue(c.kind, c.field, c.winnerValue, user.role),
          loserValue: projectFieldValue(c.kind, c.field, c.loserValue, user.role),
        }))
      },
    )
  }
}
