import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Vant's base (variables, reset); each component brings its own CSS (vite.config.ts).
import 'vant/es/style/base.css'
import './styles/main.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { useAuthStore } from './features/auth'
import { captureInstallPrompt } from './features/pwa/install-prompt'
import { storedLocale, switchLocale } from './features/settings/settings-store'

// Chromium offers installation (beforeinstallprompt) once, as soon as the page is
// installable: listened for before anything waits (the session's restore, the first route).
captureInstallPrompt()

const app = createApp(App).use(createPinia()).use(i18n)
// The saved session (and its database) is restored before the router is installed, so
// the first route is resolved signed in and a reload with no signal opens straight onto
// the worker's data. A new phone has none: the router starts at once, without loading
// the database or the session's schema.
// Installing the router starts the first navigation, so the first page's chunk loads
// while a phone set to English loads its messages (one precached chunk; for Chinese this
// resolves at once). Mounting waits for both: the first paint is in the chosen language
// and the page replaces index.html's shell in one frame, with no blank frame between.
// A failed first navigation still mounts the app (the router reports its error).
// The main thread is handed back after evaluating the entry, after the session's restore
// (a signed-in start evaluates the database and the schemas there) and before the first
// render: shorter tasks instead of one long one, so a tap on a slow phone is not held up
// by all of them (the shell or the previous frame stays on screen meanwhile).
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const routed = yieldToMain()
  .then(() => useAuthStore().restore())
  .catch(() => false)
  .then(yieldToMain)
  .then(() => {
    app.use(router)
    return router.isReady()
  })
void Promise.all([switchLocale(storedLocale()).catch(() => undefined), routed.catch(() => undefined)])
  .then(yieldToMain)
  .then(() => app.mount('#app'))
