import type { RouteRecordRaw, Router } from 'vue-router'
import { START_LOCATION } from 'vue-router'
import { useAuthStore } from '@/features/auth'

/**
 * The administrator's console under /admin (lazy: its pages and messages load with it),
 * for admins only. An admin who opens the app or signs in lands here, not on the worker's
 * Today (her device holds no households) nor in the supervisor's workspace.
 */
const isAdmin = () => useAuthStore().user?.role === 'admin'

const guard = async () => {
  if (!isAdmin()) return '/'
  const { installAdminMessages } = await import('./i18n/install')
  installAdminMessages()
  return true
}

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminLayout.vue'),
    beforeEnter: guard,
    children: [
      { path: '', redirect: '/admin/places' },
      { path: 'places', component: () => import('./AdminPlacesPage.vue') },
      { path: 'accounts', component: () => import('./AdminAccountsPage.vue') },
      { path: 'assign', component: () => import('./AdminAssignPage.vue') },
      { path: 'import', component: () => import('./AdminImportPage.vue') },
      { path: 'overview', component: () => import('./AdminOverviewPage.vue') },
    ],
  },
]

/** Sends an admin to the console when she opens the app or has just signed in. */
export function installAdminLanding(router: Router): void {
  router.beforeEach((to, from) => {
    const landing = from === START_LOCATION || from.path === '/login'
    if (to.path === '/' && landing && isAdmin()) return '/admin'
    return true
  })
}
