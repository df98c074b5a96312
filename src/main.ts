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
// Installing the router starts the first navigation, so the first page's chunk loads
// while a phone set to English loads its messages (one precached chunk; for Chinese this
// resolves at once). Mounting waits for both: the first paint is in the chosen language
// and the page replaces index.html's shell in one frame, with no blank frame between.
// A failed first navigation still mounts the app (the router reports its error).
app.use(router)
void Promise.all([switchLocale(storedLocale()).catch(() => undefined), router.isReady().catch(() => undefined)]).then(() =>
  app.mount('#app'),
)
