/** The auth feature's public surface for the app shell (router, App). */
export { default as SessionBanner } from './SessionBanner.vue'
export { useAuthStore, type AuthState } from './auth-store'
export const loginRoute = { path: '/login', name: 'login', component: () => import('./LoginPage.vue'), meta: { public: true } }
