import type { GridSisterDb } from '@/db/db'
import { setMeta } from '@/db/meta-repository'
import { ensureClientId } from '@/db/outbox-repository'
import { createBackoff, type BackoffOptions } from './backoff'
import { createHttp, type HttpFailure } from './http'
import { uploadPhotos } from './photos'
import { pullAll } from './pull'
import { pushAll } from './push'
import type { EngineContext, SyncOutcome, SyncProgress } from './sync-types'

/**
 * The device sync engine. One run: push the outbox, pull every grid until idle (dropping
 * lost grids after their pending changes went up), push again anything written during
 * the pull, then upload waiting photos. Only one run at a time: across tabs through the
 * Web Locks API (a second tab gets `busy`), within a tab by chaining a call made during
 * a run to one follow-up run. Transient failures return a backoff delay with jitter;
 * 401 and 426 keep the outbox untouched and say so. A disabled account's push still
 * goes up first (the server keeps what was made before the disable); its pull then
 * answers `account-disabled`, and the app wipes the phone.
 */

export type { SyncOutcome, SyncProgress } from './sync-types'

export interface SyncClientOptions {
  db: GridSisterDb
  /** '' in the browser (same origin); a full origin in tests. */
  baseUrl: string
  fetch?: typeof fetch
  getToken: () => string | null
  now?: () => number
  onProgress?: (p: SyncProgress) => void
  /** Web Locks; null disables cross-tab locking. Defaults to `navigator.locks`. */
  locks?: LockManager | null
  backoff?: BackoffOptions
}

export interface SyncClient {
  syncOnce(): Promise<SyncOutcome>
  /** Consecutive transient failures so far. */
  readonly failures: number
}

export const SYNC_LOCK_NAME = 'gridsister-sync'

const emptyOutcome = (): SyncOutcome => ({
  state: 'idle',
  pushed: 0,
  rejected: 0,
  pulled: 0,
  photosUploaded: 0,
  retryInMs: null,
  message: null,
})

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const now = options.now ?? Date.now
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    getToken: options.getToken,
  })
  const backoff = createBackoff(options.backoff)
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks

  function fail(out: SyncOutcome, failure: HttpFailure): SyncOutcome {
    out.message = failure.message
    switch (failure.kind) {
      case 'auth-expired':
      case 'account-disabled':
      case 'upgrade-required':
        out.state = failure.kind
        return out
      case 'network':
        out.state = 'offline'
        out.retryInMs = backoff.fail()
        return out
      case 'rate-limited':
        out.state = 'error'
        out.retryInMs = backoff.fail(failure.retryAfterMs)
        return out
      case 'server':
      case 'refused':
        out.state = 'error'
        out.retryInMs = backoff.fail()
        return out
    }
  }

  async function run(): Promise<SyncOutcome> {
    const { db } = options
    const out = emptyOutcome()
    const ctx: EngineContext = {
      db,
      http,
      clientId: await ensureClientId(db),
      now,
      progress: (p) => options.onProgress?.(p),
    }
    const push = async () => {
      const r = await pushAll(ctx)
      if (r.ok) {
        out.pushed += r.pushed
        out.rejected += r.rejected
      }
      return r
    }
    const first = await push()
    if (!first.ok) return fail(out, first.failure)
    const pulled = await pullAll(ctx, push)
    if (!pulled.ok) {
      // A disabled account's phone is wiped next: the photos of what was accepted go up first.
      if (pulled.failure.kind === 'account-disabled') {
        const photos = await uploadPhotos(ctx)
        if (photos.ok) out.photosUploaded = photos.uploaded
      }
      return fail(out, pulled.failure)
    }
    out.pulled = pulled.pulled
    const second = await push()
    if (!second.ok) return fail(out, second.failure)
    await setMeta(db, 'lastSyncAt', new Date(now()).toISOString())
    backoff.reset()
    const photos = await uploadPhotos(ctx)
    if (!photos.ok) return fail(out, photos.failure)
    out.photosUploaded = photos.uploaded
    if (first.stalled || second.stalled) {
      out.state = 'error'
      out.message = 'push-stalled'
      out.retryInMs = backoff.fail()
    }
    return out
  }

  function locked(): Promise<SyncOutcome> {
    if (!locks) return run()
    return locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, (lock) =>
      lock ? run() : { ...emptyOutcome(), state: 'busy' as const },
    )
  }

  let running: Promise<SyncOutcome> | null = null
  let queued: Promise<SyncOutcome> | null = null

  function syncOnce(): Promise<SyncOutcome> {
    if (!running) {
      running = locked().finally(() => {
        running = null
      })
      return running
    }
    // A call during a run (a new edit, "sync now") gets one follow-up run, shared by
    // every caller, so whatever was written meanwhile goes up without a pile of runs.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null
        return syncOnce()
      })
    return queued
  }

  return {
    syncOnce,
    get failures() {
      return backoff.failures
    },
  }
}
