/** The sync details page's route (apart from the feature's index, so the router does not load the sync store). */
export const syncRoute = { path: '/sync', name: 'sync', component: () => import('./SyncDetailsPage.vue') }
