import { getMeta, setMeta, type FirstSyncProgress } from '@/db/meta-repository'
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
 *
 * The first sync of a device is counted: each page stores how many records it holds so
 * far and the total the server announced, and the first sync is marked complete only
 * once every page is stored and the households are settled, so the screens never read
 * half-downloaded data as if it were the whole (Today waits for it).
 */

/** A pull of a whole community is a few hundred pages at most; this only stops a loop. */
const MAX_PAGES = 10_000

export type PullResult = StepResult<{ pulled: number }>
type PagesResult = StepResult<{ pulled: number; complete: boolean }>

export async function pullAll(ctx: EngineContext, push: () => Promise<PushResult>): Promise<PullResult> {
  let result: PagesResult
  try {
    result = await pullPages(ctx, push, await firstSyncOf(ctx))
  } finally {
    await settlePulledHouseholds(ctx.db)
  }
  if (!result.ok) return result
  const first = await getMeta(ctx.db, 'firstSync')
  if (result.complete && first && !first.complete) await setMeta(ctx.db, 'firstSync', { ...first, complete: true })
  return { ok: true, pulled: result.pulled }
}

/** The first sync's progress so far, or null when the device has had its first sync. */
async function firstSyncOf(ctx: EngineContext): Promise<FirstSyncProgress | null> {
  const [first, lastSyncAt] = await Promise.all([getMeta(ctx.db, 'firstSync'), getMeta(ctx.db, 'lastSyncAt')])
  if (first) return first.complete ? null : first
  return lastSyncAt ? null : { done: 0, total: null, complete: false }
}

/** The first sync's progress after a page (the server's count when it sent one). */
function countPage(first: FirstSyncProgress, reply: PullReply): FirstSyncProgress {
  const done = first.done + reply.changes.length
  return { done, total: reply.remaining === undefined ? first.total : done + reply.remaining, complete: false }
}

async function pullPages(ctx: EngineContext, push: () => Promise<PushResult>, firstAtStart: FirstSyncProgress | null): Promise<PagesResult> {
  const { db } = ctx
  let first = firstAtStart
  let pulled = 0
  // With the highest seq handed out so far: if this pull says a grid was lost, the server
  // takes what the device made before (lower seqs) and refuses what it makes after.
  // And the outbox after this run's push: the upload watermark the admin's console shows.
  const pending = await countPending(db)
  // The community's settings travel with the first page after they change (pull-service.ts).
  const request = async (cursors: Cursors, communityCursor?: number) => {
    const outboxSeq = ((await getMeta(db, 'nextSeq')) ?? 1) - 1
    const community = communityCursor ?? (await getMeta(db, 'communityCursor')) ?? 0
    const body = { clientId: ctx.clientId, schemaVersion: SCHEMA_VERSION, cursors, outboxSeq, pending, communityCursor: community }
    return ctx.http.postJson('/api/sync/pull', body, PullReply)
  }
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
    if (prefetched) next = request({ ...((await getMeta(db, 'cursors')) ?? {}), ...reply.cursors }, reply.communityCursor)
    if (reply.gridsLost.length > 0) {
      if (await hasPendingIn(db, reply.gridsLost)) {
        const pushed = await push()
        if (!pushed.ok) return pushed
        // Still pending (the server skipped them): keep the grid and try next run.
        if (await hasPendingIn(db, reply.gridsLost)) return { ok: true, pulled, complete: false }
      }
      // Photos waiting for upload go up first too: a visit already on the server names them.
      const photos = await uploadPhotos(ctx)
      if (!photos.ok) return photos
      await dropGrids(db, reply.gridsLost)
    }
    first = first && countPage(first, reply)
    await applyPullPage(db, reply, ctx.now(), first ?? undefined)
    pulled += reply.changes.length
    const total = reply.remaining === undefined ? null : pulled + reply.remaining
    ctx.progress(first ? { phase: 'pull', done: first.done, total: first.total } : { phase: 'pull', done: pulled, total })
    if (!reply.hasMore) return { ok: true, pulled, complete: true }
    if (!prefetched) next = request((await getMeta(db, 'cursors')) ?? {})
  }
  return { ok: true, pulled, complete: false }
}
