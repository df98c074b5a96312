import { MAX_PUSH_MUTATIONS, PushReply, SCHEMA_VERSION } from '@/shared'
import { advanceClock } from './clock-repository'
import { encodeJson, type EncodedJson } from './http'
import { applyPushResults, markAttempt, nextPushBatch } from './outbox-ack-repository'
import type { OutboxRow } from '@/db/db'
import type { EngineContext, StepResult } from './sync-types'

/**
 * Push: sends the outbox in seq order, in batches, until it is empty or the server stops
 * making progress. A failed request leaves every row pending (the server skips what it
 * already processed when the batch is sent again, so retrying never doubles an effect).
 *
 * While one batch is on the wire the next one is read and compressed (a phone's CPU and
 * IndexedDB work while the radio does), from the rows after the batch in flight. It is
 * only sent once the server answered every row of the batch before it; otherwise the
 * outbox is read again from its first pending row, so nothing is sent past a gap.
 */

/**
 * Like a pull page, at most about 1 MB of JSON before gzip (counted in characters: ≤ 3 MB
 * of UTF-8 even for all-Chinese text), far under the server's 10 MB body limit.
 */
const MAX_PUSH_CHARS = 1024 * 1024

export type PushResult = StepResult<{ pushed: number; rejected: number; stalled: boolean }>

interface Prepared {
  rows: OutboxRow[]
  body: EncodedJson | null
}

export async function pushAll(ctx: EngineContext): Promise<PushResult> {
  const { db } = ctx
  let pushed = 0
  let rejected = 0
  const total = await db.outbox.count()
  const prepare = async (afterSeq?: number): Promise<Prepared> => {
    const { rows, mutationsJson } = await nextPushBatch(db, MAX_PUSH_MUTATIONS, MAX_PUSH_CHARS, afterSeq)
    if (rows.length === 0) return { rows, body: null }
    const text = `{"clientId":${JSON.stringify(ctx.clientId)},"schemaVersion":${SCHEMA_VERSION},"mutations":${mutationsJson}}`
    return { rows, body: await encodeJson(text) }
  }
  let next = prepare()
  for (;;) {
    const { rows, body } = await next
    if (!body) return { ok: true, pushed, rejected, stalled: false }
    const sending = ctx.http.postEncoded('/api/sync/push', body, PushReply)
    next = prepare(rows.at(-1)!.seq)
    // Dropped unawaited when this run ends early; its failure then matters to no one.
    next.catch(() => undefined)
    const res = await sending
    if (!res.ok) {
      await markAttempt(db, rows)
      return res
    }
    const summary = await applyPushResults(db, rows, res.body.results, new Date(ctx.now()).toISOString())
    await db.transaction('rw', db.meta, () => advanceClock(db, res.body.serverHlc, ctx.now()))
    pushed += summary.acked
    rejected += summary.rejected
    ctx.progress({ phase: 'push', done: pushed + rejected, total })
    const answered = summary.acked + summary.rejected
    // Nothing answered (all skipped behind a gap): sending the same batch again now
    // would loop; the rows stay pending and the next run tries again.
    if (answered === 0) return { ok: true, pushed, rejected, stalled: true }
    // Some rows still pending: the batch read ahead starts after them, and the server
    // would only skip it. Start again from the first pending row.
    if (answered < rows.length) next = prepare()
  }
}
