import { computed, onScopeDispose, watch, type ComputedRef } from 'vue'
import type { PhotoRef } from '@/shared'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { getPhotoBlob } from './photos-repository'

/** Object URLs of stored photos (missing ones are skipped); revoked when no longer shown. */
export function usePhotoUrls(refs: () => PhotoRef[]): { urls: ComputedRef<string[]> } {
  const blobs = useLiveQuery({
    deps: [() => refs().map((r) => r.sha256).join()],
    initial: [] as (Blob | undefined)[],
    query: (db) => Promise.all(refs().map((r) => getPhotoBlob(db, r.sha256))),
  })
  const urls = computed(() => blobs.data.value.flatMap((b) => (b ? [URL.createObjectURL(b)] : [])))
  watch(urls, (_now, before) => before?.forEach((u) => URL.revokeObjectURL(u)))
  onScopeDispose(() => urls.value.forEach((u) => URL.revokeObjectURL(u)))
  return { urls }
}
