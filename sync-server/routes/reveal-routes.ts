import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Id, receivesRecords, RevealReply, revealableFields } from '../../src/shared'
import { canRead } from '../../src/shared/rules'
import type { AppContext } from '../context'
import { forbidden, notFound } from '../errors'
import { requireUser, userOf } from '../plugins/auth'

/**
 * `POST /api/records/:kind/:id/reveal`: the full values of the fields a reviewer's pull
 * masks (field-catalogue.ts), for one record, online only, each call audited. A record
 * out of her reach answers 404 like one that does not exist; a role that may reveal
 * nothing of the kind answers 403.
 */
const Params = z.object({ kind: z.enum(['household', 'person']), id: Id })

export function revealRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/records/:kind/:id/reveal',
      { preHandler: requireUser(ctx), schema: { params: Params, response: { 200: RevealReply } } },
      async (request) => {
        const user = userOf(request)
        const { kind, id } = request.params
        const fields = revealableFields(kind, user.role)
        // An admin of no community receives no resident's record, and reveals none either.
        if (fields.length === 0 || !receivesRecords(user)) throw forbidden('your role has nothing to reveal here')
        const record = await ctx.store.getRecord(kind, id)
        const grid = record ? await ctx.store.getGrid(record.gridId) : null
        if (!record || !grid || !canRead(user, grid)) throw notFound('no such record')
        const data = record.data as Record<string, unknown>
        const revealed = Object.fromEntries(fields.map((f) => [f, typeof data[f] === 'string' ? data[f] : '']))
        await ctx.store.audit({ userId: user.id, action: 'reveal', detail: { kind, id, gridId: grid.id, fields } })
        return { fields: revealed }
      },
    )
  }
}
