import { computed, onScopeDispose, getCurrentScope, ref, type ComputedRef, type Ref } from 'vue'

/**
 * Registers the service worker that precaches the app shell (built by vite-plugin-pwa
 * in `prompt` mode) and reports when a new version waits. The new version takes over
 * only when the person taps reload (`applyUpdate`), so nobody loses typed input to an
 * update; the page reloads once the new worker controls it, because the old page's
 * lazily loaded chunks may no longer be cached. workbox-window itself is loaded after
 * the first screen (it is not needed to draw it).
 */

export type ServiceWorkerState = 'disabled' | 'registering' | 'ready' | 'update-available' | 'updating' | 'error'

/** The part of workbox-window's `Workbox` this composable uses (tests inject a fake). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean }) => void): void
  register(): Promise<unknown>
  update(): Promise<unknown>
  messageSkipWaiting(): void
}

export interface UseServiceWorkerOptions {
  /** Register at all; defaults to production builds in a browser with service workers. */
  enabled?: boolean
  /** The worker script vite-plugin-pwa writes. */
  scriptUrl?: string
  createWorkbox?: (scriptUrl: string) => WorkboxLike | Promise<WorkboxLike>
  /** How often an open app asks the server for a newer version (ms). */
  checkEveryMs?: number
  reload?: () => void
}

export interface UseServiceWorker {
  state: Ref<ServiceWorkerState>
  updateAvailable: ComputedRef<boolean>
  error: Ref<string | null>
  /** Starts the registration (idempotent); call once the app is mounted. */
  register: () => Promise<void>
  /** Activates the waiting version; the page reloads when it controls the page. */
  applyUpdate: () => void
}

const HOUR = 60 * 60 * 1000

function defaultEnabled(): boolean {
  return import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator
}

export function useServiceWorker(options: UseServiceWorkerOptions = {}): UseServiceWorker {
  const {
    enabled = defaultEnabled(),
    scriptUrl = '/sw.js',
    createWorkbox = async (url: string): Promise<WorkboxLike> => new (await import('workbox-window')).Workbox(url),
    checkEveryMs = HOUR,
    reload = () => window.location.reload(),
  } = options
  const state = ref<ServiceWorkerState>(enabled ? 'registering' : 'disabled')
  const error = ref<string | null>(null)
  let workbox: WorkboxLike | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  let takenOver = false
  let started = false

  async function register(): Promise<void> {
    if (!enabled || started) return
    started = true
    let wb: WorkboxLike
    try {
      wb = await createWorkbox(scriptUrl)
    } catch (e) {
      // The chunk could not load (offline before it was cached): a later call retries.
      started = false
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
      return
    }
    workbox = wb
    wb.addEventListener('waiting', () => {
      if (state.value !== 'updating') state.value = 'update-available'
    })
    wb.addEventListener('controlling', (event) => {
      // The first install also takes control (clientsClaim); only an update we asked for reloads.
      if (state.value === 'updating') reload()
      else if (event.isUpdate) {
        // Another tab activated the new version: this page's old chunks are gone from the
        // cache, so it must reload too — still only when the person taps.
        takenOver = true
        state.value = 'update-available'
      }
    })
    try {
      await wb.register()
      if (state.value === 'registering') state.value = 'ready'
      timer = setInterval(() => {
        // Offline checks fail; the next one retries, nothing to report.
        wb.update().catch(() => undefined)
      }, checkEveryMs)
    } catch (e) {
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function applyUpdate(): void {
    if (!workbox || state.value !== 'update-available') return
    state.value = 'updating'
    if (takenOver) reload()
    else workbox.messageSkipWaiting()
  }

  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (timer) clearInterval(timer)
    })
  }

  return {
    state,
    updateAvailable: computed(() => state.value === 'update-available'),
    error,
    register,
    applyUpdate,
  }
}
