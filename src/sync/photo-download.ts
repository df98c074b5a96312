import type { PhotoRef } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { getPhotoBudget, photoWants, storeDownloadedPhoto, type PhotoWant } from '@/db/photo-budget-repository'
import { evictPhotos, isQuotaError, sha256Hex, storedPhotos, type StoredPhoto } from '@/db/photos-repository'
import type { Http, HttpFailure } from './http'

/**
 * The photo download queue: the photos this phone's records name come down in the
 * background, on their own queue after the records, so a second phone, the new owner
 * of a grid and the supervisor can see them with no signal.
 *
 * Guarantees:
 * - It never holds the record sync's lock or writes a record: a slow or failing photo
 *   cannot delay or block a record going up or coming down.
 * - The phone's photos stay within the budget: the recent months' photos of open wishes
 *   and key households are fetched first, then other recent ones (see `photoWants`);
 *   older ones only when viewed. To make room, photos the server holds are evicted, least
 *   recently used first, and never one of those the plan keeps; a photo not yet uploaded
 *   is never evicted (it may exceed the budget on its own).
 * - A full disk (QuotaExceededError) stops the pass and frees some room; it is reported,
 *   never thrown, so record saves and syncs go on.
 * - A downloaded photo is stored only when its bytes hash to its name.
 */

/** How far back the queue fetches photos before anyone asks for them. */
export const RECENT_DAYS = 92
/** Room freed, as a share of the photos held, when the disk is full. */
const QUOTA_RELIEF = 0.1

export type DownloadState = 'done' | 'quota' | 'stopped'

export type DownloadResult =
  | { ok: true; state: DownloadState; downloaded: number; evicted: number }
  | { ok: false; failure: HttpFailure; downloaded: number; evicted: number }

export interface DownloadContext {
  db: GridSisterDb
  http: Http
  now: () => number
  /** True when the pass should end early (the user signed out, the app closed). */
  shouldStop?: () => boolean
  /** Photos not to ask for in this pass (the server had none of them lately). */
  skip?: (sha256: string) => boolean
  /** Called when the server has no photo for us (not uploaded yet, or not granted). */
  onMissing?: (sha256: string) => void
}

export interface DownloadPlan {
  /** What to fetch, in order. */
  fetch: PhotoWant[]
  /** What may be evicted to make room, in order. */
  evictable: StoredPhoto[]
}

/**
 * Which wanted photos the budget can hold (in the wants' order, skipping one too big for
 * what is left), which of them to fetch, and which stored photos are not kept.
 */
export function planDownloads(wants: PhotoWant[], stored: StoredPhoto[], budget: number): DownloadPlan {
  const have = new Map(stored.map((s) => [s.sha256, s]))
  let room = budget - stored.reduce((n, s) => n + (s.uploaded === 0 ? s.size : 0), 0)
  const keep = new Set<string>()
  const fetch: PhotoWant[] = []
  for (const want of wants) {
    const held = have.get(want.ref.sha256)
    if (held?.uploaded === 0) continue
    const size = held?.size ?? want.ref.size
    if (size > room) continue
    room -= size
    keep.add(want.ref.sha256)
    if (!held) fetch.push(want)
  }
  return { fetch, evictable: stored.filter((s) => s.uploaded === 1 && !keep.has(s.sha256)) }
}

/** Evicts from `evictable` (in order) until `extra` more bytes fit; returns the bytes held after. */
async function makeRoom(db: GridSisterDb, held: number, extra: number, budget: number, evictable: StoredPhoto[]): Promise<number> {
  const out: string[] = []
  while (held + extra > budget && evictable.length > 0) {
    const next = evictable.shift()!
    out.push(next.sha256)
    held -= next.size
  }
  await evictPhotos(db, out)
  return held
}

type Fetched = { ok: true; blob: Blob | null } | { ok: false; failure: HttpFailure }

/** One photo from the server: null when it has none for us or the bytes are not the ones named. */
async function fetchPhoto(ctx: DownloadContext, sha256: string): Promise<Fetched> {
  const res = await ctx.http.getBlob(`/api/photos/${sha256}`)
  if (!res.ok) {
    if (res.failure.kind !== 'refused') return res
    ctx.onMissing?.(sha256)
    return { ok: true, blob: null }
  }
  return { ok: true, blob: (await sha256Hex(res.body)) === sha256 ? res.body : null }
}

/** One pass of the queue: fetch what the plan keeps, within the budget, then trim to it. */
export async function downloadPhotos(ctx: DownloadContext): Promise<DownloadResult> {
  const { db } = ctx
  const since = new Date(ctx.now() - RECENT_DAYS * 86_400_000).toISOString()
  const [wants, stored, budget] = await Promise.all([photoWants(db, since), storedPhotos(db), getPhotoBudget(db)])
  const plan = planDownloads(wants, stored, budget)
  const count = { downloaded: 0, evicted: 0 }
  let held = stored.reduce((n, s) => n + s.size, 0)
  const evict = async (extra: number, limit = budget) => {
    const before = plan.evictable.length
    held = await makeRoom(db, held, extra, limit, plan.evictable)
    count.evicted += before - plan.evictable.length
  }
  for (const want of plan.fetch) {
    if (ctx.shouldStop?.()) return { ok: true, state: 'stopped', ...count }
    if (ctx.skip?.(want.ref.sha256)) continue
    await evict(want.ref.size)
    const got = await fetchPhoto(ctx, want.ref.sha256)
    if (!got.ok) return { ...got, ...count }
    if (!got.blob) continue
    try {
      if (!(await storeDownloadedPhoto(db, want.ref, want.gridId, got.blob, ctx.now()))) continue
    } catch (e) {
      if (!isQuotaError(e)) throw e
      await evict(0, Math.floor(held * (1 - QUOTA_RELIEF)))
      return { ok: true, state: 'quota', ...count }
    }
    held += got.blob.size
    count.downloaded += 1
  }
  await evict(0)
  return { ok: true, state: 'done', ...count }
}

export type FetchNowResult = 'stored' | 'missing' | 'quota' | 'failed'

/**
 * Fetches one photo now, because it is on screen and not on the phone (an older photo
 * the queue leaves for when it is viewed), and stores it like a downloaded one, making
 * room by evicting the least recently used photos the server holds.
 */
export async function fetchPhotoNow(ctx: DownloadContext, ref: PhotoRef, gridId: string): Promise<FetchNowResult> {
  const got = await fetchPhoto(ctx, ref.sha256)
  if (!got.ok) return 'failed'
  if (!got.blob) return 'missing'
  const [stored, budget] = await Promise.all([storedPhotos(ctx.db), getPhotoBudget(ctx.db)])
  const held = stored.reduce((n, s) => n + s.size, 0)
  await makeRoom(ctx.db, held, got.blob.size, budget, stored.filter((s) => s.uploaded === 1))
  try {
    return (await storeDownloadedPhoto(ctx.db, ref, gridId, got.blob, ctx.now())) ? 'stored' : 'missing'
  } catch (e) {
    if (isQuotaError(e)) return 'quota'
    throw e
  }
}
