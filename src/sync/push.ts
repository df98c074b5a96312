import { MAX_PUSH_MUTATIONS, PushReply, SCHEMA_VERSION } from '@/shared'
import { advanceClock } from './clock-repository'
import { applyPushResults, markAttempt, nextPushBatch } from './outbox-ack-repository'
import type { EngineContext, StepResult } from './sync-types'

/**
 * Push: sends the outbox in seq order, in batches, until it is empty or the server stops
 * making progress. A failed request leaves every row pending (the server skips what it
 * already processed when the batch is sent again, so retrying never doubles an effect).
 */

/**
 * Like a pull page, at most about 1 MB of JSON before gzip (counted in characters: ≤ 3 MB
 * of UTF-8 even for all-Chinese text), far under the server's 10 MB body limit.
 */
const MAX_PUSH_BYTES = 1024 * 1024

export type PushResult = StepResult<{ pushed: number; rejected: number; stalled: boolean }>

export async function pushAll(ctx: EngineContext): Promise<PushResult> {
  const { db } = ctx
  let pushed = 0
  let rejected = 0
  const total = await db.outbox.count()
  for (;;) {
    const batch = await nextPushBatch(db, MAX_PUSH_MUTATIONS, MAX_PUSH_BYTES)
    if (batch.length === 0) return { ok: true, pushed, rejected, stalled: false }
    const body = { clientId: ctx.clientId, schemaVersion: SCHEMA_VERSION, mutations: batch.map((r) => r.mutation) }
    const res = await ctx.http.postJson('/api/sync/push', body, PushReply)
    if (!res.ok) {
      await markAttempt(db, batch)
      return res
    }
    const summary = await applyPushResults(db, batch, res.body.results, new Date(ctx.now()).toISOString())
    await db.transaction('rw', db.meta, () => advanceClock(db, res.body.serverHlc, ctx.now()))
    pushed += summary.acked
    rejected += summary.rejected
    ctx.progress({ phase: 'push', done: pushed + rejected, total })
    // Nothing answered (all skipped behind a gap): sending the same batch again now
    // would loop; the rows stay pending and the next run tries again.
    if (summary.acked + summary.rejected === 0) return { ok: true, pushed, rejected, stalled: true }
  }
}
