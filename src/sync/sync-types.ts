import type { GridSisterDb } from '@/db/db'
import type { Http, HttpFailure } from './http'

/** What the device is doing, for a progress bar of a long first sync. */
export interface SyncProgress {
  phase: 'push' | 'pull' | 'photos'
  /** Items done in this phase so far (mutations, records or photos). */
  done: number
  /** Items expected in this phase, when known. */
  total: number | null
}

/** How a sync run ended; `busy` means another tab held the sync lock. */
export type SyncResultState = 'idle' | 'offline' | 'error' | 'auth-expired' | 'account-disabled' | 'upgrade-required' | 'busy'

export interface SyncOutcome {
  state: SyncResultState
  pushed: number
  rejected: number
  pulled: number
  photosUploaded: number
  /** When to try again after a transient failure (backoff with jitter), else null. */
  retryInMs: number | null
  message: string | null
}

/** What the push, pull and photo steps share during one run. */
export interface EngineContext {
  db: GridSisterDb
  http: Http
  clientId: string
  now: () => number
  progress: (p: SyncProgress) => void
}

export type StepResult<T> = ({ ok: true } & T) | { ok: false; failure: HttpFailure }
