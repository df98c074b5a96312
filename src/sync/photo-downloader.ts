import type { PhotoRef } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { createHttp } from './http'
import { downloadPhotos, fetchPhotoNow, type DownloadContext, type DownloadResult, type FetchNowResult } from './photo-download'

/**
 * The download queue as the app runs it: one pass at a time (across tabs through its own
 * Web Lock, never the record sync's), stoppable on sign-out, and asking again for a
 * photo the server did not have only after a while (the phone that took it may not
 * have uploaded it yet).
 */

export interface PhotoDownloaderOptions {
  db: GridSisterDb
  /** '' in the browser (same origin); a full origin in tests. */
  baseUrl: string
  fetch?: typeof fetch
  getToken: () => string | null
  now?: () => number
  /** Web Locks; null disables cross-tab locking. Defaults to `navigator.locks`. */
  locks?: LockManager | null
}

/** How a pass ended; `busy` when another tab is downloading. */
export type DownloadOutcome = DownloadResult | { ok: true; state: 'busy'; downloaded: 0; evicted: 0 }

export interface PhotoDownloader {
  /** One pass of the queue; a call during a pass gets that pass's outcome. */
  run(): Promise<DownloadOutcome>
  /** Fetches one photo now (on screen, not on the phone, online). */
  fetchNow(ref: PhotoRef, gridId: string): Promise<FetchNowResult>
  /** Ends the current pass after the photo in flight; later calls do nothing. */
  stop(): void
}

export const PHOTO_LOCK_NAME = 'gridsister-photos'
/** How long a photo the server did not have is not asked for again. */
export const MISS_RETRY_MS = 30 * 60_000

export function createPhotoDownloader(options: PhotoDownloaderOptions): PhotoDownloader {
  const now = options.now ?? Date.now
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    getToken: options.getToken,
  })
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks
  const misses = new Map<string, number>()
  let stopped = false
  let running: Promise<DownloadOutcome> | null = null

  const ctx: DownloadContext = {
    db: options.db,
    http,
    now,
    shouldStop: () => stopped,
    skip: (sha256) => (misses.get(sha256) ?? -Infinity) > now() - MISS_RETRY_MS,
    onMissing: (sha256) => misses.set(sha256, now()),
  }
  const busy: DownloadOutcome = { ok: true, state: 'busy', downloaded: 0, evicted: 0 }
  const pass = (): Promise<DownloadOutcome> => {
    if (stopped) return Promise.resolve({ ok: true, state: 'stopped', downloaded: 0, evicted: 0 })
    if (!locks) return downloadPhotos(ctx)
    return locks.request(PHOTO_LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? downloadPhotos(ctx) : busy))
  }

  return {
    run() {
      running ??= pass().finally(() => {
        running = null
      })
      return running
    },
    fetchNow: (ref, gridId) => (stopped ? Promise.resolve('failed' as const) : fetchPhotoNow(ctx, ref, gridId)),
    stop() {
      stopped = true
    },
  }
}
