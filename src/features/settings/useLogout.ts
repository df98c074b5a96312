import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { getDb } from '@/db/db'
import { useAuthStore } from '@/features/auth/auth-store'
import { pendingUploads, type PendingUploads } from '@/features/auth/pending-uploads-repository'
import { useSyncStore } from '@/features/sync/sync-store'

/**
 * Signing out of a shared phone: upload first, then delete everything of hers. When
 * something still waits after the upload (no signal, an expired session), the screen
 * names it and asks: upload again, or sign out and delete it anyway.
 *
 * step: idle → uploading → confirm (all uploaded) | pending (something waits) → wiping.
 */
export type LogoutStep = 'idle' | 'uploading' | 'confirm' | 'pending' | 'wiping'
/** Why the last upload left something behind. */
export type UploadFailure = 'offline' | 'auth-expired' | 'other'

export interface UseLogout {
  step: Ref<LogoutStep>
  pending: ShallowRef<PendingUploads | null>
  failure: Ref<UploadFailure | null>
  open: ComputedRef<boolean>
  begin(): Promise<void>
  uploadFirst(): Promise<void>
  wipe(): Promise<void>
  cancel(): void
}

export function useLogout(): UseLogout {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const router = useRouter()
  const step = ref<LogoutStep>('idle')
  const pending = shallowRef<PendingUploads | null>(null)
  const failure = ref<UploadFailure | null>(null)

  async function upload(): Promise<void> {
    step.value = 'uploading'
    failure.value = null
    if (auth.sessionExpired) failure.value = 'auth-expired'
    else if (globalThis.navigator?.onLine === false) failure.value = 'offline'
    else {
      const outcome = await sync.syncNow()
      const state = outcome?.state ?? sync.state
      if (state !== 'idle') failure.value = state === 'offline' || state === 'auth-expired' ? state : 'other'
    }
    pending.value = await pendingUploads(getDb())
    if (pending.value.total === 0) failure.value = null
    step.value = pending.value.total > 0 ? 'pending' : 'confirm'
  }

  async function wipe(): Promise<void> {
    step.value = 'wiping'
    await auth.logout()
    step.value = 'idle'
    await router.replace('/login')
  }

  return {
    step,
    pending,
    failure,
    open: computed(() => step.value !== 'idle'),
    begin: upload,
    uploadFirst: upload,
    wipe,
    cancel: () => {
      step.value = 'idle'
    },
  }
}
