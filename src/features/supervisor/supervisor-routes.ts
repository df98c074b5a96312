import type { Component } from 'vue'
import type { RouteRecordRaw, Router } from 'vue-router'
import { START_LOCATION } from 'vue-router'
import { useAuthStore } from '@/features/auth'

/**
 * The supervisor's routes under /supervisor, lazy-loaded (ECharts and exceljs come only
 * with them), for supervisors and admins only: a worker who types the address lands on
 * her Today screen. A supervisor who opens the app or signs in lands on her review queue.
 */

const mayEnter = () => {
  const role = useAuthStore().user?.role
  return role === 'supervisor' || role === 'admin'
}

// The messages load with the first supervisor route, not with the worker's first screen.
const guard = async () => {
  if (!mayEnter()) return '/'
  const { installSupervisorMessages } = await import('./i18n/install')
  installSupervisorMessages()
  return true
}

type Lazy = () => Promise<{ default: Component }>
const page = (path: string, component: Lazy): RouteRecordRaw => ({ path, component })

export const supervisorRoutes: RouteRecordRaw[] = [
  {
    path: '/supervisor',
    component: () => import('./SupervisorLayout.vue'),
    beforeEnter: guard,
    children: [
      { path: '', redirect: '/supervisor/review' },
      // The record opens inside the queue: beside the list on a wide screen, in its place on a phone.
      {
        path: 'review',
        component: () => import('./ReviewQueuePage.vue'),
        children: [page(':kind/:id', () => import('./ReviewDetailPage.vue'))],
      },
      page('conflicts', () => import('./ConflictsPage.vue')),
      page('coverage', () => import('./CoveragePage.vue')),
      page('ledger', () => import('./LedgerPage.vue')),
      page('needs', () => import('./NeedsPage.vue')),
      page('map', () => import('./MapPage.vue')),
      page('export', () => import('./ExportPage.vue')),
      page('audit', () => import('./AuditPage.vue')),
      page('community', () => import('./CommunitySettingsPage.vue')),
    ],
  },
  { path: '/supervisor/report/print', component: () => import('./ReportPrintPage.vue'), beforeEnter: guard },
]

/**
 * Sends a supervisor to her workspace when she opens the app or has just signed in, and
 * whenever she would land on the worker's Today (she has no round of her own: the tab
 * bar of the settings page must not strand her there). An admin lands there on entry only.
 */
export function installSupervisorLanding(router: Router): void {
  router.beforeEach((to, from) => {
    if (to.path !== '/') return true
    const landing = from === START_LOCATION || from.path === '/login'
    if ((landing && mayEnter()) || useAuthStore().user?.role === 'supervisor') return '/supervisor/review'
    return true
  })
}
