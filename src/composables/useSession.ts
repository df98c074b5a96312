import { computed, type ComputedRef } from 'vue'
import type { PublicUser } from '@/shared'
import { useAuthStore } from '@/features/auth/auth-store'
import type { Actor } from '@/db/actor'

/**
 * Who is holding the phone, as the screens need it: the signed-in user (from the auth
 * store), the actor stamped on visits and wishes, and the grids she covers.
 */

export interface UseSession {
  user: ComputedRef<PublicUser | null>
  actor: ComputedRef<Actor>
  gridIds: ComputedRef<string[]>
}

export function useSession(): UseSession {
  const auth = useAuthStore()
  const user = computed(() => auth.user)
  return {
    user,
    actor: computed(() => ({ id: user.value?.id ?? '', name: user.value?.displayName ?? '', role: user.value?.role ?? 'worker' })),
    gridIds: computed(() => user.value?.gridIds ?? []),
  }
}
