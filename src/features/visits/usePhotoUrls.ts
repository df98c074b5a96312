import { computed, onScopeDispose, watch, type ComputedRef } from 'vue'
import type { PhotoRef } from '@/shared'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { getPhotoBlob } from '@/db/photos-repository'

/**
 * Object URLs of stored photos, one entry per ref: null where the blob is not on this
 * phone (not downloaded, or removed with a grid), so the screen can still show a tile.
 * URLs are revoked when no longer shown.
 */
export function usePhotoUrls(refs: () => PhotoRef[]): { urls: ComputedRef<(string | null)[]> } {
  const blobs = useLiveQuery({
    deps: [() => refs().map((r) => r.sha256).join()],
    initial: [] as (Blob | undefined)[],
    query: (db) => Promise.all(refs().map((r) => getPhotoBlob(db, r.sha256))),
  })
  const urls = computed(() => blobs.data.value.map((b) => (b instanceof Blob ? URL.createObjectURL(b) : null)))
  const revoke = (list: (string | null)[] | undefined) => list?.forEach((u) => u && URL.revokeObjectURL(u))
  watch(urls, (_now, before) => revoke(before))
  onScopeDispose(() => revoke(urls.value))
  return { urls }
}
