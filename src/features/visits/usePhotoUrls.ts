import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref } from 'vue'
import type { PhotoRef } from '@/shared'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { getPhotoBlob } from '@/db/photos-repository'
import { usePhotoStore } from '@/features/sync'

/**
 * Object URLs of stored photos, one entry per ref: null where the blob is not on this
 * phone (older than the download queue fetches by itself, or removed to stay within the
 * photo budget), so the screen can still show a tile. Given the records' grid, a missing
 * photo is fetched once while online (or when the network comes back); the stored blob
 * then shows by itself.
 * URLs are revoked when no longer shown.
 */
export interface UsePhotoUrlsOptions {
  /** The grid of the record naming the photos: the download is kept under it. */
  gridId?: () => string | undefined
}

export interface UsePhotoUrls {
  urls: ComputedRef<(string | null)[]>
  /** Photos being fetched now (by SHA-256), to say "downloading" instead of "not here". */
  fetching: Ref<ReadonlySet<string>>
}

export function usePhotoUrls(refs: () => PhotoRef[], options: UsePhotoUrlsOptions = {}): UsePhotoUrls {
  const photos = usePhotoStore()
  const blobs = useLiveQuery({
    deps: [() => refs().map((r) => r.sha256).join()],
    initial: [] as (Blob | undefined)[],
    query: (db) => Promise.all(refs().map((r) => getPhotoBlob(db, r.sha256))),
  })
  const urls = computed(() => blobs.data.value.map((b) => (b instanceof Blob ? URL.createObjectURL(b) : null)))
  const revoke = (list: (string | null)[] | undefined) => list?.forEach((u) => u && URL.revokeObjectURL(u))
  watch(urls, (_now, before) => revoke(before))
  onScopeDispose(() => revoke(urls.value))

  const fetching = ref<ReadonlySet<string>>(new Set())
  const asked = new Set<string>()
  const fetchMissing = () => {
    const gridId = options.gridId?.()
    if (blobs.state.value !== 'ready' || !gridId) return
    refs().forEach((ref, i) => {
      if (blobs.data.value[i] instanceof Blob || asked.has(ref.sha256)) return
      asked.add(ref.sha256)
      fetching.value = new Set([...fetching.value, ref.sha256])
      void photos.fetchPhoto(ref, gridId).then((stored) => {
        fetching.value = new Set([...fetching.value].filter((s) => s !== ref.sha256))
        // Asked again when the network is back; a photo the server lacks is not.
        if (!stored && globalThis.navigator?.onLine === false) asked.delete(ref.sha256)
      })
    })
  }
  watch([() => blobs.state.value, blobs.data], fetchMissing)
  globalThis.window?.addEventListener('online', fetchMissing)
  onScopeDispose(() => globalThis.window?.removeEventListener('online', fetchMissing))
  return { urls, fetching }
}
