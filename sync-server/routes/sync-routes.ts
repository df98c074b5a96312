import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { MIN_SCHEMA_VERSION, PullRequest, PushReply, PushRequest } from '../../src/shared'
import type { AppContext } from '../context'
import { upgradeRequired } from '../errors'
import { requireUser, userOf } from '../plugins/auth'
import { checkedSerializer } from '../plugins/checked-serializer'
import { pullChanges, pullReplyJson } from '../sync/pull-service'
import { pushMutations } from '../sync/push-service'

/**
 * A device sends about 1 MB of JSON per request at most (a million characters: up to
 * 3 MB of UTF-8 when the text is Chinese); gzip bodies count decompressed.
 */
export const PUSH_BODY_LIMIT = 10 * 1024 * 1024

/** A push reply is ~85 bytes per mutation, more with rejection messages. */
const PUSH_REPLY_SYNC_GZIP = 256 * 1024

/** POST /api/sync/push and /api/sync/pull (docs/sync.md, "Protocol"). */
export function syncRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Before body validation: an old app must hear "update" (426), not "bad request".
    app.addHook('preValidation', async (request) => {
      const version = (request.body as { schemaVersion?: unknown } | null)?.schemaVersion
      if (typeof version === 'number' && version < MIN_SCHEMA_VERSION) throw upgradeRequired()
    })
    app.post(
      '/api/sync/push',
      {
        // A disabled account still uploads what it made before (apply-guards.ts).
        preHandler: requireUser(ctx, undefined, { allowDisabled: true }),
        bodyLimit: PUSH_BODY_LIMIT,
        schema: { body: PushRequest, response: { 200: PushReply } },
        // A reply per mutation: checked by parsing, not zod's twice-as-slow encoding.
        serializerCompiler: checkedSerializer,
        // Compressed in one call (~1.5 ms for 1,000 results) rather than streamed through
        // the thread pool: the handler holds the event loop far longer than that anyway.
        compress: { syncThreshold: PUSH_REPLY_SYNC_GZIP },
      },
      async (request) => {
        const reply = await pushMutations(ctx.store, userOf(request), request.body, ctx.now())
        const applied = new Set(reply.results.filter((r) => r.status === 'applied' || r.status === 'merged').map((r) => r.mutationId))
        const accepted = request.body.mutations.filter((m) => applied.has(m.mutationId)).map((m) => m.hlc)
        return { ...reply, serverHlc: ctx.serverHlc(accepted) }
      },
    )

    app.post(
      '/api/sync/pull',
      {
        preHandler: requireUser(ctx),
        // No reply schema: the reply (a `PullReply`) is written by `pullReplyJson`, with
        // the records spliced in as stored; it checks everything else.
        schema: { body: PullRequest },
      },
      async (request, reply) => {
        const page = await pullChanges(ctx.store, userOf(request), request.body)
        return reply.type('application/json; charset=utf-8').send(pullReplyJson(page, ctx.serverHlc()))
      },
    )
  }
}
