import type { GridSisterDb } from '@/db/db'
import { getMetas } from '@/db/meta-repository'

/** How far the device's first download of its scope has got. */
export interface FirstSyncStatus {
  complete: boolean
  done: number
  /** What the server announced; null before its first page said. */
  total: number | null
}

/**
 * The first sync's progress as the pull stores it page by page (src/sync/pull.ts). A
 * device that synced before progress was kept has `lastSyncAt` and no record of it: done.
 */
export function firstSyncStatus(db: GridSisterDb): Promise<FirstSyncStatus> {
  return getMetas(db, ['firstSync', 'lastSyncAt'] as const).then(({ firstSync, lastSyncAt }) => {
    if (firstSync) return { complete: firstSync.complete, done: firstSync.done, total: firstSync.total }
    return { complete: !!lastSyncAt, done: 0, total: null }
  })
}
