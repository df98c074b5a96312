/** The auth feature's public surface for the app shell (router, App). */
export { default as SessionBanner } from './SessionBanner.vue'
export { useAuthStore, type AuthState } from './auth-store'
export const loginRoute = { path: '/login', name: 'login', component: () => import('./LoginPage.vue'), meta: { public: true } }
/** 修改密码: from 我的 and the supervisor workspace, and forced first after an admin set the password. */
export const passwordRoute = { path: '/password', name: 'password', component: () => import('./PasswordChangePage.vue') }
