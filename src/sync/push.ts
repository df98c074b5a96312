import { MAX_PUSH_MUTATIONS, PushReply, SCHEMA_VERSION } from '@/shared'
import { advanceClock } from './clock-repository'
import { encodeJson, type EncodedJson } from './http'
import { applyPushResults, markAttempt, nextPushBatch } from './outbox-ack-repository'
import type { OutboxRow } from '@/db/db'
import { getMeta } from '@/db/meta-repository'
import type { EngineContext, StepResult } from './sync-types'

/**
 * Push: sends the outbox in seq order, in batches, until it is empty or the server stops
 * making progress. A failed request leaves every row pending (the server skips what it
 * already processed when the batch is sent again, so retrying never doubles an effect).
 *
 * While one batch is on the wire the next one is read and compressed (a phone's CPU and
 * IndexedDB work while the radio does), from the rows after the batch in flight. It is
 * sent as soon as the server answered every row of the batch before it, before those
 * answers are stored; otherwise the outbox is read again from its first pending row, so
 * nothing is sent past a gap.
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
    const pending = await db.outbox.count()
    // Always sent, empty too: a phone that names no loss of a grid has not heard of one.
    const heard = Object.entries((await getMeta(db, 'heardLosses')) ?? {}).map(([gridId, h]) => [gridId, h.seq])
    const text = `{"clientId":${JSON.stringify(ctx.clientId)},"schemaVersion":${SCHEMA_VERSION},"pending":${pending},"heard":${JSON.stringify(Object.fromEntries(heard))},"mutations":${mutationsJson}}`
    return { rows, body: await encodeJson(text) }
  }
  const send = ({ body }: Prepared) => (body ? ctx.http.postEncoded('/api/sync/push', body, PushReply) : null)
  let current = await prepare()
  let reply = send(current)
  while (reply) {
    const { rows } = current
    const ahead = prepare(rows.at(-1)!.seq)
    // Dropped unawaited when this run ends early; its failure then matters to no one.
    ahead.catch(() => undefined)
    const res = await reply
    if (!res.ok) {
      await markAttempt(db, rows)
      return res
    }
    // Every row answered: the batch read ahead goes out at once, and this reply is
    // stored while it is on the wire (a crash in between only means duplicates later).
    let next: Prepared | null = null
    let nextReply: ReturnType<typeof send> = null
    if (answersEvery(rows, res.body.results)) {
      next = await ahead
      nextReply = send(next)
    }
    const summary = await applyPushResults(db, rows, res.body.results, new Date(ctx.now()).toISOString())
    await db.transaction('rw', db.meta, () => advanceClock(db, res.body.serverHlc, ctx.now()))
    pushed += summary.acked
    rejected += summary.rejected
    ctx.progress({ phase: 'push', done: pushed + rejected, total })
    // Nothing answered (all skipped behind a gap): sending the same batch again now
    // would loop; the rows stay pending and the next run tries again.
    if (summary.acked + summary.rejected === 0) return { ok: true, pushed, rejected, stalled: true }
    // Some rows still pending: the batch read ahead starts after them, and the server
    // would only skip it. Start again from the first pending row.
    if (!next) {
      next = await prepare()
      nextReply = send(next)
    }
    current = next
    reply = nextReply
  }
  return { ok: true, pushed, rejected, stalled: false }
}

/** Whether a reply answers every row of the batch with something other than `skipped`. */
function answersEvery(rows: OutboxRow[], results: PushReply['results']): boolean {
  const answered = new Set(results.filter((r) => r.status !== 'skipped').map((r) => r.mutationId))
  return rows.every((row) => answered.has(row.mutation.mutationId))
}
