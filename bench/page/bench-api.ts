import type { Actor as DeviceActor } from '@/db/actor'
import type { Visit } from '@/shared'
import type { VisitInput } from '@/features/visits/visits-repository'
import type { IdbCounts } from './idb-counter'

/**
 * What the benchmark page exposes as `window.gsBench`, driven by Playwright. Every
 * timing is taken inside the page with performance.now(), around the real code only.
 */

export interface Session {
  token: string
  userId: string
}

/** Who writes the benchmark's visits (the app's own `Actor`: a worker). */
export type Actor = DeviceActor

export interface SyncRun {
  ms: number
  state: string
  message: string | null
  pulled: number
  stored: Record<string, number>
  /** IndexedDB requests made until stored (see idb-counter.ts). */
  idb: IdbCounts
}

export interface PushRun {
  /** Until the last push batch was acknowledged and stored. */
  pushMs: number
  /** The whole sync run (push, then the pull that follows every push). */
  totalMs: number
  pushed: number
  pulled: number
  state: string
}

export interface PouchRun {
  ms: number
  docsRead: number
  docsWritten: number
  failures: number
  stored: number
}

export interface SaveTimings {
  /** createVisit: record + outbox + derived columns in one transaction (ms per save, a batch's mean). */
  repository: number[]
  /** db.visits.put of the same object with a new id (ms each). */
  bare: number[]
  /** The save's requests with none of its logic, in one transaction (ms each). */
  rows: number[]
}

export interface BenchApi {
  ourSync(s: Session): Promise<SyncRun>
  floor(a: { userId: string; url: string }): Promise<SyncRun>
  writeVisits(a: { userId: string; inputs: VisitInput[]; actor: Actor }): Promise<number>
  ourPush(s: Session): Promise<PushRun>
  /** The push floor: the same visits as one gzip body of bare records, one request. */
  pushFloor(a: { url: string; visits: Visit[] }): Promise<{ ms: number; received: number }>
  pouchPull(a: { url: string }): Promise<PouchRun>
  pouchWriteVisits(a: { url: string; visits: Visit[] }): Promise<number>
  pouchPush(a: { url: string }): Promise<PouchRun>
  /** Saves `inputs` in alternating batches of `batch` (each sample a batch's mean). */
  saveTimings(a: { userId: string; inputs: VisitInput[]; actor: Actor; batch: number }): Promise<SaveTimings>
}

declare global {
  interface Window {
    gsBench: BenchApi
  }
}
