import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { router, routes } from '@/router'
import { useAuthStore } from '@/features/auth/auth-store'

describe('router', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('sends a signed-out phone to the login page, remembering where it was going', async () => {
    await router.push('/households/new')
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.next).toBe('/households/new')
  })

  it('lets a signed-in worker through, with tab pages marked for the tab bar', async () => {
    const auth = useAuthStore()
    auth.user = { id: '0190a000-0000-7000-8000-0000000000aa', username: 'limei', displayName: '李梅', role: 'worker', communityId: null, gridIds: [] }
    await router.push('/wishes')
    expect(router.currentRoute.value.path).toBe('/wishes')
    expect(router.currentRoute.value.meta.tab).toBe(true)
    await router.push('/households/h1/visits/new?corrects=v1')
    const props = router.currentRoute.value.matched[0]?.props.default
    expect(typeof props === 'function' ? props(router.currentRoute.value) : props).toEqual({ id: 'h1', corrects: 'v1' })
  })

  it('opens nothing but the change-password screen while an admin-set password is unchanged', async () => {
    const auth = useAuthStore()
    auth.user = { id: '0190a000-0000-7000-8000-0000000000ab', username: 'limei', displayName: '李梅', role: 'worker', communityId: null, gridIds: [], mustChangePassword: true }
    for (const path of ['/', '/households', '/settings', '/supervisor/review']) {
      await router.push(path)
      expect(router.currentRoute.value.path, path).toBe('/password')
    }
    auth.user = { ...auth.user, mustChangePassword: false }
    await router.push('/households')
    expect(router.currentRoute.value.path).toBe('/households')
  })

  it('keeps every page out of the first bundle (lazy routes)', () => {
    const eager = routes.filter((r) => 'component' in r && typeof r.component !== 'function')
    expect(eager.map((r) => r.path)).toEqual([])
    expect(routes.filter((r) => 'component' in r).length).toBeGreaterThan(10)
  })
})
