import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Vant's base (variables, reset); each component brings its own CSS (vite.config.ts).
import 'vant/es/style/base.css'
import './styles/main.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { useAuthStore } from './features/auth'
import { storedLocale, switchLocale } from './features/settings/settings-store'

const app = createApp(App).use(createPinia()).use(i18n)
// The saved session (and its database) is restored before the first route is resolved,
// so a reload with no signal opens straight onto the worker's data.
useAuthStore().restore()
// A phone set to English loads its messages (one precached chunk) before the first paint;
// for Chinese this resolves at once.
void switchLocale(storedLocale()).finally(() => app.use(router).mount('#app'))
