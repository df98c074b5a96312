import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { getDb, type GridSisterDb } from '@/db/db'
import type { PhotoRef } from '@/shared'
import { useAuthStore } from '@/features/auth/auth-store'
import type { DownloadOutcome, PhotoDownloader } from '@/sync/photo-downloader'
import { getTransport } from '@/sync/transport'

/**
 * The app's side of the photo download queue: a pass after each record sync that went
 * through (started, not awaited, so the sync is never held up by it), and a photo on
 * screen fetched at once when the phone does not have it. The queue is loaded with
 * import() on first use, like the sync engine, and stopped when the user changes.
 */

/** A pass that found everything in place is repeated after this long even with nothing new pulled. */
export const IDLE_PASS_MS = 10 * 60_000

/** How the last pass ended, for 我的; null before the first. */
export type PhotoQueueState = Extract<DownloadOutcome, { ok: true }>['state'] | 'offline' | 'error' | null

export const usePhotoStore = defineStore('photos', () => {
  const auth = useAuthStore()
  const state = ref<PhotoQueueState>(null)
  let db: GridSisterDb | null = null
  let downloader: PhotoDownloader | null = null
  let lastPassAt = -Infinity

  async function current(): Promise<PhotoDownloader | null> {
    if (!auth.signedIn) return null
    const open = getDb()
    if (open === db && downloader) return downloader
    const { createPhotoDownloader } = await import('@/sync/photo-downloader')
    if (open !== getDb()) return null
    downloader?.stop()
    db = open
    downloader = createPhotoDownloader({ db: open, ...getTransport(), getToken: () => auth.token })
    return downloader
  }

  /**
   * Starts a pass of the queue in the background (after a record sync went through).
   * Without new records (`pulled` 0) a pass that ended well is not repeated for a while:
   * the sync runs every minute, and each pass reads the recent visits.
   */
  function runInBackground(pulled = 1, now = Date.now()): void {
    if (pulled === 0 && state.value === 'done' && now - lastPassAt < IDLE_PASS_MS) return
    lastPassAt = now
    void current()
      .then((d) => d?.run())
      .then((outcome) => {
        if (!outcome) return
        state.value = outcome.ok ? outcome.state : outcome.failure.kind === 'network' ? 'offline' : 'error'
      })
      // A database closed by a logout mid-pass: nothing to show, the next user starts anew.
      .catch(() => (state.value = 'error'))
  }

  /** Fetches a photo on screen that the phone does not have; false when it could not. */
  async function fetchPhoto(photo: PhotoRef, gridId: string): Promise<boolean> {
    if (globalThis.navigator?.onLine === false) return false
    const d = await current().catch(() => null)
    return (await d?.fetchNow(photo, gridId).catch(() => 'failed' as const)) === 'stored'
  }

  watch(
    () => auth.user?.id,
    () => {
      downloader?.stop()
      downloader = null
      db = null
      state.value = null
      lastPassAt = -Infinity
    },
  )

  return { state, runInBackground, fetchPhoto }
})
