import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Community, Id } from '../../src/shared'
import { canReview } from '../../src/shared/rules'
import type { AppContext } from '../context'
import { notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'

/**
 * The supervisor workspace's own endpoints:
 * - `GET /api/supervisor/community`: her community (its name heads the reports);
 * - `POST /api/conflicts/:id/resolve {choice}`: closes a conflict of the inbox. The
 *   chosen value itself travels as an ordinary `*.put` mutation (a new HLC, so it wins);
 *   this only records that the conflict was looked at and settled, and audits it.
 * A conflict of another community answers 404, exactly like one that does not exist,
 * so its existence does not leak.
 */
const Params = z.object({ id: Id })
const ResolveBody = z.object({ choice: z.enum(['winner', 'loser']) })
const ResolveReply = z.object({ id: Id, resolvedAt: z.string() })

export function supervisorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { store } = ctx
  const reviewers = requireUser(ctx, ['supervisor', 'admin'])
  return async (app) => {
    app.get('/api/supervisor/community', { preHandler: reviewers, schema: { response: { 200: Community } } }, async (request) => {
      const user = userOf(request)
      const community = user.communityId ? await store.getCommunity(user.communityId) : null
      if (!community) throw notFound('this account has no community')
      return community
    })

    app.post(
      '/api/conflicts/:id/resolve',
      { preHandler: reviewers, schema: { params: Params, body: ResolveBody, response: { 200: ResolveReply } } },
      async (request) => {
        const user = userOf(request)
        const conflict = await store.getConflict(request.params.id)
        const grid = conflict ? await store.getGrid(conflict.gridId) : null
        if (!conflict || !grid || !canReview(user, grid)) throw notFound('no such conflict')
        const at = conflict.resolvedAt ?? new Date(ctx.now()).toISOString()
        await store.transaction(async (tx) => {
          await tx.resolveConflict(conflict.id, at)
          await tx.audit({ userId: user.id, action: 'conflict-resolve', detail: { conflictId: conflict.id, choice: request.body.choice, recordId: conflict.recordId, field: conflict.field } })
        })
        return { id: conflict.id, resolvedAt: at }
      },
    )
  }
}
