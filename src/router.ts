import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { loginRoute, passwordRoute, useAuthStore } from '@/features/auth'
import { syncRoute } from '@/features/sync/sync-route'
import { installSupervisorLanding, supervisorRoutes } from '@/features/supervisor/supervisor-routes'
import { adminRoutes, installAdminLanding } from '@/features/admin/admin-routes'

/**
 * Routes of the worker's app. Every page is its own lazy chunk, so the first screen
 * (Today) loads only what it draws. `meta.tab` marks the four tab pages that show the
 * bottom tab bar; every route but `meta.public` ones needs a signed-in user.
 */

declare module 'vue-router' {
  interface RouteMeta {
    tab?: boolean
    /** Reachable without signing in. */
    public?: boolean
  }
}

const query = (key: string) => (r: RouteLocationNormalized) => ({
  ...r.params,
  [key]: typeof r.query[key] === 'string' ? r.query[key] : undefined,
})

const queryText = (r: RouteLocationNormalized, key: string) => (typeof r.query[key] === 'string' ? r.query[key] : undefined)

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'today', component: () => import('./features/today/TodayPage.vue'), meta: { tab: true } },
  { path: '/households', component: () => import('./features/households/HouseholdListPage.vue'), meta: { tab: true } },
  {
    // 这栋楼: one building's households, due first (from Today, and from building to building).
    path: '/building',
    component: () => import('./features/households/HouseholdBuildingPage.vue'),
    props: (r) => ({ estate: queryText(r, 'estate'), building: queryText(r, 'building') }),
  },
  { path: '/households/new', component: () => import('./features/households/HouseholdEditPage.vue') },
  { path: '/households/:id', component: () => import('./features/households/HouseholdPage.vue'), props: true },
  { path: '/households/:id/edit', component: () => import('./features/households/HouseholdEditPage.vue'), props: true },
  {
    path: '/households/:householdId/persons/new',
    component: () => import('./features/persons/PersonEditPage.vue'),
    props: true,
  },
  { path: '/persons/:id/edit', component: () => import('./features/persons/PersonEditPage.vue'), props: true },
  {
    path: '/households/:id/visits/new',
    component: () => import('./features/visits/VisitNewPage.vue'),
    props: query('corrects'),
  },
  { path: '/visits/:id', component: () => import('./features/visits/VisitPage.vue'), props: true },
  {
    path: '/households/:id/wishes/new',
    component: () => import('./features/wishes/WishNewPage.vue'),
    props: query('visitId'),
  },
  { path: '/wishes', component: () => import('./features/wishes/WishTreePage.vue'), meta: { tab: true } },
  { path: '/wishes/:id', component: () => import('./features/wishes/WishPage.vue'), props: true },
  {
    path: '/households/:id/assessments/new',
    component: () => import('./features/assessments/AssessmentNewPage.vue'),
    props: true,
  },
  { path: '/assessments/:id', component: () => import('./features/assessments/AssessmentPage.vue'), props: true },
  { path: '/settings', component: () => import('./features/settings/SettingsPage.vue'), meta: { tab: true } },
  loginRoute,
  passwordRoute,
  syncRoute,
  ...supervisorRoutes,
  ...adminRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// The admin's landing first: the supervisor's also admits admins to its workspace.
installAdminLanding(router)
installSupervisorLanding(router)

// A signed-out phone sees only the login page; after signing in she lands where she meant to go.
router.beforeEach((to) => {
  if (to.meta.public || useAuthStore().user) return true
  return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
})

// A password an admin set (or reset) is known to two people: nothing else opens until she changes it.
router.beforeEach((to) => {
  if (useAuthStore().user?.mustChangePassword && to.path !== '/password' && !to.meta.public) return { path: '/password' }
  return true
})
