import { getMeta } from '@/db/meta-repository'
import { PullReply, SCHEMA_VERSION, type Cursors } from '@/shared'
import { countPending, hasPendingIn } from './outbox-ack-repository'
import { uploadPhotos } from './photos'
import { applyPullPage, dropGrids, settlePulledHouseholds } from './pull-repository'
import type { PushResult } from './push'
import type { EngineContext, StepResult } from './sync-types'

/**
 * Pull: asks for the changes after each grid's cursor, page by page, until the server
 * says there is no more. Each page is stored atomically with its cursors, so an
 * interrupted pull resumes where it stopped. When the pull ends, however it ends, the
 * households its pages touched get their derived columns recomputed once. A lost grid
 * is dropped only after the device's pending changes to it were pushed (and answered),
 * never before.
 */

/** A pull of a whole community is a few hundred pages at most; this only stops a loop. */
const MAX_PAGES = 10_000

export type PullResult = StepResult<{ pulled: number }>

export async function pullAll(ctx: EngineContext, push: () => Promise<PushResult>): Promise<PullResult> {
  try {
    return await pullPages(ctx, push)
  } finally {
    await settlePulledHouseholds(ctx.db)
  }
}

async function pullPages(ctx: EngineContext, push: () => Promise<PushResult>): Promise<PullResult> {
  const { db } = ctx
  let pulled = 0
  // The outbox after this run's push: the upload watermark the admin's console shows.
  const pending = await countPending(db)
  const request = (cursors: Cursors) =>
    ctx.http.postJson('/api/sync/pull', { clientId: ctx.clientId, schemaVersion: SCHEMA_VERSION, cursors, pending }, PullReply)
  let next = request((await getMeta(db, 'cursors')) ?? {})
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await next
    if (!res.ok) return res
    const reply = res.body
    // The next page is asked for while this one is stored, with the cursors this page
    // will store, so the network and the server work while IndexedDB writes (a first
    // sync is page after page). Not across lost grids, whose cursors are dropped. If
    // storing fails, the prefetched reply is never applied.
    const prefetched = reply.hasMore && reply.gridsLost.length === 0
    if (prefetched) next = request({ ...((await getMeta(db, 'cursors')) ?? {}), ...reply.cursors })
    if (reply.gridsLost.length > 0) {
      if (await hasPendingIn(db, reply.gridsLost)) {
        const pushed = await push()
        if (!pushed.ok) return pushed
        // Still pending (the server skipped them): keep the grid and try next run.
        if (await hasPendingIn(db, reply.gridsLost)) return { ok: true, pulled }
      }
      // Photos waiting for upload go up first too: a visit already on the server names them.
      const photos = await uploadPhotos(ctx)
      if (!photos.ok) return photos
      await dropGrids(db, reply.gridsLost)
    }
    await applyPullPage(db, reply, ctx.now())
    pulled += reply.changes.length
    ctx.progress({ phase: 'pull', done: pulled, total: null })
    if (!reply.hasMore) return { ok: true, pulled }
    if (!prefetched) next = request((await getMeta(db, 'cursors')) ?? {})
  }
  return { ok: true, pulled }
}
