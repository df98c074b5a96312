import { createRouter, createWebHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHistory(),
  routes: [{ path: '/', name: 'today', component: () => import('./features/today/TodayPage.vue') }],
})
